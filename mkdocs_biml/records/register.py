"""The risk register: one row per risk, with statuses and citing pages, as JSON and CSV.

Each JSON row lists the risk's assessments (``assessments.py``): the status,
owner, note and pages of each assessment citing it. The CSV has one row per
risk and assessment when assessments are configured (one row with empty
assessment columns for a risk no page addresses), and the same rows and
columns as before assessments existed when none is.

Both files are written into the site's framework folder after the build
(``biml/risk-register.json`` and ``biml/risk-register.csv``) and are described
in ``docs/risk-register.md``; ``schema/register.schema.json`` documents the
JSON. The output depends only on the catalogues and the site's pages: rows in
the catalogues' published order, pages sorted by source path, statuses sorted,
and no timestamp, so an unchanged site gives byte-identical files.
"""

from __future__ import annotations

import csv
import json
import posixpath
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .. import __version__
from ..catalog.model import Catalog, Risk
from ..core.paths import PageLayout
from ..frozen import Frozen
from .assessments import NO_ASSESSMENTS, AssessedRisk, Assessments, assessed
from .ledger import CitingPage, Ledger
from .tracking import TRACKING_KEYS

REGISTER_JSON = "risk-register.json"
REGISTER_CSV = "risk-register.csv"
REGISTER_FORMAT = 1

#: CSV columns, and the JSON field each one shows.
CSV_COLUMNS = ("tag", "catalog", "component", "title", "statuses", "pages", "summary")
#: Columns added, with assessments configured, to a CSV of one row per risk and assessment.
ASSESSMENT_COLUMNS = ("assessment", "status", "owner", "note")
#: Last columns, always: the tracking fields of the row's assessment (``tracking.py``).
TRACKING_COLUMNS = TRACKING_KEYS
#: Separator of several values in one CSV cell (statuses, pages).
CSV_LIST_SEPARATOR = "; "
#: A cell starting with one of these is a formula to a spreadsheet program
#: (OWASP "CSV injection"); such cells get a leading apostrophe.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class SiteIdentity(Frozen):
    """The site a register describes, so that another site reading it can link to its pages."""

    name: str = ""
    url: str | None = None


def register_document(
    catalogs: Sequence[Catalog],
    ledger: Ledger,
    assessments: Assessments = NO_ASSESSMENTS,
    site: SiteIdentity = SiteIdentity(),
) -> dict[str, Any]:
    """The register as JSON data, following ``schema/register.schema.json``."""
    return {
        "format": REGISTER_FORMAT,
        "generator": f"mkdocs-biml {__version__}",
        "site_name": site.name,
        "site_url": site.url,
        "catalogs": [
            {
                "id": catalog.id,
                "prefix": catalog.prefix,
                "title": catalog.title,
                "short_title": catalog.short_title,
                "version": catalog.version,
            }
            for catalog in catalogs
        ],
        "risks": register_rows(catalogs, ledger, assessments),
    }


def register_rows(
    catalogs: Sequence[Catalog], ledger: Ledger, assessments: Assessments = NO_ASSESSMENTS
) -> list[dict[str, Any]]:
    return [
        _risk_row(catalog, risk, ledger, assessments)
        for catalog in catalogs
        for risk in catalog.risks()
    ]


def _risk_row(
    catalog: Catalog, risk: Risk, ledger: Ledger, assessments: Assessments
) -> dict[str, Any]:
    top_ten = catalog.top_ten_rank(risk)
    # An assessment lists some of the same pages: each page's entry is made once.
    pages = {page.src_uri: _page_entry(page, risk) for page in ledger.citing_pages(risk)}
    return {
        "tag": risk.qualified_tag,
        "catalog": catalog.id,
        "component": risk.component.label,
        "component_name": risk.component.name,
        "number": risk.number,
        "descriptor": risk.descriptor,
        "title": risk.title,
        "summary": risk.summary,
        "top_ten": top_ten.rank if top_ten else None,
        "statuses": ledger.statuses(risk),
        "pages": list(pages.values()),
        "assessments": [
            _assessment_entry(a, risk, pages) for a in assessed(risk, ledger, assessments)
        ],
    }


def _assessment_entry(
    entry: AssessedRisk, risk: Risk, made: dict[str, dict[str, Any]]
) -> dict[str, Any]:
    return {
        "name": entry.name,
        "status": entry.status,
        "owner": entry.owner,
        "note": entry.note,
        **entry.tracking.as_json(),
        "pages": [made.get(page.src_uri) or _page_entry(page, risk) for page in entry.pages],
    }


def _page_entry(page: CitingPage, risk: Risk) -> dict[str, Any]:
    return {
        "path": page.src_uri,
        "title": page.title or page.src_uri,
        "url": page.url,
        "status": page.statuses.get(risk),
        "lines": page.lines(risk),
    }


def csv_rows(row: dict[str, Any], per_assessment: bool = False) -> list[list[str]]:
    """The CSV rows of one JSON row: one, or one per assessment (one, with empty
    assessment columns, for a risk no page addresses)."""
    if not per_assessment:
        # The site itself is the one assessment: its tracking fields, if any.
        site = row["assessments"][0] if row["assessments"] else {}
        return [[*csv_cells(row, row["pages"]), *_tracking_cells(site)]]
    empty: dict[str, Any] = {"name": None, "status": None, "owner": "", "note": "", "pages": []}
    return [
        [
            *csv_cells(row, entry["pages"]),
            *map(guard_cell, (entry["name"] or "", entry["status"] or "")),
            *map(guard_cell, (entry["owner"], entry["note"])),
            *_tracking_cells(entry),
        ]
        for entry in row["assessments"] or [empty]
    ]


def _tracking_cells(entry: dict[str, Any]) -> list[str]:
    return [guard_cell(entry.get(key) or "") for key in TRACKING_COLUMNS]


def csv_cells(row: dict[str, Any], pages: Sequence[dict[str, Any]]) -> list[str]:
    """The CSV cells of one JSON row, in :data:`CSV_COLUMNS` order, guarded; ``pages``
    are the row's or one of its assessments'."""
    values = [
        row["tag"],
        row["catalog"],
        row["component_name"],
        row["title"],
        CSV_LIST_SEPARATOR.join(row["statuses"]),
        CSV_LIST_SEPARATOR.join(page["path"] for page in pages),
        row["summary"],
    ]
    return [guard_cell(value) for value in values]


def guard_cell(value: str) -> str:
    """Keep a spreadsheet from running a cell as a formula: ``=1+1`` becomes ``'=1+1``."""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def register_paths(layout: PageLayout) -> tuple[str, str]:
    """Paths of the JSON and CSV registers in the site."""
    folder = layout.folder.strip("/")
    return posixpath.join(folder, REGISTER_JSON), posixpath.join(folder, REGISTER_CSV)


def write_register(
    site_dir: Path,
    catalogs: Sequence[Catalog],
    ledger: Ledger,
    layout: PageLayout,
    assessments: Assessments = NO_ASSESSMENTS,
    *,
    site: SiteIdentity = SiteIdentity(),
) -> None:
    document = register_document(catalogs, ledger, assessments, site)
    json_path, csv_path = (site_dir / path for path in register_paths(layout))
    json_path.parent.mkdir(parents=True, exist_ok=True)
    json_path.write_text(_json_text(document), encoding="utf-8", newline="\n")
    write_csv(csv_path, document["risks"], per_assessment=bool(assessments))


def _json_text(document: dict[str, Any]) -> str:
    """One risk a line: readable in a diff, and written by the C encoder (``indent``
    would switch json to its pure-Python encoder, a cost every build pays)."""
    head = json.dumps({k: v for k, v in document.items() if k != "risks"}, ensure_ascii=False)
    rows = ",\n".join("  " + json.dumps(row, ensure_ascii=False) for row in document["risks"])
    return f'{head[:-1]}, "risks": [\n{rows}\n]}}\n'


def write_csv(path: Path, rows: Sequence[dict[str, Any]], *, per_assessment: bool = False) -> None:
    # The byte-order mark ('utf-8-sig') lets spreadsheet programs detect UTF-8;
    # newline="" leaves the csv module's CRLF record ends (RFC 4180) untouched.
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream)
        assessment_columns = ASSESSMENT_COLUMNS if per_assessment else ()
        writer.writerow([*CSV_COLUMNS, *assessment_columns, *TRACKING_COLUMNS])
        for row in rows:
            writer.writerows(csv_rows(row, per_assessment))
