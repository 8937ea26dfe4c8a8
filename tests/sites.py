"""Real MkDocs builds of small sites in temporary folders, for tests.

Nothing here imitates MkDocs: sites are built by ``mkdocs.commands.build``
(in process, for speed) or by the ``mkdocs`` command itself, and the HTML
is read back with BeautifulSoup.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup, Tag
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, BuildError, ConfigurationError

from mkdocs_biml.pages.render import PageGenerator


def heading_section(page: BeautifulSoup, anchor: str) -> list[Tag]:
    """The heading with id ``anchor`` and its siblings up to the next h1 or h2."""
    heading = page.find(id=anchor)
    assert isinstance(heading, Tag), f"no #{anchor}"
    found = [heading]
    for sibling in heading.find_next_siblings():
        if sibling.name in ("h1", "h2"):
            break
        found.append(sibling)
    return found


@dataclass
class BuiltSite:
    root: Path
    site_dir: Path
    messages: list[logging.LogRecord] = field(default_factory=list)
    error: Exception | None = None
    use_directory_urls: bool = True

    def html(self, src_uri: str) -> str:
        return self.output_path(src_uri).read_text(encoding="utf-8")

    def soup(self, src_uri: str) -> BeautifulSoup:
        return BeautifulSoup(self.html(src_uri), "html.parser")

    def content(self, src_uri: str) -> BeautifulSoup:
        """The page's main content (the Markdown's HTML), without theme chrome."""
        soup = self.soup(src_uri)
        main = soup.select_one('div[role="main"], article.md-content__inner, div.rst-content')
        assert main is not None, f"no content element in {src_uri}"
        return BeautifulSoup(str(main), "html.parser")

    def output_path(self, src_uri: str) -> Path:
        stem = src_uri.removesuffix(".md")
        if not self.use_directory_urls or stem == "index" or stem.endswith("/index"):
            return self.site_dir / f"{stem}.html"
        return self.site_dir / stem / "index.html"

    def follow(self, src_uri: str, href: str) -> tuple[Path, str]:
        """The output file and fragment that ``href``, found on page ``src_uri``, points at."""
        path, _, fragment = href.partition("#")
        page_file = self.output_path(src_uri)
        target = (page_file.parent / path).resolve() if path else page_file
        if target.is_dir():
            target = target / "index.html"
        return target, fragment

    def has_target(self, src_uri: str, href: str) -> bool:
        """Whether ``href`` on ``src_uri`` leads to an existing file and element id."""
        target, fragment = self.follow(src_uri, href)
        if not target.is_file():
            return False
        if not fragment:
            return True
        soup = BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")
        return soup.find(id=fragment) is not None

    def warnings(self) -> list[str]:
        return [r.getMessage() for r in self.messages if r.levelno >= logging.WARNING]

    def failure(self) -> str:
        """Why the build failed: the exception and every message logged as an error."""
        errors = [r.getMessage() for r in self.messages if r.levelno >= logging.ERROR]
        return "\n".join([str(self.error or ""), *errors])

    def biml_warnings(self) -> list[str]:
        return [m for m in self.warnings() if m.startswith("biml:")]


class Recorder(logging.Handler):
    def __init__(self, records: list[logging.LogRecord]) -> None:
        super().__init__(logging.DEBUG)
        self.records = records

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def write_site(
    root: Path, pages: Mapping[str, str], config: Mapping[str, Any] | None = None
) -> Path:
    """Write ``mkdocs.yml`` and the pages (dedented) under ``root``; return the config path."""
    settings: dict[str, Any] = {"site_name": "Test site", "plugins": ["biml"]}
    settings.update(config or {})
    docs = root / "docs"
    for src_uri, text in pages.items():
        path = docs / src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    docs.mkdir(parents=True, exist_ok=True)
    config_file = root / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")
    return config_file


def build_site(
    root: Path,
    pages: Mapping[str, str],
    config: Mapping[str, Any] | None = None,
    *,
    strict: bool = False,
) -> BuiltSite:
    """Build a site in process with MkDocs' own build; problems land in ``.error``."""
    config_file = write_site(root, pages, config)
    records: list[logging.LogRecord] = []
    handler = Recorder(records)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    site = BuiltSite(root, root / "site", records)
    try:
        cfg = load_config(str(config_file), strict=strict, site_dir=str(root / "site"))
        site.use_directory_urls = cfg.use_directory_urls
        build(cfg)
    except (Abort, BuildError, ConfigurationError) as exc:
        site.error = exc
    finally:
        logger.removeHandler(handler)
    return site


def run_mkdocs(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the real ``mkdocs`` command line in ``root``."""
    return run_module(root, "mkdocs", *args)


def run_module(root: Path, module: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run ``python -m module args`` in ``root``, as a user's shell would."""
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    return subprocess.run(
        [sys.executable, "-m", module, *args],
        cwd=root,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )


def record_page_renders(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """One entry per time the generated pages are rendered from their templates from now
    on (a serve rebuild that changed nothing they are made of reuses them)."""
    rendered: list[int] = []
    original = PageGenerator._render_pages

    def counted(self: PageGenerator) -> dict[str, str]:
        rendered.append(1)
        return original(self)

    monkeypatch.setattr(PageGenerator, "_render_pages", counted)
    return rendered
