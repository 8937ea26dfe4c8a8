"""Rebuilds in one process, as ``mkdocs serve`` makes them, reuse what did not change
and show at once what did: a catalogue, an option, a custom template.

Edits keep the file's size and time, so only its content can tell.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config

from mkdocs_biml.host.plugin import BimlPlugin
from tests.catalogs import ACME_CATALOG
from tests.sites import record_page_renders, write_site

TEMPLATE = "## {{ risk.title | md }} {{ risk.anchor | heading_id }}\n\nOwner: alpha\n\n"
PAGES = {"index.md": "# Home\n\n[ACME:feed:2:loop]\n"}
RISK_PAGE = "biml/acme/feed/index.html"


def _settings(**options: Any) -> dict[str, Any]:
    biml = {"catalogs": ["acme.yaml"], "custom_templates": "overrides", **options}
    return {"theme": "mkdocs", "plugins": ["search", {"biml": biml}]}


@pytest.fixture
def served(tmp_path: Path) -> Path:
    (tmp_path / "acme.yaml").write_text(ACME_CATALOG, encoding="utf-8")
    (tmp_path / "overrides").mkdir()
    (tmp_path / "overrides" / "risk.md.j2").write_text(TEMPLATE, encoding="utf-8")
    config_file = write_site(tmp_path, PAGES, _settings())
    _rebuild(config_file)
    return config_file


def _rebuild(config_file: Path) -> BimlPlugin:
    """What ``mkdocs serve`` does on a save: the configuration again, then a build."""
    config = load_config(str(config_file), site_dir=str(config_file.parent / "site"))
    build(config, serve_url="http://127.0.0.1:8000/")
    plugin = config.plugins["biml"]
    assert isinstance(plugin, BimlPlugin)
    return plugin


def _text(config_file: Path, page: str) -> str:
    html = (config_file.parent / "site" / page).read_text(encoding="utf-8")
    main = BeautifulSoup(html, "html.parser").select_one('div[role="main"]')
    assert main is not None
    return " ".join(main.get_text().split())


def _edit_in_place(path: Path, old: str, new: str) -> None:
    """Replace ``old`` by ``new`` (same length), keeping the file's size and times."""
    assert len(old) == len(new)
    stat = path.stat()
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_size == stat.st_size


def test_unchanged_inputs_are_not_rendered_again(
    served: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rendered = record_page_renders(monkeypatch)
    before = (served.parent / "site" / RISK_PAGE).read_text(encoding="utf-8")
    (served.parent / "docs" / "index.md").write_text(PAGES["index.md"] + "\nSaved.\n", "utf-8")
    _rebuild(served)
    assert rendered == []
    assert (served.parent / "site" / RISK_PAGE).read_text(encoding="utf-8") == before
    assert "Saved." in _text(served, "index.html")
    assert "Feedback loop" in _text(served, RISK_PAGE)


def test_rebuild_shows_a_catalogue_edit(served: Path) -> None:
    _edit_in_place(served.parent / "acme.yaml", "Feedback loop", "Feedback LOOP")
    _rebuild(served)
    assert "Feedback LOOP" in _text(served, RISK_PAGE)
    assert "Feedback LOOP" in _text(served, "index.html")  # the callout's title


def test_rebuild_shows_a_custom_template_edit(served: Path) -> None:
    assert "Owner: alpha" in _text(served, RISK_PAGE)
    _edit_in_place(served.parent / "overrides" / "risk.md.j2", "alpha", "omega")
    _rebuild(served)
    assert "Owner: omega" in _text(served, RISK_PAGE)


def test_rebuild_shows_an_option_change(served: Path) -> None:
    coverage = "biml/coverage/index.html"
    listed = "statuses (open, under review, mitigated) are declared"  # the page's own text
    assert listed not in _text(served, coverage)
    write_site(served.parent, {}, _settings(statuses=["open", "under review", "mitigated"]))
    _rebuild(served)
    assert listed in _text(served, coverage)


def test_rebuild_shows_a_markdown_extension_option_change(served: Path) -> None:
    settings = {**_settings(), "markdown_extensions": [{"toc": {"permalink": "#"}}]}
    write_site(served.parent, {}, settings)
    _rebuild(served)
    html = (served.parent / "site" / RISK_PAGE).read_text(encoding="utf-8")
    assert 'class="headerlink"' in html


def test_pages_are_reused_beside_a_plugin_that_may_change_them(
    served: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every site gets the same reuse, whatever its other plugins: a hook here."""
    (served.parent / "hook.py").write_text(
        "def on_page_content(html, page, **kwargs):\n"
        "    return html.replace('Feedback loop', 'Feedback loop (hooked)')\n",
        encoding="utf-8",
    )
    write_site(served.parent, {}, {**_settings(), "hooks": ["hook.py"]})
    _rebuild(served)
    rendered = record_page_renders(monkeypatch)
    _rebuild(served)
    assert rendered == []
    assert "Feedback loop (hooked)" in _text(served, RISK_PAGE)


def test_rebuild_follows_a_page_a_custom_template_links_to(served: Path) -> None:
    overrides = served.parent / "overrides"
    (overrides / "risk.md.j2").write_text(
        TEMPLATE + '[Our guide]({{ link("guide.md") }})\n\n', encoding="utf-8"
    )
    docs = served.parent / "docs"
    (docs / "guide.md").write_text("# Guide\n", encoding="utf-8")
    _rebuild(served)
    html = (served.parent / "site" / RISK_PAGE).read_text(encoding="utf-8")
    assert 'href="../../../guide/"' in html
    (docs / "moved").mkdir()
    (docs / "guide.md").rename(docs / "moved" / "guide.md")
    _rebuild(served)
    html = (served.parent / "site" / RISK_PAGE).read_text(encoding="utf-8")
    assert 'href="../../../guide/"' not in html


def test_rebuild_shows_an_assessments_change(served: Path) -> None:
    coverage = "biml/coverage/index.html"
    fraud = {"systems/fraud/index.md": "# Fraud\n\n[ACME:feed:2:loop]\n"}
    write_site(served.parent, fraud, _settings())
    _rebuild(served)
    assert "Fraud detection model" not in _text(served, coverage)
    write_site(served.parent, {}, _settings(assessments={"systems/fraud": "Fraud detection model"}))
    _rebuild(served)
    assert "Fraud detection model" in _text(served, coverage)
