"""How much of the plugin's extra build time is its own code, and how much is MkDocs'.

The plugin adds work of two kinds: its own (resolving tags, building HTML,
generating pages, backlinks, the register) and MkDocs' (Python-Markdown's
inline machinery around each match, indexing the added HTML for search,
rendering and writing bigger pages and a dozen more pages). This runs one
build of a synthetic site in process, with every entry point of the package
wrapped in a CPU-time counter, and reports the time spent inside the package
by part next to the build's total.

Usage (from the repository root)::

    python -m benchmarks.attribution --pages 500 --tags 20

Builds of the ``plain`` variant (the same pages, without the plugin) alternate
with the counted ones, after a warm-up build that pays the imports; the
difference in total CPU time minus the plugin's own time is what MkDocs and
Python-Markdown spend on what the plugin adds. Nested calls are counted once,
in the outermost wrapped part; the catalogue cache is emptied before each
build, so its load counts. Nothing is asserted.
"""

# The tables are for people: multiplication and micro signs are meant.
# ruff: noqa: RUF001

from __future__ import annotations

import argparse
import functools
import json
import statistics
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.plugins import CombinedEvent

from mkdocs_biml import CatalogIndex, load_catalog
from mkdocs_biml.catalog.loader import _LOADED
from mkdocs_biml.expansion.extension import (
    CalloutTreeprocessor,
    HostPagePreprocessor,
    SourceLinesPreprocessor,
    TagInlineProcessor,
    TagLinePreprocessor,
)
from mkdocs_biml.host.plugin import BimlPlugin

from .sites import write_site

#: (part, class, method): what is timed.
WRAPPED: tuple[tuple[str, type, str], ...] = (
    ("tags: inline processor (resolve, HTML, stash)", TagInlineProcessor, "handleMatch"),
    ("tags: source lines for messages", TagLinePreprocessor, "run"),
    ("tags: source lines for messages", SourceLinesPreprocessor, "run"),
    ("tags: source lines for messages", HostPagePreprocessor, "run"),
    ("tags: callouts", CalloutTreeprocessor, "run"),
    ("plugin: configuration and catalogue", BimlPlugin, "on_config"),
    ("plugin: generated pages (Jinja)", BimlPlugin, "on_files"),
    ("plugin: navigation", BimlPlugin, "on_nav"),
    ("plugin: per page (statuses, citations)", BimlPlugin, "on_page_markdown"),
    ("plugin: per page (statuses, citations)", BimlPlugin, "on_page_content"),
    ("plugin: backlinks, coverage, search exclusion", BimlPlugin, "on_page_context"),
    ("plugin: risk register", BimlPlugin, "on_post_build"),
)


class Counters:
    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self._depth = 0

    def wrap(self, part: str, function: Callable[..., Any]) -> Callable[..., Any]:
        if isinstance(function, CombinedEvent):  # an event handled at two priorities
            return CombinedEvent(*(self.wrap(part, method) for method in function.methods))

        @functools.wraps(function)  # keeps MkDocs' event priorities
        def timed(*args: Any, **kwargs: Any) -> Any:
            if self._depth:
                return function(*args, **kwargs)
            self._depth += 1
            start = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                self.seconds[part] += time.process_time() - start
                self._depth -= 1

        return timed


@contextmanager
def counted() -> Iterator[Counters]:
    counters = Counters()
    originals = [(cls, name, getattr(cls, name)) for _, cls, name in WRAPPED]
    try:
        for part, cls, name in WRAPPED:
            setattr(cls, name, counters.wrap(part, getattr(cls, name)))
        yield counters
    finally:
        for cls, name, original in originals:
            setattr(cls, name, original)


def _build(config_file: Path, site_dir: Path) -> float:
    config = load_config(str(config_file), site_dir=str(site_dir))
    start = time.process_time()
    build(config)
    return time.process_time() - start


def measure(pages: int, tags: int, repeat: int) -> dict[str, Any]:
    index = CatalogIndex([load_catalog()])
    plain_times: list[float] = []
    biml_times: list[float] = []
    parts: list[dict[str, float]] = []
    with tempfile.TemporaryDirectory(prefix="biml-attribution-") as tmp:
        root = Path(tmp)
        plain = write_site(root / "plain", "plain", pages, tags, index)
        biml = write_site(root / "biml", "biml", pages, tags, index)
        _build(write_site(root / "warm-up", "biml", 5, tags, index), root / "warm-up" / "site")
        for _ in range(repeat):
            plain_times.append(_build(plain, root / "plain" / "site"))
            _LOADED.clear()
            # MkDocs binds a plugin's event methods when it loads the configuration.
            with counted() as counters:
                biml_times.append(_build(biml, root / "biml" / "site"))
            parts.append(dict(counters.seconds))
    median = statistics.median
    by_part = {part: median(p.get(part, 0.0) for p in parts) for part, _, _ in WRAPPED}
    return {
        "pages": pages,
        "tags": tags,
        "plain": median(plain_times),
        "biml": median(biml_times),
        "own": median(sum(p.values()) for p in parts),
        "parts": by_part,
    }


def report(result: dict[str, Any]) -> str:
    count = result["pages"] * result["tags"]
    extra, own = result["biml"] - result["plain"], result["own"]
    lines = [
        f"{result['pages']} pages × {result['tags']} tags, CPU seconds (medians):",
        "",
        "| | CPU (s) | µs per tag |",
        "| --- | ---: | ---: |",
        f"| build without the plugin | {result['plain']:.2f} | |",
        f"| build with the plugin | {result['biml']:.2f} | |",
        f"| extra | {extra:.2f} | {extra / count * 1e6:.0f} |",
        f"| of which inside mkdocs_biml | {own:.2f} | {own / count * 1e6:.0f} |",
        f"| of which MkDocs and Python-Markdown on what the plugin adds | "
        f"{extra - own:.2f} | {(extra - own) / count * 1e6:.0f} |",
        "",
        "| inside mkdocs_biml | CPU (s) | µs per tag |",
        "| --- | ---: | ---: |",
    ]
    for part, seconds in sorted(result["parts"].items(), key=lambda item: -item[1]):
        lines.append(f"| {part} | {seconds:.2f} | {seconds / count * 1e6:.0f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=500)
    parser.add_argument("--tags", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, help="write the results as JSON here")
    args = parser.parse_args(argv)
    result = measure(args.pages, args.tags, args.repeat)
    print(report(result))
    if args.out:
        args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
