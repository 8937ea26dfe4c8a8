"""Reading catalogue texts: plain text, risk tags, Top Ten pointers and citations.

Catalogue texts (descriptions, introductions, controls, Top Ten texts) hold
tags written as in the published document, without the catalogue's prefix,
citation markers ``[^7]``, and, in catalogues that declare ``top_ten_label``,
pointers to Top Ten entries (``[LLMtop10:6:poison in the data]``). Every
consumer (the loader's checks, callouts, generated pages) reads them through
:func:`tokenize`, so they all agree on what a text contains.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..frozen import Frozen
from .model import CITATION_MARKER, Catalog, Reference, TopTenEntry
from .resolver import TAG_IN_TEXT, CatalogIndex, Resolution

_TOKEN = re.compile(f"{TAG_IN_TEXT.pattern}|{CITATION_MARKER.pattern}")


class Text(Frozen):
    """Plain text between the marks of a catalogue text."""

    text: str


class TagToken(Frozen):
    """A tag written in a catalogue text, and what it resolves to."""

    written: str
    resolution: Resolution


class TopTenToken(Frozen):
    """A mention of a Top Ten entry, and the entry if there is one."""

    written: str
    entry: TopTenEntry | None


class CitationToken(Frozen):
    """A citation marker (``[12]``), and the reference if there is one."""

    number: int
    reference: Reference | None


Token = Text | TagToken | TopTenToken | CitationToken


def tokenize(text: str, catalog: Catalog, index: CatalogIndex) -> Iterator[Token]:
    """Split a text of ``catalog`` into tokens; tags resolve within ``catalog``."""
    position = 0
    for match in _TOKEN.finditer(text):
        if match.start() > position:
            yield Text(text[position : match.start()])
        position = match.end()
        if match.group(1) is None:
            number = int(match.group(2))
            yield CitationToken(number, catalog.reference(number))
        else:
            yield _tag_token(match.group(0), match.group(1), catalog, index)
    if position < len(text):
        yield Text(text[position:])


def _tag_token(written: str, body: str, catalog: Catalog, index: CatalogIndex) -> Token:
    label, _, rest = body.partition(":")
    if catalog.top_ten_label and label.casefold() == catalog.top_ten_label.casefold():
        rank = rest.split(":", 1)[0]
        entry = next((e for e in catalog.top_ten if str(e.rank) == rank), None)
        return TopTenToken(written, entry)
    qualified = f"{catalog.prefix}:{body}" if catalog.prefix else body
    return TagToken(written, index.resolve(qualified))
