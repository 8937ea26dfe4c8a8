"""Generated framework pages: overview with diagram, component pages, references, coverage.

:meth:`PageGenerator.render` turns every catalogue into pages through Jinja
templates (shipped in ``templates/``, compiled ahead of time, each one
overridable from the ``custom_templates`` folder: ``templating.py``). Only
what must pass through Markdown is Markdown: headings (table of contents,
anchors, permalinks) and those of the plugin's own sentences that hold more
than plain text and links (``sentences.py``). The bulk (BIML's text, made by
``catalogtext.py``, the table of risks, the diagram, controls, references) is
HTML, kept in :attr:`PageGenerator.fragments` (``fragments.py``: behind
``<!-- biml:html N -->`` placeholders, or after the heading they follow) that
:meth:`PageGenerator.page_html` puts in place once MkDocs has converted the
page, before search indexes it.

Two things are only known once every page of the site has been rendered:
:meth:`PageGenerator.finalize` fills them into the HTML of generated pages
(backlinks, coverage; see :mod:`mkdocs_biml.pages.placeholders`).

``finalize`` reads everything it needs from the ledger it is given; the
plugin keeps a generator, with its pages, only while nothing it is made of
changes (``mkdocs serve`` rebuilds).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from jinja2 import Environment, pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from ..catalog.model import Catalog, Risk, slugify
from ..catalog.resolver import CatalogIndex
from ..core.i18n import ENGLISH_STRINGS, Strings
from ..core.mdtext import code_span, escape_cell, escape_markdown, heading_id, markdown_url
from ..core.paths import PageLayout
from ..expansion.elements import LinkSettings
from ..records.assessments import DEFAULT_STATUSES, NO_ASSESSMENTS, Assessments
from ..records.ledger import Ledger
from .catalogtext import CatalogText
from .diagram import build_diagram, component_heading
from .fragments import PageFragments
from .placeholders import (
    PLACEHOLDER,
    placeholder,
    resolve_source_hrefs,
    source_href,
)
from .sentences import PageLink, Value, sentence_html, sentence_markdown
from .sitewide import PageUrls, backlinks, coverage_rows, uncited_risks
from .templating import (
    example_tag,
    link,
    page_environment,
    render_with,
    risk_total,
    system_component,
    template_problem,
)

if TYPE_CHECKING:
    from ..records.policy import PolicyReport
    from .assessmentviews import AssessmentView


class PageError(Exception):
    """A generated page cannot be made (a template fails, two pages share a path)."""


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
        link_settings: LinkSettings | None = None,
    ) -> None:
        """``link_settings``: how a tag in BIML's text is linked, as the Markdown
        extension links an author's tag (its ``link_text``, ``link``, ``base_url``)."""
        self.catalogs = tuple(catalogs)
        self.strings = strings
        self.assessments = assessments
        self.layout = layout
        self.statuses = tuple(statuses) or tuple(DEFAULT_STATUSES)
        self.custom_templates = custom_templates
        self.index = CatalogIndex(self.catalogs)
        settings = link_settings or LinkSettings(layout=layout, strings=strings)
        self.text = CatalogText(self.index, layout, settings)
        #: Page -> its HTML fragments, put in place by :meth:`page_html` (``fragments.py``).
        self.fragments: dict[str, PageFragments] = {}
        self.env = self._environment(custom_templates)
        #: What every template sees: the environment's globals and the common variables.
        self._variables: dict[str, Any] = {
            **self.env.globals,
            "catalogs": self.catalogs,
            "layout": self.layout,
            "statuses": self.statuses,
            "assessments": self.assessments,
        }
        self._catalog_keys = {id(c): str(i) for i, c in enumerate(self.catalogs)}
        self._risks = {self._risk_key(r): r for c in self.catalogs for r in c.risks()}
        #: Each risk's backlinks placeholder, by the risk's id (the catalogues outlive
        #: the generator): made once, not on every render of the risk's page.
        self._backlinks_markers = {
            id(risk): Markup(placeholder("backlinks", key)) for key, risk in self._risks.items()
        }
        #: Each risk's backlinks when no page cites it: they are the same on every build
        #: this generator serves (its templates and words are).
        self._uncited_backlinks: dict[str, str] = {}
        #: The policy checks of this build, once run (``policy.py``); None: no policy.
        self.policy_report: PolicyReport | None = None

    # -- render: Markdown of every page ------------------------------------------------

    def render(self) -> dict[str, str]:
        """Source path -> Markdown of every generated page, in navigation order.

        The Markdown holds headings and the plugin's own sentences; the bulk
        (BIML's text, the table of risks, the diagram, the references) is HTML
        kept in :attr:`fragments`, which :meth:`page_html` puts in place once the
        page is converted.
        """
        self.fragments = {}
        return self._render_pages()

    def fill_markdown(self, src_uri: str, markdown: str) -> str:
        """The Markdown of page ``src_uri`` with its HTML fragments in place, as blocks of
        HTML (for hosts without the plugin: ``mkdocs-biml generate``)."""
        fragments = self.fragments.get(src_uri)
        return markdown if fragments is None else fragments.fill_markdown(markdown)

    def page_html(self, src_uri: str, html: str, urls: PageUrls) -> tuple[str, list[str]]:
        """The converted page ``src_uri`` with its fragments, every link a URL ``urls`` makes;
        and the ids of the headings a fragment follows that the page lacks (their fragments
        went to its end)."""
        fragments = self.fragments.get(src_uri)
        html, unplaced = (html, []) if fragments is None else fragments.fill_html(html)
        return resolve_source_hrefs(html, urls.to_source), unplaced

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
        markdown = self._render(template, page_path=path, **context)
        fragments = self.fragments.get(path)
        pages[path] = markdown if fragments is None else fragments.compact(markdown)

    def render_html(self, template: str, **context: Any) -> str:
        """A template of the generator's environment, for HTML the plugin fills into
        authors' pages (``riskquery.py``)."""
        return self._render(template, **context)

    def _render(self, template: str, **context: Any) -> str:
        try:
            return render_with(self.env.get_template(template), {**self._variables, **context})
        except Exception as exc:  # a custom template can fail in any way; say where
            raise PageError(template_problem(exc, template)) from None

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
            if links:
                return self._render("backlinks.html.j2", risk=risk, backlinks=links)
            # Most risks of a site are cited nowhere, on every build alike.
            if key not in self._uncited_backlinks:
                self._uncited_backlinks[key] = self._render(
                    "backlinks.html.j2", risk=risk, backlinks=links
                )
            return self._uncited_backlinks[key]
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
        return page_environment(custom_templates, self._filters(), self._globals())

    def _filters(self) -> dict[str, Callable[..., Any]]:
        return {
            "md": escape_markdown,
            "cell": escape_cell,
            "text": self._text_filter,
            "text_html": self._text_html_filter,
            "paragraphs": self._paragraphs_filter,
            "code": code_span,
            "heading_id": heading_id,
            "markdown_url": markdown_url,
            "yaml": lambda value: json.dumps(str(value), ensure_ascii=False),
            "slug": slugify,
            "status": self.strings.status,
            "risk_link": lambda risk: PageLink(risk.title, self.layout.risk_target(risk)),
        }

    def _globals(self) -> dict[str, Any]:
        return {
            "link": link,
            "html": self._html_fragment,
            "sentence": self._sentence,
            "page_link": PageLink,
            "source_href": source_href,
            "component_heading": component_heading,
            "risk_count_text": self.strings.risk_count,
            "risk_total": lambda catalog: risk_total(catalog, self.strings),
            "t": self.strings,
            "table_tools": self._table_tools,
            "backlinks": self._backlinks_marker,
            "coverage_matrix": lambda catalog: self._marker("coverage-matrix", catalog),
            "uncited": lambda catalog: self._marker("uncited", catalog),
            "assessment_matrix": lambda catalog: self._marker("assessment-matrix", catalog),
            "assessment_table": self._assessment_marker("assessment-table"),
            "heat_map": self._assessment_marker("heat-map"),
            "policy_checks": lambda: Markup(placeholder("policy", "site")),
            "system_component": system_component,
            "example_tag": example_tag,
        }

    @pass_context
    def _text_filter(self, context: Context, text: str, catalog: Catalog | None = None) -> str:
        """Catalogue text for the page being rendered: Markdown in a Markdown template,
        HTML paragraphs in an HTML one (autoescaped)."""
        owner: Catalog = catalog or context["catalog"]
        if context.eval_ctx.autoescape:
            paragraphs = self.text.paragraphs_html(text, owner)
            return Markup("\n".join(f"<p>{paragraph}</p>" for paragraph in paragraphs))
        return self.text.markdown(text, owner, context["page_path"])

    @pass_context
    def _paragraphs_filter(
        self, context: Context, text: str, catalog: Catalog | None = None
    ) -> list[Markup]:
        """Catalogue text as the HTML inside each of its paragraphs (for list items)."""
        owner: Catalog = catalog or context["catalog"]
        return [Markup(paragraph) for paragraph in self.text.paragraphs_html(text, owner)]

    @pass_context
    def _text_html_filter(
        self, context: Context, text: str, catalog: Catalog | None = None
    ) -> Markup:
        """In a Markdown template: catalogue text as HTML paragraphs, which Markdown never
        reads (a placeholder the plugin fills after conversion, see :meth:`page_html`)."""
        owner: Catalog = catalog or context["catalog"]
        html = "\n".join(f"<p>{p}</p>" for p in self.text.paragraphs_html(text, owner))
        return self._keep_fragment(context["page_path"], html)

    @pass_context
    def _html_fragment(self, context: Context, template: str, **extra: Any) -> Markup:
        """In a Markdown template: the HTML template ``template``, rendered with the
        current context, as a placeholder the plugin fills after conversion."""
        try:
            html = render_with(self.env.get_template(template), context.get_all(), extra)
        except PageError:
            raise
        except Exception as exc:  # a custom template can fail in any way; say where
            raise PageError(template_problem(exc, template)) from None
        return self._keep_fragment(context["page_path"], html.strip("\n"))

    @pass_context
    def _sentence(self, context: Context, key: str, **values: Value) -> str:
        """In a Markdown template: the plugin's sentence ``key`` as a paragraph of its
        own, HTML the plugin writes when it is plain text and links (``sentences.py``)."""
        html = sentence_html(self.strings, key, values)
        if html is not None:
            return self._keep_fragment(context["page_path"], f"<p>{html}</p>")
        return sentence_markdown(self.strings, key, values, lambda target: link(context, target))

    def _keep_fragment(self, page: str, html: str) -> Markup:
        return Markup(self.fragments.setdefault(page, PageFragments()).keep(html))

    def _backlinks_marker(self, risk: Risk) -> Markup:
        marker = self._backlinks_markers.get(id(risk))
        return marker or Markup(placeholder("backlinks", self._risk_key(risk)))

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


__all__ = ["PageError", "PageGenerator"]
