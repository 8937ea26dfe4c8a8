"""The HTML of generated pages, kept from one ``mkdocs serve`` rebuild to the next.

Converting the generated pages' Markdown is most of what the plugin costs a
rebuild, and their Markdown rarely changes between two saves. MkDocs offers no
way to skip a page's conversion, so the plugin gives MkDocs empty Markdown for a
page whose HTML it already has (:meth:`HtmlCache.take`), and hands that HTML
back once MkDocs has converted nothing (:meth:`HtmlCache.give_back`), with what
the conversion tells MkDocs about the page (table of contents, anchors).

It is only safe when the HTML depends on nothing but what the key holds: the
page's Markdown and URL, the URLs of the generated pages it links to, the
Markdown extensions and their settings, the files an extension appends to
every page (:func:`appended_files`), and MkDocs' link validation. So the
cache is used only on sites whose other plugins are search plugins, which read
pages and change none (:func:`safe_for`): any other plugin or hook may change
a page's Markdown or HTML in ways no key can see.

With a cache folder (``diskcache.py``), each page's HTML is also kept there as
JSON, so that the next ``mkdocs build`` skips the conversion too. That key
must hold the same in the next process, and the code that converted: the
settings described by ``cachekey.py`` (a setting with no stable description
keeps pages in memory only), the versions of MkDocs, Python-Markdown, this
package and each extension. A page whose conversion logged a message the user
sees (info and above) is kept nowhere: the next build converts it again, and
says it again.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from dataclasses import dataclass
from typing import Any, TypeVar

from markdown.extensions import Extension
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents

from ..problems import logger as log
from .cachekey import Unstable, digest, extension_stamps, software
from .diskcache import DiskStore
from .templatecache import Memo

#: The layout of an entry on disk; another number is a miss.
ENTRY_FORMAT = 1

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
    """Generated pages' HTML, by everything it is made of; in ``store`` too if given."""

    def __init__(self, store: DiskStore | None = None) -> None:
        self._kept = _KEPT
        self._store = store
        #: Pages of this build whose conversion was skipped, or is to be kept.
        self._skipped: dict[str, tuple[str, _Rendered]] = {}
        self._pending: dict[str, _Pending] = {}
        self._settings = ""
        #: The settings' digest for the disk, when they have one in every process.
        self._disk_settings: str | None = None
        #: Set when no key can hold what the pages are made of: nothing is kept.
        self._off = False

    def start_build(self, config: MkDocsConfig, site_key: object) -> None:
        """What every page's HTML depends on besides its Markdown and URL."""
        self._skipped.clear()
        self._pending.clear()
        WATCH.stop()  # left attached by a build that failed mid-page
        described = [_describe(e) for e in config.markdown_extensions]
        appended = appended_files(config)
        # A file fetched from the web: its content is unknown until converted.
        self._off = appended is None
        settings = [described, config.mdx_configs, config.validation, site_key, appended]
        self._settings = hashlib.sha256(
            json.dumps(settings, sort_keys=True, default=repr).encode()
        ).hexdigest()
        self._disk_settings = None
        if self._store is not None and not self._off:
            try:
                stamps = extension_stamps(config.markdown_extensions)
                self._disk_settings = digest([software(), stamps, settings])
            except Unstable as exc:
                log.debug(
                    f"biml: pages' HTML kept in memory only, a setting differs per process: {exc}"
                )

    def take(self, page: Page, markdown: str) -> str:
        """The Markdown to give MkDocs for generated ``page``: empty if its HTML is kept."""
        if self._off:
            return markdown
        src_uri = page.file.src_uri
        key = (self._settings, src_uri, page.url, markdown)
        disk_key = self._disk_key(page, markdown)
        rendered = self._kept.peek(key)
        if rendered is None and disk_key is not None:
            rendered = self._load(disk_key)
            if rendered is not None:
                self._kept.put(key, rendered)
        if rendered is None:
            self._pending[src_uri] = _Pending(markdown, key, disk_key, WATCH.start())
            return markdown
        self._skipped[src_uri] = (markdown, rendered)
        return ""

    def give_back(self, page: Page, html: str, files: Files) -> str:
        """The page's HTML once MkDocs converted it: the kept HTML if it converted nothing."""
        src_uri = page.file.src_uri
        skipped = self._skipped.pop(src_uri, None)
        if skipped is None:
            pending = self._pending.pop(src_uri, None)
            if pending is not None:
                self._keep(pending, _capture(page, html))
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

    def _keep(self, pending: _Pending, rendered: _Rendered) -> None:
        """Keep a converted page, unless its conversion logged (the next build must too)."""
        if WATCH.stop() != pending.messages:
            return
        self._kept.put(pending.key, rendered)
        if self._store is not None and pending.disk_key is not None:
            self._store.write(pending.disk_key, _to_json(rendered))

    def _disk_key(self, page: Page, markdown: str) -> str | None:
        if self._disk_settings is None:
            return None
        return "\0".join([self._disk_settings, page.file.src_uri, page.url, markdown])

    def _load(self, disk_key: str) -> _Rendered | None:
        assert self._store is not None
        data = self._store.read(disk_key)
        return _from_json(data) if data is not None else None


@dataclass
class _Pending:
    """A page being converted: its Markdown, its keys, the messages logged before."""

    markdown: str
    key: object
    disk_key: str | None
    messages: int


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


def appended_files(config: MkDocsConfig) -> list[list[str | None]] | None:
    """Name and content digest of each file ``pymdownx.snippets`` appends to every page
    (its ``auto_append``), generated pages included; None if one is a URL.

    Such a file (a glossary of abbreviations, typically) is part of every page's
    HTML, so an edit to it must reach the key. The file is looked for as the
    extension does: in each ``base_path``, relative to the working folder.
    """
    settings = config.mdx_configs.get("pymdownx.snippets") or {}
    names = settings.get("auto_append") or []
    bases = settings.get("base_path") or ["."]
    bases = [bases] if isinstance(bases, str) else bases
    found: list[list[str | None]] = []
    for name in map(str, names):
        if "://" in name:
            return None
        found.append([name, _first_file_digest([os.path.join(base, name) for base in bases])])
    return found


def _first_file_digest(candidates: list[str]) -> str | None:
    """SHA-256 of the first of ``candidates`` that is a readable file (None: none is)."""
    for path in candidates:
        try:
            with open(path, "rb") as file:
                return hashlib.sha256(file.read()).hexdigest()
        except OSError:  # missing, a folder, unreadable: the extension skips it too
            continue
    return None


def _describe(extension: str | Extension) -> Any:
    """An extension as a key: its name, or its class and settings."""
    if isinstance(extension, str):
        return extension
    configs = extension.getConfigs()
    return [f"{type(extension).__module__}.{type(extension).__qualname__}", configs]


# -- messages: a page whose conversion logged is not kept ----------------------------------


class _MessageWatch(logging.Handler):
    """Counts the messages (info and above) logged while a generated page is converted.

    Attached to MkDocs' logger (``--strict`` counts its warnings) and the root
    logger (other extensions'), it must not change what the user sees: a
    record that finds no other handler goes to :data:`logging.lastResort`, as
    it would have without this one.
    """

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.seen = 0
        self._last: logging.LogRecord | None = None
        self._loggers = (logging.getLogger("mkdocs"), logging.getLogger())

    def start(self) -> int:
        for logger in self._loggers:
            if self not in logger.handlers:
                logger.addHandler(self)
        return self.seen

    def stop(self) -> int:
        for logger in self._loggers:
            logger.removeHandler(self)
        return self.seen

    def emit(self, record: logging.LogRecord) -> None:
        if record is self._last:  # seen at "mkdocs", then at the root
            return
        self._last = record
        self.seen += 1
        fallback = logging.lastResort
        if fallback and record.levelno >= fallback.level and not self._handled_elsewhere(record):
            fallback.handle(record)

    def _handled_elsewhere(self, record: logging.LogRecord) -> bool:
        logger: logging.Logger | None = logging.getLogger(record.name)
        while logger is not None:
            if any(handler is not self for handler in logger.handlers):
                return True
            if not logger.propagate:
                return False
            logger = logger.parent
        return False


WATCH = _MessageWatch()


# -- entries on disk: JSON, never pickle ---------------------------------------------------


def _to_json(rendered: _Rendered) -> bytes:
    entry = {
        "format": ENTRY_FORMAT,
        "content": rendered.content,
        "title": rendered.title,
        "anchors": sorted(rendered.anchors) if rendered.anchors is not None else None,
        "links_to_anchors": rendered.links_to_anchors,
        "toc": [_toc_item(item) for item in rendered.toc],
    }
    return json.dumps(entry, ensure_ascii=False).encode("utf-8", "surrogatepass")


def _toc_item(item: AnchorLink) -> dict[str, Any]:
    return {
        "title": item.title,
        "id": item.id,
        "level": item.level,
        "active": bool(getattr(item, "active", False)),
        "children": [_toc_item(child) for child in item.children],
    }


def _from_json(data: bytes) -> _Rendered | None:
    """The entry ``data`` holds, or None if it is not one (damaged, another format)."""
    try:
        entry = json.loads(data.decode("utf-8", "surrogatepass"))
        if not isinstance(entry, dict) or entry.get("format") != ENTRY_FORMAT:
            return None
        anchors, links = entry["anchors"], entry["links_to_anchors"]
        rendered = _Rendered(
            content=_checked(entry["content"], str),
            toc=TableOfContents([_anchor_link(item) for item in _checked(entry["toc"], list)]),
            title=_checked(entry["title"], str) if entry["title"] is not None else None,
            anchors={_checked(a, str) for a in _checked(anchors, list)}
            if anchors is not None
            else None,
            links_to_anchors=_links(links) if links is not None else None,
        )
    except (ValueError, KeyError, TypeError, RecursionError):
        return None
    return rendered


def _anchor_link(item: Any) -> AnchorLink:
    link = AnchorLink(
        _checked(item["title"], str), _checked(item["id"], str), _checked(item["level"], int)
    )
    if _checked(item["active"], bool):
        link.active = True  # type: ignore[attr-defined]  # as MkDocs marks the first item
    link.children = [_anchor_link(child) for child in _checked(item["children"], list)]
    return link


def _links(value: Any) -> dict[str, dict[str, str]]:
    return {
        _checked(path, str): {
            _checked(anchor, str): _checked(target, str)
            for anchor, target in _checked(links, dict).items()
        }
        for path, links in _checked(value, dict).items()
    }


T = TypeVar("T")


def _checked(value: Any, kind: type[T]) -> T:
    if not isinstance(value, kind):
        raise TypeError(f"{kind.__name__} expected")
    return value
