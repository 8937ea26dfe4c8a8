"""The plugin's own words in the reader's language: shipped translations, fallback, overrides."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config

from mkdocs_biml.cli.generate import generate_pages
from mkdocs_biml.core.i18n import ENGLISH, LOCALES_DIR, SHIPPED, Strings, placeholders
from mkdocs_biml.records.assessments import DEFAULT_STATUSES
from tests.sites import BuiltSite, build_site, record_page_renders, write_site

CITING = """\
---
biml:
  data:2:transfer: mitigated
---
# Model training

We retrain on vendor models, see [data:2:transfer].

[data:2:transfer]

And a typo: [data:2:tranfser].
"""
PAGES = {"index.md": "# Home\n", "training.md": CITING}
#: The typo is meant: its marker's hover text is one of the words checked.
PLUGIN = {"biml": {"on_unknown": "ignore"}}

#: Languages built on the MkDocs theme (``theme.locale``); the others on Material.
ON_MKDOCS_THEME = ("de", "es", "it", "ja")


def _theme(language: str) -> dict[str, Any]:
    if language in ON_MKDOCS_THEME:
        return {"name": "mkdocs", "locale": language}
    return {"name": "material", "language": language, "font": False}


def _ui_texts(soup: BeautifulSoup) -> set[str]:
    """Every whole text the page shows or announces: text nodes and the attributes
    that carry words (hover texts, labels, the filter's words)."""
    texts = {text.strip() for text in soup.find_all(string=True) if text.strip()}
    for element in soup.find_all(True):
        for name, value in element.attrs.items():
            if name in ("title", "aria-label", "placeholder") or name.startswith("data-biml-"):
                texts.add(str(value).strip())
    return texts


def _english_left(soup: BeautifulSoup, strings: Strings) -> set[str]:
    """English words of the catalogue still on the page where the language has its own."""
    english = {
        text for key, text in ENGLISH.items() if not placeholders(text) and strings[key] != text
    }
    return english & _ui_texts(soup)


@pytest.mark.parametrize("language", SHIPPED)
def test_each_shipped_language_builds_strict_and_replaces_every_english_word(
    tmp_path: Path, language: str
) -> None:
    config = {"theme": _theme(language), "plugins": ["search", PLUGIN]}
    site = build_site(tmp_path, PAGES, config, strict=True)
    assert site.error is None, site.failure()
    strings = Strings(language)

    citing = site.content("training.md")
    more = citing.select_one(".biml-callout-more a")
    assert more is not None and more.get_text() == strings("callout_more")
    unresolved = citing.select_one(".biml-unresolved")
    assert unresolved is not None
    assert unresolved["title"].startswith(strings("unknown_tag", tag="data:2:tranfser")[:6])
    assert not _english_left(citing, strings)

    component = site.content("biml/data.md")
    assert strings("addressed_in") in component.get_text()
    assert not _english_left(component, strings)
    assert strings.status("mitigated") in component.get_text()

    overview = site.soup("biml/index.md")
    tools = overview.select_one("[data-biml-table]")
    assert tools is not None and tools["data-biml-placeholder"] == strings("filter_placeholder")
    nav_titles = {a.get_text(" ", strip=True) for a in overview.find_all("a")}
    assert strings("overview_title", catalog="BIML-78") in nav_titles
    assert strings("coverage_title") in nav_titles
    assert not _english_left(site.content("biml/index.md"), strings)
    closes = overview.select(".biml-diagram-panel-close")
    assert closes and {b.get_text() for b in closes} == {strings("panel_close")}

    coverage = site.content("biml/coverage.md")
    assert coverage.select_one("h1") is not None
    assert coverage.select_one("h1").get_text(strip=True).startswith(strings("coverage_title"))
    assert not _english_left(coverage, strings)


#: A site with an explicit nav and an assessment, as a team writes it.
NAV_SITE = {
    "index.md": "# Home\n",
    "system/index.md": CITING.replace("mitigated", "open"),
}


@pytest.mark.slow
@pytest.mark.parametrize("language", ["fr", "de", "ja"])
def test_every_word_the_plugin_writes_follows_the_language_with_an_explicit_nav(
    tmp_path: Path, language: str
) -> None:
    plugin = {"biml": {"on_unknown": "ignore", "assessments": {"system": "Scoring"}}}
    config = {
        "theme": _theme(language),
        "plugins": ["search", plugin],
        "nav": [{"Home": "index.md"}, {"Scoring": "system/index.md"}],
    }
    site = build_site(tmp_path, NAV_SITE, config, strict=True)
    assert site.error is None, site.failure()
    strings = Strings(language)
    # The section gathering the generated pages the nav does not list.
    chrome = _ui_texts(site.soup("index.md"))
    assert strings("nav_title") in chrome
    assert ENGLISH["nav_title"] not in chrome

    coverage = site.content("biml/coverage.md")
    prose = [p for p in coverage.select("p") if p.em is not None]
    # The heat map's sentence names the status as the tables show it.
    named = {em.get_text() for p in prose for em in p.select("em")}
    assert strings.status("open") in named
    assert "open" not in named
    heat = site.content("biml/assessments/scoring.md").select("p em")
    assert strings.status("open") in {em.get_text() for em in heat}

    # Headings of status columns and rows are capitalised as the other headings.
    matrix = coverage.select_one("table.biml-coverage")
    assert matrix is not None
    headings = [th.get_text(strip=True) for th in matrix.thead.select("th")]
    assert headings[:2] == [strings("column_component"), strings("column_risks")]
    shown = (*DEFAULT_STATUSES, "cited", "no status", "not cited")
    assert set(headings[2:]) == {strings.status_heading(status) for status in shown}
    assert all(h[:1] == h[:1].upper() for h in headings)
    counts = coverage.select_one("table.biml-assessment-counts")
    assert counts is not None
    assert counts.tbody.th.get_text() == strings.status_heading("open")


def test_a_language_without_translation_stays_english_with_one_info_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # Material has Swedish; the plugin has not.
    config = {"theme": {"name": "material", "language": "sv", "font": False}, "plugins": [PLUGIN]}
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.biml"):
        site = build_site(tmp_path, PAGES, config, strict=True)
    assert site.error is None, site.failure()
    infos = [
        r.getMessage()
        for r in caplog.records
        if r.levelno == logging.INFO and "has no translation" in r.getMessage()
    ]
    assert len(infos) == 1 and "'sv'" in infos[0]
    more = site.content("training.md").select_one(".biml-callout-more a")
    assert more is not None and more.get_text() == ENGLISH["callout_more"]


def test_an_override_replaces_a_string_over_the_language(tmp_path: Path) -> None:
    overrides = {"addressed_in": "Treated in", "callout_more": "Read on"}
    plugin = {"biml": {"on_unknown": "ignore", "strings": overrides}}
    config = {"theme": {"name": "mkdocs", "locale": "de"}, "plugins": [plugin]}
    site = build_site(tmp_path, PAGES, config, strict=True)
    assert site.error is None, site.failure()
    assert site.content("training.md").select_one(".biml-callout-more a").get_text() == "Read on"
    title = site.content("biml/data.md").select_one(".biml-backlinks-title")
    assert title is not None and title.get_text() == "Treated in"
    # What the override leaves alone follows the language.
    assert Strings("de")("panel_close") in site.html("biml/index.md")


@pytest.mark.parametrize(
    ("strings", "message"),
    [
        (
            {"adressed_in": "Treated in"},
            "did you mean 'addressed_in'?",
        ),
        ({"overview_title": "Overview"}, "string 'overview_title' must use exactly {catalog}"),
        ({"not_cited_yet": "Not cited in {site}"}, "string 'not_cited_yet' must use exactly no"),
        ({"panel_close": "{"}, "string 'panel_close' is not a valid template"),
    ],
)
def test_a_bad_override_is_a_configuration_error(
    tmp_path: Path, strings: dict[str, str], message: str
) -> None:
    site = build_site(tmp_path, PAGES, {"plugins": [{"biml": {"strings": strings}}]})
    assert site.error is not None
    assert message in site.failure() + "\n".join(r.getMessage() for r in site.messages)


@pytest.mark.parametrize("language", SHIPPED)
def test_each_shipped_file_has_exactly_the_english_keys_and_placeholders(language: str) -> None:
    texts = yaml.safe_load((LOCALES_DIR / f"{language}.yml").read_text(encoding="utf-8"))
    assert sorted(texts) == sorted(ENGLISH)
    for key, text in texts.items():
        assert placeholders(text) == placeholders(ENGLISH[key]), key


def test_every_locale_file_is_a_shipped_language() -> None:
    assert sorted(p.stem for p in LOCALES_DIR.glob("*.yml")) == sorted(SHIPPED)


@pytest.mark.parametrize(
    ("theme_language", "shipped"),
    [("pt_BR", "pt"), ("zh_CN", "zh"), ("zh-Hans", "zh"), ("de-AT", "de"), ("zh_TW", "en")],
)
def test_regional_variants_use_the_shipped_language(theme_language: str, shipped: str) -> None:
    assert Strings(theme_language).language == shipped


def _rebuild(root: Path, theme: dict[str, Any], **options: Any) -> None:
    """What ``mkdocs serve`` does on a save: the configuration again, then a build."""
    config_file = write_site(root, PAGES, {"theme": theme, "plugins": [{"biml": options}]})
    config = load_config(str(config_file), site_dir=str(root / "site"))
    build(config, serve_url="http://127.0.0.1:8000/")


@pytest.mark.slow
def test_serve_rebuilds_follow_the_language_and_reuse_pages_while_it_stays(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = BuiltSite(tmp_path, tmp_path / "site")
    _rebuild(tmp_path, {"name": "mkdocs", "locale": "de"}, on_unknown="ignore")
    rendered = record_page_renders(monkeypatch)
    _rebuild(tmp_path, {"name": "mkdocs", "locale": "de"}, on_unknown="ignore")
    assert rendered == []  # same words: the pages are reused

    _rebuild(tmp_path, {"name": "mkdocs", "locale": "fr"}, on_unknown="ignore")
    assert Strings("fr")("coverage_title") in site.content("biml/coverage.md").get_text()
    more = site.content("training.md").select_one(".biml-callout-more a")
    assert more is not None and more.get_text() == Strings("fr")("callout_more")

    _rebuild(
        tmp_path,
        {"name": "mkdocs", "locale": "fr"},
        on_unknown="ignore",
        strings={"panel_close": "Masquer"},
    )
    assert "Masquer" in site.html("biml/index.md")


def test_generate_writes_the_pages_in_a_shipped_language(tmp_path: Path) -> None:
    generate_pages(tmp_path, language="nl")
    overview = (tmp_path / "biml" / "index.md").read_text(encoding="utf-8")
    nl = Strings("nl")
    assert f"title: {nl('overview_title', catalog='BIML-78')!r}".replace("'", '"') in overview
    assert f"## {nl('heading_system_diagram')}" in overview
    assert ENGLISH["heading_system_diagram"] not in overview


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.xdist_group("browser")
def test_the_risk_table_tools_speak_the_language_in_the_browser(tmp_path: Path) -> None:
    from tests.browser import OfflinePages, launch_chromium, serve  # noqa: PLC0415

    built = build_site(tmp_path / "de", PAGES, {"theme": _theme("de"), "plugins": [PLUGIN]})
    assert built.error is None, built.failure()
    de = Strings("de")
    with serve(tmp_path) as server, launch_chromium() as browser, OfflinePages(browser) as pages:
        page = pages.open(server.url("de/site/biml/"))
        search = page.get_by_label(de("filter_label"))
        assert search.get_attribute("placeholder") == de("filter_placeholder")
        search.fill("poison")
        count = page.locator(".biml-filter-count").inner_text()
        assert count.endswith(" von 79"), count
        sort = page.locator("table[data-biml-sortable] th button").first
        assert sort.get_attribute("title") == de("sort_title")
