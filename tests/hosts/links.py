"""Links of a built site, checked against the files and ids really written.

Host-neutral: it reads only the output folder, so the same check runs over
MkDocs, ProperDocs and Zensical builds. Only the pages' main content is read
(the author's and the framework's links), not the theme's chrome.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup, Tag

CONTENT = 'div[role="main"], article.md-content__inner, div.rst-content'


@dataclass(frozen=True)
class Link:
    page: str  # output file, relative to the site folder
    href: str
    target: str  # output file it lands on, relative to the site folder
    fragment: str

    def __str__(self) -> str:
        return f"{self.page}: {self.href}"


class SiteLinks:
    """Every internal link in the content of every page of ``site_dir``."""

    def __init__(self, site_dir: Path) -> None:
        self.site_dir = site_dir
        self._soups: dict[str, BeautifulSoup] = {}
        self.links = [link for page in self._pages() for link in self._links_of(page)]

    def broken(self) -> list[str]:
        """Links to a missing file or to an id the target page does not have."""
        problems = []
        for link in self.links:
            if not (self.site_dir / link.target).is_file():
                problems.append(f"{link} -> {link.target} does not exist")
            elif link.fragment and link.fragment not in self.ids(link.target):
                problems.append(f"{link} -> no id {link.fragment!r} in {link.target}")
        return problems

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
        main = self.soup(page).select_one(CONTENT)
        assert main is not None, f"no content element in {page}"
        return main

    def from_page(self, page: str, css: str) -> list[Link]:
        """The links of ``page`` matching ``css`` (e.g. ``a.biml-ref``), in order."""
        anchors = self.content(page).select(css)
        return [self._resolve(page, str(a["href"])) for a in anchors if a.get("href")]

    def _pages(self) -> list[str]:
        return sorted(
            p.relative_to(self.site_dir).as_posix()
            for p in self.site_dir.rglob("*.html")
            if p.name != "404.html"
        )

    def _links_of(self, page: str) -> list[Link]:
        return [
            self._resolve(page, str(a["href"]))
            for a in self.content(page).select("a[href]")
            if _is_internal(str(a["href"]))
        ]

    def _resolve(self, page: str, href: str) -> Link:
        url = urlsplit(urljoin("/" + page, href))
        path = unquote(url.path).lstrip("/")
        if not path or path.endswith("/") or (self.site_dir / path).is_dir():
            path = posixpath.join(path, "index.html")
        return Link(page, href, posixpath.normpath(path), unquote(url.fragment))


def _is_internal(href: str) -> bool:
    parts = urlsplit(href)
    return not parts.scheme and not parts.netloc and href != "#"
