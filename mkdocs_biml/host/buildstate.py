"""What one build learns of the site's pages, in one object the plugin makes afresh
in ``on_files`` for every build (``mkdocs serve`` keeps the plugin, never this).

A page reaches the ledger by one path whichever way it was read: through the
plugin's page events when MkDocs builds it, from its source when a dirty build
skipped it (``rebuild.py``), or from its record under ``serve --dirty``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from html import unescape as html_to_text
from typing import Any

from mkdocs.structure.files import File

from ..catalog.resolver import CatalogIndex
from ..expansion.pagestate import Citation
from ..records.frontmatter import read_statuses
from ..records.ledger import Ledger, StatusNote


class BuildState:
    """The ledger of one build and which pages it read, and how."""

    # A plain class (not a dataclass: see frozen.py); a build's state, never compared.
    #: The site's catalogues and allowed statuses (None before the plugin is configured).
    index: CatalogIndex | None
    statuses: Sequence[str]
    #: The generated pages of this build, by source path.
    generated: dict[str, File]
    ledger: Ledger
    #: Pages that went through ``on_page_content`` (the pages MkDocs built).
    pages_built: set[str]
    #: Pages a dirty build skipped and the plugin read from their source.
    pages_read_from_source: set[str]
    #: Pages holding a ``<!-- biml:risks -->`` marker, filled once the site is read.
    pages_with_tables: set[str]
    #: Under ``serve --dirty``: the digest of each built page's source text.
    digests: dict[str, str]

    def __init__(self, index: CatalogIndex | None = None, statuses: Sequence[str] = ()) -> None:
        self.index = index
        self.statuses = statuses
        self.generated = {}
        self.ledger = Ledger()
        self.pages_built = set()
        self.pages_read_from_source = set()
        self.pages_with_tables = set()
        self.digests = {}

    def take_statuses(self, src_uri: str, meta: Mapping[str, Any], source: str) -> None:
        """The statuses of the page's front matter (``meta``, read from ``source``)."""
        if self.index is None:
            return
        for entry in read_statuses(meta, src_uri, self.index, self.statuses, source=source):
            note = StatusNote(entry.owner, entry.note, entry.line, entry.tracking)
            self.ledger.set_status(src_uri, entry.risk, entry.status, note)

    def take_page(
        self, src_uri: str, citations: Iterable[Citation], title: object, url: str
    ) -> None:
        """The page's citations, and its title and URL if it cites or gives a status.

        MkDocs' titles are HTML (a front matter ``title`` may be any YAML value);
        the ledger keeps text, which each output (templates, JSON, CSV) escapes
        once for its own format.
        """
        for citation in citations:
            self.ledger.cite(src_uri, citation.risk, citation.line)
        self.ledger.name_page(src_uri, html_to_text(str(title)) if title else src_uri, url)


__all__ = ["BuildState"]
