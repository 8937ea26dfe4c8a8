"""Dirty rebuilds: what the pages MkDocs skipped cite.

``mkdocs build --dirty`` and ``mkdocs serve --dirty`` render only the pages
whose source is newer than their output: for the others MkDocs fires none of
``on_pre_page``, ``on_page_markdown``, ``on_page_content`` or
``on_page_context``. The backlinks, the coverage page and the register are
made from every page of the site, so before they are filled the plugin reads
each skipped page again through MkDocs' own page path (``Page.read_source``,
the plugins' page events, ``Page.render``), exactly as a full build reads it.

The cost is the Markdown conversion of the skipped pages (MkDocs still skips
their templates and writes). ``mkdocs serve --dirty`` rebuilds in one process,
with the same plugin object: there, :class:`PageRecords` keeps what each page
gave the ledger when it was last read, with a digest of its source text, and a
skipped page whose text and site settings are unchanged is restored from it
instead of being read again. A deleted or renamed page is not among the site's
files any more, and an edited one no longer matches its digest, so a stale
citation cannot survive.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from ..catalog.model import Catalog
from ..extension import BimlExtension
from .ledger import Ledger, PageEntry


def source_digest(source: str) -> str:
    return hashlib.blake2b(source.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def settings_fingerprint(config: MkDocsConfig) -> str:
    """What, besides a page's own text, decides what it cites: the site, its Markdown
    extensions and every plugin's options. (An option that is an object, not plain
    data, shows its address and so never matches: the page is then read again.)"""
    extensions = [e for e in config.markdown_extensions if not isinstance(e, BimlExtension)]
    # A hooks file is a plugin without options (a module).
    plugins = [
        (name, sorted(dict(getattr(plugin, "config", {})).items()))
        for name, plugin in config.plugins.items()
    ]
    return repr((config.config_file_path, config.docs_dir, extensions, config.mdx_configs, plugins))


@dataclass
class PageRecords:
    """Each page's ledger entry from the last time it was read, for later dirty rebuilds."""

    settings: str = ""
    catalogs: tuple[Catalog, ...] = ()
    #: src_uri -> (digest of the source text, entry).
    records: dict[str, tuple[str, PageEntry]] = field(default_factory=dict)

    def start_build(self, settings: str, catalogs: Sequence[Catalog]) -> None:
        """Forget everything if the settings or the catalogues (loaded anew) changed."""
        same_catalogs = len(catalogs) == len(self.catalogs) and all(
            a is b for a, b in zip(catalogs, self.catalogs)
        )
        if settings != self.settings or not same_catalogs:
            self.records.clear()
            self.settings, self.catalogs = settings, tuple(catalogs)

    def keep(self, src_uri: str, digest: str, entry: PageEntry) -> None:
        self.records[src_uri] = (digest, entry)

    def entry(self, src_uri: str, source: str) -> PageEntry | None:
        """The page's entry if it was recorded from exactly ``source``."""
        record = self.records.get(src_uri)
        if record is None or record[0] != source_digest(source):
            return None
        return record[1]

    def keep_only(self, src_uris: Collection[str]) -> None:
        """Forget pages that are no longer in the site."""
        for gone in set(self.records) - set(src_uris):
            del self.records[gone]


def catch_up_skipped_pages(
    files: Files, config: MkDocsConfig, read: Collection[str], records: PageRecords, ledger: Ledger
) -> None:
    """A dirty build skipped unchanged pages: restore each from its record, or read it
    again, so the ledger holds every page (``read``: the pages this build read)."""
    for page in skipped_pages(files, read):
        entry = _recorded_entry(records, page)
        if entry is None:
            read_page(page, config, files)
        else:
            ledger.add_entry(page.file.src_uri, entry, page.url)
    records.keep_only([f.src_uri for f in files if f.is_documentation_page()])


def _recorded_entry(records: PageRecords, page: Page) -> PageEntry | None:
    try:
        source = page.file.content_string
    except (OSError, UnicodeDecodeError):  # read_page reports it as MkDocs would
        return None
    return records.entry(page.file.src_uri, source)


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
