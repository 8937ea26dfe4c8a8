"""What only the whole site knows: backlinks and coverage, for the HTML templates.

:meth:`mkdocs_biml.pages.render.PageGenerator.finalize` calls these once every page
of the site has been rendered, with the ledger of what each page cites, and
hands their results to ``backlinks.html.j2``, ``coverage-matrix.html.j2`` and
``uncited.html.j2``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache

from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from ..catalog.model import Catalog, Component, Risk
from ..core.i18n import CITED, NO_STATUS
from ..core.paths import PageLayout, convert_path
from ..frozen import Frozen
from ..records.assessments import NO_ASSESSMENTS, Assessments
from ..records.ledger import CitingPage, Ledger
from ..records.tracking import NO_TRACKING, Tracking
from .diagram import component_heading

HEAT_LEVELS = 5


def heat_level(count: int, total: int) -> int:
    """0 for nothing, else 1 to HEAT_LEVELS by the share of ``total`` that ``count`` is."""
    if count <= 0 or total <= 0:
        return 0
    return min(HEAT_LEVELS, math.ceil(HEAT_LEVELS * count / total))


class Backlink(Frozen):
    """A page citing a risk, as listed under the risk."""

    page: CitingPage
    title: str
    href: str
    #: Status the page gives the risk in its front matter, if any.
    status: str | None
    #: Whether the page's text cites the risk (it may only give it a status).
    cited: bool
    #: The assessment the page belongs to; None for the site itself.
    assessment: str | None = None
    #: Ticket and dates the page gives with its status.
    tracking: Tracking = NO_TRACKING


class HeatCell(Frozen):
    """A cell of a coverage row: how many risks have that status, and its shade."""

    label: str
    count: int
    level: int


class CoverageRow(Frozen):
    """One component (or the total, with ``component`` None) of the coverage matrix."""

    component: Component | None
    name: str
    href: str
    total: int
    uncited: int
    #: "cited", then one cell per status, then "no status".
    cells: tuple[HeatCell, ...]


class UncitedRisk(Frozen):
    """A risk no page cites, with the link to its entry."""

    risk: Risk
    href: str


class PageUrls:
    """Page-relative URLs from the generated page at ``page_url``.

    The ledger holds citing pages' URLs; generated pages are known by source
    path, and their URL follows MkDocs' own rule, which only depends on the
    site's ``use_directory_urls``.
    """

    def __init__(self, page_url: str, *, use_directory_urls: bool) -> None:
        self.page_url = page_url
        self.use_directory_urls = use_directory_urls
        # A page citing several risks of a component is in several of its
        # risks' backlinks: one relative URL per page, not one per backlink.
        self._relative: dict[str, str] = {}

    def to_url(self, url: str, anchor: str = "") -> str:
        """``url`` (relative to the site root, or a page of another site) from this page."""
        if url.startswith(("https://", "http://")):
            return f"{url}#{anchor}" if anchor else url
        relative = self._relative.get(url)
        if relative is None:
            relative = self._relative[url] = get_relative_url(url, self.page_url)
        return f"{relative}#{anchor}" if anchor else relative

    def to_source(self, target: str) -> str:
        """``target`` is a source path with an optional ``#anchor``."""
        return convert_path(
            target, lambda path: self.to_url(_page_url(path, self.use_directory_urls))
        )


@lru_cache(maxsize=4096)
def _page_url(src_uri: str, use_directory_urls: bool) -> str:
    """MkDocs' URL of the page at ``src_uri``: a site's generated pages link to the same
    few dozen paths on every build, and making a ``File`` for each link is not cheap."""
    return File(src_uri, None, "", use_directory_urls).url


def backlinks(
    risk: Risk, ledger: Ledger, urls: PageUrls, assessments: Assessments = NO_ASSESSMENTS
) -> list[Backlink]:
    links = []
    for page in ledger.citing_pages(risk):
        href = urls.to_url(page.url) if page.url else urls.to_source(page.src_uri)
        title = page.title or page.src_uri
        status, cited = page.statuses.get(risk), page.cites(risk)
        tracking = page.notes[risk].tracking if risk in page.notes else NO_TRACKING
        assessment = assessments.of(page.src_uri)
        links.append(Backlink(page, title, href, status, cited, assessment, tracking))
    return links


def coverage_rows(
    catalog: Catalog,
    ledger: Ledger,
    urls: PageUrls,
    layout: PageLayout,
    statuses: Sequence[str],
    *,
    total_name: str,
) -> list[CoverageRow]:
    """One row per component of ``catalog``, then the total, named ``total_name``."""
    rows = [
        _coverage_row(
            component,
            component.risks,
            ledger,
            urls.to_source(layout.component_page(component)),
            statuses=statuses,
            name=component_heading(component),
        )
        for component in catalog.components
    ]
    risks = tuple(catalog.risks())
    rows.append(_coverage_row(None, risks, ledger, "", statuses=statuses, name=total_name))
    return rows


def _coverage_row(
    component: Component | None,
    risks: Sequence[Risk],
    ledger: Ledger,
    href: str,
    *,
    statuses: Sequence[str],
    name: str,
) -> CoverageRow:
    cited = [r for r in risks if ledger.citing_pages(r)]
    given = {r: ledger.statuses(r) for r in cited}
    total = len(risks)
    counts = [(CITED, len(cited))]
    counts += [(s, sum(1 for r in cited if s in given[r])) for s in statuses]
    counts.append((NO_STATUS, sum(1 for r in cited if not given[r])))
    cells = tuple(HeatCell(label, n, heat_level(n, total)) for label, n in counts)
    return CoverageRow(component, name, href, total, total - len(cited), cells)


def uncited_risks(
    catalog: Catalog, ledger: Ledger, urls: PageUrls, layout: PageLayout
) -> list[UncitedRisk]:
    return [
        UncitedRisk(risk, urls.to_source(layout.risk_target(risk)))
        for risk in ledger.uncited(catalog.risks())
    ]


__all__ = [
    "Backlink",
    "CoverageRow",
    "HeatCell",
    "PageUrls",
    "UncitedRisk",
    "backlinks",
    "coverage_rows",
    "heat_level",
    "uncited_risks",
]
