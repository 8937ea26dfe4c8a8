"""Reading a catalogue's YAML: every mapping and list remembers its lines.

Duplicate keys (which YAML parsers silently collapse), encodings, control
characters (raw or written as escapes), runaway aliases and the usual YAML
slips each become one :class:`CatalogError` with the file, the line and what
to do. Messages quote values only through :func:`short_repr`, which never
builds more text than it shows.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable
from typing import Any, cast

import yaml
from yaml.constructor import SafeConstructor

from .usertext import CONTROL_HINT, control_character
from .valuetext import describe_value, short_repr
from .yamllimits import (
    MAX_BYTES,
    SAFE_LOADER,
    ExpansionProblem,
    check_expansion,
    may_expand,
)


class CatalogError(Exception):
    """A catalogue could not be loaded. ``str()`` is the message for the author."""

    def __init__(
        self, path: str, line: int | None, field: str, problem: str, hint: str = ""
    ) -> None:
        self.path, self.line, self.field, self.problem, self.hint = (
            path,
            line,
            field,
            problem,
            hint,
        )
        where = f"{path}:{line}" if line else path
        what = f"{field}: {problem}" if field else problem
        # A problem with an option's value has no file of its own: ``path`` is empty.
        message = f"{where}: {what}" if where else what
        super().__init__(message + (f" ({hint})" if hint else ""))


class LocatedDict(dict[str, Any]):
    """A mapping that remembers the line of each of its keys."""

    line: int = 0
    lines: dict[str, int]


class LocatedList(list[Any]):
    line: int = 0
    lines: list[int]


_BaseLoader = SAFE_LOADER


_MERGE_TAG = "tag:yaml.org,2002:merge"
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> LocatedDict:
    # Keys a merge (``<<: *defaults``) brings in may be overridden by the
    # mapping's own keys, as YAML specifies; only the mapping's own keys must be unique.
    own_keys = sum(1 for key_node, _ in node.value if key_node.tag != _MERGE_TAG)
    loader.flatten_mapping(node)
    merged_keys = len(node.value) - own_keys
    mapping = LocatedDict()
    mapping.line, mapping.lines = node.start_mark.line + 1, {}
    own_lines: dict[str, int] = {}
    for position, (key_node, value_node) in enumerate(node.value):
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if not isinstance(key, str):
            raise _YamlProblem(line, f"key {short_repr(key)} is not text", _key_hint(key))
        if position >= merged_keys:
            if key in own_lines:
                raise _YamlProblem(
                    line,
                    f"duplicate key {short_repr(key)} (first at line {own_lines[key]})",
                    "YAML keeps only one of them: remove or rename one",
                )
            own_lines[key] = line
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.lines[key] = line
    return mapping


def _key_hint(key: Any) -> str:
    if isinstance(key, bool):
        return "YAML reads yes/no/on/off/true/false as true or false: put the key in quotes"
    return "write the key as a word, or put it in quotes"


def _construct_sequence(loader: yaml.SafeLoader, node: yaml.SequenceNode) -> LocatedList:
    items = LocatedList(loader.construct_object(child, deep=True) for child in node.value)
    items.line = node.start_mark.line + 1
    items.lines = [child.start_mark.line + 1 for child in node.value]
    return items


def _construct_text(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> str:
    text = loader.construct_scalar(node)
    assert isinstance(text, str)
    found = control_character(text)
    if found:
        raise _YamlProblem(
            node.start_mark.line + 1,
            f"the control character {found} is not allowed in a catalogue",
            CONTROL_HINT,
        )
    return text


def _construct_number(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int:
    try:
        return SafeConstructor.construct_yaml_int(loader, node)
    except ValueError:  # Python refuses to read integers of thousands of digits
        raise _YamlProblem(
            node.start_mark.line + 1,
            "a number too long to read",
            "numbers in a catalogue have a few digits",
        ) from None


def _make_yaml_loader(base: type[yaml.SafeLoader]) -> type[yaml.SafeLoader]:
    """Safe loader on ``base`` that tracks lines, rejects duplicate keys, keeps dates as text.

    ``base`` is PyYAML's C loader when PyYAML was built with libyaml (faster),
    else its pure-Python one; both must report the same problems.
    """
    loader = cast(type[yaml.SafeLoader], type("CatalogYamlLoader", (base,), {}))
    # Dates stay strings: a catalogue's date is a label, not something to compute with.
    loader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != _TIMESTAMP_TAG]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
    loader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)
    loader.add_constructor("tag:yaml.org,2002:str", _construct_text)
    loader.add_constructor("tag:yaml.org,2002:int", _construct_number)
    return loader


_CatalogYamlLoader = _make_yaml_loader(_BaseLoader)


class _YamlProblem(Exception):
    def __init__(self, line: int, problem: str, hint: str) -> None:
        super().__init__(problem)
        self.line, self.problem, self.hint = line, problem, hint


def check_size(path: str, size: int) -> None:
    """Refuse a catalogue of more than :data:`MAX_BYTES` bytes before reading it."""
    if size > MAX_BYTES:
        raise CatalogError(
            path,
            None,
            "",
            f"{size:,} bytes is too large for a catalogue (at most {MAX_BYTES:,})",
            "is this the right file? BIML-78 is under 100 KB",
        )


def read_yaml(path: str, raw: bytes) -> LocatedDict:
    check_size(path, len(raw))
    text = _decode(path, raw)
    try:
        data = _load(text, raw)
    except (_YamlProblem, ExpansionProblem) as exc:
        raise CatalogError(path, exc.line, "", exc.problem, exc.hint) from None
    except yaml.MarkedYAMLError as exc:
        line, problem, hint = _explain_syntax_error(text, exc)
        raise CatalogError(path, line, "", problem, hint) from None
    except yaml.reader.ReaderError as exc:
        line = text[: exc.position].count("\n") + 1
        raise CatalogError(
            path,
            line,
            "",
            f"the control character U+{exc.character:04X} is not allowed in YAML",
            "remove it; most editors do not show it",
        ) from None
    except RecursionError:
        line, depth = _deepest_point(text)
        raise CatalogError(
            path,
            line,
            "",
            f"nested {depth} levels deep, too deep to read",
            "a catalogue needs only a few levels: look for runaway brackets",
        ) from None
    except yaml.YAMLError as exc:  # pragma: no cover - every known kind is handled above
        raise CatalogError(path, None, "", f"YAML error: {exc}", "fix the YAML") from None
    if data is None:
        raise CatalogError(path, 1, "", "the file is empty", "start from docs/catalog-format.md")
    if not isinstance(data, LocatedDict):
        # Named by its kind only: the file may be anything, a secret included.
        raise CatalogError(
            path,
            1,
            "",
            f"the top level must be a mapping of fields, not {describe_value(data, quote=False)}",
            "start from the example in docs/catalog-format.md",
        )
    return data


def _load(text: str, raw: bytes) -> Any:
    """The document's data, once :func:`check_expansion` has bounded what it expands to.

    ``raw``: the bytes ``text`` was decoded from (as UTF-8, with or without its mark).

    Aliases make the data a graph: a few lines can stand for billions of
    values, which any walk over the data (the schema check, a message) would
    take forever to visit. Checking the composed nodes first costs a walk
    over the nodes as written.
    """
    if not may_expand(text) and _texts_obey_rule(text):
        try:
            return _read_plain_document(raw)
        except _NotPlain:
            pass  # read again below, for the same data or for the message
    return _load_composed(text)


def _load_composed(text: str) -> Any:
    """The document's data as PyYAML composes and constructs it (every document the plain
    reader leaves, and the reference it must agree with)."""
    loader = _CatalogYamlLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        if may_expand(text):
            check_expansion(text, node, _BaseLoader)
        return loader.construct_document(node)
    finally:
        loader.dispose()


#: What YAML's reader lets through of the characters :func:`control_character` refuses:
#: line breaks of its own, and the backslash that starts an escape (``"\\x1a"``).
#: It refuses every other one written raw, in any document it reads whole.
_READER_LETS_THROUGH = ("\\", "\r", "\x85", "\u2028", "\u2029")


def _texts_obey_rule(text: str) -> bool:
    """Whether every text of the document ``text``, read without error, obeys the rule
    of :func:`control_character`: then no text needs a search of its own."""
    return not any(character in text for character in _READER_LETS_THROUGH)


class _NotPlain(Exception):
    """The document is not plain YAML, or not right: PyYAML's composer and constructor
    read it, as they read every document before."""


#: Deeper than this, a document is not plain: Python's recursion limit decides, as
#: before, what is too deep to read.
_PLAIN_DEPTH = 50
_STR_TAG = "tag:yaml.org,2002:str"
_INT_TAG = "tag:yaml.org,2002:int"


def _read_plain_document(raw: bytes) -> Any:
    """The data of a plain document, read from the parser's events, as PyYAML would build it.

    A catalogue is plain: one document of mappings, lists, texts and decimal
    numbers, without anchors, tags, merges or repeated keys. Composing its
    nodes, then building the data from them, costs most of a catalogue's load
    in PyYAML's bookkeeping for what a plain document does not have; the data
    is built here from the events instead. Anything else raises
    :class:`_NotPlain`, before any message: a document with a mistake is read
    again by PyYAML, which finds the mistake the message is about.

    The parser reads the UTF-8 bytes (already checked), which it would
    otherwise make again from the text.
    """
    if _CatalogYamlLoader.yaml_path_resolvers:  # tags would depend on where values are
        raise _NotPlain
    loader = _CatalogYamlLoader(raw)
    try:
        return _PlainDocument(loader).read()
    except yaml.YAMLError:
        raise _NotPlain from None
    finally:
        loader.dispose()


class _PlainDocument:
    """Builds the data of a plain document from its events (``Any``: PyYAML's have no types)."""

    def __init__(self, loader: yaml.SafeLoader) -> None:
        self.next_event: Callable[[], Any] = loader.get_event
        #: The tag the composer would give a scalar.
        self.resolve: Callable[[type[yaml.Node], str, tuple[bool, bool]], str] = loader.resolve
        #: The tag of each plain scalar met so far: keys repeat in every entry.
        self.plain_tags: dict[str, str] = {}

    def read(self) -> Any:
        _expect(self.next_event(), yaml.StreamStartEvent)
        _expect(self.next_event(), yaml.DocumentStartEvent)
        data = self.value(self.next_event(), 0)
        _expect(self.next_event(), yaml.DocumentEndEvent)
        _expect(self.next_event(), yaml.StreamEndEvent)
        return data

    def value(self, event: Any, depth: int) -> Any:
        kind = event.__class__
        if kind is yaml.ScalarEvent:
            return self.scalar(event)
        if kind is yaml.AliasEvent or event.anchor is not None or event.tag is not None:
            raise _NotPlain
        if depth >= _PLAIN_DEPTH:
            raise _NotPlain
        if kind is yaml.MappingStartEvent:
            return self.mapping(event, depth + 1)
        if kind is yaml.SequenceStartEvent:
            return self.sequence(event, depth + 1)
        raise _NotPlain

    def scalar(self, event: Any) -> str | int:
        """The value of a scalar: called directly for most, which are scalars."""
        if event.anchor is not None or event.tag is not None:
            raise _NotPlain
        text: str = event.value
        if not event.implicit[0]:  # quoted, or a block: text
            return text
        tag = self.plain_tags.get(text)
        if tag is None:
            tag = self.plain_tags[text] = self.resolve(yaml.ScalarNode, text, event.implicit)
        if tag == _STR_TAG:
            return text
        # What SafeConstructor makes of decimal digits (YAML 1.1 reads 010 as octal 8);
        # other forms are left to it.
        if (
            tag == _INT_TAG
            and text.isdigit()
            and len(text) < 19
            and (text == "0" or text[0] != "0")
        ):
            return int(text)
        raise _NotPlain

    def mapping(self, start: Any, depth: int) -> LocatedDict:
        mapping = LocatedDict()
        mapping.line, mapping.lines = start.start_mark.line + 1, {}
        lines, next_event, scalar = mapping.lines, self.next_event, self.scalar  # read once
        event = next_event()
        while event.__class__ is not _MAPPING_END:
            key = scalar(event) if event.__class__ is _SCALAR else None
            if key.__class__ is not str or key in lines:
                raise _NotPlain
            value = next_event()
            mapping[key] = scalar(value) if value.__class__ is _SCALAR else self.value(value, depth)
            lines[key] = event.start_mark.line + 1
            event = next_event()
        return mapping

    def sequence(self, start: Any, depth: int) -> LocatedList:
        items = LocatedList()
        items.line, items.lines = start.start_mark.line + 1, []
        lines, next_event, scalar = items.lines, self.next_event, self.scalar  # read once
        event = next_event()
        while event.__class__ is not _SEQUENCE_END:
            lines.append(event.start_mark.line + 1)
            items.append(scalar(event) if event.__class__ is _SCALAR else self.value(event, depth))
            event = next_event()
        return items


_SCALAR, _MAPPING_END, _SEQUENCE_END = yaml.ScalarEvent, yaml.MappingEndEvent, yaml.SequenceEndEvent


def _expect(event: Any, kind: type[yaml.Event]) -> None:
    if event.__class__ is not kind:
        raise _NotPlain


def _decode(path: str, raw: bytes) -> str:
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise CatalogError(path, 1, "", "the file is UTF-16, not UTF-8", "save it as UTF-8")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise CatalogError(
            path,
            line,
            "",
            f"not valid UTF-8 (byte 0x{raw[exc.start]:02x})",
            "save the file as UTF-8; it was probably saved as Latin-1 or Windows-1252",
        ) from None


#: The YAML mistakes people make most, keyed by phrases of PyYAML's messages (the C
#: and the pure-Python parsers word them differently), in words of our own.
_SYNTAX_MISTAKES = (
    (
        ("recursive",),
        "an alias points into its own anchor",
        "an alias *name cannot point into its own anchor &name",
    ),
    (
        ("tab character", "'\\t'"),
        "a tab character where YAML expects spaces",
        "indent with spaces, not tabs",
    ),
    (
        ("mapping values are not allowed",),
        "a ':' where YAML does not expect one",
        "check this line's indentation; text that contains ': ' must be in quotes",
    ),
    (
        ("undefined alias",),
        "an alias *name whose anchor &name is not defined",
        "define the anchor with &name before using it with *name",
    ),
)
_FLOW_CONTEXTS = {"while parsing a flow sequence": "[", "while parsing a flow mapping": "{"}


def _explain_syntax_error(text: str, exc: yaml.MarkedYAMLError) -> tuple[int | None, str, str]:
    """Line, problem and hint for a YAML syntax error, pointing at its likely cause.

    PyYAML reports where it gave up, which for an unclosed bracket or quote is
    lines after the mistake; the line of the opening bracket or quote is the
    one the author must fix.
    """
    problem = " ".join(filter(None, [exc.context, exc.problem]))
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else None
    bracket = _FLOW_CONTEXTS.get(exc.context or "")
    if bracket and exc.context_mark is not None and exc.context_mark.line + 1 != line:
        return (
            exc.context_mark.line + 1,
            f"YAML syntax error: the {bracket} opened here is not closed "
            f"(YAML gives up at line {line})",
            "close it, or check the commas between its items",
        )
    quote_line = _runaway_quote_start(text, exc.problem_mark)
    if quote_line is not None:
        return (
            quote_line,
            f"YAML syntax error: the quoted text starting here runs on to line {line}, "
            "where YAML gives up",
            "a closing quote is probably missing",
        )
    for phrases, mistake, hint in _SYNTAX_MISTAKES:
        if any(phrase in problem for phrase in phrases):
            return line, f"YAML syntax error: {mistake}", hint
    return line, f"YAML syntax error: {problem}", "fix the YAML"


def _runaway_quote_start(text: str, mark: yaml.Mark | None) -> int | None:
    """Start line of a multi-line quoted text ending where YAML gave up, if any."""
    if mark is None:
        return None
    last: yaml.Token | None = None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if (token.start_mark.line, token.start_mark.column) >= (mark.line, mark.column):
                break
            last = token
    except yaml.YAMLError:
        pass
    if (
        isinstance(last, yaml.ScalarToken)
        and last.style in ("'", '"')
        and last.start_mark.line < last.end_mark.line == mark.line
    ):
        return int(last.start_mark.line) + 1
    return None


def _deepest_point(text: str) -> tuple[int | None, int]:
    """Line where the nesting of ``text`` first reaches its maximum depth, and that depth.

    Walks the parser's events, which needs no recursion, unlike building the data.
    """
    depth, deepest, line = 0, 0, None
    try:
        for event in yaml.parse(text, Loader=_BaseLoader):
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > deepest and event.start_mark is not None:
                    deepest, line = depth, event.start_mark.line + 1
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        pass
    return line, deepest
