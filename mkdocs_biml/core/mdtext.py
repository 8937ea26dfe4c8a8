"""Plain text as Markdown: the filters that put catalogue text into generated pages.

Generated pages are Markdown that a person may read and commit (``mkdocs-biml
generate``), so text is escaped only where Markdown, or an extension a site
commonly enables, would read it as syntax, and with a backslash wherever
Python-Markdown's own escapes cover the character. The rest of the text is
written as it is: a colon, a full stop or a hyphen in a sentence means nothing
to Markdown, and character references for them would only make the page
unreadable and slower to convert.
"""

from __future__ import annotations

import re

# Each alternative is one thing Markdown could misread; the first group that
# matches decides how it is written. Backslash escapes are used for characters
# in Python-Markdown's escape list; the others (pymdownx syntax: ~ ^ $ == ++
# :emoji: and magiclink URLs) get character references, since a backslash
# before them would show.
_LINE_START_RULES: tuple[tuple[str, str], ...] = (
    # Heading, quote, list, admonition, definition list, pymdownx blocks.
    (r"^[#>+!-]", "backslash"),
    (r"^\d+\.", "list-number"),
    # "\[" would open arithmatex's display math.
    (r"^[:=?/|\[]", "reference"),
)
_INLINE_RULES: tuple[tuple[str, str], ...] = (
    # Anywhere: escapes, code, emphasis, links and tags, attribute lists.
    (r"[\\`*\[\]{]", "backslash"),
    # An underscore between two letters or digits is never emphasis.
    (r"(?<![^\W_])_|_(?![^\W_])", "backslash"),
    # Raw HTML, autolinks and entities.
    (r"<(?=\S)", "&lt;"),
    (r"&(?=#?\w+;)", "&amp;"),
    # pymdownx: sub/superscript and arithmatex use single characters, mark,
    # insert and keys doubled ones, emoji :name: (a name without a letter is one
    # of four: the "3" of "inference:3:" is none), magiclink bare URLs and mails.
    (
        r"[~^$]|=(?==)|\+(?=\+)|:(?=(?:[\w+-]*[^\W\d_][\w+-]*|[+-]1|100|1234):|//)|@(?=\w)",
        "reference",
    ),
    (r"(?<=\bwww)\.", "backslash"),
    # A heading's closing hashes would be dropped.
    (r"#$", "backslash"),
)
_RULES = _LINE_START_RULES + _INLINE_RULES
_AT_LINE_START = re.compile("|".join(f"({pattern})" for pattern, _ in _RULES))
# The same groups, with the line-start ones unable to match.
_INLINE = re.compile(
    "|".join(
        f"({pattern})" if (pattern, how) in _INLINE_RULES else "((?!))" for pattern, how in _RULES
    )
)
# Every character some rule above starts with or needs (a list number its full stop):
# text without any of them is written as it is, without the rules' long search.
_MAY_NEED_ESCAPE = re.compile(r"[#>+!\-.:=?/|\[\]\\`*{_<&~^$@]")
_ANCHOR = re.compile(r"[A-Za-z0-9_-]+")


def _escape(match: re.Match[str]) -> str:
    how = _RULES[match.lastindex - 1][1] if match.lastindex else "backslash"
    text = match[0]
    if how == "backslash":
        return "\\" + text
    if how == "list-number":
        return text[:-1] + "\\."
    if how == "reference":
        return f"&#{ord(text)};"
    return how


def escape_markdown(text: str, line_start: bool = True) -> str:
    """Plain text as Markdown that renders as exactly that text (runs of spaces become one).

    ``line_start=False`` when the text follows other text on its line, where
    what starts a block (``#``, ``-``, ``1.``) means nothing.
    """
    text = single_spaces(text)
    if not _MAY_NEED_ESCAPE.search(text):
        return text.lstrip(" ") if line_start else text
    if line_start:  # indented, a block marker still counts; a paragraph drops the space
        return _AT_LINE_START.sub(_escape, text.lstrip(" "))
    return _INLINE.sub(_escape, text)


def is_plain_text(text: str, line_start: bool = True) -> bool:
    """Whether :func:`escape_markdown` writes ``text`` as it is: Markdown, and the
    extensions it knows of, read nothing in it but text (what only changes the look
    of text, such as ``smarty``'s quotes or ``abbr``'s abbreviations, aside).

    Such text can go into a page as HTML the plugin writes itself, skipping
    Markdown's inline processing, and show the same.
    """
    if "\n" in text or "\x02" in text:  # lines of their own; Python-Markdown's stash
        return False
    if not _MAY_NEED_ESCAPE.search(text):
        return True
    return (_AT_LINE_START if line_start else _INLINE).search(text) is None


def single_spaces(text: str) -> str:
    """``text`` with every run of whitespace one space, as ``re.sub(r"\\s+", " ", text)``
    makes it (str.split knows the same whitespace as ``\\s``), at a fraction of the cost:
    a catalogue's texts are long, their line breaks many."""
    words = text.split()
    if not words:
        return " " if text else ""
    single = " ".join(words)
    before = " " if text[0].isspace() else ""
    after = " " if text[-1].isspace() else ""
    return f"{before}{single}{after}"


def escape_cell(text: str, line_start: bool = True) -> str:
    """:func:`escape_markdown` for a table cell, where a bar would end the cell."""
    return escape_markdown(text, line_start).replace("|", "\\|")


def code_span(text: str) -> str:
    """``text`` as a Markdown code span, whatever backticks it holds."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    padding = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{padding}{text}{padding}{fence}"


def heading_id(anchor: str) -> str:
    """The ``{#anchor}`` suffix of a heading (a Jinja template cannot write ``{#``)."""
    if not _ANCHOR.fullmatch(anchor):
        raise ValueError(f"{anchor!r} cannot be a heading id")
    return "{#" + anchor + "}"


def markdown_url(url: str) -> str:
    """A URL safe as a Markdown link destination."""
    return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29")


__all__ = [
    "code_span",
    "escape_cell",
    "escape_markdown",
    "heading_id",
    "is_plain_text",
    "markdown_url",
    "single_spaces",
]
