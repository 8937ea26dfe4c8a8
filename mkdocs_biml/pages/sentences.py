"""The plugin's own sentences on generated pages: HTML it writes itself when they are
plain text and links, Markdown otherwise.

A sentence is a string of :mod:`mkdocs_biml.core.i18n` (the site's language, or the
site's own words) with its placeholders filled. Links come two ways: the string
may hold one (``[{catalog}]({url})``: the value of ``url`` is then a source path),
or a value may be one (:class:`PageLink`, or a list of them, written with commas).

Converting such a sentence is most of what Markdown costs a generated page: every
inline pattern tries every piece of it, and MkDocs resolves each link. When the
sentence is plain text (:func:`~mkdocs_biml.core.mdtext.is_plain_text`: Markdown
would show it as it is) apart from its links, the plugin writes the paragraph as
HTML, its links to source paths as the other fragments' links are (``biml-src:``);
what only changes the look of text (``smarty``, ``abbr``) is then not applied. A
sentence with anything else (a site's own words may use Markdown) stays Markdown.
"""

from __future__ import annotations

import html
import re
import string
from collections.abc import Callable, Mapping, Sequence

from ..core.i18n import Strings
from ..core.mdtext import escape_markdown, is_plain_text
from ..frozen import Frozen
from .placeholders import source_href


class PageLink(Frozen):
    """A link to the source path ``target`` (``path#anchor``), reading ``text``."""

    text: str
    target: str


#: A value: plain text, a link, or links (comma-separated).
Value = str | PageLink | Sequence[PageLink]

# "[text]({name})" in a string: the value of {name} is the link's target.
_LINK_IN_STRING = re.compile(r"\[([^\[\]]*)\]\(\{(\w+)\}\)")
_SEPARATOR = ", "


def sentence_html(strings: Strings, key: str, values: Mapping[str, Value]) -> str | None:
    """The string ``key`` with ``values`` as the HTML inside a paragraph; None unless all
    its text, the links' included, is plain."""
    shown: list[str] = []  # the text a reader sees, to check as Markdown would read it
    parts: list[str] = []
    text = strings[key]
    position = 0
    for match in _LINK_IN_STRING.finditer(text):
        if not _add_filled(text[position : match.start()], values, shown, parts):
            return None
        inner: list[str] = []
        target = values.get(match[2])
        if not isinstance(target, str) or not _add_filled(match[1], values, shown, inner):
            return None
        parts.append(_anchor(target, "".join(inner)))
        position = match.end()
    if not _add_filled(text[position:], values, shown, parts):
        return None
    return "".join(parts) if is_plain_text("".join(shown)) else None


def sentence_markdown(
    strings: Strings, key: str, values: Mapping[str, Value], destination: Callable[[str], str]
) -> str:
    """The string ``key`` with ``values`` as Markdown: text escaped, each link's target
    made a link destination by ``destination``."""
    targets = {match[2] for match in _LINK_IN_STRING.finditer(strings[key])}

    def markdown(name: str, value: Value) -> str:
        if name in targets and isinstance(value, str):
            return destination(value)
        if isinstance(value, str):
            return escape_markdown(value)
        return _SEPARATOR.join(
            f"[{escape_markdown(link.text)}]({destination(link.target)})" for link in _links(value)
        )

    return strings(key, **{name: markdown(name, value) for name, value in values.items()})


def _add_filled(
    template: str, values: Mapping[str, Value], shown: list[str], parts: list[str]
) -> bool:
    """Add a piece of a string, its placeholders filled, to what is shown and to the HTML;
    False if it holds anything but text and placeholders (a link of its own)."""
    if "[" in template or "]" in template:
        return False
    for literal, name, _, _ in string.Formatter().parse(template):
        shown.append(literal)
        parts.append(html.escape(literal, quote=False))
        if name is None:
            continue
        value = values.get(name)
        if value is None:
            return False
        if isinstance(value, str):
            shown.append(value)
            parts.append(html.escape(value, quote=False))
            continue
        for number, link in enumerate(_links(value)):
            if number:
                shown.append(_SEPARATOR)
                parts.append(_SEPARATOR)
            if not is_plain_text(link.text, line_start=False):
                return False
            shown.append(link.text)
            parts.append(_anchor(link.target, html.escape(link.text, quote=False)))
    return True


def _links(value: PageLink | Sequence[PageLink]) -> Sequence[PageLink]:
    return [value] if isinstance(value, PageLink) else value


def _anchor(target: str, inner_html: str) -> str:
    return f'<a href="{html.escape(source_href(target))}">{inner_html}</a>'


__all__ = ["PageLink", "Value", "sentence_html", "sentence_markdown"]
