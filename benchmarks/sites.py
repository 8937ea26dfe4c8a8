"""Synthetic documentation sites, identical in prose, differing only in how they cite risks.

A site has ``pages`` pages of ordinary documentation prose (headings, paragraphs,
lists, tables, links, reference links, inline code and fenced code) in folders
of :data:`PAGES_PER_FOLDER`, and ``tags`` citations of BIML-78 risks per page,
drawn deterministically (the same risks in the same places for every variant).
About one citation in five stands alone in its paragraph (a callout with the
plugin); the others sit inside sentences, list items and table cells. Code
spans and fenced blocks also hold tag-like text, which must stay literal.

Variants (:data:`VARIANTS`) write the same citations in their own syntax:

* ``plain``: ``[data:2:transfer]`` as literal text, ``plugins: [search]`` only.
  The baseline every other variant is compared with.
* ``biml``: the same sources with ``plugins: [search, biml]``.
* ``autorefs``: ``[Data transfer][data-2-transfer]`` with mkdocs-autorefs, and
  hand-written risk pages whose headings carry those anchors (the pages the
  biml plugin generates by itself).
* ``ezglossary``: ``<biml:data-2-transfer>`` with mkdocs-ezglossary-plugin, and
  hand-written risk pages defining each term in a definition list.
* ``output``: no plugin, the plugin's output pasted in. Each citation is a
  token that Markdown leaves alone; a hook (:data:`OUTPUT_HOOK`) replaces each
  in the page's HTML by the HTML the plugin makes of that tag (link or
  callout), and the framework pages are the files ``mkdocs-biml generate``
  writes. What MkDocs spends on the plugin's output alone, whatever the code
  making it: the floor under the plugin's cost. Not included: backlinks,
  coverage and the register, which need the whole site.

Usage::

    python -m benchmarks.sites /tmp/site --variant biml --pages 100 --tags 20
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from markdown.util import AMP_SUBSTITUTE
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from mkdocs_biml import CatalogIndex, Risk, load_catalog
from mkdocs_biml.catalog.texts import CitationToken, TagToken, Text, tokenize
from mkdocs_biml.cli.generate import generate_pages
from mkdocs_biml.extension import BimlExtension

PAGES_PER_FOLDER = 50
#: One citation in CALLOUT_EVERY stands alone in its paragraph.
CALLOUT_EVERY = 5
#: Extensions every variant uses: MkDocs' defaults (toc, tables, fenced_code)
#: plus the common ones the peers need (attr_list for anchors, def_list for
#: glossary definitions).
MARKDOWN_EXTENSIONS: list[Any] = [
    "admonition",
    "attr_list",
    "def_list",
    "footnotes",
    {"toc": {"permalink": True}},
]

_VOCABULARY = (
    "model training data pipeline feature label dataset inference service request "
    "response latency batch stream schema record field version release deployment "
    "cluster node storage bucket access policy review audit owner team process input "
    "output vector embedding threshold metric accuracy drift monitor alert dashboard "
    "report config option default value parameter weight layer network gradient loss "
    "sample split validation test holdout baseline experiment result table column row "
    "query index cache queue worker job schedule retry timeout error warning log trace"
)
_WORDS = _VOCABULARY.split()


@dataclass(frozen=True)
class Syntax:
    """How one variant writes a citation, and which pages and plugins it needs."""

    name: str
    plugins: list[Any]
    cite: Callable[[Risk], str]
    #: Writes the risk pages a peer needs by hand; ``None`` when none are needed.
    risk_pages: Callable[[CatalogIndex], dict[str, str]] | None = None
    #: A citation standing alone in its paragraph, when written unlike ``cite``.
    cite_alone: Callable[[Risk], str] | None = None
    #: Files beside ``mkdocs.yml`` (path -> text), and settings they need in it.
    site_files: Callable[[CatalogIndex], dict[str, str]] | None = None
    config: dict[str, Any] | None = None

    def standalone(self, risk: Risk) -> str:
        return (self.cite_alone or self.cite)(risk)


def _biml_tag(risk: Risk) -> str:
    return f"[{risk.qualified_tag}]"


def _autorefs_link(risk: Risk) -> str:
    return f"[{risk.title}][{risk.anchor}]"


def _glossary_term(risk: Risk) -> str:
    return f"<biml:{risk.anchor}>"


def _catalog_text(text: str, index: CatalogIndex, cite: Callable[[Risk], str]) -> str:
    """A catalogue text with its own tags in a peer's syntax and citations as plain text."""
    catalog = next(iter(index.catalogs.values()))
    parts: list[str] = []
    for token in tokenize(text, catalog, index):
        if isinstance(token, Text):
            parts.append(token.text)
        elif isinstance(token, TagToken) and token.resolution.risk is not None:
            parts.append(cite(token.resolution.risk))
        elif isinstance(token, CitationToken):
            parts.append(f"(ref. {token.number})")
        else:
            parts.append(token.written)
    return "".join(parts)


def _autorefs_pages(index: CatalogIndex) -> dict[str, str]:
    pages = {"risks/index.md": "# Risk framework\n"}
    for catalog in index.catalogs.values():
        for component in catalog.components:
            lines = [f"# {component.name}\n"]
            for risk in component.risks:
                text = _catalog_text(risk.description, index, _autorefs_link)
                lines.append(f"## {risk.title} {{#{risk.anchor}}}\n\n{text}\n")
            pages[f"risks/{component.slug}.md"] = "\n".join(lines)
    return pages


def _glossary_pages(index: CatalogIndex) -> dict[str, str]:
    pages = {"risks/index.md": "# Risk framework\n"}
    for catalog in index.catalogs.values():
        for component in catalog.components:
            lines = [f"# {component.name}\n"]
            for risk in component.risks:
                text = _catalog_text(risk.description, index, _glossary_term)
                body = "\n    ".join(text.splitlines())
                lines.append(f"biml:{risk.anchor}\n:   {body}\n")
            pages[f"risks/{component.slug}.md"] = "\n".join(lines)
    return pages


@cache
def _plugin_output() -> BimlExtension:
    """The extension as the plugin sets it up, on a page of the synthetic sites.

    Every synthetic page sits two folders deep (``part-01/page-0001/``), so
    one page's links are right for all of them.
    """
    extension = BimlExtension()
    urls = {src: _url(src) for src in _framework_pages()}
    extension.use_final_urls(urls, get_relative_url)
    extension.begin_page(page_path(1), url=_url(page_path(1)))
    return extension


def _url(src_uri: str) -> str:
    """The page's URL as MkDocs makes it with ``use_directory_urls``."""
    return File(src_uri, None, "", use_directory_urls=True).url


#: The ``output`` variant's hook: tokens in a page's HTML become the plugin's HTML.
OUTPUT_HOOK = """\
import json
import re
from pathlib import Path

HTML = json.loads((Path(__file__).parent / "output.json").read_text("utf-8"))
TOKEN = re.compile(r"<p>(biml-output-callout-[0-9]+)</p>|biml-output-ref-[0-9]+")


def on_page_content(html, **kwargs):
    return TOKEN.sub(lambda m: HTML[m[1] or m[0]], html)
"""


def _output_ref(risk: Risk) -> str:
    return f"biml-output-ref-{_risk_number(risk)}"


def _output_callout(risk: Risk) -> str:
    return f"biml-output-callout-{_risk_number(risk)}"


@cache
def _numbered_risks() -> dict[str, tuple[int, Risk]]:
    """Each risk by tag (another load of the catalogue makes other objects)."""
    return {risk.qualified_tag: (n, risk) for n, risk in enumerate(load_catalog().risks())}


def _risk_number(risk: Risk) -> int:
    return _numbered_risks()[risk.qualified_tag][0]


def _output_files(index: CatalogIndex) -> dict[str, str]:
    serialized = _plugin_output().serialized
    assert serialized is not None
    html: dict[str, str] = {}
    for _, risk in _numbered_risks().values():
        # Stashed HTML keeps Python-Markdown's placeholder for "&" until its
        # last step, which the hook comes after.
        html[_output_ref(risk)] = serialized.html("ref", risk).replace(AMP_SUBSTITUTE, "&")
        callout = serialized.html("callout", risk).replace(AMP_SUBSTITUTE, "&")
        html[_output_callout(risk)] = callout
    return {"output.json": json.dumps(html), "output_hook.py": OUTPUT_HOOK}


def _generated_pages(index: CatalogIndex) -> dict[str, str]:
    return _framework_pages()


@cache
def _framework_pages() -> dict[str, str]:
    """Source path -> Markdown of the pages ``mkdocs-biml generate`` writes."""
    with tempfile.TemporaryDirectory(prefix="biml-bench-pages-") as folder:
        written = generate_pages(Path(folder)).written
        return {
            path: Path(folder, path).read_text("utf-8") for path in written if path.endswith(".md")
        }


VARIANTS: dict[str, Syntax] = {
    "plain": Syntax("plain", ["search"], _biml_tag),
    "biml": Syntax("biml", ["search", "biml"], _biml_tag),
    # The plugin doing what a linking peer does: every tag a link, no callouts.
    "biml-links": Syntax("biml-links", ["search", {"biml": {"callouts": False}}], _biml_tag),
    "autorefs": Syntax("autorefs", ["search", "autorefs"], _autorefs_link, _autorefs_pages),
    "ezglossary": Syntax("ezglossary", ["search", "ezglossary"], _glossary_term, _glossary_pages),
    "output": Syntax(
        "output",
        ["search"],
        _output_ref,
        _generated_pages,
        _output_callout,
        _output_files,
        {"hooks": ["output_hook.py"]},
    ),
}
PEERS = ("autorefs", "ezglossary")


# ------------------------------------------------------------------------------ prose


class PageWriter:
    """Writes one page; every random draw is independent of the syntax used."""

    def __init__(self, number: int, pages: int, tags: int, risks: list[Risk], syntax: Syntax):
        self.number, self.pages, self.syntax = number, pages, syntax
        self.rng = random.Random(f"page-{number}")
        cited = self.rng.choices(risks, k=tags)
        callouts = tags // CALLOUT_EVERY
        self.callouts, self.inline = cited[:callouts], cited[callouts:]
        self.literal = self.rng.choice(risks)

    def words(self, low: int, high: int) -> str:
        return " ".join(self.rng.choices(_WORDS, k=self.rng.randint(low, high)))

    def sentence(self, cite: Risk | None = None) -> str:
        text = self.words(6, 14)
        if cite is not None:
            text += f" {self.syntax.cite(cite)} {self.words(2, 6)}"
        return text[0].upper() + text[1:] + "."

    def paragraph(self, cites: list[Risk]) -> str:
        sentences = [self.sentence() for _ in range(self.rng.randint(3, 5))]
        for cite in cites:
            sentences.insert(self.rng.randint(0, len(sentences)), self.sentence(cite))
        return " ".join(sentences)

    def take(self, count: int) -> list[Risk]:
        taken, self.inline = self.inline[:count], self.inline[count:]
        return taken

    def sibling_link(self) -> str:
        folder_start = (self.number - 1) // PAGES_PER_FOLDER * PAGES_PER_FOLDER + 1
        last = min(folder_start + PAGES_PER_FOLDER - 1, self.pages)
        target = self.rng.randint(folder_start, last)
        return f"[{self.words(1, 3)}]({page_name(target)})"

    def markdown(self) -> str:
        blocks = [f"# {self.words(2, 5).title()}", self.paragraph(self.take(1))]
        section = 0
        while self.inline or self.callouts:
            section += 1
            blocks.extend(self.section(section))
        blocks.append(f"[ref-{self.number}]: https://example.org/docs/{self.number}")
        return "\n\n".join(blocks) + "\n"

    def section(self, section: int) -> Iterator[str]:
        yield f"## {self.words(2, 4).title()}"
        yield (
            f"{self.paragraph(self.take(2))} See {self.sibling_link()}, "
            f"the [{self.words(1, 2)}][ref-{self.number}] and "
            f"[{self.words(1, 2)}](https://example.org/{self.words(1, 1)}/)."
        )
        yield "\n".join(f"- {self.sentence(cite)}" for cite in [*self.take(1), None, None][:3])
        if self.callouts:
            yield self.syntax.standalone(self.callouts.pop())
        if section % 2:
            yield self.table(self.take(1))
        if section % 3 == 1:
            yield self.code()
        yield (
            f"Write `{self.literal.qualified_tag}` or `[{self.literal.qualified_tag}]` in "
            f"code spans: {self.sentence()}"
        )

    def table(self, cites: list[Risk]) -> str:
        rows = ["| Item | Notes | Count |", "| --- | --- | ---: |"]
        for row in range(4):
            cite = self.syntax.cite(cites[0]) if cites and row == 1 else self.words(1, 2)
            rows.append(f"| {self.words(1, 2)} | {cite} | {self.rng.randint(1, 999)} |")
        return "\n".join(rows)

    def code(self) -> str:
        tag = self.literal.qualified_tag
        return (
            "```python\n"
            f"# [{tag}] stays literal inside code\n"
            f'risks = load_risks("[{tag}]")\n'
            f"for {self.words(1, 1)} in risks:\n"
            f'    print({self.words(1, 1)!r}, "[data:2:transfer]")\n'
            "```"
        )


def page_name(number: int) -> str:
    return f"page-{number:04d}.md"


def page_path(number: int) -> str:
    folder = (number - 1) // PAGES_PER_FOLDER + 1
    return f"part-{folder:02d}/{page_name(number)}"


# ------------------------------------------------------------------------------ sites


def site_pages(variant: str, pages: int, tags: int, index: CatalogIndex) -> dict[str, str]:
    """Every source page of a site, by path under ``docs/``."""
    syntax = VARIANTS[variant]
    risks = list(index.risks())
    sources = {"index.md": "# Synthetic documentation\n\nA generated site for benchmarks.\n"}
    for number in range(1, pages + 1):
        sources[page_path(number)] = PageWriter(number, pages, tags, risks, syntax).markdown()
    if syntax.risk_pages is not None:
        sources.update(syntax.risk_pages(index))
    return sources


def site_config(variant: str) -> dict[str, Any]:
    return {
        "site_name": f"Benchmark ({variant})",
        "theme": {"name": "mkdocs"},
        "markdown_extensions": MARKDOWN_EXTENSIONS,
        "plugins": VARIANTS[variant].plugins,
        **(VARIANTS[variant].config or {}),
    }


def write_site(
    root: Path, variant: str, pages: int, tags: int, index: CatalogIndex | None = None
) -> Path:
    """Write ``root/mkdocs.yml`` and ``root/docs/``; return the config file's path."""
    index = index or CatalogIndex([load_catalog()])
    for src_uri, text in site_pages(variant, pages, tags, index).items():
        path = root / "docs" / src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    site_files = VARIANTS[variant].site_files
    for name, text in (site_files(index) if site_files else {}).items():
        (root / name).write_text(text, encoding="utf-8")
    config_file = root / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(site_config(variant), sort_keys=False), "utf-8")
    return config_file


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", type=Path, help="folder to write mkdocs.yml and docs/ into")
    parser.add_argument("--variant", choices=list(VARIANTS), default="biml")
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--tags", type=int, default=20)
    args = parser.parse_args()
    print(write_site(args.root, args.variant, args.pages, args.tags))


if __name__ == "__main__":
    main()
