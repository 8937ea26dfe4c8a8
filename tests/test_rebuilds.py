"""Dirty and serve rebuilds give the backlinks, coverage and register of a full build."""

from __future__ import annotations

import json
import os
import shutil
import textwrap
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config

from mkdocs_biml.host.plugin import BimlPlugin
from tests.sites import run_mkdocs, write_site

pytestmark = pytest.mark.slow

PAGES = {
    "index.md": "# Home\n\nWe pin the base model [data:2:transfer].\n",
    "edited.md": """\
        ---
        biml:
          raw:1:data confidentiality: mitigated
        ---
        # Edited page

        [raw:1:data confidentiality] and [model:2:Trojan].
        """,
    "deleted.md": "# Deleted page\n\nOnly here: [input:1:adversarial examples].\n",
    "renamed.md": "# Renamed page\n\nAlso [data:2:transfer], and [output:1:direct].\n",
    "unchanged.md": """\
        ---
        biml:
          model:2:Trojan: accepted
        ---
        # Unchanged page

        Text.

        [model:2:Trojan]
        """,
}

EDITED = """\
    # Edited page, new title

    Now only [inference:1:online].
    """
ADDED = "# Added page\n\n[data:2:transfer] once more, and [raw:2:trustworthiness].\n"

REGISTER = ("biml/risk-register.json", "biml/risk-register.csv")
#: Generated pages whose content depends on what the site's pages cite.
CITED_BY = ("biml/data.md", "biml/raw.md", "biml/model.md", "biml/inference.md", "biml/input.md")
COVERAGE = "biml/coverage.md"


def _later(path: Path) -> None:
    """A source edited after the build (a filesystem may keep whole seconds only)."""
    later = path.stat().st_mtime + 10
    os.utime(path, (later, later))


def _change_sources(docs: Path) -> None:
    (docs / "edited.md").write_text(textwrap.dedent(EDITED), encoding="utf-8")
    _later(docs / "edited.md")
    (docs / "added.md").write_text(ADDED, encoding="utf-8")
    (docs / "deleted.md").unlink()
    (docs / "renamed.md").rename(docs / "moved" / "renamed.md")


def _build(config_file: Path, *, dirty: bool = False, **options: Any) -> None:
    """As ``mkdocs build`` and ``serve`` do: a fresh config for every build."""
    build(load_config(str(config_file), **options), dirty=dirty)


def _main(site_dir: Path, page: str) -> str:
    soup = BeautifulSoup((site_dir / page).read_text(encoding="utf-8"), "html.parser")
    main = soup.select_one('div[role="main"], article.md-content__inner')
    assert main is not None
    return str(main)


def _output(src_uri: str) -> str:
    stem = src_uri.removesuffix(".md")
    return f"{stem}.html" if stem.endswith("index") else f"{stem}/index.html"


def _full_build_of(docs: Path, tmp_path: Path) -> Path:
    """A clean build of the same sources, in a folder of its own."""
    root = tmp_path / "full"
    shutil.copytree(docs, root / "docs")
    for setting in ("mkdocs.yml", *[p.name for p in docs.parent.glob("*.py")]):  # hooks
        shutil.copy(docs.parent / setting, root / setting)
    _build(root / "mkdocs.yml")
    return root / "site"


def _assert_same_output(site_dir: Path, full: Path) -> None:
    for name in REGISTER:
        assert (site_dir / name).read_bytes() == (full / name).read_bytes(), name
    for page in (*CITED_BY, COVERAGE):
        assert _main(site_dir, _output(page)) == _main(full, _output(page)), page


def test_dirty_build_matches_a_full_build(tmp_path: Path) -> None:
    root = tmp_path / "site"
    config_file = write_site(root, PAGES)
    (root / "docs" / "moved").mkdir()
    _build(config_file)
    _change_sources(root / "docs")

    _build(config_file, dirty=True)

    site_dir = root / "site"
    _assert_same_output(site_dir, _full_build_of(root / "docs", tmp_path))
    register = (site_dir / REGISTER[0]).read_text(encoding="utf-8")
    assert "unchanged.md" in register  # skipped by the dirty build, still cited
    assert "Unchanged page" in _main(site_dir, _output("biml/model.md"))
    for gone in ("deleted.md", "Deleted page", '"renamed.md"', "Edited page<", "model:2:Trojan\\"):
        assert gone not in register


def test_mkdocs_build_dirty_command(tmp_path: Path) -> None:
    config_file = write_site(tmp_path, PAGES)
    (tmp_path / "docs" / "moved").mkdir()
    assert run_mkdocs(tmp_path, "build", "-q").returncode == 0
    _change_sources(tmp_path / "docs")

    result = run_mkdocs(tmp_path, "build", "--dirty", "-q")

    assert result.returncode == 0, result.stderr
    _assert_same_output(tmp_path / "site", _full_build_of(config_file.parent / "docs", tmp_path))


def test_serve_rebuild_forgets_deleted_and_renamed_pages(tmp_path: Path) -> None:
    """``mkdocs serve`` rebuilds in the same process with a freshly loaded config."""
    config_file = write_site(tmp_path, PAGES)
    (tmp_path / "docs" / "moved").mkdir()
    site_dir = tmp_path / "served"
    _build(config_file, site_dir=str(site_dir))
    _change_sources(tmp_path / "docs")

    _build(config_file, site_dir=str(site_dir))

    _assert_same_output(site_dir, _full_build_of(tmp_path / "docs", tmp_path))


def test_serve_dirty_rebuilds_in_one_process(tmp_path: Path) -> None:
    config_file = write_site(tmp_path, PAGES)
    (tmp_path / "docs" / "moved").mkdir()
    site_dir = tmp_path / "served"
    _build(config_file, site_dir=str(site_dir))
    _build(config_file, site_dir=str(site_dir), dirty=True)  # nothing changed
    _change_sources(tmp_path / "docs")
    _build(config_file, site_dir=str(site_dir), dirty=True)
    (tmp_path / "docs" / "unchanged.md").unlink()

    _build(config_file, site_dir=str(site_dir), dirty=True)

    full = _full_build_of(tmp_path / "docs", tmp_path)
    _assert_same_output(site_dir, full)
    assert "unchanged.md" not in (site_dir / REGISTER[0]).read_text(encoding="utf-8")


def test_drafts_count_when_served_and_not_in_a_build(tmp_path: Path) -> None:
    """``draft_docs`` pages are built by ``serve`` only; a dirty rebuild keeps to that."""
    pages = {**PAGES, "draft-notes.md": "# Draft\n\n[output:3:Miscategorization]\n"}
    config_file = write_site(tmp_path, pages, {"draft_docs": "draft-*.md\n"})
    (tmp_path / "docs" / "moved").mkdir()
    built, served = tmp_path / "built", tmp_path / "served"
    for dirty in (False, True):
        _build(config_file, site_dir=str(built), dirty=dirty)
        config = load_config(str(config_file), site_dir=str(served))
        build(config, dirty=dirty, serve_url="http://127.0.0.1:8000/")

        assert "draft-notes.md" not in (built / REGISTER[0]).read_text(encoding="utf-8")
        assert "draft-notes.md" in (served / REGISTER[0]).read_text(encoding="utf-8")


def _served(config_file: Path, site_dir: Path, *, dirty: bool) -> BimlPlugin:
    """One rebuild of ``mkdocs serve --dirty``: a fresh config, the plugin object MkDocs
    kept (the first build of a ``serve`` is a full one)."""
    config = load_config(str(config_file), site_dir=str(site_dir))
    config.plugins.on_startup(command="serve", dirty=True)
    build(config, dirty=dirty, serve_url="http://127.0.0.1:8000/")
    plugin = config.plugins["biml"]
    assert isinstance(plugin, BimlPlugin)
    return plugin


def test_serve_dirty_restores_unchanged_pages_without_reading_them(tmp_path: Path) -> None:
    config_file = write_site(tmp_path, PAGES)
    site_dir = tmp_path / "served"
    first = _served(config_file, site_dir, dirty=False)
    (tmp_path / "docs" / "edited.md").write_text(textwrap.dedent(EDITED), encoding="utf-8")
    _later(tmp_path / "docs" / "edited.md")

    plugin = _served(config_file, site_dir, dirty=True)

    assert plugin is first  # MkDocs keeps a plugin that has on_startup
    assert {p for p in plugin.build.pages_built if not p.startswith("biml/")} == {"edited.md"}
    assert not plugin.build.pages_read_from_source  # restored from their records
    _assert_same_output(site_dir, _full_build_of(tmp_path / "docs", tmp_path))


def test_serve_dirty_reads_every_page_again_when_the_settings_change(tmp_path: Path) -> None:
    pages = {**PAGES, "risky.md": "---\nbiml:\n  data:2:transfer: transferred\n---\n# Risky\n"}
    config_file = write_site(
        tmp_path, pages, {"plugins": [{"biml": {"statuses": ["open", "transferred"]}}]}
    )
    site_dir = tmp_path / "served"
    _served(config_file, site_dir, dirty=False)
    assert '"status": "transferred"' in (site_dir / REGISTER[0]).read_text(encoding="utf-8")
    write_site(tmp_path, {}, {"plugins": [{"biml": {"statuses": ["open", "mitigated"]}}]})

    plugin = _served(config_file, site_dir, dirty=True)

    assert "risky.md" in plugin.build.pages_read_from_source
    assert '"status": "transferred"' not in (site_dir / REGISTER[0]).read_text(encoding="utf-8")
    _assert_same_output(site_dir, _full_build_of(tmp_path / "docs", tmp_path))


#: A hooks file: a plugin that notes every page event MkDocs fires for it.
RECORD_EVENTS = """\
from pathlib import Path


def _note(event, page, config):
    log = Path(config.config_file_path).parent / "events.log"
    with log.open("a", encoding="utf-8") as file:
        file.write(f"{event} {page.file.src_uri}\\n")


def on_pre_page(page, config, files):
    _note("pre_page", page, config)
    return page


def on_page_markdown(markdown, page, config, files):
    _note("page_markdown", page, config)
    return markdown


def on_page_content(html, page, config, files):
    _note("page_content", page, config)
    return html
"""

#: The biml plugin first: its on_env and Material's tags plugin's share a priority.
WITH_OTHER_PLUGINS = {
    "theme": {"name": "material"},
    "hooks": ["record_events.py"],
    "plugins": ["biml", "tags"],
    "markdown_extensions": ["attr_list"],
}
TAGGED = {
    **PAGES,
    "index.md": "---\ntags: [home]\n---\n# Home\n\nWe pin the base model [data:2:transfer].\n",
    "renamed.md": "---\ntags: [moved]\n---\n" + PAGES["renamed.md"],
    # Skipped pages get their titles as MkDocs gives them.
    "titled.md": "---\ntitle: From <front> matter\n---\n# Heading\n\n[data:2:transfer]\n",
    "late-heading.md": "Text first.\n\n# Later heading\n\n[data:2:transfer]\n",
    "marked-up.md": "# A *marked-up* &amp; `coded` title {#top}\n\n[data:2:transfer]\n",
}
#: The pages MkDocs rebuilds after _change_sources, besides the generated ones.
REBUILT = {"edited.md", "added.md", "moved/renamed.md"}


def _site_with_other_plugins(root: Path) -> Path:
    config_file = write_site(root, TAGGED, WITH_OTHER_PLUGINS)
    (root / "record_events.py").write_text(RECORD_EVENTS, encoding="utf-8")
    (root / "docs" / "moved").mkdir()
    return config_file


def _pages_with_events(root: Path) -> set[str]:
    """Pages of the site's own (not generated) another plugin saw events for; forgets them."""
    log = root / "events.log"
    lines = log.read_text(encoding="utf-8").splitlines()
    log.unlink()
    pages = {line.split(" ", 1)[1] for line in lines}
    return {page for page in pages if not page.startswith("biml/")}


def _tagged_pages(site_dir: Path) -> set[str]:
    """The pages Material's tags plugin exported tags for (it sees only pages it is shown)."""
    export = json.loads((site_dir / "tags.json").read_text(encoding="utf-8"))
    return {item["url"] for tag in export["mappings"] for item in [tag["item"]]}


def test_a_dirty_build_fires_no_other_plugin_events_for_skipped_pages(tmp_path: Path) -> None:
    config_file = _site_with_other_plugins(tmp_path)
    assert run_mkdocs(tmp_path, "build", "-q").returncode == 0
    assert {"index.md", "unchanged.md"} <= _pages_with_events(tmp_path)
    _change_sources(tmp_path / "docs")

    result = run_mkdocs(tmp_path, "build", "--dirty", "-q")

    assert result.returncode == 0, result.stderr
    assert _pages_with_events(tmp_path) == REBUILT
    full = _full_build_of(config_file.parent / "docs", tmp_path)
    _assert_same_output(tmp_path / "site", full)
    assert _tagged_pages(full) == {"", "moved/renamed/"}
    assert _tagged_pages(tmp_path / "site") == {"moved/renamed/"}  # index.md was skipped


def test_a_serve_dirty_rebuild_fires_no_other_plugin_events_for_skipped_pages(
    tmp_path: Path,
) -> None:
    config_file = _site_with_other_plugins(tmp_path)
    site_dir = tmp_path / "served"
    _served(config_file, site_dir, dirty=False)
    _pages_with_events(tmp_path)
    _change_sources(tmp_path / "docs")
    # New settings: the skipped pages' records no longer hold, they are read again.
    write_site(tmp_path, {}, {**WITH_OTHER_PLUGINS, "markdown_extensions": ["attr_list", "abbr"]})

    plugin = _served(config_file, site_dir, dirty=True)

    assert _pages_with_events(tmp_path) == REBUILT
    assert plugin.build.pages_read_from_source == set(TAGGED) - REBUILT - {
        "edited.md",
        "deleted.md",
        "renamed.md",
    }
    _assert_same_output(site_dir, _full_build_of(tmp_path / "docs", tmp_path))


def test_serve_dirty_shows_a_renamed_nav_title_everywhere(tmp_path: Path) -> None:
    nav = [{"Home": "index.md"}, {"Trojan notes": "unchanged.md"}, "edited.md"]
    config_file = write_site(tmp_path, PAGES, {"nav": nav})
    site_dir = tmp_path / "served"
    _served(config_file, site_dir, dirty=False)
    assert "Trojan notes" in _main(site_dir, _output("biml/model.md"))
    nav[1] = {"Accepted Trojan risk": "unchanged.md"}
    write_site(tmp_path, {}, {"nav": nav})

    _served(config_file, site_dir, dirty=True)

    register = (site_dir / REGISTER[0]).read_text(encoding="utf-8")
    backlinks = _main(site_dir, _output("biml/model.md"))
    for output in (register, backlinks):
        assert "Accepted Trojan risk" in output
        assert "Trojan notes" not in output
    _assert_same_output(site_dir, _full_build_of(tmp_path / "docs", tmp_path))
