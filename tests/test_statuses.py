"""Statuses in front matter: what reaches the register, and warnings for bad entries."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from mkdocs.utils.meta import get_data

from mkdocs_biml import CatalogIndex
from mkdocs_biml.core.problems import Problem, front_matter_lines
from mkdocs_biml.records.assessments import DEFAULT_STATUSES
from mkdocs_biml.records.frontmatter import read_statuses
from tests.sites import BuiltSite

SiteBuilder = Callable[..., BuiltSite]

#: The framework pages are another module's subject; statuses and the register
#: do not depend on them.
NO_PAGES = {"plugins": [{"biml": {"pages": False}}]}


def plugin(**options: Any) -> dict[str, Any]:
    return {"plugins": [{"biml": {"pages": False, **options}}]}


def register_row(site: BuiltSite, tag: str, folder: str = "biml") -> dict[str, Any]:
    document = json.loads((site.site_dir / folder / "risk-register.json").read_text("utf-8"))
    return next(row for row in document["risks"] if row["tag"] == tag)


def test_statuses_reach_the_register_page_by_page(site: SiteBuilder) -> None:
    built = site(
        {
            "index.md": "# Home\n",
            "a.md": """\
            ---
            title: Training data
            biml:
              data:2:transfer: mitigated
              raw:4:legal: accepted
            ---

            # Training data
            """,
            "b.md": """\
            ---
            biml:
              "[data:2:transfer]": accepted
            ---

            We cite [data:2:transfer] here.
            """,
        },
        NO_PAGES,
    )
    assert built.error is None
    assert built.biml_warnings() == []
    row = register_row(built, "data:2:transfer")
    assert row["statuses"] == ["accepted", "mitigated"]
    assert [(p["path"], p["status"], p["lines"]) for p in row["pages"]] == [
        ("a.md", "mitigated", []),
        ("b.md", "accepted", [6]),
    ]
    assert row["pages"][0]["title"] == "Training data"
    assert register_row(built, "raw:4:legal")["statuses"] == ["accepted"]
    assert register_row(built, "raw:1:data confidentiality")["statuses"] == []


def test_custom_status_list(site: SiteBuilder) -> None:
    built = site(
        {"index.md": "---\nbiml:\n  data:2:transfer: done\n  raw:4:legal: mitigated\n---\n"},
        plugin(statuses=["todo", "done"]),
    )
    assert register_row(built, "data:2:transfer")["statuses"] == ["done"]
    assert register_row(built, "raw:4:legal")["statuses"] == []
    assert built.biml_warnings() == [
        "biml: index.md:4: front matter: status 'mitigated' of [raw:4:legal] is not one of "
        "todo, done (the plugin's 'statuses' option sets the list)"
    ]


@pytest.mark.parametrize(
    ("front_matter", "expected"),
    [
        pytest.param(
            "title: T\nbiml:\n  dta:2:transfer: open\n",
            "index.md:4: front matter: unknown tag [dta:2:transfer]; "
            "did you mean [data:2:transfer], [data:4:storage]?",
            id="unknown-tag",
        ),
        pytest.param(
            "biml:\n  data:2:transfer: mitigatd\n",
            "index.md:3: front matter: status 'mitigatd' of [data:2:transfer] is not one of "
            "open, mitigated, accepted, not-applicable; did you mean 'mitigated'? "
            "(the plugin's 'statuses' option sets the list)",
            id="unknown-status",
        ),
        pytest.param(
            "biml:\n  data:2:transfer: Mitigated\n",
            "index.md:3: front matter: status 'Mitigated' of [data:2:transfer] is not one of "
            "open, mitigated, accepted, not-applicable; did you mean 'mitigated'? "
            "(the plugin's 'statuses' option sets the list)",
            id="status-case",
        ),
        pytest.param(
            "biml:\n  data:2:transfer:\n",
            "index.md:3: front matter: [data:2:transfer] has no status; give it one of "
            "open, mitigated, accepted, not-applicable",
            id="no-status",
        ),
        pytest.param(
            "biml:\n  data:2:transfer: [open]\n",
            "index.md:3: front matter: [data:2:transfer] has a list (\"['open']\"); give it one of "
            "open, mitigated, accepted, not-applicable",
            id="list-status",
        ),
        pytest.param(
            "biml: mitigated\n",
            "index.md:2: front matter: 'biml' must map tags to statuses, one per line "
            "(e.g. 'data:2:transfer: mitigated'), not text ('mitigated')",
            id="text",
        ),
        pytest.param(
            "biml:\n  - data:2:transfer\n",
            "index.md:2: front matter: 'biml' must map tags to statuses, one per line "
            "(e.g. 'data:2:transfer: mitigated'), not a list (\"['data:2:transfer']\")",
            id="list",
        ),
        pytest.param(
            "biml: 12\n",
            "index.md:2: front matter: 'biml' must map tags to statuses, one per line "
            "(e.g. 'data:2:transfer: mitigated'), not a number (12)",
            id="number",
        ),
        pytest.param(
            "biml:\n  inference:3: open\n",
            "index.md:3: front matter: tag [inference:3] is ambiguous: add the descriptor, "
            "one of [inference:3:hyperparameters], [inference:3:confidence scores]",
            id="ambiguous",
        ),
        pytest.param(
            "biml:\n  data:3:transfer: open\n",
            "index.md:3: front matter: tag [data:3:transfer] resolved to [data:2:transfer] by "
            "its descriptor; its number does not match: write [data:2:transfer]",
            id="mismatch",
        ),
        pytest.param(
            "biml:\n  data:2: open\n  data:2:transfer: accepted\n",
            "index.md:4: front matter: [data:2:transfer] names [data:2:transfer] again "
            "(already given status 'open'): keep one entry per risk",
            id="duplicate",
        ),
        pytest.param(
            "biml:\n  data:1:poisoning: open\n  [data:2:transfer]: open\n",
            "index.md:4: front matter is not valid YAML (found unhashable key), so MkDocs "
            "ignores all of it, statuses included: quote tags written with brackets, "
            "e.g. '\"[data:2:transfer]\": mitigated'",
            id="unquoted-brackets",
        ),
    ],
)
def test_bad_front_matter_is_a_warning_at_its_line(
    site: SiteBuilder, front_matter: str, expected: str
) -> None:
    built = site({"index.md": f"---\n{front_matter}---\n\n# Home\n"}, NO_PAGES)
    assert built.error is None
    assert built.biml_warnings() == [f"biml: {expected}"]


def test_valid_entries_survive_invalid_ones(site: SiteBuilder) -> None:
    built = site(
        {
            "index.md": "---\nbiml:\n  nope:1:x: open\n  data:2:transfer: open\n"
            "  raw:4:legal: 3\n---\n"
        },
        NO_PAGES,
    )
    assert len(built.biml_warnings()) == 2
    assert register_row(built, "data:2:transfer")["statuses"] == ["open"]


@pytest.mark.parametrize(
    "page",
    [
        "# No front matter, [data:2:transfer] cited\n",
        "---\ntitle: No biml key\n---\n# Home\n",
        "---\nbiml:\n---\n# Empty biml key\n",
        "---\ntitle: [broken\n---\n# Broken YAML without a biml key: MkDocs' business\n",
    ],
)
def test_pages_without_statuses_are_quiet(site: SiteBuilder, page: str) -> None:
    built = site({"index.md": page}, NO_PAGES)
    assert built.biml_warnings() == []


def test_statuses_of_a_prefixed_catalogue(site: SiteBuilder) -> None:
    built = site(
        {"index.md": "---\nbiml:\n  LLM:raw:1:recursive pollution: mitigated\n---\n"},
        plugin(catalogs=["biml-llm"]),
    )
    assert built.biml_warnings() == []
    assert register_row(built, "LLM:raw:1:recursive pollution")["statuses"] == ["mitigated"]


def test_without_source_text_problems_have_no_line(index: CatalogIndex) -> None:
    reported: list[Problem] = []
    meta = {"biml": {"dta:2:transfer": "open", "data:2:transfer": "open"}}
    found = read_statuses(meta, "p.md", index, DEFAULT_STATUSES, reported.append)
    assert [entry.risk.tag for entry in found] == ["data:2:transfer"]
    assert [(p.path, p.line) for p in reported] == [("p.md", None)]


def test_entry_lines_in_flow_style_and_with_quotes(index: CatalogIndex) -> None:
    source = (
        "---\n"
        "biml: {data:2:transfer: nope, 'raw:4:legal': nope}\n"
        "other:\n"
        "  data:1:poisoning: here\n"
        "---\n"
    )
    meta = {"biml": {"data:2:transfer": "nope", "raw:4:legal": "nope"}}
    reported: list[Problem] = []
    read_statuses(meta, "p.md", index, DEFAULT_STATUSES, reported.append, source=source)
    assert [p.line for p in reported] == [2, 2]


@pytest.mark.parametrize(
    ("source", "lines"),
    [
        ("---\ntitle: x\n---\n\n\nbody\n", 5),
        ("title: x\n\nbody\n", 2),
        ("body\n", 0),
        ("---\n- not a mapping\n---\nbody\n", 0),
    ],
)
def test_front_matter_lines_match_mkdocs(source: str, lines: int) -> None:
    body, _ = get_data(source)
    assert front_matter_lines(source, body) == lines
    assert source.splitlines()[lines] == body.splitlines()[0]
