"""The MkDocs plugin: thin glue between MkDocs and the Markdown extension.

* ``on_config`` loads the catalogues once and adds the extension;
* ``on_files`` adds the generated pages and the stylesheet (``File.generated``,
  nothing is written into ``docs_dir``);
* ``on_page_markdown`` tells the extension which page it renders;
* ``on_page_content`` collects the page's citations and statuses;
* ``on_page_context`` (every page is rendered by then, and search has indexed
  the page) fills backlinks and coverage into the generated pages, the only
  HTML this plugin ever post-processes;
* ``on_post_build`` writes the risk register;
* ``on_serve`` watches the catalogue files.
"""

from __future__ import annotations

import html
import posixpath
from collections.abc import Iterator
from html import unescape as html_to_text
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from .config import BimlConfig
from .extension import BimlExtension
from .frontmatter import read_statuses
from .layout import PageLayout
from .ledger import Ledger
from .loader import BUILTIN_DIRS, CatalogError, load_catalogs
from .log import Problem, Severity, front_matter_lines
from .model import Catalog
from .pages import PageGenerator
from .register import write_register
from .resolver import CatalogIndex

if TYPE_CHECKING:  # the server's module pulls in a web server and file watchers
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.utils.templates import TemplateContext

log = get_plugin_logger("biml")

ASSETS_DIR = Path(__file__).parent / "assets"
STYLESHEET = "assets/mkdocs-biml/biml.css"
SCRIPT = "assets/mkdocs-biml/biml.js"


class BimlPlugin(BasePlugin[BimlConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.catalogs: list[Catalog] = []
        self.index: CatalogIndex | None = None
        self.extension: BimlExtension | None = None
        self.layout = PageLayout()
        self.ledger = Ledger()
        self.generator: PageGenerator | None = None
        self.generated: dict[str, File] = {}

    # -- configuration -------------------------------------------------------------------

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.catalogs = self._load_catalogs(config)
        try:
            self.index = CatalogIndex(self.catalogs)
        except ValueError as exc:
            raise PluginError(f"biml: {exc}") from None
        self.layout = PageLayout(self.config.folder)
        self.extension = self._make_extension()
        self._replace_listed_extension(config)
        # A config object may be built more than once (tests, tools that call
        # build() twice): replace our earlier additions instead of stacking them.
        config.markdown_extensions[:] = [
            e for e in config.markdown_extensions if not isinstance(e, BimlExtension)
        ]
        config.markdown_extensions.append(self.extension)  # type: ignore[arg-type]
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        if SCRIPT not in [str(script) for script in config.extra_javascript]:
            config.extra_javascript.append(SCRIPT)
        return config

    def _load_catalogs(self, config: MkDocsConfig) -> list[Catalog]:
        config_dir = Path(config.config_file_path or ".").parent
        try:
            return load_catalogs(self.config.catalogs, config_dir)
        except CatalogError as exc:
            raise PluginError(f"biml: {exc}") from None

    def _make_extension(self) -> BimlExtension:
        try:
            return BimlExtension(
                index=self.index,
                folder=self.config.folder,
                base_url=self.config.base_url,
                link=self.config.pages,
                link_text=self.config.link_text,
                callouts=self.config.callouts,
                callout_content=self.config.callout_content,
                on_unknown=self.config.on_unknown,
                report=_report_problem,
            )
        except ValueError as exc:
            raise PluginError(str(exc)) from None

    def _replace_listed_extension(self, config: MkDocsConfig) -> None:
        """The plugin brings the extension: a second copy would expand tags twice."""
        listed = [e for e in config.markdown_extensions if e in ("biml", "mkdocs_biml.extension")]
        for name in listed:
            config.markdown_extensions.remove(name)
            config.mdx_configs.pop(name, None)
            log.info(
                "the biml plugin adds the biml Markdown extension itself; "
                "its entry under markdown_extensions is ignored"
            )

    # -- files and navigation ----------------------------------------------------------

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self.ledger.clear()
        self.generated = {}
        for src_uri, asset in ((STYLESHEET, "biml.css"), (SCRIPT, "biml.js")):
            files.append(File.generated(config, src_uri, abs_src_path=str(ASSETS_DIR / asset)))
        if self.config.pages:
            self._add_generated_pages(files, config)
        # Links leave the extension as finished HTML with the URLs MkDocs would
        # have made of them: MkDocs then has nothing to resolve for every tag.
        assert self.extension is not None
        self.extension.use_final_urls(
            {src_uri: file.url for src_uri, file in self.generated.items()}, get_relative_url
        )
        return files

    def _add_generated_pages(self, files: Files, config: MkDocsConfig) -> None:
        self.generator = PageGenerator(
            self.catalogs, self.layout, self.config.custom_templates, self.config.statuses
        )
        placed_by_nav = self._nav_paths(config)
        for src_uri, markdown in self.generator.render().items():
            if files.get_file_from_path(src_uri) is not None:
                raise PluginError(
                    f"biml: docs/{src_uri} already exists, and the plugin generates a page "
                    f"there: rename your page or set the plugin's 'folder' option"
                )
            # Pages an explicit nav does not place are still built, without
            # MkDocs' "not included in the nav" warning; on_nav adds them.
            placed = config.nav is None or src_uri in placed_by_nav
            inclusion = InclusionLevel.UNDEFINED if placed else InclusionLevel.NOT_IN_NAV
            file = File.generated(config, src_uri, content=markdown, inclusion=inclusion)
            files.append(file)
            self.generated[src_uri] = file

    @staticmethod
    def _nav_paths(config: MkDocsConfig) -> set[str]:
        return set(_paths_in(config.nav))

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        if not self.generated:
            return nav
        if config.nav:
            return self._add_unplaced_pages(nav, config)
        folder = self.layout.folder.strip("/")
        section = next(
            (
                item
                for item in nav.items
                if isinstance(item, Section) and any(_in_folder(p, folder) for p in _pages_of(item))
            ),
            None,
        )
        if section is None:
            return nav
        section.title = html.escape(self.config.nav_title)
        # Theme templates insert titles as HTML, as MkDocs' own titles are.
        subsection_titles = {
            self.layout.overview(c): html.escape(c.short_title) for c in self.catalogs if c.prefix
        }
        _order_generated(section, list(self.generated), subsection_titles)
        if self.config.nav_position == "start":
            nav.items.remove(section)
            nav.items.insert(1 if nav.items and _is_home(nav.items[0]) else 0, section)
        _relink_pages(nav)
        return nav

    def _add_unplaced_pages(self, nav: Navigation, config: MkDocsConfig) -> Navigation:
        """With an explicit nav, generated pages it does not list go in a section at the end."""
        placed = self._nav_paths(config)
        unplaced = [f for src, f in self.generated.items() if src not in placed]
        if not unplaced:
            return nav
        pages = [f.page or Page(None, f, config) for f in unplaced]
        section = Section(html.escape(self.config.nav_title), list(pages))
        for page in pages:
            page.parent = section
        nav.items.append(section)
        _relink_pages(nav)
        return nav

    # -- pages ---------------------------------------------------------------------------

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        assert self.extension is not None
        generated = page.file.src_uri in self.generated
        source = "" if page.file.generated_by else page.file.content_string
        self.extension.begin_page(
            page.file.src_uri,
            generated=generated,
            line_offset=front_matter_lines(source, markdown),
            url=page.file.url,
        )
        if self.index is not None and not generated:
            for risk, status in read_statuses(
                page.meta, page.file.src_uri, self.index, self.config.statuses, source=source
            ):
                self.ledger.set_status(page.file.src_uri, risk, status)
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        assert self.extension is not None
        src_uri = page.file.src_uri
        citations = self.extension.take_citations()
        if src_uri in self.generated:
            return html
        for citation in citations:
            self.ledger.cite(src_uri, citation.risk, citation.line)
        if src_uri in self.ledger.pages:
            entry = self.ledger.pages[src_uri]
            # MkDocs' titles are HTML (a heading's keep its entities); stored as text.
            entry.title, entry.url = (html_to_text(page.title) if page.title else src_uri), page.url
        return html

    # After the search plugin (priority 0) has indexed the page: backlinks and
    # coverage lists are navigation, like the site's menu, which search does not
    # index either. Indexed, every risk's entry would match the titles of all
    # the pages citing it (at 2,000 pages, a fifth of what the plugin added to
    # the index).
    @event_priority(-50)
    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        src_uri = page.file.src_uri
        if self.generator is not None and src_uri in self.generated and page.content:
            page.content = self.generator.finalize(src_uri, page.content, self.ledger, page.url)
        return context

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.config.register and self.index is not None:
            write_register(Path(config.site_dir), self.catalogs, self.ledger, self.layout)

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        for catalog in self.catalogs:
            for path, _stamp in catalog.depends_on:
                if Path(path).is_file() and Path(path).parent not in BUILTIN_DIRS:
                    server.watch(path)
        if self.config.custom_templates:
            server.watch(self.config.custom_templates)
        return server


def _report_problem(problem: Problem) -> None:
    """Warnings are logged (``--strict`` counts them); errors stop the build cleanly."""
    if problem.severity is Severity.ERROR:
        raise PluginError(f"biml: {problem}")
    log.warning("%s", problem)


def _pages_of(item: Any) -> list[Page]:
    """The pages of a navigation item, in order (a link has none)."""
    if isinstance(item, Page):
        return [item]
    if isinstance(item, Section):
        return [page for child in item.children for page in _pages_of(child)]
    return []


def _paths_in(nav: Any) -> Iterator[str]:
    """Every page path an explicit ``nav`` setting lists."""
    if isinstance(nav, str):
        yield nav
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from _paths_in(value)
    elif isinstance(nav, list):
        for item in nav:
            yield from _paths_in(item)


def _order_generated(section: Section, order: list[str], titles: dict[str, str]) -> None:
    """Published order instead of MkDocs' file-name order; catalogue subsections titled.

    ``order`` is the order of ``PageGenerator.render()``; ``titles`` maps a
    prefixed catalogue's overview page to the title of its subsection.
    """
    rank = {src_uri: position for position, src_uri in enumerate(order)}

    def first_rank(item: Any) -> int:
        pages = _pages_of(item)
        return min((rank.get(p.file.src_uri, len(rank)) for p in pages), default=len(rank))

    section.children.sort(key=first_rank)
    for child in section.children:
        if isinstance(child, Section):
            overview = next((p for p in _pages_of(child) if p.file.src_uri in titles), None)
            if overview is not None:
                child.title = titles[overview.file.src_uri]
            _order_generated(child, order, titles)


def _relink_pages(nav: Navigation) -> None:
    """Previous/next links follow the navigation after it was reordered."""
    pages: list[Page] = []
    for item in nav.items:
        pages.extend(_pages_of(item))
    nav.pages = pages
    for before, page, after in zip([None, *pages[:-1]], pages, [*pages[1:], None]):
        page.previous_page, page.next_page = before, after


def _in_folder(page: Page, folder: str) -> bool:
    return posixpath.dirname(page.file.src_uri).split("/")[0] == folder


def _is_home(item: Any) -> bool:
    return isinstance(item, Page) and item.is_homepage
