"""Callouts (a paragraph of nothing but tags), and the fixed heading ids and HTML blocks
of generated pages."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import TYPE_CHECKING

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER, HTML_PLACEHOLDER_RE, AtomicString

from ..core.mdtext import is_plain_text

if TYPE_CHECKING:
    from .extension import BimlExtension

_HEADING = re.compile(r"h[1-6]")
# No leading \s*: searched for, a leading run of spaces would be retried from each space.
_HEADING_ID = re.compile(r"\{:?\s*#([A-Za-z0-9_-]+)\s*:?\}\s*$")


class HtmlBlockTreeprocessor(Treeprocessor):
    """Runs before the inline processors: on a generated page, what holds no inline
    syntax is left out of inline processing.

    * A paragraph standing for one raw HTML block (the ``<!-- biml:html N -->``
      placeholders the plugin fills) holds only Python-Markdown's stash
      placeholder, which no inline pattern matches;
    * a heading whose title is plain text (``is_plain_text``: a risk's title, as
      a rule) gets its ``{#anchor}`` id here, and its title as it is.

    Yet each inline processor (``smarty`` adds a second pass) would try every
    pattern on them: a generated page has one of each per risk. A plain title
    thus shows without what ``smarty`` or ``abbr`` would add, as BIML's text does.
    """

    def __init__(self, md: Markdown, extension: BimlExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        if not self.extension.page.generated:
            return
        for child in root:
            text = child.text
            if not text or len(child):
                continue
            if child.tag == "p" and HTML_PLACEHOLDER_RE.fullmatch(text):
                child.text = AtomicString(text)
            elif _HEADING.fullmatch(child.tag):
                _plain_heading(child, text)


class CalloutTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, extension: BimlExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        page = self.extension.page
        if page.generated:
            for heading in root.iter():
                if _HEADING.fullmatch(heading.tag):
                    _apply_heading_id(heading)
        if not (self.extension.callouts and page.expanded):
            return
        if page.stashed:
            self._stashed_callouts(root)
            return
        factory = self.extension.factory
        found = [
            (parent, index, child)
            for parent in root.iter()
            for index, child in enumerate(parent)
            if child.tag == "p" and factory.is_tag_only(child)
        ]
        # From the last: replacing a paragraph shifts the indexes after it.
        for parent, index, child in reversed(found):
            parent[index : index + 1] = factory.callouts_for(child)

    def _stashed_callouts(self, root: etree.Element) -> None:
        """Callouts where references went out as stashed HTML (final URLs).

        A paragraph of nothing but our placeholders gets one placeholder for
        its callouts; Python-Markdown puts block HTML stashed alone in a
        paragraph in place of the paragraph.
        """
        page = self.extension.page
        serialized = self.extension.serialized
        assert serialized is not None  # stashed HTML comes only with final URLs
        for paragraph in root.iter("p"):
            text = paragraph.text
            if len(paragraph) or not text or paragraph.attrib:
                continue
            placeholders = HTML_PLACEHOLDER_RE.findall(text)
            if not placeholders or HTML_PLACEHOLDER_RE.sub("", text).strip():
                continue
            cited = [page.stashed.get(_placeholder(number)) for number in placeholders]
            if not all(cited):
                continue  # someone else's stashed HTML shares the paragraph
            blocks = [
                f"<p>{html}</p>" if risk is None else serialized.html("callout", risk)
                for risk, html in filter(None, cited)
            ]
            paragraph.text = self.md.htmlStash.store("\n".join(blocks))


def _placeholder(number: str) -> str:
    return HTML_PLACEHOLDER % number


def _plain_heading(heading: etree.Element, text: str) -> None:
    """``## Title {#anchor}`` with a plain title: its id set, its title kept as it is."""
    found = _split_heading_id(text)
    if found is None or not is_plain_text(found[0], line_start=False):
        return
    title, anchor = found
    heading.set("id", anchor)
    heading.text = AtomicString(title)


def _apply_heading_id(heading: etree.Element) -> None:
    """``## Title {#anchor}`` on generated pages, with or without ``attr_list``."""
    last = heading[-1] if len(heading) else None
    found = _split_heading_id((last.tail if last is not None else heading.text) or "")
    if found is None:
        return
    stripped, anchor = found
    heading.set("id", anchor)
    if last is not None:
        last.tail = stripped
    else:
        heading.text = stripped


def _split_heading_id(text: str) -> tuple[str, str] | None:
    """The text before a heading's ``{#anchor}`` suffix, and the anchor; None without one."""
    match = _HEADING_ID.search(text)
    if match is None:
        return None
    return text[: match.start()].rstrip(), match.group(1)
