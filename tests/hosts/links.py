"""A built site read back from its output folder, whatever host built it.

Broken links are found by :func:`tests.linkcheck.broken_links` (every page,
theme included); this adds where a given page's links land, and the content
and ids of pages, so tests can check that a tag links to the *right* anchor,
not just to an existing one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from tests.linkcheck import broken_links, internal_target

CONTENT = 'div[role="main"], article.md-content__inner, div.rst-content'


@dataclass(frozen=True)
class Landing:
    target: str  # output file, relative to the site folder
    fragment: str


class SiteLinks:
    def __init__(self, site_dir: Path) -> None:
        self.site_dir = site_dir
        self._soups: dict[str, BeautifulSoup] = {}

    def broken(self) -> list[str]:
        return [str(link) for link in broken_links(self.site_dir)]

    def landings(self, page: str, css: str) -> list[Landing]:
        """Where the links of ``page`` matching ``css`` (e.g. ``a.biml-ref``) land, in order."""
        landings = []
        for anchor in self.content(page).select(css):
            landing = internal_target(page, str(anchor.get("href", "")))
            assert landing is not None, f"{page}: external link {anchor}"
            target, fragment = landing
            if (self.site_dir / target).is_dir():
                target = f"{target}/index.html"
            landings.append(Landing(target, fragment))
        return landings

    def ids(self, page: str) -> set[str]:
        if not (self.site_dir / page).is_file():
            return set()
        return {str(element["id"]) for element in self.soup(page).select("[id]")}

    def soup(self, page: str) -> BeautifulSoup:
        if page not in self._soups:
            html = (self.site_dir / page).read_text(encoding="utf-8")
            self._soups[page] = BeautifulSoup(html, "html.parser")
        return self._soups[page]

    def content(self, page: str) -> Tag:
        """The page's main content (the Markdown's HTML), without the theme."""
        main = self.soup(page).select_one(CONTENT)
        assert main is not None, f"no content element in {page}"
        return main
