"""Generated framework pages: anchors, diagram, Top Ten, references, backlinks, coverage.

Sites are real MkDocs builds (tests/sites.py). The checks that only read a site
share one build per configuration (module-scoped fixtures), which keeps this
file fast.
"""

from __future__ import annotations

import functools
import json
import re
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag

from mkdocs_biml import Catalog, CatalogIndex, load_catalog
from mkdocs_biml.catalog.model import Component
from mkdocs_biml.catalog.texts import CitationToken, TagToken, tokenize
from mkdocs_biml.core.paths import PageLayout
from mkdocs_biml.pages.diagram import Node, build_diagram
from tests.catalogs import ACME_CATALOG, ACME_TEXT
from tests.linkcheck import broken_links, internal_target
from tests.sites import BuiltSite, build_site, heading_section, run_mkdocs, write_site

SiteBuilder = Callable[..., BuiltSite]
ASSETS = Path(__file__).resolve().parents[1] / "mkdocs_biml" / "assets"
LAYOUT = PageLayout()

#: A small site: two pages cite risks, give them statuses, or both.
PAGES = {
    "index.md": """\
        ---
        biml:
          data:2:transfer: mitigated
        ---
        # Home

        We retrain on vendor models, see [data:2:transfer].
        """,
    "guide/training.md": """\
        ---
        title: Training data
        biml:
          raw:1:data confidentiality: accepted
          data:2:transfer: open
        ---
        # Training

        Storage is covered in [raw:3:storage].
        """,
}


# -- helpers -------------------------------------------------------------------------------


@functools.cache
def _parsed(path: Path, modified: int) -> BeautifulSoup:
    soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
    main = soup.select_one('div[role="main"], article.md-content__inner')
    assert main is not None, path
    return BeautifulSoup(str(main), "html.parser")


def main_of(site: BuiltSite, src_uri: str) -> BeautifulSoup:
    """``site.content(src_uri)``, parsed once: many checks read the same few large pages."""
    path = site.output_path(src_uri)
    return _parsed(path, path.stat().st_mtime_ns)


def page_of(component: Component) -> str:
    return LAYOUT.component_page(component)


def section_soup(content: BeautifulSoup, anchor: str) -> BeautifulSoup:
    return BeautifulSoup("".join(str(t) for t in heading_section(content, anchor)), "html.parser")


def ids(soup: BeautifulSoup) -> list[str]:
    return [str(element["id"]) for element in soup.select("[id]")]


def landing(site: BuiltSite, src_uri: str, href: str) -> tuple[str, str]:
    """Output file (relative to the site) and fragment that ``href`` of page ``src_uri`` reaches."""
    page = site.output_path(src_uri).relative_to(site.site_dir).as_posix()
    target = internal_target(page, href)
    assert target is not None, f"{href} is not internal"
    file, fragment = target
    if (site.site_dir / file).is_dir():
        file = f"{file}/index.html"
    return file, fragment


def output_file(site: BuiltSite, src_uri: str) -> str:
    return site.output_path(src_uri).relative_to(site.site_dir).as_posix()


def generated_html(site: BuiltSite, folder: str = "biml") -> Iterator[Path]:
    yield from (site.site_dir / folder).rglob("*.html")


def build_shared(factory: pytest.TempPathFactory, name: str, **kwargs: Any) -> BuiltSite:
    site = build_site(factory.mktemp(name), **kwargs)
    assert site.error is None, site.error
    return site


@pytest.fixture(scope="module")
def biml_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The default theme, search on, strict: a warning fails the build."""
    config = {"plugins": ["search", "biml"], "validation": {"anchors": "warn"}}
    return build_shared(tmp_path_factory, "default", pages=PAGES, config=config, strict=True)


@pytest.fixture(scope="module")
def material_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    config = {
        "theme": {
            "name": "material",
            "palette": {"scheme": "slate"},
            "features": ["content.action.edit"],
            "font": False,  # no web fonts: the browser test runs without network
        },
        "repo_url": "https://github.com/example/site",
        "edit_uri": "edit/main/docs/",
        "markdown_extensions": ["attr_list", "md_in_html", {"toc": {"permalink": True}}],
        "plugins": ["search", "biml"],
    }
    return build_shared(tmp_path_factory, "material", pages=PAGES, config=config, strict=True)


@pytest.fixture(scope="module")
def llm_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    config = {"plugins": [{"biml": {"catalogs": ["biml-llm"]}}]}
    return build_shared(tmp_path_factory, "llm", pages=PAGES, config=config, strict=True)


@pytest.fixture(scope="module")
def acme_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """A custom catalogue whose texts are full of Markdown syntax, on Material with pymdownx."""
    root = tmp_path_factory.mktemp("acme")
    (root / "acme.yaml").write_text(ACME_CATALOG, encoding="utf-8")
    config = {
        "theme": "material",
        "markdown_extensions": [
            "attr_list",
            "md_in_html",
            "pymdownx.tilde",
            "pymdownx.caret",
            "pymdownx.mark",
            "pymdownx.betterem",
            "pymdownx.magiclink",
            "pymdownx.emoji",
            {"pymdownx.arithmatex": {"generic": True}},
        ],
        "plugins": [{"biml": {"catalogs": ["acme.yaml"]}}],
    }
    site = build_site(root, {"index.md": "# Home\n\nSee [ACME:feed:1:stale].\n"}, config)
    assert site.error is None, site.error
    return site


# -- anchors -------------------------------------------------------------------------------


def test_every_risk_has_its_anchor_exactly_once(biml_site: BuiltSite, biml78: Catalog) -> None:
    found = 0
    for component in biml78.components:
        page_ids = ids(main_of(biml_site, page_of(component)))
        for risk in component.risks:
            assert page_ids.count(risk.anchor) == 1, risk
            found += 1
    assert found == 79


def test_the_two_inference_3_risks_get_their_own_anchors(biml_site: BuiltSite) -> None:
    headings = main_of(biml_site, "biml/inference.md").select("h2[id^=inference-3-]")
    assert [h["id"] for h in headings] == [
        "inference-3-hyperparameters",
        "inference-3-confidence-scores",
    ]


def test_anchors_hold_with_attr_list_and_permalinks_on_material(
    material_site: BuiltSite, biml78: Catalog
) -> None:
    for component in biml78.components:
        content = main_of(material_site, page_of(component))
        page_ids = ids(content)
        for risk in component.risks:
            assert page_ids.count(risk.anchor) == 1, risk
            heading = content.find(id=risk.anchor)
            assert isinstance(heading, Tag)
            assert "{#" not in heading.get_text()
            permalink = heading.select_one("a.headerlink")
            assert permalink is not None and permalink["href"] == f"#{risk.anchor}"


# -- overview: diagram, Top Ten, table -----------------------------------------------------


def test_diagram_links_every_component_to_its_page(biml_site: BuiltSite, biml78: Catalog) -> None:
    svg = main_of(biml_site, "biml/index.md").select_one("figure.biml-diagram svg")
    assert svg is not None
    nodes = {str(a["data-biml-component"]): a for a in svg.select("a.biml-node")}
    drawn = [c for c in biml78.components if not c.is_system]
    assert set(nodes) == {c.label for c in drawn} | {"system"}
    for component in biml78.components:
        node = nodes[component.label]
        assert landing(biml_site, "biml/index.md", str(node["xlink:href"]))[0] == output_file(
            biml_site, page_of(component)
        )
        label = node.get_text(" ", strip=True)
        assert component.name.split()[0] in label
        assert f"{len(component.risks)} risks" in label
        assert node.select_one("title") is not None and node.get("aria-label")
    shapes = {c.label: nodes[c.label].select_one("ellipse, rect") for c in drawn}
    for component in drawn:
        expected = "ellipse" if component.kind == "process" else "rect"
        assert shapes[component.label].name == expected, component  # type: ignore[union-attr]


def test_diagram_has_one_arrow_per_flow(biml_site: BuiltSite, biml78: Catalog) -> None:
    svg = main_of(biml_site, "biml/index.md").select_one("figure.biml-diagram svg")
    assert svg is not None
    arrows = svg.select("path.biml-flow")
    assert sorted((a["data-from"], a["data-to"]) for a in arrows) == sorted(
        (f.source, f.target) for f in biml78.flows
    )
    marker_ids = {m["id"] for m in svg.select("marker")}
    for arrow in arrows:
        marker = re.fullmatch(r"url\(#(.+)\)", str(arrow["marker-end"]))
        assert marker is not None and marker[1] in marker_ids


def test_system_wide_risks_are_linked_beside_the_diagram(biml_site: BuiltSite) -> None:
    figure = main_of(biml_site, "biml/index.md").select_one("figure.biml-diagram")
    assert figure is not None
    below = figure.find_next_sibling("p")
    assert isinstance(below, Tag)
    links = [figure.select_one('a[data-biml-component="system"]'), below.find("a")]
    for link in links:
        assert isinstance(link, Tag) and "System-wide risks" in link.get_text()
        href = str(link.get("href") or link["xlink:href"])
        assert landing(biml_site, "biml/index.md", href)[0] == output_file(
            biml_site, "biml/system.md"
        )


def test_top_ten_entries_have_anchors_and_link_their_risks(
    biml_site: BuiltSite, biml78: Catalog
) -> None:
    content = main_of(biml_site, "biml/index.md")
    for entry in biml78.top_ten:
        section = section_soup(content, entry.anchor)
        reached = {landing(biml_site, "biml/index.md", str(a["href"])) for a in section("a")}
        for risk in entry.risks:
            assert (output_file(biml_site, page_of(risk.component)), risk.anchor) in reached


def test_risk_pages_show_their_top_ten_rank(biml_site: BuiltSite, biml78: Catalog) -> None:
    risk = CatalogIndex([biml78]).resolve("data:2:transfer").risk
    assert risk is not None
    entry = biml78.top_ten_rank(risk)
    assert entry is not None
    section = section_soup(main_of(biml_site, "biml/data.md"), risk.anchor)
    top_ten = [a for a in section("a") if a["href"].endswith(f"#{entry.anchor}")]
    assert top_ten and entry.name in top_ten[0].get_text()


def test_risk_table_lists_every_risk_once(biml_site: BuiltSite, biml78: Catalog) -> None:
    content = main_of(biml_site, "biml/index.md")
    marker = content.select_one("[data-biml-table]")
    assert marker is not None
    table = marker.find_next("table")
    assert isinstance(table, Tag)
    assert [th.get_text(strip=True) for th in table.select("thead th")] == [
        "Tag",
        "Risk",
        "Component",
    ]
    rows = table.select("tbody tr")
    assert [r.select_one("code").get_text() for r in rows] == [  # type: ignore[union-attr]
        r.qualified_tag for r in biml78.risks()
    ]


# -- component pages: texts, citations, controls --------------------------------------------


def test_tags_inside_descriptions_become_links(biml_site: BuiltSite, biml78: Catalog) -> None:
    index = CatalogIndex([biml78])
    checked = 0
    for risk in biml78.risks():
        targets = [
            t.resolution.risk
            for t in tokenize(risk.description, biml78, index)
            if isinstance(t, TagToken) and t.resolution.risk is not None
        ]
        if not targets:
            continue
        page = page_of(risk.component)
        section = section_soup(main_of(biml_site, page), risk.anchor)
        reached = {landing(biml_site, page, str(a["href"])) for a in section.select("a.biml-ref")}
        for target in targets:
            assert (output_file(biml_site, page_of(target.component)), target.anchor) in reached
            checked += 1
    assert checked > 0


def test_citations_link_to_existing_references(biml_site: BuiltSite, biml78: Catalog) -> None:
    references = output_file(biml_site, "biml/references.md")
    reference_ids = set(ids(main_of(biml_site, "biml/references.md")))
    assert {r.anchor for r in biml78.references} <= reference_ids
    index = CatalogIndex([biml78])
    for risk in biml78.risks():
        cited = [
            t.number
            for t in tokenize(risk.description, biml78, index)
            if isinstance(t, CitationToken)
        ]
        page = page_of(risk.component)
        section = section_soup(main_of(biml_site, page), risk.anchor)
        links = [landing(biml_site, page, str(a["href"])) for a in section.select("sup a")]
        assert links == [(references, f"ref-{n}") for n in cited], risk


def test_controls_keep_their_published_labels(biml_site: BuiltSite, biml78: Catalog) -> None:
    component = biml78.component("raw")
    assert component is not None
    content = main_of(biml_site, page_of(component))
    codes = {c.get_text() for c in content.select("li > code")}
    for risk in component.risks:
        assert {c.label for c in risk.controls} <= codes
    assert {c.label for c in component.controls} <= codes
    assert content.find(id="generic-controls") is not None


def test_catalogue_text_is_never_read_as_markdown(acme_site: BuiltSite) -> None:
    content = main_of(acme_site, "biml/acme/feed.md")
    section = section_soup(content, "feed-1-stale")
    heading = section.find("h2")
    assert heading is not None
    assert heading.get_text().replace("¶", "").strip() == "Stale *feed* <b>data</b>"
    paragraph = next(p for p in section("p") if p.get_text().startswith("Use"))
    assert paragraph.get_text() == ACME_TEXT
    assert not paragraph.select("b, em, strong, del, sub, sup:not(.biml-cite), mark, img")
    reached = [landing(acme_site, "biml/acme/feed.md", str(a["href"])) for a in paragraph("a")]
    assert reached == [
        ("biml/acme/feed/index.html", "feed-2-loop"),
        ("biml/acme/references/index.html", "ref-1"),
    ]
    loop = section_soup(content, "feed-2-loop")
    assert loop.select("ol") == []
    assert "1. not a list item" in loop.get_text()


def test_page_titles_from_catalogue_text_stay_text(acme_site: BuiltSite) -> None:
    soup = acme_site.soup("biml/acme/scorer.md")
    assert soup.title is not None and soup.title.get_text().startswith("2. Scorer <i>v2</i>")
    nav = soup.select_one("nav.md-nav--primary")
    assert nav is not None and "Scorer <i>v2</i>" in nav.get_text()
    assert soup.select("i") == []


def test_references_have_one_anchor_each(biml_site: BuiltSite, biml78: Catalog) -> None:
    content = main_of(biml_site, "biml/references.md")
    for reference in biml78.references:
        entry = content.find(id=reference.anchor)
        assert isinstance(entry, Tag)
        assert reference.title in entry.get_text()
        if reference.url:
            assert entry.find("a", href=reference.url) is not None


def test_every_generated_page_carries_the_attribution(biml_site: BuiltSite) -> None:
    for path in generated_html(biml_site):
        soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
        if path.parent.name == "coverage":
            continue
        licence = soup.select_one(".biml-attribution a[rel=license]")
        assert licence is not None, path
        assert licence["href"] == "https://creativecommons.org/licenses/by-sa/3.0/"


# -- backlinks and coverage ---------------------------------------------------------------


def test_backlinks_list_citing_pages_with_titles_and_statuses(biml_site: BuiltSite) -> None:
    section = section_soup(main_of(biml_site, "biml/data.md"), "data-2-transfer")
    items = section.select(".biml-backlinks li")
    seen = {}
    for item in items:
        link = item.find("a")
        assert isinstance(link, Tag)
        status = item.select_one(".biml-status")
        seen[link.get_text()] = (
            landing(biml_site, "biml/data.md", str(link["href"]))[0],
            status.get_text() if status else None,
        )
    assert seen == {
        "Home": ("index.html", "mitigated"),
        "Training data": ("guide/training/index.html", "open"),
    }


def test_risks_cited_nowhere_say_so(biml_site: BuiltSite) -> None:
    section = section_soup(main_of(biml_site, "biml/data.md"), "data-1-poisoning")
    block = section.select_one(".biml-backlinks")
    assert block is not None and "Not cited yet" in block.get_text()
    raw = section_soup(main_of(biml_site, "biml/raw.md"), "raw-3-storage")
    assert [a.get_text() for a in raw.select(".biml-backlinks a")] == ["Training data"]
    assert raw.select(".biml-status") == []


def test_no_placeholder_survives(biml_site: BuiltSite, llm_site: BuiltSite) -> None:
    for site in (biml_site, llm_site):
        for path in generated_html(site):
            html = path.read_text("utf-8")
            assert not re.search(r"<!--\s*biml:", html), path
            assert "biml-src:" not in html, path


def coverage_cells(site: BuiltSite, catalog: str = "biml-78") -> dict[str, dict[str, str]]:
    table = main_of(site, "biml/coverage.md").select_one(f'table[data-biml-catalog="{catalog}"]')
    assert table is not None
    headers = [th.get_text() for th in table.select("thead th")]
    rows = {}
    for row in table.select("tbody tr, tfoot tr"):
        cells = [c.get_text() for c in row.find_all(["th", "td"])]
        rows[cells[0]] = dict(zip(headers[1:], cells[1:]))
    return rows


def test_coverage_matrix_counts_citations_and_statuses(biml_site: BuiltSite) -> None:
    rows = coverage_cells(biml_site)
    assert rows["1. Raw data in the world"] == {
        "Risks": "13",
        "Cited": "2",
        "Open": "0",
        "Mitigated": "0",
        "Accepted": "1",
        "Not-applicable": "0",
        "No status": "1",
        "Not cited": "11",
    }
    assert rows["3. Datasets"] == {
        "Risks": "7",
        "Cited": "1",
        "Open": "1",
        "Mitigated": "1",
        "Accepted": "0",
        "Not-applicable": "0",
        "No status": "0",
        "Not cited": "6",
    }
    assert rows["All components"]["Cited"] == "3"
    assert rows["All components"]["Not cited"] == "76"


def test_coverage_cells_are_coloured_by_share(biml_site: BuiltSite) -> None:
    table = main_of(biml_site, "biml/coverage.md").select_one("table.biml-coverage")
    assert table is not None
    levels = {
        (c.find_parent("tr").th.get_text(), c["data-status"]): c["class"][-1]  # type: ignore[union-attr]
        for c in table.select("td.biml-heat")
    }
    assert levels[("3. Datasets", "cited")] == "biml-heat-1"  # 1 of 7
    assert levels[("2. Dataset assembly", "cited")] == "biml-heat-0"


def test_uncited_risks_are_listed_and_linked(biml_site: BuiltSite, biml78: Catalog) -> None:
    listing = main_of(biml_site, "biml/coverage.md").select_one("ul.biml-uncited")
    assert listing is not None
    tags = [code.get_text() for code in listing.select("code")]
    assert len(tags) == 76
    assert "data:2:transfer" not in tags and "raw:3:storage" not in tags
    first = listing.select_one("a")
    assert first is not None
    assert landing(biml_site, "biml/coverage.md", str(first["href"])) == (
        output_file(biml_site, "biml/raw.md"),
        "raw-2-trustworthiness",
    )


def test_a_site_without_citations_fills_every_placeholder(site: SiteBuilder) -> None:
    built = site({"index.md": "# Nothing cited\n"})
    assert built.error is None
    rows = coverage_cells(built)
    assert rows["All components"]["Cited"] == "0"
    content = main_of(built, "biml/system.md")
    assert len(content.select(".biml-backlinks-none")) == 10


# -- whole site: links, search, edit links, URLs ---------------------------------------------


def test_no_broken_internal_link_or_anchor(
    biml_site: BuiltSite, material_site: BuiltSite, llm_site: BuiltSite
) -> None:
    for built in (biml_site, material_site, llm_site):
        assert [str(b) for b in broken_links(built.site_dir)] == []


def test_generated_pages_are_in_the_search_index(
    biml_site: BuiltSite, material_site: BuiltSite
) -> None:
    for built in (biml_site, material_site):
        index = json.loads((built.site_dir / "search/search_index.json").read_text("utf-8"))
        locations = {doc["location"] for doc in index["docs"]}
        assert "biml/data/#data-2-transfer" in locations
        assert "biml/" in locations
        assert any(loc.startswith("biml/references/") for loc in locations)


def test_backlinks_are_shown_but_not_indexed_for_search(
    biml_site: BuiltSite, material_site: BuiltSite
) -> None:
    # Backlinks are navigation: indexed, every risk would match the titles of
    # all the pages that cite it.
    for built in (biml_site, material_site):
        section = section_soup(main_of(built, "biml/data.md"), "data-2-transfer")
        assert "Training data" in section.select_one(".biml-backlinks").get_text()
        index = json.loads((built.site_dir / "search/search_index.json").read_text("utf-8"))
        (entry,) = [d for d in index["docs"] if d["location"] == "biml/data/#data-2-transfer"]
        assert "pretrained" in entry["text"]
        assert "Training data" not in entry["text"]
        assert "Addressed in" not in entry["text"]


def test_generated_pages_have_no_edit_link(material_site: BuiltSite) -> None:
    assert material_site.soup("index.md").select("a.md-content__button")  # the author's page
    for path in generated_html(material_site):
        soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
        assert soup.select("a.md-content__button") == [], path


def test_links_work_without_directory_urls(site: SiteBuilder) -> None:
    built = site(PAGES, {"use_directory_urls": False})
    assert built.error is None
    assert [str(b) for b in broken_links(built.site_dir)] == []
    svg = main_of(built, "biml/index.md").select_one("svg")
    assert svg is not None
    assert {a["xlink:href"] for a in svg.select("a")} >= {"data.html", "system.html"}
    section = section_soup(main_of(built, "biml/data.md"), "data-2-transfer")
    assert {a["href"] for a in section.select(".biml-backlinks a")} == {
        "../index.html",
        "../guide/training.html",
    }


# -- options, other catalogues, templates -------------------------------------------------


def test_pages_false_generates_nothing(site: SiteBuilder) -> None:
    built = site(PAGES, {"plugins": [{"biml": {"pages": False}}]})
    assert built.error is None
    assert list((built.site_dir / "biml").glob("**/*.html")) == []
    assert built.soup("index.md").select("a.biml-ref") == []


def test_pages_false_shows_citation_numbers_without_links(site: SiteBuilder) -> None:
    built = site(
        {"index.md": "[raw:1:data confidentiality]\n"}, {"plugins": [{"biml": {"pages": False}}]}
    )
    assert built.error is None
    callout = built.content("index.md").select_one("div.admonition.biml")
    assert callout is not None
    assert [s.get_text() for s in callout.select("sup.biml-cite")] == ["7", "4"]
    assert callout.select("a") == []  # nothing to lead to: no references page, no entry


def test_llm_catalogue_gets_its_own_pages(llm_site: BuiltSite) -> None:
    llm = load_catalog("biml-llm")
    for component in llm.components:
        page = page_of(component)
        assert page.startswith("biml/llm/")
        page_ids = ids(main_of(llm_site, page))
        for risk in component.risks:
            assert page_ids.count(risk.anchor) == 1, risk
    svg = main_of(llm_site, "biml/llm/index.md").select_one("svg")
    assert svg is not None
    assert len(svg.select("a.biml-node")) == len(llm.diagram_components)
    assert len(svg.select("path.biml-flow")) == len(llm.flows)
    assert {f"top-ten-{n}" for n in range(1, 11)} <= set(
        ids(main_of(llm_site, "biml/llm/index.md"))
    )


def test_llm_texts_link_their_own_tags_and_top_ten(llm_site: BuiltSite) -> None:
    refs = main_of(llm_site, "biml/llm/input.md").select("a.biml-ref")
    assert [a["data-biml-tag"] for a in refs] == ["LLM:raw:3:data feudalism"]
    assert landing(llm_site, "biml/llm/input.md", str(refs[0]["href"])) == (
        "biml/llm/raw/index.html",
        "raw-3-data-feudalism",
    )
    content = main_of(llm_site, "biml/llm/raw.md")
    top_ten = [a for a in content("a") if "LLMtop10" in a.get_text()]
    assert top_ten
    for link in top_ten:
        assert landing(llm_site, "biml/llm/raw.md", str(link["href"]))[0] == "biml/llm/index.html"


def test_custom_templates_override_shipped_ones(site: SiteBuilder, tmp_path: Path) -> None:
    templates = tmp_path / "overrides"
    templates.mkdir()
    (templates / "risk.md.j2").write_text(
        textwrap.dedent("""\
        ## {{ risk.title | md }} {{ risk.anchor | heading_id }}

        Owner: {{ risk.extra.owner | default("unassigned") }}

        {{ backlinks(risk) }}

        """),
        encoding="utf-8",
    )
    (templates / "overview.md.j2").write_text(
        textwrap.dedent("""\
        {% extends "biml/overview.md.j2" %}
        {% block top_ten %}
        Our own words about the Top Ten.

        {% endblock %}
        """),
        encoding="utf-8",
    )
    (tmp_path / "acme.yaml").write_text(ACME_CATALOG, encoding="utf-8")
    built = site(
        PAGES, {"plugins": [{"biml": {"custom_templates": "overrides", "catalogs": ["acme.yaml"]}}]}
    )
    assert built.error is None, built.error
    feed = section_soup(main_of(built, "biml/acme/feed.md"), "feed-1-stale")
    assert "Owner: Alice" in feed.get_text()
    assert feed.select(".biml-backlinks")
    data = main_of(built, "biml/data.md")
    assert "Owner: unassigned" in data.get_text()
    overview = main_of(built, "biml/index.md")
    assert "Our own words about the Top Ten." in overview.get_text()
    assert overview.find(id="top-ten-1") is None
    assert overview.select_one("svg a.biml-node") is not None  # the rest is the shipped page


def test_a_broken_custom_template_names_file_and_line(site: SiteBuilder, tmp_path: Path) -> None:
    templates = tmp_path / "overrides"
    templates.mkdir()
    (templates / "references.md.j2").write_text("# Refs\n\n{% if %}\n", encoding="utf-8")
    built = site(PAGES, {"plugins": [{"biml": {"custom_templates": "overrides"}}]})
    assert built.error is not None
    errors = [r.getMessage() for r in built.messages if r.levelname == "ERROR"]
    assert len(errors) == 1
    assert errors[0].startswith("biml: template ")
    assert "overrides/references.md.j2, line 3: " in errors[0]
    assert "Traceback" not in errors[0]


def test_a_changed_catalogue_shows_on_the_next_build(tmp_path: Path) -> None:
    """What ``mkdocs serve`` does on a change: a new build from the same files."""
    (tmp_path / "acme.yaml").write_text(ACME_CATALOG, encoding="utf-8")
    config = {"plugins": [{"biml": {"catalogs": ["acme.yaml"]}}]}
    first = build_site(tmp_path, {"index.md": "# Home\n\n[ACME:scorer:1:drift] matters.\n"}, config)
    assert "Drift" in main_of(first, "biml/acme/scorer.md").get_text()
    (tmp_path / "acme.yaml").write_text(
        ACME_CATALOG.replace("title: Drift", "title: Score drift"), encoding="utf-8"
    )
    (tmp_path / "docs" / "index.md").unlink()
    second = build_site(tmp_path, {"index.md": "# Home\n\nNothing cited.\n"}, config)
    content = main_of(second, "biml/acme/scorer.md")
    assert content.find(id="scorer-1-drift").get_text().startswith("Score drift")  # type: ignore[union-attr]
    assert "Not cited yet" in content.get_text()


def test_strict_cli_build_of_a_site_with_tags_warns_nothing(tmp_path: Path) -> None:
    write_site(tmp_path, PAGES, {"validation": {"anchors": "warn"}})
    result = run_mkdocs(tmp_path, "build", "--strict")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr


# -- stylesheet and diagram geometry ------------------------------------------------------


def contrast(foreground: str, background: str) -> float:
    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_heat_map_colours_meet_wcag_aa() -> None:
    css = (ASSETS / "biml.css").read_text("utf-8")
    blocks = re.findall(r"\{([^{}]*--biml-heat-1-bg:[^{}]*)\}", css)
    assert len(blocks) == 2  # light and dark
    for block in blocks:
        values = dict(re.findall(r"(--biml-heat-\d-(?:bg|fg)):\s*(#[0-9a-fA-F]{6})", block))
        for level in range(1, 6):
            ratio = contrast(values[f"--biml-heat-{level}-fg"], values[f"--biml-heat-{level}-bg"])
            assert ratio >= 4.5, (level, ratio)


def test_callout_icon_is_inline() -> None:
    css = (ASSETS / "biml.css").read_text("utf-8")
    assert "mask-image: var(--biml-icon)" in css
    assert re.search(r"--biml-icon: url\('data:image/svg\+xml", css)
    assert "http" not in re.sub(r"http://www\.w3\.org/2000/svg", "", css)


def test_diagram_arrows_touch_their_components_and_avoid_others(biml78: Catalog) -> None:
    diagram = build_diagram(biml78)
    nodes = {n.component.label: n for n in diagram.nodes}

    def on_boundary(node: Node, x: float, y: float) -> bool:
        dx, dy = abs(x - node.center.x), abs(y - node.center.y)
        if node.shape == "rect":
            return abs(dx - node.rx) < 0.5 or abs(dy - node.ry) < 0.5
        return abs((dx / node.rx) ** 2 + (dy / node.ry) ** 2 - 1) < 0.02

    for arrow in diagram.arrows:
        source, target = nodes[arrow.source.label], nodes[arrow.target.label]
        assert on_boundary(source, arrow.start.x, arrow.start.y), arrow
        assert on_boundary(target, arrow.end.x, arrow.end.y), arrow
    curved = [a for a in diagram.arrows if a.curved]
    assert [(a.source.label, a.target.label) for a in curved] == [("output", "raw")]
    assert diagram.system is not None
    taken = {(n.center.x, n.center.y) for n in diagram.nodes}
    assert (diagram.system.center.x, diagram.system.center.y) not in taken


def test_diagram_places_components_without_a_cell_and_separates_two_way_flows(
    tmp_path: Path,
) -> None:
    variant = ACME_CATALOG.replace("    diagram: {column: 1, row: 0}\n", "").replace(
        "  - {from: feed, to: scorer}", "  - {from: feed, to: scorer}\n  - {from: scorer, to: feed}"
    )
    (tmp_path / "variant.yaml").write_text(variant, encoding="utf-8")
    diagram = build_diagram(load_catalog(tmp_path / "variant.yaml"))
    feed, scorer = diagram.nodes
    assert scorer.center.y > feed.center.y  # in a row of its own, below the grid
    assert all(a.curved for a in diagram.arrows)
    assert diagram.arrows[0].control != diagram.arrows[1].control
