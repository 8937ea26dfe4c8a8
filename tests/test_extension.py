"""Tags in pages become links and callouts: real MkDocs builds, HTML read back."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest

from mkdocs_biml.extension import BimlExtension, TagError
from mkdocs_biml.layout import GENERATED_MARKER
from mkdocs_biml.log import Problem
from tests.conftest import SiteBuilder
from tests.sites import BuiltSite, build_site, run_mkdocs, write_site

TRANSFER_SUMMARY_START = "A public pretrained"


def refs(site: BuiltSite, page: str) -> list:  # type: ignore[type-arg]
    return site.content(page).select("a.biml-ref")


# ------------------------------------------------------------------------------ inline links


def test_inline_tag_becomes_a_link_to_the_risk_entry(site: SiteBuilder) -> None:
    built = site({"index.md": "Beware [data:2:transfer] when fine-tuning.\n"})
    assert built.error is None
    (link,) = refs(built, "index.md")
    assert link["href"] == "biml/data/#data-2-transfer"
    assert link["data-biml-tag"] == "data:2:transfer"
    assert link.get_text() == "Transfer learning attack"
    assert link["title"].startswith(TRANSFER_SUMMARY_START)
    assert built.has_target("index.md", link["href"])
    assert built.biml_warnings() == []


@pytest.mark.parametrize("directory_urls", [True, False])
def test_links_are_page_relative_on_nested_pages(site: SiteBuilder, directory_urls: bool) -> None:
    pages = {
        "index.md": "[raw:3:storage] at home.\n",
        "guide/index.md": "Section [raw:3:storage].\n",
        "guide/deep/page.md": "Deep [raw:3:storage] and [inference:3:confidence scores].\n",
    }
    built = site(pages, {"use_directory_urls": directory_urls})
    assert built.error is None
    for page in pages:
        links = refs(built, page)
        assert links
        for link in links:
            assert not link["href"].startswith("/")
            assert ".md" not in link["href"]
            assert built.has_target(page, link["href"]), (page, link["href"])
    deep = refs(built, "guide/deep/page.md")
    expected = (
        "../../../biml/raw/#raw-3-storage"
        if directory_urls
        else "../../biml/raw.html#raw-3-storage"
    )
    assert deep[0]["href"] == expected
    assert deep[1]["href"].endswith("#inference-3-confidence-scores")


@pytest.mark.parametrize("directory_urls", [True, False])
def test_links_and_callouts_match_the_links_mkdocs_makes_from_every_depth(
    site: SiteBuilder, directory_urls: bool
) -> None:
    # The plugin writes final URLs itself, and serializes each callout once per
    # build with slots for its links: every page must still get exactly the
    # URL MkDocs makes of an ordinary Markdown link to the same entry.
    text = (
        "[system:2:overconfidence]\n\n"
        "Inline [system:2:overconfidence], and by hand [entry]({up}biml/system.md"
        "#system-2-overconfidence).\n"
    )
    pages = {
        "index.md": text.format(up=""),
        "page.md": text.format(up=""),
        "guide/index.md": text.format(up="../"),
        "guide/page.md": text.format(up="../"),
        "guide/deep/page.md": text.format(up="../../"),
        "biml-notes/page.md": text.format(up="../"),
    }
    built = site(pages, {"use_directory_urls": directory_urls})
    assert built.error is None
    seen = set()
    for page in pages:
        content = built.content(page)
        by_hand = content.find("a", string="entry")["href"]
        (callout,) = content.select("div.admonition.biml")
        assert callout.select_one("p.biml-callout-more a")["href"] == by_hand
        assert refs(built, page)[-1]["href"] == by_hand
        for link in callout.select("a"):
            assert built.has_target(page, link["href"]), (page, link["href"])
        seen.add(by_hand)
    assert len(seen) >= 3  # the pages really sit at different depths


def test_link_text_option(site: SiteBuilder) -> None:
    built = site(
        {"index.md": "See [data:2:transfer].\n"},
        {"plugins": [{"biml": {"link_text": "{tag}: {title} ({component})"}}]},
    )
    assert (
        refs(built, "index.md")[0].get_text()
        == "data:2:transfer: Transfer learning attack (Datasets)"
    )


def test_descriptor_forms_and_number_only_tags(site: SiteBuilder) -> None:
    built = site({"index.md": "[DATA:2:Transfer] [raw:1:data-confidentiality] [data:2]\n\nend"})
    tags = [a["data-biml-tag"] for a in built.content("index.md").select("[data-biml-tag]")]
    assert tags == ["data:2:transfer", "raw:1:data confidentiality", "data:2:transfer"]
    assert built.biml_warnings() == []


# ---------------------------------------------------------------------------------- callouts


def test_tag_alone_in_a_paragraph_becomes_a_callout(site: SiteBuilder) -> None:
    built = site({"index.md": "# Threats\n\n[data:2:transfer]\n\nAfter.\n"})
    content = built.content("index.md")
    (callout,) = content.select("div.admonition.biml")
    assert callout["data-biml-tag"] == "data:2:transfer"
    title = callout.select_one("p.admonition-title")
    assert title is not None
    assert "Transfer learning attack" in title.get_text()
    assert "[data:2:transfer]" in title.get_text()
    assert "Datasets" in callout.select_one("p.biml-callout-meta").get_text()
    assert "Many ML systems are constructed by tuning" in callout.get_text()
    more = callout.select_one("p.biml-callout-more a")
    assert more is not None
    assert built.has_target("index.md", more["href"])
    # the paragraph was replaced, nothing else of the page changed
    outside = [p.get_text() for p in content.find_all("p") if not p.find_parent(class_="biml")]
    assert outside == ["After."]


def test_several_tags_alone_give_one_callout_each_in_order(site: SiteBuilder) -> None:
    built = site({"index.md": "[raw:1:data confidentiality]\n[system:8:insider] [dta:1:x]\n"})
    content = built.content("index.md")
    assert [d["data-biml-tag"] for d in content.select("div.admonition.biml")] == [
        "raw:1:data confidentiality",
        "system:8:insider",
    ]
    # the unknown tag is not dropped
    assert content.select_one("span.biml-unresolved").get_text() == "[dta:1:x]"


def test_callout_links_cross_references_and_citations(site: SiteBuilder) -> None:
    built = site({"guide/page.md": "[system:2:overconfidence]\n\n[raw:1:data confidentiality]\n"})
    content = built.content("guide/page.md")
    for href in [a["href"] for a in content.select("div.admonition.biml a")]:
        assert built.has_target("guide/page.md", href), href
    overconfidence = content.select("div.admonition.biml")[0]
    assert overconfidence.select_one('a.biml-ref[data-biml-tag="output:5:transparency"]')
    citations = content.select("div.admonition.biml sup.biml-cite a")
    assert [a.get_text() for a in citations] == ["7", "4"]


@pytest.mark.parametrize(("content", "expected"), [("summary", 1), ("none", 0)])
def test_callout_content_option(site: SiteBuilder, content: str, expected: int) -> None:
    built = site(
        {"index.md": "[data:2:transfer]\n"},
        {"plugins": [{"biml": {"callout_content": content}}]},
    )
    callout = built.content("index.md").select_one("div.admonition.biml")
    body = [p for p in callout.find_all("p") if not p.get("class")]
    assert len(body) == expected
    if expected:
        assert body[0].get_text().startswith(TRANSFER_SUMMARY_START)


def test_callouts_can_be_turned_off(site: SiteBuilder) -> None:
    built = site({"index.md": "[data:2:transfer]\n"}, {"plugins": [{"biml": {"callouts": False}}]})
    assert not built.content("index.md").select("div.admonition.biml")
    assert len(refs(built, "index.md")) == 1


def test_callout_inside_an_admonition_and_a_list_item_stays_inline(site: SiteBuilder) -> None:
    page = """\
    !!! note
        [data:2:transfer]

    - [raw:3:storage]
    """
    built = site({"index.md": page}, {"markdown_extensions": ["admonition"]})
    content = built.content("index.md")
    assert content.select("div.admonition.note div.admonition.biml")
    assert content.select("li a.biml-ref")


# ------------------------------------------------------------------------- never touched


UNTOUCHED = """\
Code `[data:2:transfer]` span.

```
[data:2:transfer] in fenced code
```

    [data:2:transfer] in indented code

<div title="[data:2:transfer]">[data:2:transfer] in an HTML block</div>

Inline <span title="[data:2:transfer]">attribute</span> and
[a link](https://example.org/[data:2:transfer]) and [text][ref] and
[see [data:2:transfer] here](https://example.org/) and <https://example.org/[raw:3:storage]>.

Escaped \\[data:2:transfer] stays literal.

A footnote[^1] and a shortcut [data:4:storage] reference.

[TOC]

[ref]: https://example.org/ref
[data:4:storage]: https://example.org/mine
[^1]: Footnote text.
"""


def test_constructs_that_are_never_touched(site: SiteBuilder) -> None:
    built = site(
        {"index.md": UNTOUCHED},
        {"markdown_extensions": ["footnotes", "toc"]},
    )
    assert built.error is None
    content = built.content("index.md")
    assert content.select("a.biml-ref") == []
    assert content.select("span.biml-unresolved") == []
    html = str(content)
    assert html.count("[data:2:transfer]") >= 7
    assert "<code>[data:2:transfer]</code>" in html
    assert 'title="[data:2:transfer]"' in html
    assert 'href="https://example.org/[data:2:transfer]"' in html
    assert 'href="https://example.org/ref"' in html
    assert 'href="https://example.org/mine"' in html
    assert "Escaped [data:2:transfer] stays literal." in content.get_text()
    assert "\\[data" not in html
    assert content.select("div.footnote")
    assert built.biml_warnings() == []


def test_superfences_code_is_never_touched(site: SiteBuilder) -> None:
    page = '```python title="[data:2:transfer]"\nx = "[data:2:transfer]"\n```\n\n[raw:3:storage]\n'
    built = site({"index.md": page}, {"markdown_extensions": ["pymdownx.superfences"]})
    content = built.content("index.md")
    assert "[data:2:transfer]" in content.select_one("code").get_text()
    assert [d["data-biml-tag"] for d in content.select("div.admonition.biml")] == ["raw:3:storage"]


def test_text_that_only_looks_like_a_tag(site: SiteBuilder) -> None:
    built = site({"index.md": "Meet at [12:30], see [note:1] and [x:y:z].\n"})
    assert built.content("index.md").select("[data-biml-tag], .biml-unresolved") == []
    assert built.biml_warnings() == []


def _without_plugin_assets(html: str) -> str:
    return re.sub(r"\s*<(link|script)[^>]*mkdocs-biml[^>]*>(</script>)?", "", _undated(html))


def _undated(html: str) -> str:
    """MkDocs' themes stamp the build time into a comment at the end of each page."""
    return re.sub(r"Build Date UTC ?: [0-9:. +-]+", "", html)


def test_tag_free_page_is_byte_identical_to_a_build_without_the_plugin(tmp_path: Path) -> None:
    page = (Path(__file__).parent / "sources" / "tagless.md").read_text(encoding="utf-8")
    extensions = ["toc", "tables", "footnotes", "admonition", "attr_list", "md_in_html"]
    config = {"markdown_extensions": extensions, "plugins": []}
    without = build_site(tmp_path / "without", {"index.md": page}, config)
    assert without.error is None
    plain = _undated(without.html("index.md"))
    # Without generated pages the whole page is identical but for our two asset links.
    no_pages = build_site(
        tmp_path / "no-pages",
        {"index.md": page},
        {**config, "plugins": [{"biml": {"pages": False}}]},
    )
    assert no_pages.html("index.md") != plain
    assert _without_plugin_assets(no_pages.html("index.md")) == plain
    # With generated pages the navigation grows a section; the content is still identical.
    with_pages = build_site(tmp_path / "pages", {"index.md": page}, {**config, "plugins": ["biml"]})
    assert str(with_pages.content("index.md")) == str(without.content("index.md"))


# ------------------------------------------------------------------------- problems


def test_unknown_tag_warns_with_page_line_and_suggestions(site: SiteBuilder) -> None:
    page = "---\ntitle: T\n---\n\n# Title\n\nText with [data:2:transfr] here.\n"
    built = site({"guide/x.md": page})
    assert built.error is None
    (warning,) = built.biml_warnings()
    assert warning.startswith("biml: guide/x.md:7: unknown tag [data:2:transfr]")
    assert "did you mean [data:2:transfer]" in warning
    span = built.content("guide/x.md").select_one("span.biml-unresolved")
    assert span.get_text() == "[data:2:transfr]"


def test_mismatch_resolves_and_warns(site: SiteBuilder) -> None:
    built = site({"index.md": "Line one.\n\nOnline [data:6:online].\n"})
    (link,) = refs(built, "index.md")
    assert link["data-biml-tag"] == "data:7:online"
    (warning,) = built.biml_warnings()
    assert warning.startswith("biml: index.md:3: tag [data:6:online] resolved to [data:7:online]")


def test_ambiguous_number_warns_and_stays_visible(site: SiteBuilder) -> None:
    built = site({"index.md": "Which [inference:3]?\n"})
    assert (
        built.content("index.md").select_one("span.biml-unresolved").get_text() == "[inference:3]"
    )
    (warning,) = built.biml_warnings()
    assert "ambiguous" in warning
    assert "[inference:3:confidence scores]" in warning


def test_on_unknown_ignore_keeps_the_text_silently(site: SiteBuilder) -> None:
    built = site(
        {"index.md": "[dta:2:x] here\n"}, {"plugins": [{"biml": {"on_unknown": "ignore"}}]}
    )
    assert built.biml_warnings() == []
    assert built.content("index.md").select_one("span.biml-unresolved")


def test_on_unknown_error_stops_the_build(site: SiteBuilder) -> None:
    built = site({"index.md": "[dta:2:x] here\n"}, {"plugins": [{"biml": {"on_unknown": "error"}}]})
    assert built.error is not None
    assert "biml: index.md:1: unknown tag [dta:2:x]" in built.failure()


def test_strict_build_fails_on_an_unknown_tag(tmp_path: Path) -> None:
    write_site(tmp_path, {"index.md": "Broken [data:99:nothing].\n"})
    result = run_mkdocs(tmp_path, "build", "--strict")
    assert result.returncode == 1
    assert "biml: index.md:1: unknown tag [data:99:nothing]" in result.stderr
    assert "Traceback" not in result.stderr
    write_site(tmp_path, {"index.md": "Fine [data:2:transfer].\n"})
    assert run_mkdocs(tmp_path, "build", "--strict").returncode == 0


def test_invalid_option_is_a_configuration_error(tmp_path: Path) -> None:
    built = build_site(tmp_path, {"index.md": "x"}, {"plugins": [{"biml": {"on_unknown": "loud"}}]})
    assert built.error is not None
    assert "on_unknown" in built.failure()
    broken = build_site(
        tmp_path / "b", {"index.md": "x"}, {"plugins": [{"biml": {"link_text": "{nope}"}}]}
    )
    assert "link_text" in broken.failure()


def test_listing_the_extension_beside_the_plugin_expands_once(site: SiteBuilder) -> None:
    built = site({"index.md": "See [data:2:transfer].\n"}, {"markdown_extensions": ["biml"]})
    assert built.error is None
    assert len(refs(built, "index.md")) == 1


# ------------------------------------------------------------------ plain Python-Markdown


def test_extension_works_in_plain_python_markdown() -> None:
    html = markdown.markdown("See [data:2:transfer].", extensions=["biml"])
    assert 'class="biml-ref"' in html
    assert 'href="biml/data.md#data-2-transfer"' in html


def test_extension_reports_through_a_callback_and_raises_on_error() -> None:
    problems: list[Problem] = []
    ext = BimlExtension(report=problems.append)
    markdown.markdown("Bad [dta:2:x].", extensions=[ext])
    assert [p.message.split(";")[0] for p in problems] == ["unknown tag [dta:2:x]"]
    with pytest.raises(TagError, match=r"unknown tag \[dta:2:x\]"):
        markdown.markdown("Bad [dta:2:x].", extensions=[BimlExtension(on_unknown="error")])


def test_external_base_url_links(site: SiteBuilder) -> None:
    built = site(
        {"index.md": "See [data:2:transfer].\n"},
        {"plugins": [{"biml": {"pages": False, "base_url": "https://risks.example.org/biml/"}}]},
    )
    assert (
        refs(built, "index.md")[0]["href"] == "https://risks.example.org/biml/data/#data-2-transfer"
    )
    assert not (built.site_dir / "biml" / "data").exists()


@pytest.mark.parametrize(
    ("text", "extensions", "line"),
    [
        ("Intro\n\n```\na\nb\nc\n```\n\nX [dta:1:x]\n", ["fenced_code"], 9),
        ("Intro\n\n```\na\nb\nc\n```\n\nX [dta:1:x]\n", ["pymdownx.superfences"], 9),
        ("<div>[dta:1:x]</div>\n\nX [dta:1:x]\n", [], 3),
        ("`[dta:1:x]`\n\nX [dta:1:x]\n", [], 3),
        ('<div markdown="1">\n[dta:1:x]\n</div>\n', ["md_in_html"], 2),
        ("\\[dta:1:x]\n\n[dta:1:x]\n", [], 3),
        ("[a](http://x/[dta:1:x])\n\n[dta:1:x]\n", [], 3),
    ],
    ids=["fenced", "superfences", "html-block", "code-span", "md-in-html", "escape", "link"],
)
def test_problem_lines_match_the_source(text: str, extensions: list[str], line: int) -> None:
    problems: list[Problem] = []
    markdown.markdown(text, extensions=[*extensions, BimlExtension(report=problems.append)])
    assert [p.line for p in problems] == [line]


# ------------------------------------------------------------------ finished HTML = element path

EQUIVALENCE_PAGES = {
    "index.md": """\
        # Home [data:2:transfer]

        See [data:2:transfer], [inference:3:confidence scores] and [LLM:raw:1:recursive pollution].

        [system:2:overconfidence]

        [raw:1:data confidentiality] [dta:1:x]

        | risk | note |
        | --- | --- |
        | [raw:3:storage] | *kept* [data:4:storage] |

        - item [model:1:trojan]
        - [output:1:direct]

        !!! note
            [data:2:transfer]
        """,
    "guide/deep/page.md": "Deep [raw:3:storage] and [inference:3].\n\n[raw:3:storage]\n",
}


@pytest.mark.parametrize("directory_urls", [True, False])
def test_finished_html_is_byte_identical_to_elements_resolved_by_mkdocs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, directory_urls: bool
) -> None:
    # With the plugin, links leave the extension as finished HTML with URLs it
    # computed; without final URLs it emits elements linking to source files
    # and MkDocs resolves them. Readers must not be able to tell the difference.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    config = {
        "plugins": [{"biml": {"catalogs": ["biml-llm"]}}],
        "markdown_extensions": ["admonition", "tables", {"toc": {"permalink": True}}],
        "use_directory_urls": directory_urls,
    }
    finished = build_site(tmp_path / "finished", EQUIVALENCE_PAGES, config)
    monkeypatch.setattr(BimlExtension, "use_final_urls", lambda *args: None)
    resolved = build_site(tmp_path / "resolved", EQUIVALENCE_PAGES, config)
    assert finished.error is None and resolved.error is None
    assert finished.content("index.md").select("div.admonition.biml")
    pages = sorted(p.relative_to(finished.site_dir) for p in finished.site_dir.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        one = (finished.site_dir / page).read_text(encoding="utf-8")
        two = (resolved.site_dir / page).read_text(encoding="utf-8")
        assert one == two, page


@pytest.mark.parametrize(
    ("text", "generated"),
    [
        (f"{GENERATED_MARKER}\n\n# Datasets\n\n[dta:9:nope]\n", True),
        (f"\n{GENERATED_MARKER}\n\n[dta:9:nope]\n", True),
        (f"# Notes\n\nOur pages start with\n{GENERATED_MARKER}\n\n[dta:9:nope]\n", False),
        (f"# Notes\n\n{GENERATED_MARKER}\n\n[dta:9:nope]\n", False),
    ],
)
def test_only_the_marker_as_first_line_makes_a_page_generated(text: str, generated: bool) -> None:
    """Without the plugin, a page quoting the marker below its top is the author's own."""
    problems: list[Problem] = []
    markdown.Markdown(extensions=[BimlExtension(report=problems.append)]).convert(text)
    assert (problems == []) is generated, problems
