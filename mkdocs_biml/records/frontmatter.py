"""Statuses a page gives risks in its front matter, in a short or a long form::

    ---
    biml:
      data:2:transfer: mitigated
      raw:4:legal:
        status: accepted
        owner: Legal team
        note: Licences of every source reviewed in October.
        ticket: LEGAL-42            # tracking fields: tracking.py
        expires: 2027-05-01
    ---

The build (``plugin.on_page_markdown``) and ``mkdocs-biml lint`` both read
statuses through :func:`read_statuses`, so they report the same problems at
the same lines. Problems and entries name the line in the source file when
the page's text is given; finding it is a text search in the front matter
(``frontmatterlines.py``: one pass over its lines per page that has entries):
an entry keeps its line because two pages' statuses are compared once the
whole site is read (``assessments.py``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import yaml
from mkdocs.utils.meta import YAML_RE

from ..catalog.model import Risk
from ..catalog.resolver import CatalogIndex
from ..catalog.usertext import text_problem
from ..catalog.valuetext import close_matches, describe_value, short_repr
from ..catalog.yamllimits import SAFE_LOADER, ExpansionProblem, check_text
from ..core.problems import Problem, log_problem
from ..frozen import Frozen
from .frontmatterlines import BIML_KEY, FRONT_MATTER_KEY, EntryLocator, tag_text
from .tracking import NO_TRACKING, TRACKING_KEYS, Tracking, parse_date, read_tracking

EXAMPLE = "data:2:transfer: mitigated"

LONG_FORM_KEYS = ("status", "owner", "note", *TRACKING_KEYS)
#: Longest key read as a tag: a descriptor has at most 120 characters, and a
#: prefix and a label a few words. A longer key is reported by its start.
LONGEST_TAG = 200

Report = Callable[[Problem], None]


class StatusEntry(Frozen):
    """One valid entry: the risk, its status, who owns it and why, and its source line."""

    risk: Risk
    status: str
    owner: str = ""
    note: str = ""
    line: int | None = None
    tracking: Tracking = NO_TRACKING


def read_statuses(
    meta: Mapping[str, Any],
    page: str,
    index: CatalogIndex,
    allowed: Sequence[str],
    report: Report = log_problem,
    *,
    source: str = "",
) -> list[StatusEntry]:
    """Every valid entry of the page, in order; every invalid one is reported.

    ``meta`` is the page's parsed front matter, ``page`` its source path and
    ``source`` (optional) its text, used only to give entries a line number.
    """
    locator = EntryLocator(source)
    entries = meta.get(FRONT_MATTER_KEY)
    if entries is None:
        if FRONT_MATTER_KEY not in meta:
            _check_unparsed(source, page, report)
        return []
    limit = _limit_problem(source, page)
    if limit is not None:
        report(limit)
        return []
    if not isinstance(entries, Mapping):
        line = locator.key_line()
        report(Problem(page, line, None, _not_a_mapping(entries)))
        return []
    found: dict[Risk, StatusEntry] = {}
    for key, value in entries.items():
        written = tag_text(key)
        line = locator.entry_line(written)
        if len(written) > LONGEST_TAG:
            report(Problem(page, line, None, _too_long(written)))
            continue
        resolution = index.resolve(written)
        if resolution.risk is None:
            report(Problem(page, line, None, f"front matter: {resolution.problem()}"))
            continue
        entry = _entry(
            resolution.risk,
            written,
            value,
            allowed=allowed,
            page=page,
            line=line,
            locator=locator,
            report=report,
        )
        if entry is None:
            continue
        if resolution.problem():
            report(Problem(page, line, None, f"front matter: {resolution.problem()}"))
        risk = resolution.risk
        if risk in found:
            report(
                Problem(
                    page,
                    line,
                    None,
                    f"front matter: [{written}] names [{risk.qualified_tag}] again "
                    f"(already given status '{found[risk].status}'): keep one entry per risk",
                )
            )
            continue
        found[risk] = entry
    return list(found.values())


def _entry(
    risk: Risk,
    written: str,
    value: object,
    *,
    allowed: Sequence[str],
    page: str,
    line: int | None,
    locator: EntryLocator,
    report: Report,
) -> StatusEntry | None:
    """The entry of ``value`` (a status, or the long form's mapping), or None if invalid."""
    if not isinstance(value, Mapping):
        if not isinstance(value, str) or value not in allowed:
            report(Problem(page, line, None, _bad_status(written, value, allowed)))
            return None
        return StatusEntry(risk, value, line=line)
    for key in value:
        if key not in LONG_FORM_KEYS:
            key_line = locator.line_below(line, str(key))
            report(Problem(page, key_line, None, _unknown_key(written, key)))
    status = value.get("status")
    if not isinstance(status, str) or status not in allowed:
        status_line = locator.line_below(line, "status") if "status" in value else line
        report(Problem(page, status_line, None, _bad_status(written, status, allowed)))
        return None
    texts = {}
    for name in ("owner", "note"):
        text = value.get(name, "")
        problem = text_problem(text)
        if problem:
            where = locator.line_below(line, name)
            report(Problem(page, where, None, _not_text(written, name, problem)))
            text = ""
        texts[name] = str(text).strip()

    def report_field(key: str, message: str) -> None:
        report(Problem(page, locator.line_below(line, key), None, message))

    tracking = read_tracking(value, written, report_field)
    return StatusEntry(risk, status, texts["owner"], texts["note"], line, tracking)


def _unknown_key(tag: str, key: object) -> str:
    close = close_matches(str(key).casefold(), LONG_FORM_KEYS, n=1, cutoff=0.5)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    return (
        f"front matter: [{tag}] has an unknown key {short_repr(key)}{hint} "
        f"(an entry's keys are {', '.join(LONG_FORM_KEYS)}); it is ignored"
    )


def _not_text(tag: str, name: str, problem: str) -> str:
    return f"front matter: the {name} of [{tag}] {problem}; it is ignored"


def _too_long(key: str) -> str:
    return (
        f"front matter: the key {short_repr(key)} ({len(key):,} characters) is too long "
        f"to be a tag (a tag has at most {LONGEST_TAG}); it is ignored"
    )


def _limit_problem(source: str, page: str) -> Problem | None:
    """Front matter beyond the limits of a catalogue (size, aliases, values once its
    aliases are expanded): MkDocs reads it whole, cheaply, but every walk over it would
    not be. Messages then name the line where it goes over."""
    match = YAML_RE.match(source) if source else None
    if match is None:
        return None
    try:
        check_text(match.group(1), "front matter")
    except ExpansionProblem as exc:
        message = f"front matter: {exc.problem}, so its statuses are ignored ({exc.hint})"
        return Problem(page, exc.line + 1, None, message)  # +1 for the '---' line
    except yaml.YAMLError:  # MkDocs could not read it either: _check_unparsed says so
        return None
    return None


def _not_a_mapping(value: object) -> str:
    return (
        f"front matter: '{FRONT_MATTER_KEY}' must map tags to statuses, one per line "
        f"(e.g. '{EXAMPLE}'), not {describe_value(value)}"
    )


def _bad_status(tag: str, status: object, allowed: Sequence[str]) -> str:
    choices = ", ".join(allowed)
    if not isinstance(status, str):
        shown = "no status" if status is None else describe_value(status)
        return f"front matter: [{tag}] has {shown}; give it one of {choices}"
    close = close_matches(status, list(allowed), n=1, cutoff=0.6)
    if not close:
        close = [s for s in allowed if s.casefold() == status.casefold()]
    hint = f"; did you mean '{close[0]}'?" if close else ""
    return (
        f"front matter: status {short_repr(status)} of [{tag}] is not one of {choices}{hint} "
        f"(the plugin's 'statuses' option sets the list)"
    )


def _check_unparsed(source: str, page: str, report: Report) -> None:
    """A ``biml`` key in front matter MkDocs could not parse would vanish silently.

    MkDocs ignores front matter that is not valid YAML (and renders it as
    text). The usual cause is a tag written with brackets but without quotes,
    which YAML reads as a list.
    """
    match = YAML_RE.match(source) if source else None
    if match is None or not any(map(BIML_KEY.match, match.group(1).splitlines())):
        return
    hint = "quote tags written with brackets, e.g. '\"[data:2:transfer]\": mitigated'"
    try:
        yaml.load(match.group(1), Loader=SAFE_LOADER)  # as MkDocs reads it
        return
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else None  # +1 for the '---' line
        reason = getattr(exc, "problem", None) or "invalid YAML"
    except ValueError as exc:
        date_line = _impossible_date_line(match.group(1))
        if date_line is not None:  # YAML reads 2026-13-40 as a date, and fails on it
            report(
                Problem(
                    page,
                    date_line,
                    None,
                    f"front matter holds a date that does not exist ({exc}), so MkDocs "
                    f"ignores all of it, statuses included: correct the date (YYYY-MM-DD)",
                )
            )
            return
        # Python refuses to read integers of thousands of digits.
        line, reason, hint = _biml_key_line(match.group(1)), "a number too long to read", ""
    except RecursionError:
        line, reason, hint = _biml_key_line(match.group(1)), "nested too deep to read", ""
    message = (
        f"front matter is not valid YAML ({reason}), so MkDocs ignores all of it, statuses included"
    )
    report(Problem(page, line, None, f"{message}: {hint}" if hint else message))


def _biml_key_line(front_matter: str) -> int | None:
    lines = front_matter.splitlines()
    return next((n + 2 for n, line in enumerate(lines) if BIML_KEY.match(line)), None)


def _impossible_date_line(front_matter: str) -> int | None:
    """The file line of the first value YAML takes for a date that does not exist."""
    for number, line in enumerate(front_matter.splitlines(), start=2):  # after '---'
        found = _DATE_VALUE.search(line)
        if found is not None and parse_date(found.group(1)) is None:
            return number
    return None


_DATE_VALUE = re.compile(r":\s+(\d{4}-\d\d?-\d\d?)\s*(?:#.*)?$")
