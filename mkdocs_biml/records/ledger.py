"""Which pages of the site cite which risks, and with what status.

Filled page by page during a build, read once every page has been rendered
(backlinks, coverage, register). Rebuilt from scratch on every build, so
``mkdocs serve`` never keeps a citation that an edit removed; a page that a
dirty rebuild skips comes back through :meth:`Ledger.add_entry` (``rebuild.py``).

A large site makes tens of thousands of citations, and MkDocs keeps every
page in memory until the build ends: a page's citations are two arrays of
machine integers (risk number, source line) rather than a list per risk.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable

from ..catalog.model import Risk
from ..frozen import Frozen
from .tracking import NO_TRACKING, Tracking

#: Stored for a citation whose source line is unknown (lines count from 1).
_NO_LINE = 0


class StatusNote(Frozen):
    """What the long form of a front-matter entry adds to a status, and the entry's line."""

    owner: str = ""
    note: str = ""
    line: int | None = None
    tracking: Tracking = NO_TRACKING


class CitingPage:
    """A page of the site that cites risks or gives them a status."""

    # A plain class (not a dataclass: see frozen.py): equal only to itself.
    src_uri: str
    #: The ledger's numbering of risks, shared by all its pages.
    risk_numbers: dict[Risk, int]
    title: str
    url: str
    #: Risk -> status declared in the page's front matter.
    statuses: dict[Risk, str]
    #: Risk -> owner, note and source line of the page's status entry.
    notes: dict[Risk, StatusNote]
    #: Citations in the text, in order: risk numbers and source lines.
    #: Nothing more is kept per page: citations grouped by risk would cost a large site
    #: megabytes at the build's peak, when search writes its index.
    _risks: array[int]
    _lines: array[int]

    def __init__(
        self,
        src_uri: str,
        risk_numbers: dict[Risk, int],
        *,
        title: str = "",
        url: str = "",
        statuses: dict[Risk, str] | None = None,
        notes: dict[Risk, StatusNote] | None = None,
    ) -> None:
        self.src_uri = src_uri
        self.risk_numbers = risk_numbers
        self.title = title
        self.url = url
        self.statuses = {} if statuses is None else statuses
        self.notes = {} if notes is None else notes
        self._risks = array("H")
        self._lines = array("I")

    def __repr__(self) -> str:
        return (
            f"CitingPage(src_uri={self.src_uri!r}, title={self.title!r}, url={self.url!r}, "
            f"statuses={self.statuses!r}, notes={self.notes!r})"
        )

    def cite(self, risk: Risk, line: int | None) -> None:
        self._risks.append(self.risk_numbers[risk])
        self._lines.append(line or _NO_LINE)

    def cites(self, risk: Risk) -> bool:
        number = self.risk_numbers.get(risk)
        return number is not None and number in self._risks

    def lines(self, risk: Risk) -> list[int]:
        """Source lines where the page cites ``risk``, sorted, each once."""
        number = self.risk_numbers[risk]
        found = {line for n, line in zip(self._risks, self._lines) if n == number}
        return sorted(found - {_NO_LINE})

    def citations(self) -> tuple[tuple[Risk, int], ...]:
        """Every citation in order: the risk and its source line (0 when unknown)."""
        risks = list(self.risk_numbers)  # numbered in order of first use: position == number
        return tuple((risks[number], line) for number, line in zip(self._risks, self._lines))

    def cited_numbers(self) -> set[int]:
        return set(self._risks)


class PageEntry(Frozen):
    """All one page gives the ledger, kept to restore it without reading the page again."""

    title: str = ""
    citations: tuple[tuple[Risk, int], ...] = ()
    statuses: tuple[tuple[Risk, str], ...] = ()
    notes: tuple[tuple[Risk, StatusNote], ...] = ()


class Ledger:
    """What the pages of one build cite and which statuses they give."""

    # A plain class (not a dataclass: see frozen.py); a build's state, never compared.
    pages: dict[str, CitingPage]
    #: Every risk cited or given a status this build, numbered in order of first use.
    risk_numbers: dict[Risk, int]
    #: Risk -> the pages citing it or giving it a status; made when first asked.
    _by_risk: dict[Risk, list[CitingPage]] | None

    def __init__(
        self,
        pages: dict[str, CitingPage] | None = None,
        risk_numbers: dict[Risk, int] | None = None,
    ) -> None:
        self.pages = {} if pages is None else pages
        self.risk_numbers = {} if risk_numbers is None else risk_numbers
        self._by_risk = None

    def page(self, src_uri: str) -> CitingPage:
        page = self.pages.get(src_uri)
        if page is None:
            page = self.pages[src_uri] = CitingPage(src_uri, self.risk_numbers)
        return page

    def cite(self, src_uri: str, risk: Risk, line: int | None) -> None:
        self._number(risk)
        self.page(src_uri).cite(risk, line)
        self._by_risk = None

    def set_status(
        self, src_uri: str, risk: Risk, status: str, note: StatusNote = StatusNote()
    ) -> None:
        self._number(risk)
        page = self.page(src_uri)
        page.statuses[risk] = status
        page.notes[risk] = note
        self._by_risk = None

    def _number(self, risk: Risk) -> None:
        if risk not in self.risk_numbers:
            self.risk_numbers[risk] = len(self.risk_numbers)

    def citing_pages(self, risk: Risk) -> list[CitingPage]:
        """Pages that cite ``risk`` or give it a status, in source-path order."""
        if self._by_risk is None:
            self._by_risk = self._index()
        return self._by_risk.get(risk, [])

    def _index(self) -> dict[Risk, list[CitingPage]]:
        risks = list(self.risk_numbers)
        index: dict[Risk, list[CitingPage]] = {}
        for src_uri in sorted(self.pages):
            page = self.pages[src_uri]
            mentioned = {risks[n] for n in page.cited_numbers()} | set(page.statuses)
            for risk in mentioned:
                index.setdefault(risk, []).append(page)
        return index

    def statuses(self, risk: Risk) -> list[str]:
        """Distinct statuses given to ``risk`` across the site, sorted."""
        return sorted({p.statuses[risk] for p in self.citing_pages(risk) if risk in p.statuses})

    def uncited(self, risks: Iterable[Risk]) -> list[Risk]:
        return [r for r in risks if not self.citing_pages(r)]

    def entry(self, src_uri: str) -> PageEntry:
        """What ``src_uri`` gave the ledger (an empty entry if it cites nothing)."""
        page = self.pages.get(src_uri)
        if page is None:
            return PageEntry()
        return PageEntry(
            page.title, page.citations(), tuple(page.statuses.items()), tuple(page.notes.items())
        )

    def add_entry(self, src_uri: str, entry: PageEntry, url: str) -> None:
        """Give the ledger what :meth:`entry` took from an earlier build of the page."""
        notes = dict(entry.notes)
        for risk, status in entry.statuses:
            self.set_status(src_uri, risk, status, notes.get(risk, StatusNote()))
        for risk, line in entry.citations:
            self.cite(src_uri, risk, line)
        self.name_page(src_uri, entry.title, url)

    def name_page(self, src_uri: str, title: str, url: str) -> None:
        """The title (text, not HTML) and URL of a page that cites risks or gives them a
        status; a page that does neither stays out of the ledger."""
        page = self.pages.get(src_uri)
        if page is not None:
            page.title, page.url = title, url
