"""Risk tables in any page: the ``<!-- biml:risks ... -->`` marker, built and linted."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from bs4 import Tag

from mkdocs_biml.cli.lint import run_lint
from tests.sites import BuiltSite

SiteBuilder = Callable[..., BuiltSite]

CONFIG: dict[str, Any] = {
    "plugins": [
        {
            "biml": {
                "catalogs": ["biml-78", "biml-llm"],
                "assessments": {"fraud": "Fraud detection", "recs": "Recommender"},
            }
        }
    ]
}

PAGES = {
    "index.md": "# Home\n",
    "fraud/data.md": """\
        ---
        title: Fraud data
        biml:
          data:2:transfer:
            status: accepted
            owner: ML platform
          raw:4:legal: open
          model:2:Trojan: mitigated
        ---

        # Fraud data
        """,
    "fraud/serving.md": """\
        ---
        biml:
          input:1:adversarial examples:
            status: open
            owner: Serving team
        ---

        # Serving

        We cite [inference:1:online] here.
        """,
    "recs/model.md": """\
        ---
        biml:
          data:2:transfer: open
          LLM:raw:1:recursive pollution: accepted
        ---

        # Recommender model
        """,
    "ops.md": """\
        ---
        biml:
          assembly:4:partitioning: not-applicable
        ---

        # Operations
        """,
}


def tables(built: BuiltSite, src_uri: str) -> list[Tag]:
    assert built.error is None, built.failure()
    return built.content(src_uri).select("table.biml-risk-query")


def rows(table: Tag) -> list[dict[str, str]]:
    """Each body row as column heading -> cell text."""
    headings = [th.get_text(strip=True) for th in table.select("thead th")]
    return [
        dict(zip(headings, (td.get_text(" ", strip=True) for td in tr.select("td")), strict=True))
        for tr in table.select("tbody tr")
    ]


def tags(table: Tag) -> list[str]:
    return [code.get_text() for code in table.select("tbody td:first-child code")]


def page_with(*markers: str, before: str = "") -> dict[str, str]:
    body = "\n\n".join(markers)
    return {**PAGES, "model.md": f"# Threat model\n\n{before}{body}\n"}


@pytest.mark.slow
def test_a_marker_becomes_the_table_of_the_risks_it_selects(site: SiteBuilder) -> None:
    marker = '<!-- biml:risks assessment="Fraud detection" status="open accepted" -->'
    built = site(page_with(marker), CONFIG)
    [table] = tables(built, "model.md")
    found = rows(table)
    assert tags(table) == [
        "raw:4:legal",
        "data:2:transfer",
        "input:1:adversarial examples",
    ]
    transfer = found[1]
    assert transfer["Status"] == "accepted"
    assert transfer["Owner"] == "ML platform"
    assert transfer["Set by"] == "Fraud data"
    assert transfer["Component"] == "3. Datasets"
    assert "Assessment" not in transfer  # one assessment: no column for it
    for link in table.select("a[href]"):
        assert built.has_target("model.md", str(link["href"])), link["href"]


@pytest.mark.slow
def test_filters_combine_and_values_are_alternatives(site: SiteBuilder) -> None:
    markers = (
        '<!-- biml:risks component="data raw" status="open" -->',
        '<!-- biml:risks top_ten="yes" assessment="Fraud detection, Recommender" -->',
        "<!-- biml:risks owner='serving team' -->",
        '<!-- biml:risks catalog="BIML-LLM" status="accepted" -->',
    )
    built = site(page_with(*markers), CONFIG)
    by_component, top_ten, by_owner, llm = tables(built, "model.md")
    assert [(r["Assessment"], tag) for r, tag in zip(rows(by_component), tags(by_component))] == [
        ("Fraud detection", "raw:4:legal"),
        ("Recommender", "data:2:transfer"),
    ]
    top_ten_tags = set(tags(top_ten))
    assert "data:2:transfer" in top_ten_tags and "raw:4:legal" not in top_ten_tags
    assert tags(by_owner) == ["input:1:adversarial examples"]
    assert tags(llm) == ["LLM:raw:1:recursive pollution"]


def test_without_an_assessment_filter_pages_outside_the_assessments_count_too(
    site: SiteBuilder,
) -> None:
    built = site(page_with('<!-- biml:risks status="not-applicable" -->'), CONFIG)
    [table] = tables(built, "model.md")
    assert [(r["Assessment"], r["Risk"]) for r in rows(table)] == [
        ("this site", "Dataset partitioning assembly:4:partitioning")
    ]


def test_a_site_without_assessments_is_one_assessment(site: SiteBuilder) -> None:
    built = site(page_with('<!-- biml:risks status="accepted mitigated" -->'), {})
    [table] = tables(built, "model.md")
    assert tags(table) == ["data:2:transfer", "model:2:Trojan"]
    assert "Assessment" not in rows(table)[0]


def test_no_match_says_so(site: SiteBuilder) -> None:
    built = site(page_with('<!-- biml:risks status="mitigated" owner="Nobody" -->'), CONFIG)
    assert built.error is None, built.failure()
    content = built.content("model.md")
    assert content.select_one(".biml-risk-query-none") is not None
    assert not content.select("table.biml-risk-query")


def test_markers_in_code_or_escaped_stay_as_written(site: SiteBuilder) -> None:
    marker = '<!-- biml:risks status="open" -->'
    entity = marker.replace("<", "&lt;")
    page = f"`{marker}`\n\n```html\n{marker}\n```\n\n{entity}\n\n\\{marker}\n"
    built = site(page_with(before=page), CONFIG)
    content = built.content("model.md")
    assert not content.select("table.biml-risk-query")
    assert content.get_text().count(marker) == 3  # code span, code block, entity
    assert "\\" + marker in built.html("model.md")  # escaped: kept as written
    assert built.biml_warnings() == []


def test_unknown_filters_and_values_are_warned_at_their_line_by_build_and_lint(
    site: SiteBuilder,
) -> None:
    page = (
        "# Threat model\n\n"
        '<!-- biml:risks status="opne" -->\n\n'
        "Some text.\n\n"
        '<!-- biml:risks colour="red" assessment="Fraud" -->\n'
    )
    built = site({**PAGES, "model.md": "---\ntitle: T\n---\n" + page}, CONFIG, strict=True)
    assert built.error is not None  # --strict counts them
    warned = [m for m in built.biml_warnings() if "model.md" in m]
    assert len(warned) == 3
    assert warned[0].startswith("biml: model.md:6: risk table marker: status 'opne' is not one")
    assert "unknown filter 'colour'" in warned[1] and warned[1].startswith("biml: model.md:10:")
    assert "assessment 'Fraud' is not one of this site's" in warned[2]
    assert "Fraud detection, Recommender" in warned[2]
    lint = run_lint([], str(built.root / "mkdocs.yml"))
    linted = [f"biml: {p.src_uri}:{p.line}: {p.message}" for p in lint.problems]
    assert sorted(linted) == sorted(warned)


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
@pytest.mark.slow
def test_the_table_reads_the_same_on_both_themes(site: SiteBuilder, theme: str) -> None:
    built = site(
        page_with('<!-- biml:risks assessment="Recommender" -->'),
        {**CONFIG, "theme": {"name": theme}},
    )
    [table] = tables(built, "model.md")
    found = {r["Risk"]: r["Status"] for r in rows(table)}
    assert found["Transfer learning attack data:2:transfer"] == "open"
    assert found["Recursive pollution LLM:raw:1:recursive pollution"] == "accepted"
    assert found["Trojaned model model:2:Trojan"] == "not addressed"


def test_without_the_framework_pages_a_marker_is_left_with_a_warning(site: SiteBuilder) -> None:
    built = site(
        page_with('<!-- biml:risks status="open" -->'), {"plugins": [{"biml": {"pages": False}}]}
    )
    assert built.error is None, built.failure()
    [warning] = [m for m in built.biml_warnings() if m.startswith("biml: model.md")]
    assert warning.startswith("biml: model.md:3: risk table marker: it needs the framework pages")
    assert "biml:risks" in built.html("model.md")


def test_an_unclosed_argument_is_one_clear_warning(site: SiteBuilder) -> None:
    built = site(page_with('<!-- biml:risks status="open -->'), CONFIG)
    [warning] = [m for m in built.biml_warnings() if "model.md" in m]
    assert "cannot read" in warning and 'name="value"' in warning


def test_lint_names_the_marker_rule_in_sarif(site: SiteBuilder) -> None:
    from mkdocs_biml.cli.lint_formats import rule_of  # noqa: PLC0415

    built = site(page_with('<!-- biml:risks colour="red" -->'), CONFIG)
    [problem] = run_lint([], str(built.root / "mkdocs.yml")).problems
    assert rule_of(problem).id == "risk-table-marker"
