"""The risk register written with the site: JSON against its schema, CSV in agreement."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from mkdocs_biml import Catalog
from mkdocs_biml.records.register import CSV_COLUMNS, TRACKING_COLUMNS
from mkdocs_biml.resources import REGISTER_SCHEMA
from tests.sites import BuiltSite

SiteBuilder = Callable[..., BuiltSite]

PAGES = {
    "index.md": "# Home\n\nWe address [data:2:transfer] and [raw:4:legal].\n",
    "training/data.md": """\
        ---
        title: Training data
        biml:
          data:2:transfer: mitigated
          raw:1:data confidentiality: not-applicable
        ---

        # Training data

        Transfer learning: [data:2:transfer], again [data:2:transfer].
        """,
    "ops.md": "---\nbiml:\n  raw:4:legal: accepted\n---\n\n# Operations\n",
}


def plugin(**options: Any) -> dict[str, Any]:
    # The framework pages are another module's subject; the register does not need them.
    return {"plugins": [{"biml": {"pages": False, **options}}]}


def read_json(site: BuiltSite, folder: str = "biml") -> dict[str, Any]:
    text = (site.site_dir / folder / "risk-register.json").read_text(encoding="utf-8")
    document: dict[str, Any] = json.loads(text)
    return document


def read_csv(site: BuiltSite, folder: str = "biml") -> list[dict[str, str]]:
    raw = (site.site_dir / folder / "risk-register.csv").read_bytes()
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def unguarded(cell: str) -> str:
    """A cell as the spreadsheet shows it: the apostrophe before a formula sign removed."""
    return cell[1:] if cell[:1] == "'" and cell[1:2] in ("=", "+", "-", "@") else cell


def assert_csv_agrees_with_json(document: dict[str, Any], rows: list[dict[str, str]]) -> None:
    assert len(rows) == len(document["risks"])
    for row, risk in zip(rows, document["risks"], strict=True):
        shown = {key: unguarded(value) for key, value in row.items()}
        site = risk["assessments"][0] if risk["assessments"] else {}
        assert shown == {
            "tag": risk["tag"],
            "catalog": risk["catalog"],
            "component": risk["component_name"],
            "title": risk["title"],
            "statuses": "; ".join(risk["statuses"]),
            "pages": "; ".join(page["path"] for page in risk["pages"]),
            "summary": risk["summary"],
            **{key: site.get(key) or "" for key in TRACKING_COLUMNS},
        }


@pytest.fixture
def built(site: SiteBuilder) -> BuiltSite:
    result = site(PAGES, plugin())
    assert result.error is None
    return result


def test_json_validates_against_its_schema(built: BuiltSite) -> None:
    schema = json.loads(REGISTER_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    document = read_json(built)
    assert list(validator.iter_errors(document)) == []
    document["risks"][0]["pages"] = [{"path": "x.md"}]
    assert list(validator.iter_errors(document)), "the schema must reject an incomplete page"


def test_one_row_per_risk_with_statuses_and_citing_pages(built: BuiltSite) -> None:
    document = read_json(built)
    assert document["format"] == 1
    assert [c["id"] for c in document["catalogs"]] == ["biml-78"]
    assert len(document["risks"]) == 79
    rows = {row["tag"]: row for row in document["risks"]}
    transfer = rows["data:2:transfer"]
    assert transfer["statuses"] == ["mitigated"]
    assert transfer["pages"] == [
        {"path": "index.md", "title": "Home", "url": "", "status": None, "lines": [3]},
        {
            "path": "training/data.md",
            "title": "Training data",
            "url": "training/data/",
            "status": "mitigated",
            "lines": [10],
        },
    ]
    assert [p["status"] for p in rows["raw:4:legal"]["pages"]] == [None, "accepted"]
    assert rows["raw:1:data confidentiality"]["statuses"] == ["not-applicable"]
    assert rows["raw:1:data confidentiality"]["pages"][0]["lines"] == []
    assert rows["model:5:steal the box"]["pages"] == []


def test_top_ten_ranks(built: BuiltSite, biml78: Catalog) -> None:
    rows = {row["tag"]: row for row in read_json(built)["risks"]}
    ranked = {risk.tag: entry.rank for entry in biml78.top_ten for risk in entry.risks}
    assert ranked, "BIML-78 has a Top Ten"
    for tag, row in rows.items():
        assert row["top_ten"] == ranked.get(tag), tag


def test_csv_opens_in_a_spreadsheet_as_is(built: BuiltSite) -> None:
    raw = (built.site_dir / "biml" / "risk-register.csv").read_bytes()
    assert raw.startswith(
        b"\xef\xbb\xbf" + b",".join(c.encode() for c in (*CSV_COLUMNS, *TRACKING_COLUMNS)) + b"\r\n"
    )
    records = raw.split(b"\r\n")
    assert records[-1] == b"", "every record ends with CRLF"
    assert all(b"\n" not in r for r in records[:2])


def test_json_and_csv_agree(built: BuiltSite) -> None:
    rows = read_csv(built)
    assert_csv_agrees_with_json(read_json(built), rows)
    transfer = next(r for r in rows if r["tag"] == "data:2:transfer")
    assert transfer["pages"] == "index.md; training/data.md"
    assert transfer["component"] == "Datasets"


def test_output_is_byte_identical_across_builds(site: SiteBuilder, tmp_path: Path) -> None:
    first = site(PAGES, plugin())
    files = ("risk-register.json", "risk-register.csv")
    before = [(first.site_dir / "biml" / name).read_bytes() for name in files]
    second = site(dict(reversed(PAGES.items())), plugin())
    assert [(second.site_dir / "biml" / name).read_bytes() for name in files] == before


def test_folder_option_and_register_off(site: SiteBuilder) -> None:
    moved = site(PAGES, plugin(folder="framework/risks"))
    assert (moved.site_dir / "framework/risks/risk-register.json").is_file()
    assert (moved.site_dir / "framework/risks/risk-register.csv").is_file()
    off = site(PAGES, plugin(register=False, folder="nothing"))
    assert not (off.site_dir / "nothing").exists()


def _hostile_catalog(path: Path) -> None:
    """A catalogue whose texts start like spreadsheet formulas and hold CSV specials."""
    risks = [
        ("leak", '=HYPERLINK("http://evil.example","click")', "Plain summary."),
        ("poison", "+1+2", '-2+3, said "someone"\nacross two lines'),
        ("drift", "@SUM(A1:A2)\non two lines", "Ordinary; with a semicolon, and a comma."),
    ]
    document = {
        "format": 1,
        "id": "hostile",
        "prefix": "EVIL",
        "title": "A hostile analysis",
        "short_title": "EVIL",
        "authors": ["Mallory"],
        "publisher": "Nobody",
        "version": "1",
        "sources": [{"title": "n/a", "url": "https://example.org/"}],
        "license": {"name": "CC0", "url": "https://example.org/cc0"},
        "attribution": "Test data.",
        "components": [
            {
                "label": "intake",
                "number": 1,
                "name": '-Intake, "raw"',
                "kind": "collection",
                "risks": [
                    {"number": n, "descriptor": d, "title": t, "summary": s, "description": "x"}
                    for n, (d, t, s) in enumerate(risks, start=1)
                ],
            }
        ],
    }
    path.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")


def test_formula_cells_are_defused_and_specials_quoted(site: SiteBuilder, tmp_path: Path) -> None:
    tmp_path.mkdir(exist_ok=True)
    _hostile_catalog(tmp_path / "hostile.yaml")
    built = site(
        {"index.md": "---\nbiml:\n  EVIL:intake:2:poison: open\n---\n[EVIL:intake:1:leak]\n"},
        plugin(catalogs=["hostile.yaml"]),
    )
    assert built.error is None, built.error
    assert built.biml_warnings() == []
    rows = [r for r in read_csv(built) if r["catalog"] == "hostile"]
    assert [(r["title"], r["component"]) for r in rows] == [
        ('\'=HYPERLINK("http://evil.example","click")', '\'-Intake, "raw"'),
        ("'+1+2", '\'-Intake, "raw"'),
        ("'@SUM(A1:A2)\non two lines", '\'-Intake, "raw"'),
    ]
    assert rows[1]["summary"] == '\'-2+3, said "someone" across two lines'
    assert rows[2]["summary"] == "Ordinary; with a semicolon, and a comma."
    document = read_json(built)
    hostile = [r for r in document["risks"] if r["catalog"] == "hostile"]
    assert hostile[0]["title"].startswith("="), "JSON keeps the catalogue's text unchanged"
    assert_csv_agrees_with_json(document, read_csv(built))
