"""Where the generated pages go in the navigation."""

from __future__ import annotations

from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag

from tests.conftest import SiteBuilder


def nav_links(site_html: str) -> list[str]:
    soup = BeautifulSoup(site_html, "html.parser")
    return [a.get_text(strip=True) for a in soup.select("nav a, .navbar a, .wy-menu a")]


def test_explicit_nav_places_pages_by_path_and_gathers_the_rest(site: SiteBuilder) -> None:
    built = site(
        {"index.md": "Home [data:2:transfer].\n", "threats.md": "# Threats\n"},
        {
            "nav": [
                {"Home": "index.md"},
                # A generated page inside a section of the author's own.
                {"Threat model": ["threats.md", {"Datasets risks": "biml/data.md"}]},
            ],
            "validation": {"omitted_files": "warn"},
        },
        strict=True,
    )
    assert built.error is None, built.failure()
    assert built.warnings() == []
    links = nav_links(built.html("index.md"))
    raw = next(i for i, text in enumerate(links) if text.endswith("Raw data in the world"))
    assert links.index("Datasets risks") < raw
    assert "BIML risk framework" in built.html("index.md")
    # pages not listed are still built and reachable
    assert (built.site_dir / "biml" / "raw" / "index.html").is_file()
    assert "Datasets risks" in links
    assert links.count("Datasets risks") == 1


def test_automatic_nav_section_title_and_position(site: SiteBuilder) -> None:
    built = site(
        {"index.md": "Home\n", "zeta.md": "# Zeta\n"},
        {"plugins": [{"biml": {"nav_title": "ML risks", "nav_position": "start"}}]},
    )
    links = nav_links(built.html("zeta.md"))
    assert links.index("ML risks") < links.index("Zeta")


# -- the framework section's place and order, on the MkDocs theme and on Material ---------

THEMES = ("mkdocs", "material")
SECTION = "BIML risk framework"
BIML78_PAGES = [
    "BIML-78 overview",
    "1. Raw data in the world",
    "2. Dataset assembly",
    "3. Datasets",
    "4. Learning algorithm",
    "5. Evaluation",
    "6. Inputs",
    "7. Model",
    "8. Inference algorithm",
    "9. Outputs",
    "System-wide risks",
    "BIML-78 references",
]
COVERAGE = "Risk coverage"
USER_PAGES = {
    "index.md": "# Home\n",
    "alpha.md": "# Alpha\n",
    "guide/setup.md": "# Setup\n",
    "ops/run.md": "# Run\n",
    "zeta.md": "# Zeta\n",
    "risks/index.md": "# Risk analysis\n",
    "risks/zz-last.md": "# Last\n",
    "risks/aa-first.md": "# First\n",
}
NavTree = list[Any]


def nav_tree(page_html: str) -> NavTree:
    """The site navigation as nested lists: a page is its title, a section [title, items]."""
    soup = BeautifulSoup(page_html, "html.parser")
    top = soup.select_one("nav.md-nav--primary > ul, ul.navbar-nav")
    assert top is not None
    return _items(top)


def _items(ul: Tag) -> NavTree:
    items: NavTree = []
    for li in ul.find_all("li", recursive=False):
        classes = " ".join(li.get("class") or [])
        label = li.find(["a", "label"])
        assert label is not None
        title = label.get_text(" ", strip=True)
        # A section's list (Material keeps the page's table of contents in a list too).
        nested = li.find("ul") if "nested" in classes or "dropdown" in classes else None
        items.append([title, _items(nested)] if nested is not None else title)
    return items


def section(tree: NavTree, title: str) -> NavTree:
    return next(item[1] for item in tree if isinstance(item, list) and item[0] == title)


def titles(tree: NavTree) -> list[str]:
    return [item if isinstance(item, str) else item[0] for item in tree]


def build_nav(site: SiteBuilder, theme: str, **options: Any) -> tuple[NavTree, NavTree]:
    """The navigation with the framework pages, and the same site's without them."""
    plain = site(USER_PAGES, {"theme": theme, "plugins": [{"biml": {**options, "pages": False}}]})
    assert plain.error is None, plain.failure()
    without = nav_tree(plain.html("alpha.md"))
    built = site(USER_PAGES, {"theme": theme, "plugins": [{"biml": options}]}, strict=True)
    assert built.error is None, built.failure()
    return nav_tree(built.html("alpha.md")), without


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.slow
def test_nav_position_end_comes_after_every_top_level_item(site: SiteBuilder, theme: str) -> None:
    tree, without = build_nav(site, theme)

    assert titles(tree) == [*titles(without), SECTION]
    assert titles(section(tree, SECTION)) == [*BIML78_PAGES, COVERAGE]


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.slow
def test_nav_position_start_comes_right_after_the_home_page(site: SiteBuilder, theme: str) -> None:
    tree, without = build_nav(site, theme, nav_position="start")

    assert titles(tree) == ["Home", SECTION, *titles(without)[1:]]


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("position", ["end", "start"])
@pytest.mark.slow
def test_nested_folder_is_one_section_inside_its_parent_folders_section(
    site: SiteBuilder, theme: str, position: str
) -> None:
    tree, without = build_nav(site, theme, folder="risks/biml", nav_position=position)

    assert titles(tree) == titles(without)  # nothing new at the top level
    risks, own = section(tree, "Risks"), titles(section(without, "Risks"))
    assert own == ["Risk analysis", "First", "Last"]
    if position == "end":
        assert titles(risks) == [*own, SECTION]
    else:
        assert titles(risks) == [own[0], SECTION, *own[1:]]
    assert section(risks, SECTION) == [*BIML78_PAGES, COVERAGE]


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.slow
def test_prefixed_catalogue_has_its_own_subsection(site: SiteBuilder, theme: str) -> None:
    tree, _ = build_nav(site, theme, folder="risks/biml", catalogs=["biml-llm"])

    framework = section(section(tree, "Risks"), SECTION)
    assert titles(framework) == [*BIML78_PAGES, "BIML-LLM", COVERAGE]
    assert titles(section(framework, "BIML-LLM"))[:2] == [
        "BIML-LLM overview",
        "1. Raw data in the world",
    ]


def test_next_links_follow_the_rearranged_navigation(site: SiteBuilder) -> None:
    built = site(USER_PAGES, {"plugins": [{"biml": {"folder": "risks/biml"}}]})

    next_link = built.soup("risks/zz-last.md").select_one('a[rel="next"]')
    assert next_link is not None
    assert next_link["href"].rstrip("/").endswith("biml")


def test_explicit_nav_gives_each_catalogue_its_own_subsection(site: SiteBuilder) -> None:
    built = site(
        {"index.md": "# Home\n", "threats.md": "# Threats\n"},
        {
            "nav": [{"Home": "index.md"}, {"Threats": "threats.md"}, {"Data": "biml/data.md"}],
            "plugins": [{"biml": {"catalogs": ["biml-llm"]}}],
        },
        strict=True,
    )
    assert built.error is None, built.failure()

    tree = nav_tree(built.html("threats.md"))
    assert titles(tree) == ["Home", "Threats", "Data", SECTION]
    framework = section(tree, SECTION)
    unlisted = [title for title in BIML78_PAGES if title != "3. Datasets"]
    assert titles(framework) == [*unlisted, "BIML-LLM", COVERAGE]
    assert titles(section(framework, "BIML-LLM"))[0] == "BIML-LLM overview"


@pytest.mark.parametrize("theme", THEMES)
def test_nav_title_is_text_not_markup(site: SiteBuilder, theme: str) -> None:
    title = "Risks & <i>threats</i>"
    built = site(
        {"index.md": "# Home\n"}, {"theme": theme, "plugins": [{"biml": {"nav_title": title}}]}
    )

    tree = nav_tree(built.html("index.md"))
    assert titles(tree)[-1] == title
    assert "<i>threats</i>" not in built.html("index.md")
