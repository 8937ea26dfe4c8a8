"""The benchmark's `output` site is a floor only if its pages hold the plugin's very output."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from benchmarks.sites import page_path, write_site

pytestmark = pytest.mark.slow

PAGES = 6
MAIN_START = '<div class="col-md-9" role="main">'


def _main_area(html: str) -> str:
    start = html.index(MAIN_START)
    return html[start : html.index("<footer", start)]


def _built(root: Path, variant: str) -> Path:
    config_file = write_site(root / variant, variant, PAGES, 10)
    site_dir = root / variant / "site"
    build(load_config(str(config_file), site_dir=str(site_dir)))
    return site_dir


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("benchmark-sites")
    return {variant: _built(root, variant) for variant in ("biml", "output")}


def test_output_pages_are_the_plugins_pages_to_the_byte(sites: dict[str, Path]) -> None:
    for number in range(1, PAGES + 1):
        page = page_path(number).removesuffix(".md") + "/index.html"
        plugin, pasted = (
            _main_area((sites[v] / page).read_text(encoding="utf-8")) for v in ("biml", "output")
        )
        assert "admonition biml" in plugin and 'class="biml-ref"' in plugin
        assert pasted == plugin, page


def test_output_site_has_the_framework_pages(sites: dict[str, Path]) -> None:
    pages = {p.parent.name for p in (sites["output"] / "biml").glob("*/index.html")}
    assert {"raw", "data", "system", "references"} <= pages
