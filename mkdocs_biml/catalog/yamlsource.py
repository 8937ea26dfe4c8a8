"""Reading a catalogue's YAML: every mapping and list remembers its lines.

Duplicate keys (which YAML parsers silently collapse), encodings, control
characters (raw or written as escapes), runaway aliases and the usual YAML
slips each become one :class:`CatalogError` with the file, the line and what
to do. Messages quote values only through :func:`short_repr`, which never
builds more text than it shows.
"""

from __future__ import annotations

import codecs
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
        _check_key(key, line)
        if position >= merged_keys:
            _check_new_key(key, line, own_lines)
            own_lines[key] = line
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.lines[key] = line
    return mapping


def _check_key(key: Any, line: int) -> None:
    if not isinstance(key, str):
        raise _YamlProblem(line, f"key {short_repr(key)} is not text", _key_hint(key))


def _check_new_key(key: str, line: int, earlier: dict[str, int]) -> None:
    """``earlier``: the line of each key the mapping gave before this one."""
    if key in earlier:
        raise _YamlProblem(
            line,
            f"duplicate key {short_repr(key)} (first at line {earlier[key]})",
            "YAML keeps only one of them: remove or rename one",
        )


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
        data = _load(text)
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


def _load(text: str) -> Any:
    """The document's data, once :func:`check_expansion` has bounded what it expands to.

    Aliases make the data a graph: a few lines can stand for billions of
    values, which any walk over the data (the schema check, a message) would
    take forever to visit. Checking the composed nodes first costs a walk
    over the nodes as written.
    """
    loader = _CatalogYamlLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        if may_expand(text):
            check_expansion(text, node, _BaseLoader)
            return loader.construct_document(node)
        return _construct_tree(loader, node, _texts_obey_rule(text))
    finally:
        loader.dispose()


#: Deeper than this, PyYAML's own constructor builds the data, as it always did:
#: Python's recursion limit decides, as before, what is too deep to read.
_DIRECT_DEPTH = 50
_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_STR_TAG = "tag:yaml.org,2002:str"
_INT_TAG = "tag:yaml.org,2002:int"
#: Keys that ``flatten_mapping`` rewrites: ``<<`` merges, ``=`` values.
_FLATTENED_KEY_TAGS = (_MERGE_TAG, "tag:yaml.org,2002:value")


class _TooDeep(Exception):
    pass


#: What YAML's reader lets through of the characters :func:`control_character` refuses:
#: line breaks of its own, and the backslash that starts an escape (``"\\x1a"``).
#: It refuses every other one written raw, in any document it reads whole.
_READER_LETS_THROUGH = ("\\", "\r", "\x85", "\u2028", "\u2029")


def _texts_obey_rule(text: str) -> bool:
    """Whether every text of the document ``text``, read without error, obeys the rule
    of :func:`control_character`: then no text needs a search of its own."""
    return not any(character in text for character in _READER_LETS_THROUGH)


def _construct_tree(loader: yaml.SafeLoader, root: yaml.Node, texts_obey_rule: bool) -> Any:
    """The data of a document without aliases, the same as ``construct_document`` makes.

    PyYAML's constructor spends most of a catalogue's load on its bookkeeping
    for every node (shared and recursive nodes, constructor lookup, deferred
    generators), which a tree without aliases does not need: its plain
    mappings, lists, texts and numbers are built here directly, by the same
    rules, and any other node by PyYAML.
    """
    try:
        return _DirectConstruction(loader, texts_obey_rule).value(root, 0)
    except _TooDeep:
        loader.constructed_objects = {}
        return loader.construct_document(root)


class _DirectConstruction:
    def __init__(self, loader: yaml.SafeLoader, texts_obey_rule: bool) -> None:
        """``texts_obey_rule``: no text needs :func:`_construct_text`'s own check."""
        self.loader, self.texts_obey_rule = loader, texts_obey_rule

    def value(self, node: yaml.Node, depth: int) -> Any:
        tag = node.tag
        if isinstance(node, yaml.ScalarNode):
            if tag == _STR_TAG:
                return node.value if self.texts_obey_rule else _construct_text(self.loader, node)
            if tag == _INT_TAG:
                return _construct_number(self.loader, node)
        elif depth >= _DIRECT_DEPTH:
            raise _TooDeep
        elif isinstance(node, yaml.MappingNode) and tag == _MAP_TAG:
            return self.mapping(node, depth + 1)
        elif isinstance(node, yaml.SequenceNode) and tag == _SEQ_TAG:
            return self.sequence(node, depth + 1)
        return self.loader.construct_object(node, deep=True)

    def mapping(self, node: yaml.MappingNode, depth: int) -> LocatedDict:
        """As :func:`_construct_mapping`, whose merges this leaves to it."""
        pairs = node.value
        if any(key_node.tag in _FLATTENED_KEY_TAGS for key_node, _ in pairs):
            return _construct_mapping(self.loader, node)
        mapping = LocatedDict()
        mapping.line, mapping.lines = node.start_mark.line + 1, {}
        lines = mapping.lines
        for key_node, value_node in pairs:
            key = self.value(key_node, depth)
            line = key_node.start_mark.line + 1
            if not isinstance(key, str) or key in lines:
                _check_key(key, line)
                _check_new_key(key, line, lines)
            mapping[key] = self.value(value_node, depth)
            lines[key] = line
        return mapping

    def sequence(self, node: yaml.SequenceNode, depth: int) -> LocatedList:
        items = LocatedList(self.value(child, depth) for child in node.value)
        items.line = node.start_mark.line + 1
        items.lines = [child.start_mark.line + 1 for child in node.value]
        return items


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
