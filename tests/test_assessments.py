"""Assessments (issue 18): long-form statuses, assessments by folder, and what they produce."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import logging
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from mkdocs_biml.cli.lint import run_lint
from mkdocs_biml.host.plugin import BimlPlugin
from mkdocs_biml.resources import REGISTER_SCHEMA
from tests.sites import BuiltSite, build_site, write_site

SiteBuilder = Callable[..., BuiltSite]

LONG_FORM = """\
---
title: Fraud data
biml:
  data:2:transfer: mitigated
  raw:4:legal:
    status: accepted
    owner: Legal team
    note: Licences of every source reviewed in October.
  data:1:poisoning:
    status: open
    ownr: Data team
    notes: to do
---

# Fraud data
"""


def register(site: BuiltSite) -> dict[str, Any]:
    text = (site.site_dir / "biml" / "risk-register.json").read_text("utf-8")
    document: dict[str, Any] = json.loads(text)
    return document


def row(site: BuiltSite, tag: str) -> dict[str, Any]:
    return next(r for r in register(site)["risks"] if r["tag"] == tag)


def read_csv(site: BuiltSite) -> list[dict[str, str]]:
    path = site.site_dir / "biml" / "risk-register.csv"
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.DictReader(stream))


def located(warnings: list[str]) -> set[tuple[str, int | None, str]]:
    found = set()
    for warning in warnings:
        location, message = warning.removeprefix("biml: ").split(": ", 1)
        path, _, line = location.partition(":")
        found.add((path, int(line) if line else None, message))
    return found


def test_long_form_gives_owner_and_note_and_names_unknown_keys(site: SiteBuilder) -> None:
    built = site({"index.md": "# Home\n", "fraud.md": LONG_FORM})
    assert built.error is None
    legal = row(built, "raw:4:legal")
    assert legal["pages"][0]["status"] == "accepted"
    assert legal["assessments"] == [
        {
            "name": None,
            "status": "accepted",
            "owner": "Legal team",
            "note": "Licences of every source reviewed in October.",
            "ticket": "",
            "reviewed": None,
            "expires": None,
            "pages": legal["pages"],
        }
    ]
    assert row(built, "data:1:poisoning")["statuses"] == ["open"]
    warnings = located(built.biml_warnings())
    assert warnings == {
        (
            "fraud.md",
            11,
            "front matter: [data:1:poisoning] has an unknown key 'ownr'; did you mean "
            "'owner'? (an entry's keys are status, owner, note, ticket, reviewed, expires); "
            "it is ignored",
        ),
        (
            "fraud.md",
            12,
            "front matter: [data:1:poisoning] has an unknown key 'notes'; did you mean "
            "'note'? (an entry's keys are status, owner, note, ticket, reviewed, expires); "
            "it is ignored",
        ),
    }
    lint = run_lint([], str(built.root / "mkdocs.yml"))
    assert {("fraud.md", p.line, p.message) for p in lint.problems} == warnings


def test_long_form_without_a_status_is_reported_at_its_line(site: SiteBuilder) -> None:
    page = "---\nbiml:\n  data:2:transfer:\n    owner: Me\n    status: mitigatd\n---\n\n# P\n"
    built = site({"index.md": "# Home\n", "p.md": page})
    assert located(built.biml_warnings()) == {
        (
            "p.md",
            5,
            "front matter: status 'mitigatd' of [data:2:transfer] is not one of open, "
            "mitigated, accepted, not-applicable; did you mean 'mitigated'? "
            "(the plugin's 'statuses' option sets the list)",
        )
    }
    assert row(built, "data:2:transfer")["pages"] == []


FRAUD, RECS, SCORING = "Fraud detection model", "Recommender", "Fraud scoring service"
ASSESSMENTS = {"systems/fraud": FRAUD, "systems/recs": RECS, "systems/fraud/scoring": SCORING}

#: Three assessments (one nested in another), short and long forms, an LLM risk,
#: and a page of the site itself.
SYSTEMS = {
    "index.md": "# Home\n\nWe watch [data:2:transfer] everywhere.\n",
    "systems/fraud/data.md": """\
        ---
        biml:
          data:2:transfer: mitigated
          raw:4:legal:
            status: accepted
            owner: Legal team
            note: Licences reviewed in October.
        ---

        # Fraud data

        Transfer: [data:2:transfer].
        """,
    "systems/fraud/model.md": """\
        ---
        biml:
          "[data:2:transfer]":
            status: mitigated
            owner: Fraud team
        ---

        # Fraud model
        """,
    "systems/fraud/scoring/api.md": """\
        ---
        biml:
          data:2:transfer: open
        ---

        # Scoring API
        """,
    "systems/recs/index.md": """\
        ---
        biml:
          data:2:transfer: not-applicable
          LLM:raw:1:recursive pollution:
            status: open
            owner: Recs team
        ---

        # Recommender
        """,
}
CONFIG = {"plugins": [{"biml": {"assessments": ASSESSMENTS, "catalogs": ["biml-llm"]}}]}


@pytest.fixture
def systems(site: SiteBuilder) -> BuiltSite:
    built = site(SYSTEMS, CONFIG)
    assert built.error is None, built.failure()
    assert built.biml_warnings() == []
    return built


def test_register_rows_give_each_assessment_its_status(systems: BuiltSite) -> None:
    document = register(systems)
    schema = json.loads(REGISTER_SCHEMA.read_text("utf-8"))
    jsonschema.validate(document, schema)
    assert document["format"] == 1
    transfer = row(systems, "data:2:transfer")
    assert transfer["statuses"] == ["mitigated", "not-applicable", "open"]
    summary = [
        (a["name"], a["status"], a["owner"], [p["path"] for p in a["pages"]])
        for a in transfer["assessments"]
    ]
    assert summary == [
        (FRAUD, "mitigated", "Fraud team", ["systems/fraud/data.md", "systems/fraud/model.md"]),
        (RECS, "not-applicable", "", ["systems/recs/index.md"]),
        (SCORING, "open", "", ["systems/fraud/scoring/api.md"]),
        (None, None, "", ["index.md"]),
    ]
    llm = row(systems, "LLM:raw:1:recursive pollution")
    assert [(a["name"], a["status"], a["owner"]) for a in llm["assessments"]] == [
        (RECS, "open", "Recs team")
    ]
    assert row(systems, "data:1:poisoning")["assessments"] == []


def test_register_csv_has_a_row_per_risk_and_assessment(systems: BuiltSite) -> None:
    rows = read_csv(systems)
    assert list(rows[0])[-7:] == [
        *("assessment", "status", "owner", "note"),
        *("ticket", "reviewed", "expires"),
    ]
    transfer = [
        (r["assessment"], r["status"], r["owner"], r["pages"])
        for r in rows
        if r["tag"] == "data:2:transfer"
    ]
    assert transfer == [
        (FRAUD, "mitigated", "Fraud team", "systems/fraud/data.md; systems/fraud/model.md"),
        (RECS, "not-applicable", "", "systems/recs/index.md"),
        (SCORING, "open", "", "systems/fraud/scoring/api.md"),
        ("", "", "", "index.md"),
    ]
    legal = [r for r in rows if r["tag"] == "raw:4:legal"]
    assert [(r["assessment"], r["note"]) for r in legal] == [
        (FRAUD, "Licences reviewed in October.")
    ]
    nobody = [r for r in rows if r["tag"] == "data:1:poisoning"]
    assert [(r["assessment"], r["status"], r["pages"]) for r in nobody] == [("", "", "")]


CONFLICT = {
    **SYSTEMS,
    "systems/recs/more.md": (
        "---\ntitle: More\nbiml:\n  data:2:transfer: mitigated\n---\n\n# More\n"
    ),
}


def test_conflicting_statuses_in_one_assessment_name_both_pages(site: SiteBuilder) -> None:
    built = site(CONFLICT, CONFIG)
    assert built.error is None
    assert located(built.biml_warnings()) == {
        (
            "systems/recs/more.md",
            4,
            "front matter: [data:2:transfer] is 'mitigated' here but 'not-applicable' in "
            "systems/recs/index.md:3, both in the assessment 'Recommender': give the risk "
            "one status per assessment",
        )
    }


def test_conflicts_fail_a_strict_build(site: SiteBuilder) -> None:
    built = site(CONFLICT, CONFIG, strict=True)
    assert built.error is not None


def test_pages_of_the_site_itself_may_disagree(site: SiteBuilder) -> None:
    pages = {
        "index.md": "# Home\n",
        "a.md": "---\nbiml:\n  data:2:transfer: open\n---\n\n# A\n",
        "b.md": "---\nbiml:\n  data:2:transfer: mitigated\n---\n\n# B\n",
        "systems/fraud/x.md": "# X\n",
        "systems/recs/x.md": "# X\n",
        "systems/fraud/scoring/x.md": "# X\n",
    }
    built = site(pages, CONFIG, strict=True)
    assert built.error is None, built.failure()


@pytest.mark.parametrize(
    ("assessments", "message"),
    [
        (
            {"systems/fraud": FRAUD, "systems/gone": "Gone"},
            "the 'assessments' option lists folders that are not in",
        ),
        (
            {"systems/fraud": FRAUD, "systems/fraud/": "Again"},
            "folders 'systems/fraud' and 'systems/fraud/' are the same folder",
        ),
        (
            {"systems/fraud": FRAUD, "Systems/Fraud": "Other"},
            "are the same folder, so its pages would belong to two assessments",
        ),
        (
            {"systems/fraud": FRAUD, "systems/recs": FRAUD},
            "the name 'Fraud detection model' is given to 'systems/fraud' and 'systems/recs'",
        ),
        ({"../outside": "Out"}, "folder '../outside': it must not hold a '..'"),
        ({"systems/fraud": ""}, "each entry maps a folder to a name"),
    ],
)
def test_bad_assessments_option_is_a_configuration_error(
    site: SiteBuilder, assessments: dict[str, str], message: str
) -> None:
    pages = {"index.md": "# Home\n", "systems/fraud/a.md": "# A\n", "systems/recs/a.md": "# A\n"}
    pages["systems/fraud/scoring/a.md"] = "# A\n"
    built = site(pages, {"plugins": [{"biml": {"assessments": assessments}}]})
    assert built.error is not None
    assert message in built.failure()


def test_statuses_set_outside_every_assessment_show_in_the_matrix(
    site: SiteBuilder, tmp_path: Path
) -> None:
    pages = {
        "index.md": "# Home\n",
        "policy/security.md": "---\nbiml:\n  raw:4:legal: accepted\n---\n# Security policy\n",
        "systems/fraud/index.md": "---\nbiml:\n  data:2:transfer: mitigated\n---\n# Fraud\n",
    }
    built = site(pages, {"plugins": [{"biml": {"assessments": {"systems/fraud": FRAUD}}}]})
    assert built.error is None, built.failure()
    page = built.content("biml/coverage.md")
    matrix = page.select_one('table.biml-assessment-matrix[data-biml-catalog="biml-78"]')
    assert matrix is not None
    assert cell_texts(matrix.thead.tr) == ["Risk", FRAUD, "Other pages"]
    rows = {r.th.code.get_text(): r for r in matrix.tbody.find_all("tr")}
    assert cell_texts(rows["raw:4:legal"])[1:] == ["not addressed", "accepted"]
    assert rows["raw:4:legal"].select("td")[1].a["href"] == "../../policy/security/"
    assert cell_texts(rows["data:2:transfer"])[1:] == ["mitigated", "not addressed"]
    counts = page.select_one('table.biml-assessment-counts[data-biml-catalog="biml-78"]')
    assert counts is not None
    assert cell_texts(counts.thead.tr) == ["Status", FRAUD, "Other pages"]
    # A site whose every citing page is inside an assessment has no such column.
    inside = {k: v for k, v in pages.items() if not k.startswith("policy/")}
    config = {"plugins": [{"biml": {"assessments": {"systems/fraud": FRAUD}}}]}
    alone = build_site(tmp_path / "inside", inside, config)
    matrix = alone.content("biml/coverage.md").select_one("table.biml-assessment-matrix")
    assert matrix is not None
    assert cell_texts(matrix.thead.tr) == ["Risk", FRAUD]


def cell_texts(row: Any) -> list[str]:
    return [cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"])]


def test_coverage_matrix_shows_each_assessment_status_linked(systems: BuiltSite) -> None:
    page = systems.content("biml/coverage.md")
    matrix = page.select_one('table.biml-assessment-matrix[data-biml-catalog="biml-78"]')
    assert matrix is not None
    # The home page cites a risk outside every assessment: a column of its own.
    assert cell_texts(matrix.thead.tr) == ["Risk", FRAUD, RECS, SCORING, "Other pages"]
    # The page names each assessment, linked to its page, above the matrices.
    named = {
        a.get_text(): a["href"] for a in page.select("p a") if a.get_text() in ASSESSMENTS.values()
    }
    assert list(named) == [FRAUD, RECS, SCORING]
    assert all(systems.has_target("biml/coverage.md", href) for href in named.values())
    rows = {r.th.code.get_text(): r for r in matrix.tbody.find_all("tr")}
    assert len(rows) == 79
    transfer = rows["data:2:transfer"]
    assert cell_texts(transfer)[1:] == ["mitigated", "not-applicable", "open", "cited"]
    links = [td.a["href"] for td in transfer.find_all("td")]
    assert links == [
        "../../systems/fraud/data/",
        "../../systems/recs/",
        "../../systems/fraud/scoring/api/",
        "../../",
    ]
    assert transfer.td.span["class"] == [
        "biml-status",
        "biml-status-mitigated",
    ]
    assert cell_texts(rows["raw:4:legal"])[1:] == [
        "accepted",
        "not addressed",
        "not addressed",
        "not addressed",
    ]
    counts = page.select_one('table.biml-assessment-counts[data-biml-catalog="biml-78"]')
    assert counts is not None
    by_status = {r.th.get_text(): cell_texts(r)[1:] for r in counts.tbody.find_all("tr")}
    assert by_status == {
        "Open": ["0", "0", "1", "0"],
        "Mitigated": ["1", "0", "0", "0"],
        "Accepted": ["1", "0", "0", "0"],
        "Not-applicable": ["0", "1", "0", "0"],
        "Cited": ["0", "0", "0", "1"],
        "Not addressed": ["77", "78", "78", "78"],
    }
    llm = page.select_one('table.biml-assessment-matrix[data-biml-catalog="biml-llm"]')
    assert llm is not None
    pollution = next(
        r for r in llm.tbody.find_all("tr") if "recursive pollution" in r.th.get_text()
    )
    assert cell_texts(pollution)[1:] == ["not addressed", "open", "not addressed"]


def test_heat_maps_give_the_share_addressed_as_text(systems: BuiltSite) -> None:
    coverage = systems.content("biml/coverage.md")
    site_map = coverage.select_one('figure.biml-heat-map[data-biml-catalog="biml-78"]')
    assert site_map is not None
    figures = [li.get_text(" ", strip=True) for li in site_map.select(".biml-heat-map-figures li")]
    # data:2:transfer (mitigated, not-applicable) and raw:4:legal (accepted) are addressed.
    assert "3. Datasets : 1 of 7 addressed (14%)" in figures
    assert "1. Raw data in the world : 1 of 13 addressed (8%)" in figures
    node = site_map.select_one('a.biml-node[data-biml-component="data"]')
    assert node["aria-label"] == "3. Datasets: 1 of 7 addressed (14%)"
    assert "biml-heat-1" in node["class"]
    assert systems.has_target("biml/coverage.md", node["xlink:href"])
    scoring = systems.content("biml/assessments/fraud-scoring-service.md")
    heat = scoring.select_one('figure.biml-heat-map[data-biml-catalog="biml-78"]')
    assert heat is not None
    assert heat["data-biml-assessment"] == SCORING
    node = heat.select_one('a.biml-node[data-biml-component="data"]')
    assert node["aria-label"] == "3. Datasets: 0 of 7 addressed (0%)", "open is not addressed"
    assert "biml-heat-0" in node["class"]


@pytest.mark.slow
def test_each_assessment_has_a_page_with_every_risk(systems: BuiltSite) -> None:
    page = systems.content("biml/assessments/fraud-detection-model.md")
    assert page.h1.get_text(strip=True) == FRAUD
    table = page.select_one('table.biml-assessment-table[data-biml-catalog="biml-78"]')
    assert table is not None
    marker = table.find_previous("div")
    assert marker is not None and marker.find_previous(attrs={"data-biml-table": "risks"})
    rows = {r.td.code.get_text(): r for r in table.tbody.find_all("tr")}
    assert len(rows) == 79
    # No page gives a ticket or a date: the table has no tracking columns.
    headings = [th.get_text() for th in table.thead.find_all("th")]
    assert "Ticket" not in headings and "Expires" not in headings
    assert cell_texts(rows["raw:4:legal"])[2:] == [
        "accepted",
        "Legal team",
        "Licences reviewed in October.",
        "Fraud data",
    ]
    transfer = cell_texts(rows["data:2:transfer"])
    assert transfer[2:] == ["mitigated", "Fraud team", "", "Fraud data , Fraud model"]
    for link in table.select("a"):
        assert systems.has_target("biml/assessments/fraud-detection-model.md", link["href"])
    recs = systems.content("biml/assessments/recommender.md")
    llm = recs.select_one('table.biml-assessment-table[data-biml-catalog="biml-llm"]')
    assert llm is not None
    pollution = next(
        r for r in llm.tbody.find_all("tr") if "recursive pollution" in r.td.get_text()
    )
    assert cell_texts(pollution)[2:4] == ["open", "Recs team"]


def test_backlinks_name_the_assessment_of_each_page(systems: BuiltSite) -> None:
    page = systems.content("biml/data.md")
    backlinks = page.select_one('[data-biml-tag="data:2:transfer"]')
    assert backlinks is not None
    assert [li.get_text(" ", strip=True) for li in backlinks.find_all("li")] == [
        "Home",
        f"Fraud data ({FRAUD}) mitigated",
        f"Fraud model ({FRAUD}) mitigated",
        f"Scoring API ({SCORING}) open",
        f"Recommender ({RECS}) not-applicable",
    ]


def test_assessment_pages_are_in_the_framework_section(systems: BuiltSite) -> None:
    soup = systems.soup("biml/coverage.md")
    titles = [a.get_text(strip=True) for a in soup.select("a")]
    assert titles.index("Risk coverage") < titles.index(FRAUD) < titles.index(SCORING)


NOTHING_CONFIGURED = {
    "index.md": "# Home\n\nWe watch [data:2:transfer].\n",
    "a.md": "---\nbiml:\n  data:2:transfer:\n    status: mitigated\n    owner: Me\n---\n\n# A\n",
    "systems/fraud/b.md": "---\nbiml:\n  data:2:transfer: open\n---\n\n# B\n",
}


def test_nothing_configured_adds_nothing_to_the_pages(site: SiteBuilder) -> None:
    built = site(NOTHING_CONFIGURED)
    assert built.error is None
    assert built.biml_warnings() == [], "pages of the site itself may disagree"
    assert not (built.site_dir / "biml" / "assessments").exists()
    for path in built.site_dir.rglob("*.html"):
        text = path.read_text("utf-8")
        for mark in ("assessment", "heat-map", "biml-status-none"):
            assert mark not in text, (path, mark)
    backlinks = built.content("biml/data.md").select_one('[data-biml-tag="data:2:transfer"]')
    assert backlinks is not None
    assert [str(li) for li in backlinks.find_all("li")] == [
        '<li><a href="../../a/">A</a> <span class="biml-status biml-status-mitigated">'
        "mitigated</span></li>",
        '<li><a href="../../">Home</a></li>',
        '<li><a href="../../systems/fraud/b/">B</a> <span class="biml-status biml-status-open">'
        "open</span></li>",
    ]
    rows = read_csv(built)
    assert list(rows[0]) == [
        *("tag", "catalog", "component", "title", "statuses", "pages", "summary"),
        *("ticket", "reviewed", "expires"),
    ]
    assert len(rows) == 79
    transfer = row(built, "data:2:transfer")
    assert [(a["name"], a["status"], a["owner"]) for a in transfer["assessments"]] == [
        (None, "mitigated", "Me")
    ]


def test_lint_accepts_the_option_and_finds_nothing_in_a_clean_site(systems: BuiltSite) -> None:
    assert run_lint([], str(systems.root / "mkdocs.yml")).problems == []


def test_serve_dirty_restores_owner_note_and_conflicts(tmp_path: Path) -> None:
    """A page a dirty rebuild restores from its record keeps its owner, note and line."""
    config_file = write_site(tmp_path, CONFLICT, CONFIG)
    site_dir = tmp_path / "served"

    def serve(dirty: bool) -> tuple[BimlPlugin, str]:
        config = load_config(str(config_file), site_dir=str(site_dir))
        config.plugins.on_startup(command="serve", dirty=True)
        with _warnings() as warnings:
            build(config, dirty=dirty, serve_url="http://127.0.0.1:8000/")
        plugin = config.plugins["biml"]
        assert isinstance(plugin, BimlPlugin)
        return plugin, warnings.getvalue()

    _, first = serve(dirty=False)
    before = (site_dir / "biml" / "risk-register.json").read_bytes()
    plugin, again = serve(dirty=True)
    assert "systems/fraud/data.md" not in plugin.build.pages_read_from_source  # restored
    assert (site_dir / "biml" / "risk-register.json").read_bytes() == before
    assert b"Legal team" in before
    conflict = "systems/recs/more.md:4: front matter: [data:2:transfer] is 'mitigated'"
    assert conflict in first
    assert conflict in again


@contextlib.contextmanager
def _warnings() -> Iterator[io.StringIO]:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    logger = logging.getLogger("mkdocs.plugins.biml")
    logger.addHandler(handler)
    try:
        yield stream
    finally:
        logger.removeHandler(handler)
