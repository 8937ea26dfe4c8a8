from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pytest

from mkdocs_biml import Catalog, CatalogIndex, load_catalog
from tests.sites import BuiltSite, build_site

SiteBuilder = Callable[..., BuiltSite]


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
