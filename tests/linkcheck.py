"""Link check of a built site: every internal link lands on a file, and on an id.

Reads only the output folder, so it checks what a browser would get. Every
``href`` and ``src`` in every HTML page counts, theme chrome included (SVG
links too); links with a scheme (``https:``, ``mailto:``...) are external and
skipped. A link ending in ``/`` lands on that folder's ``index.html``; a link
with a fragment must land on an HTML page holding that ``id`` (or ``name``).

Use it on any site::

    from tests.linkcheck import broken_links
    assert broken_links(Path("site")) == []
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

LINK_ATTRIBUTES = ("href", "src", "xlink:href")


@dataclass(frozen=True)
class BrokenLink:
    page: str  # HTML file holding the link, relative to the site folder
    link: str
    problem: str

    def __str__(self) -> str:
        return f"{self.page}: {self.link!r} {self.problem}"


class _PageScan(HTMLParser):
    """Ids and links of one page (a plain parser: a site has many large pages)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (name == "name" and tag == "a"):
                self.ids.add(value)
            elif name in LINK_ATTRIBUTES:
                self.links.append(value)

    handle_startendtag = handle_starttag


@dataclass
class _Site:
    root: Path
    _scans: dict[str, _PageScan] = field(default_factory=dict)

    def scan(self, page: str) -> _PageScan:
        if page not in self._scans:
            scan = _PageScan()
            scan.feed((self.root / page).read_text(encoding="utf-8"))
            scan.close()
            self._scans[page] = scan
        return self._scans[page]


def internal_target(page: str, link: str) -> tuple[str, str] | None:
    """(file relative to the site folder, fragment) a link of ``page`` lands on.

    ``None`` for external links. Links starting with ``/`` are read from the
    site's root, as when the site is served at the root of a host.
    """
    parts = urlsplit(link)
    if parts.scheme or parts.netloc:
        return None
    path = unquote(parts.path)
    if not path:
        return page, parts.fragment
    base = "" if path.startswith("/") else posixpath.dirname(page)
    target = posixpath.normpath(posixpath.join(base, path.lstrip("/")))
    if path.endswith("/") or target == ".":
        target = posixpath.join(target, "index.html")
    return target.removeprefix("./"), parts.fragment


def broken_links(site_dir: Path) -> list[BrokenLink]:
    """Every internal link of every HTML page under ``site_dir`` that lands nowhere."""
    site = _Site(site_dir)
    problems: list[BrokenLink] = []
    for path in sorted(site_dir.rglob("*.html")):
        page = path.relative_to(site_dir).as_posix()
        for link in site.scan(page).links:
            problem = _problem(site, page, link)
            if problem:
                problems.append(BrokenLink(page, link, problem))
    return problems


def _problem(site: _Site, page: str, link: str) -> str | None:
    landing = internal_target(page, link)
    if landing is None:
        return None
    target, fragment = landing
    file = site.root / target
    if file.is_dir():
        target, file = posixpath.join(target, "index.html"), file / "index.html"
    if not file.is_file():
        return f"-> {target} does not exist"
    if fragment and target.endswith(".html") and fragment not in site.scan(target).ids:
        return f"-> no id {fragment!r} in {target}"
    return None
