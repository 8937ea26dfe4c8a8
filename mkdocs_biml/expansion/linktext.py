"""The ``link_text`` option: a Python format string over a risk's fields, and its one rule.

Checked once, where the option is read (:class:`mkdocs_biml.host.config.LinkText`
for MkDocs, the extension's settings for hosts without MkDocs), so that
rendering a tag can never fail: only the known fields, by name, with format
specs that suit their type and widths a line can hold (a width of
99999999999 would ask for gigabytes of padding).
"""

from __future__ import annotations

import re
from string import Formatter

from ..catalog.usertext import control_character
from ..catalog.valuetext import short_repr

#: The fields ``link_text`` may use, and a value of each field's type.
LINK_TEXT_SAMPLES: dict[str, object] = {
    "title": "Title",
    "tag": "data:2:transfer",
    "label": "data",
    "number": 2,
    "descriptor": "transfer",
    "component": "Component",
    "catalog": "BIML-78",
}
LINK_TEXT_FIELDS = tuple(LINK_TEXT_SAMPLES)
#: Widest padding or longest precision a format spec may ask for.
MAX_WIDTH = 200

_WIDTH_AND_PRECISION = re.compile(
    r"^(?:.?[<>=^])?[-+ ]?z?#?0?(?P<width>\d*)[_,]?(?:\.(?P<precision>\d*))?[a-zA-Z%]?$"
)


def link_text_problem(text: str) -> str | None:
    """Why ``text`` cannot be ``link_text``, or ``None`` when it can."""
    fields = ", ".join("{" + name + "}" for name in LINK_TEXT_FIELDS)
    reason = _reason(text)
    if reason is None:
        return None
    return (
        f"{short_repr(text, 60)} is not valid ({reason}); it may use {fields}, e.g. {{number:03d}}"
    )


def _reason(text: str) -> str | None:
    found = control_character(text, name=True)
    if found:
        return f"it holds the control character {found}"
    try:
        parts = list(Formatter().parse(text))
    except ValueError as exc:
        return str(exc)
    for _literal, name, spec, _conversion in parts:
        if name is None:
            continue
        if name not in LINK_TEXT_SAMPLES:
            return f"unknown field {short_repr(name)}" if name else "a field without a name"
        if spec and "{" in spec:
            return f"a field inside the format of {{{name}}}"
        reason = _spec_reason(name, spec or "")
        if reason:
            return reason
    try:
        text.format(**LINK_TEXT_SAMPLES)
    except (ValueError, TypeError) as exc:
        return str(exc)
    return None


def _spec_reason(name: str, spec: str) -> str | None:
    match = _WIDTH_AND_PRECISION.match(spec)
    if match is None:
        return f"{short_repr(spec)} is not a format for {{{name}}}"
    for part in ("width", "precision"):
        digits = match.group(part) or "0"
        if len(digits) > 3 or int(digits) > MAX_WIDTH:
            return f"the {part} of {{{name}}} is over {MAX_WIDTH}"
    return None
