"""Nothing the plugin generates replaces a file of the site or another generated page."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SiteBuilder

VALID_CATALOG = Path(__file__).parent / "bad_catalogs" / "_valid.yaml"


def _catalog_with_prefix(root: Path, prefix: str) -> str:
    text = VALID_CATALOG.read_text(encoding="utf-8")
    assert "prefix: TINY\n" in text
    root.mkdir(parents=True, exist_ok=True)
    (root / "own.yaml").write_text(text.replace("prefix: TINY\n", f"prefix: {prefix}\n"))
    return "own.yaml"


@pytest.mark.parametrize(
    ("prefix", "other"),
    [
        ("RAW", "BIML-78's page of component 'raw' (generated biml/raw.md)"),
        ("Coverage", "the coverage page (generated biml/coverage.md)"),
        ("data", "BIML-78's page of component 'data' (generated biml/data.md)"),
    ],
)
def test_a_catalogue_overview_on_a_component_page_url_is_an_error(
    site: SiteBuilder, tmp_path: Path, prefix: str, other: str
) -> None:
    catalog = _catalog_with_prefix(tmp_path, prefix)
    built = site({"index.md": "x\n"}, {"plugins": [{"biml": {"catalogs": [catalog]}}]})

    assert built.error is not None
    failure = built.failure()
    overview = f"biml/{prefix.lower()}/index.md"
    assert f"(generated {overview})" in failure
    assert other in failure
    assert f"both be written to biml/{prefix.lower()}/index.html" in failure
    assert "another prefix" in failure


def test_without_directory_urls_the_same_catalogues_do_not_collide(
    site: SiteBuilder, tmp_path: Path
) -> None:
    catalog = _catalog_with_prefix(tmp_path, "RAW")
    built = site(
        {"index.md": "x\n"},
        {"use_directory_urls": False, "plugins": [{"biml": {"catalogs": [catalog]}}]},
    )
    assert built.error is None, built.failure()
    assert (built.site_dir / "biml" / "raw.html").is_file()
    assert (built.site_dir / "biml" / "raw" / "index.html").is_file()


@pytest.mark.parametrize(
    ("user_file", "generated", "dest"),
    [
        ("biml/data/index.md", "biml/data.md", "biml/data/index.html"),
        ("biml/data.md", "biml/data.md", "biml/data/index.html"),
        ("biml/index.md", "biml/index.md", "biml/index.html"),
        ("biml/coverage/index.html", "biml/coverage.md", "biml/coverage/index.html"),
        ("biml/risk-register.json", None, "biml/risk-register.json"),
        ("biml/risk-register.csv", None, "biml/risk-register.csv"),
        ("assets/mkdocs-biml/biml.css", None, "assets/mkdocs-biml/biml.css"),
    ],
)
def test_a_site_file_on_a_generated_output_is_an_error(
    site: SiteBuilder, user_file: str, generated: str | None, dest: str
) -> None:
    built = site({"index.md": "x\n", user_file: "# Mine\n"})

    assert built.error is not None
    failure = built.failure()
    assert f"your file docs/{user_file}" in failure
    if generated is not None:
        assert f"(generated {generated})" in failure
    assert f"both be written to {dest}" in failure
    assert "rename your file" in failure
    assert (built.root / "docs" / user_file).read_text(encoding="utf-8") == "# Mine\n"


def test_a_nested_folder_checks_its_own_outputs(site: SiteBuilder) -> None:
    built = site(
        {"index.md": "x\n", "risks/biml/risk-register.json": "{}\n"},
        {"plugins": [{"biml": {"folder": "risks/biml"}}]},
    )
    assert built.error is not None
    assert "your file docs/risks/biml/risk-register.json" in built.failure()


def test_without_a_register_a_users_register_file_is_copied_untouched(site: SiteBuilder) -> None:
    built = site(
        {"index.md": "[data:2:transfer]\n", "biml/risk-register.json": '{"mine": true}\n'},
        {"plugins": [{"biml": {"register": False}}]},
    )
    assert built.error is None, built.failure()
    assert (built.site_dir / "biml" / "risk-register.json").read_text() == '{"mine": true}\n'
