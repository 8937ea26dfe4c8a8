"""Which pages of the site cite which risks, and with what status.

Filled page by page during a build, read once every page has been rendered
(backlinks, coverage, register). Rebuilt from scratch on every build, so
``mkdocs serve`` never keeps a citation that an edit removed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .model import Risk


@dataclass
class CitingPage:
    """A page of the site that cites risks or gives them a status."""

    src_uri: str
    title: str = ""
    url: str = ""
    #: Risk -> status declared in the page's front matter.
    statuses: dict[Risk, str] = field(default_factory=dict)
    #: Risks cited in the text, in order of first citation.
    cited: dict[Risk, list[int | None]] = field(default_factory=dict)

    def risks(self) -> list[Risk]:
        return list(dict.fromkeys([*self.cited, *self.statuses]))


@dataclass
class Ledger:
    pages: dict[str, CitingPage] = field(default_factory=dict)

    def page(self, src_uri: str) -> CitingPage:
        if src_uri not in self.pages:
            self.pages[src_uri] = CitingPage(src_uri)
        return self.pages[src_uri]

    def cite(self, src_uri: str, risk: Risk, line: int | None) -> None:
        self.page(src_uri).cited.setdefault(risk, []).append(line)

    def set_status(self, src_uri: str, risk: Risk, status: str) -> None:
        self.page(src_uri).statuses[risk] = status

    def citing_pages(self, risk: Risk) -> list[CitingPage]:
        """Pages that cite ``risk`` or give it a status, in source-path order."""
        return sorted(
            (p for p in self.pages.values() if risk in p.cited or risk in p.statuses),
            key=lambda p: p.src_uri,
        )

    def statuses(self, risk: Risk) -> list[str]:
        """Distinct statuses given to ``risk`` across the site, sorted."""
        return sorted({p.statuses[risk] for p in self.pages.values() if risk in p.statuses})

    def uncited(self, risks: Iterable[Risk]) -> list[Risk]:
        return [r for r in risks if not self.citing_pages(r)]

    def clear(self) -> None:
        self.pages.clear()
