"""Hostile input, third round (issue 26): front matter, options, names, lint output.

Each test uses inputs of its own; growth tests compare sizes with each other
or with MkDocs alone, never with an absolute time.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from mkdocs.utils.meta import get_data

from mkdocs_biml import Catalog, CatalogIndex
from mkdocs_biml.problems import Problem
from mkdocs_biml.site.assessments import Assessments
from mkdocs_biml.site.assessmentviews import AssessmentView
from mkdocs_biml.site.frontmatter import read_statuses
from mkdocs_biml.site.ledger import Ledger
from mkdocs_biml.site.paths import PageLayout
from mkdocs_biml.site.sitewide import PageUrls


def _cpu_seconds(work: Callable[[], object]) -> float:
    """Least CPU time of three runs (CPU time: the machine may be busy with others)."""
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return best


# ----------------------------------------------------------- assessments: linear time


def _assessment_pages(biml78: Catalog, pages: int, assessments: int) -> Callable[[], None]:
    """What the coverage and assessment pages compute for a site of ``pages`` pages,
    each citing three risks, spread over ``assessments`` nested folders."""
    folders = {f"team/s{n}": f"System {n}" for n in range(assessments)}
    config = Assessments.from_option(folders)
    ledger = Ledger()
    risks = list(biml78.risks())
    for number in range(pages):
        src_uri = f"team/s{number % assessments}/notes/p{number}.md"
        for step in range(3):
            ledger.cite(src_uri, risks[(number * 7 + step * 13) % len(risks)], step + 1)

    def render_all() -> None:
        layout = PageLayout()
        view = AssessmentView(config, ledger, PageUrls("biml/coverage/"), layout)
        view.counts(view.matrix(biml78), ["open"])
        for name in config.names:
            AssessmentView(config, ledger, PageUrls("biml/a/"), layout).table(biml78, name)

    return render_all


@pytest.mark.slow
def test_assessment_pages_grow_with_pages_times_assessments(biml78: Catalog) -> None:
    small = _cpu_seconds(_assessment_pages(biml78, 800, 10))
    large = _cpu_seconds(_assessment_pages(biml78, 800, 80))
    # Eight times the assessments: eight times the work (quadratic would be 64).
    assert large < 16 * small + 0.02, (small, large)


# ------------------------------------------------- front matter: long-form keys, linear


def _long_entry(keys: int) -> str:
    """One long-form entry holding ``keys`` keys it does not know."""
    body = "".join(f"    remark{n}: text {n}\n" for n in range(keys))
    return f"---\ntitle: Ops\nbiml:\n  inference:4:hosting:\n    status: open\n{body}---\n\n# Ops\n"


def _front_matter_seconds(source: str, index: CatalogIndex | None) -> float:
    def run() -> None:
        _, meta = get_data(source)  # MkDocs' own reading of front matter
        if index is not None:
            read_statuses(meta, "ops.md", index, ["open"], lambda problem: None, source=source)

    return _cpu_seconds(run)


@pytest.mark.slow
def test_unknown_keys_of_one_entry_take_linear_time(index: CatalogIndex) -> None:
    problems: list[Problem] = []
    source = _long_entry(2000)
    read_statuses(get_data(source)[1], "ops.md", index, ["open"], problems.append, source=source)
    assert [p.line for p in problems][-2:] == [2004, 2005]  # each at its own line
    small = _front_matter_seconds(_long_entry(1000), index)
    large = _front_matter_seconds(_long_entry(4000), index)
    mkdocs_alone = _front_matter_seconds(_long_entry(4000), None)
    assert large < 8 * small + 0.02, (small, large)
    # Reporting every key costs no more than a few times MkDocs' own reading of them.
    assert large < 4 * mkdocs_alone + 0.05, (large, mkdocs_alone)
