"""Dirty rebuilds: what the pages MkDocs skipped cite.

``mkdocs build --dirty`` and ``mkdocs serve --dirty`` render only the pages
whose source is newer than their output: for the others MkDocs fires none of
``on_pre_page``, ``on_page_markdown``, ``on_page_content`` or
``on_page_context``. The backlinks, the coverage page and the register are
made from every page of the site, so before they are filled the plugin reads
each skipped page again through MkDocs' own page path (``Page.read_source``,
the plugins' page events, ``Page.render``), exactly as a full build reads it.

Nothing is remembered between builds: a deleted or renamed page simply is not
among the site's files any more, and an edited page is read as it is now, so a
stale citation cannot survive. The cost is the Markdown conversion of the
skipped pages; MkDocs still skips their templates and writes.
"""

from __future__ import annotations

from collections.abc import Collection

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page


def skipped_pages(files: Files, read: Collection[str]) -> list[Page]:
    """Pages this build went past without reading them (``read``: those it read).

    MkDocs gives a page object to every page it builds, drafts included when it
    serves them, before the dirty check; pages it does not build have none.
    """
    return [
        file.page
        for file in files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
        if file.page is not None and file.src_uri not in read and not _always_rebuilt(file)
    ]


def _always_rebuilt(file: File) -> bool:
    """Files held in memory (generated pages) count as modified: MkDocs never skips them."""
    return file.abs_src_path is None


def read_page(page: Page, config: MkDocsConfig, files: Files) -> None:
    """Run ``page`` through what MkDocs' build runs on every page before writing it."""
    # Markdown options written with MkDocs' `!relative` tag resolve against it.
    config._current_page = page
    try:
        page = config.plugins.on_pre_page(page, config=config, files=files)
        page.read_source(config)
        assert page.markdown is not None
        page.markdown = config.plugins.on_page_markdown(
            page.markdown, page=page, config=config, files=files
        )
        page.render(config, files)
        assert page.content is not None
        page.content = config.plugins.on_page_content(
            page.content, page=page, config=config, files=files
        )
    finally:
        config._current_page = None
