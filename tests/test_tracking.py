"""Tracking fields of a status (issue 28): ticket, reviewed, expires, from front matter to
the register, the backlinks, the assessment pages and the matrix."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from mkdocs_biml.cli.lint import run_lint
from mkdocs_biml.records.tracking import parse_date, today
from mkdocs_biml.resources import REGISTER_SCHEMA
from tests.sites import BuiltSite

SiteBuilder = Callable[..., BuiltSite]

TRACKED = """\
---
title: Fraud data
biml:
  data:2:transfer:
    status: accepted
    owner: ML platform team
    ticket: https://tracker.example.com/browse/SEC-1234
    reviewed: 2026-11-02
    expires: "2027-05-01"
  raw:4:legal:
    status: mitigated
    ticket: LEGAL-7
  data:1:poisoning: open
---

# Fraud data

We accept [data:2:transfer].
"""

CONFIG = {"plugins": [{"biml": {"assessments": {"fraud": "Fraud model"}}}]}


def register(site: BuiltSite) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(
        (site.site_dir / "biml" / "risk-register.json").read_text("utf-8")
    )
    return document


def entry(site: BuiltSite, tag: str) -> dict[str, Any]:
    row = next(r for r in register(site)["risks"] if r["tag"] == tag)
    (found,) = row["assessments"]
    assert isinstance(found, dict)
    return found


@pytest.fixture
def tracked(site: SiteBuilder) -> BuiltSite:
    built = site({"index.md": "# Home\n", "fraud/data.md": TRACKED}, CONFIG, strict=True)
    assert built.error is None, built.failure()
    return built


def test_the_register_has_the_fields_and_validates(tracked: BuiltSite) -> None:
    transfer = entry(tracked, "data:2:transfer")
    assert (transfer["ticket"], transfer["reviewed"], transfer["expires"]) == (
        "https://tracker.example.com/browse/SEC-1234",
        "2026-11-02",  # YAML's date object
        "2027-05-01",  # quoted: ISO text
    )
    legal = entry(tracked, "raw:4:legal")
    assert (legal["ticket"], legal["reviewed"], legal["expires"]) == ("LEGAL-7", None, None)
    schema = json.loads(REGISTER_SCHEMA.read_text("utf-8"))
    jsonschema.Draft202012Validator(schema).validate(register(tracked))
    assert register(tracked)["format"] == 1


def test_the_csv_has_the_columns(tracked: BuiltSite) -> None:
    text = (tracked.site_dir / "biml" / "risk-register.csv").read_text("utf-8-sig")
    header, *rows = text.splitlines()
    assert header.endswith(",assessment,status,owner,note,ticket,reviewed,expires")
    transfer = next(r for r in rows if r.startswith("data:2:transfer,"))
    assert transfer.endswith(
        ",Fraud model,accepted,ML platform team,,"
        "https://tracker.example.com/browse/SEC-1234,2026-11-02,2027-05-01"
    )


def test_backlinks_show_the_ticket_as_a_link_and_the_dates(tracked: BuiltSite) -> None:
    page = tracked.content("biml/data.md")
    backlinks = page.select_one('[data-biml-tag="data:2:transfer"]')
    assert backlinks is not None
    (item,) = backlinks.find_all("li")
    link = item.select_one("a.biml-ticket")
    assert link is not None and link["href"] == "https://tracker.example.com/browse/SEC-1234"
    assert item.select_one(".biml-reviewed").get_text() == "reviewed 2026-11-02"  # type: ignore[union-attr]
    assert item.select_one(".biml-expires").get_text() == "expires 2027-05-01"  # type: ignore[union-attr]
    legal = tracked.content("biml/raw.md").select_one('[data-biml-tag="raw:4:legal"]')
    assert legal is not None
    ticket = legal.select_one(".biml-ticket")
    assert ticket is not None and ticket.name == "span", "a ticket id is text, not a link"
    assert ticket.get_text() == "LEGAL-7"


def test_the_assessment_page_has_columns_and_the_matrix_a_detail(tracked: BuiltSite) -> None:
    table = tracked.content("biml/assessments/fraud-model.md").select_one(
        "table.biml-assessment-table"
    )
    assert table is not None
    headings = [th.get_text() for th in table.select("thead th")]
    assert headings[3:8] == ["Owner", "Note", "Ticket", "Reviewed", "Expires"]
    row = next(tr for tr in table.select("tbody tr") if "data:2:transfer" in tr.get_text())
    cells = [td.get_text() for td in row.find_all("td")]
    assert cells[3:8] == [
        "ML platform team",
        "",
        "https://tracker.example.com/browse/SEC-1234",
        "2026-11-02",
        "2027-05-01",
    ]
    matrix = tracked.content("biml/coverage.md").select_one("table.biml-assessment-matrix")
    assert matrix is not None
    cell = next(tr for tr in matrix.select("tbody tr") if "data:2:transfer" in tr.get_text())
    link = cell.select_one("td a")
    assert link is not None
    assert link["title"] == (
        "Ticket: https://tracker.example.com/browse/SEC-1234 · reviewed 2026-11-02 · "
        "expires 2027-05-01"
    )


BAD = """\
---
biml:
  data:2:transfer:
    status: accepted
    ticket: javascript:alert(1)
    reviewed: last week
    expires: "2027-02-30"
  raw:4:legal:
    status: mitigated
    ticket: [SEC-1, SEC-2]
    expires: 2027-05-01T10:00:00Z
---

# Page
"""


def test_bad_fields_are_warnings_at_their_lines_and_lint_agrees(
    site: SiteBuilder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    built = site({"index.md": "# Home\n", "page.md": BAD})
    assert built.error is None
    expected = [
        "biml: page.md:5: front matter: the ticket of [data:2:transfer] is the address "
        "'javascript:alert(1)', which is not a web (http or https) URL: give a web address "
        "or the ticket's id; it is ignored",
        "biml: page.md:6: front matter: the reviewed date of [data:2:transfer] is text "
        "('last week'), not a date: write it as YYYY-MM-DD (e.g. 'reviewed: 2027-05-01'); "
        "it is ignored",
        "biml: page.md:7: front matter: the expires date of [data:2:transfer] is text "
        "('2027-02-30'), not a date: write it as YYYY-MM-DD (e.g. 'expires: 2027-05-01'); "
        "it is ignored",
        "biml: page.md:10: front matter: the ticket of [raw:4:legal] must be text, on one "
        "line, not a list (\"['SEC-1', 'SEC-2']\"); it is ignored",
    ]
    assert built.biml_warnings() == expected
    # The entries still count, with the good fields: a timestamp gives its date.
    assert entry(built, "data:2:transfer")["status"] == "accepted"
    assert entry(built, "raw:4:legal")["expires"] == "2027-05-01"
    report = run_lint([], str(tmp_path / "mkdocs.yml"))
    assert [f"biml: {p.src_uri}:{p.line}: {p.message}" for p in report.problems] == expected


def test_a_date_yaml_cannot_make_is_a_warning_not_a_crash(site: SiteBuilder) -> None:
    page = "---\nbiml:\n  data:2:transfer:\n    status: accepted\n    expires: 2027-13-40\n---\n"
    built = site({"index.md": "# Home\n", "page.md": page})
    assert built.error is None, built.failure()
    assert built.biml_warnings() == [
        "biml: page.md:5: front matter holds a date that does not exist (month must be in "
        "1..12), so MkDocs ignores all of it, statuses included: correct the date (YYYY-MM-DD)"
    ]


def test_dates_and_today() -> None:
    assert parse_date(dt.date(2026, 11, 2)) == dt.date(2026, 11, 2)
    assert parse_date(dt.datetime(2026, 11, 2, 23, 59)) == dt.date(2026, 11, 2)
    assert parse_date("2026-11-02") == dt.date(2026, 11, 2)
    assert parse_date("02/11/2026") is None
    assert parse_date(20261102) is None
    assert today({"SOURCE_DATE_EPOCH": "1800000000"}) == dt.date(2027, 1, 15)
    assert today({"SOURCE_DATE_EPOCH": "soon"}) == dt.datetime.now(dt.timezone.utc).date()


def test_a_ticket_with_a_control_character_is_refused(site: SiteBuilder) -> None:
    page = '---\nbiml:\n  data:2:transfer:\n    status: open\n    ticket: "SEC-1\\e[2J"\n---\n'
    built = site({"index.md": "# Home\n", "page.md": page})
    [warning] = [m for m in built.biml_warnings() if "ticket" in m]
    assert "U+001B" in warning and warning.endswith("it is ignored")
    assert entry(built, "data:2:transfer")["ticket"] == ""
