"""Search indexes each risk once: a callout's body is left out of the citing page's entries,
the overview's diagram (its boxes and panels repeat the table of all risks) out of the overview's.

Real builds with MkDocs' own search (MkDocs theme) and Material's search; the
index is read back from ``site/search/search_index.json``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from mkdocs_biml import CatalogIndex
from mkdocs_biml.host.searchexclude import SearchExclusion
from tests.sites import BuiltSite, build_site

RISK = "data:2:transfer"
PAGES = {
    "index.md": "# Home\n\nOur own words about pipelines.\n",
    "citing.md": f"""\
        # Citing page

        Inline, the risk is [{RISK}] in a sentence.

        [{RISK}]

        Our own closing words.
        """,
    "another.md": f"# Another\n\n[{RISK}]\n",
}
THEMES = {
    "mkdocs": {"theme": "mkdocs", "plugins": ["search", "biml"]},
    "material": {"theme": {"name": "material"}, "plugins": ["search", "biml"]},
}


def _words(text: str) -> str:
    """Index text as words: entries keep markup (Material) and squeeze spaces."""
    return " ".join(re.sub(r"<[^>]+>", " ", text).split())


def _entries(site: BuiltSite) -> list[dict[str, Any]]:
    index = json.loads((site.site_dir / "search" / "search_index.json").read_text("utf-8"))
    docs: list[dict[str, Any]] = index["docs"]
    return docs


def _page_of(location: str) -> str:
    return location.partition("#")[0].strip("/")


@pytest.fixture(scope="module", params=sorted(THEMES))
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    root = tmp_path_factory.mktemp(f"search-{request.param}")
    site = build_site(root, PAGES, THEMES[request.param])
    assert site.error is None, site.failure()
    return site


@pytest.fixture(scope="module")
def risk(index: CatalogIndex) -> Any:
    return index.resolve(RISK).risk


def test_description_is_indexed_on_the_generated_page_only(built: BuiltSite, risk: Any) -> None:
    sentence = _words(risk.paragraphs[0])[:60]
    pages = {_page_of(e["location"]) for e in _entries(built) if sentence in _words(e["text"])}
    assert pages, "the description is in the index at all"
    assert all(page.startswith("biml/") for page in pages), pages


def test_callout_title_and_inline_link_text_stay_searchable(built: BuiltSite, risk: Any) -> None:
    texts = [_words(e["text"]) for e in _entries(built) if _page_of(e["location"]) == "citing"]
    assert any(f"{risk.title} [{RISK}]" in text for text in texts), texts
    assert any(f"the risk is {risk.title} in a sentence" in text for text in texts), texts
    assert any("Our own closing words." in text for text in texts)
    assert not any("Full entry, controls and references" in text for text in texts)


def test_the_diagram_is_left_out_and_the_table_of_risks_kept(built: BuiltSite) -> None:
    overview = [e for e in _entries(built) if _page_of(e["location"]) == "biml"]
    texts = " ".join(_words(e["text"]) for e in overview)
    # The diagram's panels and boxes say these; nothing else on the page does.
    assert "full entries and controls" not in texts
    assert "13 risks" not in texts
    assert "Data confidentiality" in texts  # the table of all risks
    figure = built.content("biml/index.md").select_one("figure.biml-diagram")
    assert figure is not None and "full entries and controls" in figure.get_text()


def test_citing_pages_show_the_whole_callout(built: BuiltSite, risk: Any) -> None:
    for page in ("citing.md", "another.md"):
        callout = built.content(page).select_one("div.admonition.biml")
        assert callout is not None
        text = " ".join(callout.get_text().split())
        assert _words(risk.paragraphs[0])[:60] in text
        assert "Full entry, controls and references" in text
        assert "<!--" not in built.html(page).split("admonition biml", 1)[1][:4000]


def test_exclusion_puts_back_what_it_hid_around_a_rewrite() -> None:
    exclusion = SearchExclusion()
    html = '<p>Ours</p>\n<p class="x" data-search-exclude="true">Hidden <a href="y">z</a></p>\n'
    hidden = exclusion.hide("page.md", html)
    assert "Hidden" not in hidden and "Ours" in hidden
    # Another plugin adds to the page between search and the restore.
    assert exclusion.restore("page.md", hidden + "<p>added</p>") == html + "<p>added</p>"


def test_pages_without_marked_paragraphs_are_left_alone(tmp_path: Path) -> None:
    exclusion = SearchExclusion()
    html = "<p>Nothing <!--biml-search-0--> of ours</p>"
    assert exclusion.hide("a.md", html) is html
    assert exclusion.restore("a.md", html) is html
