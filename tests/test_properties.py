"""Property-based tests of the Markdown extension over generated Markdown.

Documents are built from pieces whose effect is known in advance: a tag the
author means (resolved or not) counts one, anything else (code, link text,
HTML attributes and comments, escaped brackets, prose that merely looks like a
tag) counts nothing. Rendering with and without the extension then must agree
on everything but the counted tags.

Runs are deterministic (``derandomize``): the same examples on every machine.
"""

from __future__ import annotations

from dataclasses import dataclass

import markdown
import pytest
from bs4 import BeautifulSoup, Tag
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_biml import load_catalog
from mkdocs_biml.core.problems import Problem
from mkdocs_biml.extension import BimlExtension

CATALOG = load_catalog("biml-78")
RISKS = list(CATALOG.risks())
BASE_EXTENSIONS = ["fenced_code", "tables"]

PROPERTIES = settings(
    max_examples=200,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@dataclass(frozen=True)
class Piece:
    """Markdown, the number of tags in it the extension must expand, its code texts."""

    text: str
    tags: int = 0
    code: tuple[str, ...] = ()

    def __add__(self, other: Piece) -> Piece:
        return Piece(self.text + other.text, self.tags + other.tags, self.code + other.code)


def _joined(pieces: list[Piece], separator: str) -> Piece:
    result = Piece("")
    for index, piece in enumerate(pieces):
        result += Piece(separator) + piece if index else piece
    return result


# ---------------------------------------------------------------- tags and non-tags

words = st.text("abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8)


def _written_forms(risk_index: int, style: int) -> str:
    """A tag for a risk as an author may write it: case and separators vary."""
    risk = RISKS[risk_index]
    descriptor = [
        risk.descriptor,
        risk.descriptor.upper(),
        risk.descriptor.replace(" ", "-"),
        risk.descriptor.replace(" ", "_"),
    ][style]
    return f"{risk.component.label}:{risk.number}:{descriptor}"


exact_tags = st.builds(_written_forms, st.integers(0, len(RISKS) - 1), st.integers(0, 3))
real_tags = exact_tags | st.sampled_from([f"{r.component.label}:{r.number}" for r in RISKS])
#: Meant as tags but wrong: unknown component, unknown descriptor, wrong number
#: (resolved by descriptor), ambiguous number.
faulty_tags = st.sampled_from(
    [
        "dta:2:transfer",
        "data:2:transferr",
        "data:9:transfer",
        "inference:3",
        "raw:99:nothing",
        "LLM:raw:1:nothing",
    ]
)
#: Brackets in prose that are no tags.
lookalikes = st.sampled_from(
    ["[note:1]", "[12:30]", "[a:b:c]", "[dta:2]", "[see: there]", "[1:2:3]", "[x]", "[]"]
)
any_tag = real_tags | faulty_tags


def tag_piece(tag: str) -> Piece:
    return Piece(f"[{tag}]", tags=1)


def not_expanded(tag: str, form: int) -> Piece:
    """A tag where it must be left exactly as written."""
    if form == 0:
        return Piece(f"`[{tag}]`", code=(f"[{tag}]",))
    return Piece(
        [
            "",
            f"\\[{tag}]",
            f"[[{tag}]](https://example.org/page)",
            f'[link](https://example.org/page "[{tag}]")',
            f"![[{tag}]](picture.png)",
            f'<span title="[{tag}]">x</span>',
            f"<!-- [{tag}] -->",
        ][form]
    )


inline_plain = (
    words.map(Piece)
    | words.map(lambda w: Piece(f"*{w}*"))
    | words.map(lambda w: Piece(f"**{w}**"))
    | words.map(lambda w: Piece(f"[{w}](https://example.org/{w})"))
    | words.map(lambda w: Piece(f"`{w}`", code=(w,)))
    | lookalikes.map(Piece)
    | st.builds(not_expanded, any_tag, st.integers(1, 6))
    | st.builds(not_expanded, any_tag, st.just(0))
)


def emphasised(tag: str, marker: str) -> Piece:
    return Piece(marker) + tag_piece(tag) + Piece(marker)


inline_tagged = (
    any_tag.map(tag_piece)
    | st.builds(emphasised, any_tag, st.sampled_from(["*", "**", "_"]))
    | any_tag.map(lambda t: Piece("<b>") + tag_piece(t) + Piece("</b>"))
    | any_tag.map(lambda t: Piece("[") + tag_piece(t) + Piece("]"))
)


# ----------------------------------------------------------------------- blocks


def blocks(inline: st.SearchStrategy[Piece]) -> st.SearchStrategy[Piece]:
    line = st.builds(
        lambda first, rest: _joined([Piece(first), *rest], " "),
        words,
        st.lists(inline, min_size=0, max_size=6),
    )
    code_line = st.builds(lambda t, w: f"[{t}] {w}", any_tag, words)
    return st.one_of(
        line,
        st.builds(lambda level, text: Piece("#" * level + " ") + text, st.integers(1, 6), line),
        st.lists(line.map(lambda p: Piece("- ") + p), min_size=1, max_size=3).map(
            lambda items: _joined(items, "\n")
        ),
        line.map(lambda p: Piece("> ") + p),
        st.builds(
            lambda a, b: Piece("| a | b |\n| --- | --- |\n| ") + a + Piece(" | ") + b + Piece(" |"),
            line,
            line,
        ),
        code_line.map(lambda c: Piece(f"```\n{c}\n```", code=(c,))),
        code_line.map(lambda c: Piece(f"<div>\n{c}\n</div>")),
    )


tag_only_paragraphs = st.lists(any_tag.map(tag_piece), min_size=1, max_size=3).map(
    lambda tags: _joined(tags, " ")
)


def documents(inline: st.SearchStrategy[Piece], *, callouts: bool) -> st.SearchStrategy[Piece]:
    block = blocks(inline) | tag_only_paragraphs if callouts else blocks(inline)
    return st.lists(block, min_size=1, max_size=6).map(lambda b: _joined(b, "\n\n") + Piece("\n"))


plain_documents = documents(inline_plain, callouts=False)
tagged_documents = documents(inline_plain | inline_tagged, callouts=True)


# ------------------------------------------------------------------------ render


def render(text: str, *, with_extension: bool) -> tuple[str, list[Problem]]:
    problems: list[Problem] = []
    extensions: list[str | markdown.Extension] = list(BASE_EXTENSIONS)
    if with_extension:
        extensions.append(BimlExtension(report=problems.append))
    return markdown.Markdown(extensions=extensions).convert(text), problems


def _outside_callouts(element: Tag) -> bool:
    return element.find_parent("div", class_="biml") is None


def expanded_tags(html: str) -> int:
    soup = BeautifulSoup(html, "html.parser")
    callouts = soup.select("div.admonition.biml")
    inline = [e for e in soup.select(".biml-ref, .biml-unresolved") if _outside_callouts(e)]
    return len(callouts) + len(inline)


# ---------------------------------------------------------------------- properties


@PROPERTIES
@given(plain_documents)
@pytest.mark.slow
def test_without_tags_the_html_is_exactly_that_of_plain_markdown(document: Piece) -> None:
    html, problems = render(document.text, with_extension=True)
    assert html == render(document.text, with_extension=False)[0]
    assert problems == []


@PROPERTIES
@given(tagged_documents)
@pytest.mark.slow
def test_every_tag_written_in_prose_is_expanded_once(document: Piece) -> None:
    html, _ = render(document.text, with_extension=True)
    assert expanded_tags(html) == document.tags


@PROPERTIES
@given(tagged_documents)
@pytest.mark.slow
def test_code_is_never_altered(document: Piece) -> None:
    html, _ = render(document.text, with_extension=True)
    soup = BeautifulSoup(html, "html.parser")
    code_texts = [code.get_text() for code in soup.find_all("code")]
    for code in document.code:
        assert any(code in text for text in code_texts), (code, code_texts)
    for code in soup.find_all("code"):
        assert code.find(class_="biml-ref") is None
        assert code.find(class_="biml-unresolved") is None


@PROPERTIES
@given(tagged_documents)
@pytest.mark.slow
def test_each_unresolved_tag_is_reported(document: Piece) -> None:
    html, problems = render(document.text, with_extension=True)
    soup = BeautifulSoup(html, "html.parser")
    unresolved = [e for e in soup.select(".biml-unresolved") if _outside_callouts(e)]
    errors = [p for p in problems if "resolved to" not in p.message]  # mismatches resolve
    assert len(errors) == len(unresolved)
    for element in unresolved:
        # Shown as written, so nothing the author typed disappears.
        assert element.get_text().startswith("[") and element.get_text().endswith("]")


@PROPERTIES
@given(faulty_tags, st.sampled_from(["*", "**", "_"]))
def test_a_faulty_tag_inside_emphasis_is_expanded_once(tag: str, marker: str) -> None:
    html, problems = render(f"a {marker}[{tag}]{marker} b\n", with_extension=True)
    assert expanded_tags(html) == 1, html
    assert len(problems) == 1


def test_a_bracketed_link_text_inside_emphasis_is_expanded_once() -> None:
    problems: list[Problem] = []
    extension = BimlExtension(report=problems.append, link_text="[{tag}]")
    html = markdown.Markdown(extensions=[extension]).convert("a *[data:2:transfer]* b")
    soup = BeautifulSoup(html, "html.parser")
    assert len(soup.select("a.biml-ref")) == 1, html
    assert len(extension.take_citations()) == 1
