"""Assessments: one site documenting several ML systems, each analysed on its own.

The plugin's ``assessments`` option maps folders of ``docs_dir`` to names::

    assessments:
      systems/fraud: Fraud detection model
      systems/recs: Recommender

A page belongs to the assessment of the deepest listed folder containing it;
pages outside every listed folder belong to the site itself (name ``None``),
which is all a site has when nothing is configured. Within one assessment, the
statuses its pages give a risk must agree (:func:`conflicts`); the site itself
keeps today's rule, where pages may disagree and each status counts.

:func:`assessed` is what the register, the coverage matrix and the assessment
pages show of one risk: one :class:`AssessedRisk` per assessment citing it.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..catalog.model import Risk, slugify
from ..catalog.usertext import text_problem
from ..catalog.valuetext import short_repr
from ..core.paths import folder_problem
from ..core.problems import Problem
from ..frozen import Frozen
from .ledger import CitingPage, Ledger
from .tracking import NO_TRACKING, Tracking

#: The status that leaves a risk unaddressed.
OPEN = "open"
#: The statuses a page may give a risk unless the plugin's ``statuses`` option says others.
DEFAULT_STATUSES = (OPEN, "mitigated", "accepted", "not-applicable")


class Assessments(Frozen):
    """The configured folders and names; empty when the option is not set."""

    #: (folder, name), in the order of the configuration.
    folders: tuple[tuple[str, str], ...]
    #: Folder -> name, so that finding a page's assessment looks up each folder
    #: above the page once, whatever the number of assessments.
    _by_folder: dict[str, str]
    _positions: dict[str, int]

    def __init__(self, folders: tuple[tuple[str, str], ...] = ()) -> None:
        set_field = object.__setattr__
        set_field(self, "folders", folders)
        set_field(self, "_by_folder", dict(folders))
        set_field(self, "_positions", {name: n for n, (_, name) in enumerate(folders)})

    @classmethod
    def from_option(cls, option: Mapping[str, str]) -> Assessments:
        return cls(tuple((normal_folder(f), name.strip()) for f, name in option.items()))

    @property
    def names(self) -> list[str]:
        return [name for _, name in self.folders]

    def __bool__(self) -> bool:
        return bool(self.folders)

    def of(self, src_uri: str) -> str | None:
        """The assessment of the page ``src_uri`` (its deepest listed folder's); None for
        the site itself."""
        folder = src_uri
        while "/" in folder:
            folder = folder.rpartition("/")[0]
            name = self._by_folder.get(folder)
            if name is not None:
                return name
        return None

    def position(self, name: str | None) -> int:
        """Where the assessment ``name`` comes in the option; the site itself comes last."""
        last = len(self.folders)
        return last if name is None else self._positions.get(name, last)

    def missing_folders(self, docs_dir: str) -> list[str]:
        return [folder for folder, _ in self.folders if not (Path(docs_dir) / folder).is_dir()]


NO_ASSESSMENTS = Assessments()


def normal_folder(folder: str) -> str:
    return posixpath.normpath(folder.strip().strip("/")) if folder.strip("/ ") else ""


def option_problem(option: Mapping[Any, Any]) -> str:
    """What is wrong with the ``assessments`` option ("" if nothing): one message."""
    seen_folders: dict[str, str] = {}
    seen_names: dict[str, str] = {}
    seen_slugs: dict[str, str] = {}
    for folder, name in option.items():
        if not isinstance(folder, str) or not isinstance(name, str) or not name.strip():
            return (
                f"each entry maps a folder to a name, e.g. 'systems/fraud: Fraud detection "
                f"model', not {short_repr(folder)}: {short_repr(name)}"
            )
        problem = folder_problem(folder)
        if problem:
            return f"folder {short_repr(folder)}: {problem}"
        name_problem = text_problem(name, name=True)
        if name_problem:
            return f"the name of {short_repr(folder)} {name_problem}"
        key = normal_folder(folder).casefold()
        if key in seen_folders:
            return (
                f"folders {seen_folders[key]!r} and {folder!r} are the same folder, so its "
                f"pages would belong to two assessments: list it once"
            )
        seen_folders[key] = folder
        if name.strip().casefold() in seen_names:
            return (
                f"the name {name.strip()!r} is given to {seen_names[name.strip().casefold()]!r} "
                f"and {folder!r}: give each assessment its own name"
            )
        seen_names[name.strip().casefold()] = folder
        slug = slugify(name)
        if not slug:
            return f"the name {name!r} of {folder!r} needs a letter or digit (it names a page)"
        if slug in seen_slugs:
            return (
                f"the names {seen_slugs[slug]!r} and {name.strip()!r} would both make the "
                f"generated page 'assessments/{slug}.md': make them differ in letters or digits"
            )
        seen_slugs[slug] = name.strip()
    return ""


class AssessedRisk(Frozen):
    """How one assessment handles one risk."""

    name: str | None
    #: The status its pages give the risk (the first page's, in source order), or None.
    status: str | None
    owner: str
    note: str
    #: Pages of the assessment citing the risk or giving it a status, in source order.
    pages: tuple[CitingPage, ...]
    #: The page setting ``status``, if any.
    setter: CitingPage | None
    #: Ticket and dates given with that status (``tracking.py``).
    tracking: Tracking = NO_TRACKING
    #: The line of the status entry in :attr:`setter`, if known.
    line: int | None = None
    #: Every status the pages give the risk, sorted (pages of the site itself may differ).
    statuses: tuple[str, ...] = ()

    def addressed(self) -> bool:
        """Given a status other than open: by the assessment, or by any page of the site
        itself, whose pages may disagree."""
        if self.name is None:
            return any(status != OPEN for status in self.statuses)
        return self.status not in (None, OPEN)


def assessed(risk: Risk, ledger: Ledger, assessments: Assessments) -> list[AssessedRisk]:
    """One entry per assessment citing ``risk`` or giving it a status: configured
    assessments in their order, then the site itself."""
    groups: dict[str | None, list[CitingPage]] = {}
    for page in ledger.citing_pages(risk):
        groups.setdefault(assessments.of(page.src_uri), []).append(page)
    # Sorted by the option's order, the site itself last: never a walk over every assessment.
    order = sorted(groups, key=assessments.position)
    return [_assessed(risk, name, groups[name]) for name in order]


def assessed_in(
    risk: Risk, ledger: Ledger, assessments: Assessments, name: str | None
) -> AssessedRisk | None:
    """The entry of the one assessment ``name`` (None: the site itself) for ``risk``, or
    None: a page of one assessment builds that entry alone, not every assessment's."""
    pages = [p for p in ledger.citing_pages(risk) if assessments.of(p.src_uri) == name]
    return _assessed(risk, name, pages) if pages else None


def _assessed(risk: Risk, name: str | None, pages: Sequence[CitingPage]) -> AssessedRisk:
    setters = [p for p in pages if risk in p.statuses]
    if not setters:
        return AssessedRisk(name, None, "", "", tuple(pages), None)
    status = setters[0].statuses[risk]
    agreeing = [p.notes[risk] for p in setters if p.statuses[risk] == status and risk in p.notes]
    owner = next((n.owner for n in agreeing if n.owner), "")
    note = next((n.note for n in agreeing if n.note), "")
    tracking = NO_TRACKING
    for agreed in agreeing:
        tracking = tracking.merged(agreed.tracking)
    line = setters[0].notes[risk].line if risk in setters[0].notes else None
    given = tuple(sorted({p.statuses[risk] for p in setters}))
    return AssessedRisk(name, status, owner, note, tuple(pages), setters[0], tracking, line, given)


def conflicts(risks: Sequence[Risk], ledger: Ledger, assessments: Assessments) -> Iterator[Problem]:
    """A warning for each page giving a risk another status than an earlier page of
    the same assessment did (the site itself is exempt: its pages may disagree)."""
    if not assessments:
        return
    for risk in risks:
        for entry in assessed(risk, ledger, assessments):
            if entry.name is None or entry.setter is None:
                continue
            first = entry.setter
            for page in entry.pages:
                status = page.statuses.get(risk)
                if status is None or status == entry.status:
                    continue
                yield Problem(
                    page.src_uri,
                    page.notes[risk].line if risk in page.notes else None,
                    None,
                    f"front matter: [{risk.qualified_tag}] is '{status}' here but "
                    f"'{entry.status}' in {_where(first, risk)}, both in the assessment "
                    f"'{entry.name}': give the risk one status per assessment",
                )


def _where(page: CitingPage, risk: Risk) -> str:
    line = page.notes[risk].line if risk in page.notes else None
    return f"{page.src_uri}:{line}" if line else page.src_uri
