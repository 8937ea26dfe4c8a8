from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pytest

from mkdocs_biml import Catalog, CatalogIndex, load_catalog
from tests.markdown_fixture import PluginMarkdown
from tests.sites import BuiltSite, build_site

SiteBuilder = Callable[..., BuiltSite]
MarkdownMaker = Callable[..., PluginMarkdown]


@pytest.fixture(scope="session")
def biml78() -> Catalog:
    return load_catalog("biml-78")


@pytest.fixture(scope="session")
def index(biml78: Catalog) -> CatalogIndex:
    return CatalogIndex([biml78])


@pytest.fixture
def site(tmp_path: Path) -> SiteBuilder:
    """Build a real MkDocs site from ``{src_uri: markdown}`` and optional config."""

    def build(
        pages: Mapping[str, str], config: Mapping[str, Any] | None = None, **kwargs: Any
    ) -> BuiltSite:
        return build_site(tmp_path, pages, config, **kwargs)

    return build


@pytest.fixture(scope="session")
def plugin_markdown(tmp_path_factory: pytest.TempPathFactory) -> MarkdownMaker:
    """Markdown converted in process as the plugin sets it up, from ``mkdocs.yml`` settings.

    ``plugin_markdown()`` is the default site; ``plugin_markdown({"callouts": False},
    {"use_directory_urls": False})`` gives the plugin options and the rest of
    ``mkdocs.yml``. One set-up per distinct pair serves the whole session
    (setting up renders the generated pages, as ``on_files`` does).
    """
    made: dict[str, PluginMarkdown] = {}

    def make(
        options: Mapping[str, Any] | None = None, config: Mapping[str, Any] | None = None
    ) -> PluginMarkdown:
        key = json.dumps([options or {}, config or {}], sort_keys=True)
        if key not in made:
            made[key] = PluginMarkdown(tmp_path_factory.mktemp("markdown"), options, config)
        return made[key]

    return make


@pytest.fixture
def biml_md(plugin_markdown: MarkdownMaker) -> PluginMarkdown:
    """The default site's plugin, converting in process."""
    return plugin_markdown()
