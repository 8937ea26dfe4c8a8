"""The plugin's own sentences on generated pages: HTML the plugin writes when they are plain
text and links, Markdown when they hold anything else (a site's own words may).

Both ways, readers get the same words and links: the real builds below read them
on the pages with BeautifulSoup, with ``smarty`` and ``attr_list`` enabled as many
sites have them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import Tag

from mkdocs_biml.core.i18n import Strings
from mkdocs_biml.pages.sentences import PageLink, sentence_html, sentence_markdown
from tests.sites import build_site

ENGLISH = Strings()


def destination(target: str) -> str:
    return f"../{target}"


def test_a_plain_sentence_is_html_with_source_links() -> None:
    values = {"count": "13 risks", "catalog": "BIML-78", "url": "biml/index.md"}
    assert sentence_html(ENGLISH, "component_intro", values) == (
        '13 risks of <a href="biml-src:biml/index.md">BIML-78</a>.'
    )


def test_links_given_as_values_are_joined_with_commas() -> None:
    links = [PageLink("Data poisoning", "biml/data.md#data-1"), PageLink("A < B", "x.md")]
    assert sentence_html(ENGLISH, "top_ten_risks", {"risks": links}) == (
        'Risks: <a href="biml-src:biml/data.md#data-1">Data poisoning</a>, '
        '<a href="biml-src:x.md">A &lt; B</a>.'
    )


@pytest.mark.parametrize(
    ("key", "values"),
    [
        # Markdown in a value, or in the site's own words.
        ("component_intro", {"count": "13 risks", "catalog": "*BIML*", "url": "i.md"}),
        ("top_ten_risks", {"risks": [PageLink("`code`", "x.md")]}),
        ("top_ten_risks", {"risks": [PageLink("a", "x.md"), PageLink(":smile:", "y.md")]}),
        # A value that starts the paragraph as a list would.
        ("system_risks", {"link": PageLink("1. First", "s.md")}),
    ],
)
def test_anything_but_plain_text_keeps_the_sentence_markdown(
    key: str, values: dict[str, object]
) -> None:
    assert sentence_html(ENGLISH, key, values) is None  # type: ignore[arg-type]


def test_a_sites_own_words_with_markdown_stay_markdown() -> None:
    strings = Strings(overrides={"component_intro": "{count} of *[{catalog}]({url})*."})
    values = {"count": "13 risks", "catalog": "BIML-78", "url": "biml/index.md"}
    assert sentence_html(strings, "component_intro", values) is None
    assert sentence_markdown(strings, "component_intro", values, destination) == (
        "13 risks of *[BIML-78](../biml/index.md)*."
    )


def test_markdown_escapes_values_and_makes_destinations() -> None:
    links = [PageLink("a*b", "biml/x.md#a"), PageLink("c", "biml/y.md")]
    assert sentence_markdown(ENGLISH, "top_ten_risks", {"risks": links}, destination) == (
        "Risks: [a\\*b](../biml/x.md#a), [c](../biml/y.md)."
    )


def _intro(root: Path, strings: dict[str, str] | None) -> Tag:
    config = {
        "markdown_extensions": ["smarty", "attr_list"],
        "plugins": [{"biml": {"strings": strings or {}}}],
    }
    site = build_site(root, {"index.md": "# Home\n"}, config, strict=True)
    assert site.error is None
    found = [p for p in site.content("biml/raw.md").find_all("p") if "risks of" in p.get_text()]
    assert len(found) == 1
    return found[0]


@pytest.mark.slow
def test_both_ways_readers_get_the_same_words_and_links(tmp_path: Path) -> None:
    plain = _intro(tmp_path / "plain", None)
    assert plain.get_text() == ("13 risks of BIML-78, a collection of data in the system diagram.")
    assert [a["href"] for a in plain.find_all("a")] == ["../", "../#system-diagram"]
    own = _intro(
        tmp_path / "own",
        {"component_intro_data": "{count} of *[{catalog}]({url})*, in the [diagram]({diagram})."},
    )
    assert own.get_text() == "13 risks of BIML-78, in the diagram."
    assert [a["href"] for a in own.find_all("a")] == ["../", "../#system-diagram"]
    emphasis = own.find("em")
    assert isinstance(emphasis, Tag) and emphasis.get_text() == "BIML-78"
