"""Registers of other sites (the ``registers`` option): real builds of three sites."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from mkdocs_biml.cli.lint import run_lint
from tests.sites import BuiltSite, build_site

FRAUD_PAGES = {
    "index.md": "# Fraud service\n",
    "model/data.md": """\
        ---
        title: Training data
        biml:
          data:2:transfer:
            status: accepted
            owner: Fraud ML team
            note: Vendor model hashes pinned.
        ---

        # Training data

        Transfer learning: [data:2:transfer]. Poisoning: [data:1:poisoning].
        """,
    "serving/api.md": "---\nbiml:\n  input:1:adversarial examples: open\n---\n\n# API\n",
}
FRAUD_CONFIG = {
    "site_name": "Fraud service",
    "site_url": "https://fraud.example.org/docs/",
    "plugins": [{"biml": {"assessments": {"model": "Model", "serving": "Serving"}}}],
}
RECS_PAGES = {
    "index.md": """\
        ---
        biml:
          model:2:Trojan: mitigated
          LLM:raw:1:recursive pollution: open
        ---

        # Recs
        """,
}
RECS_CONFIG = {"site_name": "Recommender", "plugins": [{"biml": {"catalogs": ["biml-llm"]}}]}
CENTRAL_PAGES = {
    "index.md": (
        '# Central\n\n<!-- biml:risks assessment="Model (Fraud service)" status="accepted" -->\n'
    ),
    "local/design.md": "---\nbiml:\n  data:2:transfer: open\n---\n\n# Design\n",
}


@pytest.fixture(scope="module")
def others(tmp_path_factory: pytest.TempPathFactory) -> dict[str, BuiltSite]:
    fraud = build_site(tmp_path_factory.mktemp("fraud"), FRAUD_PAGES, FRAUD_CONFIG)
    recs = build_site(tmp_path_factory.mktemp("recs"), RECS_PAGES, RECS_CONFIG)
    assert fraud.error is None and recs.error is None
    return {"fraud": fraud, "recs": recs}


def register_path(site: BuiltSite) -> str:
    return str(site.site_dir / "biml" / "risk-register.json")


def central(root: Path, registers: list[dict[str, Any]], **options: Any) -> BuiltSite:
    config = {
        "site_name": "Central",
        "plugins": [
            {"biml": {"assessments": {"local": "Local"}, "registers": registers, **options}}
        ],
    }
    return build_site(root, CENTRAL_PAGES, config)


@pytest.fixture(scope="module")
def combined(others: dict[str, BuiltSite], tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    built = central(
        tmp_path_factory.mktemp("central"),
        [
            {"path": register_path(others["fraud"])},
            {
                "path": register_path(others["recs"]),
                "name": "Recommender (team B)",
                "url": "https://recs.example.org/",
            },
        ],
    )
    assert built.error is None, built.failure()
    return built


def test_lint_knows_the_other_sites_assessments(combined: BuiltSite) -> None:
    report = run_lint([], str(combined.root / "mkdocs.yml"))
    assert report.problems == []


def test_a_register_names_its_site(others: dict[str, BuiltSite]) -> None:
    document = json.loads(Path(register_path(others["fraud"])).read_text("utf-8"))
    assert document["site_name"] == "Fraud service"
    assert document["site_url"] == "https://fraud.example.org/docs/"
    recs = json.loads(Path(register_path(others["recs"])).read_text("utf-8"))
    assert recs["site_url"] is None


@pytest.mark.slow
def test_other_sites_assessments_are_columns_pages_and_register_rows(combined: BuiltSite) -> None:
    coverage = combined.content("biml/coverage.md")
    matrix = coverage.select_one("table.biml-assessment-matrix")
    assert matrix is not None
    columns = [th.get_text() for th in matrix.select("thead th")][1:]
    assert columns == [
        "Local",
        "Model (Fraud service)",
        "Serving (Fraud service)",
        "Recommender (team B)",
    ]
    page = combined.content("biml/assessments/model-fraud-service.md")
    assert "another site's risk register" in page.get_text()
    links = {a.get_text(): a["href"] for a in page.select("table.biml-assessment-table a")}
    assert links["Training data"] == "https://fraud.example.org/docs/model/data/"
    document = json.loads((combined.site_dir / "biml" / "risk-register.json").read_text("utf-8"))
    transfer = next(r for r in document["risks"] if r["tag"] == "data:2:transfer")
    found = {a["name"]: (a["status"], a["owner"]) for a in transfer["assessments"]}
    assert found == {"Local": ("open", ""), "Model (Fraud service)": ("accepted", "Fraud ML team")}
    trojan = next(r for r in document["risks"] if r["tag"] == "model:2:Trojan")
    [recs] = trojan["assessments"]
    assert recs["name"] == "Recommender (team B)"
    assert recs["pages"][0]["url"] == "https://recs.example.org/"


@pytest.mark.slow
def test_backlinks_and_risk_tables_lead_to_the_other_sites_pages(combined: BuiltSite) -> None:
    data = combined.content("biml/data.md")
    backlinks = data.select_one('div.biml-backlinks[data-biml-tag="data:2:transfer"]')
    assert backlinks is not None
    hrefs = [a["href"] for a in backlinks.select("a")]
    assert "https://fraud.example.org/docs/model/data/" in hrefs
    assert "(Model (Fraud service))" in backlinks.get_text()
    table = combined.content("index.md").select_one("table.biml-risk-query")
    assert table is not None
    assert [code.get_text() for code in table.select("tbody code")] == ["data:2:transfer"]


def test_a_risk_of_a_catalogue_this_site_lacks_is_left_out_with_a_warning(
    others: dict[str, BuiltSite], tmp_path: Path
) -> None:
    built = central(
        tmp_path, [{"path": register_path(others["recs"]), "url": "https://r.example/"}]
    )
    assert built.error is None, built.failure()
    [warning] = [m for m in built.warnings() if "register" in m]
    assert register_path(others["recs"]) in warning and "catalogs" in warning


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (None, "no such file"),
        ("{not json", "not JSON"),
        ('{"hello": 1}', "not a risk register"),
        ('{"format": 2, "risks": []}', "format 2"),
        (
            '{"format": 1, "site_url": "https://x.example/",'
            ' "risks": [{"tag": "data:2:transfer"}]}',
            "a row lacks",
        ),
        ('{"format": 1, "site_name": "X", "risks": []}', "no address to link its pages"),
    ],
)
def test_a_bad_register_is_one_error_naming_the_file(
    tmp_path: Path, content: str | None, said: str
) -> None:
    path = str(tmp_path / "missing.json") if content is None else write(tmp_path, "r.json", content)
    built = central(tmp_path / "site", [{"path": path}])
    assert built.error is not None
    assert said in built.failure() and path in built.failure()
    assert "Traceback" not in built.failure()


def _register(assessments: list[dict[str, Any]]) -> str:
    row = {"catalog": "biml-78", "tag": "data:2:transfer", "assessments": assessments}
    return json.dumps({"format": 1, "site_url": "https://x.example/", "risks": [row]})


def _entry(name: object = "Model", **page: object) -> dict[str, Any]:
    return {
        "name": name,
        "status": "open",
        "owner": "",
        "note": "",
        "pages": [{"path": "a.md", "title": "A", "url": "a/", "status": "open", **page}],
    }


@pytest.mark.parametrize(
    ("assessments", "said"),
    [
        ([_entry(lines=["x"])], "'x', not a line number"),
        ([_entry(lines=[True])], "True, not a line number"),
        ([_entry(name=5)], "an assessment's name must be text"),
        ([_entry(name="!!!")], "needs a letter or digit"),
        ([_entry(name="Team A"), _entry(name="team-a")], "would share the folder"),
        ([_entry(status="bogus")], "the status 'bogus' of [data:2:transfer] is not one"),
        ([_entry(title="A\x1b[2J")], "a page title of [data:2:transfer]"),
        ([{**_entry(), "owner": ["a"]}], "the owner of [data:2:transfer] must be text"),
    ],
)
def test_a_register_with_bad_content_is_one_error_naming_it(
    tmp_path: Path, assessments: list[dict[str, Any]], said: str
) -> None:
    path = write(tmp_path, "r.json", _register(assessments))
    built = central(tmp_path / "site", [{"path": path}])
    assert built.error is not None
    assert said in built.failure() and path in built.failure(), built.failure()
    assert "Traceback" not in built.failure()


def test_a_name_clashing_with_a_local_assessment_is_an_error(
    others: dict[str, BuiltSite], tmp_path: Path
) -> None:
    built = central(
        tmp_path,
        [{"path": register_path(others["recs"]), "name": "Local", "url": "https://r.example/"}],
    )
    assert built.error is not None
    assert "'Local' has the name of an assessment of this site" in built.failure()


@pytest.mark.parametrize(
    "entry",
    [{"name": "x"}, {"path": "a.json", "colour": "red"}, {"path": "a.json", "url": "ftp://x"}],
)
def test_a_bad_option_entry_is_a_configuration_error(tmp_path: Path, entry: dict[str, Any]) -> None:
    built = central(tmp_path, [entry])
    assert built.error is not None and "registers" in built.failure()
