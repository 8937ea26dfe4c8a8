"""What the extension knows about the page it converts, and the citations it found.

One :class:`PageState` per page: the host's facts about it (path, whether it is
generated, its URL), where its tags stand in the source, and what was cited.
"""

from __future__ import annotations

from collections import defaultdict, deque

from ..catalog.model import Risk
from ..catalog.resolver import TAG_IN_TEXT
from ..frozen import Frozen


class Citation(Frozen):
    """One tag an author wrote, resolved to a risk."""

    risk: Risk
    line: int | None


class PageState:
    """What the extension knows about the page being converted."""

    # A plain class (not a dataclass: see frozen.py); one page's state, never compared.
    path: str
    generated: bool
    line_offset: int
    #: The page's URL when the host gives final URLs, else None.
    url: str | None
    #: Stash placeholder -> the risk it cites (None: unresolved) and its inline HTML.
    stashed: dict[str, tuple[Risk | None, str]]
    #: The page's lines before code and HTML blocks were stashed away.
    source_lines: list[str]
    #: Tag text -> source lines of the tags the inline processor will meet, in order.
    tag_lines: dict[str, deque[int]]
    #: Tag text -> source lines of every occurrence, for tags inside stashed HTML;
    #: made on the first tag that needs it.
    fallback_lines: dict[str, deque[int]] | None
    citations: list[Citation]
    #: Tags expanded on this page (callouts are only looked for when there are some).
    expanded: int
    #: Generated page's source path -> its URL relative to this page (final URLs).
    relative_urls: dict[str, str]

    def __init__(
        self,
        path: str = "",
        generated: bool = False,
        line_offset: int = 0,
        url: str | None = None,
    ) -> None:
        self.path = path
        self.generated = generated
        self.line_offset = line_offset
        self.url = url
        self.stashed = {}
        self.source_lines = []
        self.tag_lines = defaultdict(deque)
        self.fallback_lines = None
        self.citations = []
        self.expanded = 0
        self.relative_urls = {}

    def take_line(self, text: str) -> int | None:
        lines = self.tag_lines.get(text)
        if not lines:
            lines = self._fallback().get(text)
        return lines.popleft() + self.line_offset if lines else None

    def _fallback(self) -> dict[str, deque[int]]:
        if self.fallback_lines is None:
            self.fallback_lines = defaultdict(deque)
            for number, line in enumerate(self.source_lines, start=1):
                for match in TAG_IN_TEXT.finditer(line):
                    self.fallback_lines[match.group(1)].append(number)
        return self.fallback_lines
