"""``mkdocs-biml generate`` never deletes or overwrites a file it did not write.

Each test sets up an output folder the way a user could leave it (a copy of a
generated page, a page quoting the marker, their own stylesheet, a symlink, a
lost manifest) and runs the command, in process through its ``main`` so the
exit code and the printed lines are checked too.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from mkdocs_biml.cli import main
from mkdocs_biml.cli.generate import MANIFEST, generate_pages
from mkdocs_biml.core.paths import GENERATED_MARKER
from tests.catalogs import ACME_CATALOG

MANIFEST_PATH = f"biml/{MANIFEST}"


def run(capsys: pytest.CaptureFixture[str], out: Path, *args: str) -> tuple[int, list[str]]:
    code = main(["generate", str(out), *args])
    lines = capsys.readouterr().out.splitlines()
    return code, [line for line in lines if not line.startswith("mkdocs-biml generate:")]


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


def test_a_second_run_changes_nothing_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, lines = run(capsys, tmp_path)
    assert code == 0
    assert "created biml/data.md" in lines and "created biml/assets/biml.css" in lines
    before = snapshot(tmp_path)
    assert main(["generate", str(tmp_path)]) == 0
    assert capsys.readouterr().out == (
        f"mkdocs-biml generate: wrote 0 files under {tmp_path} "
        f"({len(before) - 1} up to date, 0 removed, 0 left)\n"  # all but the manifest
    )
    assert snapshot(tmp_path) == before


def test_an_edited_generated_page_is_left_and_blocks_the_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, tmp_path, "--catalog", "biml-llm")
    page = tmp_path / "biml" / "data.md"
    page.write_text(page.read_text("utf-8") + "\nMy own note.\n", "utf-8")
    before = snapshot(tmp_path)
    code, lines = run(capsys, tmp_path)  # the LLM catalogue dropped
    assert code == 1
    assert lines == [
        "left biml/data.md: edited since 'generate' wrote it; move it away to regenerate"
    ]
    assert snapshot(tmp_path) == before  # nothing removed, nothing written


def test_an_edited_page_no_longer_generated_is_left_and_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, tmp_path, "--catalog", "biml-llm")
    page = tmp_path / "biml" / "llm" / "raw.md"
    page.write_text("# Raw data, our notes\n", "utf-8")
    code, lines = run(capsys, tmp_path)
    assert code == 0
    assert "removed biml/llm/index.md" in lines
    assert "left biml/llm/raw.md: edited since 'generate' wrote it; no longer generated" in lines
    assert page.read_text("utf-8") == "# Raw data, our notes\n"
    assert "removed biml/llm/" not in lines  # it holds the user's file


def test_a_users_copy_of_a_generated_page_is_never_deleted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, tmp_path)
    copy = tmp_path / "biml" / "my-datasets.md"
    copy.write_bytes((tmp_path / "biml" / "data.md").read_bytes())
    quoting = tmp_path / "biml" / "about.md"
    quoting.write_text(f"# About\n\nOur pages start with {GENERATED_MARKER}.\n", "utf-8")
    first_line = tmp_path / "biml" / "notes.md"
    first_line.write_text(f"{GENERATED_MARKER}\n\n# Notes\n", "utf-8")
    assert run(capsys, tmp_path, "--catalog", "biml-llm")[0] == 0
    assert run(capsys, tmp_path)[0] == 0
    assert copy.read_bytes() == (tmp_path / "biml" / "data.md").read_bytes()
    assert quoting.is_file() and first_line.is_file()


@pytest.mark.parametrize("name", ["biml.css", "biml.js"])
def test_users_assets_are_not_overwritten(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    asset = tmp_path / "biml" / "assets" / name
    asset.parent.mkdir(parents=True)
    asset.write_text("/* ours */\n", "utf-8")
    code, lines = run(capsys, tmp_path)
    assert code == 1
    assert lines == [
        f"left biml/assets/{name}: not written by 'generate'; move it away or use another --folder"
    ]
    assert asset.read_text("utf-8") == "/* ours */\n"
    assert not (tmp_path / "biml" / "data.md").exists()


def test_a_symlink_in_the_way_is_never_followed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "data.md").write_text("precious\n", "utf-8")
    out = tmp_path / "docs"
    (out / "biml").mkdir(parents=True)
    (out / "biml" / "data.md").symlink_to(outside / "data.md")
    (out / "biml" / "assets").symlink_to(outside)
    code, lines = run(capsys, out)
    assert code == 1
    assert {line.split(":")[0] for line in lines} == {
        "left biml/data.md",
        "left biml/assets/biml.css",
        "left biml/assets/biml.js",
    }
    assert [p.name for p in outside.iterdir()] == ["data.md"]
    assert (outside / "data.md").read_text("utf-8") == "precious\n"


def test_a_symlinked_stale_page_is_not_removed_through_the_link(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, tmp_path, "--catalog", "biml-llm")
    llm = tmp_path / "biml" / "llm"
    moved = tmp_path / "elsewhere"
    llm.rename(moved)
    llm.symlink_to(moved)
    assert run(capsys, tmp_path)[0] == 0
    assert (moved / "index.md").is_file() and llm.is_symlink()


def test_without_its_manifest_generate_removes_nothing_and_replaces_only_equal_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, tmp_path, "--catalog", "biml-llm")
    (tmp_path / MANIFEST_PATH).unlink()
    # The same pages: files holding exactly them are adopted, and a changed
    # one (the coverage page lists the catalogues) blocks the run.
    assert run(capsys, tmp_path, "--catalog", "biml-llm") == (0, [])
    assert (tmp_path / MANIFEST_PATH).is_file()
    (tmp_path / MANIFEST_PATH).unlink()
    code, lines = run(capsys, tmp_path)
    assert code == 1 and "left biml/coverage.md" in lines[0]
    assert (tmp_path / "biml" / "llm" / "index.md").is_file()
    data = tmp_path / "biml" / "data.md"
    data.write_text(data.read_text("utf-8").replace("Datasets", "Data sets"), "utf-8")
    code, lines = run(capsys, tmp_path, "--catalog", "biml-llm")
    assert code == 1
    assert lines == [
        "left biml/data.md: not written by 'generate'; move it away or use another --folder"
    ]


def test_a_manifest_cannot_make_generate_delete_outside_its_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, tmp_path)
    victim = tmp_path / "index.md"
    victim.write_text("# Home\n", "utf-8")
    manifest = tmp_path / MANIFEST_PATH
    forged = manifest.read_text("utf-8").replace(
        '"files": {', '"files": {"biml/../index.md": "x", "index.md": "y", "/etc/x": "z", '
    )
    manifest.write_text(forged, "utf-8")
    assert run(capsys, tmp_path)[0] == 0
    assert victim.read_text("utf-8") == "# Home\n"


def test_an_unreadable_manifest_is_left_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = tmp_path / MANIFEST_PATH
    manifest.parent.mkdir()
    manifest.write_text("my notes\n", "utf-8")
    code, lines = run(capsys, tmp_path)
    assert code == 1
    assert lines == [
        f"left {MANIFEST_PATH}: not a manifest 'generate' wrote; move it away to regenerate"
    ]
    assert manifest.read_text("utf-8") == "my notes\n"


def test_folders_it_created_go_when_empty_and_only_those(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "biml" / "llm" / "keep").mkdir(parents=True)  # the user's, before any run
    run(capsys, tmp_path, "--catalog", "biml-llm", "--catalog", str(acme(tmp_path)))
    assert (tmp_path / "biml" / "acme").is_dir()
    code, lines = run(capsys, tmp_path)
    assert code == 0
    assert "removed biml/acme/" in lines
    assert not (tmp_path / "biml" / "acme").exists()
    assert (tmp_path / "biml" / "llm" / "keep").is_dir()  # llm/ held the user's folder
    assert "removed biml/llm/" not in lines


def test_a_nested_folder_is_tracked_like_the_default_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ("--folder", "site/risks")
    run(capsys, tmp_path, *args, "--catalog", "biml-llm")
    code, lines = run(capsys, tmp_path, *args)
    assert code == 0 and "removed site/risks/llm/" in lines
    assert not (tmp_path / "site" / "risks" / "llm").exists()


def test_written_files_are_readable_like_any_new_file(tmp_path: Path) -> None:
    generate_pages(tmp_path)
    mode = (tmp_path / "biml" / "data.md").stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    assert mode == 0o666 & ~umask


def test_a_file_where_the_folder_should_be_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "biml").write_text("not a folder\n", "utf-8")
    code, lines = run(capsys, tmp_path)
    assert code == 1
    assert "left biml/data.md: a folder on its path is a symlink or a file" in lines
    assert (tmp_path / "biml").read_text("utf-8") == "not a folder\n"


def test_an_output_path_that_is_a_file_cannot_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "docs"
    out.write_text("x", "utf-8")
    assert main(["generate", str(out)]) == 2
    assert "is not a folder" in capsys.readouterr().err


def acme(root: Path) -> Path:
    path = root.parent / f"{root.name}-acme.yaml"
    path.write_text(ACME_CATALOG, "utf-8")
    return path
