"""Assessments (issue 18): long-form statuses, assessments by folder, and what they produce."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from typing import Any

import jsonschema
import pytest

from mkdocs_biml.lint import run_lint
from mkdocs_biml.register import SCHEMA_PATH
from tests.sites import BuiltSite

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
            "'owner'? (an entry's keys are status, owner, note); it is ignored",
        ),
        (
            "fraud.md",
            12,
            "front matter: [data:1:poisoning] has an unknown key 'notes'; did you mean "
            "'note'? (an entry's keys are status, owner, note); it is ignored",
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
    schema = json.loads(SCHEMA_PATH.read_text("utf-8"))
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
    path = systems.site_dir / "biml" / "risk-register.csv"
    with path.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
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
    "systems/recs/more.md": "---\ntitle: More\nbiml:\n  data:2:transfer: mitigated\n---\n\n# More\n",
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
