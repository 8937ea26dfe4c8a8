"""Where a generated page's HTML fragments go: behind a placeholder, or after the heading
they follow, in the converted HTML and in the Markdown ``generate`` writes."""

from __future__ import annotations

import markdown

from mkdocs_biml.pages.fragments import PageFragments

MARKDOWN = """# Title {#top}

ONE

TWO

Prose.

## A risk {#risk-1}

THREE

FOUR
"""


def _page() -> tuple[PageFragments, str]:
    fragments = PageFragments()
    one, two, three, four = (
        fragments.keep(html) for html in ("<p>1</p>", "<p>2</p>", "<p>3</p>", "<div>4</div>")
    )
    text = MARKDOWN
    for name, placeholder in zip(("ONE", "TWO", "THREE", "FOUR"), (one, two, three, four)):
        text = text.replace(name, placeholder)
    return fragments, fragments.compact(text)


def test_compact_leaves_markdown_no_placeholder_it_can_do_without() -> None:
    fragments, compacted = _page()
    assert compacted == "# Title {#top}\n\nProse.\n\n## A risk {#risk-1}\n"
    assert fragments.after_heading == {"top": 0, "risk-1": 2}


def test_converted_html_gets_each_fragment_after_its_heading() -> None:
    fragments, compacted = _page()
    html = markdown.markdown(compacted, extensions=["attr_list"])
    assert fragments.fill_html(html) == (
        '<h1 id="top">Title</h1>\n<p>1</p>\n<p>2</p>\n<p>Prose.</p>\n'
        '<h2 id="risk-1">A risk</h2>\n<p>3</p>\n<div>4</div>',
        [],
    )


def test_a_heading_gone_from_the_html_leaves_its_fragment_at_the_end() -> None:
    fragments, compacted = _page()
    html = markdown.markdown(compacted.replace("{#risk-1}", "{#renamed}"), extensions=["attr_list"])
    filled, unplaced = fragments.fill_html(html)
    assert filled.endswith('<h2 id="renamed">A risk</h2>\n<p>3</p>\n<div>4</div>')
    assert unplaced == ["risk-1"]


def test_markdown_for_other_hosts_has_the_fragments_as_blocks_after_their_headings() -> None:
    fragments, compacted = _page()
    assert fragments.fill_markdown(compacted) == (
        "# Title {#top}\n\n<p>1</p>\n<p>2</p>\n\nProse.\n\n"
        "## A risk {#risk-1}\n\n<p>3</p>\n<div>4</div>\n"
    )
