"""Callout bodies and the diagram out of MkDocs' own search index, as Material's search
leaves them out.

A callout repeats its risk's description on every page citing the risk: in the
search index, forty copies of the same paragraph would drown the author's own
text, while the description is indexed once on the risk's generated page.
The diagram's boxes and panels repeat the component names and risk titles that
the overview's table of all risks lists once.
The callout's body and the diagram's figure carry ``data-search-exclude``
(:data:`~mkdocs_biml.expansion.elements.SEARCH_EXCLUDE`), which Material's search honours.
MkDocs' search (``mkdocs.contrib.search``) indexes ``page.content`` as it is in
its ``on_page_context``, and reads no attribute: so the plugin hides the marked
elements just before it (:meth:`SearchExclusion.hide`) and puts them back just
after (:meth:`SearchExclusion.restore`). An HTML comment holds each one's place:
search reads no comment, and a plugin that rewrites the page in between keeps it.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator

from mkdocs.config.defaults import MkDocsConfig

from ..expansion.elements import SEARCH_EXCLUDE

# Only the elements the plugin marks: a callout's paragraphs and the diagram's
# figure. None holds another element of its own name, so the first closing tag
# of that name closes it.
_ATTRIBUTE = f'{SEARCH_EXCLUDE[0]}="'
_MARKED_START = re.compile(rf'<(p|figure)\b[^>]*\s{re.escape(_ATTRIBUTE)}[^"]*"[^>]*>')


def _marked_elements(content: str) -> Iterator[tuple[int, int]]:
    """Start and end of each marked element of ``content``, in order.

    Looked for only where the attribute is, from the ``<`` before it: a page
    has thousands of tags and a few marked ones. (Serialised HTML escapes
    ``<`` in attribute values, so that ``<`` opens the marked tag.)
    """
    position = 0
    while (found := content.find(_ATTRIBUTE, position)) != -1:
        start = content.rfind("<", position, found)
        opening = _MARKED_START.match(content, start) if start != -1 else None
        closing = f"</{opening[1]}>" if opening else ""
        end = content.find(closing, opening.end()) if opening else -1
        if opening is None or end == -1:
            position = found + len(_ATTRIBUTE)
        else:
            position = end + len(closing)
            yield start, position


def uses_mkdocs_search(config: MkDocsConfig) -> bool:
    """Whether the site's search is MkDocs' own (Material's honours the attribute itself)."""
    search = sys.modules.get("mkdocs.contrib.search")
    if search is None:  # no plugin of the site is MkDocs' search, nor made from it
        return False
    return any(isinstance(plugin, search.SearchPlugin) for plugin in config.plugins.values())


class SearchExclusion:
    """The marked elements of the pages between :meth:`hide` and :meth:`restore`."""

    def __init__(self) -> None:
        # A token no page holds: the author's own comments are never taken for ours.
        self._mark = f"<!--biml-search-{os.urandom(8).hex()}-"
        self._hidden: dict[str, list[str]] = {}

    def hide(self, page_key: str, content: str) -> str:
        """``content`` with every marked element replaced by a comment."""
        pieces: list[str] = []
        hidden: list[str] = []
        position = 0
        for start, end in _marked_elements(content):
            pieces += content[position:start], f"{self._mark}{len(hidden)}-->"
            hidden.append(content[start:end])
            position = end
        if not hidden:
            return content
        self._hidden[page_key] = hidden
        return "".join([*pieces, content[position:]])

    def restore(self, page_key: str, content: str) -> str:
        """``content`` with the elements :meth:`hide` took out back in their places."""
        hidden = self._hidden.pop(page_key, None)
        if not hidden:
            return content
        pieces = content.split(self._mark)
        for number, piece in enumerate(pieces[1:], start=1):
            index, end, rest = piece.partition("-->")
            if end and index.isdigit():
                pieces[number] = hidden[int(index)] + rest
            else:  # not one of ours after all
                pieces[number] = self._mark + piece
        return "".join(pieces)
