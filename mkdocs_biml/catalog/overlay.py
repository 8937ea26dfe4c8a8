"""Catalogues that extend another one (``extends: biml-78``).

An overlay file adds components and risks, adds risks to existing
components, overrides titles and texts, and carries extra fields, without
copying the catalogue it extends. It is merged into the base catalogue's data
before the model is built, so the result goes through every check a whole
catalogue goes through.

Merging works on the loader's located containers (mappings and lists that
remember their source lines) without knowing their classes: copies keep the
line of every entry, so a problem in an overlay is reported at its own line.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from typing import Any, NoReturn

from ..frozen import Frozen
from .model import normalize_descriptor
from .valuetext import short_repr

#: Reports a problem at a line of the overlay: (line, field, problem, hint).
Fail = Callable[[int, str, str, str], NoReturn]

#: Top-level fields an overlay may set; lists among them are appended to the base's.
#: ``attribution`` is not among them: the base's credits the base's text, and the
#: overlay's own (``Catalog.overlay_attribution``) the entries the overlay adds.
REPLACED = ("id", "extends", "title", "short_title", "subtitle", "introduction")
APPENDED = ("flows", "references")
NEW_COMPONENT_FIELDS = ("name", "kind", "risks")
NEW_RISK_FIELDS = ("title", "summary", "description")


class BaseEntries(Frozen):
    """The components and risks of the catalogue an overlay extends: every other entry
    of the merged catalogue is the overlay's own, credited to it, not to the base."""

    components: frozenset[str]
    risks: frozenset[tuple[str, int, str]]

    @classmethod
    def of(cls, base: Any) -> BaseEntries:
        return cls(
            frozenset(c["label"].casefold() for c in base["components"]),
            frozenset(
                (c["label"].casefold(), r["number"], normalize_descriptor(r["descriptor"]))
                for c in base["components"]
                for r in c["risks"]
            ),
        )

    def has_component(self, label: str) -> bool:
        return label.casefold() in self.components

    def has_risk(self, label: str, number: int, descriptor: str) -> bool:
        return (label.casefold(), number, normalize_descriptor(descriptor)) in self.risks


def merge_overlay(base: Any, overlay: Any, fail: Fail) -> Any:
    """The base catalogue's data with ``overlay`` applied. Neither input is changed."""
    merged = _copy(base)
    for key in (*REPLACED, *APPENDED, "extra", "components"):
        if key not in overlay:
            continue
        if key == "components":
            value = _merge_components(base["components"], overlay["components"], fail)
        else:
            value = _combined(key, base, overlay[key])
        _set(merged, key, value, overlay)
    return merged


def _merge_components(base: Any, overlay: Any, fail: Fail) -> Any:
    components = _copy(base)
    system = next((i for i, c in enumerate(base) if c.get("kind") == "system"), len(base))
    for item, line in _located(overlay):
        label = item["label"]
        index = next(
            (i for i, c in enumerate(components) if c["label"].casefold() == label.casefold()),
            None,
        )
        if index is not None:
            components[index] = _merge_entry(components[index], item, fail)
            continue
        _require(item, NEW_COMPONENT_FIELDS, line, f"new component {short_repr(label)}", fail)
        # New components join the diagram's components, before the system-wide group.
        components.insert(system, item)
        components.lines.insert(system, line)
        system += 1
    return components


def _merge_risks(base: Any, overlay: Any, label: str, fail: Fail) -> Any:
    risks = _copy(base)
    for item, line in _located(overlay):
        index = _find_risk(risks, item)
        if index is not None:
            risks[index] = _merge_entry(risks[index], item, fail)
            continue
        tag = f"{label}:{item['number']}:{item['descriptor']}"
        _require(item, NEW_RISK_FIELDS, line, f"new risk [{tag}]", fail)
        risks.append(item)
        risks.lines.append(line)
    return risks


def _merge_entry(base: Any, overlay: Any, fail: Fail) -> Any:
    """A component or risk with the overlay's fields: replaced, or appended for lists."""
    merged = _copy(base)
    for key, value in overlay.items():
        if key == "risks":
            combined = _merge_risks(base["risks"], value, base["label"], fail)
        else:
            combined = _combined(key, base, value)
        _set(merged, key, combined, overlay)
    return merged


def _combined(key: str, base: Any, value: Any) -> Any:
    """Controls, flows and references add to the base's; extra fields merge; others replace."""
    if key in ("controls", *APPENDED):
        return _concat(base.get(key, _empty_like(value)), value)
    if key == "extra":
        return {**base.get("extra", {}), **value}
    return value


def _find_risk(risks: Any, wanted: Mapping[str, Any]) -> int | None:
    """The risk with the same number and descriptor (descriptor compared as in tags)."""
    key = (wanted["number"], normalize_descriptor(wanted["descriptor"]))
    for index, risk in enumerate(risks):
        if (risk["number"], normalize_descriptor(risk["descriptor"])) == key:
            return index
    return None


def _require(item: Any, fields: tuple[str, ...], line: int, what: str, fail: Fail) -> None:
    missing = [name for name in fields if name not in item]
    if missing:
        fail(
            line,
            what,
            f"needs {', '.join(missing)}",
            "an overlay entry that matches nothing in the base catalogue is new, "
            "and new entries need every required field; check its label, number and descriptor",
        )


def _set(target: Any, key: str, value: Any, source: Any) -> None:
    target[key] = value
    target.lines[key] = getattr(source, "lines", {}).get(key, getattr(source, "line", 0))


def _copy(container: Any) -> Any:
    """A shallow copy that keeps, and can change, its own record of lines."""
    duplicate = copy.copy(container)
    lines = getattr(container, "lines", None)
    if lines is None:
        lines = {} if isinstance(container, dict) else [0] * len(container)
    duplicate.lines = copy.copy(lines)
    return duplicate


def _located(items: Any) -> Any:
    return zip(items, getattr(items, "lines", [0] * len(items)))


def _concat(first: Any, second: Any) -> Any:
    joined = _copy(first)
    joined.extend(second)
    joined.lines.extend(getattr(second, "lines", [0] * len(second)))
    return joined


def _empty_like(value: Any) -> Any:
    empty = _copy(value)
    empty.clear()
    empty.lines = []
    return empty
