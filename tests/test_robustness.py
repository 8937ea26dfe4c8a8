"""Awkward input, output safety, reproducible and offline builds, rebuild state.

Every behaviour tested here is listed in docs/bad-input.md; the two must agree.
Awkward Markdown is converted in process as the plugin sets it up
(``tests/markdown_fixture.py``); the rest are real MkDocs builds in temporary
folders.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup, Tag
from mkdocs.commands.build import build
from mkdocs.config import load_config

from mkdocs_biml import load_catalog
from tests.conftest import MarkdownMaker, SiteBuilder
from tests.markdown_fixture import PluginMarkdown, transfer_link
from tests.sites import BuiltSite, build_site, write_site

CORPUS = Path(__file__).parent / "bad_catalogs"
EXTENSIONS = ["admonition", "footnotes", "tables", "attr_list", "md_in_html", "toc"]
TRANSFER = "Transfer learning attack"  # title of [data:2:transfer]
#: [data:2:transfer] on the awkward pages, one folder down with directory URLs.
TRANSFER_LINK = transfer_link("../biml/data/#data-2-transfer")


def refs(soup: BeautifulSoup | Tag) -> list[Tag]:
    """Inline references the author wrote (not those inside callouts)."""
    return [e for e in soup.select("a.biml-ref") if e.find_parent("div", class_="biml") is None]


def unresolved(soup: BeautifulSoup | Tag) -> list[Tag]:
    return soup.select(".biml-unresolved")


def callouts(soup: BeautifulSoup | Tag) -> list[Tag]:
    return soup.select("div.admonition.biml")


# ------------------------------------------------------------------ awkward Markdown

AWKWARD_PAGES = {
    "crlf.md": "# CRLF\r\n\r\nText [data:2:transfer] and [dta:2:transfer].\r\n",
    "bom.md": "\ufeff# BOM\n\nCited: [data:2:transfer].\n",
    "long-line.md": "word " * 20_000 + "[data:2:transfer] " + "x" * 100_000 + " [raw:3:storage]\n",
    "nested-brackets.md": "See [[data:2:transfer]] here.\n",
    "table.md": "| risk | code |\n| --- | --- |\n| [data:2:transfer] | `[data:2:transfer]` |\n",
    "heading.md": "# Page\n\n## About [data:2:transfer]\n\n## About [dta:2:transfer]\n",
    "list.md": "- [data:2:transfer]\n- see [raw:3:storage]\n\ntext\n\n- [raw:4:legal]\n\n- loose\n",
    "admonition.md": (
        "!!! note\n    See [data:2:transfer].\n\n"
        '!!! warning "About [raw:3:storage]"\n    [raw:4:legal]\n'
    ),
    "footnote.md": "Text[^1] and [note:1].\n\n[^1]: Per [data:2:transfer].\n",
    "link-text.md": "[see [data:2:transfer]](https://example.org/a) and "
    '[link](https://example.org/b "[raw:3:storage]")\n',
    "image-alt.md": "![[data:2:transfer]](picture.png)\n",
    "html-comment.md": "Before <!-- [data:2:transfer] --> after.\n\n<!--\n[raw:3:storage]\n-->\n",
    "html-block.md": '<div class="raw">\n[data:2:transfer]\n</div>\n',
    "markdown-in-html.md": '<div markdown="1">\n[data:2:transfer] inside.\n</div>\n',
    "inline-html.md": '<b>[data:2:transfer]</b> and <span title="[raw:3:storage]">x</span>\n',
    "reference-definition.md": (
        "[data:2:transfer]: https://example.org/own\n\n"
        "See [data:2:transfer] and [text][data:2:transfer].\n"
    ),
    "toc-marker.md": "[TOC]\n\n# One\n\n## Two [data:2:transfer]\n",
    "line-break.md": "A [data:2:\ntransfer] b\n",
    "code.md": "`[data:2:transfer]`\n\n```\n[raw:3:storage]\n```\n\n    [raw:4:legal]\n",
    "escaped.md": "\\[data:2:transfer] stays.\n",
    "lookalikes.md": "[note:1] at [12:30], [a:b:c] and [x].\n",
}


class Converted:
    """Every awkward page converted in process, and the warnings each gave."""

    def __init__(self, plugin_markdown: MarkdownMaker) -> None:
        md = plugin_markdown({}, {"markdown_extensions": EXTENSIONS})
        self.pages: dict[str, str] = {}
        self.warnings: list[str] = []
        for page, text in AWKWARD_PAGES.items():
            self.pages[page] = md.convert(text, page)
            self.warnings += md.warnings()

    def html(self, page: str) -> str:
        return self.pages[page]

    def content(self, page: str) -> BeautifulSoup:
        return BeautifulSoup(self.pages[page], "html.parser")

    def biml_warnings(self) -> list[str]:
        return [m for m in self.warnings if m.startswith("biml:")]


@pytest.fixture(scope="module")
def awkward(plugin_markdown: MarkdownMaker) -> Converted:
    return Converted(plugin_markdown)


def test_crlf_line_endings(awkward: Converted) -> None:
    page = awkward.content("crlf.md")
    assert [a.get_text() for a in refs(page)] == [TRANSFER]
    assert len(unresolved(page)) == 1
    assert "biml: crlf.md:3: unknown tag [dta:2:transfer]" in " ".join(awkward.biml_warnings())


def test_byte_order_mark(awkward: Converted) -> None:
    page = awkward.content("bom.md")
    heading = page.find("h1")
    assert heading is not None and heading.get_text() == "BOM"
    assert len(refs(page)) == 1


def test_very_long_line(awkward: Converted) -> None:
    page = awkward.content("long-line.md")
    assert [a["data-biml-tag"] for a in refs(page)] == ["data:2:transfer", "raw:3:storage"]
    assert "x" * 100_000 in page.get_text()


def test_nested_brackets_keep_the_outer_ones(awkward: Converted) -> None:
    assert awkward.html("nested-brackets.md") == f"<p>See [{TRANSFER_LINK}] here.</p>"


def test_table_cells(awkward: Converted) -> None:
    assert awkward.html("table.md").endswith(
        f"<tr>\n<td>{TRANSFER_LINK}</td>\n<td><code>[data:2:transfer]</code></td>\n</tr>\n"
        "</tbody>\n</table>"
    )


def test_headings(awkward: Converted) -> None:
    """Expanded in the heading; the heading's id follows its text, so set one with {#id}."""
    resolved, faulty = awkward.content("heading.md").select("h2")
    assert len(refs(resolved)) == 1
    assert resolved["id"] == "about-transfer-learning-attack"
    assert len(unresolved(faulty)) == 1


def test_lists_expand_inline_even_for_a_lone_tag_in_a_tight_list(awkward: Converted) -> None:
    tight, loose = awkward.content("list.md").select("ul")
    assert len(refs(tight)) == 2 and not callouts(tight)
    # A loose list item is a paragraph: a tag alone in it becomes a callout.
    assert [c["data-biml-tag"] for c in callouts(loose)] == ["raw:4:legal"]


def test_admonitions(awkward: Converted) -> None:
    note, warning = awkward.content("admonition.md").select("div.admonition.note, div.warning")
    assert len(refs(note)) == 1
    title = warning.select_one(".admonition-title")
    assert title is not None and len(refs(title)) == 1
    assert [c["data-biml-tag"] for c in callouts(warning)] == ["raw:4:legal"]


def test_footnotes(awkward: Converted) -> None:
    page = awkward.content("footnote.md")
    footnotes = page.select_one("div.footnote")
    assert footnotes is not None and len(refs(footnotes)) == 1
    assert "[note:1]" in page.get_text()
    assert page.select("sup a.footnote-ref")


def test_link_text_and_title_are_left_as_written(awkward: Converted) -> None:
    assert awkward.html("link-text.md") == (
        '<p><a href="https://example.org/a">see [data:2:transfer]</a> and '
        '<a href="https://example.org/b" title="[raw:3:storage]">link</a></p>'
    )


def test_image_alt_text_is_left_as_written(awkward: Converted) -> None:
    assert awkward.html("image-alt.md") == (
        '<p><img alt="[data:2:transfer]" src="picture.png" /></p>'
    )


def test_html_comments_are_left_as_written(awkward: Converted) -> None:
    assert awkward.html("html-comment.md") == (
        "<p>Before <!-- [data:2:transfer] --> after.</p>\n<!--\n[raw:3:storage]\n-->"
    )


def test_html_blocks_are_left_as_written(awkward: Converted) -> None:
    assert awkward.html("html-block.md") == '<div class="raw">\n[data:2:transfer]\n</div>'


def test_markdown_inside_html_is_expanded(awkward: Converted) -> None:
    assert awkward.html("markdown-in-html.md") == f"<div>\n<p>{TRANSFER_LINK} inside.</p>\n</div>"


def test_inline_html_content_is_expanded_its_attributes_are_not(awkward: Converted) -> None:
    assert awkward.html("inline-html.md") == (
        f'<p><b>{TRANSFER_LINK}</b> and <span title="[raw:3:storage]">x</span></p>'
    )


def test_a_reference_definition_of_the_same_text_wins(awkward: Converted) -> None:
    assert awkward.html("reference-definition.md") == (
        '<p>See <a href="https://example.org/own">data:2:transfer</a> and '
        '<a href="https://example.org/own">text</a>.</p>'
    )


def test_toc_marker(awkward: Converted) -> None:
    page = awkward.content("toc-marker.md")
    assert page.select_one("div.toc") is not None
    assert "[TOC]" not in page.get_text()
    heading = page.find("h2")
    assert heading is not None and len(refs(heading)) == 1


def test_a_tag_across_a_line_break_is_left_as_written(awkward: Converted) -> None:
    assert awkward.html("line-break.md") == "<p>A [data:2:\ntransfer] b</p>"


def test_code_is_left_as_written(awkward: Converted) -> None:
    assert awkward.html("code.md") == (
        "<p><code>[data:2:transfer]</code></p>\n"
        "<pre><code>[raw:3:storage]\n</code></pre>\n"
        "<pre><code>[raw:4:legal]\n</code></pre>"
    )


def test_escaped_and_lookalike_brackets_are_left_as_written(awkward: Converted) -> None:
    assert awkward.html("escaped.md") == "<p>[data:2:transfer] stays.</p>"
    assert awkward.html("lookalikes.md") == "<p>[note:1] at [12:30], [a:b:c] and [x].</p>"


def test_only_the_faulty_tags_are_reported(awkward: Converted) -> None:
    warnings = awkward.biml_warnings()
    assert sorted(w.split(":")[1].strip() for w in warnings) == ["crlf.md", "heading.md"]


def test_a_tag_in_an_attribute_list_is_left_as_written(plugin_markdown: MarkdownMaker) -> None:
    md = plugin_markdown({}, {"markdown_extensions": EXTENSIONS})
    html = md.convert('Para.\n{: title="[data:2:transfer]" }\n')
    assert html == '<p title="[data:2:transfer]">Para.</p>'


def test_a_page_with_ten_thousand_tags_converts(biml_md: PluginMarkdown) -> None:
    tags = [risk.tag for risk in load_catalog("biml-78").risks()]
    # Paragraphs of 100 lines: Python-Markdown's own inline pass copies a paragraph
    # once per match, so one 10,000-line paragraph costs it seconds without us.
    body = "".join(
        f"Line {i} cites [{tags[i % len(tags)]}].\n" + ("\n" if i % 100 == 99 else "")
        for i in range(10_000)
    )
    html = biml_md.convert(f"# Many\n\n{body}\n")
    assert html.count('<a class="biml-ref"') == 10_000


def test_non_ascii_descriptors_in_a_custom_catalogue(tmp_path: Path) -> None:
    text = (CORPUS / "_valid.yaml").read_text(encoding="utf-8")
    text = text.replace("descriptor: leak", 'descriptor: "données personnelles"')
    text = text.replace('title: "Data leak"', 'title: "Fuite de données"')
    text = text.replace("intake:1:leak", "intake:1:données personnelles")
    (tmp_path / "fr.yaml").write_text(text, encoding="utf-8")
    md = PluginMarkdown(tmp_path, {"catalogs": ["fr.yaml"]})
    assert md.convert("Voir [TINY:intake:1:DONNÉES-personnelles].\n") == (
        '<p>Voir <a class="biml-ref" data-biml-tag="TINY:intake:1:données personnelles" '
        'href="biml/tiny/intake/#intake-1-donn-es-personnelles" title="Data escapes.">'
        "Fuite de données</a>.</p>"
    )
    assert md.warnings() == []


# --------------------------------------------------------------------- output safety

EVIL = '<script>alert("x")</script> & "q" \'s\' <img src=x onerror=alert(1)>'


def evil_catalog() -> str:
    """The valid test catalogue with markup, quotes and ampersands in every text."""
    text = (CORPUS / "_valid.yaml").read_text(encoding="utf-8")
    replacements = {
        "prefix: TINY": "prefix: EVIL",
        "short_title: TINY": "short_title: " + json.dumps("EVIL " + EVIL),
        'title: "A tiny risk analysis"': "title: " + json.dumps("Tiny " + EVIL),
        'name: "Data intake"': "name: " + json.dumps("Intake " + EVIL),
        'title: "Data leak"': "title: " + json.dumps("Leak " + EVIL),
        'summary: "Data escapes."': "summary: " + json.dumps("Escapes " + EVIL),
        'description: "Data leaks out [^1], which is worse with [train:1:drift]."': (
            "description: " + json.dumps(f"Leaks {EVIL} [^1] [train:1:drift]")
        ),
        'text: "Encrypt it."': "text: " + json.dumps("Encrypt " + EVIL),
        'name: "Poison"': "name: " + json.dumps("Poison " + EVIL),
        'title: "On leaks"': "title: " + json.dumps("On leaks " + EVIL),
        'attribution: "Text from the tiny analysis."': "attribution: " + json.dumps("By " + EVIL),
    }
    for old, new in replacements.items():
        assert old in text, old
        text = text.replace(old, new)
    return text


@pytest.fixture(scope="module")
def evil_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    root = tmp_path_factory.mktemp("evil")
    (root / "evil.yaml").write_text(evil_catalog(), encoding="utf-8")
    pages = {
        "index.md": "---\nbiml:\n  EVIL:intake:2:poison: open\n---\n"
        "# Home\n\nInline [EVIL:intake:1:leak] here.\n\n[EVIL:intake:1:leak]\n",
    }
    site = build_site(root, pages, {"plugins": [{"biml": {"catalogs": ["evil.yaml"]}}]})
    assert site.error is None, site.error
    return site


def _html_files(site: BuiltSite) -> Iterator[Path]:
    return (p for p in sorted(site.site_dir.rglob("*.html")) if "assets" not in p.parts)


def _injected(soup: BeautifulSoup | Tag) -> list[str]:
    """Elements the catalogue's text would have created had it not been escaped."""
    found = [str(s) for s in soup.find_all("script") if "alert" in s.get_text()]
    found += [str(e) for e in soup.find_all(True) if e.has_attr("onerror")]
    return found


def _main(soup: BeautifulSoup) -> Tag | None:
    """The page's Markdown content; ``None`` on pages without any (the 404 page)."""
    return soup.select_one('div[role="main"]')


def test_catalogue_text_is_escaped_in_page_content(evil_site: BuiltSite) -> None:
    for path in _html_files(evil_site):
        main = _main(BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser"))
        assert _injected(main) == [] if main else path.name == "404.html", path


def test_catalogue_text_is_escaped_in_titles_and_navigation(evil_site: BuiltSite) -> None:
    for path in _html_files(evil_site):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        main = _main(soup)
        if main is not None:
            main.decompose()
        assert _injected(soup) == [], path


def test_callouts_show_catalogue_text_as_text(evil_site: BuiltSite) -> None:
    (callout,) = callouts(evil_site.content("index.md"))
    assert _injected(callout) == []
    title = callout.select_one(".admonition-title")
    assert title is not None and title.get_text().startswith("Leak " + EVIL)
    assert f"Leaks {EVIL}" in callout.get_text()


def test_attributes_hold_catalogue_text_exactly(evil_site: BuiltSite) -> None:
    page = evil_site.content("index.md")
    link = page.select_one("a.biml-ref")
    assert link is not None and link["title"] == "Escapes " + EVIL


def test_generated_pages_show_catalogue_text_as_text(evil_site: BuiltSite) -> None:
    for src_uri in ("biml/evil/index.md", "biml/evil/intake.md", "biml/evil/references.md"):
        main = evil_site.content(src_uri)
        assert _injected(main) == [], src_uri
        assert EVIL in main.get_text(), src_uri


def test_the_diagram_is_well_formed_svg_with_escaped_names(evil_site: BuiltSite) -> None:
    html = evil_site.html("biml/evil/index.md")
    svgs = re.findall(r"<svg\b.*?</svg>", html, flags=re.DOTALL)
    assert svgs, "the overview page has an SVG diagram"
    for svg in svgs:
        root = ElementTree.fromstring(svg)  # well-formed XML, or this raises
        names = [element.tag.rsplit("}", 1)[-1] for element in root.iter()]
        assert "script" not in names and "img" not in names
        for element in root.iter():
            assert not [a for a in element.attrib if a.lower().startswith("on")]
        assert any(("Intake " + EVIL) in (e.text or "") for e in root.iter())


def test_the_json_register_holds_catalogue_text_exactly(evil_site: BuiltSite) -> None:
    document = json.loads((evil_site.site_dir / "biml" / "risk-register.json").read_bytes())
    row = next(r for r in document["risks"] if r["tag"] == "EVIL:intake:1:leak")
    assert (row["title"], row["summary"]) == ("Leak " + EVIL, "Escapes " + EVIL)
    assert row["component_name"] == "Intake " + EVIL


def test_the_csv_register_holds_catalogue_text_exactly(evil_site: BuiltSite) -> None:
    text = (evil_site.site_dir / "biml" / "risk-register.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    row = next(r for r in rows if r["tag"] == "EVIL:intake:1:leak")
    assert row["title"] == "Leak " + EVIL
    assert all(len(r) == len(rows[0]) for r in rows)


# ------------------------------------------------------- reproducible and offline

REALISTIC_PAGES = {
    "index.md": "# Home\n\nSee [data:2:transfer] and [LLM:raw:1:recursive pollution].\n",
    "design.md": "---\nbiml:\n  raw:4:legal: mitigated\n---\n# Design\n\n[raw:3:storage]\n",
    "faulty.md": "# Faulty\n\n[dta:2:transfer] and [inference:3].\n",
}
REALISTIC_CONFIG: dict[str, Any] = {
    "plugins": ["search", {"biml": {"catalogs": ["biml-llm"]}}],
}


def _files(site_dir: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(site_dir)): p.read_bytes() for p in site_dir.rglob("*") if p.is_file()
    }


@pytest.mark.slow
def test_two_builds_give_byte_identical_sites(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The only time in a site is the sitemap's date and its .gz header; MkDocs
    # takes both from SOURCE_DATE_EPOCH when it is set (reproducible builds).
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first = build_site(tmp_path / "one", REALISTIC_PAGES, REALISTIC_CONFIG)
    second = build_site(tmp_path / "two", REALISTIC_PAGES, REALISTIC_CONFIG)
    assert first.error is None and second.error is None
    one, two = _files(first.site_dir), _files(second.site_dir)
    assert sorted(one) == sorted(two)
    assert [name for name in one if one[name] != two[name]] == []


#: The MkDocs theme stamps its home page with the build time.
BUILD_DATE = re.compile(rb"<!--\s*MkDocs version : [^>]*Build Date UTC : [^>]*-->")


@pytest.mark.slow
def test_without_a_fixed_date_only_dates_differ(tmp_path: Path) -> None:
    first = build_site(tmp_path / "one", REALISTIC_PAGES, REALISTIC_CONFIG)
    second = build_site(tmp_path / "two", REALISTIC_PAGES, REALISTIC_CONFIG)
    one, two = _files(first.site_dir), _files(second.site_dir)
    differing = {name for name in one if one[name] != two[name]}
    assert differing <= {"sitemap.xml", "sitemap.xml.gz", "index.html"}
    assert BUILD_DATE.sub(b"", one["index.html"]) == BUILD_DATE.sub(b"", two["index.html"])


@pytest.mark.slow
def test_a_build_opens_no_network_connection(
    site: SiteBuilder, monkeypatch: pytest.MonkeyPatch
) -> None:
    attempts: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise OSError("network is cut for this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    built = site(REALISTIC_PAGES, {**REALISTIC_CONFIG, "theme": "material"})
    assert built.error is None, built.error
    assert attempts == []


def _network_namespace_available() -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(["unshare", "-rn", "true"], capture_output=True, check=False)
    return probe.returncode == 0


@pytest.mark.skipif(
    not _network_namespace_available(),
    reason="cannot cut the network here: 'unshare -rn' (user and network namespaces) fails",
)
@pytest.mark.slow
def test_the_mkdocs_command_builds_with_the_network_cut(tmp_path: Path) -> None:
    write_site(tmp_path, REALISTIC_PAGES, {**REALISTIC_CONFIG, "theme": "material"})
    command = ["unshare", "-rn", sys.executable, "-m", "mkdocs", "build", "--quiet"]
    result = subprocess.run(
        command, cwd=tmp_path, capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "biml" / "risk-register.json").is_file()


# ------------------------------------------------------------- rebuilds (mkdocs serve)


def _register(site_dir: Path) -> dict[str, dict[str, Any]]:
    document = json.loads((site_dir / "biml" / "risk-register.json").read_bytes())
    return {row["tag"]: row for row in document["risks"]}


def _page(site_dir: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site_dir / path).read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("serve")
    before = {
        "index.md": "---\nbiml:\n  raw:4:legal: mitigated\n---\n# Home\n\nSee [data:2:transfer].\n",
        "other.md": "# Other\n\nAlso [raw:3:storage].\n",
    }
    config_file = write_site(root, before)
    config = load_config(str(config_file), site_dir=str(root / "site"))
    build(config)
    first = root / "first"
    shutil.copytree(root / "site", first)
    (root / "docs" / "index.md").write_text("# Home\n\nNothing cited now.\n", encoding="utf-8")
    build(config)
    return first, root / "site"


class TestRebuildWithTheSameConfig:
    """``mkdocs serve`` rebuilds with the config, and plugin, it already has."""

    def test_the_first_build_saw_the_citations(self, rebuilt: tuple[Path, Path]) -> None:
        register = _register(rebuilt[0])
        assert [p["path"] for p in register["data:2:transfer"]["pages"]] == ["index.md"]
        assert register["raw:4:legal"]["statuses"] == ["mitigated"]

    def test_a_removed_tag_leaves_the_register(self, rebuilt: tuple[Path, Path]) -> None:
        register = _register(rebuilt[1])
        assert register["data:2:transfer"]["pages"] == []
        assert register["raw:4:legal"]["statuses"] == []
        assert register["raw:4:legal"]["pages"] == []
        assert [p["path"] for p in register["raw:3:storage"]["pages"]] == ["other.md"]

    def test_a_removed_tag_leaves_the_backlinks(self, rebuilt: tuple[Path, Path]) -> None:
        page = _page(rebuilt[1], "biml/data/index.html")
        backlinks = page.select_one('div.biml-backlinks[data-biml-tag="data:2:transfer"]')
        assert backlinks is not None
        assert backlinks.select("li") == []

    def test_a_removed_tag_leaves_the_coverage(self, rebuilt: tuple[Path, Path]) -> None:
        page = _page(rebuilt[1], "biml/coverage/index.html")
        uncited = [code.get_text() for code in page.select("ul.biml-uncited code")]
        assert "data:2:transfer" in uncited and "raw:4:legal" in uncited
        assert "raw:3:storage" not in uncited
        mitigated = page.select('table.biml-coverage tfoot td[data-status="mitigated"]')
        assert [cell.get_text() for cell in mitigated] == ["0"]

    def test_assets_are_linked_once(self, rebuilt: tuple[Path, Path]) -> None:
        html = (rebuilt[1] / "index.html").read_text(encoding="utf-8")
        assert html.count("mkdocs-biml/biml.css") == 1
        assert html.count("mkdocs-biml/biml.js") == 1
