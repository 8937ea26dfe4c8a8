"""Checking catalogue data against the JSON Schema shipped with the package.

A small interpreter of the subset of JSON Schema that
``schema/catalog.schema.json`` uses: one source of truth for the format (the
file editors use), with errors that carry line numbers, which generic
validators cannot give.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable, Mapping
from functools import cache, partial
from typing import Any, cast

from ..resources import CATALOG_SCHEMA
from .valuetext import describe_value, short_repr
from .yamlsource import CatalogError

#: The pattern of every URL field (``$defs/web_url``): an absolute http or
#: https address, with no space or control character anywhere (browsers drop
#: those from URLs, so that `` java\tscript:`` is still a script). Anything else,
#: ``javascript:``, ``data:``, a protocol-relative ``//host``, a relative path,
#: would become a link on every generated page.
WEB_ADDRESS = "^[Hh][Tt][Tt][Pp][Ss]?://[^\\s/?#][^\\s]*$"


@cache
def catalog_schema() -> Mapping[str, Any]:
    """The JSON Schema of the catalogue format, as shipped with the package."""
    return cast(Mapping[str, Any], json.loads(CATALOG_SCHEMA.read_text(encoding="utf-8")))


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


#: Where a value sits, for messages: the field given to :meth:`SchemaChecker.check`,
#: or (where its container sits, its key or index). Spelt out only for a message.
Where = str | tuple["Where", str | int]


class SchemaChecker:
    """Checks data against the subset of JSON Schema that ``catalog.schema.json`` uses."""

    def __init__(self, path: str, schema: Mapping[str, Any]) -> None:
        self.path, self.root = path, schema
        self.definitions = schema["$defs"]
        #: The quick test of each part of the schema (by ``id``) met so far.
        self._quick_tests: dict[int, QuickTest] = {}

    def check(self, value: Any, schema: Mapping[str, Any], field: str, line: int) -> None:
        """Raise :class:`CatalogError` at the first part of ``value`` that ``schema`` refuses.

        A value that passes the quick test passes the check; any other is
        checked part by part, for the message.
        """
        if not self._quick_test(schema)(value):
            self._check(value, schema, field, line)

    def _check(self, value: Any, schema: Mapping[str, Any], where: Where, line: int) -> None:
        if "$ref" in schema:
            schema = self.definitions[schema["$ref"].rsplit("/", 1)[-1]]
        if "const" in schema and value != schema["const"]:
            self._fail(line, where, f"must be {schema['const']!r}, not {short_repr(value)}")
        if "enum" in schema and value not in schema["enum"]:
            choices = ", ".join(map(str, schema["enum"]))
            self._fail(line, where, f"{short_repr(value)} is not one of: {choices}")
        expected = schema.get("type")
        if expected is not None:
            is_bool = isinstance(value, bool) and expected != "boolean"
            if is_bool or not isinstance(value, _JSON_TYPES[expected]):
                self._fail(
                    line,
                    where,
                    f"must be {_TYPE_WORDS[expected]}, not {describe_value(value)}",
                    _type_hint(expected, value),
                )
        if isinstance(value, str):
            self._check_string(value, schema, where, line)
        elif isinstance(value, int) and "minimum" in schema and value < schema["minimum"]:
            self._fail(line, where, f"must be at least {schema['minimum']}, not {value}")
        elif isinstance(value, dict):
            self._check_object(value, schema, where, line)
        elif isinstance(value, list) and "items" in schema:
            items = schema["items"]
            lines = getattr(value, "lines", [line] * len(value))
            for index, (item, item_line) in enumerate(zip(value, lines)):
                self._check(item, items, (where, index), item_line)

    def _check_string(self, value: str, schema: Mapping[str, Any], where: Where, line: int) -> None:
        if len(value.strip()) < schema.get("minLength", 0):
            self._fail(line, where, "must not be empty")
        if "pattern" in schema and _pattern(schema["pattern"]).search(value) is None:
            expected = _PATTERN_WORDS.get(schema["pattern"], f"text matching {schema['pattern']}")
            self._fail(
                line, where, f"{short_repr(value, 60)} is not {expected}", _pattern_hint(schema)
            )

    def _check_object(
        self, value: dict[str, Any], schema: Mapping[str, Any], where: Where, line: int
    ) -> None:
        properties = schema.get("properties", {})
        lines = getattr(value, "lines", {})
        # Unknown fields first: a misspelt field would otherwise be reported as
        # a missing one, which hides the real mistake.
        if (
            schema.get("additionalProperties", True) is False
            and not value.keys() <= properties.keys()
        ):
            self._fail_unknown(value, properties, where, line)
        for name in schema.get("required", ()):
            if name not in value:
                self._fail(line, (where, name), "is required but missing")
        for name, item in value.items():
            if name in properties:
                self._check(item, properties[name], (where, name), lines.get(name, line))

    def _fail_unknown(
        self, value: dict[str, Any], properties: Mapping[str, Any], where: Where, line: int
    ) -> None:
        """Report the first field of ``value`` that ``properties`` does not name."""
        lines = getattr(value, "lines", {})
        for name in value:
            if name not in properties:
                close = difflib.get_close_matches(name, list(properties), n=1)
                hint = (
                    f"did you mean {short_repr(close[0])}?"
                    if close
                    else "known: " + ", ".join(properties)
                )
                self._fail(lines.get(name, line), (where, name), f"unknown field; {hint}")

    def _fail(
        self, line: int, where: Where, problem: str, hint: str = "see docs/catalog-format.md"
    ) -> None:
        raise CatalogError(self.path, line, _field(where), problem, hint)

    # -- quick tests ------------------------------------------------------------------
    #
    # Checking part by part interprets the schema for every value, with the field
    # and line each message needs: most of a catalogue's load, for the answer
    # "nothing wrong". A quick test answers that alone, with each part of the
    # schema turned into a function once. It must never pass a value the check
    # refuses (it may refuse one the check passes: that value is then checked
    # part by part), so it knows the common kinds of schema parts and leaves
    # any other to the check itself.

    def _quick_test(self, schema: Mapping[str, Any]) -> QuickTest:
        key = id(schema)
        test = self._quick_tests.get(key)
        if test is None:

            def made_later(value: Any) -> bool:
                return self._quick_tests[key](value)

            # A part that refers back to this one, made meanwhile, finds it through this.
            self._quick_tests[key] = made_later
            test = self._quick_tests[key] = self._make_quick_test(schema)
        return test

    def _make_quick_test(self, schema: Mapping[str, Any]) -> QuickTest:
        if "$ref" in schema:
            return self._quick_test(self.definitions[schema["$ref"].rsplit("/", 1)[-1]])
        keywords = _KEYWORDS.intersection(schema)
        kind = schema.get("type")
        if kind == "string" and keywords <= {"type", "minLength", "pattern"}:
            return _quick_string_test(schema.get("minLength", 0), schema.get("pattern"))
        if kind == "integer" and keywords <= {"type", "minimum"}:
            minimum = schema.get("minimum")
            return lambda value: value.__class__ is int and (minimum is None or value >= minimum)
        if kind == "array" and keywords <= {"type", "items"}:
            return self._quick_list_test(schema.get("items"))
        if kind == "object" and keywords <= {"type", *_OBJECT_KEYWORDS}:
            return self._quick_object_test(schema)
        if keywords == {"const"}:
            const = schema["const"]
            return lambda value: value.__class__ is const.__class__ and value == const
        if keywords == {"enum"} and all(isinstance(choice, str) for choice in schema["enum"]):
            choices = frozenset(schema["enum"])
            return lambda value: value.__class__ is str and value in choices
        return partial(self._passes_check, schema)

    def _passes_check(self, schema: Mapping[str, Any], value: Any) -> bool:
        try:
            self._check(value, schema, "", 0)
        except CatalogError:
            return False
        return True

    def _quick_list_test(self, items: Mapping[str, Any] | None) -> QuickTest:
        item_test = self._quick_test(items) if items is not None else None

        def test(value: Any) -> bool:
            if not isinstance(value, list):
                return False
            if item_test is not None:
                for item in value:
                    if not item_test(item):
                        return False
            return True

        return test

    def _quick_object_test(self, schema: Mapping[str, Any]) -> QuickTest:
        properties = schema.get("properties", {})
        tests = {name: self._quick_test(part) for name, part in properties.items()}
        closed = schema.get("additionalProperties", True) is False
        required = tuple(schema.get("required", ()))

        def test(value: Any) -> bool:
            if not isinstance(value, dict) or (closed and not value.keys() <= tests.keys()):
                return False
            for name in required:
                if name not in value:
                    return False
            for name, item in value.items():
                item_test = tests.get(name)
                if item_test is not None and not item_test(item):
                    return False
            return True

        return test


#: Whether a value passes a part of the schema, as far as a quick look can tell.
QuickTest = Callable[[Any], bool]
#: The keywords :class:`SchemaChecker` obeys; it ignores others (``description``, ``format``).
_OBJECT_KEYWORDS = ("properties", "additionalProperties", "required")
_KEYWORDS = frozenset(
    ("$ref", "const", "enum", "type", "minLength", "pattern", "minimum", "items", *_OBJECT_KEYWORDS)
)


def _quick_string_test(min_length: int, pattern: str | None) -> QuickTest:
    def test(value: Any) -> bool:
        return (
            value.__class__ is str
            and (min_length == 0 or len(value.strip()) >= min_length)
            # Compiled on first use: many catalogues leave fields with patterns out.
            and (pattern is None or _pattern(pattern).search(value) is not None)
        )

    return test


def _field(where: Where) -> str:
    """The field's name in messages: ``components[3].risks[0].title``."""
    if isinstance(where, str):
        return where
    container, part = where
    field = _field(container)
    return f"{field}[{part}]" if isinstance(part, int) else _join(field, part)


#: The schema's patterns in words, for messages.
_PATTERN_WORDS = {
    "^[a-z0-9][a-z0-9-]*$": "lower-case letters, digits and hyphens (e.g. 'my-risks')",
    "^([A-Za-z][A-Za-z0-9-]*)?$": "a letter followed by letters, digits and hyphens (e.g. 'ACME')",
    "^[A-Za-z][A-Za-z0-9-]*$": "a letter followed by letters, digits and hyphens (e.g. 'data')",
    "^\\d{4}-\\d{2}-\\d{2}$": "a date written YYYY-MM-DD",
    "^[^\\[\\]:\\n]+$": "one line of text without ':', '[' or ']'",
    WEB_ADDRESS: "a web address starting with http:// or https://",
}


@cache
def _pattern(expression: str) -> re.Pattern[str]:
    return re.compile(expression)


def _pattern_hint(schema: Mapping[str, Any]) -> str:
    if schema["pattern"] == WEB_ADDRESS:
        return "catalogue links must be http or https addresses: other schemes are refused"
    return "see docs/catalog-format.md"


def _type_hint(expected: str, value: Any) -> str:
    if expected == "string" and isinstance(value, (bool, int, float)):
        # YAML turned the author's text into a number or a boolean: 1.10 became 1.1.
        return "put the value in quotes so that YAML keeps it as written"
    return "see docs/catalog-format.md"


def _join(field: str, name: str) -> str:
    return f"{field}.{name}" if field else name
