"""The risk register: one row per risk, with status and citing pages, as JSON and CSV."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .layout import PageLayout
from .ledger import Ledger
from .model import Catalog

REGISTER_JSON = "risk-register.json"
REGISTER_CSV = "risk-register.csv"


def register_rows(catalogs: Sequence[Catalog], ledger: Ledger) -> list[dict[str, Any]]:
    rows = []
    for catalog in catalogs:
        for risk in catalog.risks():
            pages = ledger.citing_pages(risk)
            rows.append({
                "tag": risk.qualified_tag,
                "catalog": catalog.id,
                "component": risk.component.label,
                "component_name": risk.component.name,
                "number": risk.number,
                "descriptor": risk.descriptor,
                "title": risk.title,
                "summary": risk.summary,
                "statuses": ledger.statuses(risk),
                "pages": [{"path": p.src_uri, "title": p.title, "url": p.url,
                           "status": p.statuses.get(risk)} for p in pages],
            })
    return rows


def write_register(
    site_dir: Path, catalogs: Sequence[Catalog], ledger: Ledger, layout: PageLayout
) -> None:
    rows = register_rows(catalogs, ledger)
    folder = site_dir / layout.folder.strip("/")
    folder.mkdir(parents=True, exist_ok=True)
    document = {"format": 1, "risks": rows}
    (folder / REGISTER_JSON).write_text(
        json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["tag", "catalog", "component", "title", "statuses", "pages"])
    for row in rows:
        writer.writerow([row["tag"], row["catalog"], row["component_name"], row["title"],
                         "; ".join(row["statuses"]),
                         "; ".join(p["path"] for p in row["pages"])])
    # A byte-order mark lets spreadsheet programs detect UTF-8 when opening the file.
    (folder / REGISTER_CSV).write_text("\ufeff" + buffer.getvalue(), encoding="utf-8")
