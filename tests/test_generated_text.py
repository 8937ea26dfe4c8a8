"""Generated pages show BIML's text exactly, and their Markdown stays readable.

One real site with both built-in catalogues on the default ``mkdocs`` theme,
with search: every risk's title, description and controls in the HTML read as
the catalogue has them (tags shown as their link text, citations as their
number), the search index holds titles as text, and the generated Markdown
holds no character reference where plain text is safe.
"""

from __future__ import annotations

import json
import re
from itertools import pairwise

import pytest
from bs4 import BeautifulSoup, Tag

from mkdocs_biml import Catalog, CatalogIndex, load_catalog
from mkdocs_biml.catalog.model import split_paragraphs
from mkdocs_biml.catalog.texts import CitationToken, TagToken, Text, TopTenToken, tokenize
from mkdocs_biml.core.paths import PageLayout
from mkdocs_biml.pages.render import PageGenerator
from tests.sites import BuiltSite, build_site, heading_section

LAYOUT = PageLayout()
CATALOGS = (load_catalog("biml-78"), load_catalog("biml-llm"))
INDEX = CatalogIndex(CATALOGS)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    config = {"theme": "mkdocs", "plugins": ["search", {"biml": {"catalogs": ["biml-llm"]}}]}
    built = build_site(tmp_path_factory.mktemp("text"), {"index.md": "# Home\n"}, config)
    assert built.error is None, built.error
    return built


def plain(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def shown(text: str, catalog: Catalog) -> list[str]:
    """Paragraphs of a catalogue text as a reader sees them."""
    return [
        plain("".join(_token_text(token) for token in tokenize(p, catalog, INDEX)))
        for p in split_paragraphs(text)
    ]


def _token_text(token: object) -> str:
    if isinstance(token, Text):
        return token.text
    if isinstance(token, TagToken):
        risk = token.resolution.risk
        return risk.title if risk else token.written  # the default link_text
    if isinstance(token, CitationToken):
        return str(token.number) if token.reference else f"[^{token.number}]"
    assert isinstance(token, TopTenToken)
    return token.written


@pytest.mark.parametrize("catalog", CATALOGS, ids=lambda c: c.id)
@pytest.mark.slow
def test_every_risk_reads_as_the_catalogue_has_it(site: BuiltSite, catalog: Catalog) -> None:
    for risk in catalog.risks():
        elements = heading_section(site.soup(LAYOUT.component_page(risk.component)), risk.anchor)
        assert plain(elements[0].get_text()) == plain(risk.title), risk.tag
        paragraphs = [plain(e.get_text()) for e in elements if e.name == "p"]
        for paragraph in shown(risk.description, catalog):
            assert paragraph in paragraphs, (risk.tag, paragraph)
        items = [plain(li.get_text()) for e in elements for li in e.select("li")]
        for control in risk.controls:
            assert plain(f"{control.label}: {' '.join(shown(control.text, catalog))}") in items


def test_search_index_holds_titles_as_text(site: BuiltSite) -> None:
    index = json.loads((site.site_dir / "search" / "search_index.json").read_text("utf-8"))
    titles = {entry["title"] for entry in index["docs"]}
    assert {"1. Raw data in the world", "Encoding integrity in pre-processing"} <= titles
    assert not [t for t in titles if re.search(r"&#\d+;|\\", t)]


def test_generated_markdown_uses_no_needless_character_references() -> None:
    generator = PageGenerator(CATALOGS, LAYOUT)
    pages = {src: generator.fill_markdown(src, md) for src, md in generator.render().items()}
    datasets = pages["biml/data.md"]
    assert "(see Dataset Assembly: Adversarial Partitions)" in datasets
    assert "# 3. Datasets {#component-data}" in datasets
    # Only pymdownx syntax needs them: a bare URL's colon ("https://"), a dollar.
    references = re.findall(r".{12}&#\d+;", "".join(pages.values()))
    assert len(references) <= 2, references


def test_html_fragments_in_a_row_are_one_block_of_the_markdown() -> None:
    """Fragments with only blank lines between them are one, in order; one right after a
    heading goes after it once the page is converted: Markdown reads no placeholder of
    a component page."""
    generator = PageGenerator(CATALOGS, LAYOUT)
    pages = generator.render()
    placeholders = re.compile(r"^<!-- biml:html (\d+) -->$", re.MULTILINE)
    for src, markdown in pages.items():
        blocks = [block for block in markdown.split("\n\n") if block.strip()]
        kinds = ["html" if placeholders.fullmatch(block.strip()) else "md" for block in blocks]
        assert ("html", "html") not in pairwise(kinds), src
    # The controls and the attribution, written one after the other, are one fragment,
    # put after their heading: Markdown does not read it.
    kept = generator.fragments["biml/raw.md"]
    joined = kept.fragments[kept.after_heading["generic-controls"]]
    assert joined.startswith("<ul>") and 'class="biml-attribution"' in joined
    assert not placeholders.search(pages["biml/raw.md"])


def test_overview_links_the_analysis_and_counts_as_bimls_readme(site: BuiltSite) -> None:
    soup = BeautifulSoup(site.output_path("biml/index.md").read_text("utf-8"), "html.parser")
    introduction = next(p for p in soup("p") if "which you can download" in p.get_text())
    link = introduction.find("a")
    assert isinstance(link, Tag) and link.get_text() == "here"
    assert link["href"] == "https://berryvilleiml.com/results/ara.pdf"
    assert "identifies 78 specific risks" in introduction.get_text()
    counts = next(p for p in soup("p") if "BIML-78 describes" in p.get_text())
    assert "describes 78 risks (79 entries: inference:3 labels two)" in plain(counts.get_text())
