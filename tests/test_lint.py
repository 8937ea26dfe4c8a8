"""``mkdocs-biml lint`` reports exactly what the build warns about, at file:line:column."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from mkdocs_biml.cli import main
from mkdocs_biml.cli.lint import run_lint
from mkdocs_biml.cli.lint_formats import as_text
from tests.sites import BuiltSite, run_module, write_site

SiteBuilder = Callable[..., BuiltSite]
Found = set[tuple[str, int | None, str]]

FENCE = "```"

#: Every problem a page can have, and tags in places the build must skip.
PAGES = {
    "index.md": "# Home\n\nA clean page citing [data:2:transfer].\n",
    "statuses.md": f"""\
        ---
        title: Statuses
        biml:
          data:2:transfer: mitigated
          dta:2:transfer: open
          raw:4:legal: acepted
        ---


        # Statuses

        Unknown [data:9:nothing] and mismatched [data:3:transfer] tags.
        Ambiguous [inference:3] here, and again [data:9:nothing].

        Tags in code are not tags: `[data:8:span]`

        {FENCE}
        [data:7:fenced]
        {FENCE}

            [data:6:indented]

        <div markdown="0">[data:5:html]</div>

        <!-- [data:4:comment] -->
        """,
    "sub/after-code.md": f"""\
        Code first: `[data:9:twice]` then

        {FENCE}text
        [data:7:fenced]
        {FENCE}

        prose [data:9:twice] and [alg:99:nothing] and [data:1:poisonin].

        [system:2:nope]
        """,
    "sub/multimarkdown.md": "Title: Old style\nbiml: data:2:transfer\n\n[raw:99:x]\n",
    "drafts/excluded.md": "[data:9:excluded]\n",
}


def plugin(**options: Any) -> dict[str, Any]:
    # Pages off: generated pages never report problems, and are another module's subject.
    return {"plugins": [{"biml": {"pages": False, **options}}], "exclude_docs": "drafts/\n"}


CONFIGS = {
    "default": plugin(),
    "material-superfences": {
        **plugin(on_unknown="ignore"),
        "theme": {"name": "material"},
        "markdown_extensions": [
            "admonition",
            "attr_list",
            "md_in_html",
            {"pymdownx.superfences": {}},
            {"pymdownx.highlight": {}},
            "pymdownx.inlinehilite",
        ],
    },
    "extension-only": {
        "plugins": [],
        "exclude_docs": "drafts/\n",
        "markdown_extensions": [{"biml": {"link": False, "on_unknown": "warn"}}],
    },
}


def build_problems(site: BuiltSite) -> Found:
    """``(src_uri, line, message)`` of each ``biml: path:line: message`` warning."""
    found: Found = set()
    for warning in site.biml_warnings():
        location, message = warning.removeprefix("biml: ").split(": ", 1)
        path, _, line = location.partition(":")
        found.add((path, int(line) if line else None, message))
    return found


def lint_problems(config_file: Path, *paths: str) -> Found:
    report = run_lint(list(paths), str(config_file))
    return {(p.src_uri, p.line, p.message) for p in report.problems}


@pytest.mark.parametrize("name", list(CONFIGS))
def test_lint_reports_exactly_what_the_build_warns(site: SiteBuilder, name: str) -> None:
    built = site(PAGES, CONFIGS[name])
    assert built.error is None, built.error
    expected = build_problems(built)
    assert len(expected) >= 4, expected
    assert not any("[data:8:span]" in m or "[data:7:fenced]" in m for _, _, m in expected)
    found = lint_problems(built.root / "mkdocs.yml")
    # With or without the plugin, the extension knows the page and its front matter.
    assert found == expected


def test_what_the_lint_finds_is_where_the_source_has_it(
    site: SiteBuilder, monkeypatch: pytest.MonkeyPatch
) -> None:
    built = site(PAGES, plugin())
    monkeypatch.chdir(built.root)
    report = run_lint([])
    lines = as_text(report).splitlines()
    suggest = "did you mean [data:7:online], [data:1:poisoning]?"
    statuses = [line for line in lines if line.startswith("docs/statuses.md")]
    assert statuses == [
        "docs/statuses.md:5:3: front matter: unknown tag [dta:2:transfer]; "
        "did you mean [data:2:transfer], [data:4:storage]?",
        "docs/statuses.md:6:3: front matter: status 'acepted' of [raw:4:legal] is not one of "
        "open, mitigated, accepted, not-applicable; did you mean 'accepted'? "
        "(the plugin's 'statuses' option sets the list)",
        f"docs/statuses.md:12:9: unknown tag [data:9:nothing]; {suggest}",
        "docs/statuses.md:12:41: tag [data:3:transfer] resolved to [data:2:transfer] by its "
        "descriptor; its number does not match: write [data:2:transfer]",
        "docs/statuses.md:13:11: tag [inference:3] is ambiguous: add the descriptor, one of "
        "[inference:3:hyperparameters], [inference:3:confidence scores]",
        f"docs/statuses.md:13:41: unknown tag [data:9:nothing]; {suggest}",
    ]
    assert lines[-1] == "mkdocs-biml lint: 12 problems in 3 of 4 files"
    assert not any("drafts/" in line for line in lines), "exclude_docs is the build's"


def test_files_given_are_the_only_ones_linted(
    site: SiteBuilder, monkeypatch: pytest.MonkeyPatch
) -> None:
    built = site(PAGES, plugin())
    monkeypatch.chdir(built.root)
    report = run_lint(["docs/sub/multimarkdown.md"])
    assert report.files == ["docs/sub/multimarkdown.md"]
    assert [str(p) for p in report.problems] == [
        "docs/sub/multimarkdown.md:2:1: front matter: 'biml' must map tags to statuses, one "
        "per line (e.g. 'data:2:transfer: mitigated'), not text ('data:2:transfer')",
        "docs/sub/multimarkdown.md:4:1: unknown tag [raw:99:x]",
    ]
    folder = run_lint(["docs/sub"])
    assert folder.files == ["docs/sub/after-code.md", "docs/sub/multimarkdown.md"]


def test_without_a_config_file_mkdocs_defaults_apply(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = tmp_path / "docs"
    (docs / ".hidden").mkdir(parents=True)
    (docs / ".hidden" / "x.md").write_text("[data:9:hidden]\n", encoding="utf-8")
    (docs / "a.md").write_text(
        f"{FENCE}\n[data:9:code]\n{FENCE}\n\n---\n\n[data:9:prose]\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    report = run_lint([])
    assert [f"{p.path}:{p.line}:{p.column}" for p in report.problems] == ["docs/a.md:7:1"]
    assert report.files == ["docs/a.md"]


def _tiny_catalog(path: Path) -> Path:
    source = Path(__file__).parent / "bad_catalogs" / "_valid.yaml"
    path.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    return path


def test_catalog_option_adds_a_catalogue(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_site(tmp_path, {"index.md": "Leaks [TINY:intake:1:leak]\n"}, plugin())
    catalog = _tiny_catalog(tmp_path / "tiny.yaml")
    monkeypatch.chdir(tmp_path)
    assert main(["lint"]) == 1
    assert "unknown tag [TINY:intake:1:leak]" in capsys.readouterr().out
    assert main(["lint", "--catalog", str(catalog)]) == 0
    assert capsys.readouterr().out == "mkdocs-biml lint: 1 file checked, no problems\n"


def test_catalogues_of_the_config_are_relative_to_it(tmp_path: Path) -> None:
    write_site(tmp_path, {"index.md": "[TINY:intake:1:leak]\n"}, plugin(catalogs=["tiny.yaml"]))
    _tiny_catalog(tmp_path / "tiny.yaml")
    assert lint_problems(tmp_path / "mkdocs.yml") == set()


def test_json_format(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_site(tmp_path, {"a.md": "x [data:9:nothing]\n"}, plugin(on_unknown="error"))
    monkeypatch.chdir(tmp_path)
    assert main(["lint", "--format", "json"]) == 1
    assert json.loads(capsys.readouterr().out) == {
        "files": 1,
        "skipped": [],
        "problems": [
            {
                "path": "docs/a.md",
                "src_uri": "a.md",
                "line": 1,
                "column": 3,
                "message": "unknown tag [data:9:nothing]; "
                "did you mean [data:7:online], [data:1:poisoning]?",
                "severity": "error",
            }
        ],
    }


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["lint", "missing.md"], "mkdocs-biml: no such file or directory: missing.md\n"),
        (["lint", "-f", "other.yml"], "mkdocs-biml: config file not found: other.yml\n"),
        (["lint", "--catalog", "nope.yaml"], "nope.yaml"),
    ],
)
def test_setup_problems_exit_2_with_one_message(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    arguments: list[str],
    message: str,
) -> None:
    write_site(tmp_path, {"index.md": "# Home\n"}, plugin())
    monkeypatch.chdir(tmp_path)
    assert main(arguments) == 2
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1, err


def test_bad_config_exits_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_site(tmp_path, {"index.md": "# Home\n"}, plugin(on_unknown="explode"))
    monkeypatch.chdir(tmp_path)
    assert main(["lint"]) == 2
    assert "on_unknown" in capsys.readouterr().err


@pytest.mark.slow
def test_command_line_exit_codes(tmp_path: Path) -> None:
    """The real ``python -m mkdocs_biml``, as pre-commit and CI run it."""
    config_file = write_site(tmp_path, {"index.md": "# Home\n\n[data:2:transfer]\n"}, plugin())
    # A Python tag in the config, as Material's recipes use: read by MkDocs' own loader.
    with config_file.open("a", encoding="utf-8") as config:
        config.write(
            "markdown_extensions:\n"
            "  - pymdownx.superfences:\n"
            "      custom_fences:\n"
            "        - name: mermaid\n"
            "          class: mermaid\n"
            "          format: !!python/name:pymdownx.superfences.fence_code_format\n"
        )

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return run_module(tmp_path, "mkdocs_biml", *args)

    clean = run("lint")
    assert (clean.returncode, clean.stdout) == (
        0,
        "mkdocs-biml lint: 1 file checked, no problems\n",
    )
    (tmp_path / "docs" / "bad.md").write_text(
        "[data:2:transfr]\n\n```mermaid\n[data:9:in a fence]\n```\n", encoding="utf-8"
    )
    problems = run("lint", "docs/bad.md")
    assert problems.returncode == 1, problems.stderr
    assert problems.stdout.splitlines() == [
        "docs/bad.md:1:1: unknown tag [data:2:transfr]; "
        "did you mean [data:2:transfer], [data:4:storage]?",
        "mkdocs-biml lint: 1 problem in 1 of 1 file",
    ]
    usage = run("lint", "--format", "xml")
    assert usage.returncode == 2
    assert "invalid choice" in usage.stderr


def test_version_and_no_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.startswith("mkdocs-biml 0.")
    assert main([]) == 2
    assert "lint" in capsys.readouterr().err


def test_generate_writes_the_framework_pages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["generate", str(tmp_path / "out"), "--folder", "risks"]) == 0
    assert (tmp_path / "out" / "risks" / "data.md").is_file()
    assert "mkdocs-biml generate: wrote" in capsys.readouterr().out
