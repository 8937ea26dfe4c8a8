"""Load and validate a catalogue file into :class:`~mkdocs_biml.model.Catalog`.

Every problem is one :class:`CatalogError` naming the file, the line, the
field, what is wrong and what to do. A catalogue that fails any check is not
returned at all, so callers never see a half-loaded one.

The structure is checked against the JSON Schema shipped in
``schema/catalog.schema.json`` (the same file editors use), by a small
interpreter of the subset of JSON Schema that the file uses; this keeps one
source of truth for the format and gives errors with line numbers, which
generic validators cannot.
"""

from __future__ import annotations

import codecs
import difflib
import json
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from functools import cache, partial
from pathlib import Path
from typing import Any, NoReturn, cast

import yaml

from .model import (
    Catalog,
    Component,
    Control,
    Flow,
    License,
    Reference,
    Risk,
    Source,
    TopTenEntry,
)
from .overlay import merge_overlay
from .resolver import CatalogIndex, Resolution
from .texts import CitationToken, TagToken, TopTenToken, tokenize

PACKAGE_DIR = Path(__file__).parent
SCHEMA_PATH = PACKAGE_DIR / "schema" / "catalog.schema.json"
#: Built-in catalogues: in a wheel they sit in the package, in a source
#: checkout in the repository's top-level ``catalog/`` folder.
BUILTIN_DIRS = (PACKAGE_DIR / "catalog_data", PACKAGE_DIR.parent / "catalog")
BUILTIN_NAMES = ("biml-78", "biml-llm")
#: The catalogue every site has.
DEFAULT_CATALOG = "biml-78"


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
        super().__init__(f"{where}: {what}" + (f" ({hint})" if hint else ""))


# --------------------------------------------------------------------------- YAML


class _LocatedDict(dict[str, Any]):
    """A mapping that remembers the line of each of its keys."""

    line: int = 0
    lines: dict[str, int]


class _LocatedList(list[Any]):
    line: int = 0
    lines: list[int]


_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


_MERGE_TAG = "tag:yaml.org,2002:merge"
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> _LocatedDict:
    # Keys a merge (``<<: *defaults``) brings in may be overridden by the
    # mapping's own keys, as YAML specifies; only the mapping's own keys must be unique.
    own_keys = sum(1 for key_node, _ in node.value if key_node.tag != _MERGE_TAG)
    loader.flatten_mapping(node)
    merged_keys = len(node.value) - own_keys
    mapping = _LocatedDict()
    mapping.line, mapping.lines = node.start_mark.line + 1, {}
    own_lines: dict[str, int] = {}
    for position, (key_node, value_node) in enumerate(node.value):
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if not isinstance(key, str):
            raise _YamlProblem(line, f"key {key!r} is not text", _key_hint(key))
        if position >= merged_keys:
            if key in own_lines:
                raise _YamlProblem(
                    line,
                    f"duplicate key {key!r} (first at line {own_lines[key]})",
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


def _construct_sequence(loader: yaml.SafeLoader, node: yaml.SequenceNode) -> _LocatedList:
    items = _LocatedList(loader.construct_object(child, deep=True) for child in node.value)
    items.line = node.start_mark.line + 1
    items.lines = [child.start_mark.line + 1 for child in node.value]
    return items


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
    return loader


_CatalogYamlLoader = _make_yaml_loader(_BaseLoader)


class _YamlProblem(Exception):
    def __init__(self, line: int, problem: str, hint: str) -> None:
        super().__init__(problem)
        self.line, self.problem, self.hint = line, problem, hint


def _read_yaml(path: str, raw: bytes) -> _LocatedDict:
    text = _decode(path, raw)
    try:
        data = yaml.load(text, Loader=_CatalogYamlLoader)
    except _YamlProblem as exc:
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
    if not isinstance(data, _LocatedDict):
        raise CatalogError(
            path,
            1,
            "",
            f"the top level must be a mapping of fields, not {_describe(data)}",
            "start from the example in docs/catalog-format.md",
        )
    return data


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


# ------------------------------------------------------------------------- schema


@cache
def catalog_schema() -> Mapping[str, Any]:
    """The JSON Schema of the catalogue format, as shipped with the package."""
    return cast(Mapping[str, Any], json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))


_JSON_TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,),
    "array": (list,),
    "string": (str,),
    "integer": (int,),
    "boolean": (bool,),
}
_TYPE_WORDS = {
    "object": "a mapping",
    "array": "a list",
    "string": "text",
    "integer": "a whole number",
}


class _SchemaChecker:
    """Checks data against the subset of JSON Schema that ``catalog.schema.json`` uses."""

    def __init__(self, path: str, schema: Mapping[str, Any]) -> None:
        self.path, self.root = path, schema

    def check(self, value: Any, schema: Mapping[str, Any], field: str, line: int) -> None:
        if "$ref" in schema:
            name = schema["$ref"].rsplit("/", 1)[-1]
            schema = self.root["$defs"][name]
        if "const" in schema and value != schema["const"]:
            self._fail(line, field, f"must be {schema['const']!r}, not {value!r}")
        if "enum" in schema and value not in schema["enum"]:
            choices = ", ".join(map(str, schema["enum"]))
            self._fail(line, field, f"{value!r} is not one of: {choices}")
        expected = schema.get("type")
        if expected is not None:
            is_bool = isinstance(value, bool) and expected != "boolean"
            if is_bool or not isinstance(value, _JSON_TYPES[expected]):
                self._fail(
                    line,
                    field,
                    f"must be {_TYPE_WORDS[expected]}, not {_describe(value)}",
                    _type_hint(expected, value),
                )
        if isinstance(value, str):
            self._check_string(value, schema, field, line)
        elif isinstance(value, int) and "minimum" in schema and value < schema["minimum"]:
            self._fail(line, field, f"must be at least {schema['minimum']}, not {value}")
        elif isinstance(value, dict):
            self._check_object(value, schema, field, line)
        elif isinstance(value, list) and "items" in schema:
            lines = getattr(value, "lines", [line] * len(value))
            for index, (item, item_line) in enumerate(zip(value, lines)):
                self.check(item, schema["items"], f"{field}[{index}]", item_line)

    def _check_string(self, value: str, schema: Mapping[str, Any], field: str, line: int) -> None:
        if len(value.strip()) < schema.get("minLength", 0):
            self._fail(line, field, "must not be empty")
        if "pattern" in schema and _pattern(schema["pattern"]).search(value) is None:
            expected = _PATTERN_WORDS.get(schema["pattern"], f"text matching {schema['pattern']}")
            self._fail(line, field, f"{value!r} is not {expected}")

    def _check_object(
        self, value: dict[str, Any], schema: Mapping[str, Any], field: str, line: int
    ) -> None:
        properties = schema.get("properties", {})
        lines = getattr(value, "lines", {})
        # Unknown fields first: a misspelt field would otherwise be reported as
        # a missing one, which hides the real mistake.
        if schema.get("additionalProperties", True) is False:
            for name in value:
                if name not in properties:
                    close = difflib.get_close_matches(name, list(properties), n=1)
                    hint = (
                        f"did you mean {close[0]!r}?"
                        if close
                        else "known: " + ", ".join(properties)
                    )
                    self._fail(lines.get(name, line), _join(field, name), f"unknown field; {hint}")
        for name in schema.get("required", ()):
            if name not in value:
                self._fail(line, _join(field, name), "is required but missing")
        for name, item in value.items():
            if name in properties:
                self.check(item, properties[name], _join(field, name), lines.get(name, line))

    def _fail(
        self, line: int, field: str, problem: str, hint: str = "see docs/catalog-format.md"
    ) -> None:
        raise CatalogError(self.path, line, field, problem, hint)


#: The schema's patterns in words, for messages.
_PATTERN_WORDS = {
    "^[a-z0-9][a-z0-9-]*$": "lower-case letters, digits and hyphens (e.g. 'my-risks')",
    "^([A-Za-z][A-Za-z0-9-]*)?$": "a letter followed by letters, digits and hyphens (e.g. 'ACME')",
    "^[A-Za-z][A-Za-z0-9-]*$": "a letter followed by letters, digits and hyphens (e.g. 'data')",
    "^\\d{4}-\\d{2}-\\d{2}$": "a date written YYYY-MM-DD",
    "^[^\\[\\]:\\n]+$": "one line of text without ':', '[' or ']'",
}


@cache
def _pattern(expression: str) -> re.Pattern[str]:
    return re.compile(expression)


def _type_hint(expected: str, value: Any) -> str:
    if expected == "string" and isinstance(value, (bool, int, float)):
        # YAML turned the author's text into a number or a boolean: 1.10 became 1.1.
        return "put the value in quotes so that YAML keeps it as written"
    return "see docs/catalog-format.md"


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"true/false ({value})"
    for kind, word in ((dict, "a mapping"), (list, "a list"), (str, "text")):
        if isinstance(value, kind):
            return f"{word} ({_shorten(value)!r})"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    return type(value).__name__


def _shorten(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:39] + "…"


def _join(field: str, name: str) -> str:
    return f"{field}.{name}" if field else name


# -------------------------------------------------------------------- model build


class _Builder:
    """Turns validated YAML data into model objects, then checks cross-references."""

    def __init__(self, path: str, data: _LocatedDict) -> None:
        self.path, self.data = path, data

    def build(self) -> Catalog:
        data = self.data
        catalog = Catalog(
            id=data["id"],
            prefix=data.get("prefix", "") or "",
            extends=data.get("extends"),
            title=data["title"],
            short_title=data["short_title"],
            subtitle=data.get("subtitle"),
            authors=tuple(data["authors"]),
            publisher=data["publisher"],
            version=str(data["version"]),
            date=data.get("date"),
            sources=tuple(Source(s["title"], s["url"]) for s in data["sources"]),
            license=License(data["license"]["name"], data["license"]["url"]),
            attribution=data["attribution"],
            introduction=tuple(data.get("introduction", ())),
            top_ten_label=data.get("top_ten_label"),
            system_introduction=data.get("system_introduction"),
            references=self._references(),
            extra=dict(data.get("extra", {})),
            source_path=self.path,
        )
        catalog.components = tuple(
            self._component(catalog, item, line) for item, line in _items(data["components"])
        )
        self._check_unique_labels(catalog)
        catalog.flows = self._flows(catalog)
        index = CatalogIndex([catalog])
        catalog.top_ten = self._top_ten(index)
        self._check_texts(catalog, index)
        self._check_controls(catalog, index)
        return catalog

    def _references(self) -> tuple[Reference, ...]:
        seen: dict[int, int] = {}
        references = []
        for item, line in _items(self.data.get("references", [])):
            number = item["number"]
            if number in seen:
                self._fail(
                    line,
                    "references",
                    f"reference {number} is defined twice (first at line {seen[number]})",
                    "number references uniquely",
                )
            seen[number] = line
            references.append(
                Reference(
                    number=number,
                    key=item["key"],
                    title=item["title"],
                    authors=item.get("authors"),
                    venue=item.get("venue"),
                    year=item.get("year"),
                    url=item.get("url"),
                )
            )
        return tuple(references)

    def _component(self, catalog: Catalog, data: _LocatedDict, line: int) -> Component:
        layout = data.get("diagram")
        component = Component(
            catalog=catalog,
            label=data["label"],
            name=data["name"],
            kind=data["kind"],
            number=data.get("number"),
            introduction=tuple(data.get("introduction", ())),
            controls=tuple(Control(c["label"], c["text"]) for c in data.get("controls", ())),
            diagram=(layout["column"], layout["row"]) if layout else None,
            extra=dict(data.get("extra", {})),
        )
        risks = []
        seen: dict[tuple[int, str], int] = {}
        for item, risk_line in _items(data["risks"]):
            risk = Risk(
                component=component,
                number=item["number"],
                descriptor=item["descriptor"],
                title=item["title"],
                summary=" ".join(item["summary"].split()),
                description=item["description"].strip(),
                controls=tuple(Control(c["label"], c["text"]) for c in item.get("controls", ())),
                extra=dict(item.get("extra", {})),
                origin=f"{self.path}:{risk_line}",
            )
            key = (risk.number, risk.descriptor.casefold().replace("-", " ").replace("_", " "))
            if key in seen:
                self._fail(
                    risk_line,
                    f"risk [{risk.tag}]",
                    f"the same tag is defined twice (first at line {seen[key]})",
                    "give one of them another number or descriptor",
                )
            seen[key] = risk_line
            risks.append(risk)
        component.risks = tuple(risks)
        return component

    def _check_unique_labels(self, catalog: Catalog) -> None:
        seen: dict[str, int] = {}
        for component, line in zip(catalog.components, self.data["components"].lines):
            key = component.label.casefold()
            if key in seen:
                self._fail(
                    line,
                    "components",
                    f"component label {component.label!r} is used "
                    f"twice (first at line {seen[key]})",
                    "labels must be unique",
                )
            seen[key] = line

    def _flows(self, catalog: Catalog) -> tuple[Flow, ...]:
        flows = []
        for item, line in _items(self.data.get("flows", [])):
            for end in ("from", "to"):
                component = catalog.component(item[end])
                if component is None or component.is_system:
                    self._fail(
                        line,
                        f"flows.{end}",
                        f"{item[end]!r} is not a component label",
                        "use the label of one of the components",
                    )
            flows.append(Flow(item["from"], item["to"]))
        return tuple(flows)

    def _top_ten(self, index: CatalogIndex) -> tuple[TopTenEntry, ...]:
        entries = []
        seen: dict[int, int] = {}
        for item, _line in _items(self.data.get("top_ten", [])):
            rank, rank_line = item["rank"], item.lines["rank"]
            if rank in seen:
                self._fail(
                    rank_line,
                    f"top_ten rank {rank}",
                    f"rank {rank} is used twice (first at line {seen[rank]})",
                    "give each entry its own rank",
                )
            seen[rank] = rank_line
            risks = tuple(
                self._resolve(index, tag, tag_line, f"top_ten rank {rank}.risks")
                for tag, tag_line in _items(item["risks"])
            )
            entries.append(TopTenEntry(rank, item["name"], item["text"], risks))
        return tuple(entries)

    def _check_texts(self, catalog: Catalog, index: CatalogIndex) -> None:
        for text, line, field in self._texts():
            for token in tokenize(text, catalog, index):
                if isinstance(token, TagToken) and not token.resolution.resolved:
                    self._fail(
                        line,
                        field,
                        self._local_problem(token.resolution, token.written.strip("[]")),
                        "tags must name a risk of this catalogue",
                    )
                elif isinstance(token, TopTenToken) and token.entry is None:
                    self._fail(
                        line, field, f"{token.written} points at no Top Ten entry", "fix the rank"
                    )
                elif isinstance(token, CitationToken) and token.reference is None:
                    self._fail(
                        line,
                        field,
                        f"citation [^{token.number}] points at no reference",
                        "add the reference or fix the number",
                    )

    def _check_controls(self, catalog: Catalog, index: CatalogIndex) -> None:
        components = zip(catalog.components, _items(self.data["components"]))
        for component, (data, _line) in components:
            for control_data, line in _items(data.get("controls", [])):
                owner = control_data["label"].split(":", 1)[0]
                if owner.casefold() != component.label.casefold():
                    self._fail(
                        line,
                        "controls.label",
                        f"{control_data['label']!r} does not "
                        f"belong to component {component.label!r}",
                        f"write {component.label}:generic",
                    )
            for risk, (risk_data, _rl) in zip(component.risks, _items(data["risks"])):
                for control_data, line in _items(risk_data.get("controls", [])):
                    target = self._resolve(index, control_data["label"], line, "controls.label")
                    if target is not risk:
                        self._fail(
                            line,
                            "controls.label",
                            f"[{control_data['label']}] is a "
                            f"control of [{target.tag}], not of [{risk.tag}]",
                            "move the control under the risk it is about",
                        )

    def _texts(self) -> Iterator[tuple[str, int, str]]:
        """Every text that may hold tags or citations, with its line and field name."""
        data = self.data
        for item, line in _items(data.get("top_ten", [])):
            yield item["text"], line, f"top_ten rank {item['rank']}.text"
        for component, _ in _items(data["components"]):
            for paragraph, line in _items(component.get("introduction", [])):
                yield paragraph, line, f"component {component['label']}.introduction"
            for risk, _line in _items(component["risks"]):
                tag = f"{component['label']}:{risk['number']}:{risk['descriptor']}"
                yield risk["description"], risk.lines["description"], f"risk [{tag}].description"
                for control, control_line in _items(risk.get("controls", [])):
                    yield control["text"], control_line, f"risk [{tag}].controls"
        if "system_introduction" in data:
            yield (
                data["system_introduction"],
                data.lines["system_introduction"],
                "system_introduction",
            )

    def _resolve(self, index: CatalogIndex, tag: str, line: int, field: str) -> Risk:
        """Resolve a tag written inside this catalogue, where the prefix is implied."""
        prefix = self.data.get("prefix") or ""
        resolution = index.resolve(f"{prefix}:{tag}" if prefix else tag)
        if resolution.risk is not None:
            return resolution.risk
        self._fail(
            line,
            field,
            self._local_problem(resolution, tag),
            "tags must name a risk of this catalogue",
        )
        raise AssertionError  # unreachable: _fail raises

    def _local_problem(self, resolution: Resolution, written: str) -> str:
        """The resolver's message, with tags as written inside this catalogue: unprefixed.

        Inside its own file a catalogue's prefix is implied; suggesting a
        prefixed tag would send the author from one error to the next.
        """
        prefix = self.data.get("prefix") or ""
        if prefix and written.casefold().startswith(prefix.casefold() + ":"):
            return (
                f"[{written}] carries the catalogue's own prefix; inside the catalogue "
                f"write it without: [{written[len(prefix) + 1 :]}]"
            )
        message = resolution.problem() or f"[{written}] does not resolve"
        return message.replace(f"[{prefix}:", "[") if prefix else message

    def _fail(self, line: int, field: str, problem: str, hint: str) -> None:
        raise CatalogError(self.path, line, field, problem, hint)


def _items(values: Any) -> Iterator[tuple[Any, int]]:
    lines = getattr(values, "lines", None) or [getattr(values, "line", 0)] * len(values)
    return zip(values, lines)


# --------------------------------------------------------------------- public API


def builtin_catalog_path(name: str) -> Path | None:
    """Path of the built-in catalogue ``name`` (``biml-78``, ``biml-llm``), if it exists."""
    if name not in BUILTIN_NAMES:
        return None
    for folder in BUILTIN_DIRS:
        candidate = folder / f"{name}.yaml"
        if candidate.is_file():
            return candidate
    return None


def load_catalogs(
    sources: Iterable[str | os.PathLike[str]], base_dir: Path | None = None
) -> list[Catalog]:
    """The catalogues of a site: BIML-78 first, then each source once, in order.

    Sources are built-in names or paths relative to ``base_dir`` (the folder
    of ``mkdocs.yml``). A catalogue that extends another takes its place.
    """
    catalogs: list[Catalog] = []
    for source in dict.fromkeys([DEFAULT_CATALOG, *(os.fspath(s) for s in sources)]):
        catalog = load_catalog(source if builtin_catalog_path(source) else _shown(base_dir, source))
        replaced = next((i for i, c in enumerate(catalogs) if c.id == catalog.extends), None)
        if replaced is None:
            catalogs.append(catalog)
        else:
            catalogs[replaced] = catalog
    return catalogs


def _shown(base_dir: Path | None, source: str) -> str:
    """The file's path as messages show it: relative to the working folder when inside it."""
    path = Path(os.path.abspath((base_dir or Path()) / source))
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def load_catalog(source: str | os.PathLike[str] = "biml-78") -> Catalog:
    """Load a built-in catalogue by name, or a catalogue file by path.

    Results are cached by path and modification time (of the file and of the
    catalogue it extends, if any), so ``mkdocs serve`` reloads a catalogue only
    when one of its files changed.
    """
    name = os.fspath(source)
    path = builtin_catalog_path(name) or Path(name)
    label = f"<built-in {name}>" if name in BUILTIN_NAMES else name
    catalog = _load_cached(str(path.resolve()), label, *_stamp(path, label))
    if any(_stamp(Path(f), f) != stamp for f, stamp in catalog.depends_on[1:]):
        _load_cached.cache_clear()
        catalog = _load_cached(str(path.resolve()), label, *_stamp(path, label))
    return catalog


def _stamp(path: Path, label: str) -> tuple[int, int]:
    try:
        stat = path.stat()
    except OSError as exc:
        raise CatalogError(
            label,
            None,
            "",
            f"cannot read the catalogue: {exc.strerror}",
            f"built-in catalogues: {', '.join(BUILTIN_NAMES)}",
        ) from None
    return stat.st_mtime_ns, stat.st_size


@cache
def _load_cached(path: str, label: str, mtime_ns: int, size: int) -> Catalog:
    catalog = parse_catalog(Path(path).read_bytes(), label, base_dir=Path(path).parent)
    catalog.depends_on = ((path, (mtime_ns, size)), *catalog.depends_on[1:])
    return catalog


def parse_catalog(
    raw: bytes | str, path: str = "<string>", *, base_dir: Path | None = None
) -> Catalog:
    """Validate and build a catalogue from the bytes (or text) of a YAML file.

    A catalogue with ``extends`` is merged into the one it names (a built-in
    name, or a path relative to ``base_dir``) before it is built.
    """
    data = _read_yaml(path, raw.encode("utf-8") if isinstance(raw, str) else raw)
    definitions = catalog_schema()["$defs"]
    depends_on: tuple[tuple[str, tuple[int, int]], ...] = ((path, (0, 0)),)
    if "extends" in data:
        _SchemaChecker(path, catalog_schema()).check(
            data, definitions["overlay"], "", data.line or 1
        )
        base_path, base = _read_base(path, data, base_dir or Path.cwd())
        depends_on += ((str(base_path), _stamp(base_path, str(base_path))),)
        data = merge_overlay(base, data, partial(_overlay_failure, path))
        data["extends"] = base["id"]  # the catalogue it takes the place of in a site
        # The base passed this check alone, so whatever fails now is the overlay's.
        _SchemaChecker(path, catalog_schema()).check(
            data, definitions["catalog"], "", data.line or 1
        )
    else:
        _SchemaChecker(path, catalog_schema()).check(
            data, definitions["catalog"], "", data.line or 1
        )
    catalog = _Builder(path, data).build()
    catalog.depends_on = depends_on
    return catalog


def _read_base(path: str, overlay: _LocatedDict, base_dir: Path) -> tuple[Path, _LocatedDict]:
    """The data of the catalogue ``overlay`` extends, checked as a whole catalogue."""
    name = overlay["extends"]
    base_path = builtin_catalog_path(name) or base_dir / name
    line = overlay.lines.get("extends", overlay.line)
    if not base_path.is_file():
        raise CatalogError(
            path,
            line,
            "extends",
            f"no catalogue {name!r} to extend",
            f"name a built-in catalogue ({', '.join(BUILTIN_NAMES)}) or a file "
            "path relative to this file",
        )
    label = f"<built-in {name}>" if name in BUILTIN_NAMES else str(base_path)
    base = _read_yaml(label, base_path.read_bytes())
    if "extends" in base:
        raise CatalogError(
            path,
            line,
            "extends",
            f"{name!r} itself extends another catalogue",
            "extend the base catalogue directly: chains are not supported",
        )
    _SchemaChecker(label, catalog_schema()).check(
        base, catalog_schema()["$defs"]["catalog"], "", base.line or 1
    )
    return base_path, base


def _overlay_failure(path: str, line: int, field: str, problem: str, hint: str) -> NoReturn:
    raise CatalogError(path, line, field, problem, hint)
