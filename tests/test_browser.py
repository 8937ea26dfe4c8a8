"""The plugin's pages in a real headless Chromium, on every supported theme.

One browser for the module (tests/browser.py); the sites are built once and
served over HTTP on 127.0.0.1, with every other request blocked. Screenshots
of each theme land in test-artifacts/screenshots/.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pytest

from mkdocs_biml import Catalog, CatalogIndex
from mkdocs_biml.catalog.model import Component
from mkdocs_biml.core.paths import PageLayout
from mkdocs_biml.pages.diagram import component_heading, risk_count_text
from tests.browser import (
    SCREENSHOTS,
    VIEWPORT,
    OfflinePages,
    axe_violations,
    colour_contrast,
    expect,
    launch_chromium,
    pdf_text,
    print_to_pdf,
    screenshot,
    serve,
    text_contrast,
)
from tests.sites import BuiltSite, build_site

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Locator, Page

#: One group: under ``pytest -n N --dist loadgroup`` the module shares one worker, one
#: browser and one set of sites (plain ``-n`` would start them on every worker).
pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("browser")]

LAYOUT = PageLayout()
ARTIFACTS = SCREENSHOTS.parent
WCAG_AA = 4.5
#: Enough loaded to click and read; pages that are photographed wait for "load".
LOADED = "domcontentloaded"

#: Statuses that put every level of the coverage heat map on the page.
STATUSES = {
    "input:1": "mitigated",  # 1 of 5: level 1
    "model:1": "mitigated",  # 2 of 5: level 2
    "model:2": "mitigated",
    **{f"inference:{n}": "open" for n in (1, 2, 4)},  # 3 of 6: level 3
    **{f"eval:{n}": "accepted" for n in range(1, 6)},  # 5 of 7: level 4
    **{f"data:{n}": "open" for n in range(1, 8)},  # 7 of 7: level 5
}

#: Given "mitigated" in the assessment: with STATUSES, 1 to 5 of each component addressed.
HEAT_MAP_STATUSES = [*(f"inference:{n}" for n in (1, 2, 4)), *(f"data:{n}" for n in range(1, 8))]
ASSESSMENTS = {"systems/fraud": "Fraud model"}

PAGES = {
    "index.md": """\
        # Home

        We retrain on vendor models, see [data:2:transfer]. A typo: [dta:2:transfer].

        [raw:1:data confidentiality]

        The [framework overview](biml/index.md) draws the whole system.
        """,
    # The baseline of the accessibility audit: what the theme makes of ordinary content.
    "plain.md": """\
        # Plain

        A page without risk tags: a paragraph with [a link](index.md) in its text.

        - [A link](index.md) in a list, with text after it.
        - An item without a link.

        | Column | Other |
        | --- | --- |
        | [A link](index.md) | text |
        """,
    # An assessment: with the guide, its statuses put every level of the heat map on
    # the coverage page.
    "systems/fraud/index.md": "---\nbiml:\n"
    + "".join(f"  {tag}: mitigated\n" for tag in HEAT_MAP_STATUSES)
    + "---\n# Fraud model\n",
    # Owner, note and a long title: the widest the assessment's table gets.
    "systems/fraud/review.md": """\
        ---
        biml:
          data:1:poisoning:
            status: mitigated
            owner: Machine-learning platform team
            note: Every training set is hashed and its provenance recorded before use.
          assembly:4:partitioning: open
        ---
        # Security review of the fraud-scoring service and its training pipeline
        """,
    "guide.md": "---\nbiml:\n"
    + "".join(f"  {tag}: {status}\n" for tag, status in STATUSES.items())
    + "---\n# Guide\n\nStorage is covered in [raw:3:storage]."
    + " See the [framework overview](biml/index.md).\n",
}

#: Each theme as the site configures it; no web fonts, no highlight.js from a CDN.
THEMES: dict[str, dict[str, Any]] = {
    "material-light": {"name": "material", "font": False, "features": ["content.tooltips"]},
    "material-dark": {
        "name": "material",
        "font": False,
        "features": ["content.tooltips"],
        "palette": {"scheme": "slate"},
    },
    "mkdocs": {"name": "mkdocs", "highlightjs": False},
    "mkdocs-dark": {"name": "mkdocs", "highlightjs": False, "color_mode": "dark"},
    "readthedocs": {"name": "readthedocs", "highlightjs": False},
}
#: Material with client-side ("instant") navigation: pages are fetched and swapped in.
INSTANT = "material-instant"
SITES = {
    **THEMES,
    INSTANT: {**THEMES["material-light"], "features": ["content.tooltips", "navigation.instant"]},
}


#: Material's instant navigation resolves the relative URLs of every element with an
#: `href` attribute by assigning el.href, which throws on SVG links (read-only href):
#: navigating to the overview fails. The diagram template must link with xlink:href.
@dataclass
class ServedSite:
    built: BuiltSite
    base: str  # URL of the site's home page, ending in "/"

    def url(self, src_uri: str, fragment: str = "") -> str:
        stem = src_uri.removesuffix(".md").removesuffix("index")
        path = stem if not stem or stem.endswith("/") else stem + "/"
        return self.base + path + (f"#{fragment}" if fragment else "")


@pytest.fixture(scope="module")
def chromium() -> Iterator[Browser]:
    with launch_chromium() as browser:
        yield browser


@pytest.fixture(scope="module")
def sites(
    chromium: Browser, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, ServedSite]]:
    """Every site, built and served (once a browser is known to be there)."""
    root = tmp_path_factory.mktemp("served")
    with serve(root) as server:
        served = {}
        for name, theme in SITES.items():
            base = server.url(f"{name}/site/")
            # Material's instant navigation needs site_url (it reads the sitemap). Search
            # indexes the whole site on each page load, which costs seconds: only the
            # mkdocs theme gets it, as its scripts fail without the search dialog.
            biml = {"biml": {"assessments": ASSESSMENTS}}
            plugins = ["search", biml] if theme["name"] == "mkdocs" else [biml]
            config = {"theme": theme, "site_url": base, "plugins": plugins}
            built = build_site(root / name, PAGES, config)
            assert built.error is None, built.failure()
            served[name] = ServedSite(built, base)
        yield served


@pytest.fixture
def pages(chromium: Browser, request: pytest.FixtureRequest) -> Iterator[OfflinePages]:
    """``pages.open(url)``: none of the pages may need the network or raise a script error.

    A test expected to fail checks that itself, so that its failure is the expected one.
    """
    with OfflinePages(chromium) as opened:
        yield opened
    if request.node.get_closest_marker("xfail") is None:
        assert_clean(opened)


#: Errors of a theme's own scripts that these test sites cause and the plugin cannot:
#: the mkdocs theme's dark mode switches highlight.js styles, off here (it needs a CDN).
THEME_BUGS = ("/js/darkmode.js",)


def assert_clean(pages: OfflinePages) -> None:
    assert pages.blocked == [], "pages needed the network"
    errors = [e for e in pages.errors if not any(bug in e for bug in THEME_BUGS)]
    assert errors == [], "script errors"


def page_components(catalog: Catalog) -> list[Component]:
    """The components the diagram links to, in drawing order: nine, then the system."""
    return [*catalog.diagram_components, *(c for c in catalog.components if c.is_system)]


def node_label(component: Component) -> str:
    return f"{component_heading(component)}: {risk_count_text(len(component.risks))}"


def risk_tags(components: list[Component]) -> list[str]:
    return [risk.qualified_tag for component in components for risk in component.risks]


def main_heading(page: Page) -> Locator:
    return page.locator("article h1, [role='main'] h1").first


# -- (1) the diagram's links --------------------------------------------------------------


def node(page: Page, component: Component) -> Locator:
    return page.locator(f'a.biml-node[data-biml-component="{component.label}"]')


def panel_of(page: Page, component: Component) -> Locator:
    """The panel listing ``component``'s risks beside the diagram (shown by biml.js)."""
    return page.get_by_role("region", name=node_label(component), exact=True)


def open_component_page(page: Page, component: Component, javascript: bool) -> None:
    """From the overview to the component's page: the diagram's link without JavaScript,
    with it the link of the panel that a click on the component opens."""
    node(page, component).click()
    if javascript:
        # Material records the scroll offset in the current history entry 100 ms after the
        # last scroll: a click sooner (no reader is that quick; a loaded test machine is)
        # puts the overview's offset in the next page's entry, which then opens scrolled
        # past its heading. Click, as a reader does, once the panel's scroll is recorded:
        # the link scrolled into view first (a click would scroll it there itself, too
        # late to be recorded, when the panel beside the drawing reaches below the fold).
        link = panel_of(page, component).get_by_role("link", name="full entries")
        link.scroll_into_view_if_needed()
        page.wait_for_function("() => history.state?.y === window.scrollY")
        link.click()


@pytest.mark.parametrize(
    ("theme", "javascript"),
    [
        pytest.param("mkdocs", False, id="mkdocs-without-javascript"),
        pytest.param(INSTANT, True, id="material-instant-navigation"),
    ],
)
def test_each_component_of_the_diagram_leads_to_its_page(
    sites: dict[str, ServedSite],
    pages: OfflinePages,
    biml78: Catalog,
    theme: str,
    javascript: bool,
) -> None:
    site = sites[theme]
    overview = site.url(LAYOUT.overview(biml78))
    page = pages.open(overview, java_script_enabled=javascript)
    assert_clean(pages)
    diagram_url = site.url(LAYOUT.overview(biml78), "system-diagram")
    for component in page_components(biml78):
        open_component_page(page, component, javascript)
        page.wait_for_url(site.url(LAYOUT.component_page(component)), wait_until=LOADED)
        expect(main_heading(page)).to_have_text(component_heading(component))
        expect(main_heading(page)).to_be_in_viewport()
        if component.is_system:
            page.go_back(wait_until=LOADED)
        else:  # back by the page's own link to the diagram, which lands on it
            page.get_by_role("link", name="system diagram").click()
            page.wait_for_url(diagram_url, wait_until=LOADED)
            expect(page.locator("figure.biml-diagram")).to_be_in_viewport()

    system = page_components(biml78)[-1]
    page.locator("p a").filter(has_text=node_label(system)).click()
    page.wait_for_url(site.url(LAYOUT.component_page(system)), wait_until=LOADED)
    expect(main_heading(page)).to_have_text(component_heading(system))
    assert_clean(pages)


# -- (1b) the diagram fits its column, and shows a component's risks beside it -------------

#: The drawing's box, its column (the figure's parent) and the page's own width.
DIAGRAM_GEOMETRY_JS = """
() => {
  const figure = document.querySelector("figure.biml-diagram");
  const box = figure.querySelector(".biml-diagram-scroll");
  const rect = element => {
    const r = element.getBoundingClientRect();
    return {left: r.left, right: r.right, top: r.top, bottom: r.bottom};
  };
  return {
    svg: rect(figure.querySelector("svg")),
    column: rect(figure.parentElement),
    box: {...rect(box), scrollWidth: box.scrollWidth, clientWidth: box.clientWidth},
    page: {scrollWidth: document.scrollingElement.scrollWidth, width: innerWidth},
  };
}
"""


@pytest.mark.parametrize("width", [1280, 1440, 1600, 1920])
@pytest.mark.parametrize("theme", ["material-light", "mkdocs"])
def test_the_diagram_fits_its_column_on_wide_screens(
    sites: dict[str, ServedSite], pages: OfflinePages, biml78: Catalog, theme: str, width: int
) -> None:
    """Material's root font grows to 22 px at 1,600 px: the drawing must still fit."""
    page = pages.open(
        sites[theme].url(LAYOUT.overview(biml78)), viewport={"width": width, "height": 900}
    )
    geometry = page.evaluate(DIAGRAM_GEOMETRY_JS)
    svg, column, box = geometry["svg"], geometry["column"], geometry["box"]
    assert column["left"] - 0.5 <= svg["left"] and svg["right"] <= column["right"] + 0.5, geometry
    assert box["scrollWidth"] <= box["clientWidth"], "the drawing scrolls on a wide screen"
    expect(page.locator(".biml-diagram-scroll")).not_to_have_attribute("tabindex", "0")
    if width == 1280:
        screenshot(page, f"{theme}-diagram-1280", "figure.biml-diagram")


@pytest.mark.parametrize("theme", ["material-light", "mkdocs"])
def test_on_a_narrow_screen_the_diagram_scrolls_in_its_box_not_the_page(
    sites: dict[str, ServedSite], pages: OfflinePages, biml78: Catalog, theme: str
) -> None:
    page = pages.open(
        sites[theme].url(LAYOUT.overview(biml78)), viewport={"width": 360, "height": 740}
    )
    geometry = page.evaluate(DIAGRAM_GEOMETRY_JS)
    assert geometry["page"]["scrollWidth"] <= geometry["page"]["width"], geometry
    box = page.locator(".biml-diagram-scroll")
    assert geometry["box"]["scrollWidth"] > geometry["box"]["clientWidth"], geometry
    # A box that scrolls takes keyboard focus (WCAG 2.1.1), named after the drawing.
    expect(box).to_have_attribute("tabindex", "0")
    expect(box).to_have_accessible_name(re.compile(r"^BIML-78: components of a generic"))
    box.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => document.querySelector('.biml-diagram-scroll').scrollLeft > 0")
    screenshot(page, f"{theme}-diagram-360")


def expanded_nodes(page: Page) -> list[str]:
    return page.eval_on_selector_all(
        'a.biml-node[aria-expanded="true"]', "nodes => nodes.map(n => n.dataset.bimlComponent)"
    )


def check_panel_shows(page: Page, component: Component, overview: str) -> None:
    """The panel of ``component`` is the only one shown, lists its risks, has focus."""
    panel = panel_of(page, component)
    expect(panel).to_be_visible()
    expect(panel).to_be_focused()
    expect(page.locator(".biml-diagram-panel:visible")).to_have_count(1)
    assert expanded_nodes(page) == [component.label]
    expect(node(page, component)).to_have_attribute("aria-controls", str(panel.get_attribute("id")))
    titles = [risk.title for risk in component.risks]
    expect(panel.locator("li a")).to_have_text(titles)
    assert page.url == overview, "the page was left"


@pytest.mark.parametrize("theme", ["material-light", "mkdocs", INSTANT])
def test_selecting_a_component_shows_its_risks_beside_the_diagram(
    sites: dict[str, ServedSite], pages: OfflinePages, biml78: Catalog, theme: str
) -> None:
    site = sites[theme]
    overview = site.url(LAYOUT.overview(biml78))
    page = pages.open(overview)
    raw, data, system = biml78.diagram_components[0], biml78.diagram_components[2], None
    system = page_components(biml78)[-1]
    for component in page_components(biml78):
        expect(node(page, component)).to_have_attribute("aria-expanded", "false")
    expect(page.locator(".biml-diagram-panel:visible")).to_have_count(0)

    # Mouse: a click shows the panel, another component's click replaces it, a second
    # click on the same component closes it.
    node(page, data).click()
    check_panel_shows(page, data, overview)
    screenshot(page, f"{theme}-diagram-panel", "figure.biml-diagram")
    node(page, raw).click()
    check_panel_shows(page, raw, overview)
    node(page, raw).click()
    expect(page.locator(".biml-diagram-panel:visible")).to_have_count(0)
    assert expanded_nodes(page) == []

    # Keyboard: Enter or Space opens, Tab goes on into the panel's links, Escape closes
    # and gives focus back to the component.
    node(page, system).focus()
    page.keyboard.press("Enter")
    check_panel_shows(page, system, overview)
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text(system.risks[0].title)
    page.keyboard.press("Escape")
    expect(panel_of(page, system)).to_be_hidden()
    expect(node(page, system)).to_be_focused()
    expect(node(page, system)).to_have_attribute("aria-expanded", "false")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press(" ")
    before_last = page_components(biml78)[-2]
    check_panel_shows(page, before_last, overview)
    panel_of(page, before_last).get_by_role("button", name="Close").click()
    expect(panel_of(page, before_last)).to_be_hidden()
    expect(node(page, before_last)).to_be_focused()

    # A risk in the panel leads to its entry on the component's page.
    node(page, data).click()
    panel_of(page, data).get_by_role("link", name=data.risks[1].title).click()
    page.wait_for_url(site.url(LAYOUT.component_page(data), data.risks[1].anchor))
    expect(page.locator(f"[id='{data.risks[1].anchor}']")).to_be_in_viewport()


@pytest.mark.parametrize(
    ("theme", "width", "where"),
    [
        # Material's column is 688 px from 1,220 to 1,599 px, 757 px from 1,600 px.
        *(("material-light", width, "beside") for width in (1280, 1440, 1920)),
        ("material-light", 800, "beside"),  # the sidebars fold away: a 768 px column
        ("material-light", 600, "below"),
        ("material-light", 360, "below"),
        ("mkdocs", 1440, "beside"),
        ("mkdocs", 1280, "beside"),
        ("mkdocs", 360, "below"),
    ],
)
def test_the_panel_goes_beside_the_diagram_when_there_is_room_else_below(
    sites: dict[str, ServedSite],
    pages: OfflinePages,
    biml78: Catalog,
    *,
    theme: str,
    width: int,
    where: str,
) -> None:
    page = pages.open(
        sites[theme].url(LAYOUT.overview(biml78)), viewport={"width": width, "height": 900}
    )
    data = biml78.diagram_components[2]
    node(page, data).click()
    panel = panel_of(page, data).bounding_box()
    box = page.locator(".biml-diagram-scroll").bounding_box()
    assert panel is not None and box is not None
    if where == "beside":
        assert panel["x"] >= box["x"] + box["width"] and panel["y"] < box["y"] + box["height"]
        # Beside, the whole drawing is still in view, scaled, not scrolled.
        scroll = page.locator(".biml-diagram-scroll")
        assert scroll.evaluate("box => box.scrollWidth <= box.clientWidth")
    else:
        assert panel["y"] >= box["y"] + box["height"]
    assert page.evaluate("document.scrollingElement.scrollWidth <= innerWidth")
    if width in (1280, 1920):
        screenshot(page, f"{theme}-panel-{width}")


#: Where a tag's text wraps: (character before, character after) at each line break.
TAG_BREAKS_JS = """
codes => codes.flatMap(code => {
  const text = code.firstChild ? code.textContent : "";
  const breaks = [];
  let top = null, before = "";
  const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let i = 0; i < node.length; i++) {
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const rect = range.getClientRects()[0];
      if (!rect) continue;
      if (top !== null && rect.top > top + 1) breaks.push([before, node.data[i]]);
      top = rect.top;
      before = node.data[i];
    }
  }
  return breaks;
})
"""


@pytest.mark.parametrize("width", [1280, 1440, 1920])
def test_the_assessment_table_fits_its_column_and_tags_break_at_colons(
    sites: dict[str, ServedSite], pages: OfflinePages, width: int
) -> None:
    url = sites["material-light"].url("biml/assessments/fraud-model.md")
    page = pages.open(url, viewport={"width": width, "height": 900})
    table = page.locator("table.biml-assessment-table").first
    geometry = table.evaluate(
        """table => ({
          table: table.getBoundingClientRect().width,
          column: table.closest("article").getBoundingClientRect().width,
          box: [table.parentElement.scrollWidth, table.parentElement.clientWidth],
          pages: table.querySelector("tbody tr td:last-child").getBoundingClientRect().right,
          right: table.closest("article").getBoundingClientRect().right,
        })"""
    )
    assert geometry["table"] <= geometry["column"] + 0.5, geometry
    assert geometry["box"][0] <= geometry["box"][1], geometry  # nothing to scroll to
    assert geometry["pages"] <= geometry["right"] + 0.5, geometry  # the last column shows
    breaks = page.eval_on_selector_all("table.biml-assessment-table code", TAG_BREAKS_JS)
    inside_words = [(b, a) for b, a in breaks if b not in ": " and a != " "]
    assert breaks and not inside_words, inside_words
    if width == 1280:
        screenshot(page, "material-light-assessment-table-1280", "table.biml-assessment-table")


# -- (2) inline tags show their summary ----------------------------------------------------


def test_an_inline_tag_shows_the_risk_summary_on_hover_and_focus(
    sites: dict[str, ServedSite], pages: OfflinePages, index: CatalogIndex
) -> None:
    summary = index.resolve("data:2:transfer").risk.summary  # type: ignore[union-attr]

    # Material's content.tooltips turns the title into a tooltip element.
    page = pages.open(sites["material-light"].url("index.md"))
    reference = page.locator("a.biml-ref").first
    tooltip = page.get_by_role("tooltip")
    reference.hover()
    expect(tooltip).to_be_visible()
    expect(tooltip).to_have_text(summary)
    expect(reference).to_have_accessible_description(summary)
    expect(tooltip).to_have_css("opacity", "1")  # faded in: ready for its photograph
    screenshot(page, "material-light-tooltip")
    page.mouse.move(5, VIEWPORT["height"] - 5)
    expect(tooltip).not_to_have_class(re.compile("active"))
    reference.focus()
    expect(tooltip).to_have_class(re.compile("active"))
    expect(tooltip).to_have_text(summary)

    # Other themes: the browser's own tooltip, from the title attribute.
    page = pages.open(sites["mkdocs"].url("index.md"))
    reference = page.locator("a.biml-ref").first
    expect(reference).to_have_attribute("title", summary)
    expect(reference).to_have_accessible_description(summary)


# -- (3) keyboard ---------------------------------------------------------------------------


@pytest.mark.parametrize("theme", THEMES)
def test_tab_reaches_each_component_with_a_visible_focus_ring_and_a_name(
    sites: dict[str, ServedSite], pages: OfflinePages, biml78: Catalog, theme: str
) -> None:
    page = pages.open(sites[theme].url(LAYOUT.overview(biml78)))
    # Tab goes on from the heading above the diagram.
    page.locator("#system-diagram").evaluate(
        "heading => { heading.tabIndex = -1; heading.focus(); }"
    )
    diagram = page.locator("figure.biml-diagram")
    for component in page_components(biml78):
        page.keyboard.press("Tab")
        focused = page.locator(":focus")
        expect(focused).to_have_attribute("data-biml-component", component.label)
        link = diagram.get_by_role("link", name=node_label(component), exact=True)
        assert link.evaluate("link => link === document.activeElement")
        ring = focused.evaluate(
            "e => { const s = getComputedStyle(e);"
            " return [s.outlineStyle, parseFloat(s.outlineWidth), s.boxShadow]; }"
        )
        assert (ring[0] != "none" and ring[1] > 0) or ring[2] != "none", ring
        # WCAG 1.4.11: a focus indicator needs 3:1 against what surrounds it.
        assert colour_contrast(page, ":focus", "outlineColor") >= 3, theme
        if component.label == "data":
            screenshot(page, f"{theme}-focus-ring", "figure.biml-diagram")


# -- (4) contrast, and screenshots of every theme ---------------------------------------------

#: What must be readable (selector, and the SVG shape drawn under it), page by page.
READABLE: dict[str, dict[str, tuple[str, str | None]]] = {
    "index.md": {
        "inline reference": ("a.biml-ref", None),
        "unresolved tag": ("span.biml-unresolved", None),
        "callout title": ("div.admonition.biml > .admonition-title", None),
        "callout source line": ("div.admonition.biml .biml-callout-meta", None),
        "callout text": ("div.admonition.biml > p:nth-of-type(3)", None),
        "callout link": ("div.admonition.biml .biml-callout-more a", None),
    },
    "overview": {
        f"diagram {kind} label": (f"a.biml-node-{kind} .biml-node-label", ".biml-node-shape")
        for kind in ("collection", "process", "system")
    },
    "coverage": {
        **{f"heat-map level {level}": (f"td.biml-heat-{level}", None) for level in range(1, 6)},
        **{
            f"diagram heat map level {level}": (
                f"figure.biml-heat-map a.biml-heat-{level} .biml-node-label",
                ".biml-node-shape",
            )
            for level in range(0, 6)
        },
        "assessment matrix status": ("table.biml-assessment-matrix .biml-status", None),
        "assessment matrix, not addressed": (
            "table.biml-assessment-matrix .biml-status-none",
            None,
        ),
    },
}


@pytest.mark.parametrize("theme", THEMES)
def test_text_meets_wcag_aa_contrast(
    sites: dict[str, ServedSite], pages: OfflinePages, biml78: Catalog, theme: str
) -> None:
    site = sites[theme]
    sources = {
        "index.md": "index.md",
        "overview": LAYOUT.overview(biml78),
        "coverage": LAYOUT.coverage_page(),
    }
    page = pages.open(site.url("index.md"))
    ratios = {}
    for source, targets in READABLE.items():
        page.goto(site.url(sources[source]))
        for what, (selector, shape) in targets.items():
            ratios[what] = round(text_contrast(page, selector, shape), 2)
        take_screenshots(page, theme, source)
    record(f"contrast-{theme}.json", ratios)
    assert {what: ratio for what, ratio in ratios.items() if ratio < WCAG_AA} == {}


def take_screenshots(page: Page, theme: str, source: str) -> None:
    if source == "index.md":
        screenshot(page, f"{theme}-callout", "div.admonition.biml")
    elif source == "overview":
        screenshot(page, f"{theme}-diagram", "figure.biml-diagram")
    else:
        screenshot(page, f"{theme}-coverage", "table.biml-coverage")


def record(name: str, data: Any) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / name).write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


# -- (4b) accessibility audit -------------------------------------------------------------

#: Where the plugin writes on each theme: the page's main content.
MAIN_CONTENT = {"material": "article.md-content__inner", "mkdocs": "[role='main']"}


@pytest.mark.parametrize("theme", ["mkdocs", "material-light", "material-dark"])
def test_axe_finds_no_violation_the_plugin_adds(
    sites: dict[str, ServedSite], pages: OfflinePages, biml78: Catalog, theme: str
) -> None:
    """Only violations that the theme shows on a plain page too are the theme's own."""
    site = sites[theme]
    within = MAIN_CONTENT[THEMES[theme]["name"]]
    page = pages.open(site.url("plain.md"))
    baseline = axe_violations(page, within)
    data = biml78.diagram_components[2]
    audited = {
        "citing page": "index.md",
        "overview": LAYOUT.overview(biml78),
        "component page": LAYOUT.component_page(data),
        "coverage": LAYOUT.coverage_page(),
    }
    found = {}
    for name, source in audited.items():
        page.goto(site.url(source))
        found[name] = axe_violations(page, within)
    page.goto(site.url(LAYOUT.overview(biml78)))
    node(page, data).click()
    expect(panel_of(page, data)).to_be_visible()
    diagram = f"{within} figure.biml-diagram"  # the rest of the page is audited above
    found["diagram, a component's risks shown"] = axe_violations(page, diagram)
    page.set_viewport_size({"width": 360, "height": 740})  # the drawing scrolls
    expect(page.locator(".biml-diagram-scroll")).to_have_attribute("tabindex", "0")
    found["diagram at 360 px"] = axe_violations(page, diagram)
    record(f"axe-{theme}.json", {"plain page": baseline, **found})
    added = {
        name: {rule: nodes for rule, nodes in violations.items() if rule not in baseline}
        for name, violations in found.items()
    }
    assert {name: rules for name, rules in added.items() if rules} == {}


# -- generated pages and the theme's own scripts -------------------------------------------------


#: MkDocs would give headings like "3. Datasets" ids such as "3-datasets", which are
#: no CSS selectors: the mkdocs theme's scrollspy would throw and its keyboard
#: shortcuts never be set up. Component pages give their titles ids of their own.
@pytest.mark.parametrize("theme", THEMES)
def test_generated_pages_leave_the_theme_scripts_working(
    sites: dict[str, ServedSite], pages: OfflinePages, biml78: Catalog, theme: str
) -> None:
    site = sites[theme]
    page = pages.open(
        site.url(LAYOUT.component_page(biml78.diagram_components[2]), "data-2-transfer")
    )
    screenshot(page, f"{theme}-component")
    assert_clean(pages)


# -- (5) the risk table ----------------------------------------------------------------------

ROWS = "table[data-biml-sortable] tbody tr"


def visible_tags(page: Page) -> list[str]:
    return page.evaluate(
        f"[...document.querySelectorAll('{ROWS}')]"
        ".filter(row => row.getClientRects().length > 0)"
        ".map(row => row.cells[0].textContent.trim())"
    )


def check_table_sorts_and_filters(page: Page, catalog: Catalog) -> None:
    components = list(catalog.components)
    expect(page.locator(".biml-filter input")).to_have_count(1)
    assert visible_tags(page) == risk_tags(components)

    # Component, twice: descending; equal keys keep their published order.
    component_header = page.locator("table[data-biml-sortable] th").nth(2)
    component_header.get_by_role("button").click()
    expect(component_header).to_have_attribute("aria-sort", "ascending")
    component_header.get_by_role("button").click()
    expect(component_header).to_have_attribute("aria-sort", "descending")
    assert visible_tags(page) == risk_tags(components[::-1])

    # Tag: by component label, then by number as a number (raw:2 before raw:10).
    page.locator("table[data-biml-sortable] th").first.get_by_role("button").click()
    by_tag = sorted(
        catalog.risks(), key=lambda r: (r.component.label, r.number, r.descriptor.casefold())
    )
    assert visible_tags(page) == [r.qualified_tag for r in by_tag]

    page.get_by_label("Filter risks").fill("poison")
    poisoned = [r.qualified_tag for r in by_tag if "poison" in f"{r.tag} {r.title}".lower()]
    assert poisoned
    expect(page.locator(".biml-filter-count")).to_have_text(f"{len(poisoned)} of 79")
    assert visible_tags(page) == poisoned
    page.get_by_label("Filter risks").fill("")
    assert len(visible_tags(page)) == 79


@pytest.mark.parametrize("theme", ["material-light", "mkdocs", "readthedocs"])  # dark: same markup
def test_risk_table_sorts_and_filters(
    sites: dict[str, ServedSite], pages: OfflinePages, biml78: Catalog, theme: str
) -> None:
    page = pages.open(sites[theme].url(LAYOUT.overview(biml78)))
    check_table_sorts_and_filters(page, biml78)


# -- (5b) print ---------------------------------------------------------------------------

#: What a printed page must not show: the theme's navigation bar (the site's name is
#: only in it) and the risk table's filter box.
NOT_ON_PAPER = ("Test site", "Filter risks", "tag, title or component")


@pytest.mark.parametrize("theme", ["material-light", "mkdocs"])
def test_pages_print_cleanly(
    sites: dict[str, ServedSite], pages: OfflinePages, biml78: Catalog, theme: str
) -> None:
    site = sites[theme]
    data = biml78.diagram_components[2]
    printed = {}
    for name, source in {
        "citing-page": "index.md",
        "component": LAYOUT.component_page(data),
        "references": LAYOUT.references_page(biml78),
        "overview": LAYOUT.overview(biml78),
    }.items():
        page = pages.open(site.url(source))
        if name == "overview":  # rows the filter hides on screen still print
            page.get_by_label("Filter risks").fill("poison")
        page.emulate_media(media="print")
        for box in page.locator("div.admonition.biml, .biml-reference").all()[:3]:
            expect(box).to_have_css("break-inside", "avoid")
        pdf = print_to_pdf(page, f"{theme}-{name}")
        assert pdf.read_bytes().startswith(b"%PDF")
        printed[name] = pdf_text(pdf)

    for name, text in printed.items():
        assert [word for word in NOT_ON_PAPER if word in text] == [], name
    assert component_heading(data) in printed["component"]
    assert all(risk.title in printed["component"] for risk in data.risks)
    assert "Transfer learning attack" in printed["citing-page"]  # the callout
    with_url = [r for r in biml78.references if r.url]
    assert with_url
    on_paper = printed["references"].replace(" ", "")
    assert [r.url for r in with_url if r.url not in on_paper] == []
    assert next(biml78.risks()).title in printed["overview"]  # not a "poison" row


# -- (6) Material's instant navigation --------------------------------------------------------


def test_table_and_diagram_work_after_instant_navigation(
    sites: dict[str, ServedSite], pages: OfflinePages, biml78: Catalog
) -> None:
    site = sites[INSTANT]
    page = pages.open(site.url("guide.md"))
    page.evaluate("window.bimlSamePage = true")  # gone if the browser loads a new page

    page.get_by_role("link", name="framework overview").click()
    page.wait_for_url(site.url(LAYOUT.overview(biml78)))
    expect(main_heading(page)).to_contain_text(biml78.title)
    assert page.evaluate("window.bimlSamePage === true"), "not client-side navigation"

    check_table_sorts_and_filters(page, biml78)
    data = biml78.diagram_components[2]
    open_component_page(page, data, javascript=True)
    page.wait_for_url(site.url(LAYOUT.component_page(data)))
    expect(main_heading(page)).to_have_text(component_heading(data))
    assert_clean(pages)
