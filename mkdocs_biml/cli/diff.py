"""``mkdocs-biml diff OLD NEW``: what changed between two risk registers.

Each side is a ``risk-register.json`` (``site/register.py``) or a built site
folder holding one. Per assessment, the report lists statuses and owners that
changed, risks newly cited or no longer cited, acceptances whose ``expires``
moved, and those expired (their date before today: ``SOURCE_DATE_EPOCH``'s,
else the machine's, as for the policy checks). An expired acceptance is a
reminder, listed whenever it is in NEW, not a change: two identical registers
have no change (exit 0) even when they hold one. Risks are matched by
catalogue and tag, never by page, so a page moved or renamed changes nothing.

Documented in ``docs/policy.md``; exit codes as ``diff``'s (``command.py``).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..core.mdtext import code_span, escape_cell
from ..core.problems import escape_controls
from ..records.register import REGISTER_FORMAT, REGISTER_JSON
from ..records.tracking import parse_date

FORMATS = ("text", "markdown", "json")

#: Listed, but not a change between the registers: see the module's text.
REMINDER = "expired"
#: Each kind of change: its key in the JSON, and its heading in text and Markdown.
KINDS = {
    "status": "Status changed",
    "owner": "Owner changed",
    "cited": "Newly cited",
    "uncited": "No longer cited",
    "expires": "Expires moved",
    "expired": "Expired",
}


class DiffError(Exception):
    """A side is not a register that can be read; ``str()`` is the one message."""


@dataclass(frozen=True)
class Change:
    """One change of one risk in one assessment: ``old`` and ``new`` are what the kind
    compares (a status, an owner, a date; ``None`` where there is none)."""

    kind: str
    catalog: str
    tag: str
    old: str | None
    new: str | None

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "catalog": self.catalog,
            "tag": self.tag,
            "old": self.old,
            "new": self.new,
        }


@dataclass(frozen=True)
class AssessmentChanges:
    """The changes of one assessment (``name`` None: the site itself)."""

    name: str | None
    changes: tuple[Change, ...]

    @property
    def title(self) -> str:
        """The assessment as printed: its name (control characters escaped), or the site."""
        return escape_controls(self.name) if self.name is not None else "the site"


def changed(found: Sequence[AssessmentChanges]) -> bool:
    """Whether the registers differ (reminders of expired acceptances aside)."""
    return any(c.kind != REMINDER for a in found for c in a.changes)


# -- reading -----------------------------------------------------------------------------


def load_register(given: str) -> dict[str, Any]:
    """The register at ``given``: a JSON file, or a site folder with one inside."""
    path = Path(given)
    if path.is_dir():
        path = _register_in(path)
    elif not path.is_file():
        raise DiffError(f"no such file or directory: {given}")
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise DiffError(f"{path}: cannot be read as JSON: {exc}") from None
    problem = _register_problem(document)
    if problem:
        raise DiffError(f"{path}: not a risk register of mkdocs-biml ({problem})")
    assert isinstance(document, dict)
    return document


def _register_in(folder: Path) -> Path:
    found = sorted(folder.rglob(REGISTER_JSON))
    if not found:
        raise DiffError(
            f"no {REGISTER_JSON} in {folder}: build the site with the plugin's register "
            f"on, or name the file"
        )
    if len(found) > 1:
        listed = ", ".join(str(p) for p in found)
        raise DiffError(f"several registers in {folder} ({listed}): name the one to compare")
    return found[0]


def _register_problem(document: object) -> str:
    if not isinstance(document, dict):
        return "not a JSON object"
    if document.get("format") != REGISTER_FORMAT:
        shown = escape_controls(repr(document.get("format"))[:40])
        return f"format {shown}, where this version reads {REGISTER_FORMAT}"
    risks = document.get("risks")
    if not isinstance(risks, list):
        return "no list of risks"
    for risk in risks:
        if not (
            isinstance(risk, dict)
            and isinstance(risk.get("catalog"), str)
            and isinstance(risk.get("tag"), str)
            and isinstance(risk.get("assessments"), list)
            and all(
                isinstance(entry, dict) and isinstance(entry.get("name"), (str, type(None)))
                for entry in risk["assessments"]
            )
        ):
            return (
                f"a risk without catalog, tag and assessments (each named by text or null): "
                f"{escape_controls(str(risk)[:80])}"
            )
    return ""


# -- comparing ---------------------------------------------------------------------------

_Key = tuple[str | None, str, str]  # assessment, catalogue, tag


def compare(
    old: Mapping[str, Any], new: Mapping[str, Any], today: dt.date
) -> list[AssessmentChanges]:
    """The changes from ``old`` to ``new``, per assessment (in ``new``'s order, then those
    only ``old`` has), risks in the catalogues' order (``new``'s, then ``old``'s)."""
    before, after = _entries(old), _entries(new)
    names = list(dict.fromkeys(key[0] for key in [*after, *before]))
    rows = [(risk["catalog"], risk["tag"]) for risk in [*new["risks"], *old["risks"]]]
    position = {row: index for index, row in reversed(list(enumerate(rows)))}
    keys = sorted({*after, *before}, key=lambda key: position[key[1:]])
    found = []
    for name in names:
        changes = tuple(
            change
            for key in keys
            if key[0] == name
            for change in _changes(key, before.get(key), after.get(key), today)
        )
        if changes:
            found.append(AssessmentChanges(name, changes))
    return found


def _entries(document: Mapping[str, Any]) -> dict[_Key, Mapping[str, Any]]:
    return {
        (entry.get("name"), risk["catalog"], risk["tag"]): entry
        for risk in document["risks"]
        for entry in risk["assessments"]
    }


def _changes(
    key: _Key, old: Mapping[str, Any] | None, new: Mapping[str, Any] | None, today: dt.date
) -> Iterator[Change]:
    _, catalog, tag = key

    def change(kind: str, before: object, after: object) -> Change:
        return Change(kind, catalog, escape_controls(tag), _text(before), _text(after))

    if old is None and new is not None:
        yield change("cited", None, new.get("status"))
    elif new is None and old is not None:
        yield change("uncited", old.get("status"), None)
    if old is not None and new is not None:
        for kind, field in (("status", "status"), ("owner", "owner"), ("expires", "expires")):
            if (old.get(field) or None) != (new.get(field) or None):
                yield change(kind, old.get(field), new.get(field))
    expires = parse_date(new.get("expires")) if new is not None else None
    if new is not None and new.get("status") and expires is not None and expires < today:
        yield change("expired", new.get("status"), expires.isoformat())


def _text(value: object) -> str | None:
    return None if value is None or value == "" else escape_controls(str(value))


# -- reporting ---------------------------------------------------------------------------


def as_text(found: Sequence[AssessmentChanges]) -> str:
    lines = []
    for assessment in found:
        lines.append(f"{assessment.title}:")
        for change in assessment.changes:
            lines.append(f"  {KINDS[change.kind].lower()}: {change.tag}: {_text_detail(change)}")
    return "".join(f"{line}\n" for line in lines) + summary(found) + "\n"


def _text_detail(change: Change) -> str:
    if change.kind == "cited":
        return change.new or "no status"
    if change.kind == "uncited":
        return f"was {change.old or 'no status'}"
    if change.kind == "expired":
        return f"{change.old} until {change.new}"
    return f"{change.old or '(none)'} → {change.new or '(none)'}"


def summary(found: Sequence[AssessmentChanges]) -> str:
    changes = [a for a in found if any(c.kind != REMINDER for c in a.changes)]
    count = sum(1 for a in found for c in a.changes if c.kind != REMINDER)
    expired = sum(1 for a in found for c in a.changes if c.kind == REMINDER)
    text = (
        f"mkdocs-biml diff: {_plural(count, 'change')} in {_plural(len(changes), 'assessment')}"
        if count
        else "mkdocs-biml diff: no change"
    )
    return text + (f"; {_plural(expired, 'acceptance')} expired" if expired else "")


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


_COLUMNS = {
    "status": ("from", "to"),
    "owner": ("from", "to"),
    "cited": ("status",),
    "uncited": ("status",),
    "expires": ("from", "to"),
    "expired": ("status", "expires"),
}


def as_markdown(found: Sequence[AssessmentChanges]) -> str:
    """A heading per assessment, a table per kind of change: a pull-request comment."""
    parts = [] if changed(found) else ["No change to the risk register.\n"]
    for assessment in found:
        parts.append(f"## {escape_cell(assessment.title)}\n")
        for kind, heading in KINDS.items():
            changes = [c for c in assessment.changes if c.kind == kind]
            if changes:
                parts.append(_markdown_table(kind, heading, changes))
    return "\n".join(parts)


def _markdown_table(kind: str, heading: str, changes: Sequence[Change]) -> str:
    columns = _COLUMNS[kind]
    rows = [f"| {heading} | {' | '.join(columns)} |", f"|{' --- |' * (len(columns) + 1)}"]
    for change in changes:
        values = [change.new] if kind == "cited" else [change.old]
        if len(columns) == 2:
            values.append(change.new)
        shown = (escape_cell(value or "-", line_start=False) for value in values)
        cells = [code_span(change.tag), *shown]
        rows.append(f"| {' | '.join(cells)} |")
    return "\n".join(rows) + "\n"


def as_json(found: Sequence[AssessmentChanges]) -> str:
    document = {
        "changed": changed(found),
        "assessments": [
            {"name": a.name, "changes": [c.as_json() for c in a.changes]} for a in found
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


RENDERERS: dict[str, Callable[[Sequence[AssessmentChanges]], str]] = {
    "text": as_text,
    "markdown": as_markdown,
    "json": as_json,
}
