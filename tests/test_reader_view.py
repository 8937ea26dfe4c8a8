"""What readers and search see on the generated pages, on the MkDocs theme and Material.

Every id and anchor, the heading texts and ids, the table of contents the theme
shows, every link (target, text, hover text), the page's words and the search
index's entries of the generated pages are compared with a record
(``tests/snapshots/reader-view-THEME.json``) made from the pages as they were
when they went through Python-Markdown whole. How the HTML is made may change;
what a reader or the search box meets may not.

To record the view again after a deliberate change of the pages:
``BIML_RECORD_READER_VIEW=1 python -m pytest tests/test_reader_view.py``.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag

from tests.sites import BuiltSite, build_site

pytestmark = pytest.mark.slow

SNAPSHOTS = Path(__file__).parent / "snapshots"
PAGES = {
    "index.md": "# Home\n\nPipelines: [data:2:transfer] and [raw:1:data confidentiality].\n",
    "ops.md": """\
        ---
        biml:
          raw:4:legal: accepted
          data:2:transfer: mitigated
        ---

        # Operations

        [raw:4:legal]

        Training uses [inference:3:hyperparameters] and [alg:1:online].
        """,
}
THEMES: dict[str, dict[str, Any]] = {
    "mkdocs": {"theme": "mkdocs", "plugins": ["search", "biml"]},
    "material": {"theme": {"name": "material"}, "plugins": ["search", "biml"]},
}
#: Where each theme puts the page's table of contents.
TOC = ".bs-sidebar a[href], nav.md-nav--secondary a[href]"


def _words(text: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", text).split())


def _digest(text: str) -> str:
    return hashlib.sha256(_words(text).encode()).hexdigest()[:16]


def _generated_pages(site: BuiltSite) -> list[str]:
    pages = sorted(p.relative_to(site.site_dir) for p in (site.site_dir / "biml").rglob("*.html"))
    return [str(p) for p in pages]


def _page_view(site: BuiltSite, output: str) -> dict[str, Any]:
    soup = BeautifulSoup((site.site_dir / output).read_text("utf-8"), "html.parser")
    main = soup.select_one('div[role="main"], article.md-content__inner')
    assert isinstance(main, Tag), output
    headings = main.find_all(re.compile(r"^h[1-6]$"))
    return {
        "ids": [str(element["id"]) for element in main.find_all(id=True)],
        "headings": [[h.name, h.get("id"), _words(h.get_text())] for h in headings],
        "toc": [[a["href"], _words(a.get_text())] for a in soup.select(TOC)],
        "links": [
            [
                a.get("href") or a.get("xlink:href"),
                _words(a.get_text()),
                a.get("title"),
                " ".join(a.get("class") or []),
            ]
            for a in main.find_all("a")
        ],
        "words": _digest(main.get_text(" ")),
        # Which elements, with which classes, in which order: how the page looks.
        "elements": _digest(
            " ".join(f"{e.name}.{'.'.join(e.get('class') or [])}" for e in main.find_all(True))
        ),
    }


def _search_view(site: BuiltSite) -> list[list[str]]:
    index = json.loads((site.site_dir / "search" / "search_index.json").read_text("utf-8"))
    generated = "biml/"
    return [
        [entry["location"], _words(entry["title"]), _digest(entry["text"])]
        for entry in index["docs"]
        if entry["location"].startswith(generated)
    ]


def reader_view(site: BuiltSite) -> dict[str, Any]:
    return {
        "pages": {output: _page_view(site, output) for output in _generated_pages(site)},
        "search": _search_view(site),
    }


@pytest.fixture(scope="module", params=sorted(THEMES))
def theme(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="module")
def view(theme: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    site = build_site(tmp_path_factory.mktemp(f"reader-{theme}"), PAGES, THEMES[theme])
    assert site.error is None, site.failure()
    return reader_view(site)


def _recorded(theme: str, view: dict[str, Any]) -> dict[str, Any]:
    path = SNAPSHOTS / f"reader-view-{theme}.json"
    if os.environ.get("BIML_RECORD_READER_VIEW"):
        path.write_text(json.dumps(view, indent=1, ensure_ascii=False) + "\n", "utf-8")
    recorded: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return recorded


def test_the_same_pages_are_generated(theme: str, view: dict[str, Any]) -> None:
    assert sorted(view["pages"]) == sorted(_recorded(theme, view)["pages"])


@pytest.mark.parametrize("part", ["ids", "headings", "toc", "links", "words", "elements"])
def test_every_page_shows_readers_what_it_did(theme: str, view: dict[str, Any], part: str) -> None:
    recorded = _recorded(theme, view)["pages"]
    for output, page in view["pages"].items():
        assert page[part] == recorded[output][part], f"{output}: {part}"


def test_search_has_the_same_entries(theme: str, view: dict[str, Any]) -> None:
    recorded = _recorded(theme, view)["search"]
    assert [entry[:2] for entry in view["search"]] == [entry[:2] for entry in recorded]
    assert view["search"] == recorded


def test_tags_in_bimls_text_are_the_links_an_authors_tag_makes(tmp_path: Path) -> None:
    """Same link_text, hover summary and target as the extension's link on a page."""
    tag = "input:1:adversarial examples"
    pages = {"index.md": f"# Home\n\nSee [{tag}] here.\n"}
    config = {"plugins": [{"biml": {"link_text": "{tag} ({catalog})"}}]}
    site = build_site(tmp_path, pages, config)
    assert site.error is None, site.failure()

    def reference(src_uri: str) -> Tag:
        found = site.content(src_uri).select_one(f'a.biml-ref[data-biml-tag="{tag}"]')
        assert isinstance(found, Tag), src_uri
        return found

    authors, bimls = reference("index.md"), reference("biml/index.md")  # the Top Ten's text
    assert bimls.get_text() == authors.get_text() == f"{tag} (BIML-78)"
    assert bimls["title"] == authors["title"]
    assert site.follow("biml/index.md", str(bimls["href"])) == site.follow(
        "index.md", str(authors["href"])
    )
    assert site.has_target("biml/index.md", str(bimls["href"]))
