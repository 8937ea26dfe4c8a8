"""``mkdocs-biml lint`` as teams run it: from any folder, in pre-commit, in CI (issues 15, 20).

Every test runs the real command (the console script of this environment)
on a small real site in a temporary folder.
"""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml
from mkdocs.utils import markdown_extensions

from mkdocs_biml.cli.lint import LintProblem, LintReport
from mkdocs_biml.cli.lint_formats import RULES, as_github
from mkdocs_biml.cli.lint_settings import CONFIG_NAMES, find_config
from tests.sites import build_site, write_site

ROOT = Path(__file__).resolve().parents[1]
COMMAND = [str(Path(sys.executable).parent / "mkdocs-biml"), "lint"]
SARIF_SCHEMA = Path(__file__).parent / "sarif" / "github-minimal.schema.json"

#: Valid with the site's catalogues only: a custom one (TINY) and BIML-LLM.
SITE_TAGS = "Leaks [TINY:intake:1:leak] and [LLM:raw:1:recursive pollution].\n"
UNKNOWN = "unknown tag [data:9:nothing]; did you mean [data:7:online], [data:1:poisoning]?"


def lint(
    cwd: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*COMMAND, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={"PATH": "/usr/bin:/bin", "PYTHONWARNINGS": "ignore", **(env or {})},
    )


def custom_site(root: Path, pages: dict[str, str], config_name: str = "mkdocs.yml") -> Path:
    """A site whose tags need its own catalogues: a custom file and BIML-LLM."""
    config = {
        "plugins": [{"biml": {"pages": False, "catalogs": ["tiny.yaml", "biml-llm"]}}],
        "exclude_docs": "drafts/\n",
    }
    config_file = write_site(root, pages, config)
    source = Path(__file__).parent / "bad_catalogs" / "_valid.yaml"
    (root / "tiny.yaml").write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    return config_file.rename(root / config_name)


def problem_lines(stdout: str) -> list[str]:
    return stdout.splitlines()[:-1]


# -- which files: MkDocs' own rule, and every file named -----------------------------------


@pytest.mark.slow
def test_every_file_mkdocs_builds_as_a_page_is_linted(tmp_path: Path) -> None:
    pages = {f"{ext[1:]}{ext}": "# Page\n\nx [data:9:nothing]\n" for ext in markdown_extensions}
    pages["index.md"] = "# Home\n"
    built = build_site(tmp_path, pages, {"plugins": [{"biml": {"pages": False}}]})
    warned = {w.split(":")[1].strip() for w in built.biml_warnings()}
    assert warned == {f"{ext[1:]}{ext}" for ext in markdown_extensions}
    for args in ([], ["docs"], ["docs/"]):
        done = lint(tmp_path, *args)
        assert done.returncode == 1, (args, done.stdout, done.stderr)
        assert problem_lines(done.stdout) == [
            f"docs/{ext[1:]}{ext}:3:3: {UNKNOWN}" for ext in sorted(markdown_extensions)
        ]
        assert done.stdout.splitlines()[-1] == (
            f"mkdocs-biml lint: {len(pages) - 1} problems in {len(pages) - 1} of {len(pages)} files"
        )


def test_a_named_file_outside_docs_dir_is_linted_with_the_sites_settings(tmp_path: Path) -> None:
    custom_site(tmp_path, {"index.md": "# Home\n", "drafts/wip.md": "[data:9:nothing]\n"})
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "plan.markdown").write_text(SITE_TAGS, encoding="utf-8")
    (tmp_path / "README.md").write_text(f"{SITE_TAGS}\nx [data:9:nothing]\n", encoding="utf-8")
    done = lint(tmp_path, "README.md", "notes/plan.markdown", "docs/drafts/wip.md")
    assert done.returncode == 1, done.stderr
    assert problem_lines(done.stdout) == [
        f"README.md:3:3: {UNKNOWN}",
        f"docs/drafts/wip.md:1:1: {UNKNOWN}",
    ]
    assert done.stdout.splitlines()[-1] == "mkdocs-biml lint: 2 problems in 2 of 3 files"
    assert done.stderr == (
        "mkdocs-biml lint: not pages of the site (outside docs_dir, or excluded), linted with "
        "its settings: README.md, notes/plan.markdown, docs/drafts/wip.md\n"
    )
    # A folder outside docs_dir: the files MkDocs would build as pages there.
    folder = lint(tmp_path, "notes")
    assert (folder.returncode, folder.stdout) == (
        0,
        "mkdocs-biml lint: 1 file checked, no problems\n",
    )


@pytest.mark.parametrize(
    ("named", "message"),
    [
        ("mkdocs.yml", "mkdocs.yml is not a Markdown file: MkDocs builds pages only from "),
        ("notes.txt", "notes.txt is not a Markdown file: MkDocs builds pages only from "),
        ("empty", "no Markdown page in empty"),
        ("missing.md", "no such file or directory: missing.md"),
    ],
)
def test_a_named_path_that_cannot_be_linted_exits_2_saying_why(
    tmp_path: Path, named: str, message: str
) -> None:
    custom_site(tmp_path, {"index.md": "# Home\n"})
    (tmp_path / "notes.txt").write_text("[data:9:nothing]\n", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    done = lint(tmp_path, named)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.startswith(f"mkdocs-biml: {message}"), done.stderr
    assert done.stderr.count("\n") == 1


# -- which config: the nearest one, as git, ruff and pre-commit find theirs ------------------


@pytest.mark.parametrize("config_name", ["mkdocs.yml", "properdocs.yml"])
@pytest.mark.slow
def test_the_config_is_found_from_any_folder_of_the_site(tmp_path: Path, config_name: str) -> None:
    custom_site(
        tmp_path,
        {"index.md": SITE_TAGS, "guide/setup.md": f"{SITE_TAGS}\nx [data:9:nothing]\n"},
        config_name,
    )
    docs = tmp_path / "docs"
    clean = lint(docs, "index.md")
    assert (clean.returncode, clean.stdout, clean.stderr) == (
        0,
        "mkdocs-biml lint: 1 file checked, no problems\n",
        "",
    )
    whole_site = lint(docs / "guide")
    assert whole_site.returncode == 1, whole_site.stderr
    assert problem_lines(whole_site.stdout) == [f"setup.md:3:3: {UNKNOWN}"]
    assert whole_site.stdout.splitlines()[-1] == "mkdocs-biml lint: 1 problem in 1 of 2 files"


def test_without_a_config_lint_says_so_once_and_what_it_uses(tmp_path: Path) -> None:
    assert find_config(tmp_path) is None, "a config above the test folder"
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text("# A\n\n[data:2:transfer]\n", encoding="utf-8")
    (tmp_path / "docs" / "b.md").write_text(SITE_TAGS, encoding="utf-8")
    done = lint(tmp_path)
    assert done.returncode == 1
    assert problem_lines(done.stdout) == [
        "docs/b.md:1:7: unknown tag [TINY:intake:1:leak]",
        "docs/b.md:1:32: unknown tag [LLM:raw:1:recursive pollution]",
    ]
    names = ", ".join(CONFIG_NAMES[:-1]) + f" or {CONFIG_NAMES[-1]}"
    assert done.stderr == (
        f"mkdocs-biml lint: no {names} in {tmp_path} or a folder above it: using the defaults "
        "of MkDocs and of the biml plugin (catalogues BIML-78; Markdown extensions toc, tables, "
        "fenced_code; the pages in ./docs); -f/--config-file FILE names a config\n"
    )


#: docs/hosts/zensical.md's zensical.toml, with this test's own catalogue.
ZENSICAL_TOML = """\
[project]
site_name = "Risk notes"
extra_css = ["biml/assets/biml.css"]

[project.markdown_extensions.admonition]
[project.markdown_extensions.toc]
permalink = true
[project.markdown_extensions.biml]
catalogs = ["biml-78", "tiny.yaml", "biml-llm"]
on_unknown = "error"
"""


@pytest.mark.slow
def test_a_zensical_site_is_linted_with_the_settings_of_its_zensical_toml(tmp_path: Path) -> None:
    custom_site(tmp_path, {"index.md": SITE_TAGS, "guide/setup.md": "x [data:9:nothing]\n"})
    (tmp_path / "mkdocs.yml").unlink()
    (tmp_path / "zensical.toml").write_text(ZENSICAL_TOML, encoding="utf-8")
    # From a subfolder, as pre-commit or an editor may run it: the catalogue's
    # path is still read from the project folder, where Zensical runs.
    done = lint(tmp_path / "docs" / "guide")
    assert done.returncode == 1, done.stderr
    assert problem_lines(done.stdout) == [f"setup.md:1:3: {UNKNOWN}"]
    assert done.stdout.splitlines()[-1] == "mkdocs-biml lint: 1 problem in 1 of 2 files"
    assert done.stderr == ""


@pytest.mark.parametrize(
    "theme",
    [
        {"features": ["navigation.instant"]},  # no name: Zensical's own theme
        {"name": "a-theme-not-installed", "language": "fr"},
    ],
)
def test_lint_needs_no_theme_from_mkdocs_yml(tmp_path: Path, theme: dict[str, object]) -> None:
    config_file = custom_site(tmp_path, {"index.md": SITE_TAGS, "b.md": "x [data:9:nothing]\n"})
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    config_file.write_text(yaml.safe_dump({**config, "theme": theme}), encoding="utf-8")
    done = lint(tmp_path)
    assert done.returncode == 1, done.stderr
    assert problem_lines(done.stdout) == [f"docs/b.md:1:3: {UNKNOWN}"]


@pytest.mark.slow
def test_messages_use_the_words_of_the_usage_text(tmp_path: Path) -> None:
    done = lint(tmp_path)
    assert done.returncode == 2
    assert done.stderr.startswith("mkdocs-biml: no PATH given, "), done.stderr
    usage = subprocess.run([*COMMAND, "--help"], capture_output=True, text=True, check=True)
    assert "[PATH ...]" in usage.stdout
    assert "DOCS_DIR" not in done.stderr + usage.stdout


# -- pre-commit ------------------------------------------------------------------------------


def _hook() -> dict[str, object]:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = (h for h in hooks if h["id"] == "mkdocs-biml-lint")
    return dict(hook)


def test_the_pre_commit_hook_takes_pages_configs_and_catalogues() -> None:
    hook = _hook()
    assert (hook["entry"], hook["language"]) == ("mkdocs-biml lint --changed", "python")
    files = re.compile(str(hook["files"]))
    # pre-commit matches `files` with re.search on paths relative to the repository root.
    for ext in markdown_extensions:
        assert files.search(f"docs/guide/page{ext}"), ext
    for config in (*CONFIG_NAMES, "site/mkdocs.yml", "catalogs/acme-risks.yaml", "our.yml"):
        assert files.search(config), config
    for other in ("docs/page.mdx", "notes.txt", "docs/page.md.orig", "docs/logo.png"):
        assert not files.search(other), other


def hook(cwd: Path, *changed: str) -> subprocess.CompletedProcess[str]:
    """The hook as pre-commit runs it: from the repository root, with the changed files."""
    program, command, *options = shlex.split(str(_hook()["entry"]))
    assert (program, command) == ("mkdocs-biml", "lint")
    return lint(cwd, *options, *changed)


def test_the_pre_commit_hook_lints_the_paths_pre_commit_passes(tmp_path: Path) -> None:
    """pre-commit runs the entry from the repository root with changed files, relative to it."""
    custom_site(tmp_path, {"index.md": SITE_TAGS, "guide.markdown": "x [data:9:nothing]\n"})
    (tmp_path / "README.md").write_text(SITE_TAGS, encoding="utf-8")
    done = hook(tmp_path, "docs/index.md", "docs/guide.markdown", "README.md")
    assert done.returncode == 1, done.stderr
    assert problem_lines(done.stdout) == [f"docs/guide.markdown:1:3: {UNKNOWN}"]


@pytest.mark.parametrize("changed", ["mkdocs.yml", "tiny.yaml"])
def test_a_changed_config_or_catalogue_lints_every_page(tmp_path: Path, changed: str) -> None:
    custom_site(tmp_path, {"index.md": SITE_TAGS, "guide.markdown": "x [data:9:nothing]\n"})
    (tmp_path / ".github").mkdir()
    (tmp_path / ".github" / "ci.yml").write_text("on: push\n", encoding="utf-8")
    done = hook(tmp_path, ".github/ci.yml", changed)
    assert done.returncode == 1, done.stderr
    assert problem_lines(done.stdout) == [f"docs/guide.markdown:1:3: {UNKNOWN}"]
    assert done.stdout.splitlines()[-1] == "mkdocs-biml lint: 1 problem in 1 of 2 files"
    assert done.stderr == (
        f"mkdocs-biml lint: {changed} changed: every page of the site is linted\n"
    )


def test_the_hook_skips_yaml_that_is_not_the_sites_saying_so(tmp_path: Path) -> None:
    custom_site(tmp_path, {"index.md": SITE_TAGS, "guide.markdown": "x [data:9:nothing]\n"})
    (tmp_path / "other.yml").write_text("a: 1\n", encoding="utf-8")
    done = hook(tmp_path, "other.yml", "docs/index.md")
    assert (done.returncode, done.stdout) == (0, "mkdocs-biml lint: 1 file checked, no problems\n")
    assert done.stderr == (
        "mkdocs-biml lint: skipped, neither Markdown nor the site's config or catalogues: "
        "other.yml\n"
    )


# -- CI formats ------------------------------------------------------------------------------

#: A problem of each kind, in a file whose name needs GitHub's property escaping.
CI_PAGE = """\
---
biml:
  data:2:transfer: acepted
  raw:4:legal: open
  "[raw:4:legal]": open
---

x [data:9:100% sure] and [data:3:transfer], [inference:3].
"""


def test_github_format_prints_workflow_commands(tmp_path: Path) -> None:
    custom_site(tmp_path, {"index.md": "# Home\n", "a,b:c.md": CI_PAGE})
    on_unknown_error = (tmp_path / "mkdocs.yml").read_text(encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        on_unknown_error.replace("pages: false", "pages: false\n    on_unknown: error"),
        encoding="utf-8",
    )
    done = lint(tmp_path, "--format", "github")
    assert done.returncode == 1, done.stderr
    file = "file=docs/a%2Cb%3Ac.md"
    assert done.stdout.splitlines() == [
        f"::warning {file},line=3,col=3::front matter: status 'acepted' of [data:2:transfer] is "
        "not one of open, mitigated, accepted, not-applicable; did you mean 'accepted'? "
        "(the plugin's 'statuses' option sets the list)",
        f"::warning {file},line=4,col=3::front matter: [raw:4:legal] names [raw:4:legal] again "
        "(already given status 'open'): keep one entry per risk",
        f"::error {file},line=8,col=3::unknown tag [data:9:100%25 sure]; did you mean "
        "[data:4:storage]?",
        f"::warning {file},line=8,col=26::tag [data:3:transfer] resolved to [data:2:transfer] by "
        "its descriptor; its number does not match: write [data:2:transfer]",
        f"::error {file},line=8,col=45::tag [inference:3] is ambiguous: add the descriptor, one "
        "of [inference:3:hyperparameters], [inference:3:confidence scores]",
        "mkdocs-biml lint: 5 problems in 1 of 2 files",
    ]


def _subfolder_site(repository: Path) -> Path:
    """A site in ``repository/handbook``, with one unknown tag in docs/guide/a.md."""
    site = repository / "handbook"
    site.mkdir()
    custom_site(site, {"index.md": "# Home\n", "guide/a.md": "x [data:9:nothing]\n"})
    return site


@pytest.mark.parametrize("found_by", ["git", "GITHUB_WORKSPACE"])
def test_github_and_sarif_paths_are_relative_to_the_repository_root(
    tmp_path: Path, found_by: str
) -> None:
    site = _subfolder_site(tmp_path)
    env = {}
    if found_by == "git":
        (tmp_path / ".git").mkdir()
    else:
        env["GITHUB_WORKSPACE"] = str(tmp_path)
    text = lint(site / "docs", env=env)
    assert problem_lines(text.stdout) == [f"guide/a.md:1:3: {UNKNOWN}"]
    github = lint(site / "docs", "--format", "github", env=env)
    assert github.stdout.splitlines()[0].startswith(
        "::warning file=handbook/docs/guide/a.md,line=1,col=3::"
    )
    sarif = json.loads(lint(site / "docs" / "guide", "--format", "sarif", env=env).stdout)
    (result,) = sarif["runs"][0]["results"]
    location = result["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location["uri"] == "handbook/docs/guide/a.md"


def test_github_format_escapes_line_breaks() -> None:
    problem = LintProblem("docs/a.md", "a.md", None, None, "two\r\nlines 100%", "warning")
    report = LintReport(files=["docs/a.md"], problems=[problem])
    # Escaped once as every message is (no raw line break reaches any format), then
    # as GitHub escapes a command's message.
    expected = "::warning file=docs/a.md::two\\x0d\\x0alines 100%25"
    assert as_github(report).splitlines()[0] == expected


@pytest.mark.slow
def test_sarif_format_is_sarif_2_1_0_as_github_code_scanning_reads_it(tmp_path: Path) -> None:
    custom_site(tmp_path, {"index.md": "# Home\n", "sub/a b.md": CI_PAGE})
    (tmp_path / "docs" / "bad.md").write_bytes(b"\xff\xfe[data:9:x]\n")
    text = lint(tmp_path)
    done = lint(tmp_path, "--format", "sarif")
    assert done.returncode == 1, done.stderr
    log = json.loads(done.stdout)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    jsonschema.validate(log, schema, cls=jsonschema.Draft7Validator)

    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["informationUri"]) == (
        "mkdocs-biml",
        "https://github.com/mkdocs-biml/mkdocs-biml",
    )
    rule_ids = [rule["id"] for rule in driver["rules"]]
    assert rule_ids == [rule.id for rule in RULES]
    found = []
    for result in run["results"]:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        location = result["locations"][0]["physicalLocation"]
        region = location.get("region", {})
        found.append(
            (
                location["artifactLocation"]["uri"],
                region.get("startLine"),
                region.get("startColumn"),
                result["ruleId"],
                result["message"]["text"],
            )
        )
    # The same problems as the text output, at the same places, each of its own kind.
    assert [f"{uri}:{line}:{col}: {message}" for uri, line, col, _, message in found[1:]] == [
        line.replace("docs/sub/a b.md", "docs/sub/a%20b.md")
        for line in problem_lines(text.stdout)[1:]
    ]
    assert [(uri, line, rule) for uri, line, _, rule, _ in found] == [
        ("docs/bad.md", 1, "unreadable-page"),
        ("docs/sub/a%20b.md", 3, "bad-status"),
        ("docs/sub/a%20b.md", 4, "front-matter"),
        ("docs/sub/a%20b.md", 8, "unknown-tag"),
        ("docs/sub/a%20b.md", 8, "number-mismatch"),
        ("docs/sub/a%20b.md", 8, "ambiguous-tag"),
    ]
