"""The one rule for text a user gives: a catalogue's texts, front matter's owner and
note, and the names and words of the plugin's options.

Such text reaches terminals, HTML, SVG, JSON and CSV, and Python-Markdown's
own placeholders: it may hold tabs and line breaks (a name, not even those),
no other control character, however YAML let it be written (``"\\x1a"``,
``"\\e[31m"``, ``"\\N"``). Messages quote a value through
:func:`~mkdocs_biml.catalog.valuetext.describe_value`, never whole.
"""

from __future__ import annotations

import re

from .valuetext import describe_value

#: Characters no text or key may hold, however they are written (YAML refuses
#: most of them raw, but accepts them as escapes such as "\\x1a"): C0 controls
#: but tab and line feed, DEL, C1 controls (U+0085 included), the Unicode line
#: and paragraph separators, lone surrogates and non-characters. Terminals obey
#: them, Python-Markdown uses STX/ETX as its placeholders, and HTML or UTF-8
#: output cannot carry some of them.
FORBIDDEN_CHARACTERS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]"
)
#: A name (of a status, an assessment, a section) is one line: no tab or line feed either.
FORBIDDEN_IN_NAMES = re.compile(f"[\t\n{FORBIDDEN_CHARACTERS.pattern[1:-1]}]")

#: What to do about a control character, for every message that refuses one.
CONTROL_HINT = (
    "remove it: texts may hold tabs and line breaks, no other control characters, "
    "also not written as escapes"
)


def control_character(text: str, *, name: bool = False) -> str | None:
    """The first character of ``text`` the rule refuses, as ``U+001B``; None: none.

    ``name``: ``text`` is a name, which is one line (no tab or line break).
    """
    found = (FORBIDDEN_IN_NAMES if name else FORBIDDEN_CHARACTERS).search(text)
    return f"U+{ord(found.group()):04X}" if found else None


def text_problem(value: object, *, name: bool = False) -> str | None:
    """Why ``value`` is not a user's text (or, with ``name``, a name); None: it is.

    The reason reads after the thing's name: "the owner of [x] must be text, ...".
    """
    if not isinstance(value, str):
        hint = (
            " (put it in quotes so that YAML keeps it as written)"
            if isinstance(value, (bool, int, float))
            else ""
        )
        return f"must be text, not {describe_value(value)}{hint}"
    found = control_character(value, name=name)
    if found is None:
        return None
    if name and found in ("U+0009", "U+000A"):
        return f"must be one line, without tabs or line breaks ({describe_value(value)})"
    return f"holds the control character {found} ({CONTROL_HINT})"
