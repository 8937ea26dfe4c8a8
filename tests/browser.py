"""A real headless Chromium for tests, and the sites it visits.

Debian's ``chromium`` is driven by Playwright's Python package (never by a
browser that Playwright downloads). Built sites are served over HTTP on
127.0.0.1; every request elsewhere is blocked and recorded, so a test that
passes proves that the pages need no network.

Without Chromium or Playwright the browser tests skip, saying why, unless
``BIML_REQUIRE_BROWSER=1`` (set by CI), where they fail instead.
``BIML_CHROMIUM=/path/to/chromium`` drives another Chromium build (never one
that Playwright downloads).

Test modules wrap ``launch_chromium``, ``serve`` and ``OfflinePages`` in
fixtures of the scope they need (one browser per module).
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import importlib.util
import os
import re
import shutil
import threading
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Route

REQUIRE_ENV = "BIML_REQUIRE_BROWSER"
CHROMIUM_ENV = "BIML_CHROMIUM"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
HOST = "127.0.0.1"
VIEWPORT = {"width": 1200, "height": 900}
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
PRINTS = ARTIFACTS / "print"


# -- is there a browser? ------------------------------------------------------------------


def chromium_path() -> str | None:
    """The Chromium to drive: ``$BIML_CHROMIUM`` if set, else Debian's, else one on PATH."""
    chosen = os.environ.get(CHROMIUM_ENV)
    if chosen:
        return chosen if Path(chosen).is_file() else None
    return CHROMIUM if Path(CHROMIUM).is_file() else shutil.which("chromium")


def missing_browser() -> str | None:
    """Why no browser test can run here, or ``None`` when one can."""
    if importlib.util.find_spec("playwright") is None:
        return "the Python package 'playwright' is not installed (pip install playwright)"
    if chromium_path() is None:
        where = os.environ.get(CHROMIUM_ENV) or CHROMIUM
        return f"no Chromium at {where} (Debian: apt-get install chromium; or set {CHROMIUM_ENV})"
    return None


def require_browser() -> None:
    """Skip the calling test without a browser; fail it instead when CI requires one."""
    reason = missing_browser()
    if reason is None:
        return
    if os.environ.get(REQUIRE_ENV) == "1":
        pytest.fail(f"browser tests are required ({REQUIRE_ENV}=1) but {reason}")
    pytest.skip(f"browser tests skipped: {reason}")


def _sync_api() -> Any:
    return importlib.import_module("playwright.sync_api")


def expect(target: Any) -> Any:
    """Playwright's ``expect``, imported only when a browser test runs (so that this
    module loads, and its tests skip, without Playwright)."""
    return _sync_api().expect(target)


@contextlib.contextmanager
def launch_chromium() -> Iterator[Browser]:
    """A headless Chromium (skips or fails the test without one: see ``require_browser``).

    Playwright starts it with a fresh temporary profile (its own
    ``--user-data-dir``) and deletes that when the browser closes.
    """
    require_browser()
    executable = chromium_path()
    with _sync_api().sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield browser
        finally:
            browser.close()


# -- serving built sites ------------------------------------------------------------------


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a browser that stops reading (a page left early) is no error here


@dataclass
class SiteServer:
    """Serves ``root`` (any number of built sites in folders) on 127.0.0.1."""

    root: Path
    port: int

    def url(self, path: str = "") -> str:
        return f"http://{HOST}:{self.port}/{path.lstrip('/')}"


@contextlib.contextmanager
def serve(root: Path) -> Iterator[SiteServer]:
    """Serve the files under ``root`` over HTTP on 127.0.0.1, on a free port."""
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = _QuietServer((HOST, 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield SiteServer(root, server.server_address[1])
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


# -- pages that cannot reach the network ------------------------------------------------------


@dataclass
class OfflinePage:
    """A browser page whose requests off 127.0.0.1 are aborted and listed in ``blocked``;
    uncaught script errors are listed in ``errors``."""

    page: Page
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def block_off_host(self, route: Route) -> None:
        if urlsplit(route.request.url).hostname == HOST:
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()


@contextlib.contextmanager
def offline_page(browser: Browser, **context_options: Any) -> Iterator[OfflinePage]:
    """A page in a fresh browser context (options such as ``color_scheme``), offline."""
    context = browser.new_context(**context_options)
    context.set_default_timeout(5000)
    try:
        offline = OfflinePage(context.new_page())
        context.route("**/*", offline.block_off_host)
        offline.page.on("pageerror", lambda error: offline.errors.append(error.stack or str(error)))
        yield offline
    finally:
        context.close()


PageOpener = Callable[..., "Page"]


class OfflinePages:
    """Pages opened at a URL, each in a fresh offline context, closed together.

    ``blocked`` and ``errors`` gather what every page tried to fetch off
    127.0.0.1 and the script errors it raised.
    """

    def __init__(self, browser: Browser) -> None:
        self.browser = browser
        self.opened: list[OfflinePage] = []
        self.stack = contextlib.ExitStack()

    def open(self, url: str, **context_options: Any) -> Page:
        options = {"viewport": VIEWPORT, **context_options}
        offline = self.stack.enter_context(offline_page(self.browser, **options))
        self.opened.append(offline)
        offline.page.goto(url)
        return offline.page

    @property
    def blocked(self) -> list[str]:
        return [url for offline in self.opened for url in offline.blocked]

    @property
    def errors(self) -> list[str]:
        return [error for offline in self.opened for error in offline.errors]

    def __enter__(self) -> OfflinePages:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stack.close()


def screenshot(page: Page, name: str, selector: str | None = None) -> Path:
    """Save a PNG under test-artifacts/screenshots/ (the element's, or the viewport's)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    if selector is None:
        page.screenshot(path=str(path))
    else:
        page.locator(selector).first.screenshot(path=str(path))
    return path


def print_to_pdf(page: Page, name: str) -> Path:
    """Print the page as the browser's print dialog would (A4, print styles) into
    test-artifacts/print/<name>.pdf."""
    PRINTS.mkdir(parents=True, exist_ok=True)
    path = PRINTS / f"{name}.pdf"
    page.pdf(path=str(path), format="A4", print_background=True)
    return path


def pdf_text(path: Path) -> str:
    """The text of a PDF, whitespace collapsed to single spaces (lines break anywhere)
    and ligatures such as "ﬁ" spelt out (NFKC)."""
    reader = importlib.import_module("pypdf").PdfReader(str(path))
    text = " ".join(page.extract_text() for page in reader.pages)
    return " ".join(unicodedata.normalize("NFKC", text).split())


# -- accessibility audit (axe-core) ------------------------------------------------------------


def axe_violations(page: Page, within: str) -> dict[str, list[str]]:
    """axe-core's violations inside the elements ``within`` selects: rule id -> the
    elements that break it. axe-core comes bundled in the ``axe-playwright-python``
    package (no download at run time)."""
    axe = importlib.import_module("axe_playwright_python.sync_playwright").Axe()
    results = axe.run(page, context=within, options={"resultTypes": ["violations"]})
    return {
        violation["id"]: [" ".join(map(str, node["target"])) for node in violation["nodes"]]
        for violation in results.response["violations"]
    }


# -- colour contrast (WCAG 2) -------------------------------------------------------------------

#: The colour of an element's ``property`` (``color``, ``fill`` for SVG text,
#: ``outlineColor``) and every background behind it, nearest first; an SVG shape
#: drawn under the element (``shapeSelector``, looked up in its link) counts as one.
COLOURS_JS = """
(element, [property, shapeSelector]) => {
  const layers = [];
  if (shapeSelector) {
    layers.push(getComputedStyle(element.closest("a").querySelector(shapeSelector)).fill);
  }
  for (let node = element; node; node = node.parentElement) {
    layers.push(getComputedStyle(node).backgroundColor);
  }
  return {colour: getComputedStyle(element)[property], layers: layers};
}
"""

Rgba = tuple[float, float, float, float]


def parse_colour(css: str) -> Rgba:
    """An ``rgb()``/``rgba()`` colour as computed by the browser (channels 0-255, alpha 0-1)."""
    numbers = re.findall(r"[-+]?\d*\.?\d+(?:e[-+]?\d+)?%?", css)
    if not css.startswith("rgb") or len(numbers) not in (3, 4):
        raise ValueError(f"not a computed rgb() colour: {css!r}")
    values = [float(n.rstrip("%")) / (100 if n.endswith("%") else 1) for n in numbers]
    alpha = values[3] if len(values) == 4 else 1.0
    return values[0], values[1], values[2], alpha


def over(top: Rgba, bottom: Rgba) -> Rgba:
    """``top`` painted over the opaque ``bottom``."""
    alpha = top[3]
    r, g, b = (top[i] * alpha + bottom[i] * (1 - alpha) for i in range(3))
    return r, g, b, 1.0


def flatten(layers: list[str]) -> Rgba:
    """The opaque colour that background ``layers`` (nearest first) show on a white canvas."""
    colour: Rgba = (255.0, 255.0, 255.0, 1.0)
    for layer in reversed(layers):
        colour = over(parse_colour(layer), colour)
    return colour


def luminance(colour: Rgba) -> float:
    def linear(channel: float) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in colour[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(text: Rgba, background: Rgba) -> float:
    """WCAG contrast ratio of opaque colours, 1 to 21."""
    light, dark = sorted((luminance(text), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def colour_contrast(
    page: Page, selector: str, property: str = "color", shape: str | None = None
) -> float:
    """Contrast of the first ``selector``'s ``property`` colour against what is behind it."""
    element = page.locator(selector).first
    found = element.evaluate(COLOURS_JS, [property, shape])
    background = flatten(found["layers"])
    return contrast(over(parse_colour(found["colour"]), background), background)


def text_contrast(page: Page, selector: str, shape: str | None = None) -> float:
    """Contrast of an element's text (``fill`` when it is SVG text, drawn on ``shape``)."""
    return colour_contrast(page, selector, "fill" if shape else "color", shape)
