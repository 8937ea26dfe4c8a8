"""Registers of other sites: what their pages say about risks, as assessments of this site.

The ``registers`` option lists other sites' ``risk-register.json`` files, read
from disk (a CI artifact, a checkout: nothing is fetched)::

    registers:
      - path: ../fraud-service/site/biml/risk-register.json
      - path: registers/recommender.json
        name: Recommender (team B)

Each assessment of such a register (or the site as a whole, where it has
none) becomes an assessment of this site, named ``ASSESSMENT (SITE)``, or
``SITE`` for a site as a whole: a column of the coverage matrix, a heat map,
a generated page and rows of this site's register. ``SITE`` is the entry's
``name``, else the register's ``site_name``, else the file's name.

Its pages enter this site's ledger under a folder of their own,
``@SITE-SLUG/ASSESSMENT-SLUG/`` (a folder no page of ``docs_dir`` may use), with
their addresses at the other site (the register's ``site_url``, or the entry's
``url``), so backlinks and tables link to them there. Risks are matched by
catalogue id and tag: a risk of a catalogue this site does not load is left
out, with a warning naming the file.

Every problem with a file is one :class:`RegisterError` naming it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..catalog.model import Catalog, Risk, slugify
from ..catalog.usertext import text_problem
from ..catalog.valuetext import short_repr
from ..frozen import Frozen
from .ledger import Ledger, StatusNote

#: The register formats this version reads.
READABLE_FORMATS = (1,)
#: A register larger than this is refused rather than read into memory.
MAX_REGISTER_BYTES = 64 * 1024 * 1024
#: Folders of other sites' pages start with it; no page of the site may.
FOLDER_MARK = "@"


class RegisterError(ValueError):
    """A register file that cannot be used: the message names it and says what to do."""


class RegisterSource(Frozen):
    """One entry of the ``registers`` option."""

    path: str
    name: str | None = None
    url: str | None = None


class OtherPage(Frozen):
    path: str
    title: str
    url: str
    status: str | None
    lines: tuple[int, ...]


class OtherEntry(Frozen):
    """How an assessment of another site handles one risk of this site's catalogues."""

    risk: Risk
    owner: str
    note: str
    pages: tuple[OtherPage, ...]


class OtherAssessment(Frozen):
    """An assessment of another site (or that site as a whole), as this site shows it."""

    name: str
    folder: str
    site: str
    site_url: str
    register: str
    entries: tuple[OtherEntry, ...]


class OtherRegisters(Frozen):
    """What the ``registers`` option brings: the assessments, and what was left out."""

    assessments: tuple[OtherAssessment, ...] = ()
    #: One message per register whose risks this site's catalogues do not have.
    left_out: tuple[str, ...] = ()

    @property
    def folders(self) -> tuple[tuple[str, str], ...]:
        """(folder, name) of each assessment, as ``Assessments`` takes them."""
        return tuple((a.folder, a.name) for a in self.assessments)

    def add_to(self, ledger: Ledger) -> None:
        """Give ``ledger`` the other sites' pages: their citations and statuses."""
        for assessment in self.assessments:
            for entry in assessment.entries:
                for page in entry.pages:
                    src_uri = f"{assessment.folder}/{page.path}"
                    if page.status is not None:
                        note = StatusNote(entry.owner, entry.note)
                        ledger.set_status(src_uri, entry.risk, page.status, note)
                    for line in page.lines or (None,):
                        ledger.cite(src_uri, entry.risk, line)
                    ledger.name_page(src_uri, page.title, page.url)


NO_OTHER_REGISTERS = OtherRegisters()


def read_registers(
    sources: Sequence[RegisterSource],
    base_dir: Path,
    catalogs: Sequence[Catalog],
    local_names: Sequence[str],
    statuses: Sequence[str],
) -> OtherRegisters:
    """Read every listed register; raise :class:`RegisterError` at the first bad one.

    Another site's statuses must be among this site's ``statuses``: this site's
    coverage counts by them."""
    risks = {(c.id, risk.qualified_tag): risk for c in catalogs for risk in c.risks()}
    assessments: list[OtherAssessment] = []
    left_out: list[str] = []
    taken = {name.casefold(): "an assessment of this site" for name in local_names}
    folders: dict[str, str] = {}
    for source in sources:
        shown = source.path
        document = _read_json(base_dir / source.path, shown)
        try:
            found, missing = _assessments_of(document, source, risks, statuses)
        except _BadRow as exc:
            raise RegisterError(f"register {shown}: {exc}") from None
        for assessment in found:
            other_folder = folders.setdefault(assessment.folder, assessment.name)
            if other_folder != assessment.name:
                raise RegisterError(
                    f"register {shown}: its assessments '{other_folder}' and "
                    f"'{assessment.name}' would share the folder {assessment.folder}: "
                    f"give the registers names that differ in letters or digits"
                )
            other = taken.get(assessment.name.casefold())
            if other is not None:
                raise RegisterError(
                    f"register {shown}: its assessment '{assessment.name}' has the name of "
                    f"{other}: give the register another 'name'"
                )
            taken[assessment.name.casefold()] = f"an assessment of {shown}"
        assessments.extend(found)
        if missing:
            left_out.append(
                f"register {shown}: {missing} risk(s) of catalogues this site does not "
                f"load are left out; add those catalogues to the 'catalogs' option to show them"
            )
    return OtherRegisters(tuple(assessments), tuple(left_out))


def _read_json(path: Path, shown: str) -> dict[str, Any]:
    try:
        if path.stat().st_size > MAX_REGISTER_BYTES:
            raise RegisterError(
                f"register {shown}: larger than {MAX_REGISTER_BYTES // 2**20} MiB; "
                f"is it a risk register?"
            )
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RegisterError(
            f"register {shown}: no such file ({path}); give its path relative to mkdocs.yml"
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise RegisterError(f"register {shown}: cannot read it: {exc}") from None
    try:
        document = json.loads(text)
    except ValueError as exc:
        raise RegisterError(f"register {shown}: not JSON ({exc}): is it a risk register?") from None
    if not isinstance(document, dict) or "risks" not in document or "format" not in document:
        raise RegisterError(
            f"register {shown}: not a risk register (no 'format' and 'risks'); "
            f"give the risk-register.json a site with the biml plugin writes"
        )
    if document["format"] not in READABLE_FORMATS:
        raise RegisterError(
            f"register {shown}: format {short_repr(document['format'])}, which this version of "
            f"mkdocs-biml cannot read (it reads {', '.join(map(str, READABLE_FORMATS))}); "
            f"upgrade mkdocs-biml"
        )
    return document


class _BadRow(Exception):
    """What is wrong with a register's content; :func:`read_registers` names the file."""


def _assessments_of(
    document: Mapping[str, Any],
    source: RegisterSource,
    risks: Mapping[tuple[str, str], Risk],
    statuses: Sequence[str],
) -> tuple[list[OtherAssessment], int]:
    site = source.name or _text(document.get("site_name")) or Path(source.path).stem
    site_url = source.url or _text(document.get("site_url"))
    if not site_url or not site_url.startswith(("https://", "http://")):
        raise _BadRow(
            f"no address to link its pages to (its 'site_url' is "
            f"{'missing' if not site_url else short_repr(site_url)}); give the site's address "
            f"as 'url' (https://...) beside 'path', or set site_url in that site's mkdocs.yml"
        )
    grouped: dict[str | None, list[OtherEntry]] = {}
    missing = 0
    try:
        for row in document["risks"]:
            risk = risks.get((row["catalog"], row["tag"]))
            if risk is None:
                missing += 1
                continue
            for entry in row["assessments"]:
                name = _name(entry["name"])
                grouped.setdefault(name, []).append(_entry(risk, entry, site_url, statuses))
    except (KeyError, TypeError) as exc:
        raise _BadRow(
            f"a row lacks {exc} or has the wrong type: is it a risk register written by "
            f"mkdocs-biml?"
        ) from None
    site_slug = slugify(site) or "site"
    found = [
        OtherAssessment(
            f"{name} ({site})" if name else site,
            f"{FOLDER_MARK}{site_slug}/{slugify(name) if name else '-'}",
            site,
            site_url,
            source.path,
            tuple(entries),
        )
        for name, entries in grouped.items()
    ]
    return found, missing


def _entry(
    risk: Risk, entry: Mapping[str, Any], site_url: str, statuses: Sequence[str]
) -> OtherEntry:
    where = f"[{risk.qualified_tag}]"
    pages = tuple(
        OtherPage(
            _checked(page["path"], f"a page path of {where}") or "-",
            _checked(page.get("title"), f"a page title of {where}") or str(page["path"]),
            _join(site_url, _checked(page.get("url"), f"a page address of {where}")),
            _status(page.get("status"), where, statuses),
            tuple(_line(line, where) for line in page.get("lines") or ()),
        )
        for page in entry["pages"]
    )
    owner = _checked(entry.get("owner"), f"the owner of {where}")
    return OtherEntry(risk, owner, _checked(entry.get("note"), f"the note of {where}"), pages)


def _checked(value: object, what: str) -> str:
    """``value`` held to the rule for a user's text (``usertext.py``); None is ""."""
    if value is None:
        return ""
    problem = text_problem(value)
    if problem:
        raise _BadRow(f"{what} {problem}")
    return str(value)


def _name(value: object) -> str | None:
    """An assessment's name in the register: None (the site as a whole) or a name that
    makes a folder (a letter or digit)."""
    if value is None:
        return None
    problem = text_problem(value, name=True)
    if problem:
        raise _BadRow(f"an assessment's name {problem}")
    if not slugify(str(value)):
        raise _BadRow(f"the assessment name {short_repr(value)} needs a letter or digit")
    return str(value)


def _status(value: object, where: str, statuses: Sequence[str]) -> str | None:
    if value is None:
        return None
    if value not in statuses:
        raise _BadRow(
            f"the status {short_repr(value)} of {where} is not one of this site's "
            f"({', '.join(statuses)}): add it to the 'statuses' option"
        )
    return str(value)


def _line(value: object, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value < 10**9:
        raise _BadRow(f"a line of {where} is {short_repr(value)}, not a line number")
    return value


def _join(site_url: str, url: str) -> str:
    """A page's URL at the other site (its register gives it relative to the site)."""
    if url.startswith(("https://", "http://")):
        return url
    return site_url.rstrip("/") + "/" + url.lstrip("/")


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def other_folders_in(docs_dir: str, registers: OtherRegisters) -> Iterator[str]:
    """Folders of other sites' pages that ``docs_dir`` really has (they would mix)."""
    for folder, _name in registers.folders:
        if (Path(docs_dir) / folder.split("/")[0]).exists():
            yield folder.split("/")[0]


__all__ = [
    "NO_OTHER_REGISTERS",
    "OtherAssessment",
    "OtherRegisters",
    "RegisterError",
    "RegisterSource",
    "other_folders_in",
    "read_registers",
]
