"""How ``mkdocs-biml lint`` writes its report: text, JSON, GitHub workflow commands, SARIF.

* ``text``: one ``file:line:column: message`` line per problem, then a summary;
* ``json``: the problems as objects (documented in ``docs/lint.md``);
* ``github``: GitHub Actions workflow commands (``::error file=...,line=...::message``),
  which the runner turns into annotations on the changed lines;
* ``sarif``: SARIF 2.1.0, for GitHub code scanning and other SARIF readers.

Each problem belongs to a kind (:data:`RULES`), found from the build's own
message, so SARIF readers can group and filter problems by a stable rule id.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from .. import __version__
from .lint import LintProblem, LintReport
from .lint_settings import repository_path

FORMATS = ("text", "json", "github", "sarif")
INFORMATION_URI = "https://github.com/mkdocs-biml/mkdocs-biml"
RULES_HELP_URI = f"{INFORMATION_URI}/blob/main/docs/lint.md#problem-kinds"
SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)


@dataclass(frozen=True)
class Rule:
    """A kind of problem: a stable ``id``, and the build message that tells it."""

    id: str
    summary: str
    pattern: re.Pattern[str]


#: In order: the first whose pattern is found in the message is the problem's kind.
RULES = (
    Rule("unknown-tag", "A tag that no catalogue has.", re.compile(r"\bunknown tag \[")),
    Rule(
        "ambiguous-tag",
        "A tag without its descriptor that names several risks.",
        re.compile(r"\] is ambiguous: "),
    ),
    Rule(
        "number-mismatch",
        "A tag whose descriptor names a risk of another number.",
        re.compile(r"its number does not match"),
    ),
    Rule(
        "bad-status",
        "A front-matter status that is not one of the plugin's statuses.",
        re.compile(r"^front matter: (status '|\[.*\] has )"),
    ),
    Rule(
        "front-matter",
        "Front matter the plugin cannot read statuses from.",
        re.compile(r"^front matter"),
    ),
    Rule(
        "unreadable-page",
        "A page that cannot be read or converted, as the build could not.",
        re.compile(r"^(cannot read: |Markdown conversion failed: )"),
    ),
    Rule(
        "risk-table-marker",
        "A <!-- biml:risks --> marker with an unknown filter or value.",
        re.compile(r"^risk table marker: "),
    ),
    Rule(
        "policy-top-ten",
        "A Top Ten risk an assessment leaves open (the plugin's policy option).",
        re.compile(r"^policy: top_ten: "),
    ),
    Rule(
        "policy-require",
        "A status without a field the policy option requires of it.",
        re.compile(r"^policy: require: "),
    ),
    Rule(
        "policy-expired",
        "A status past its expires date (the policy option's expired check).",
        re.compile(r"^policy: expired: "),
    ),
    Rule(
        "policy-coverage",
        "An assessment addressing a smaller share of risks than the policy option asks.",
        re.compile(r"^policy: coverage: "),
    ),
    Rule("other", "Any other problem the build reports.", re.compile("")),
)


def rule_of(problem: LintProblem) -> Rule:
    return next(rule for rule in RULES if rule.pattern.search(problem.message))


def render(report: LintReport, output_format: str) -> str:
    return RENDERERS[output_format](report)


# -- text and JSON -----------------------------------------------------------------------


def summary(report: LintReport) -> str:
    checked = _plural(len(report.files), "file")
    if not report.problems:
        return f"mkdocs-biml lint: {checked} checked, no problems"
    paths = {p.path for p in report.problems}
    # Policy checks place what no page holds in mkdocs.yml, which is not a file linted.
    others = sorted(paths - set(report.files))
    also = f" and {', '.join(others)}" if others else ""
    return (
        f"mkdocs-biml lint: {_plural(len(report.problems), 'problem')} "
        f"in {len(paths) - len(others)} of {checked}{also}"
    )


def as_text(report: LintReport) -> str:
    return "".join(f"{problem}\n" for problem in report.problems) + summary(report) + "\n"


def as_json(report: LintReport) -> str:
    document = {
        "files": len(report.files),
        # Always empty: a file named on the command line is always linted.
        "skipped": [],
        "problems": [p.as_json() for p in report.problems],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


# -- GitHub Actions ----------------------------------------------------------------------


def as_github(report: LintReport) -> str:
    """One workflow command per problem, then the summary as a plain log line."""
    lines = []
    for problem in report.problems:
        properties = {"file": repository_path(problem.path)}
        if problem.line is not None:
            properties["line"] = str(problem.line)
            if problem.column is not None:
                properties["col"] = str(problem.column)
        command = "error" if problem.severity == "error" else "warning"
        listed = ",".join(f"{key}={_escape_property(value)}" for key, value in properties.items())
        lines.append(f"::{command} {listed}::{_escape_data(problem.message)}\n")
    return "".join(lines) + summary(report) + "\n"


def _escape_data(text: str) -> str:
    """GitHub's escaping of a command's message: ``%``, CR and LF."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    """GitHub's escaping of a property value: the message's, plus ``:`` and ``,``."""
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


# -- SARIF -------------------------------------------------------------------------------


def as_sarif(report: LintReport) -> str:
    """A SARIF 2.1.0 log: one run, every rule listed, one result per problem."""
    rule_index = {rule.id: index for index, rule in enumerate(RULES)}
    run = {
        "tool": {
            "driver": {
                "name": "mkdocs-biml",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": INFORMATION_URI,
                "rules": [_sarif_rule(rule) for rule in RULES],
            }
        },
        # Columns count characters (Python's str), not UTF-16 code units.
        "columnKind": "unicodeCodePoints",
        "results": [_sarif_result(problem, rule_index) for problem in report.problems],
    }
    log = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _sarif_rule(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.id,
        "name": rule.id,
        "shortDescription": {"text": rule.summary},
        "helpUri": RULES_HELP_URI,
        "defaultConfiguration": {"level": "warning"},
    }


def _sarif_result(problem: LintProblem, rule_index: dict[str, int]) -> dict[str, Any]:
    rule = rule_of(problem)
    # GitHub code scanning needs a region with a line: a problem of the whole
    # file (it cannot be read) is placed at its first line.
    region = {"startLine": problem.line or 1}
    if problem.line is not None and problem.column is not None:
        region["startColumn"] = problem.column
    location = {
        "artifactLocation": {"uri": _artifact_uri(repository_path(problem.path))},
        "region": region,
    }
    return {
        "ruleId": rule.id,
        "ruleIndex": rule_index[rule.id],
        "level": "error" if problem.severity == "error" else "warning",
        "message": {"text": problem.message},
        "locations": [{"physicalLocation": location}],
    }


def _artifact_uri(path: str) -> str:
    """Relative to the repository root, as a URI reference."""
    shown = Path(path)
    if shown.is_absolute():
        return shown.as_uri()
    return quote(_forward_slashes(path))


def _forward_slashes(path: str) -> str:
    return Path(path).as_posix()


RENDERERS: dict[str, Callable[[LintReport], str]] = {
    "text": as_text,
    "json": as_json,
    "github": as_github,
    "sarif": as_sarif,
}
