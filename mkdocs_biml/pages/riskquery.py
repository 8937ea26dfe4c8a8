"""Risk tables in any page: the ``<!-- biml:risks ... -->`` marker.

An author writes, on a line of its own::

    <!-- biml:risks assessment="Fraud detection" status="open accepted" -->

and the plugin puts there, once every page of the site is read, a table of the
risks that match: each risk (linked to its entry), its component, its status,
owner and the page that sets it. Filters:

=============  ==============================================================
``assessment`` names of configured assessments (the site as a whole when none is configured)
``status``     statuses, or ``cited`` / ``not addressed``
``component``  component labels (``data``, ``LLM:raw`` for a prefixed catalogue)
``owner``      owners, as front matter gives them
``top_ten``    ``yes`` or ``no``
``catalog``    catalogue ids, short titles or prefixes
=============  ==============================================================

Several values in one filter are alternatives: separated by commas when the
value holds one (``owner="Data team, ML platform"``), else by spaces for the
filters whose values are single words (``status``, ``component``, ``catalog``,
``top_ten``). A row must match every filter given.

The marker is found in the page's HTML, where Markdown left it as a comment:
in code, or written as ``&lt;!--``, it is text, not a comment, and stays as it
is; after a backslash (``\\<!--``), Python-Markdown keeps both as written and so
does the plugin. Both the build and ``mkdocs-biml lint`` check a marker with
:func:`marker_problems`; nothing here knows MkDocs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from ..catalog.model import Catalog, Component, Risk
from ..core.problems import Problem
from ..frozen import Frozen

if TYPE_CHECKING:  # imported by the pages that fill tables, as the assessment pages do
    from .assessmentviews import AssessmentRow, AssessmentView, PageLink

#: A backslash before the comment escapes it: Python-Markdown keeps both as written.
# The literal "<!--" comes first, so the regex engine looks for it rather than trying
# every position of the page (a leading lookbehind made every page's search about 60
# times slower); the lookbehind after it skips an escaped "\<!--".
MARKER = re.compile(r"<!--(?<!\\<!--)\s*biml:risks(?P<arguments>(?:(?!-->).)*)-->", re.S)
_ARGUMENT = re.compile(r"""\s*(?P<name>[\w-]+)\s*=\s*(?:"(?P<double>[^"]*)"|'(?P<single>[^']*)')""")
FILTERS = ("assessment", "status", "component", "owner", "top_ten", "catalog")
#: Filters whose values hold spaces: only commas separate alternatives.
NAME_FILTERS = frozenset({"assessment", "owner"})
#: The status cells of risks without a status (``assessmentviews.py``).
CITED, NOT_ADDRESSED = "cited", "not addressed"


class RiskQuery(Frozen):
    """The filters of one marker: filter name -> alternatives (lower case for matching)."""

    filters: Mapping[str, tuple[str, ...]]

    def __init__(self, filters: Mapping[str, tuple[str, ...]] | None = None) -> None:
        object.__setattr__(self, "filters", {} if filters is None else filters)

    def allows(self, name: str, value: str) -> bool:
        wanted = self.filters.get(name)
        return wanted is None or value.strip().lower() in wanted


class QueryScope(Frozen):
    """What a marker's values are checked against: the site's settings."""

    catalogs: Sequence[Catalog]
    statuses: Sequence[str]
    assessments: Sequence[str]


class FoundMarker(Frozen):
    """A marker in a page's HTML: where it is, its query, what is wrong with it."""

    start: int
    end: int
    text: str
    query: RiskQuery
    problems: tuple[str, ...]


def find_markers(html: str, scope: QueryScope) -> Iterator[FoundMarker]:
    """Every marker of ``html``, parsed and checked against ``scope``."""
    for match in MARKER.finditer(html):
        query, problems = parse_query(match["arguments"], scope)
        yield FoundMarker(match.start(), match.end(), match[0], query, tuple(problems))


def parse_query(arguments: str, scope: QueryScope) -> tuple[RiskQuery, list[str]]:
    """The filters of a marker's ``name="value"`` arguments, and each problem found."""
    filters: dict[str, tuple[str, ...]] = {}
    problems: list[str] = []
    position = 0
    rest = arguments.strip()
    while position < len(rest):
        match = _ARGUMENT.match(rest, position)
        if match is None:
            problems.append(
                f"cannot read {rest[position:].strip()[:60]!r}: write filters as "
                f'name="value", e.g. status="open accepted"'
            )
            break
        position = match.end()
        name = match["name"]
        value = match["double"] if match["double"] is not None else match["single"]
        if name not in FILTERS:
            problems.append(f"unknown filter {name!r}: use {', '.join(FILTERS)}")
            continue
        if name in filters:
            problems.append(f"filter {name!r} given twice: give its values once, together")
            continue
        values = _alternatives(name, value)
        if not values:
            problems.append(f"filter {name!r} has no value")
            continue
        problems.extend(_unknown_values(name, values, scope))
        filters[name] = tuple(v.lower() for v in values)
    return RiskQuery(filters), problems


def marker_problems(
    html: str,
    markdown: str,
    src_uri: str,
    scope: QueryScope,
    line_offset: int = 0,
    *,
    every_marker: str | None = None,
) -> list[Problem]:
    """Each problem of each marker in a page, at the marker's line in the page's file
    (``markdown`` is its text after the front matter, ``line_offset`` lines long);
    ``every_marker`` is a problem each marker has (the site makes no tables)."""
    found: list[Problem] = []
    searched_from = 0
    for marker in find_markers(html, scope):
        at = markdown.find(marker.text, searched_from)
        line = markdown.count("\n", 0, at) + 1 + line_offset if at >= 0 else None
        if at >= 0:
            searched_from = at + len(marker.text)
        problems = [*marker.problems, *([every_marker] if every_marker else [])]
        for problem in problems:
            found.append(Problem(src_uri, line, None, f"risk table marker: {problem}"))
    return found


def _alternatives(name: str, value: str) -> list[str]:
    if "," in value or name in NAME_FILTERS:
        return [v.strip() for v in value.split(",") if v.strip()]
    return value.split()


def _unknown_values(name: str, values: Sequence[str], scope: QueryScope) -> Iterator[str]:
    known = _known_values(name, scope)
    if known is None:
        return
    for value in values:
        if value.lower() not in known:
            choices = ", ".join(sorted(known.values())) or "none is configured"
            yield f"{name} {value!r} is not one of this site's: {choices}"


def _known_values(name: str, scope: QueryScope) -> dict[str, str] | None:
    """Lower-case value -> as shown, for the filters with a closed set of values."""
    if name == "status":
        shown = [*scope.statuses, CITED, NOT_ADDRESSED]
    elif name == "assessment":
        shown = list(scope.assessments)
    elif name == "top_ten":
        shown = ["yes", "no"]
    elif name == "component":
        shown = [component_name(c.catalog, c.label) for c in _components(scope.catalogs)]
    elif name == "catalog":
        shown = [c.id for c in scope.catalogs] + [c.short_title for c in scope.catalogs]
        shown += [c.prefix for c in scope.catalogs if c.prefix]
    else:
        return None
    return {value.lower(): value for value in shown}


def _components(catalogs: Sequence[Catalog]) -> Iterator[Component]:
    for catalog in catalogs:
        yield from catalog.components


def component_name(catalog: Catalog, label: str) -> str:
    """A component as the ``component`` filter names it: ``data``, ``LLM:raw``."""
    return f"{catalog.prefix}:{label}" if catalog.prefix else label


def catalog_matches(query: RiskQuery, catalog: Catalog) -> bool:
    wanted = query.filters.get("catalog")
    names = {catalog.id.lower(), catalog.short_title.lower(), (catalog.prefix or "").lower()}
    return wanted is None or bool(names & set(wanted))


def risk_matches(query: RiskQuery, risk: Risk) -> bool:
    """The filters that depend on the risk alone: component and Top Ten."""
    component = risk.component
    if not query.allows("component", component_name(component.catalog, component.label)):
        return False
    in_top_ten = component.catalog.top_ten_rank(risk) is not None
    return query.allows("top_ten", "yes" if in_top_ten else "no")


class QueryRow(Frozen):
    """A row of a marker's table: a risk as one assessment (None: the site) handles it."""

    assessment: str | None
    row: AssessmentRow

    @property
    def setter(self) -> PageLink | None:
        """The page that sets the status (or first cites the risk), if any."""
        href = self.row.cell.href
        return next((page for page in self.row.pages if page.href == href), None)


#: The rows of one catalogue in one assessment (None: the site as a whole).
TableOf = Callable[[Catalog, "str | None"], "Sequence[AssessmentRow]"]


def select_rows(query: RiskQuery, scope: QueryScope, table_of: TableOf) -> list[QueryRow]:
    """The rows matching ``query``: per assessment in scope, per catalogue, per risk.

    Without an ``assessment`` filter, a site with assessments shows each assessment,
    then the risks its other pages handle (those outside every assessment folder);
    a site without assessments is one assessment, the whole site.
    """
    names: list[str | None]
    if "assessment" in query.filters:
        names = [n for n in scope.assessments if n.lower() in query.filters["assessment"]]
    else:
        names = [*scope.assessments, None]
    rows = []
    for name in names:
        for catalog in scope.catalogs:
            if not catalog_matches(query, catalog):
                continue
            for row in table_of(catalog, name):
                if name is None and scope.assessments and row.cell.text == NOT_ADDRESSED:
                    continue  # pages outside the assessments: only what they handle
                if _row_matches(query, row):
                    rows.append(QueryRow(name, row))
    return rows


#: Renders a template of the page generator with the given context.
Render = Callable[..., str]


def fill_risk_tables(html: str, scope: QueryScope, view: AssessmentView, render: Render) -> str:
    """``html`` with each marker replaced by its table (``risk-query.html.j2``)."""

    def table(match: re.Match[str]) -> str:
        query, _problems = parse_query(match["arguments"], scope)  # reported when read
        rows = select_rows(query, scope, view.table)
        single = len(query.filters.get("assessment", ())) == 1
        return render(
            "risk-query.html.j2", rows=rows, show_assessment=bool(scope.assessments) and not single
        )

    return MARKER.sub(table, html)


def _row_matches(query: RiskQuery, row: AssessmentRow) -> bool:
    return (
        risk_matches(query, row.risk)
        and query.allows("status", row.cell.text)
        and query.allows("owner", row.owner)
    )


__all__ = [
    "FILTERS",
    "MARKER",
    "FoundMarker",
    "QueryRow",
    "QueryScope",
    "RiskQuery",
    "catalog_matches",
    "component_name",
    "fill_risk_tables",
    "find_markers",
    "marker_problems",
    "parse_query",
    "risk_matches",
    "select_rows",
]
