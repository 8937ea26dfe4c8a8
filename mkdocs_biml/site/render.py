"""Generated framework pages: overview with diagram, component pages, references, coverage.

:meth:`PageGenerator.render` turns every catalogue into ordinary Markdown
pages, through Jinja templates (shipped in ``templates/``, each one
overridable from the ``custom_templates`` folder). MkDocs then renders them
like any page of the site, so they have a table of contents, are in the
search index and link with ``.md`` paths that MkDocs checks and converts.

Two things are only known once every page of the site has been rendered:
:meth:`PageGenerator.finalize` fills them into the HTML of generated pages
(backlinks, coverage, the diagram's links; see :mod:`mkdocs_biml.site.placeholders`).

The generator holds no state between builds: the plugin makes a new one each
time, and ``finalize`` reads everything it needs from the ledger it is given.
"""

from __future__ import annotations

import json
import re
import traceback
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import jinja2
from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PrefixLoader,
    StrictUndefined,
    TemplateError,
    TemplateSyntaxError,
    pass_context,
    select_autoescape,
)
from jinja2.runtime import Context
from markupsafe import Markup

from ..catalog.model import Catalog, Component, Risk, slugify, split_paragraphs
from ..catalog.resolver import CatalogIndex
from ..catalog.texts import CitationToken, TagToken, Text, Token, TopTenToken, tokenize
from ..config import DEFAULT_STATUSES
from .assessments import NO_ASSESSMENTS, Assessments
from .cachekey import Unstable, digest, folder_digest, software
from .diagram import build_diagram, component_heading
from .diskcache import CacheFolder
from .i18n import ENGLISH_STRINGS, Strings
from .ledger import Ledger
from .mdtext import code_span, escape_cell, escape_markdown, heading_id, markdown_url
from .paths import PageLayout, relative_link
from .placeholders import PLACEHOLDER, placeholder, resolve_source_hrefs, source_href
from .shipped import TEMPLATES_DIR
from .sitewide import PageUrls, backlinks, coverage_rows, uncited_risks
from .templatecache import COMPILED, Memo

if TYPE_CHECKING:
    from .assessmentviews import AssessmentView
    from .policy import PolicyReport


class PageError(Exception):
    """A generated page cannot be made (a template fails, two pages share a path)."""


#: Prefix under which the shipped templates stay reachable from custom ones.
SHIPPED_PREFIX = "biml"
_NUMBER_WORDS = {2: "two", 3: "three", 4: "four"}
#: The Markdown of every generated page, by all it is made of (see render()).
_RENDERED: Memo[dict[str, str]] = Memo()


def _markdown_pages(stored: bytes | None) -> dict[str, str] | None:
    """Pages as the cache folder holds them (path -> Markdown); None if that is not what
    ``stored`` is: a damaged entry is a miss."""
    try:
        pages = json.loads(stored) if stored is not None else None
    except ValueError:
        return None
    if not isinstance(pages, dict):
        return None
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in pages.items()):
        return None
    return pages


# -- the generator -------------------------------------------------------------------------


class PageGenerator:
    def __init__(
        self,
        catalogs: Sequence[Catalog],
        layout: PageLayout,
        custom_templates: str | None = None,
        statuses: Sequence[str] = (),
        assessments: Assessments = NO_ASSESSMENTS,
        *,
        strings: Strings = ENGLISH_STRINGS,
        cache_folder: CacheFolder | None = None,
    ) -> None:
        """``cache_folder``: where the pages' Markdown outlives the process (None: it
        is kept in memory only)."""
        self.catalogs = tuple(catalogs)
        self.strings = strings
        self.assessments = assessments
        self.layout = layout
        self.statuses = tuple(statuses) or tuple(DEFAULT_STATUSES)
        self.custom_templates = custom_templates
        self.index = CatalogIndex(self.catalogs)
        self.cache_folder = cache_folder
        self.env = self._environment(custom_templates)
        self._catalog_keys = {id(c): str(i) for i, c in enumerate(self.catalogs)}
        self._risks = {self._risk_key(r): r for c in self.catalogs for r in c.risks()}
        #: The policy checks of this build, once run (``policy.py``); None: no policy.
        self.policy_report: PolicyReport | None = None

    # -- render: Markdown of every page ------------------------------------------------

    def render(self) -> dict[str, str]:
        """Source path -> Markdown of every generated page, in navigation order.

        The pages are made of the catalogues (their files' contents), the
        layout, the statuses, the assessments, the strings and the templates
        (theirs): while none of those changed, a rebuild in the same process
        reuses them, and so does the next build, from the cache folder. An
        input added to the pages must join this key.
        """
        if not all(catalog.depends_on for catalog in self.catalogs):
            return self._render_pages()  # catalogues made in code: no content to compare
        key = (
            tuple(catalog.depends_on for catalog in self.catalogs),
            self.layout,
            self.statuses,
            self.assessments,
            self.strings,
            folder_digest(TEMPLATES_DIR, self.custom_templates),
        )
        return dict(_RENDERED.get(key, lambda: self._stored_or_rendered(key)))

    def _stored_or_rendered(self, key: object) -> dict[str, str]:
        """The pages from the cache folder if a build made them already, else rendered."""
        if self.cache_folder is None:
            return self._render_pages()
        try:
            disk_key = digest([software(), jinja2.__version__, key])
        except Unstable:  # a setting that differs in every process: memory only
            return self._render_pages()
        store = self.cache_folder.markdown
        pages = _markdown_pages(store.read(disk_key))
        if pages is None:
            pages = self._render_pages()
            store.write(disk_key, json.dumps(pages, ensure_ascii=False).encode("utf-8"))
        return pages

    def _render_pages(self) -> dict[str, str]:
        pages: dict[str, str] = {}
        for catalog in self.catalogs:
            self._add(
                pages,
                self.layout.overview(catalog),
                "overview.md.j2",
                catalog=catalog,
                diagram=build_diagram(catalog),
            )
            for component in catalog.components:
                self._add(
                    pages,
                    self.layout.component_page(component),
                    "component.md.j2",
                    catalog=catalog,
                    component=component,
                )
            if catalog.references:
                self._add(
                    pages, self.layout.references_page(catalog), "references.md.j2", catalog=catalog
                )
        self._add(pages, self.layout.coverage_page(), "coverage.md.j2")
        for folder, name in self.assessments.folders:
            path = self.layout.assessment_page(name)
            self._add(pages, path, "assessment.md.j2", name=name, folder=folder)
        return pages

    def _add(self, pages: dict[str, str], path: str, template: str, **context: Any) -> None:
        if path in pages:
            raise PageError(
                f"two generated pages would both be docs/{path}: a component label "
                f"of a catalogue clashes with another generated page (index, references, "
                f"coverage or a catalogue prefix); rename the component"
            )
        pages[path] = self._render(template, page_path=path, **context)

    def render_html(self, template: str, **context: Any) -> str:
        """A template of the generator's environment, for HTML the plugin fills into
        authors' pages (``riskquery.py``)."""
        return self._render(template, **context)

    def _render(self, template: str, **context: Any) -> str:
        base = {
            "catalogs": self.catalogs,
            "layout": self.layout,
            "statuses": self.statuses,
            "assessments": self.assessments,
        }
        try:
            return self.env.get_template(template).render(**base, **context)
        except Exception as exc:  # a custom template can fail in any way; say where
            raise PageError(_template_problem(exc, template)) from None

    # -- finalize: what only the whole site knows --------------------------------------

    def finalize(self, src_uri: str, html: str, ledger: Ledger, urls: PageUrls) -> str:
        """Fill backlinks and coverage into the HTML of the generated page ``src_uri``,
        whose links ``urls`` makes."""

        def fill(match: re.Match[str]) -> str:
            return self._fill(match[1], match[2], ledger, urls)

        return resolve_source_hrefs(PLACEHOLDER.sub(fill, html), urls.to_source)

    def _fill(self, kind: str, key: str, ledger: Ledger, urls: PageUrls) -> str:
        if kind == "backlinks":
            risk = self._risks.get(key)
            if risk is None:
                return ""
            links = backlinks(risk, ledger, urls, self.assessments)
            return self._render("backlinks.html.j2", risk=risk, backlinks=links)
        if kind == "policy":
            report = self.policy_report
            if report is None:
                return ""
            return self._render("policy.html.j2", report=report)
        key, _, assessment = key.partition(":")
        catalog = next((c for c in self.catalogs if self._catalog_keys[id(c)] == key), None)
        if catalog is None:
            return ""
        if kind in ("assessment-matrix", "assessment-table", "heat-map"):
            # Imported here: only sites with assessments need it.
            from .assessmentviews import AssessmentView  # noqa: PLC0415

            view = AssessmentView(self.assessments, ledger, urls, self.layout)
            return self._fill_assessment(kind, catalog, assessment, view)
        if kind == "coverage-matrix":
            name = self.strings("all_components")
            rows = coverage_rows(catalog, ledger, urls, self.layout, self.statuses, total_name=name)
            return self._render("coverage-matrix.html.j2", catalog=catalog, rows=rows)
        uncited = uncited_risks(catalog, ledger, urls, self.layout)
        return self._render("uncited.html.j2", catalog=catalog, risks=uncited)

    def _fill_assessment(
        self, kind: str, catalog: Catalog, assessment: str, view: AssessmentView
    ) -> str:
        names = self.assessments.names
        name = (
            names[int(assessment)]
            if assessment.isdigit() and int(assessment) < len(names)
            else None
        )
        if kind == "assessment-matrix":
            rows = view.matrix(catalog)
            counts = view.counts(rows, self.statuses)
            context = {"rows": rows, "counts": counts, "names": view.columns(catalog)}
            return self._render("assessment-matrix.html.j2", catalog=catalog, **context)
        if kind == "assessment-table":
            table = view.table(catalog, name) if name else []
            return self._render("assessment-table.html.j2", catalog=catalog, name=name, rows=table)
        diagram = build_diagram(catalog)
        if not diagram.linked_nodes:
            return ""
        nodes = view.heat(diagram, name)
        return self._render("heat-map.html.j2", diagram=diagram, name=name, nodes=nodes)

    # -- template environment ----------------------------------------------------------

    def _environment(self, custom_templates: str | None) -> Environment:
        shipped = FileSystemLoader(str(TEMPLATES_DIR))
        loaders = [shipped, PrefixLoader({SHIPPED_PREFIX: shipped})]
        if custom_templates:
            loaders.insert(0, FileSystemLoader(custom_templates))
        env = Environment(
            loader=ChoiceLoader(loaders),
            bytecode_cache=COMPILED,
            autoescape=select_autoescape(enabled_extensions=("html.j2",), default=False),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        env.filters.update(self._filters())
        env.globals.update(self._globals())
        return env

    def _filters(self) -> dict[str, Callable[..., Any]]:
        return {
            "md": escape_markdown,
            "cell": escape_cell,
            "text": self._text_filter,
            "code": code_span,
            "heading_id": heading_id,
            "markdown_url": markdown_url,
            "yaml": lambda value: json.dumps(str(value), ensure_ascii=False),
            "slug": slugify,
            "status": self.strings.status,
        }

    def _globals(self) -> dict[str, Any]:
        return {
            "link": _link,
            "source_href": source_href,
            "component_heading": component_heading,
            "risk_count_text": self.strings.risk_count,
            "risk_total": lambda catalog: _risk_total(catalog, self.strings),
            "t": self.strings,
            "table_tools": self._table_tools,
            "backlinks": self._backlinks_marker,
            "coverage_matrix": lambda catalog: self._marker("coverage-matrix", catalog),
            "uncited": lambda catalog: self._marker("uncited", catalog),
            "assessment_matrix": lambda catalog: self._marker("assessment-matrix", catalog),
            "assessment_table": self._assessment_marker("assessment-table"),
            "heat_map": self._assessment_marker("heat-map"),
            "policy_checks": lambda: Markup(placeholder("policy", "site")),
            "system_component": _system_component,
            "example_tag": _example_tag,
        }

    @pass_context
    def _text_filter(self, context: Context, text: str, catalog: Catalog | None = None) -> str:
        """Catalogue text as Markdown of the page being rendered."""
        owner: Catalog = catalog or context["catalog"]
        page: str = context["page_path"]
        return "\n\n".join(
            "".join(
                self._token_markdown(token, owner, page, line_start=index == 0)
                for index, token in enumerate(tokenize(paragraph, owner, self.index))
            )
            for paragraph in split_paragraphs(text)
        )

    def _token_markdown(self, token: Token, catalog: Catalog, page: str, line_start: bool) -> str:
        if isinstance(token, Text):
            return escape_markdown(token.text, line_start)
        if isinstance(token, TagToken):
            risk = token.resolution.risk
            # Written back as the tag itself: the Markdown extension links it,
            # with the site's link_text, exactly like a tag an author wrote.
            # A tag that resolves to nothing stays text, escaped so that no
            # extension reads it again.
            return f"[{risk.qualified_tag}]" if risk else escape_markdown(token.written, line_start)
        if isinstance(token, TopTenToken):
            if token.entry is None:
                return escape_markdown(token.written, line_start)
            target = f"{self.layout.overview(catalog)}#{token.entry.anchor}"
            text = escape_markdown(token.written, line_start=False)
            return f"[{text}]({relative_link(page, target)})"
        return self._citation_markdown(token, catalog, page, line_start)

    def _citation_markdown(
        self, token: CitationToken, catalog: Catalog, page: str, line_start: bool
    ) -> str:
        if token.reference is None:
            return escape_markdown(f"[^{token.number}]", line_start)
        target = self.layout.reference_target(catalog, token.reference)
        return f'<sup class="biml-cite">[{token.number}]({relative_link(page, target)})</sup>'

    def _backlinks_marker(self, risk: Risk) -> Markup:
        return Markup(placeholder("backlinks", self._risk_key(risk)))

    def _marker(self, kind: str, catalog: Catalog) -> Markup:
        return Markup(placeholder(kind, self._catalog_keys[id(catalog)]))

    def _assessment_marker(self, kind: str) -> Callable[[Catalog, str | None], Markup]:
        """A placeholder for ``catalog`` in the assessment ``name`` (None: the whole site)."""

        def marker(catalog: Catalog, name: str | None) -> Markup:
            which = str(self.assessments.names.index(name)) if name else "site"
            return Markup(placeholder(kind, f"{self._catalog_keys[id(catalog)]}:{which}"))

        return marker

    def _risk_key(self, risk: Risk) -> str:
        return f"{self._catalog_keys[id(risk.component.catalog)]}:{risk.anchor}"

    def _table_tools(self) -> Markup:
        """The risk-table tools' words, as attributes of their marker: biml.js reads them."""
        words = {
            "label": "filter_label",
            "placeholder": "filter_placeholder",
            "count": "filter_count",
            "sort": "sort_title",
        }
        return Markup("").join(
            Markup(' data-biml-{}="{}"').format(name, self.strings(key))
            for name, key in words.items()
        )


@pass_context
def _link(context: Context, target: str) -> str:
    """Markdown link destination from the page being rendered to ``target``."""
    return markdown_url(relative_link(context["page_path"], target))


def _system_component(catalog: Catalog) -> Component | None:
    return next((c for c in catalog.components if c.is_system), None)


def _risk_total(catalog: Catalog, strings: Strings) -> str:
    """``78 risks (79 entries: `inference:3` labels two)``: BIML counts risks by label."""
    entries: dict[str, int] = {}
    for risk in catalog.risks():
        label = risk.qualified_tag.removesuffix(f":{risk.descriptor}")
        entries[label] = entries.get(label, 0) + 1
    total = sum(entries.values())
    if len(entries) == total:
        return strings.risk_count(total)
    words = _NUMBER_WORDS if strings.language == "en" else {}
    shared = ", ".join(
        strings("label_shares", label=code_span(label), count=words.get(count, str(count)))
        for label, count in entries.items()
        if count > 1
    )
    return strings(
        "risk_total_shared", risks=strings.risk_count(len(entries)), total=total, shared=shared
    )


def _example_tag(catalog: Catalog) -> str:
    """A tag of ``catalog`` to show as an example (the catalogue may have no risk yet)."""
    risk = next(catalog.risks(), None)
    return risk.qualified_tag if risk else f"{catalog.prefix + ':' if catalog.prefix else ''}..."


def _template_problem(exc: Exception, template: str) -> str:
    """Which template, which line, what is wrong: no Python traceback for a template typo."""
    if isinstance(exc, TemplateSyntaxError):
        where = f"{exc.filename or exc.name or template}, line {exc.lineno}"
    else:
        frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.endswith(".j2")]
        where = f"{frames[-1].filename}, line {frames[-1].lineno}" if frames else template
    message = exc.message if isinstance(exc, TemplateError) else None
    return f"template {where}: {message or f'{type(exc).__name__}: {exc}'}"


__all__ = ["PageGenerator"]
