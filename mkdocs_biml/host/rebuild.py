"""Dirty rebuilds: what the pages MkDocs skipped cite.

``mkdocs build --dirty`` and ``mkdocs serve --dirty`` render only the pages
whose source is newer than their output: for the others MkDocs fires none of
the page events. The backlinks, the coverage page and the register are made
from every page of the site, so the plugin reads each skipped page itself, as
``mkdocs-biml lint`` reads a page without building: the front matter through
MkDocs' own reader, the text through Python-Markdown with the site's
``markdown_extensions`` (the biml extension among them), so code blocks and
HTML are skipped exactly as in the build. No other plugin's event is fired and
nothing is set on MkDocs' page objects: another plugin sees only the pages
MkDocs rebuilt. (A plugin that writes tags into a page's Markdown, a macros
plugin say, is therefore not run for a skipped page; ``lint`` has the same rule.)

The title is the one MkDocs gives the page: its ``nav`` title, its front
matter ``title``, the heading the page starts with, or one made of its file name.

``mkdocs serve --dirty`` rebuilds in one process, with the same plugin object:
there, :class:`PageRecords` keeps what each page gave the ledger when it was
last read, with a digest of its source text, and a skipped page whose text and
site settings (``nav`` among them: it names pages) are unchanged is restored
from it instead of being read again. A deleted or renamed page is not among the
site's files any more, and an edited one no longer matches its digest, so a
stale citation cannot survive.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Sequence
from typing import Any

import markdown
from markdown.treeprocessors import Treeprocessor
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data
from mkdocs.utils.rendering import get_heading_text

from ..catalog.model import Catalog
from ..core.problems import front_matter_lines
from ..expansion.extension import BimlExtension
from ..expansion.pagestate import Citation
from ..frozen import Frozen
from ..records.ledger import Ledger, PageEntry
from .buildstate import BuildState


def source_digest(source: str) -> str:
    return hashlib.blake2b(source.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def settings_fingerprint(config: MkDocsConfig) -> str:
    """What, besides a page's own text, decides what the ledger takes from it: the
    site, its ``nav`` (titles), its Markdown extensions and every plugin's options.
    (An option that is an object, not plain data, shows its address and so never
    matches: the page is then read again.)"""
    extensions = [e for e in config.markdown_extensions if not isinstance(e, BimlExtension)]
    # A hooks file is a plugin without options (a module).
    plugins = [
        (name, sorted(dict(getattr(plugin, "config", {})).items()))
        for name, plugin in config.plugins.items()
    ]
    return repr(
        (
            config.config_file_path,
            config.docs_dir,
            config.nav,
            extensions,
            config.mdx_configs,
            plugins,
        )
    )


class PageRecords:
    """Each page's ledger entry from the last time it was read, for later dirty rebuilds."""

    # A plain class (not a dataclass: see frozen.py); kept between builds, never compared.
    settings: str
    catalogs: tuple[Catalog, ...]
    #: src_uri -> (digest of the source text, entry).
    records: dict[str, tuple[str, PageEntry]]

    def __init__(self) -> None:
        self.settings = ""
        self.catalogs = ()
        self.records = {}

    def start_build(self, settings: str, catalogs: Sequence[Catalog]) -> None:
        """Forget everything if the settings or the catalogues (loaded anew) changed."""
        same_catalogs = len(catalogs) == len(self.catalogs) and all(
            a is b for a, b in zip(catalogs, self.catalogs)
        )
        if settings != self.settings or not same_catalogs:
            self.records.clear()
            self.settings, self.catalogs = settings, tuple(catalogs)

    def keep(self, src_uri: str, digest: str, ledger: Ledger) -> None:
        """Keep what ``src_uri``, read from a source with ``digest``, gave ``ledger``."""
        self.records[src_uri] = (digest, ledger.entry(src_uri))

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


def read_skipped_pages(
    files: Files,
    config: MkDocsConfig,
    extension: BimlExtension,
    build: BuildState,
    records: PageRecords | None,
) -> None:
    """Give ``build`` the pages MkDocs skipped: each from its record, or read from its
    source (``records``: kept under ``serve --dirty`` only, else None)."""
    reader = SkippedPageReader(config, extension)
    for page in skipped_pages(files, build.pages_built):
        src_uri = page.file.src_uri
        try:
            source = page.file.content_string
        except (OSError, UnicodeDecodeError) as exc:
            raise PluginError(f"biml: cannot read {src_uri}: {exc}") from None
        entry = records.entry(src_uri, source) if records is not None else None
        if entry is not None:
            build.ledger.add_entry(src_uri, entry, page.url)
            continue
        build.pages_read_from_source.add(src_uri)
        skipped = reader.read(page, source)
        build.take_statuses(src_uri, skipped.meta, source)
        build.take_page(src_uri, skipped.citations, skipped.title, page.url)
        if records is not None:
            records.keep(src_uri, source_digest(source), build.ledger)
    if records is not None:
        records.keep_only([f.src_uri for f in files if f.is_documentation_page()])


def skipped_pages(files: Files, built: Collection[str]) -> list[Page]:
    """Pages this build went past without building them (``built``: those it built).

    MkDocs gives a page object to every page it builds, drafts included when it
    serves them, before the dirty check; pages it does not build have none.
    """
    return [
        file.page
        for file in files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
        if file.page is not None and file.src_uri not in built and not _always_rebuilt(file)
    ]


def _always_rebuilt(file: File) -> bool:
    """Files held in memory (generated pages) count as modified: MkDocs never skips them."""
    return file.abs_src_path is None


class SkippedPage(Frozen):
    """What the plugin needs of a page a dirty build skipped."""

    meta: dict[str, Any]
    citations: list[Citation]
    title: str


class SkippedPageReader:
    """Reads skipped pages with the site's Markdown settings and the plugin's extension."""

    def __init__(self, config: MkDocsConfig, extension: BimlExtension) -> None:
        self.config = config
        self.extension = extension

    def read(self, page: Page, source: str) -> SkippedPage:
        """``source``: the page's text, as ``File.content_string`` reads it."""
        body, meta = get_data(source)
        self.extension.begin_page(
            page.file.src_uri, line_offset=front_matter_lines(source, body), url=page.file.url
        )
        converter = markdown.Markdown(
            extensions=self.config.markdown_extensions,
            extension_configs=self.config.mdx_configs or {},
        )
        heading = _FirstHeading(converter)
        # Markdown options written with MkDocs' `!relative` tag resolve against the
        # page being converted, which MkDocs names in this attribute while it renders one.
        self.config._current_page = page
        try:
            converter.convert(body)
        finally:
            self.config._current_page = None
            citations = self.extension.take_citations()
        return SkippedPage(meta, citations, _title(page, meta, heading.text))


class _FirstHeading(Treeprocessor):
    """The text of the h1 a page starts with, found as MkDocs finds its title."""

    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(md)
        self.text: str | None = None
        # Late, as MkDocs' own: after the toc extension has added its anchors.
        md.treeprocessors.register(self, "biml_first_heading", priority=1)

    def run(self, root: Any) -> None:
        first = next(iter(root), None)
        if first is not None and first.tag == "h1":
            self.text = get_heading_text(first, self.md)


def _title(page: Page, meta: dict[str, Any], heading: str | None) -> str:
    """The title MkDocs' ``Page.title`` gives once the page is rendered."""
    if page.title is not None:  # before the page is read, only a nav title is set
        return str(page.title)
    if "title" in meta:
        return str(meta["title"])
    if heading:
        return heading
    if page.is_homepage:
        return "Home"
    title = page.file.name.replace("-", " ").replace("_", " ")
    # Capitalised if the file name was all lowercase, otherwise left as it is.
    return title.capitalize() if title.lower() == title else title
