"""``mkdocs-biml diff`` (issue 28) between two real builds of a site, before and after edits."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from mkdocs_biml.cli.command import main
from tests.sites import BuiltSite, build_site

SiteBuilder = Callable[..., BuiltSite]

CONFIG = {"plugins": [{"biml": {"assessments": {"fraud": "Fraud model", "recs": "Recommender"}}}]}

BEFORE = {
    "index.md": "# Home\n\nThe site cites [model:1:improper re-use].\n",
    "fraud/data.md": """\
        ---
        biml:
          data:2:transfer: open
          raw:4:legal:
            status: accepted
            owner: Legal
            expires: 2027-01-01
          input:1:adversarial examples:
            status: accepted
            expires: 2026-06-01
        ---

        # Fraud data

        We cite [data:1:poisoning].
        """,
    "recs/index.md": "---\nbiml:\n  data:2:transfer: not-applicable\n---\n\n# Recs\n",
}

AFTER = {
    "index.md": BEFORE["index.md"],
    # Renamed, and edited: one status, one owner, one date, one citation each way.
    "fraud/training-data.md": """\
        ---
        biml:
          data:2:transfer: mitigated
          raw:4:legal:
            status: accepted
            owner: Legal team
            expires: 2027-06-01
          input:1:adversarial examples:
            status: accepted
            expires: 2026-06-01
        ---

        # Fraud data

        We cite [alg:1:online].
        """,
    "recs/index.md": BEFORE["recs/index.md"],
}

#: 2026-12-01: after the second acceptance's date, before the first's.
TODAY = "1796083200"


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The site built before the edits (copied aside), and after them: once per module,
    since every test only reads the two registers."""
    root = tmp_path_factory.mktemp("diff")
    before = build_site(root, BEFORE, CONFIG)
    assert before.error is None
    old = root / "old-site"
    shutil.copytree(before.site_dir, old)
    shutil.rmtree(root / "docs")
    after = build_site(root, AFTER, CONFIG)
    assert after.error is None
    return old, after.site_dir


@pytest.fixture(autouse=True)
def today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", TODAY)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["diff", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_text_lists_each_change_per_assessment(
    builds: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = builds
    code, out, err = run(capsys, str(old), str(new))
    assert (code, err) == (1, "")
    assert out == (
        "Fraud model:\n"
        "  owner changed: raw:4:legal: Legal → Legal team\n"
        "  expires moved: raw:4:legal: 2027-01-01 → 2027-06-01\n"
        "  no longer cited: data:1:poisoning: was no status\n"
        "  status changed: data:2:transfer: open → mitigated\n"
        "  newly cited: alg:1:online: no status\n"
        "  expired: input:1:adversarial examples: accepted until 2026-06-01\n"
        "mkdocs-biml diff: 5 changes in 1 assessment; 1 acceptance expired\n"
    )


def test_json_and_markdown_say_the_same(
    builds: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = builds
    code, out, _ = run(
        capsys, str(old / "biml" / "risk-register.json"), str(new), "--format", "json"
    )
    assert code == 1
    document = json.loads(out)
    assert document["changed"] is True
    (fraud,) = document["assessments"]
    assert fraud["name"] == "Fraud model"
    assert [(c["kind"], c["tag"], c["old"], c["new"]) for c in fraud["changes"]] == [
        ("owner", "raw:4:legal", "Legal", "Legal team"),
        ("expires", "raw:4:legal", "2027-01-01", "2027-06-01"),
        ("uncited", "data:1:poisoning", None, None),
        ("status", "data:2:transfer", "open", "mitigated"),
        ("cited", "alg:1:online", None, None),
        ("expired", "input:1:adversarial examples", "accepted", "2026-06-01"),
    ]
    code, out, _ = run(capsys, str(old), str(new), "--format", "markdown")
    assert code == 1
    assert out.startswith("## Fraud model\n\n| Status changed | from | to |\n| --- | --- | --- |\n")
    assert "| `data:2:transfer` | open | mitigated |" in out
    assert "| `raw:4:legal` | 2027-01-01 | 2027-06-01 |" in out
    assert "| `input:1:adversarial examples` | accepted | 2026-06-01 |" in out


@pytest.mark.slow
def test_an_unchanged_site_and_a_renamed_page_are_no_change(
    site: SiteBuilder, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pages = {"index.md": "# Home\n", "a.md": "---\nbiml:\n  data:2:transfer: mitigated\n---\n"}
    first = site(pages)
    old = tmp_path / "old-site"
    shutil.copytree(first.site_dir, old)
    (tmp_path / "docs" / "a.md").rename(tmp_path / "docs" / "b.md")
    second = site({"index.md": "# Home\n"})
    assert (second.site_dir / "b" / "index.html").is_file()
    assert run(capsys, str(old), str(second.site_dir)) == (0, "mkdocs-biml diff: no change\n", "")
    code, out, _ = run(capsys, str(old), str(old), "--format", "markdown")
    assert (code, out) == (0, "No change to the risk register.\n")
    code, out, _ = run(capsys, str(old), str(old), "--format", "json")
    assert (code, json.loads(out)) == (0, {"changed": False, "assessments": []})


def test_source_date_epoch_makes_an_acceptance_expired(
    builds: tuple[Path, Path], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, new = builds
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1780000000")  # 2026-05-28
    assert run(capsys, str(new), str(new)) == (0, "mkdocs-biml diff: no change\n", "")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")  # 2027-01-15
    code, out, _ = run(capsys, str(new), str(new))
    assert code == 0, "an expired acceptance is a reminder, not a change"
    assert "  expired: input:1:adversarial examples: accepted until 2026-06-01\n" in out
    assert out.endswith("mkdocs-biml diff: no change; 1 acceptance expired\n")


def test_bad_input_is_one_message_and_exit_2(
    builds: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = builds
    not_json = tmp_path / "notes.json"
    not_json.write_text("{", encoding="utf-8")
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"format": 2, "risks": []}), encoding="utf-8")
    empty = tmp_path / "empty"
    empty.mkdir()
    two = tmp_path / "two"
    for folder in ("a", "b"):
        shutil.copytree(new / "biml", two / folder)
    cases = {
        str(tmp_path / "missing"): f"no such file or directory: {tmp_path / 'missing'}",
        str(not_json): f"{not_json}: cannot be read as JSON: ",
        str(other): f"{other}: not a risk register of mkdocs-biml (format 2, where this "
        "version reads 1)",
        str(empty): f"no risk-register.json in {empty}: build the site with the plugin's "
        "register on, or name the file",
        str(two): f"several registers in {two} (",
    }
    for given, message in cases.items():
        code, out, err = run(capsys, str(old), given)
        assert (code, out) == (2, ""), given
        assert err.startswith(f"mkdocs-biml: {message}"), err
        assert err.count("\n") == 1 and "Traceback" not in err


@pytest.mark.slow
def test_the_command_line(builds: tuple[Path, Path]) -> None:
    old, new = builds
    command = [str(Path(sys.executable).parent / "mkdocs-biml"), "diff"]
    done = subprocess.run(
        [*command, str(old), str(new), "--format", "markdown"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert done.stdout.startswith("## Fraud model\n")
    usage = subprocess.run([*command, str(old)], capture_output=True, text=True, check=False)
    assert usage.returncode == 2 and "NEW" in usage.stderr


def test_hostile_names_are_refused_or_printed_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def register(name: object, tag: str = "data:2:transfer") -> Path:
        entry = {"name": name, "status": "open", "owner": "", "pages": []}
        row = {"catalog": "biml-78", "tag": tag, "assessments": [entry]}
        path = tmp_path / f"r{len(list(tmp_path.iterdir()))}.json"
        path.write_text(json.dumps({"format": 1, "risks": [row]}), encoding="utf-8")
        return path

    code, out, err = run(capsys, str(register(["a"])), str(register("b")))
    assert (code, out) == (2, "") and "each named by text or null" in err
    code, out, err = run(capsys, str(register("\x1b]0;x\x07A")), str(register("B", "x:\x1b")))
    assert code == 1 and "\x1b" not in out and "\\x1b]0;x\\x07A" in out
