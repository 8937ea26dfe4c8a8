"""The HTML of generated pages, kept from one ``mkdocs serve`` rebuild to the next.

Converting the generated pages' Markdown is most of what the plugin costs a
rebuild, and their Markdown rarely changes between two saves. MkDocs offers no
way to skip a page's conversion, so the plugin gives MkDocs empty Markdown for a
page whose HTML it already has (:meth:`HtmlCache.take`), and hands that HTML
back once MkDocs has converted nothing (:meth:`HtmlCache.give_back`), with what
the conversion tells MkDocs about the page (table of contents, anchors).

It is only safe when the HTML depends on nothing but what the key holds: the
page's Markdown and URL, the URLs of the generated pages it links to, the
Markdown extensions and their settings, and MkDocs' link validation. So the
cache is used only on sites whose other plugins are search plugins, which read
pages and change none (:func:`safe_for`): any other plugin or hook may change
a page's Markdown or HTML in ways no key can see.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from markdown.extensions import Extension
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

from .templatecache import Memo

#: Plugins that only read pages (``module.Class``): with any other, no page is cached.
READ_ONLY_PLUGINS = frozenset(
    {
        "mkdocs.contrib.search.SearchPlugin",
        "material.plugins.search.plugin.SearchPlugin",
    }
)


def safe_for(config: MkDocsConfig, ours: object) -> bool:
    """Whether every plugin of the site but ``ours`` leaves pages as they are."""
    return all(
        plugin is ours
        or f"{type(plugin).__module__}.{type(plugin).__qualname__}" in READ_ONLY_PLUGINS
        for plugin in config.plugins.values()
    )


@dataclass
class _Rendered:
    content: str
    toc: TableOfContents
    title: str | None
    anchors: set[str] | None
    #: Links to anchors of other pages, by those pages' source paths.
    links_to_anchors: dict[str, dict[str, str]] | None


#: Kept across builds (and plugin instances) of one process; a few sites' worth.
_KEPT: Memo[_Rendered] = Memo(size=256)


class HtmlCache:
    """Generated pages' HTML, by everything it is made of."""

    def __init__(self) -> None:
        self._kept = _KEPT
        #: Pages of this build whose conversion was skipped, or is to be kept.
        self._skipped: dict[str, tuple[str, _Rendered]] = {}
        self._pending: dict[str, tuple[str, object]] = {}
        self._settings = ""

    def start_build(self, config: MkDocsConfig, site_key: object) -> None:
        """What every page's HTML depends on besides its Markdown and URL."""
        self._skipped.clear()
        self._pending.clear()
        described = [_describe(e) for e in config.markdown_extensions]
        self._settings = hashlib.sha256(
            json.dumps(
                [described, config.mdx_configs, config.validation, repr(site_key)],
                sort_keys=True,
                default=repr,
            ).encode()
        ).hexdigest()

    def take(self, page: Page, markdown: str) -> str:
        """The Markdown to give MkDocs for generated ``page``: empty if its HTML is kept."""
        key = (self._settings, page.file.src_uri, page.url, markdown)
        rendered = self._kept.peek(key)
        if rendered is None:
            self._pending[page.file.src_uri] = (markdown, key)
            return markdown
        self._skipped[page.file.src_uri] = (markdown, rendered)
        return ""

    def give_back(self, page: Page, html: str, files: Files) -> str:
        """The page's HTML once MkDocs converted it: the kept HTML if it converted nothing."""
        src_uri = page.file.src_uri
        skipped = self._skipped.pop(src_uri, None)
        if skipped is None:
            pending = self._pending.pop(src_uri, None)
            if pending is not None:
                self._kept.put(pending[1], _capture(page, html))
            return html
        page.markdown, rendered = skipped
        page.toc = rendered.toc
        page._title_from_render = rendered.title
        page.present_anchor_ids = set(rendered.anchors) if rendered.anchors is not None else None
        if rendered.links_to_anchors is not None:
            page.links_to_anchors = {
                target: dict(links)
                for path, links in rendered.links_to_anchors.items()
                if (target := files.get_file_from_path(path)) is not None
            }
        return rendered.content


def _capture(page: Page, html: str) -> _Rendered:
    links = page.links_to_anchors
    return _Rendered(
        content=html,
        toc=page.toc,
        title=page._title_from_render,
        anchors=set(page.present_anchor_ids) if page.present_anchor_ids is not None else None,
        links_to_anchors=(
            {file.src_uri: dict(anchors) for file, anchors in links.items()}
            if links is not None
            else None
        ),
    )


def _describe(extension: str | Extension) -> Any:
    """An extension as a key: its name, or its class and settings."""
    if isinstance(extension, str):
        return extension
    configs = extension.getConfigs()
    return [f"{type(extension).__module__}.{type(extension).__qualname__}", configs]
