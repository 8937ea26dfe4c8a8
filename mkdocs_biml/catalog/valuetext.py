"""How messages name a value: its kind and its start, never the whole of it.

A catalogue's value may be a graph of aliases that would print as gigabytes,
or a number of thousands of digits: :func:`short_repr` builds only the
characters it shows. Every message that quotes a catalogue value or an option
goes through it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any


def describe_value(value: Any, *, quote: bool = True) -> str:
    """A value as a message names it: its kind, and (if ``quote``) its start."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"true/false ({value})" if quote else "true/false"
    for kind, word in ((dict, "a mapping"), (list, "a list"), (str, "text")):
        if isinstance(value, kind):
            start = _cut(value) if isinstance(value, str) else short_repr(value)
            return f"{word} ({start!r})" if quote else word
    if isinstance(value, (int, float)):
        return f"a number ({short_repr(value)})" if quote else "a number"
    return type(value).__name__


def close_matches(word: str, choices: Iterable[str], n: int = 3, cutoff: float = 0.6) -> list[str]:
    """The ``choices`` closest to ``word``, best first, for a message's "did you mean"."""
    # Imported here: only a message needs it, and a build that finds nothing wrong
    # would otherwise pay for the module at every start.
    import difflib  # noqa: PLC0415

    return difflib.get_close_matches(word, choices, n=n, cutoff=cutoff)


def short_repr(value: Any, width: int = 40) -> str:
    """``repr(value)`` cut to ``width`` characters, built no further than that.

    A YAML value may be a graph of aliases that would print as gigabytes, or a
    number of thousands of digits: only the characters shown are ever made.
    """
    text = ""
    for piece in _repr_pieces(value, width):
        text += piece
        if len(text) > width:
            break
    return _cut(text, width)


def _repr_pieces(value: Any, width: int) -> Iterator[str]:
    # Each container yields its bracket before its items, so the caller stops
    # within ``width`` levels whatever the depth.
    if isinstance(value, dict):
        yield "{"
        for position, (key, item) in enumerate(value.items()):
            yield ", " if position else ""
            yield from _repr_pieces(key, width)
            yield ": "
            yield from _repr_pieces(item, width)
        yield "}"
    elif isinstance(value, (list, tuple, set, frozenset)):  # !!pairs and !!set make the others
        yield "["
        for position, item in enumerate(value):
            yield ", " if position else ""
            yield from _repr_pieces(item, width)
        yield "]"
    elif isinstance(value, str):
        yield repr(value[: width + 1])[: -1 if len(value) > width + 1 else None]
    elif isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 128:
        yield f"<a number of {value.bit_length() * 3 // 10}+ digits>"
    else:
        yield repr(value)[: width + 1]


def _cut(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
