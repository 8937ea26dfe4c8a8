"""Risk tables in the site's own pages (``<!-- biml:risks -->``), as the plugin meets
them: each page's markers checked when the page is read, the tables filled in
once every page is (``pages/riskquery.py`` reads and renders the markers)."""

from __future__ import annotations

from mkdocs.structure.pages import Page

from ..core.paths import PageLayout
from ..core.problems import Problem, front_matter_lines
from ..pages.render import PageGenerator
from ..pages.riskquery import QueryScope, fill_risk_tables, marker_problems
from ..pages.sitewide import PageUrls
from ..records.assessments import Assessments
from ..records.ledger import Ledger


def risk_table_problems(
    page: Page, html: str, scope: QueryScope, *, pages_made: bool
) -> list[Problem]:
    """Each problem of the page's markers, at its line in the page's file; without the
    framework pages (``pages_made`` false) the markers are left as they are, and said so."""
    source = "" if page.file.generated_by else page.file.content_string
    markdown = page.markdown or ""
    src_uri = page.file.src_uri
    offset = front_matter_lines(source, markdown)
    unmade = "it needs the framework pages (the plugin's 'pages' option): it is left as it is"
    return marker_problems(
        html, markdown, src_uri, scope, offset, every_marker=None if pages_made else unmade
    )


def filled_risk_tables(
    html: str,
    urls: PageUrls,
    *,
    scope: QueryScope,
    generator: PageGenerator,
    assessments: Assessments,
    ledger: Ledger,
    layout: PageLayout,
) -> str:
    """The page's HTML with each marker replaced by its table (``PageError`` if a
    template fails)."""
    # Imported here, as the assessment pages do: only sites with tables need it.
    from ..pages.assessmentviews import AssessmentView  # noqa: PLC0415

    view = AssessmentView(assessments, ledger, urls, layout)
    return fill_risk_tables(html, scope, view, generator.render_html)
