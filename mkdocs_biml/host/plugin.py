"""The MkDocs plugin: thin glue between MkDocs and the Markdown extension.

* ``on_config`` loads the catalogues once and adds the extension;
* ``on_files`` adds the generated pages and the stylesheet (``File.generated``,
  nothing is written into ``docs_dir``);
* ``on_page_markdown`` tells the extension which page it renders;
* ``on_page_content`` collects the page's citations and statuses, and puts a
  generated page's HTML (BIML's text, tables, diagram) in place of its
  placeholders before search indexes it (``render.py``);
* ``on_env`` reads the pages a dirty build skipped from their source
  (``rebuild.py``), so that backlinks, coverage and register always cover the
  whole site;
* ``on_page_context`` hides callout bodies from MkDocs' search just before it
  indexes the page (``searchexclude.py``) and, once it has, puts them back and
  fills backlinks and coverage into the generated pages, the only
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
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from ..catalog.loader import CatalogError, LoadedCatalogs, load_catalogs
from ..catalog.model import Catalog
from ..catalog.resolver import CatalogIndex
from ..catalog.valuetext import short_repr
from ..core.i18n import ENGLISH_STRINGS, Strings, StringsError, shipped_language
from ..core.paths import PageLayout
from ..core.problems import Problem, Severity, display_path, front_matter_lines, log_problem
from ..expansion.extension import BimlExtension
from ..expansion.options import extension_options
from ..pages.inventory import inventory_bytes, inventory_entries, inventory_path
from ..pages.render import PageError, PageGenerator, templates_digest
from ..pages.riskquery import MARKER, QueryScope, fill_risk_tables, marker_problems
from ..pages.sitewide import PageUrls
from ..records.assessments import DEFAULT_STATUSES, Assessments, conflicts
from ..records.otherregisters import (
    NO_OTHER_REGISTERS,
    OtherRegisters,
    RegisterError,
    RegisterSource,
    other_folders_in,
    read_registers,
)
from ..records.policy import Policy, PolicyReport, check_policy
from ..records.register import SiteIdentity, write_register
from ..records.tracking import today
from ..resources import ASSET_NAMES, ASSETS_DIR, BUILTIN_CATALOG_DIRS
from .buildstate import BuildState
from .config import BimlConfig
from .navigation import add_framework_section, paths_in
from .outputs import check_outputs, plugin_outputs
from .rebuild import PageRecords, read_skipped_pages, settings_fingerprint, source_digest
from .searchexclude import SearchExclusion, uses_mkdocs_search

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
        self.assessments = Assessments()
        self.policy = Policy()
        self.generator: PageGenerator | None = None
        self.strings = ENGLISH_STRINGS
        #: What the current build learns of the site's pages (made anew in on_files).
        self.build = BuildState()
        #: The last build's generator and pages, with all they are made of: a serve
        #: rebuild that changed none of it reuses them (templates stay compiled).
        self._made_pages: tuple[object, PageGenerator, dict[str, str]] | None = None
        #: Other sites' registers (the ``registers`` option), read with the config.
        self.other_registers = NO_OTHER_REGISTERS
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
        self.assessments = self._assessments(config)
        self.policy = Policy.from_option(self.config.policy)
        problem = self.policy.status_problem(self.config.statuses)
        if problem:
            raise PluginError(f"biml: {problem}")
        self.strings = self._strings(config)
        self.query_scope = QueryScope(
            self.catalogs, self.config.statuses or DEFAULT_STATUSES, self.assessments.names
        )
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
        """The site's assessments, then those of other sites' registers."""
        assessments = Assessments.from_option(self.config.assessments)
        missing = assessments.missing_folders(config.docs_dir)
        if missing:
            raise PluginError(
                f"biml: the 'assessments' option lists folders that are not in "
                f"{config.docs_dir}: {', '.join(missing)}; give each folder's path "
                f"relative to docs_dir"
            )
        self.local_assessments = assessments
        self.other_registers = self._other_registers(config, assessments.names)
        if not self.other_registers.assessments:
            return assessments
        return Assessments((*assessments.folders, *self.other_registers.folders))

    def _other_registers(self, config: MkDocsConfig, local_names: list[str]) -> OtherRegisters:
        sources = [RegisterSource(**entry) for entry in self.config.registers]
        try:
            found = read_registers(sources, _config_dir(config), self.catalogs, local_names)
        except RegisterError as exc:
            raise PluginError(f"biml: {exc}") from None
        clash = sorted(set(other_folders_in(config.docs_dir, found)))
        if clash:
            raise PluginError(
                f"biml: {', '.join(clash)} in docs_dir has the name the plugin gives the "
                f"pages of another site's register: rename that folder"
            )
        for message in found.left_out:
            log.warning(f"biml: {message}")
        return found

    def _strings(self, config: MkDocsConfig) -> Strings:
        """The plugin's words in the theme's language (Material: ``language``; the MkDocs
        theme: ``locale``), with the ``strings`` option over them."""
        language = config.theme.get("language") or config.theme.get("locale")
        language = str(language) if language else None
        if language and shipped_language(language) is None and not language.startswith("en"):
            log.info(
                f"the theme's language {short_repr(language)} has no translation of the plugin's "
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
        self.build = BuildState(self.index, self.config.statuses)
        self.generator = None
        self.records.start_build(settings_fingerprint(config), self.catalogs)
        assets = [
            File.generated(config, src_uri, abs_src_path=str(path))
            for src_uri, path in SITE_ASSETS.items()
        ]
        pages = self._generated_pages(config) if self.config.pages else {}
        inventory = self._inventory(config, pages) if pages and self.config.inventory else None
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
        placed_by_nav = set(paths_in(config.nav))
        pages = {}
        for src_uri, markdown in rendered.items():
            # Pages an explicit nav does not place are still built, without
            # MkDocs' "not included in the nav" warning; on_nav adds them.
            placed = config.nav is None or src_uri in placed_by_nav
            inclusion = InclusionLevel.UNDEFINED if placed else InclusionLevel.NOT_IN_NAV
            pages[src_uri] = File.generated(config, src_uri, content=markdown, inclusion=inclusion)
        return pages

    def _inventory(self, config: MkDocsConfig, pages: dict[str, File]) -> File:
        """The framework's Sphinx inventory (``inventory.py``), addresses relative to its folder."""
        folder_url = self.layout.folder.strip("/") + "/"

        def url_of(src_uri: str) -> str:
            return get_relative_url(pages[src_uri].url, folder_url)

        entries = list(inventory_entries(self.catalogs, self.layout, url_of))
        content = inventory_bytes(config.site_name, _catalog_versions(self.catalogs), entries)
        return File.generated(config, inventory_path(self.layout), content=content)

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
        if self.build.generated:
            add_framework_section(
                nav,
                config,
                self.build.generated,
                title=html.escape(self.config.nav_title or self.strings("nav_title")),
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
            return self.generator.page_html(src_uri, html, urls)
        self.build.take_page(src_uri, citations, page.title, page.url)
        if MARKER.search(html):
            self._read_risk_tables(page, html)
        if src_uri in self.build.digests:
            self.records.keep(src_uri, self.build.digests.pop(src_uri), self.build.ledger)
        return html

    def _read_risk_tables(self, page: Page, html: str) -> None:
        """Check a page's ``<!-- biml:risks -->`` markers; fill them once the site is read."""
        assert self.query_scope is not None
        source = "" if page.file.generated_by else page.file.content_string
        markdown = page.markdown or ""
        src_uri = page.file.src_uri
        offset = front_matter_lines(source, markdown)
        for problem in marker_problems(html, markdown, src_uri, self.query_scope, offset):
            _report_problem(problem)
        if self.generator is None:
            _report_problem(
                Problem(
                    src_uri,
                    None,
                    None,
                    "a risk table marker needs the framework pages "
                    "(the plugin's 'pages' option): it is left as it is",
                )
            )
            return
        self.build.pages_with_tables.add(src_uri)

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
        urls = PageUrls(page.url, use_directory_urls=config.use_directory_urls)
        if self.generator is not None and src_uri in self.build.pages_with_tables and page.content:
            page.content = self._fill_risk_tables(page.content, urls)
        if self.generator is not None and src_uri in self.build.generated and page.content:
            ledger = self.build.ledger
            try:
                page.content = self.generator.finalize(src_uri, page.content, ledger, urls)
            except PageError as exc:
                raise PluginError(f"biml: {exc}") from None
        return context

    def _fill_risk_tables(self, html: str, urls: PageUrls) -> str:
        # Imported here, as the assessment pages do: only sites with tables need it.
        from ..pages.assessmentviews import AssessmentView  # noqa: PLC0415

        assert self.generator is not None and self.query_scope is not None
        view = AssessmentView(self.assessments, self.build.ledger, urls, self.layout)
        try:
            return fill_risk_tables(html, self.query_scope, view, self.generator.render_html)
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
            server.watch(str(_config_dir(config) / entry["path"]))
        return server


def _config_dir(config: MkDocsConfig) -> Path:
    """The folder of ``mkdocs.yml``, which the plugin's paths are relative to."""
    return Path(config.config_file_path or ".").parent


def _catalog_versions(catalogs: list[Catalog]) -> str:
    """The inventory's version: each catalogue's, ``BIML-78 2020-01, BIML-LLM 2024-01``."""
    return ", ".join(f"{c.short_title} {c.version}" for c in catalogs)


def _report_problem(problem: Problem) -> None:
    """Warnings are logged (``--strict`` counts them); errors stop the build cleanly."""
    if problem.severity is Severity.ERROR:
        raise PluginError(f"biml: {problem}")
    log_problem(problem)
