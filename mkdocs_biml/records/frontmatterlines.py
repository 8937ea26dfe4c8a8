"""Where a page's ``biml`` front matter and its entries stand in its source: the
lines that messages about them name (``frontmatter.py`` reads the entries)."""

from __future__ import annotations

import re

import yaml
from mkdocs.utils.meta import YAML_RE

FRONT_MATTER_KEY = "biml"
#: A line that starts the ``biml`` key, quoted or not.
BIML_KEY = re.compile(rf"[ \t]*['\"]?{FRONT_MATTER_KEY}['\"]?[ \t]*:")


def tag_text(key: object) -> str:
    """The tag of a front-matter key, written with or without its brackets."""
    text = str(key).strip()
    if text.startswith("[") and text.endswith("]"):
        text = text[1:-1].strip()
    return text


class EntryLocator:
    """Finds the source lines of the ``biml`` key and of its entries.

    YAML keeps one entry per key, so the first line at or below the ``biml``
    key that starts with the tag as a key is the entry's. The lines are read
    once, on the first problem, into a table from key to line: a page with
    thousands of faulty entries costs one pass, not one pass per entry.
    Without a source every line is ``None``.
    """

    def __init__(self, source: str) -> None:
        self._source = source
        self._key_line: int | None = None
        self._entries: dict[str, int] | None = None
        self._lines: list[str] = []
        self._entry_keys: dict[int, dict[str, int]] = {}

    def line_below(self, entry_line: int | None, key: str) -> int | None:
        """The line of ``key`` in the long-form entry at ``entry_line`` (the entry's own
        line when the key cannot be found, e.g. in a flow mapping on one line)."""
        if entry_line is None:
            return None
        keys = self._entry_keys.get(entry_line)
        if keys is None:
            keys = self._entry_keys[entry_line] = self._keys_below(entry_line)
        return keys.get(key, entry_line)

    def _keys_below(self, entry_line: int) -> dict[str, int]:
        """The keys of the long-form entry at ``entry_line`` and their lines, first
        one kept: read once per entry, however many of its keys are asked for."""
        keys: dict[str, int] = {}
        indent = _indent(self._lines[entry_line - 1])
        for number, line in enumerate(self._lines[entry_line:], start=entry_line + 1):
            key = _written_key(line)
            if key and _indent(line) <= indent:
                break
            if key:
                keys.setdefault(key, number)
        return keys

    def key_line(self) -> int | None:
        if self._entries is None:
            self._read()
        return self._key_line

    def entry_line(self, text: str) -> int | None:
        if self._entries is None:
            self._read()
        assert self._entries is not None
        return self._entries.get(text)

    def _read(self) -> None:
        self._entries = {}
        lines = _front_matter_block(self._source)
        self._key_line = next((n + 1 for n, line in enumerate(lines) if BIML_KEY.match(line)), None)
        self._lines = lines
        if self._key_line is None:
            return
        for number, line in enumerate(lines[self._key_line - 1 :], start=self._key_line):
            for part in _FLOW_SEPARATOR.split(line) if "{" in line else (line,):
                key = _written_key(part)
                if key:
                    self._entries.setdefault(key, number)


_FLOW_SEPARATOR = re.compile(r"[{,]")
_KEY_END = re.compile(r":(?=\s|$)")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _written_key(part: str) -> str:
    """The tag a YAML line (or a flow mapping's item) gives as its key, or ""."""
    part = part.strip()
    if part.startswith("? "):  # an explicit key, the YAML way to write a long one
        part = part[2:].strip() + ":"
    quoted = _QUOTED_KEY.match(part)
    if quoted is not None:
        return tag_text(_unquoted(quoted.group(1)))
    end = _KEY_END.search(part)
    return tag_text(part[: end.start()]) if end is not None else ""


# A quoted key followed by ':': "..." with backslash escapes, '...' with ''.
_QUOTED_KEY = re.compile(r"""("(?:[^"\\]|\\.)*"|'(?:[^']|'')*')\s*:""")


def _unquoted(scalar: str) -> str:
    """The text of a quoted YAML scalar (escapes such as ``\\e`` decoded)."""
    if scalar[0] == "'":
        return scalar[1:-1].replace("''", "'")
    if "\\" not in scalar:
        return scalar[1:-1]
    try:
        value = yaml.safe_load(scalar)
    except yaml.YAMLError:
        return ""
    return value if isinstance(value, str) else ""


def _front_matter_block(source: str) -> list[str]:
    """Lines of ``source`` up to the end of its front matter (the rest is Markdown)."""
    match = YAML_RE.match(source)
    if match is not None:
        return source[: match.end()].splitlines()
    # MultiMarkdown-style metadata: 'key: value' lines up to the first blank line.
    block = []
    for line in source.splitlines():
        if not line.strip():
            break
        block.append(line)
    return block
