"""Policy checks (issue 28): the plugin's ``policy`` option, in the build and in lint alike."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from mkdocs_biml import Catalog
from mkdocs_biml.cli.lint import run_lint
from mkdocs_biml.cli.lint_formats import summary
from tests.sites import BuiltSite

SiteBuilder = Callable[..., BuiltSite]

POLICY = {
    "top_ten": "addressed",
    "require": {"accepted": ["owner", "expires"]},
    "expired": "warn",
    "coverage": 0.15,
}
LINT = [str(Path(sys.executable).parent / "mkdocs-biml"), "lint"]
#: 2027-01-15, after the acceptances below that expire on 2027-01-01.
LATER = "1800000000"
#: 2026-12-01, before them.
EARLIER = "1796083200"


def config(assessments: dict[str, str] | None = None, **policy: Any) -> dict[str, Any]:
    options: dict[str, Any] = {"policy": {**POLICY, **policy}}
    if assessments:
        options["assessments"] = assessments
    return {"plugins": [{"biml": options}]}


def top_ten_tags(biml78: Catalog) -> list[str]:
    return [risk.qualified_tag for entry in biml78.top_ten for risk in entry.risks]


def front_matter(entries: dict[str, str | dict[str, str]]) -> str:
    return "---\n" + json.dumps({"biml": entries}, indent=2) + "\n---\n\n# Page\n"


def passing_entries(biml78: Catalog) -> dict[str, str | dict[str, str]]:
    entries: dict[str, str | dict[str, str]] = dict.fromkeys(top_ten_tags(biml78), "mitigated")
    entries["raw:4:legal"] = {"status": "accepted", "owner": "Legal", "expires": "2027-01-01"}
    return entries


def warnings_of(built: BuiltSite) -> list[str]:
    return [m for m in built.biml_warnings() if ": policy: " in m]


def lint_problems(root: Path) -> list[str]:
    report = run_lint([], str(root / "mkdocs.yml"))
    return [
        f"biml: {p.src_uri}{f':{p.line}' if p.line else ''}: {p.message}"
        for p in report.problems
        if p.message.startswith("policy: ")
    ]


@pytest.fixture(autouse=True)
def in_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from the site's folder, as CI does: mkdocs.yml is then named as such."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EARLIER)


def test_a_site_meeting_its_policy_builds_strictly(
    site: SiteBuilder, biml78: Catalog, tmp_path: Path
) -> None:
    pages = {"index.md": "# Home\n", "fraud/data.md": front_matter(passing_entries(biml78))}
    built = site(pages, config({"fraud": "Fraud model"}), strict=True)
    assert built.error is None, built.failure()
    assert built.biml_warnings() == []
    assert lint_problems(tmp_path) == []
    checks = built.content("biml/coverage.md").select("table.biml-policy-checks tbody tr")
    assert [(tr["data-biml-check"], tr["data-biml-result"]) for tr in checks] == [
        ("top_ten: addressed", "pass"),
        ("require: accepted: [owner, expires]", "pass"),
        ("expired: warn", "pass"),
        ("coverage: 0.15", "pass"),
    ]


@pytest.mark.slow
def test_each_check_fails_once_per_violation_and_lint_agrees(
    site: SiteBuilder, biml78: Catalog, tmp_path: Path
) -> None:
    entries = passing_entries(biml78)
    entries["data:1:poisoning"] = "open"  # Top Ten #2, at its entry
    del entries["output:1:direct"]  # Top Ten #10, cited below only
    del entries["raw:1:data confidentiality"]  # Top Ten #5, nowhere
    entries["raw:4:legal"] = {"status": "accepted", "expires": "2026-11-30"}  # no owner, expired
    page = front_matter(entries) + "\nWe cite [output:1:direct].\n"
    built = site({"index.md": "# Home\n", "data.md": page}, config(coverage=0.5))
    assert built.error is None
    lines = page.splitlines()

    def line_of(text: str) -> int:
        return next(n for n, line in enumerate(lines, start=1) if text in line)

    assert warnings_of(built) == [
        f"biml: data.md:{line_of('data:1:poisoning')}: policy: top_ten: [data:1:poisoning] "
        f"(Top Ten #2 of BIML-78) is 'open' in the site: give it a status other than open",
        "biml: mkdocs.yml: policy: top_ten: [raw:1:data confidentiality] (Top Ten #5 of "
        "BIML-78) has no status in the site: give it a status other than open",
        f"biml: data.md:{line_of('We cite')}: policy: top_ten: [output:1:direct] (Top Ten #10 "
        f"of BIML-78) has no status in the site: give it a status other than open",
        f"biml: data.md:{line_of('raw:4:legal')}: policy: require: [raw:4:legal] is 'accepted' "
        f"in the site without owner: the policy requires owner, expires of 'accepted'",
        f"biml: data.md:{line_of('raw:4:legal')}: policy: expired: [raw:4:legal] is 'accepted' "
        f"in the site until 2026-11-30, which has passed (today is 2026-12-01): review the "
        f"status and move its expires date",
        "biml: mkdocs.yml: policy: coverage: the site addresses 14 of 79 risks (18%), under "
        "the policy's 50%: give more risks a status other than open",
    ]
    assert sorted(lint_problems(tmp_path)) == sorted(warnings_of(built))
    whole = run_lint([], str(tmp_path / "mkdocs.yml"))
    assert summary(whole) == "mkdocs-biml lint: 6 problems in 1 of 2 files and mkdocs.yml"
    some = run_lint(["docs/data.md"], str(tmp_path / "mkdocs.yml"))
    assert not any(p.message.startswith("policy: ") for p in some.problems)
    assert "the policy checks run only when the whole site is linted (no PATH given)" in some.notes
    checks = built.content("biml/coverage.md").select("table.biml-policy-checks tbody tr")
    assert [tr["data-biml-result"] for tr in checks] == ["fail"] * 4
    items = [li.get_text() for li in checks[0].select("li")]
    assert items[0] == (
        f"data.md:{line_of('data:1:poisoning')}: policy: top_ten: [data:1:poisoning] (Top Ten "
        f"#2 of BIML-78) is 'open' in the site: give it a status other than open"
    )
    assert items[1].startswith("policy: top_ten: [raw:1:data confidentiality]"), (
        "the config file's path stays out of the site"
    )
    strict = site({"index.md": "# Home\n", "data.md": page}, config(coverage=0.5), strict=True)
    assert strict.error is not None


@pytest.mark.slow
def test_every_lint_format_reports_the_violations(
    site: SiteBuilder, biml78: Catalog, tmp_path: Path
) -> None:
    entries = passing_entries(biml78)
    entries["raw:4:legal"] = {"status": "accepted", "owner": "Legal"}  # no expires
    site({"index.md": "# Home\n", "data.md": front_matter(entries)}, config())
    line = next(
        n for n, text in enumerate(front_matter(entries).splitlines(), 1) if "raw:4:legal" in text
    )

    def lint(output: str) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            [*LINT, "--format", output], cwd=tmp_path, capture_output=True, text=True, check=False
        )
        assert done.returncode == 1, done.stderr
        return done

    message = (
        "policy: require: [raw:4:legal] is 'accepted' in the site without expires: "
        "the policy requires owner, expires of 'accepted'"
    )
    assert f"docs/data.md:{line}: {message}\n" in lint("text").stdout
    (problem,) = json.loads(lint("json").stdout)["problems"]
    assert (problem["src_uri"], problem["line"], problem["message"]) == ("data.md", line, message)
    assert f"::warning file=docs/data.md,line={line}::{message}" in lint("github").stdout
    (result,) = json.loads(lint("sarif").stdout)["runs"][0]["results"]
    assert result["ruleId"] == "policy-require"
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == line


@pytest.mark.slow
def test_source_date_epoch_moves_an_acceptance_past_its_date(
    site: SiteBuilder, biml78: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages = {"index.md": "# Home\n", "data.md": front_matter(passing_entries(biml78))}
    before = site(pages, config())
    assert warnings_of(before) == []
    monkeypatch.setenv("SOURCE_DATE_EPOCH", LATER)
    after = site(pages, config())
    (expired,) = warnings_of(after)
    assert re.search(
        r"expired: \[raw:4:legal\] .* until 2027-01-01, .*today is 2027-01-15", expired
    )
    assert lint_problems(tmp_path) == [expired]


def test_each_assessment_is_checked_on_its_own(site: SiteBuilder, biml78: Catalog) -> None:
    pages = {
        "index.md": "# Home\n",
        "fraud/data.md": front_matter(passing_entries(biml78)),
        "recs/data.md": front_matter({"data:1:poisoning": "mitigated"}),
    }
    built = site(pages, config({"fraud": "Fraud model", "recs": "Recommender"}))
    found = warnings_of(built)
    assert found, "the recommender leaves most of the Top Ten open"
    assert all("the assessment 'Recommender'" in m for m in found), found
    assert not any("[data:1:poisoning]" in m for m in found)


@pytest.mark.parametrize(
    ("policy", "expected"),
    [
        ({"top_ten": "all"}, "top_ten is 'all': give 'addressed' (or 'ignore')"),
        ({"coverage": 2}, "coverage is 2: give a share from 0 to 1"),
        ({"expire": "warn"}, "unknown check 'expire'; did you mean 'expired'?"),
        ({"require": {"accepted": ["onwer"]}}, "'onwer' is not a field of a status"),
    ],
)
def test_a_bad_option_stops_the_build_saying_why(
    site: SiteBuilder, policy: dict[str, Any], expected: str
) -> None:
    built = site({"index.md": "# Home\n"}, {"plugins": [{"biml": {"policy": policy}}]})
    assert built.error is not None
    assert expected in built.failure()


@pytest.mark.slow
def test_require_names_an_allowed_status(site: SiteBuilder, tmp_path: Path) -> None:
    policy = {"require": {"acepted": ["owner"]}}
    built = site({"index.md": "# Home\n"}, {"plugins": [{"biml": {"policy": policy}}]})
    assert built.error is not None
    expected = "'require' names the status 'acepted', which is not one of open, mitigated"
    assert expected in built.failure()
    done = subprocess.run(LINT, cwd=tmp_path, capture_output=True, text=True, check=False)
    assert done.returncode == 2 and expected in done.stderr


def test_a_policy_removed_between_serve_rebuilds_leaves_the_coverage_page(
    tmp_path: Path, biml78: Catalog
) -> None:
    """MkDocs keeps a plugin with ``on_startup`` from one config load to the next (as
    ``serve`` does): the second build, without a policy, shows no policy checks."""
    from mkdocs.commands.build import build  # noqa: PLC0415
    from mkdocs.config import load_config  # noqa: PLC0415

    from tests.sites import write_site  # noqa: PLC0415

    pages = {"index.md": front_matter(passing_entries(biml78))}
    site_dir = tmp_path / "site"
    for options in (config(), {"plugins": ["biml"]}):
        config_file = write_site(tmp_path, pages, options)
        build(load_config(str(config_file), site_dir=str(site_dir)))
        coverage = (site_dir / "biml" / "coverage" / "index.html").read_text("utf-8")
        assert ("biml-policy" in coverage) == (options != {"plugins": ["biml"]})
