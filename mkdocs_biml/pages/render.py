"""Generated framework pages: overview with diagram, component pages, references, coverage.

:meth:`PageGenerator.render` turns every catalogue into pages through Jinja
templates (shipped in ``templates/``, compiled ahead of time, each one
overridable from the ``custom_templates`` folder). Only what must pass
through Markdown is Markdown: headings (table of contents, anchors,
permalinks) and the plugin's own sentences, whose ``.md`` links MkDocs checks
and converts. The bulk (BIML's text, the table of risks, the diagram,
controls, references) is HTML, kept in :attr:`PageGenerator.fragments` behind
``<!-- biml:html N -->`` placeholders that :meth:`PageGenerator.page_html`
fills once MkDocs has converted the page, before search indexes it.

Two things are only known once every page of the site has been rendered:
:meth:`PageGenerator.finalize` fills them into the HTML of generated pages
(backlinks, coverage; see :mod:`mkdocs_biml.pages.placeholders`).

``finalize`` reads everything it needs from the ledger it is given; the
plugin keeps a generator, with its pages, only while nothing it is made of
changes (``mkdocs serve`` rebuilds).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import traceback
from collections.abc import Callable, Sequence
from html import escape
from typing import TYPE_CHECKING, Any

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
from markdown.serializers import to_html_string
from markupsafe import Markup

from ..catalog.model import Catalog, Component, Risk, slugify, split_paragraphs
from ..catalog.resolver import CatalogIndex
from ..catalog.texts import CitationToken, TagToken, Text, Token, TopTenToken, tokenize
from ..core.i18n import ENGLISH_STRINGS, Strings
from ..core.paths import PageLayout, relative_link
from ..expansion.elements import ElementFactory, LinkSettings
from ..records.assessments import DEFAULT_STATUSES, NO_ASSESSMENTS, Assessments
from ..records.ledger import Ledger
from ..resources import TEMPLATES_DIR
from .diagram import build_diagram, component_heading
from .mdtext import code_span, escape_cell, escape_markdown, heading_id, markdown_url
from .placeholders import (
    FRAGMENT,
    PLACEHOLDER,
    fragment_placeholder,
    placeholder,
    resolve_source_hrefs,
    source_href,
)
from .precompiled import shipped_loader
from .sitewide import PageUrls, backlinks, coverage_rows, uncited_risks

if TYPE_CHECKING:
    from ..records.policy import PolicyReport
    from .assessmentviews import AssessmentView


class PageError(Exception):
    """A generated page cannot be made (a template fails, two pages share a path)."""


#: Prefix under which the shipped templates stay reachable from custom ones.
SHIPPED_PREFIX = "biml"
_NUMBER_WORDS = {2: "two", 3: "three", 4: "four"}
_WHITESPACE = re.compile(r"\s+")
#: The page environment's options; the precompiled templates are compiled with them.
ENVIRONMENT_OPTIONS: dict[str, Any] = {
    "autoescape_extensions": ["html.j2"],
    "trim_blocks": True,
    "lstrip_blocks": True,
    "keep_trailing_newline": True,
}


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
        #: Tags in BIML's text become the extension's own elements, with source links.
        self._elements = ElementFactory(settings, "none", _SourceLinks(self.index))
        self._references: dict[Risk, str] = {}
        #: Page -> the HTML its Markdown holds placeholders for (see :meth:`fill_html`).
        self.fragments: dict[str, list[str]] = {}
        self.env = self._environment(custom_templates)
        self._catalog_keys = {id(c): str(i) for i, c in enumerate(self.catalogs)}
        self._risks = {self._risk_key(r): r for c in self.catalogs for r in c.risks()}
        #: The policy checks of this build, once run (``policy.py``); None: no policy.
        self.policy_report: PolicyReport | None = None

    # -- render: Markdown of every page ------------------------------------------------

    def render(self) -> dict[str, str]:
        """Source path -> Markdown of every generated page, in navigation order.

        The Markdown holds headings and the plugin's own sentences; the bulk
        (BIML's text, the table of risks, the diagram, the references) is HTML
        kept in :attr:`fragments`, which :meth:`fill_html` puts in place of its
        placeholders once the page is converted.
        """
        self.fragments = {}
        return self._render_pages()

    def fill_html(self, src_uri: str, text: str) -> str:
        """``text`` (the page's HTML, or its Markdown) with the page's HTML fragments in
        place of their placeholders; their links still name source paths (``biml-src:``)."""
        fragments = self.fragments.get(src_uri)
        if not fragments:
            return text
        return FRAGMENT.sub(lambda match: fragments[int(match[1])], text)

    def page_html(self, src_uri: str, html: str, urls: PageUrls) -> str:
        """The converted page ``src_uri`` with its fragments, every link a URL ``urls`` makes."""
        html = self.fill_html(src_uri, html)
        return resolve_source_hrefs(html, urls.to_source)

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
        shipped = shipped_loader(ENVIRONMENT_OPTIONS)
        loaders = [shipped, PrefixLoader({SHIPPED_PREFIX: shipped})]
        if custom_templates:
            loaders.insert(0, FileSystemLoader(custom_templates))
        options = dict(ENVIRONMENT_OPTIONS)
        escaped = options.pop("autoescape_extensions")
        env = Environment(
            loader=ChoiceLoader(loaders),
            autoescape=select_autoescape(enabled_extensions=escaped, default=False),
            undefined=StrictUndefined,
            # A generator is made anew when a template changes (templates_digest).
            auto_reload=False,
            **options,
        )
        env.filters.update(self._filters())
        env.globals.update(self._globals())
        return env

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
        }

    def _globals(self) -> dict[str, Any]:
        return {
            "link": _link,
            "html": self._html_fragment,
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
        """Catalogue text for the page being rendered: Markdown in a Markdown template,
        HTML paragraphs in an HTML one (autoescaped)."""
        owner: Catalog = catalog or context["catalog"]
        page: str = context["page_path"]
        if context.eval_ctx.autoescape:
            return Markup("\n").join(
                Markup(f"<p>{self._paragraph_html(paragraph, owner)}</p>")
                for paragraph in split_paragraphs(text)
            )
        return "\n\n".join(
            "".join(
                self._token_markdown(token, owner, page, line_start=index == 0)
                for index, token in enumerate(tokenize(paragraph, owner, self.index))
            )
            for paragraph in split_paragraphs(text)
        )

    @pass_context
    def _paragraphs_filter(
        self, context: Context, text: str, catalog: Catalog | None = None
    ) -> list[Markup]:
        """Catalogue text as the HTML inside each of its paragraphs (for list items)."""
        owner: Catalog = catalog or context["catalog"]
        return [Markup(self._paragraph_html(p, owner)) for p in split_paragraphs(text)]

    @pass_context
    def _text_html_filter(
        self, context: Context, text: str, catalog: Catalog | None = None
    ) -> Markup:
        """In a Markdown template: catalogue text as HTML paragraphs, which Markdown never
        reads (a placeholder the plugin fills after conversion, see :meth:`fill_html`)."""
        owner: Catalog = catalog or context["catalog"]
        html = "\n".join(
            f"<p>{self._paragraph_html(paragraph, owner)}</p>"
            for paragraph in split_paragraphs(text)
        )
        return self._keep_fragment(context["page_path"], html)

    @pass_context
    def _html_fragment(self, context: Context, template: str, **extra: Any) -> Markup:
        """In a Markdown template: the HTML template ``template``, rendered with the
        current context, as a placeholder the plugin fills after conversion."""
        try:
            html = self.env.get_template(template).render(**context.get_all(), **extra)
        except PageError:
            raise
        except Exception as exc:  # a custom template can fail in any way; say where
            raise PageError(_template_problem(exc, template)) from None
        return self._keep_fragment(context["page_path"], html.strip("\n"))

    def _keep_fragment(self, page: str, html: str) -> Markup:
        fragments = self.fragments.setdefault(page, [])
        fragments.append(html)
        return Markup(fragment_placeholder(len(fragments) - 1))

    def _paragraph_html(self, paragraph: str, catalog: Catalog) -> str:
        """One paragraph of catalogue text as HTML: what Python-Markdown made of its
        Markdown (tags are the extension's own elements), without inline extensions."""
        return "".join(
            self._token_html(token, catalog) for token in tokenize(paragraph, catalog, self.index)
        ).strip()

    def _token_html(self, token: Token, catalog: Catalog) -> str:
        if isinstance(token, Text):
            return escape(_WHITESPACE.sub(" ", token.text), quote=False)
        if isinstance(token, TagToken):
            risk = token.resolution.risk
            return self._reference(risk) if risk else escape(token.written, quote=False)
        if isinstance(token, TopTenToken):
            if token.entry is None:
                return escape(token.written, quote=False)
            target = f"{self.layout.overview(catalog)}#{token.entry.anchor}"
            text = escape(token.written, quote=False)
            return f'<a href="{escape(source_href(target))}">{text}</a>'
        if token.reference is None:
            return escape(f"[^{token.number}]", quote=False)
        target = escape(source_href(self.layout.reference_target(catalog, token.reference)))
        return f'<sup class="biml-cite"><a href="{target}">{token.number}</a></sup>'

    def _reference(self, risk: Risk) -> str:
        """A tag of BIML's text: the very element the extension makes of an author's tag."""
        html = self._references.get(risk)
        if html is None:
            html = self._references[risk] = to_html_string(self._elements.reference(risk))
        return html

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


def templates_digest(custom_templates: str | None) -> str:
    """Digest of the names and contents of the shipped and the custom templates: a serve
    rebuild renders the pages again when one changed, whatever its file's time says."""
    hashed = hashlib.sha256()
    for folder in (str(TEMPLATES_DIR), custom_templates):
        if folder is None:
            continue
        hashed.update(os.fsencode(os.path.abspath(folder)) + b"\0")
        # The shipped folder's compiled templates follow its sources (precompiled.py).
        skipped = ("compiled", "__pycache__") if folder == str(TEMPLATES_DIR) else ()
        for root, dirs, names in os.walk(folder, followlinks=True):
            dirs[:] = sorted(d for d in dirs if not (root == folder and d in skipped))
            for name in sorted(names):
                path = os.path.join(root, name)
                try:
                    with open(path, "rb") as file:
                        content = file.read()
                except OSError:  # unreadable: whoever needs the file says so
                    content = b"\0unreadable"
                hashed.update(os.fsencode(os.path.relpath(path, folder)) + b"\0")
                hashed.update(hashlib.sha256(content).digest())
    return hashed.hexdigest()


class _SourceLinks:
    """The page the elements link from, for generated pages' HTML: every link names
    its target's source path (``biml-src:``), made a URL per page (:func:`resolve_source_hrefs`)."""

    def __init__(self, index: CatalogIndex) -> None:
        self.index = index

    def current_page(self) -> str:
        return ""

    def final_url(self, target: str) -> str:
        return source_href(target)


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


__all__ = ["ENVIRONMENT_OPTIONS", "PageGenerator", "templates_digest"]
