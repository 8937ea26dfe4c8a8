"""Hostile input, third round (issue 26): front matter, options, names, lint output.

Each test uses inputs of its own; growth tests compare sizes with each other
or with MkDocs alone, never with an absolute time.
"""

from __future__ import annotations

import hashlib
import json
import os
import resource
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from mkdocs.utils.meta import get_data

from mkdocs_biml import Catalog, CatalogIndex
from mkdocs_biml.cli import main
from mkdocs_biml.cli.generate import MANIFEST
from mkdocs_biml.core.paths import PageLayout
from mkdocs_biml.core.problems import Problem
from mkdocs_biml.extension import BimlExtension
from mkdocs_biml.pages.assessmentviews import AssessmentView
from mkdocs_biml.pages.sitewide import PageUrls
from mkdocs_biml.records.assessments import Assessments
from mkdocs_biml.records.frontmatter import read_statuses
from mkdocs_biml.records.ledger import Ledger
from tests.conftest import SiteBuilder
from tests.sites import build_site, write_site
from tests.timing import cpu_seconds

# ----------------------------------------------------------- assessments: linear time


def _assessment_pages(biml78: Catalog, pages: int, assessments: int) -> Callable[[], None]:
    """What the coverage and assessment pages compute for a site of ``pages`` pages,
    each citing three risks, spread over ``assessments`` nested folders."""
    folders = {f"team/s{n}": f"System {n}" for n in range(assessments)}
    config = Assessments.from_option(folders)
    ledger = Ledger()
    risks = list(biml78.risks())
    for number in range(pages):
        src_uri = f"team/s{number % assessments}/notes/p{number}.md"
        for step in range(3):
            ledger.cite(src_uri, risks[(number * 7 + step * 13) % len(risks)], step + 1)

    def render_all() -> None:
        layout = PageLayout()
        view = AssessmentView(
            config, ledger, PageUrls("biml/coverage/", use_directory_urls=True), layout
        )
        view.counts(view.matrix(biml78), ["open"])
        for name in config.names:
            AssessmentView(
                config, ledger, PageUrls("biml/a/", use_directory_urls=True), layout
            ).table(biml78, name)

    return render_all


@pytest.mark.slow
def test_assessment_pages_grow_with_pages_times_assessments(biml78: Catalog) -> None:
    small = cpu_seconds(_assessment_pages(biml78, 800, 10))
    large = cpu_seconds(_assessment_pages(biml78, 800, 80))
    # Eight times the assessments: eight times the work (quadratic would be 64).
    assert large < 16 * small + 0.02, (small, large)


# ------------------------------------------------- front matter: long-form keys, linear


def _long_entry(keys: int) -> str:
    """One long-form entry holding ``keys`` keys it does not know."""
    body = "".join(f"    remark{n}: text {n}\n" for n in range(keys))
    return f"---\ntitle: Ops\nbiml:\n  inference:4:hosting:\n    status: open\n{body}---\n\n# Ops\n"


def _front_matter_seconds(source: str, index: CatalogIndex | None) -> float:
    def run() -> None:
        _, meta = get_data(source)  # MkDocs' own reading of front matter
        if index is not None:
            read_statuses(meta, "ops.md", index, ["open"], lambda problem: None, source=source)

    return cpu_seconds(run)


@pytest.mark.slow
def test_unknown_keys_of_one_entry_take_linear_time(index: CatalogIndex) -> None:
    problems: list[Problem] = []
    source = _long_entry(2000)
    read_statuses(get_data(source)[1], "ops.md", index, ["open"], problems.append, source=source)
    assert [p.line for p in problems][-2:] == [2004, 2005]  # each at its own line
    small = _front_matter_seconds(_long_entry(1000), index)
    large = _front_matter_seconds(_long_entry(4000), index)
    mkdocs_alone = _front_matter_seconds(_long_entry(4000), None)
    assert large < 8 * small + 0.02, (small, large)
    # Reporting every key costs no more than a few times MkDocs' own reading of them:
    # each unknown key is compared with the six long-form keys for a suggestion
    # (three before the tracking fields, when this bound was 4).
    assert large < 8 * mkdocs_alone + 0.05, (large, mkdocs_alone)


# ------------------------------------------ front matter: alias bombs and huge values


def _run_limited(root: Path, module: str, *args: str) -> subprocess.CompletedProcess[str]:
    """``python -m module args`` in ``root`` with 1 GB of memory and a minute at most."""

    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    return subprocess.run(
        [sys.executable, "-m", module, *args],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        preexec_fn=limit_memory,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )


def _bomb(levels: int, width: int) -> str:
    """Anchors of lists of aliases of the anchor before: ``width ** levels`` values."""
    lines = [f"b0: &b0 [{', '.join(['zz'] * width)}]"]
    for level in range(1, levels):
        aliases = ", ".join([f"*b{level - 1}"] * width)
        lines.append(f"b{level}: &b{level} [{aliases}]")
    return "\n".join(lines) + "\n"


BOMB_PAGES = {
    # A long-form entry whose status is the bomb.
    "status.md": "---\n" + _bomb(8, 11) + "biml:\n  raw:11:time:\n    status: *b7\n---\n\n# S\n",
    # The whole biml key is the bomb.
    "whole.md": "---\n" + _bomb(8, 11) + "biml: *b7\n---\n\n# W\n",
    # An owner that is the bomb.
    "owner.md": (
        "---\n" + _bomb(8, 11) + "biml:\n  alg:3:exploit-v-explore:\n"
        "    status: open\n    owner: *b7\n---\n\n# O\n"
    ),
}


@pytest.mark.slow
def test_an_alias_bomb_in_front_matter_gets_one_warning(tmp_path: Path) -> None:
    write_site(tmp_path, BOMB_PAGES)
    built = _run_limited(tmp_path, "mkdocs", "build")
    assert built.returncode == 0, built.stderr[-3000:]
    assert "Traceback" not in built.stderr
    for page in BOMB_PAGES:
        assert (
            f"biml: {page}:7: front matter: this alias makes the front matter expand to more "
            f"than 200,000 values, so its statuses are ignored" in built.stderr
        ), built.stderr[-3000:]
    linted = _run_limited(tmp_path, "mkdocs_biml", "lint")
    assert linted.returncode == 1, linted.stderr[-3000:]
    assert linted.stdout.count("this alias makes the front matter expand") == 3, linted.stdout


def _statuses_problems(front_matter: str, index: CatalogIndex) -> list[str]:
    source = f"---\n{front_matter}---\n\n# Page\n"
    problems: list[Problem] = []
    allowed = ["open", "accepted"]
    read_statuses(get_data(source)[1], "p.md", index, allowed, problems.append, source=source)
    return [str(problem) for problem in problems]


def test_huge_front_matter_values_are_quoted_by_their_start(index: CatalogIndex) -> None:
    huge = "w" * 300_000
    # YAML's explicit keys (``? key``) may be of any length.
    front_matter = (
        f"biml:\n  ? {huge}\n  : open\n  raw:11:time: {huge}\n"
        f"  alg:3:exploit-v-explore:\n    status: open\n    ? {huge}x\n    : 1\n"
    )
    problems = _statuses_problems(front_matter, index)
    assert len(problems) == 3, problems
    assert all(len(problem) < 400 for problem in problems), [len(p) for p in problems]
    assert problems[0].startswith("p.md:3: front matter: the key 'wwwww")
    assert "(300,000 characters) is too long to be a tag" in problems[0]
    assert problems[1].startswith("p.md:5: front matter: status 'wwwww")
    assert problems[2].startswith("p.md:8: front matter: [alg:3:exploit-v-explore] has an unknown")


def test_front_matter_over_the_size_limit_is_refused(index: CatalogIndex) -> None:
    note = "n" * 4_300_000
    entry = f"biml:\n  raw:11:time:\n    status: open\n    note: {note}\n"
    problems = _statuses_problems(entry, index)
    assert problems == [
        "p.md:2: front matter: the front matter is over 4,194,304 bytes, so its statuses are "
        "ignored (is this the right file? a front matter is a few kilobytes)"
    ]


# ------------------------------------------------- names and notes: one rule for text


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        ("owner: NO", "the owner of [raw:11:time] must be text, not true/false (False) (put it"),
        ("note: yes", "the note of [raw:11:time] must be text, not true/false (True) (put it"),
        ("owner: 0x1F", "the owner of [raw:11:time] must be text, not a number (31) (put it"),
        ('note: "see \\e]8;;http://x\\a here"', "the note of [raw:11:time] holds the control c"),
        ('owner: "Ops\\NTeam"', "the owner of [raw:11:time] holds the control character U+0085"),
        ('note: "a\\Lb"', "the note of [raw:11:time] holds the control character U+2028"),
    ],
)
def test_owner_and_note_must_be_text(entry: str, problem: str, index: CatalogIndex) -> None:
    problems = _statuses_problems(f"biml:\n  raw:11:time:\n    status: open\n    {entry}\n", index)
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"p.md:5: front matter: {problem}"), problems
    assert problems[0].endswith("; it is ignored")


# ------------------------------------------------- lint output: one escaping path


def _lint(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs_biml", "lint", *args],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


HOSTILE_NAME = "bad\x1b]0;x\x07\n::add-mask::y\r::warning file=z::\u2028.md"


@pytest.mark.slow
@pytest.mark.parametrize("output_format", ["text", "json", "github", "sarif"])
def test_lint_output_carries_no_control_character(tmp_path: Path, output_format: str) -> None:
    config = {"markdown_extensions": [{"pymdownx.snippets": {"check_paths": True}}]}
    pages = {
        "ok.md": "# Ok\n",
        HOSTILE_NAME: "# Bad\n\n[data:9:\x1bc\x9b2Jreset]\n",
        # pymdownx.snippets fails with a message quoting the page's text.
        "snip.md": '# Snip\n\n--8<-- "gone\x1b[2J\x85::notice::owned.md"\n',
    }
    write_site(tmp_path, pages, config)
    outside = tmp_path / "drafts" / "also\n::error file=q::owned.md"
    outside.parent.mkdir()
    outside.write_text("# Draft\n", encoding="utf-8")
    result = _lint(tmp_path, "--format", output_format, "docs", str(outside.relative_to(tmp_path)))
    assert result.returncode == 1, result.stderr
    assert "Markdown conversion failed" in result.stdout
    ours = 2 if output_format == "github" else 0  # the two problems, as workflow commands
    for stream in (result.stdout, result.stderr):
        assert not {char for char in stream if char != "\n" and not char.isprintable()}
        commands = [line for line in stream.splitlines() if line.lstrip().startswith("::")]
        assert len(commands) == (ours if stream is result.stdout else 0), commands
        assert all(c.startswith(("::warning file=", "::error file=")) for c in commands)
    assert "also\\x0a::error file=q::owned.md" in result.stderr


# ------------------------------------------------- symlinked pages: lint is the build


@pytest.mark.slow
def test_lint_reports_symlinked_pages_as_the_build_does(tmp_path: Path) -> None:
    write_site(tmp_path, {"shared/s.md": "# S\n\nSee [alg:3:exploit-v-xplore].\n"})
    for name in ("a.md", "nested/b.md"):
        link = tmp_path / "docs" / name
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(tmp_path / "docs" / "shared" / "s.md")
    built = build_site(tmp_path, {})
    assert built.error is None, built.failure()
    build_says = sorted(w.removeprefix("biml: ") for w in built.biml_warnings())
    assert [w.split(":", 1)[0] for w in build_says] == ["a.md", "nested/b.md", "shared/s.md"]
    result = _lint(tmp_path, "--format", "json")
    lint_says = sorted(
        f"{p['src_uri']}:{p['line']}: {p['message']}" for p in json.loads(result.stdout)["problems"]
    )
    assert lint_says == build_says
    assert sorted(p["path"] for p in json.loads(result.stdout)["problems"]) == [
        "docs/a.md",
        "docs/nested/b.md",
        "docs/shared/s.md",
    ]
    named = _lint(tmp_path, "docs/nested/b.md")
    assert named.stdout.startswith("docs/nested/b.md:3:5: unknown tag"), named.stdout


# ------------------------------------------------- options: an error naming the option


BAD_OPTIONS = {
    "strings-conversion": ({"strings": {"references_title": "{catalog!a} sources"}}, "strings"),
    "strings-width": ({"strings": {"risk_count_other": "{count:^123456789} risks"}}, "strings"),
    "strings-type": ({"strings": {"heat_figure": "{addressed:x} of {total}"}}, "strings"),
    "strings-mark": ({"strings": {"callout_more": "More\x1a"}}, "strings"),
    "strings-escape": ({"strings": {"filter_label": "\x1b[5mFilter"}}, "strings"),
    "link-text-mark": ({"link_text": "{title}\x1a{tag}"}, "link_text"),
    "link-text-nel": ({"link_text": "{title}\x85"}, "link_text"),
    "base-url-vbscript": ({"base_url": "vbscript:msgbox(1)//"}, "base_url"),
    "base-url-data": ({"base_url": "data:text/html;base64,PHNjcmlwdD4="}, "base_url"),
    "base-url-space": ({"base_url": " JavaScript:void(0)/"}, "base_url"),
    "base-url-protocol-relative": ({"base_url": "//evil.example/biml/"}, "base_url"),
    "nav-title-escape": ({"nav_title": "Risks\x1b]0;pwned\x07"}, "nav_title"),
    "nav-title-separator": ({"nav_title": "Risks\u2029"}, "nav_title"),
    "folder-control": ({"folder": "bi\x7fml"}, "folder"),
    "status-cited": ({"statuses": ["open", "Cited"]}, "statuses"),
    "status-not-addressed": ({"statuses": ["open", "not-addressed"]}, "statuses"),
    "status-not-cited": ({"statuses": ["not_cited", "done"]}, "statuses"),
    "status-no-status": ({"statuses": ["No Status"]}, "statuses"),
    "status-twice": ({"statuses": ["open", "done", "Done"]}, "statuses"),
    "status-line-break": ({"statuses": ["open", "do\nne"]}, "statuses"),
    "status-control": ({"statuses": ["open", "do\x1bne"]}, "statuses"),
    "assessment-nel": ({"assessments": {"sys": "Fraud\x85model"}}, "assessments"),
    "assessment-separator": ({"assessments": {"sys": "Fraud\u2028model"}}, "assessments"),
    "assessment-escape": ({"assessments": {"sys": "\x1b[31mFraud"}}, "assessments"),
    "assessment-tab": ({"assessments": {"sys": "Fraud\tmodel"}}, "assessments"),
}


@pytest.mark.parametrize("case", list(BAD_OPTIONS))
def test_a_bad_option_is_a_configuration_error_naming_it(site: SiteBuilder, case: str) -> None:
    options, name = BAD_OPTIONS[case]
    built = site({"index.md": "# Home\n", "sys/a.md": "# A\n"}, {"plugins": [{"biml": options}]})
    assert built.error is not None, case
    failure = built.failure()
    assert f"option '{name}'" in failure, failure
    assert not {char for char in failure if char != "\n" and not char.isprintable()}, failure


def test_the_extension_alone_refuses_a_script_base_url(index: CatalogIndex) -> None:
    with pytest.raises(ValueError, match="base_url 'javascript:void"):
        BimlExtension(index=index, base_url="javascript:void(0)//", link=False)


def test_doubled_braces_in_strings_show_as_braces(site: SiteBuilder) -> None:
    strings = {
        "filter_label": "Filter {{our}} risks",
        "overview_title": "{catalog} {{v2}}",
        "filter_count": "{shown} {{of}} {total}",
        "status_accepted": "accepted {{ok}}",
    }
    page = "---\nbiml:\n  raw:11:time: accepted\n---\n\n# Home\n"
    built = site({"index.md": page}, {"plugins": [{"biml": {"strings": strings}}]})
    assert built.error is None, built.failure()
    overview = built.soup("biml/index.md")
    assert "BIML-78 {v2}" in overview.get_text() and "{{v2}}" not in overview.get_text()
    tools = overview.select_one("[data-biml-label]")
    assert tools is not None
    assert tools["data-biml-label"] == "Filter {our} risks"
    assert tools["data-biml-count"] == "{shown} {of} {total}"  # filled in by biml.js
    coverage = built.content("biml/coverage.md").get_text()
    assert "Accepted {ok}" in coverage and "{{" not in coverage  # a heading: capitalised


# ------------------------------------------------- generate: proof, all or nothing


def _files(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


def _forge(root: Path, path: str, content: bytes) -> None:
    """List ``path`` in generate's manifest with the hash of ``content``, as anyone can."""
    manifest = root / "handbook" / MANIFEST
    data = json.loads(manifest.read_text("utf-8"))
    data["files"][path] = hashlib.sha256(content).hexdigest()
    manifest.write_text(json.dumps(data), "utf-8")


def test_a_forged_manifest_cannot_make_generate_delete_or_replace_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["generate", str(tmp_path), "--folder", "handbook"]
    assert main([*args, "--catalog", "biml-llm"]) == 0
    notes = tmp_path / "handbook" / "team-notes.md"
    notes.write_bytes(b"# Our notes\n")
    _forge(tmp_path, "handbook/team-notes.md", notes.read_bytes())
    ours = tmp_path / "handbook" / "llm" / "raw.md"
    ours.write_bytes(b"# Raw, rewritten by us\n")
    _forge(tmp_path, "handbook/llm/raw.md", ours.read_bytes())
    capsys.readouterr()
    assert main(args) == 0  # the LLM pages are no longer generated: theirs go, ours stay
    out = capsys.readouterr().out
    assert "removed handbook/llm/index.md" in out
    assert (
        notes.read_bytes() == b"# Our notes\n" and ours.read_bytes() == b"# Raw, rewritten by us\n"
    )
    # A page of the user's where a page is generated, listed too: the run is blocked.
    data = tmp_path / "handbook" / "data.md"
    data.write_bytes(b"# Our data page\n")
    _forge(tmp_path, "handbook/data.md", data.read_bytes())
    before = _files(tmp_path)
    assert main(args) == 1
    assert _files(tmp_path) == before


def test_a_generated_folder_swapped_for_a_symlink_is_left_and_later_runs_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "docs"
    args = ["generate", str(out), "--folder", "handbook"]
    assert main([*args, "--catalog", "biml-llm"]) == 0
    llm = out / "handbook" / "llm"
    for page in llm.iterdir():
        page.unlink()
    llm.rmdir()
    elsewhere = tmp_path / "archive"
    elsewhere.mkdir()
    llm.symlink_to(elsewhere, target_is_directory=True)
    for run in range(2):
        assert main([*args, "--language", "de" if run else "fr"]) == 0, capsys.readouterr()
    assert llm.is_symlink() and elsewhere.is_dir() and not list(elsewhere.iterdir())
    assert "Übersicht" in (out / "handbook" / "index.md").read_text("utf-8")


def test_a_run_that_fails_half_way_leaves_the_folder_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    args = ["generate", str(tmp_path), "--folder", "handbook"]
    assert main([*args, "--catalog", "biml-llm"]) == 0
    before = _files(tmp_path)
    folders = sorted(p for p in tmp_path.rglob("*") if p.is_dir())
    replace, failed = os.replace, []

    def fail_once(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
        if Path(target).name == MANIFEST and not failed:  # written after every page
            failed.append(target)
            raise OSError(28, "No space left on device")
        replace(source, target)

    monkeypatch.setattr(os, "replace", fail_once)
    capsys.readouterr()
    assert main([*args, "--language", "es"]) == 2  # every page changes, llm/ goes
    assert "nothing was changed" in capsys.readouterr().err
    monkeypatch.undo()
    assert _files(tmp_path) == before
    assert sorted(p for p in tmp_path.rglob("*") if p.is_dir()) == folders


@pytest.mark.parametrize(
    "front_matter",
    [
        "biml:\n  ? " + "9" * 6000 + "\n  : open\n",  # a key MkDocs cannot read
        "biml:\n  raw:11:time: " + "1" * 5000 + "\n",  # a status MkDocs cannot read
    ],
)
def test_a_number_too_long_for_mkdocs_gets_one_warning(
    front_matter: str, index: CatalogIndex
) -> None:
    assert _statuses_problems(front_matter, index) == [
        "p.md:2: front matter is not valid YAML (a number too long to read), so MkDocs "
        "ignores all of it, statuses included"
    ]
