"""Where the tags of a page stand: what the inline processor expands, and on which line.

One definition of what hides a tag (HTML comments and tags with their
attributes, autolinks, attribute lists, complete links), shared by the
inline processor, which sees a paragraph's text, and by the line scan, which
sees the page's lines and must find the same tags in the same order.

Every scan here is linear in the length of the text: pages come from
anyone, and a regex that retries the rest of the text from each of many
starting points (an unclosed ``<!--``, a run of backticks, a tag that never
closes) turns a large page into minutes of build time. Each construct below
therefore stops at the first character that ends or rules it out, and code
spans are paired by a single pass over the backtick runs.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict, deque
from collections.abc import Iterator, Sequence
from itertools import accumulate

from ..catalog.resolver import TAG_BODY, TAG_IN_TEXT

# A link's label and destination, each allowing one level of nested brackets.
_LINK = r"\[(?:[^\[\]\n]|\[[^\[\]\n]*\])*\](?:\((?:[^()\n]|\([^()\n]*\))*\)|\[[^\[\]\n]*\])"
# A comment ends at the first '-->'; one that meets another '<!--' first is no
# comment (as in Python-Markdown's inline HTML), so an unclosed '<!--' costs
# only the text up to the next one.
_COMMENT = r"<!--(?:(?!<!--|-->)[\s\S])*-->"
# A tag with its attributes, whose values may hold '>' when quoted; also
# autolinks (<https://...>) and e-mail links, whose "name" runs to the '>'.
_ATTRIBUTE_VALUE = r"""(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+)"""
_HTML_TAG = (
    r"""</?[A-Za-z][^\s"'<>]*"""
    r"""(?:\s+[^\s"'=<>]+(?:\s*=\s*""" + _ATTRIBUTE_VALUE + r")?)*"
    r"\s*/?>"
)
_ATTR_LIST = r"\{:?[ \t]*(?:[#.][\w-]+|[\w-]+=)[^{}\n]*\}"  # attr_list's { #id .class key="value" }

# Every alternative starts with a literal character, so the regex engine
# looks for those few characters instead of trying each alternative at every
# position: both scans go over every page's whole text, tags or not.
_SKIP = "|".join((_COMMENT, _HTML_TAG, _ATTR_LIST, "!" + _LINK, _LINK))
#: A tag (group ``tag``) or something to step over (no group): what the
#: inline processor matches in a paragraph, where code spans and escapes are
#: already placeholders.
TAG_OR_SKIP = _SKIP + r"|\[(?P<tag>" + TAG_BODY + r")\]"
# The same over source text, where code spans and backslash escapes are still text.
# The run of backticks starts with its literal too (a group first would not): the
# engine then looks only at those few characters, some 6 times faster on a page.
_SOURCE_TOKEN = re.compile(r"`(?P<ticks>`*)|\\[\s\S]|" + TAG_OR_SKIP)
_BACKTICKS = re.compile(r"`+")


def tags_in_block(text: str) -> Iterator[tuple[int, str]]:
    """Offset and text of each tag the inline processor will expand in ``text``.

    ``text`` is one block of source lines (no blank line inside): Markdown
    constructs never span a blank line, so neither does a scan.
    """
    code_spans = _code_spans(text) if "`" in text else {}
    position = 0
    while True:
        for match in _SOURCE_TOKEN.finditer(text, position):
            kind = match.lastgroup  # "ticks", "tag", or None for what a tag hides in
            if kind == "ticks":
                end = code_spans.get(match.start())
                if end is not None:  # the scan goes on after the code span
                    position = end
                    break
            elif kind == "tag":
                yield match.start(), match["tag"]
        else:
            return


def _code_spans(text: str) -> dict[int, int]:
    """Start -> end of each code span in ``text``.

    A run of backticks opens a span closed by the next run of the same length
    on the same line (Python-Markdown's code spans stay on one line). Pairs
    are found from the last run backwards, remembering the nearest run of each
    length, so a line of thousands of backticks costs one pass.
    """
    runs = [(run.start(), run.end()) for run in _BACKTICKS.finditer(text)]
    if len(runs) < 2:
        return {}
    lines, line, previous_end = [], 0, 0
    multiline = "\n" in text
    for start, end in runs:
        if multiline:
            line += text.count("\n", previous_end, start)
        lines.append(line)
        previous_end = end
    spans: dict[int, int] = {}
    nearest: dict[int, tuple[int, int]] = {}  # run length -> (its end, its line)
    for (start, end), run_line in zip(reversed(runs), reversed(lines)):
        closer = nearest.get(end - start)
        if closer is not None and closer[1] == run_line:
            spans[start] = closer[0]
        nearest[end - start] = (end, run_line)
    return spans


def tag_lines(lines: Sequence[str], source: Sequence[str]) -> dict[str, deque[int]]:
    """Tag text -> 1-based source lines of the tags in ``lines``, in page order.

    ``lines`` are the page's lines after code and HTML blocks were stashed,
    ``source`` the lines as written; each line of ``lines`` holding a tag is
    found in ``source`` by its text, moving forward only.
    """
    found: dict[str, deque[int]] = defaultdict(deque)
    locator = _SourceLocator(source)
    for block in _blocks(lines):
        text = "\n".join(block)
        if TAG_IN_TEXT.search(text) is None:
            continue  # the plain tag search is cheaper than the full scan
        numbers = [locator.number(line) if "[" in line else 0 for line in block]
        starts = list(accumulate((len(line) + 1 for line in block[:-1]), initial=0))
        for offset, tag in tags_in_block(text):
            found[tag].append(numbers[bisect_right(starts, offset) - 1])
    return found


def _blocks(lines: Sequence[str]) -> Iterator[list[str]]:
    """Runs of lines between blank lines."""
    block: list[str] = []
    for line in lines:
        if line.strip():
            block.append(line)
        elif block:
            yield block
            block = []
    if block:
        yield block


class _SourceLocator:
    """Finds lines in the source by their text, each after the previous one found."""

    def __init__(self, source: Sequence[str]) -> None:
        self._positions: dict[str, list[int]] = defaultdict(list)
        for index, line in enumerate(source):
            if "[" in line:
                self._positions[line].append(index)
        self._cursor = 0

    def number(self, line: str) -> int:
        """1-based number of ``line`` at or after the cursor (the cursor's line if absent)."""
        found = self._positions.get(line, ())
        at = bisect_left(found, self._cursor)
        if at < len(found):
            self._cursor = found[at] + 1
            return self._cursor
        return self._cursor + 1
