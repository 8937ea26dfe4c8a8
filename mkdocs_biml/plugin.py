"""The MkDocs plugin: thin glue between MkDocs and the Markdown extension.

* ``on_config`` loads the catalogues once and adds the extension;
* ``on_files`` adds the generated pages and the stylesheet (``File.generated``,
  nothing is written into ``docs_dir``);
* ``on_page_markdown`` tells the extension which page it renders;
* ``on_page_content`` collects the page's citations and statuses, and puts a
  generated page's HTML (BIML's text, tables, diagram) in place of its
  placeholders before search indexes it (``render.py``);
* ``on_env`` reads the pages a dirty build skipped (``rebuild.py``), so that
  backlinks, coverage and register always cover the whole site;
* ``on_page_context`` hides callout bodies from MkDocs' search just before it
  indexes the page (``searchexclude.py``) and, once it has, puts them back and
  fills backlinks and coverage into the generated pages, the only
  HTML this plugin ever post-processes;
* ``on_post_build`` writes the risk register;
* ``on_serve`` watches the catalogue files.
"""

from __future__ import annotations

import html
from html import unescape as html_to_text
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from .catalog.loader import BUILTIN_DIRS, CatalogError, LoadedCatalogs, load_catalogs
from .catalog.model import Catalog
from .catalog.resolver import CatalogIndex
from .config import BimlConfig
from .expansion.options import extension_options
from .extension import BimlExtension
from .problems import Problem, Severity, front_matter_lines, log_problem
from .site.assessments import Assessments, conflicts
from .site.frontmatter import read_statuses
from .site.i18n import ENGLISH_STRINGS, Strings, StringsError, shipped_language
from .site.ledger import Ledger, StatusNote
from .site.navigation import add_framework_section, paths_in
from .site.outputs import check_outputs, plugin_outputs
from .site.paths import PageLayout
from .site.rebuild import PageRecords, catch_up_skipped_pages, settings_fingerprint, source_digest
from .site.register import write_register
from .site.render import PageError, PageGenerator, templates_digest
from .site.searchexclude import SearchExclusion, uses_mkdocs_search
from .site.shipped import ASSET_NAMES, ASSETS_DIR

if TYPE_CHECKING:  # the server's module pulls in a web server and file watchers
    from jinja2 import Environment
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.utils.templates import TemplateContext

log = get_plugin_logger("biml")

#: Where the shipped stylesheet and script are published in the site.
SITE_ASSETS = {f"assets/mkdocs-biml/{name}": ASSETS_DIR / name for name in ASSET_NAMES}
STYLESHEET, SCRIPT = SITE_ASSETS


class BimlPlugin(BasePlugin[BimlConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.catalogs: list[Catalog] = []
        #: Catalogues as loaded before: an unchanged file gives the same object again.
        self.loaded_catalogs: LoadedCatalogs = {}
        self.index: CatalogIndex | None = None
        self.extension: BimlExtension | None = None
        self.layout = PageLayout()
        self.ledger = Ledger()
        self.assessments = Assessments()
        self.generator: PageGenerator | None = None
        self.strings = ENGLISH_STRINGS
        self.generated: dict[str, File] = {}
        #: The last build's generator and pages, with all they are made of: a serve
        #: rebuild that changed none of it reuses them (templates stay compiled).
        self._made_pages: tuple[object, PageGenerator, dict[str, str]] | None = None
        #: Pages that went through ``on_page_content`` this build.
        self.pages_read: set[str] = set()
        #: Under ``mkdocs serve --dirty``: what each page cited when last read, and
        #: the digest of each page's source text as read this build.
        self.keep_records = False
        self.records = PageRecords()
        self.digests: dict[str, str] = {}
        #: Set when the site's search is MkDocs' own: see searchexclude.py.
        self.search_exclusion: SearchExclusion | None = None

    # -- configuration -------------------------------------------------------------------

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Having this hook, the plugin is kept by ``mkdocs serve`` from one rebuild to
        the next: ``serve --dirty`` then restores the pages its rebuilds skip from
        :attr:`records` instead of reading them again (``rebuild.py``)."""
        self.keep_records = command == "serve" and dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.catalogs = self._load_catalogs(config)
        try:
            self.index = CatalogIndex(self.catalogs)
        except ValueError as exc:
            raise PluginError(f"biml: {exc}") from None
        self.layout = PageLayout(self.config.folder)
        self.assessments = self._assessments(config)
        self.strings = self._strings(config)
        self.extension = self._make_extension()
        self.search_exclusion = SearchExclusion() if uses_mkdocs_search(config) else None
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
        try:
            return load_catalogs(
                self.config.catalogs, _config_dir(config), loaded=self.loaded_catalogs
            )
        except CatalogError as exc:
            raise PluginError(f"biml: {exc}") from None

    def _assessments(self, config: MkDocsConfig) -> Assessments:
        assessments = Assessments.from_option(self.config.assessments)
        missing = assessments.missing_folders(config.docs_dir)
        if missing:
            raise PluginError(
                f"biml: the 'assessments' option lists folders that are not in "
                f"{config.docs_dir}: {', '.join(missing)}; give each folder's path "
                f"relative to docs_dir"
            )
        return assessments

    def _strings(self, config: MkDocsConfig) -> Strings:
        """The plugin's words in the theme's language (Material: ``language``; the MkDocs
        theme: ``locale``), with the ``strings`` option over them."""
        language = config.theme.get("language") or config.theme.get("locale")
        language = str(language) if language else None
        if language and shipped_language(language) is None and not language.startswith("en"):
            log.info(
                f"the theme's language '{language}' has no translation of the plugin's "
                f"words: they stay in English (the 'strings' option can set them)"
            )
        try:
            return Strings(language, self.config.strings)
        except StringsError as exc:
            raise PluginError(f"biml: {exc}") from None

    def _make_extension(self) -> BimlExtension:
        try:
            return BimlExtension(
                index=self.index,
                report=_report_problem,
                strings=self.strings,
                **extension_options(self.config),
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
        self.generator = None
        self.pages_read = set()
        self.digests = {}
        self.records.start_build(settings_fingerprint(config), self.catalogs)
        assets = [
            File.generated(config, src_uri, abs_src_path=str(path))
            for src_uri, path in SITE_ASSETS.items()
        ]
        pages = self._generated_pages(config) if self.config.pages else {}
        outputs = plugin_outputs(
            assets,
            pages,
            catalogs=self.catalogs,
            layout=self.layout,
            assessments=self.assessments.names,
            register=self.config.register,
        )
        check_outputs(files, outputs, config.docs_dir)
        for file in [*assets, *pages.values()]:
            files.append(file)
        self.generated = pages
        # Links leave the extension as finished HTML with the URLs MkDocs would
        # have made of them: MkDocs then has nothing to resolve for every tag.
        assert self.extension is not None
        urls = {src_uri: file.url for src_uri, file in self.generated.items()}
        self.extension.use_final_urls(urls, get_relative_url)
        return files

    def _generated_pages(self, config: MkDocsConfig) -> dict[str, File]:
        try:
            rendered = self._rendered_pages()
        except PageError as exc:
            raise PluginError(f"biml: {exc}") from None
        placed_by_nav = set(paths_in(config.nav))
        pages = {}
        for src_uri, markdown in rendered.items():
            # Pages an explicit nav does not place are still built, without
            # MkDocs' "not included in the nav" warning; on_nav adds them.
            placed = config.nav is None or src_uri in placed_by_nav
            inclusion = InclusionLevel.UNDEFINED if placed else InclusionLevel.NOT_IN_NAV
            pages[src_uri] = File.generated(config, src_uri, content=markdown, inclusion=inclusion)
        return pages

    def _rendered_pages(self) -> dict[str, str]:
        """Source path -> Markdown of the generated pages, rendered again only when
        something they are made of changed since the last build of this process."""
        assert self.extension is not None
        settings = self.extension.factory.settings
        templates = self.config.custom_templates
        # Unchanged catalogue files load as the very same objects (catalog/loader.py).
        made_of = (
            tuple(self.catalogs),
            self.layout,
            templates,
            templates_digest(templates),
            tuple(self.config.statuses),
            self.assessments,
            self.strings,
            settings,
        )
        if self._made_pages is not None and self._made_pages[0] == made_of:
            self.generator, rendered = self._made_pages[1:]
            return rendered
        self._made_pages = None
        self.generator = PageGenerator(
            self.catalogs,
            self.layout,
            templates,
            self.config.statuses,
            self.assessments,
            strings=self.strings,
            link_settings=settings,
        )
        rendered = self.generator.render()
        self._made_pages = (made_of, self.generator, rendered)
        return rendered

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        if self.generated:
            add_framework_section(
                nav,
                config,
                self.generated,
                title=html.escape(self.config.nav_title),
                subsections=self._nav_subsections(),
                placement=(self.layout.coverage_page(), self.config.nav_position),
            )
        return nav

    def _nav_subsections(self) -> dict[str, str]:
        """Folder -> title of the subsections: a prefixed catalogue's, the assessments'."""
        # Theme templates insert titles as HTML, as MkDocs' own titles are.
        subsections = {
            self.layout.catalog_dir(c): html.escape(c.short_title)
            for c in self.catalogs
            if c.prefix
        }
        if self.assessments:
            subsections[self.layout.assessments_dir()] = html.escape(
                self.strings("assessments_title")
            )
        return subsections

    # -- pages ---------------------------------------------------------------------------

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        assert self.extension is not None
        generated = page.file.src_uri in self.generated
        source = "" if page.file.generated_by else page.file.content_string
        if self.keep_records:
            self.digests[page.file.src_uri] = source_digest(source)
        self.extension.begin_page(
            page.file.src_uri,
            generated=generated,
            line_offset=front_matter_lines(source, markdown),
            url=page.file.url,
        )
        if self.index is not None and not generated:
            for entry in read_statuses(
                page.meta, page.file.src_uri, self.index, self.config.statuses, source=source
            ):
                note = StatusNote(entry.owner, entry.note, entry.line)
                self.ledger.set_status(page.file.src_uri, entry.risk, entry.status, note)
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        assert self.extension is not None
        src_uri = page.file.src_uri
        self.pages_read.add(src_uri)
        citations = self.extension.take_citations()
        if src_uri in self.generated:
            # Before search indexes the page: BIML's text is in the index.
            assert self.generator is not None
            return self.generator.page_html(src_uri, html, page.url)
        for citation in citations:
            self.ledger.cite(src_uri, citation.risk, citation.line)
        if src_uri in self.ledger.pages:
            entry = self.ledger.pages[src_uri]
            # MkDocs' titles are HTML; the ledger keeps text, which each
            # output (templates, JSON, CSV) escapes once for its own format.
            entry.title = html_to_text(page.title) if page.title else src_uri
            entry.url = page.url
        if src_uri in self.digests:
            self.records.keep(src_uri, self.digests.pop(src_uri), self.ledger.entry(src_uri))
        return html

    # First, before other plugins look at the pages: every page read is then read.
    @event_priority(100)
    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        """A dirty build skipped unchanged pages: read them, so the ledger holds every page."""
        catch_up_skipped_pages(files, config, self.pages_read, self.records, self.ledger)
        risks = list(self.ledger.risk_numbers)
        for problem in conflicts(risks, self.ledger, self.assessments):
            _report_problem(problem)
        return env

    # Before the search plugin (priority 0) indexes the page.
    @event_priority(50)
    def _on_page_context_hide_from_search(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        if self.search_exclusion is not None and page.content:
            page.content = self.search_exclusion.hide(page.file.src_uri, page.content)
        return context

    # After the search plugin (priority 0) has indexed the page: backlinks and
    # coverage lists are navigation, like the site's menu, which search does not
    # index either. Indexed, every risk's entry would match the titles of all
    # the pages citing it.
    @event_priority(-50)
    def _on_page_context_finish(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        src_uri = page.file.src_uri
        if self.search_exclusion is not None and page.content:
            page.content = self.search_exclusion.restore(src_uri, page.content)
        if self.generator is not None and src_uri in self.generated and page.content:
            try:
                page.content = self.generator.finalize(src_uri, page.content, self.ledger, page.url)
            except PageError as exc:
                raise PluginError(f"biml: {exc}") from None
        return context

    on_page_context = CombinedEvent(_on_page_context_hide_from_search, _on_page_context_finish)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.config.register and self.index is not None:
            write_register(
                Path(config.site_dir), self.catalogs, self.ledger, self.layout, self.assessments
            )

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


def _config_dir(config: MkDocsConfig) -> Path:
    """The folder of ``mkdocs.yml``, which the plugin's paths are relative to."""
    return Path(config.config_file_path or ".").parent


def _report_problem(problem: Problem) -> None:
    """Warnings are logged (``--strict`` counts them); errors stop the build cleanly."""
    if problem.severity is Severity.ERROR:
        raise PluginError(f"biml: {problem}")
    log_problem(problem)
