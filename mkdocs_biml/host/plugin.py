"""The MkDocs plugin: thin glue between MkDocs and the Markdown extension.

* ``on_config`` loads the catalogues once, reads the assessments and other
  sites' registers (``siteassessments.py``) and adds the extension, stylesheet
  and script to the config (``siteconfig.py``);
* ``on_files`` adds the generated pages (rendered again only when something
  they are made of changed: ``pagememo.py``), the stylesheet and the inventory
  (``File.generated``, nothing is written into ``docs_dir``: ``outputs.py``);
* ``on_page_markdown`` tells the extension which page it renders;
* ``on_page_content`` collects the page's citations and statuses, checks its
  risk table markers (``risktables.py``), and puts a generated page's HTML
  (BIML's text, tables, diagram) in place of its placeholders before search
  indexes it (``render.py``);
* ``on_env`` reads the pages a dirty build skipped from their source
  (``rebuild.py``), so that backlinks, coverage and register always cover the
  whole site;
* ``on_page_context`` hides callout bodies from MkDocs' search just before it
  indexes the page (``searchexclude.py``) and, once it has, puts them back and
  fills risk tables, backlinks and coverage into the pages, the only
  HTML this plugin ever post-processes;
* ``on_post_build`` writes the risk register;
* ``on_serve`` watches the catalogue files.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from ..catalog.loader import CatalogError, LoadedCatalogs, load_catalogs
from ..catalog.model import Catalog
from ..catalog.resolver import CatalogIndex
from ..core.i18n import ENGLISH_STRINGS
from ..core.paths import PageLayout
from ..core.problems import Problem, Severity, display_path, front_matter_lines, log_problem
from ..expansion.extension import BimlExtension
from ..pages.render import PageError, PageGenerator
from ..pages.riskquery import MARKER, QueryScope
from ..pages.sitewide import PageUrls
from ..records.assessments import DEFAULT_STATUSES, Assessments, conflicts
from ..records.policy import Policy, PolicyReport, check_policy
from ..records.register import SiteIdentity, write_register
from ..records.tracking import today
from ..resources import BUILTIN_CATALOG_DIRS
from .buildstate import BuildState
from .config import BimlConfig, config_dir
from .navigation import add_framework_section, generated_page_files, subsection_titles
from .outputs import asset_files, check_outputs, inventory_file, plugin_outputs
from .pagememo import PageMemo
from .rebuild import PageRecords, read_skipped_pages, settings_fingerprint, source_digest
from .risktables import filled_risk_tables, risk_table_problems
from .searchexclude import SearchExclusion, uses_mkdocs_search
from .siteassessments import site_assessments
from .siteconfig import add_to_config, make_extension, site_strings

# The server's module pulls in a web server and file watchers; other registers'
# module is imported by siteassessments.py only for a site that names some.
if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.utils.templates import TemplateContext

    from ..records.otherregisters import OtherRegisters


class BimlPlugin(BasePlugin[BimlConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.catalogs: list[Catalog] = []
        #: Catalogues as loaded before: an unchanged file gives the same object again.
        self.loaded_catalogs: LoadedCatalogs = {}
        self.index: CatalogIndex | None = None
        self.extension: BimlExtension | None = None
        self.layout = PageLayout()
        self.assessments = Assessments()
        self.policy = Policy()
        self.generator: PageGenerator | None = None
        self.strings = ENGLISH_STRINGS
        #: What the current build learns of the site's pages (made anew in on_files).
        self.build = BuildState()
        #: The last build's generator and pages, with all they are made of: a serve
        #: rebuild that changed none of it reuses them (templates stay compiled).
        self.page_memo = PageMemo()
        #: Other sites' registers (the ``registers`` option), read with the config.
        self.other_registers: OtherRegisters | None = None
        #: The site's own assessments (``assessments`` then has the registers' too).
        self.local_assessments = Assessments()
        #: What ``<!-- biml:risks -->`` markers are checked against.
        self.query_scope: QueryScope | None = None
        #: Under ``mkdocs serve --dirty``: what each page cited when last read.
        self.keep_records = False
        self.records = PageRecords()
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
        found = site_assessments(config, self.config, self.catalogs)
        self.local_assessments, self.other_registers = found.local, found.other_registers
        self.assessments = found.all
        self.policy = Policy.from_option(self.config.policy)
        problem = self.policy.status_problem(self.config.statuses)
        if problem:
            raise PluginError(f"biml: {problem}")
        self.strings = site_strings(config, self.config)
        self.query_scope = QueryScope(
            self.catalogs, self.config.statuses or DEFAULT_STATUSES, self.assessments.names
        )
        self.extension = make_extension(self.config, self.index, self.strings, _report_problem)
        self.search_exclusion = SearchExclusion() if uses_mkdocs_search(config) else None
        add_to_config(config, self.extension)
        return config

    def _load_catalogs(self, config: MkDocsConfig) -> list[Catalog]:
        try:
            return load_catalogs(
                self.config.catalogs, config_dir(config), loaded=self.loaded_catalogs
            )
        except CatalogError as exc:
            raise PluginError(f"biml: {exc}") from None

    # -- files and navigation ----------------------------------------------------------

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self.build = BuildState(self.index, self.config.statuses)
        self.generator = None
        self.records.start_build(settings_fingerprint(config), self.catalogs)
        assets = asset_files(config)
        pages = self._generated_pages(config) if self.config.pages else {}
        inventory = (
            inventory_file(config, pages, self.catalogs, self.layout)
            if pages and self.config.inventory
            else None
        )
        outputs = plugin_outputs(
            assets,
            pages,
            inventory=inventory,
            catalogs=self.catalogs,
            layout=self.layout,
            assessments=self.assessments.names,
            register=self.config.register,
        )
        check_outputs(files, outputs, config.docs_dir)
        for file in [*assets, *pages.values(), *([inventory] if inventory else [])]:
            files.append(file)
        self.build.generated = pages
        # Links leave the extension as finished HTML with the URLs MkDocs would
        # have made of them: MkDocs then has nothing to resolve for every tag.
        assert self.extension is not None
        urls = {src_uri: file.url for src_uri, file in pages.items()}
        self.extension.use_final_urls(urls, get_relative_url)
        return files

    def _generated_pages(self, config: MkDocsConfig) -> dict[str, File]:
        try:
            rendered = self._rendered_pages()
        except PageError as exc:
            raise PluginError(f"biml: {exc}") from None
        return generated_page_files(config, rendered)

    def _rendered_pages(self) -> dict[str, str]:
        """Source path -> Markdown of the generated pages (``pagememo.py``)."""
        assert self.extension is not None
        self.generator, rendered = self.page_memo.pages(
            self.catalogs,
            self.layout,
            self.config.custom_templates,
            self.config.statuses,
            self.assessments,
            strings=self.strings,
            link_settings=self.extension.factory.settings,
        )
        return rendered

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        if self.build.generated:
            add_framework_section(
                nav,
                config,
                self.build.generated,
                title=html.escape(self.config.nav_title or self.strings("nav_title")),
                subsections=subsection_titles(
                    self.catalogs,
                    self.layout,
                    self.strings("assessments_title") if self.assessments else None,
                ),
                placement=(self.layout.coverage_page(), self.config.nav_position),
            )
        return nav

    # -- pages ---------------------------------------------------------------------------

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        assert self.extension is not None
        generated = page.file.src_uri in self.build.generated
        source = "" if page.file.generated_by else page.file.content_string
        if self.keep_records:
            self.build.digests[page.file.src_uri] = source_digest(source)
        self.extension.begin_page(
            page.file.src_uri,
            generated=generated,
            line_offset=front_matter_lines(source, markdown),
            url=page.file.url,
        )
        if not generated:
            self.build.take_statuses(page.file.src_uri, page.meta, source)
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        assert self.extension is not None
        src_uri = page.file.src_uri
        self.build.pages_built.add(src_uri)
        citations = self.extension.take_citations()
        if src_uri in self.build.generated:
            # Before search indexes the page: BIML's text is in the index.
            assert self.generator is not None
            urls = PageUrls(page.url, use_directory_urls=config.use_directory_urls)
            html, unplaced = self.generator.page_html(src_uri, html, urls)
            for anchor in unplaced:
                _report_problem(Problem(src_uri, None, None, _UNPLACED.format(anchor=anchor)))
            return html
        self.build.take_page(src_uri, citations, page.title, page.url)
        if MARKER.search(html):
            self._read_risk_tables(page, html)
        if src_uri in self.build.digests:
            self.records.keep(src_uri, self.build.digests.pop(src_uri), self.build.ledger)
        return html

    def _read_risk_tables(self, page: Page, html: str) -> None:
        """Check a page's ``<!-- biml:risks -->`` markers; fill them once the site is read."""
        assert self.query_scope is not None
        pages_made = self.generator is not None
        for problem in risk_table_problems(page, html, self.query_scope, pages_made=pages_made):
            _report_problem(problem)
        if pages_made:
            self.build.pages_with_tables.add(page.file.src_uri)

    # First, before other plugins look at the pages: every page read is then read.
    @event_priority(100)
    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        """A dirty build skipped unchanged pages: read them, so the ledger holds every page."""
        assert self.extension is not None
        records = self.records if self.keep_records else None
        read_skipped_pages(files, config, self.extension, self.build, records)
        ledger = self.build.ledger
        for problem in conflicts(list(ledger.risk_numbers), ledger, self.assessments):
            _report_problem(problem)
        report = self._check_policy(config) if self.policy else None
        if self.generator is not None:  # reused by serve rebuilds: set on every build
            self.generator.policy_report = report
        # Other sites' pages, checked by their own builds: added for what this site shows.
        if self.other_registers is not None:
            self.other_registers.add_to(ledger)
        return env

    def _check_policy(self, config: MkDocsConfig) -> PolicyReport:
        """Each violation of the ``policy`` option is a warning; the coverage page lists
        the checks of the report."""
        report = check_policy(
            self.policy,
            self.catalogs,
            self.build.ledger,
            self.local_assessments,
            today=today(),
            config_path=display_path(Path(config.config_file_path or "mkdocs.yml")),
        )
        for problem in report.violations():
            _report_problem(problem)
        return report

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
        has_tables = src_uri in self.build.pages_with_tables
        generated = src_uri in self.build.generated
        if self.generator is None or not page.content or not (has_tables or generated):
            return context  # most pages: nothing to fill
        urls = PageUrls(page.url, use_directory_urls=config.use_directory_urls)
        if has_tables:
            page.content = self._fill_risk_tables(page.content, urls)
        if generated:
            try:
                page.content = self.generator.finalize(
                    src_uri, page.content, self.build.ledger, urls
                )
            except PageError as exc:
                raise PluginError(f"biml: {exc}") from None
        return context

    def _fill_risk_tables(self, html: str, urls: PageUrls) -> str:
        assert self.generator is not None and self.query_scope is not None
        try:
            return filled_risk_tables(
                html,
                urls,
                scope=self.query_scope,
                generator=self.generator,
                assessments=self.assessments,
                ledger=self.build.ledger,
                layout=self.layout,
            )
        except PageError as exc:
            raise PluginError(f"biml: {exc}") from None

    on_page_context = CombinedEvent(_on_page_context_hide_from_search, _on_page_context_finish)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.config.register and self.index is not None:
            write_register(
                Path(config.site_dir),
                self.catalogs,
                self.build.ledger,
                self.layout,
                self.assessments,
                site=SiteIdentity(config.site_name, config.site_url or None),
            )

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        for catalog in self.catalogs:
            for path, _stamp in catalog.depends_on:
                if Path(path).is_file() and Path(path).parent not in BUILTIN_CATALOG_DIRS:
                    server.watch(path)
        if self.config.custom_templates:
            server.watch(self.config.custom_templates)
        for entry in self.config.registers:
            server.watch(str(config_dir(config) / entry["path"]))
        return server


_UNPLACED = (
    "the heading #{anchor} of this generated page is missing from its HTML (a plugin or "
    "extension changed its id?): what follows it in the framework is at the page's end"
)


def _report_problem(problem: Problem) -> None:
    """Warnings are logged (``--strict`` counts them); errors stop the build cleanly."""
    if problem.severity is Severity.ERROR:
        raise PluginError(f"biml: {problem}")
    log_problem(problem)
