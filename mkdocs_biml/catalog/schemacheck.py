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
from collections.abc import Mapping
from functools import cache
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


class SchemaChecker:
    """Checks data against the subset of JSON Schema that ``catalog.schema.json`` uses."""

    def __init__(self, path: str, schema: Mapping[str, Any]) -> None:
        self.path, self.root = path, schema

    def check(self, value: Any, schema: Mapping[str, Any], field: str, line: int) -> None:
        if "$ref" in schema:
            name = schema["$ref"].rsplit("/", 1)[-1]
            schema = self.root["$defs"][name]
        if "const" in schema and value != schema["const"]:
            self._fail(line, field, f"must be {schema['const']!r}, not {short_repr(value)}")
        if "enum" in schema and value not in schema["enum"]:
            choices = ", ".join(map(str, schema["enum"]))
            self._fail(line, field, f"{short_repr(value)} is not one of: {choices}")
        expected = schema.get("type")
        if expected is not None:
            is_bool = isinstance(value, bool) and expected != "boolean"
            if is_bool or not isinstance(value, _JSON_TYPES[expected]):
                self._fail(
                    line,
                    field,
                    f"must be {_TYPE_WORDS[expected]}, not {describe_value(value)}",
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
            self._fail(
                line, field, f"{short_repr(value, 60)} is not {expected}", _pattern_hint(schema)
            )

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
                        f"did you mean {short_repr(close[0])}?"
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
