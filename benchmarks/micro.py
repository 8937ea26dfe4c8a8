"""Micro-measures: the Markdown extension alone, the catalogue load, the plugin's import.

* extension: the pages of a synthetic site converted one by one with
  Python-Markdown (``md.reset()`` between pages, as MkDocs does), with and
  without :class:`~mkdocs_biml.extension.BimlExtension`; the difference divided
  by the number of tags is the cost of one tag, its inverse the tags per second;
* catalogue: the first ``load_catalog()`` in a fresh interpreter (timed inside
  it, and as the difference between two interpreters, one that loads and one
  that only imports), and ``parse_catalog`` repeated in process;
* import: what ``import mkdocs_biml.host.plugin`` adds once MkDocs itself is
  imported (``python -X importtime``).

Usage (from the repository root)::

    python -m benchmarks.micro --repeat 15 --out benchmarks/results/micro.json

Measures the ``mkdocs_biml`` that Python imports; to measure a commit, run it in
a ``git worktree`` of that commit. Nothing is asserted.
"""

# The tables are for people: multiplication and micro signs are meant.
# ruff: noqa: RUF001

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import markdown
from mkdocs.utils import get_relative_url

from mkdocs_biml import CatalogIndex, load_catalog, parse_catalog
from mkdocs_biml.catalog.loader import builtin_catalog_path
from mkdocs_biml.core.paths import PageLayout
from mkdocs_biml.extension import BimlExtension

from .run import BUILD_ENV, machine
from .sites import MARKDOWN_EXTENSIONS, VARIANTS, PageWriter

#: What MkDocs itself imports before any plugin; the rest is the plugin's cost.
MKDOCS_IMPORTS = (
    "import mkdocs.plugins, mkdocs.config.defaults, mkdocs.structure.files, "
    "mkdocs.structure.pages, mkdocs.structure.nav, mkdocs.livereload, mkdocs.commands.build, "
    "markdown, jinja2, yaml"
)
_MARK = "biml-benchmark-mark"


def median_time(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


# ------------------------------------------------------------------------------ extension


def _markdown(extra: list[Any]) -> markdown.Markdown:
    """MkDocs' default extensions plus the benchmark sites' ones, plus ``extra``."""
    names: list[Any] = ["toc", "tables", "fenced_code"]
    configs: dict[str, dict[str, Any]] = {}
    for item in MARKDOWN_EXTENSIONS:
        if isinstance(item, dict):
            configs.update(item)
        elif item not in names:
            names.append(item)
    return markdown.Markdown(extensions=[*names, *extra], extension_configs=configs)


def _convert_all(md: markdown.Markdown, pages: list[str], extension: BimlExtension | None) -> None:
    for number, text in enumerate(pages, start=1):
        md.reset()
        if extension is not None:
            # The URL only counts for an extension told to use final URLs.
            extension.begin_page(f"part/page-{number}.md", url=f"part/page-{number}/")
        md.convert(text)
        if extension is not None:
            extension.take_citations()


def measure_extension(pages: int, tags: int, repeat: int) -> dict[str, Any]:
    index = CatalogIndex([load_catalog()])
    risks = list(index.risks())
    sources = [
        PageWriter(n, pages, tags, risks, VARIANTS["biml"]).markdown() for n in range(1, pages + 1)
    ]
    plain = _markdown([])
    with_callouts = BimlExtension(index=index)
    inline_only = BimlExtension(index=index, callouts=False)
    # As the MkDocs plugin sets it up: finished HTML with final URLs.
    final_urls = BimlExtension(index=index)
    layout = PageLayout()
    final_urls.use_final_urls(
        {
            page: page.removesuffix(".md") + "/"
            for catalog in index.catalogs.values()
            for page in [
                *(layout.component_page(c) for c in catalog.components),
                layout.references_page(catalog),
            ]
        },
        get_relative_url,
    )
    converters: dict[str, tuple[markdown.Markdown, BimlExtension | None]] = {
        "without": (plain, None),
        "with": (_markdown([with_callouts]), with_callouts),
        "with, callouts off": (_markdown([inline_only]), inline_only),
        "with, final URLs (as in MkDocs)": (_markdown([final_urls]), final_urls),
    }
    for md, extension in converters.values():  # warm-up: caches, lazy set-up
        _convert_all(md, sources, extension)
    # Alternate the converters within each repetition, as the build runner does.
    samples: dict[str, list[float]] = {name: [] for name in converters}
    for _ in range(repeat):
        for name, (md, extension) in converters.items():
            start = time.perf_counter()
            _convert_all(md, sources, extension)
            samples[name].append(time.perf_counter() - start)
    total_tags = pages * tags
    base = statistics.median(samples["without"])
    result: dict[str, Any] = {"pages": pages, "tags_per_page": tags, "tags": total_tags}
    for name, values in samples.items():
        seconds = statistics.median(values)
        result[name] = {"seconds": seconds}
        if name != "without":
            per_tag = (seconds - base) / total_tags
            result[name] |= {
                "us_per_tag": per_tag * 1e6,
                "tags_per_second": 1 / per_tag if per_tag > 0 else None,
                "ratio": seconds / base,
            }
    return result


# ------------------------------------------------------------------------------ catalogue


def _python(code: str) -> tuple[float, str]:
    start = time.perf_counter()
    found = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=BUILD_ENV
    )
    return time.perf_counter() - start, found.stdout + found.stderr


def measure_catalog(repeat: int) -> dict[str, Any]:
    timed_inside = (
        "import time, mkdocs_biml\n"
        "start = time.perf_counter(); mkdocs_biml.load_catalog()\n"
        "print(time.perf_counter() - start)"
    )
    _python("import mkdocs_biml.host.plugin")  # compiles the bytecode once, as an install does
    inside, loading, importing = [], [], []
    for _ in range(repeat):
        inside.append(float(_python(timed_inside)[1]))
        loading.append(_python("from mkdocs_biml import load_catalog; load_catalog()")[0])
        importing.append(_python("import mkdocs_biml")[0])
    path = builtin_catalog_path("biml-78")
    assert path is not None
    raw = path.read_bytes()
    parse_catalog(raw, str(path))  # the schema is read once per process
    load_catalog()
    return {
        "cold_first_load_ms": statistics.median(inside) * 1e3,
        "cold_load_minus_import_ms": (statistics.median(loading) - statistics.median(importing))
        * 1e3,
        "import_mkdocs_biml_ms": statistics.median(importing) * 1e3,
        "parse_catalog_ms": median_time(lambda: parse_catalog(raw, str(path)), repeat) * 1e3,
        "cached_load_catalog_us": median_time(load_catalog, repeat) * 1e6,
        "catalog_bytes": len(raw),
    }


# ------------------------------------------------------------------------------ import


def measure_import(repeat: int) -> dict[str, Any]:
    code = (
        f"{MKDOCS_IMPORTS}\nimport sys\nprint({_MARK!r}, file=sys.stderr, flush=True)\n"
        "import mkdocs_biml.host.plugin"
    )
    runs = []
    for _ in range(repeat):
        found = _import_times(code)
        top = [(n, own, cum) for n, own, cum in found if not n.startswith(" ")]
        runs.append((sum(cum for _, _, cum in top), found))
    runs.sort(key=lambda run: run[0])
    total, entries = runs[len(runs) // 2]
    heaviest = sorted(entries, key=lambda e: e[1], reverse=True)[:8]
    return {
        "plugin_import_ms": total / 1e3,
        "heaviest_modules_self_ms": {name.strip(): own / 1e3 for name, own, _ in heaviest},
    }


def _import_times(code: str) -> list[tuple[str, int, int]]:
    """(module, self µs, cumulative µs) of every import after the mark, nested ones indented."""
    found = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env=BUILD_ENV,
    )
    return _parse_import_times(found.stderr)


def _parse_import_times(output: str) -> list[tuple[str, int, int]]:
    entries: list[tuple[str, int, int]] = []
    after_mark = False
    for line in output.splitlines():
        if line.strip() == _MARK:
            after_mark = True
            continue
        if not after_mark or not line.startswith("import time:") or "self [us]" in line:
            continue
        own, cumulative, name = line.removeprefix("import time:").split("|")
        entries.append((name[1:].rstrip(), int(own), int(cumulative)))
    return entries


# ------------------------------------------------------------------------------ report


def report(results: dict[str, Any]) -> str:
    ext, cat, imp = results["extension"], results["catalog"], results["import"]
    lines = [
        f"Extension alone, {ext['pages']} pages × {ext['tags_per_page']} tags "
        f"({ext['tags']} tags):",
        "",
        "| converter | seconds | ratio | µs per tag | tags per second |",
        "| --- | ---: | ---: | ---: | ---: |",
        f"| without | {ext['without']['seconds']:.3f} | 1.000 | | |",
    ]
    for name in ("with", "with, callouts off", "with, final URLs (as in MkDocs)"):
        found = ext[name]
        rate = found["tags_per_second"]
        lines.append(
            f"| {name} | {found['seconds']:.3f} | {found['ratio']:.3f} "
            f"| {found['us_per_tag']:.1f} | {rate:,.0f} |"
            if rate
            else f"| {name} | {found['seconds']:.3f} | {found['ratio']:.3f} | ≤ 0 | |"
        )
    lines += [
        "",
        "| catalogue | value |",
        "| --- | ---: |",
        f"| first `load_catalog()` in a fresh interpreter | {cat['cold_first_load_ms']:.1f} ms |",
        f"| interpreter that loads minus one that imports | "
        f"{cat['cold_load_minus_import_ms']:.1f} ms |",
        f"| `parse_catalog` in process (median) | {cat['parse_catalog_ms']:.1f} ms |",
        f"| `load_catalog()` again (cached) | {cat['cached_load_catalog_us']:.1f} µs |",
        f"| `import mkdocs_biml.host.plugin` after MkDocs' own imports | "
        f"{imp['plugin_import_ms']:.1f} ms |",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Micro-measures of mkdocs-biml.")
    parser.add_argument("--pages", type=int, default=200, help="pages converted by the extension")
    parser.add_argument("--tags", type=int, default=20, help="tags per page")
    parser.add_argument("--repeat", type=int, default=11)
    parser.add_argument("--out", type=Path, help="write the results as JSON here")
    args = parser.parse_args(argv)
    results: dict[str, Any] = {
        "machine": machine(),
        "package": str(Path(sys.modules["mkdocs_biml"].__file__ or "").parent),
        "extension": measure_extension(args.pages, args.tags, args.repeat),
        "catalog": measure_catalog(args.repeat),
        "import": measure_import(args.repeat),
    }
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(report(results))


if __name__ == "__main__":
    main()
