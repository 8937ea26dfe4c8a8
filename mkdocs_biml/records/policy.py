"""Policy checks a team can gate a build on: the plugin's ``policy`` option.

::

    policy:
      top_ten: addressed          # each Top Ten risk has a status other than open
      require:                    # fields a status needs
        accepted: [owner, expires]
      expired: warn               # a status past its expires date
      coverage: 0.5               # least share of risks addressed, per assessment

One rule, two callers: the build (``plugin.on_env``) and ``mkdocs-biml lint``
both hand :func:`check_policy` what the pages gave (a :class:`Ledger`), so they
report the same violations at the same lines. Nothing here knows MkDocs.

Checks run per assessment: the configured ones, or, when none is, the site as
a whole. ``require`` and ``expired`` also look at the statuses of the site's
own pages (outside every assessment folder). Each violation is one
:class:`~mkdocs_biml.core.problems.Problem`: at the page and line of the status entry
when there is one, at the first page citing the risk when it has no status, and
at the config file when no page mentions the risk at all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from ..catalog.model import Catalog, Risk
from ..catalog.valuetext import close_matches
from ..core.problems import Problem
from ..frozen import Frozen
from .assessments import AssessedRisk, Assessments, assessed
from .ledger import Ledger
from .tracking import TRACKING_KEYS

POLICY_KEYS = ("top_ten", "require", "expired", "coverage")
#: Fields ``require`` may ask a status for.
REQUIRABLE = ("owner", "note", *TRACKING_KEYS)
TOP_TEN_VALUES = ("addressed", "ignore")
EXPIRED_VALUES = ("warn", "ignore")
#: The names of the checks, as the option writes them (the coverage page shows them).
TOP_TEN_CHECK, EXPIRED_CHECK = "top_ten: addressed", "expired: warn"
EXAMPLE = "policy: {top_ten: addressed, require: {accepted: [owner, expires]}}"


class Policy(Frozen):
    """The checks asked for; all off when the option is not set."""

    top_ten: bool = False
    #: Status -> the fields an entry with that status must have.
    require: tuple[tuple[str, tuple[str, ...]], ...] = ()
    expired: bool = False
    #: Least share (0 to 1) of each assessment's risks given a status other than open.
    coverage: float | None = None

    @classmethod
    def from_option(cls, option: Mapping[str, Any]) -> Policy:
        """The policy of a valid option (see :func:`option_problem`)."""
        require = option.get("require") or {}
        coverage = option.get("coverage")
        return cls(
            top_ten=option.get("top_ten") == "addressed",
            require=tuple((str(s), tuple(fields)) for s, fields in require.items()),
            expired=option.get("expired") == "warn",
            coverage=float(coverage) if coverage is not None else None,
        )

    def __bool__(self) -> bool:
        return self.top_ten or bool(self.require) or self.expired or self.coverage is not None

    def status_problem(self, statuses: Sequence[str]) -> str:
        """What is wrong with ``require`` given the allowed statuses ("" if nothing)."""
        for status, _ in self.require:
            if status not in statuses:
                close = close_matches(status, list(statuses), n=1)
                hint = f"; did you mean '{close[0]}'?" if close else ""
                return (
                    f"policy: 'require' names the status '{status}', which is not one of "
                    f"{', '.join(statuses)}{hint} (the 'statuses' option sets the list)"
                )
        return ""


NO_POLICY = Policy()


def option_problem(option: Mapping[Any, Any]) -> str:
    """What is wrong with the ``policy`` option ("" if nothing): one message."""
    for key in option:
        if key not in POLICY_KEYS:
            close = close_matches(str(key), POLICY_KEYS, n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            return f"unknown check '{key}'{hint} (checks: {', '.join(POLICY_KEYS)})"
    top_ten, expired = option.get("top_ten", "ignore"), option.get("expired", "ignore")
    if top_ten not in TOP_TEN_VALUES:
        return f"top_ten is {top_ten!r}: give 'addressed' (or 'ignore')"
    if expired not in EXPIRED_VALUES:
        return f"expired is {expired!r}: give 'warn' (or 'ignore')"
    coverage = option.get("coverage")
    if coverage is not None and (
        isinstance(coverage, bool)
        or not isinstance(coverage, int | float)
        or not 0 <= coverage <= 1
    ):
        return f"coverage is {coverage!r}: give a share from 0 to 1, e.g. 'coverage: 0.5'"
    return _require_problem(option.get("require"))


def _require_problem(require: object) -> str:
    if require is None:
        return ""
    if not isinstance(require, Mapping):
        return (
            f"require must map statuses to fields, e.g. 'accepted: [owner, expires]', "
            f"not {require!r}"
        )
    for status, fields in require.items():
        if not isinstance(fields, list) or not all(isinstance(f, str) for f in fields):
            return (
                f"require: {status}: give a list of fields, e.g. '[owner, expires]', not {fields!r}"
            )
        unknown = [f for f in fields if f not in REQUIRABLE]
        if unknown:
            return (
                f"require: {status}: '{unknown[0]}' is not a field of a status; "
                f"fields: {', '.join(REQUIRABLE)}"
            )
    return ""


class CheckResult(Frozen):
    """One check of the policy and what fails it."""

    name: str
    violations: tuple[Problem, ...]

    @property
    def passed(self) -> bool:
        return not self.violations


class PolicyReport(Frozen):
    """Every check asked for, on ``today``."""

    today: dt.date
    results: tuple[CheckResult, ...] = ()
    #: Where violations no page holds are placed (the config file, as messages show it).
    config_path: str = ""

    def page_of(self, problem: Problem) -> str:
        """The source path of the page holding ``problem``; "" for the config file."""
        return "" if problem.path == self.config_path else problem.path

    def violations(self) -> list[Problem]:
        return [problem for result in self.results for problem in result.violations]


def check_policy(
    policy: Policy,
    catalogs: Sequence[Catalog],
    ledger: Ledger,
    assessments: Assessments,
    *,
    today: dt.date,
    config_path: str,
) -> PolicyReport:
    """Check ``policy`` on what the pages gave the ledger; ``config_path`` locates
    violations no page holds (a risk no page mentions, an assessment's coverage)."""
    checker = _Checker(catalogs, ledger, assessments, today, config_path)
    results = []
    if policy.top_ten:
        results.append(CheckResult(TOP_TEN_CHECK, tuple(checker.top_ten())))
    for status, fields in policy.require:
        violations = tuple(checker.require(status, fields))
        results.append(CheckResult(_require_name(status, fields), violations))
    if policy.expired:
        results.append(CheckResult(EXPIRED_CHECK, tuple(checker.expired())))
    if policy.coverage is not None:
        name = f"coverage: {policy.coverage:g}"
        results.append(CheckResult(name, tuple(checker.coverage(policy.coverage))))
    return PolicyReport(today, tuple(results), config_path)


class _Checker:
    def __init__(
        self,
        catalogs: Sequence[Catalog],
        ledger: Ledger,
        assessments: Assessments,
        today: dt.date,
        config_path: str,
    ) -> None:
        self.catalogs = catalogs
        self.ledger = ledger
        self.assessments = assessments
        self.today = today
        self.config_path = config_path
        #: The assessments top_ten and coverage check: the configured ones, or the site.
        self.names: list[str | None] = list(assessments.names) or [None]
        self._assessed: dict[Risk, dict[str | None, AssessedRisk]] = {}

    def of(self, risk: Risk) -> dict[str | None, AssessedRisk]:
        found = self._assessed.get(risk)
        if found is None:
            entries = assessed(risk, self.ledger, self.assessments)
            found = self._assessed[risk] = {entry.name: entry for entry in entries}
        return found

    def stated(self) -> Iterator[tuple[Risk, AssessedRisk]]:
        """Every risk given a status, in each assessment giving it one (the site's too)."""
        for risk in self.ledger.risk_numbers:
            for entry in self.of(risk).values():
                if entry.status is not None:
                    yield risk, entry

    def top_ten(self) -> Iterator[Problem]:
        for catalog in self.catalogs:
            for rank in catalog.top_ten:
                for risk in rank.risks:
                    for name in self.names:
                        entry = self.of(risk).get(name)
                        if entry is not None and entry.addressed():
                            continue
                        state = (
                            f"is '{entry.status}'" if entry and entry.status else "has no status"
                        )
                        yield self._at(
                            risk,
                            entry,
                            f"policy: top_ten: [{risk.qualified_tag}] (Top Ten #{rank.rank} of "
                            f"{catalog.short_title}) {state} in {_assessment(name)}: give it a "
                            f"status other than open",
                        )

    def require(self, status: str, fields: Sequence[str]) -> Iterator[Problem]:
        for risk, entry in self.stated():
            if entry.status != status:
                continue
            missing = [f for f in fields if not _field(entry, f)]
            if missing:
                yield self._at(
                    risk,
                    entry,
                    f"policy: require: [{risk.qualified_tag}] is '{status}' in "
                    f"{_assessment(entry.name)} without {', '.join(missing)}: the policy "
                    f"requires {', '.join(fields)} of '{status}'",
                )

    def expired(self) -> Iterator[Problem]:
        for risk, entry in self.stated():
            expires = entry.tracking.expires
            if expires is not None and entry.tracking.expired(self.today):
                yield self._at(
                    risk,
                    entry,
                    f"policy: expired: [{risk.qualified_tag}] is '{entry.status}' in "
                    f"{_assessment(entry.name)} until {expires.isoformat()}, which has passed "
                    f"(today is {self.today.isoformat()}): review the status and move its "
                    f"expires date",
                )

    def coverage(self, least: float) -> Iterator[Problem]:
        risks = [risk for catalog in self.catalogs for risk in catalog.risks()]
        for name in self.names:
            addressed = sum(
                1 for risk in risks if (e := self.of(risk).get(name)) is not None and e.addressed()
            )
            if addressed < least * len(risks):
                share = round(100 * addressed / len(risks)) if risks else 0
                yield Problem(
                    self.config_path,
                    None,
                    None,
                    f"policy: coverage: {_assessment(name)} addresses {addressed} of "
                    f"{len(risks)} risks ({share}%), under the policy's {least:.0%}: give "
                    f"more risks a status other than open",
                )

    def _at(self, risk: Risk, entry: AssessedRisk | None, message: str) -> Problem:
        """The problem at the status entry, else the first citation, else the config."""
        if entry is not None and entry.setter is not None:
            return Problem(entry.setter.src_uri, entry.line, None, message)
        if entry is not None and entry.pages:
            page = entry.pages[0]
            lines = page.lines(risk)
            return Problem(page.src_uri, lines[0] if lines else None, None, message)
        return Problem(self.config_path, None, None, message)


def _require_name(status: str, fields: Sequence[str]) -> str:
    return f"require: {status}: [{', '.join(fields)}]"


def _field(entry: AssessedRisk, name: str) -> object:
    if name in ("owner", "note"):
        return getattr(entry, name)
    return getattr(entry.tracking, name)


def _assessment(name: str | None) -> str:
    return f"the assessment '{name}'" if name is not None else "the site"
