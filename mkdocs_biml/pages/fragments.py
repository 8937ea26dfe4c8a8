"""The HTML fragments of one generated page, and where they go once Markdown is done.

A template puts HTML the plugin writes itself (BIML's text, the table of risks,
the diagram) into a page as a ``<!-- biml:html N -->`` placeholder. Markdown
reads each placeholder as a block of its own, at about the price of a line of
prose, and a component page had one after every heading. So before the page
goes to Markdown, :meth:`PageFragments.compact` takes most of them out:

* placeholders in a row (only blank lines between) become one, standing for
  their fragments joined;
* a placeholder right after a heading with its fixed id (``## Title {#anchor}``)
  goes, and its fragment is put after that heading instead: in the converted
  HTML after the heading element with that id (:meth:`PageFragments.fill_html`),
  in Markdown for hosts without the plugin after the heading's line
  (:meth:`PageFragments.fill_markdown`).

A fragment whose heading is not found in the converted page (a plugin changed
its id) is put at the page's end, and :meth:`PageFragments.fill_html` names its
heading, so nothing is dropped.
"""

from __future__ import annotations

import re

from .placeholders import FRAGMENT, FRAGMENT_RUN, fragment_placeholder

# A Markdown heading ending with its fixed id (the anchor, group 1), to the line's end.
_HEADING_LINE = r"^(#{1,6}[ \t][^\n]*\{#([A-Za-z0-9_-]+)\})[ \t]*"
_MARKDOWN_HEADING = re.compile(_HEADING_LINE + "$", re.MULTILINE)
# The same heading, then, after blank lines, a placeholder line (its number, group 3).
_HEADING_THEN_FRAGMENT = re.compile(
    _HEADING_LINE + r"\n(?:[ \t]*\n)+<!-- biml:html ([0-9]+) -->[ \t]*$", re.MULTILINE
)
# A heading element with an id, as Python-Markdown writes it.
_HTML_HEADING = re.compile(r"<h([1-6])\b[^>]*?\sid=\"([^\"]+)\"[^>]*>.*?</h\1>", re.DOTALL)


class PageFragments:
    """The fragments of one page, by number, and which of them follow which heading."""

    def __init__(self) -> None:
        self.fragments: list[str] = []
        #: Heading id -> the fragment put after that heading.
        self.after_heading: dict[str, int] = {}

    def keep(self, html: str) -> str:
        """The placeholder for ``html``, the page's next fragment."""
        self.fragments.append(html)
        return fragment_placeholder(len(self.fragments) - 1)

    def compact(self, markdown: str) -> str:
        """``markdown`` with placeholders in a row joined, and those after a heading gone."""
        if not self.fragments:
            return markdown
        markdown = FRAGMENT_RUN.sub(self._join, markdown)
        return _HEADING_THEN_FRAGMENT.sub(self._follow_heading, markdown)

    def _join(self, match: re.Match[str]) -> str:
        numbers = [int(number) for number in FRAGMENT.findall(match[0])]
        self.fragments[numbers[0]] = "\n".join(self.fragments[number] for number in numbers)
        return fragment_placeholder(numbers[0])

    def _follow_heading(self, match: re.Match[str]) -> str:
        self.after_heading[match[2]] = int(match[3])
        return match[1]

    def fill_html(self, html: str) -> tuple[str, list[str]]:
        """The converted page with every fragment in place (links still name source paths),
        and the ids of the headings not found in it, whose fragments went to its end."""
        unplaced: list[str] = []
        if self.after_heading:
            placed: set[str] = set()

            def follow(match: re.Match[str]) -> str:
                number = self.after_heading.get(match[2])
                if number is None or match[2] in placed:
                    return match[0]
                placed.add(match[2])
                return f"{match[0]}\n{self.fragments[number]}"

            # Before the placeholders are filled: only the page's own headings count.
            html = _HTML_HEADING.sub(follow, html)
            unplaced = [anchor for anchor in self.after_heading if anchor not in placed]
            if unplaced:
                rest = (self.fragments[self.after_heading[anchor]] for anchor in unplaced)
                html = "\n".join([html, *rest])
        return self._filled(html), unplaced

    def fill_markdown(self, markdown: str) -> str:
        """The page's Markdown with every fragment in place, as a block of HTML."""

        def follow(match: re.Match[str]) -> str:
            number = self.after_heading.get(match[2])
            return match[0] if number is None else f"{match[0]}\n\n{self.fragments[number]}"

        if self.after_heading:
            markdown = _MARKDOWN_HEADING.sub(follow, markdown)
        return self._filled(markdown)

    def _filled(self, text: str) -> str:
        return FRAGMENT.sub(lambda match: self.fragments[int(match[1])], text)


__all__ = ["PageFragments"]
