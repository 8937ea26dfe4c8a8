"""Catalogue text escaped for generated Markdown: exactly the text, and little else.

Every string built from the characters Markdown or a common extension reads as
syntax must render, with those extensions (and ours) on, as the very text; and
prose that means nothing to Markdown must come out as it went in.
"""

from __future__ import annotations

import re

import markdown
import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_biml.core.mdtext import escape_cell, escape_markdown, single_spaces

EXTENSIONS = [
    "abbr",
    "admonition",
    "attr_list",
    "def_list",
    "footnotes",
    "md_in_html",
    "tables",
    "toc",
    "pymdownx.arithmatex",
    "pymdownx.betterem",
    "pymdownx.caret",
    "pymdownx.critic",
    "pymdownx.details",
    "pymdownx.emoji",
    "pymdownx.inlinehilite",
    "pymdownx.keys",
    "pymdownx.magiclink",
    "pymdownx.mark",
    "pymdownx.superfences",
    "pymdownx.tilde",
    "biml",
]
CONFIGS = {"pymdownx.arithmatex": {"generic": True}}
PIECES = [
    *"\\`*_{}[]()<>#+-!|~^=:&$@./?;'\"%",
    *("a", "b1", "1.", "www", "http", "://", "smile", "#x;", "amp;", "--", "+1", "100", "  ", "\n"),
    *("data:2:transfer", "[raw:1:data confidentiality]", "[^1]", "<!--", "-->"),
]
PROPERTIES = settings(
    max_examples=400,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def shown(source: str) -> str:
    html = markdown.markdown(source, extensions=EXTENSIONS, extension_configs=CONFIGS)
    return plain(BeautifulSoup(html, "html.parser").get_text())


def plain(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@PROPERTIES
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=12).map("".join))
@pytest.mark.slow
def test_escaped_text_renders_as_itself(text: str) -> None:
    assert shown(escape_markdown(text)) == plain(text)
    assert shown("x " + escape_markdown(text, line_start=False)) == plain("x " + text)


@PROPERTIES
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=8).map("".join))
@pytest.mark.slow
def test_escaped_cells_render_as_themselves(text: str) -> None:
    table = f"| A | B |\n| --- | --- |\n| {escape_cell(text)} | x |\n"
    html = markdown.markdown(table, extensions=EXTENSIONS, extension_configs=CONFIGS)
    cells = BeautifulSoup(html, "html.parser").select("td")
    assert [plain(c.get_text()) for c in cells] == [plain(text), "x"]


@pytest.mark.parametrize(
    "text",
    [
        "(see Dataset Assembly: Adversarial Partitions).",
        "pre-processing, post-hoc; version 1.0 (1.13.20) - 3.5% of it.",
        "x < y, a > b, A & B, 50/50, \"quoted\" and 'quoted', question?",
    ],
)
def test_prose_is_written_as_it_is(text: str) -> None:
    assert escape_markdown(text) == text


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("1. not a list", "1\\. not a list"),
        ("- not an item", "\\- not an item"),
        (":+1: :100: a:b:c", "&#58;+1: &#58;100: a&#58;b:c"),
        ("*not em* and _not em_ but snake_case", "\\*not em\\* and \\_not em\\_ but snake_case"),
        ("[raw:1:data confidentiality]", "&#91;raw:1:data confidentiality\\]"),
        ("see [not a tag]", "see \\[not a tag\\]"),
        ("<b>bold</b> &amp;", "&lt;b>bold&lt;/b> &amp;amp;"),
        (":smile: ==m== ~s~", "&#58;smile: &#61;=m&#61;= &#126;s&#126;"),
    ],
)
def test_only_what_markdown_would_misread_is_escaped(text: str, written: str) -> None:
    assert escape_markdown(text) == written


# -- whitespace of catalogue text in generated HTML ----------------------------------------

_UNICODE_SPACES = [chr(c) for c in range(0x3001) if chr(c).isspace()]


@given(st.text(alphabet=st.sampled_from([*_UNICODE_SPACES, "a", "é", "\u200b", "-"])))
@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
def test_single_spaces_is_the_regular_expression_it_replaced(text: str) -> None:
    assert single_spaces(text) == re.sub(r"\s+", " ", text)
