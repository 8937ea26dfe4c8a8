"""What the coverage page and each assessment's page show of the assessments.

Filled in once every page of the site is rendered, like the rest of
``sitewide.py``: :meth:`mkdocs_biml.pages.render.PageGenerator.finalize` hands these
to ``assessment-matrix.html.j2``, ``assessment-table.html.j2`` and
``heat-map.html.j2``. A status is always given as text; colour only repeats it.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..catalog.model import Catalog, Risk
from ..core.i18n import CITED, NOT_ADDRESSED
from ..core.paths import PageLayout
from ..frozen import Frozen
from ..records.assessments import OPEN, AssessedRisk, Assessments, assessed, assessed_in
from ..records.ledger import Ledger
from ..records.tracking import NO_TRACKING, Tracking
from .diagram import Diagram, Node
from .sitewide import PageUrls, heat_level


class StatusCell(Frozen):
    """A risk in one assessment: its status (or "cited", "not addressed") and the page
    that sets it (the first citing page without a status; "" when none)."""

    text: str
    status: str | None
    href: str
    #: Ticket and dates given with the status, shown as the cell's detail.
    tracking: Tracking = NO_TRACKING


class MatrixRow(Frozen):
    """A risk's row of the assessment matrix: its status in each assessment."""

    risk: Risk
    href: str
    cells: tuple[StatusCell, ...]


class CountRow(Frozen):
    """A status (or "cited", "not addressed") and how many risks each assessment gives it."""

    label: str
    counts: tuple[int, ...]


class PageLink(Frozen):
    """A link to a page, with the page's title."""

    title: str
    href: str


class AssessmentRow(Frozen):
    """A risk on an assessment's page: status, owner, note and citing pages."""

    risk: Risk
    href: str
    component_href: str
    cell: StatusCell
    owner: str
    note: str
    pages: tuple[PageLink, ...]

    @property
    def tracking(self) -> Tracking:
        return self.cell.tracking


class HeatNode(Frozen):
    """A component of the heat map: how many of its risks are addressed."""

    node: Node
    href: str
    addressed: int
    total: int

    @property
    def level(self) -> int:
        return heat_level(self.addressed, self.total)

    @property
    def text(self) -> str:
        return f"{self.addressed} of {self.total} addressed"

    @property
    def percent(self) -> int:
        return round(100 * self.addressed / self.total) if self.total else 0


class AssessmentView:
    """The assessments of one site, seen from one generated page."""

    def __init__(
        self, assessments: Assessments, ledger: Ledger, urls: PageUrls, layout: PageLayout
    ) -> None:
        self.assessments = assessments
        self.ledger = ledger
        self.urls = urls
        self.layout = layout

    def of(self, risk: Risk) -> dict[str | None, AssessedRisk]:
        return {a.name: a for a in assessed(risk, self.ledger, self.assessments)}

    def cell(self, risk: Risk, entry: AssessedRisk | None) -> StatusCell:
        if entry is None:
            return StatusCell(NOT_ADDRESSED, None, "")
        page = entry.setter or entry.pages[0]
        href = self.urls.to_url(page.url) if page.url else self.urls.to_source(page.src_uri)
        return StatusCell(entry.status or CITED, entry.status, href, entry.tracking)

    def columns(self, catalog: Catalog) -> list[str | None]:
        """The configured assessments, then ``None`` (the site's other pages) when a page
        outside every assessment's folder cites a risk of ``catalog`` or sets its status:
        without that column, such a status would show nowhere and the risk read
        "not addressed" in every assessment."""
        names: list[str | None] = list(self.assessments.names)
        if any(None in self.of(risk) for risk in catalog.risks()):
            names.append(None)
        return names

    def matrix(self, catalog: Catalog) -> list[MatrixRow]:
        """Risks down, :meth:`columns` across."""
        rows = []
        columns = self.columns(catalog)
        for risk in catalog.risks():
            found = self.of(risk)
            cells = tuple(self.cell(risk, found.get(name)) for name in columns)
            rows.append(MatrixRow(risk, self._risk_href(risk), cells))
        return rows

    def counts(self, rows: Sequence[MatrixRow], statuses: Sequence[str]) -> list[CountRow]:
        """Per status (then "cited", "not addressed"): how many risks each column has."""
        columns = range(len(rows[0].cells) if rows else 0)
        return [
            CountRow(
                label, tuple(sum(1 for r in rows if r.cells[i].text == label) for i in columns)
            )
            for label in [*statuses, CITED, NOT_ADDRESSED]
        ]

    def table(self, catalog: Catalog, name: str | None) -> list[AssessmentRow]:
        """Every risk of ``catalog`` as the assessment ``name`` (None: the pages outside
        every assessment, or the whole site without assessments) handles it."""
        rows = []
        for risk in catalog.risks():
            entry = assessed_in(risk, self.ledger, self.assessments, name)
            pages = entry.pages if entry else ()
            rows.append(
                AssessmentRow(
                    risk,
                    self._risk_href(risk),
                    self.urls.to_source(self.layout.component_page(risk.component)),
                    self.cell(risk, entry),
                    entry.owner if entry else "",
                    entry.note if entry else "",
                    tuple(
                        PageLink(p.title or p.src_uri, self._page_href(p.url, p.src_uri))
                        for p in pages
                    ),
                )
            )
        return rows

    def heat(self, diagram: Diagram, name: str | None) -> list[HeatNode]:
        """Each component's share of addressed risks: in the assessment ``name``, or in
        the whole site (``None``: any page giving a status other than open)."""
        return [
            HeatNode(
                node,
                self.urls.to_source(self.layout.component_page(node.component)),
                sum(1 for risk in node.component.risks if self._addressed(risk, name)),
                len(node.component.risks),
            )
            for node in diagram.linked_nodes
        ]

    def _addressed(self, risk: Risk, name: str | None) -> bool:
        if name is None:
            return any(status != OPEN for status in self.ledger.statuses(risk))
        entry = assessed_in(risk, self.ledger, self.assessments, name)
        return entry is not None and entry.addressed()

    def _risk_href(self, risk: Risk) -> str:
        return self.urls.to_source(self.layout.risk_target(risk))

    def _page_href(self, url: str, src_uri: str) -> str:
        return self.urls.to_url(url) if url else self.urls.to_source(src_uri)
