"""Hostile and awkward page text (issue 16): linear time, escaped terminal output,
tags in attributes left alone, any script in names, titles escaped once."""

from __future__ import annotations

import csv
import io
import json
import re
import textwrap
from collections.abc import Callable
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup
from mkdocs.utils.meta import get_data

from mkdocs_biml import CatalogIndex
from mkdocs_biml.core.problems import Problem
from mkdocs_biml.expansion.scanner import TAG_OR_SKIP, tag_lines
from mkdocs_biml.extension import BimlExtension
from mkdocs_biml.records.frontmatter import read_statuses
from tests.conftest import SiteBuilder
from tests.timing import cpu_seconds

CORPUS = Path(__file__).parent / "bad_catalogs"
TAG = "[data:2:transfer]"
EXTENSIONS = ["toc", "tables", "attr_list", "md_in_html", "footnotes", "admonition"]

# ------------------------------------------------------------------------ linear time

#: name -> (page text for size n, n for the conversions): shapes on which the
#: extension's own scans once took quadratic time or worse.
SHAPES: dict[str, tuple[Callable[[int], str], int]] = {
    "unclosed comments": (lambda n: "x " + "<!--a " * n + TAG + "\n", 3000),
    "a run of backticks": (lambda n: "`" * n + " " + TAG + "\n", 5000),
    "backtick runs of many lengths": (
        lambda n: "".join("`" * (i % 9 + 1) + "a " for i in range(n)) + TAG + "\n",
        3000,
    ),
    "backslashes": (lambda n: "\\" * n + TAG + "\n", 5000),
    "attribute-list braces": (lambda n: "{#a " * n + TAG + "\n", 3000),
    "a long line of candidates": (lambda n: f"{TAG} [x:1] [raw:3:storage] " * n + "\n", 250),
    "a line with a tag, many times": (
        lambda n: "".join(f"Line {i} cites {TAG}.\n\n" for i in range(n)),
        250,
    ),
    "many tags across multi-line HTML tags": (
        lambda n: f'<abbr\n title="{TAG}">t</abbr> {TAG}\n' * n,
        150,
    ),
}
#: Shapes on which Python-Markdown itself (without the extension) takes
#: quadratic time: only the extension's own scans can be held to linear time.
MARKDOWN_QUADRATIC: dict[str, tuple[Callable[[int], str], int]] = {
    "unclosed HTML tags": (lambda n: "x " + "<a " * n + TAG + "\n", 150),
    "unclosed attribute values": (lambda n: "x " + '<a title="x ' * n + TAG + "\n", 150),
    "tags in attributes": (lambda n: f'<abbr title="a > {TAG}">t</abbr> ' * n + "\n", 150),
    "opening brackets": (lambda n: "[" * n + TAG + "\n", 150),
    "unclosed links": (lambda n: "[a](b " * n + TAG + "\n", 100),
}
ALL_SHAPES = {**SHAPES, **MARKDOWN_QUADRATIC}


def _convert_seconds(text: str, index: CatalogIndex | None) -> float:
    def convert() -> None:
        extensions: list[object] = list(EXTENSIONS)
        if index is not None:
            extensions.append(BimlExtension(index=index, report=lambda problem: None))
        markdown.Markdown(extensions=extensions).convert(text)  # type: ignore[arg-type]

    return cpu_seconds(convert)


def _scan_seconds(text: str) -> float:
    """The extension's two scans: the inline processor's and the tag-line mapping's."""
    lines = text.split("\n")
    scan = re.compile(TAG_OR_SKIP)
    return cpu_seconds(lambda: (list(scan.finditer(text)), tag_lines(lines, lines)))


@pytest.mark.slow
@pytest.mark.parametrize("shape", list(ALL_SHAPES))
def test_the_extensions_scans_take_linear_time(shape: str) -> None:
    page, n = ALL_SHAPES[shape]
    n *= 10
    small, large = _scan_seconds(page(n)), _scan_seconds(page(4 * n))
    # Four times the text: at most eight times the time (linear, generously).
    assert large < 8 * small + 0.02, (small, large)


@pytest.mark.slow
@pytest.mark.parametrize("shape", list(ALL_SHAPES))
def test_conversion_stays_close_to_python_markdown_alone(shape: str, index: CatalogIndex) -> None:
    page, n = ALL_SHAPES[shape]
    plugin_n = _convert_seconds(page(n), index)
    plugin_4n = _convert_seconds(page(4 * n), index)
    bare_4n = _convert_seconds(page(4 * n), None)
    if shape not in MARKDOWN_QUADRATIC:
        assert plugin_4n < 8 * plugin_n + 0.05, (plugin_n, plugin_4n)
    # The extension adds a fraction of what Python-Markdown itself spends.
    assert plugin_4n < 3 * bare_4n + 0.1, (plugin_4n, bare_4n)
    assert plugin_4n < 3.0


def _front_matter(n: int) -> str:
    entries = "".join(f"  zz:{i}:thing {i}: mitigated\n" for i in range(n))
    return f"---\nbiml:\n{entries}  data:2:transfer: mitigated\n---\n\n# Page\n"


@pytest.mark.slow
def test_front_matter_takes_linear_time(index: CatalogIndex) -> None:
    def read(source: str) -> Callable[[], list[Problem]]:
        def run() -> list[Problem]:
            problems: list[Problem] = []
            _, meta = get_data(source)
            read_statuses(meta, "p.md", index, ["mitigated"], problems.append, source=source)
            return problems

        return run

    small, large = _front_matter(300), _front_matter(1200)
    problems = read(large)()
    assert len(problems) == 1200
    assert problems[-1].line == 1202  # still found: one table of entry lines
    seconds_small, seconds_large = cpu_seconds(read(small)), cpu_seconds(read(large))
    assert seconds_large < 8 * seconds_small + 0.05, (seconds_small, seconds_large)
    assert seconds_large < 3.0


# ------------------------------------------------------------------ terminal output


def test_control_characters_reach_the_terminal_escaped(site: SiteBuilder) -> None:
    page = (
        '---\nbiml:\n  "\\e[31mdata:2:transfer": mitigated\n  data:2:transfer: "\\e[2J"\n---\n\n'
        "Text [data:2:tr\x1b[0mansfer] and [data:9:\x07bell\u202eevil].\n"
    )
    built = site({"index.md": page})
    assert built.error is None, built.failure()
    warnings = built.biml_warnings()
    assert len(warnings) == 3, warnings
    for warning in warnings:
        assert not any(ord(char) < 0x20 or char == "\u202e" for char in warning), warning
    joined = "\n".join(warnings)
    assert "index.md:3: front matter: unknown tag [\\x1b[31mdata:2:transfer]" in joined
    assert "\\x07bell\\u202eevil" in joined
    assert "'\\x1b[2J'" in joined  # repr() of a bad status escapes too


def test_a_problem_escapes_its_path_and_message_once() -> None:
    problem = Problem("we\x1bird.md", 3, None, "unknown tag [a:1:\x1b]\x85\x7f")
    assert str(problem) == "we\\x1bird.md:3: unknown tag [a:1:\\x1b]\\x85\\x7f"
    assert Problem(problem.path, 3, None, problem.message) == problem  # idempotent


# ------------------------------------------------------------------- tags in attributes


def _convert(text: str, index: CatalogIndex) -> BeautifulSoup:
    html = markdown.markdown(
        textwrap.dedent(text), extensions=[*EXTENSIONS, BimlExtension(index=index)]
    )
    return BeautifulSoup(html, "html.parser")


@pytest.mark.parametrize(
    "markup",
    [
        f'<abbr title="x > y {TAG}">T</abbr>',
        f"<abbr title='x > y {TAG}'>T</abbr>",
        f"<abbr title='it\"s > {TAG}'>T</abbr>",
        f'<abbr title="it\'s > {TAG}">T</abbr>',
        f'<abbr class=a title="x > {TAG}" lang=en>T</abbr>',
        f'<abbr\n  title="x >\n  {TAG}"\n  lang=en>T</abbr>',
        f"<img alt='{TAG}' src=a.png>T",
        f'<abbr title="{TAG}"/>T',
    ],
)
def test_a_tag_inside_an_attribute_is_left_alone(markup: str, index: CatalogIndex) -> None:
    soup = _convert(f"Before {markup} after [raw:3:storage].\n", index)
    (link,) = soup.select("a.biml-ref")
    assert link["data-biml-tag"] == "raw:3:storage"
    element = soup.find(["abbr", "img"])
    assert element is not None
    assert TAG in str(element.get("title") or element.get("alt"))
    assert soup.get_text().rstrip().endswith("after Raw data storage.")


def test_a_tag_in_an_unquoted_attribute_value_is_left_alone(index: CatalogIndex) -> None:
    soup = _convert(f"A <span data-x={TAG}>s</span> and {TAG}.\n", index)
    span = soup.find("span")
    assert span is not None and span["data-x"] == TAG
    assert len(soup.select("a.biml-ref")) == 1


def test_attributes_inside_markdown_in_html_blocks(index: CatalogIndex) -> None:
    soup = _convert(
        f"""\
        <div markdown="1" title="{TAG}">
        A <abbr title="a > {TAG}">T</abbr> and {TAG}.
        </div>
        """,
        index,
    )
    div, abbr = soup.find("div"), soup.find("abbr")
    assert div is not None and div["title"] == TAG
    assert abbr is not None and abbr["title"] == f"a > {TAG}"
    assert len(soup.select("a.biml-ref")) == 1


def test_a_real_site_reports_the_tag_after_an_attribute_at_its_line(site: SiteBuilder) -> None:
    page = '# P\n\nA <abbr title="x > [data:2:transfr]">T</abbr>\nand [data:2:transfr].\n'
    built = site({"index.md": page}, strict=True)
    (abbr,) = built.content("index.md").find_all("abbr")
    assert abbr["title"] == "x > [data:2:transfr]"
    warnings = built.biml_warnings()
    assert len(warnings) == 1 and "index.md:4:" in warnings[0], warnings


# ------------------------------------------------------------ front-matter suggestions


@pytest.mark.parametrize("key", ["dta:2", "Dat:2", "dta:2:transfer", "data-2-transfer"])
def test_front_matter_mistakes_get_suggestions(key: str, index: CatalogIndex) -> None:
    problems: list[Problem] = []
    read_statuses({"biml": {key: "mitigated"}}, "p.md", index, ["mitigated"], problems.append)
    (problem,) = problems
    assert "did you mean [data:2:transfer]" in problem.message


# --------------------------------------------------------- component names in any script


@pytest.mark.parametrize("names", [("数据", "训练"), ("ÆØÅ", "Ωμέγα"), ("Данные", "🚀")])
def test_component_names_in_any_script_build(
    names: tuple[str, str], site: SiteBuilder, tmp_path: Path
) -> None:
    text = (CORPUS / "_valid.yaml").read_text(encoding="utf-8")
    text = text.replace('name: "Data intake"', f'name: "{names[0]}"')
    text = text.replace('name: "Training"', f'name: "{names[1]}"')
    (tmp_path / "any.yaml").write_text(text, encoding="utf-8")
    built = site(
        {"index.md": "See [TINY:intake:1:leak] and [TINY:train:1:drift].\n"},
        {"plugins": [{"biml": {"catalogs": ["any.yaml"]}}]},
        strict=True,
    )
    assert built.error is None, built.failure()
    for page, name in zip(("biml/tiny/intake.md", "biml/tiny/train.md"), names):
        heading = built.content(page).find("h1")
        assert heading is not None and name in heading.get_text()
        assert heading.get("id")
    for link in built.content("index.md").select("a.biml-ref"):
        assert built.has_target("index.md", link["href"])


# ------------------------------------------------------------------ escaped once


def test_titles_and_options_are_escaped_exactly_once(site: SiteBuilder) -> None:
    pages = {
        "index.md": "# A & B <i>\n\nWe cite [data:2:transfer].\n".replace(" <i>", ""),
        "ops.md": "---\nbiml:\n  data:2:transfer: <b>done</b> & dusted\n---\n\n# C &amp; D\n",
    }
    options = {"nav_title": "<b>Risks</b> & more", "statuses": ["<b>done</b> & dusted", "open"]}
    built = site(pages, {"plugins": [{"biml": options}]}, strict=True)
    assert built.error is None, built.failure()
    component = built.content("biml/data.md")
    titles = [
        a.get_text() for a in component.select(".biml-backlinks[data-biml-tag='data:2:transfer'] a")
    ]
    assert sorted(titles) == ["A & B", "C & D"]
    status = component.select_one(".biml-status")
    assert status is not None and status.get_text() == "<b>done</b> & dusted"
    coverage = built.content("biml/coverage.md")
    assert "statuses (<b>done</b> & dusted, open)" in coverage.get_text()
    assert coverage.find("b") is None
    nav = built.soup("index.md").get_text()
    assert "<b>Risks</b> & more" in nav
    document = json.loads((built.site_dir / "biml/risk-register.json").read_text("utf-8"))
    (row,) = [r for r in document["risks"] if r["tag"] == "data:2:transfer"]
    assert sorted(p["title"] for p in row["pages"]) == ["A & B", "C & D"]
    raw = (built.site_dir / "biml/risk-register.csv").read_bytes().decode("utf-8-sig")
    (line,) = [r for r in csv.DictReader(io.StringIO(raw)) if r["tag"] == "data:2:transfer"]
    assert line["statuses"] == "<b>done</b> & dusted"


@pytest.mark.parametrize(
    "entry",
    [
        "dta:2:transfer: mitigated",
        '"[dta:2:transfer]": mitigated',
        "'dta:2:transfer': mitigated",
        '"dta:2:\\x74ransfer": mitigated',
        "{ok:1: x, dta:2:transfer: mitigated}",
    ],
)
def test_front_matter_problems_name_the_entry_line(entry: str, index: CatalogIndex) -> None:
    source = f"---\ntitle: T\nbiml:\n  raw:1:data confidentiality: mitigated\n  {entry}\n---\n"
    if entry.startswith("{"):
        source = f"---\ntitle: T\nbiml: {entry}\n---\n"
    _, meta = get_data(source)
    problems: list[Problem] = []
    allowed = ["mitigated"]
    read_statuses(meta, "p.md", index, allowed, problems.append, source=source)
    wanted = [p for p in problems if "dta:2:transfer" in p.message]
    assert len(wanted) == 1, problems
    assert wanted[0].line == (3 if entry.startswith("{") else 5)
