"""Tags in pages become links and callouts.

Each family of behaviour has one real MkDocs build, its HTML read back; the
rest converts Markdown in process as the plugin sets it up (``biml_md``,
``tests/markdown_fixture.py``) and compares the HTML exactly.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import markdown
import pytest
from markdown.inlinepatterns import InlineProcessor
from markdown.util import HTML_PLACEHOLDER_RE

from mkdocs_biml.core.paths import GENERATED_MARKER
from mkdocs_biml.core.problems import Problem
from mkdocs_biml.expansion import scanner
from mkdocs_biml.expansion.extension import BimlExtension, TagError
from tests.conftest import MarkdownMaker, SiteBuilder
from tests.markdown_fixture import TRANSFER_SUMMARY, PluginMarkdown, transfer_link
from tests.sites import BuiltSite, build_site, run_mkdocs, write_site

if sys.version_info >= (3, 11):
    from re import _constants as sre_constants
    from re import _parser as sre_parser
else:  # pragma: no cover
    import sre_constants
    import sre_parse as sre_parser

TRANSFER_SUMMARY_START = "A public pretrained"


def refs(site: BuiltSite, page: str) -> list:  # type: ignore[type-arg]
    return site.content(page).select("a.biml-ref")


def callout_tags(html: str) -> list[str]:
    return re.findall(r'<div class="admonition biml" data-biml-tag="([^"]+)">', html)


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


@pytest.mark.parametrize(
    ("page", "directory_urls", "href"),
    [
        ("index.md", True, "biml/data/#data-2-transfer"),
        ("page.md", True, "../biml/data/#data-2-transfer"),
        ("guide/index.md", True, "../biml/data/#data-2-transfer"),
        ("guide/deep/page.md", True, "../../../biml/data/#data-2-transfer"),
        ("index.md", False, "biml/data.html#data-2-transfer"),
        ("page.md", False, "biml/data.html#data-2-transfer"),
        ("guide/index.md", False, "../biml/data.html#data-2-transfer"),
        ("guide/deep/page.md", False, "../../biml/data.html#data-2-transfer"),
    ],
)
def test_links_are_page_relative_on_nested_pages(
    plugin_markdown: MarkdownMaker, page: str, directory_urls: bool, href: str
) -> None:
    md = plugin_markdown({}, {"use_directory_urls": directory_urls})
    html = md.convert("Deep [data:2:transfer].\n", page)
    assert html == f"<p>Deep {transfer_link(href)}.</p>"


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


def test_link_text_option(plugin_markdown: MarkdownMaker) -> None:
    md = plugin_markdown({"link_text": "{tag}: {title} ({component})"})
    text = "data:2:transfer: Transfer learning attack (Datasets)"
    assert md.convert("See [data:2:transfer].\n") == f"<p>See {transfer_link(text=text)}.</p>"


def test_descriptor_forms_and_number_only_tags(biml_md: PluginMarkdown) -> None:
    html = biml_md.convert("See [DATA:2:Transfer], [raw:1:data-confidentiality] and [data:2].\n")
    tags = re.findall(r'data-biml-tag="([^"]+)"', html)
    assert tags == ["data:2:transfer", "raw:1:data confidentiality", "data:2:transfer"]
    assert biml_md.warnings() == []


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


def test_several_tags_alone_give_one_callout_each_in_order(biml_md: PluginMarkdown) -> None:
    html = biml_md.convert("[raw:1:data confidentiality]\n[system:8:insider] [dta:1:x]\n")
    assert callout_tags(html) == ["raw:1:data confidentiality", "system:8:insider"]
    # the unknown tag is not dropped
    assert html.endswith(
        '<p><span class="biml-unresolved" title="unknown tag [dta:1:x]">[dta:1:x]</span></p>'
    )


def test_callout_links_cross_references_and_citations(biml_md: PluginMarkdown) -> None:
    html = biml_md.convert(
        "[system:2:overconfidence]\n\n[raw:1:data confidentiality]\n", "guide/page.md"
    )
    assert re.findall(r'href="([^"]+)"', html) == [
        "../../biml/output/#output-5-transparency",
        "../../biml/system/#system-2-overconfidence",
        "../../biml/references/#ref-7",
        "../../biml/references/#ref-4",
        "../../biml/raw/#raw-1-data-confidentiality",
    ]
    assert 'data-biml-tag="output:5:transparency"' in html
    assert re.findall(r'<sup class="biml-cite"><a [^>]*>(\d+)</a>', html) == ["7", "4"]


@pytest.mark.parametrize(("content", "expected"), [("summary", 1), ("none", 0)])
def test_callout_content_option(
    plugin_markdown: MarkdownMaker, content: str, expected: int
) -> None:
    html = plugin_markdown({"callout_content": content}).convert("[data:2:transfer]\n")
    assert callout_tags(html) == ["data:2:transfer"]
    # The body is BIML's text, indexed on the risk's own page, not on this one.
    body = '<p data-search-exclude="true">'
    assert html.count(f"{body}{TRANSFER_SUMMARY}</p>") == expected
    assert html.count(body) == expected


def test_callouts_can_be_turned_off(plugin_markdown: MarkdownMaker) -> None:
    html = plugin_markdown({"callouts": False}).convert("[data:2:transfer]\n")
    assert html == f"<p>{transfer_link()}</p>"


def test_callout_inside_an_admonition_and_a_list_item_stays_inline(
    plugin_markdown: MarkdownMaker,
) -> None:
    page = "!!! note\n    [data:2:transfer]\n\n- [data:2:transfer]\n"
    html = plugin_markdown({}, {"markdown_extensions": ["admonition"]}).convert(page)
    assert html.startswith(
        '<div class="admonition note">\n<p class="admonition-title">Note</p>\n'
        '<div class="admonition biml" data-biml-tag="data:2:transfer">'
    )
    assert html.endswith(f"<ul>\n<li>{transfer_link()}</li>\n</ul>")


def test_only_a_loose_list_turns_a_lone_tag_into_a_callout(biml_md: PluginMarkdown) -> None:
    """As docs/syntax.md says: a tight list's items are not paragraphs."""
    tight = biml_md.convert("- [data:2:transfer]\n- [raw:4:legal]\n")
    assert callout_tags(tight) == []
    assert tight.count('class="biml-ref"') == 2
    loose = biml_md.convert("- [data:2:transfer]\n\n- [raw:4:legal]\n")
    assert callout_tags(loose) == ["data:2:transfer", "raw:4:legal"]
    quoted = biml_md.convert("> [data:2:transfer]\n")
    assert callout_tags(quoted) == ["data:2:transfer"]


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


def test_superfences_code_is_never_touched(plugin_markdown: MarkdownMaker) -> None:
    page = '```python title="[data:2:transfer]"\nx = "[data:2:transfer]"\n```\n\n[raw:3:storage]\n'
    md = plugin_markdown({}, {"markdown_extensions": ["pymdownx.superfences"]})
    html = md.convert(page)
    code, _, rest = html.partition("</code></pre>")
    assert '<span class="filename">[data:2:transfer]</span>' in code
    assert "[data:2:transfer]" in code.rpartition("<code>")[2]
    assert "biml" not in code
    assert callout_tags(rest) == ["raw:3:storage"]


def test_text_that_only_looks_like_a_tag(biml_md: PluginMarkdown) -> None:
    text = "Meet at [12:30], see [note:1] and [x:y:z].\n"
    assert biml_md.convert(text) == f"<p>{text.strip()}</p>"
    assert biml_md.warnings() == []


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


def test_mismatch_resolves_and_warns(biml_md: PluginMarkdown) -> None:
    html = biml_md.convert("Line one.\n\nOnline [data:6:online].\n")
    assert re.findall(r'data-biml-tag="([^"]+)" href="([^"]+)"', html) == [
        ("data:7:online", "biml/data/#data-7-online")
    ]
    (warning,) = biml_md.warnings()
    assert warning.startswith("biml: index.md:3: tag [data:6:online] resolved to [data:7:online]")


def test_ambiguous_number_warns_and_stays_visible(biml_md: PluginMarkdown) -> None:
    problem = (
        "tag [inference:3] is ambiguous: add the descriptor, one of "
        "[inference:3:hyperparameters], [inference:3:confidence scores]"
    )
    assert biml_md.convert("Which [inference:3]?\n") == (
        f'<p>Which <span class="biml-unresolved" title="{problem}">[inference:3]</span>?</p>'
    )
    assert biml_md.warnings() == [f"biml: index.md:1: {problem}"]


def test_on_unknown_ignore_keeps_the_text_silently(plugin_markdown: MarkdownMaker) -> None:
    md = plugin_markdown({"on_unknown": "ignore"})
    assert md.convert("[dta:2:x] here\n") == (
        '<p><span class="biml-unresolved" title="unknown tag [dta:2:x]">[dta:2:x]</span> here</p>'
    )
    assert md.warnings() == []


def test_on_unknown_error_stops_the_build(site: SiteBuilder) -> None:
    built = site({"index.md": "[dta:2:x] here\n"}, {"plugins": [{"biml": {"on_unknown": "error"}}]})
    assert built.error is not None
    assert "biml: index.md:1: unknown tag [dta:2:x]" in built.failure()


@pytest.mark.slow
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


def test_listing_the_extension_beside_the_plugin_expands_once(
    plugin_markdown: MarkdownMaker,
) -> None:
    md = plugin_markdown({}, {"markdown_extensions": ["biml"]})
    assert md.convert("See [data:2:transfer].\n") == f"<p>See {transfer_link()}.</p>"


# ------------------------------------------------------------------ plain Python-Markdown


def test_extension_works_in_plain_python_markdown() -> None:
    html = markdown.markdown("See [data:2:transfer].", extensions=["biml"])
    assert 'class="biml-ref"' in html
    assert 'href="biml/data.md#data-2-transfer"' in html


def test_one_markdown_reused_for_pages_with_and_without_tags() -> None:
    """A page citing nothing goes without the inline processor; the next page of the
    same ``Markdown`` that cites a risk, also inside ``md_in_html``, expands it."""
    md = markdown.Markdown(extensions=["biml", "md_in_html"])
    pages = [
        "No tag here, [a link](x.md) and [note:1].",
        "See [data:2:transfer].",
        "Nothing.",
        '<div markdown="1">\n\nSee [data:2:transfer].\n\n</div>',
    ]
    expanded = []
    for page in pages:
        expanded.append('class="biml-ref"' in md.reset().convert(page))
    assert expanded == [False, True, False, True]
    assert md.convert("No tag.") == "<p>No tag.</p>"


def _spied_markdown(*extensions: object) -> tuple[markdown.Markdown, list[str]]:
    """A ``Markdown`` whose last inline pattern notes every text it is tried on."""
    seen: list[str] = []

    class Spy(InlineProcessor):
        def handleMatch(self, m, data):  # type: ignore[no-untyped-def, override]
            seen.append(data)
            return None, None, None

    md = markdown.Markdown(extensions=list(extensions))  # type: ignore[arg-type]
    md.inlinePatterns.register(Spy(r"^[\s\S]*$", md), "spy", 1)
    return md, seen


def test_generated_pages_keep_their_html_blocks_out_of_inline_processing() -> None:
    """Inline processors (smarty's too) never see the paragraph standing for a raw HTML
    block of a generated page; an author's page is left as Python-Markdown makes it."""
    text = "# Title\n\n<!-- biml:html 0 -->\n\nA sentence.\n"
    results = {}
    for generated in (True, False):
        extension = BimlExtension()
        md, seen = _spied_markdown(extension, "smarty")
        extension.begin_page("biml/x.md", generated=generated)
        html = md.convert(text)
        results[generated] = [t for t in seen if HTML_PLACEHOLDER_RE.search(t)]
        assert "<!-- biml:html 0 -->" in html
    assert results == {True: [], False: results[False]} and results[False]


def test_plain_headings_of_generated_pages_skip_inline_processing() -> None:
    """A generated page's heading whose title is plain text gets its id and its title as
    it is, unseen by inline processors; a title with Markdown in it is converted."""
    text = "## Data poisoning {#data-1}\n\n## The *Top* Ten {#top-ten}\n"
    extension = BimlExtension()
    md, seen = _spied_markdown(extension, "smarty", "toc")
    extension.begin_page("biml/x.md", generated=True)
    html = md.convert(text)
    assert html.startswith('<h2 id="data-1">Data poisoning</h2>\n<h2 id="top-ten">The <em>Top</em>')
    assert not any("poisoning" in text for text in seen)
    assert any("Ten" in text for text in seen)
    assert [token["id"] for token in md.toc_tokens] == ["data-1", "top-ten"]  # type: ignore[attr-defined]


def test_markdown_options_by_name_and_collaborators_only_by_constructor() -> None:
    """``index`` and ``report`` are the host's objects, not options a config file
    could set: Python-Markdown refuses them by name, the constructor takes them."""
    configs = {"link_text": "[{tag}]", "callouts": False, "folder": "risks"}
    for name in ("biml", "mkdocs_biml.extension"):
        md = markdown.Markdown(extensions=[name], extension_configs={name: configs})
        assert md.convert("[data:2:transfer]") == (
            f'<p><a class="biml-ref" data-biml-tag="data:2:transfer" '
            f'href="risks/data.md#data-2-transfer" title="{TRANSFER_SUMMARY}">'
            "[data:2:transfer]</a></p>"
        )
    assert "index" not in BimlExtension().getConfigs()
    assert "report" not in BimlExtension().getConfigs()
    for collaborator in ("index", "report"):
        with pytest.raises(KeyError):
            markdown.Markdown(extensions=["biml"], extension_configs={"biml": {collaborator: ""}})


def test_extension_reports_through_a_callback_and_raises_on_error() -> None:
    problems: list[Problem] = []
    ext = BimlExtension(report=problems.append)
    markdown.markdown("Bad [dta:2:x].", extensions=[ext])
    assert [p.message.split(";")[0] for p in problems] == ["unknown tag [dta:2:x]"]
    with pytest.raises(TagError, match=r"unknown tag \[dta:2:x\]"):
        markdown.markdown("Bad [dta:2:x].", extensions=[BimlExtension(on_unknown="error")])


def test_external_base_url_links(plugin_markdown: MarkdownMaker) -> None:
    md = plugin_markdown({"pages": False, "base_url": "https://risks.example.org/biml/"})
    href = "https://risks.example.org/biml/data/#data-2-transfer"
    assert md.convert("See [data:2:transfer].\n") == f"<p>See {transfer_link(href)}.</p>"
    assert md.generated == {}


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
@pytest.mark.slow
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


def test_the_page_scans_start_each_alternative_with_a_literal() -> None:
    """Every alternative of the two scans over whole pages (the inline processor's and the
    source lines') starts with a literal character: the regex engine then looks for those
    few characters instead of trying every alternative at every position of the page
    (a leading group, such as the backtick run's once was, turns that off)."""
    for pattern in (scanner.TAG_OR_SKIP, scanner._SOURCE_TOKEN.pattern):
        parsed = sre_parser.parse(pattern)
        assert len(parsed.data) == 1
        operation, argument = parsed.data[0]
        assert operation is sre_constants.BRANCH
        starts = [alternative.data[0][0] for alternative in argument[1]]
        assert starts and all(start is sre_constants.LITERAL for start in starts), starts
