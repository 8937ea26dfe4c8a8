"""Each message carries one prefix, added where it leaves: ``biml:`` by the plugin,
``mkdocs-biml:`` by the command line; exceptions below them carry plain messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_biml.cli import main
from mkdocs_biml.cli.lint import Linter, LintSetupError
from mkdocs_biml.cli.lint_settings import SiteSettings
from tests.conftest import SiteBuilder

CORPUS = Path(__file__).parent / "bad_catalogs"
#: A component labelled "references": its page would be the catalogue's references page.
CLASHING_PAGES = (
    (CORPUS / "_valid.yaml")
    .read_text(encoding="utf-8")
    .replace("label: train\n", "label: references\n")
    .replace("train:", "references:")
    .replace("to: train", "to: references")
)
CLASH = "two generated pages would both be docs/biml/tiny/references.md"


def test_generate_says_mkdocs_biml_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "risks.yaml").write_text(CLASHING_PAGES, encoding="utf-8")
    assert main(["generate", str(tmp_path / "out"), "--catalog", str(tmp_path / "risks.yaml")]) == 2
    assert capsys.readouterr().err.startswith(f"mkdocs-biml: {CLASH}")


def test_generate_into_a_file_says_mkdocs_biml_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "out").write_text("x", "utf-8")
    assert main(["generate", str(tmp_path / "out")]) == 2
    assert capsys.readouterr().err == f"mkdocs-biml: {tmp_path / 'out'} is not a folder\n"


def test_the_plugin_says_biml_once(site: SiteBuilder, tmp_path: Path) -> None:
    (tmp_path / "risks.yaml").write_text(CLASHING_PAGES, encoding="utf-8")
    built = site({"index.md": "# Home\n"}, {"plugins": [{"biml": {"catalogs": ["risks.yaml"]}}]})
    assert built.error is not None
    assert f"biml: {CLASH}" in built.failure()
    assert "biml: biml:" not in built.failure()


def test_lint_options_say_biml_once() -> None:
    settings = SiteSettings(
        options={"link_text": "{nope}"},
        catalog_sources=["biml-78"],
        statuses=None,
        extensions=[],
        extension_configs={},
    )
    with pytest.raises(LintSetupError) as raised:
        Linter(settings)
    assert str(raised.value).startswith("biml options: link_text '{nope}' is not valid")
