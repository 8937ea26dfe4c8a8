"""Exact HTML of links, callouts and unresolved tags, kept in reviewed snapshot files.

Each ``snapshots/NAME.md`` is converted in process as the plugin sets it up
(``tests/markdown_fixture.py``), as page ``guide/NAME.md`` so links are
page-relative, and compared byte for byte with ``snapshots/NAME.html``; the
warnings it gives with ``snapshots/NAME.log``. After an intended change,
rewrite them and review the difference like code::

    BIML_UPDATE_SNAPSHOTS=1 .venv/bin/python -m pytest -p no:cacheprovider tests/test_snapshots.py
    git diff tests/snapshots/
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.markdown_fixture import PluginMarkdown

SNAPSHOTS = Path(__file__).parent / "snapshots"
UPDATE = os.environ.get("BIML_UPDATE_SNAPSHOTS") == "1"


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def _write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8", newline="\n")


@pytest.mark.parametrize("name", sorted(path.stem for path in SNAPSHOTS.glob("*.md")))
def test_html_is_the_reviewed_snapshot(biml_md: PluginMarkdown, name: str) -> None:
    source = (SNAPSHOTS / f"{name}.md").read_text(encoding="utf-8")
    html = biml_md.convert(source, f"guide/{name}.md") + "\n"
    log = "".join(f"{warning}\n" for warning in biml_md.warnings())
    html_file, log_file = SNAPSHOTS / f"{name}.html", SNAPSHOTS / f"{name}.log"
    if UPDATE:
        _write(html_file, html)
        _write(log_file, log)
    hint = "intended? BIML_UPDATE_SNAPSHOTS=1 rewrites the snapshots; review `git diff`"
    assert html == _read(html_file), hint
    assert log == _read(log_file), hint
