"""Instructions executed by a build, counted by valgrind: a measure other processes cannot disturb.

On a shared machine wall and CPU times move by tens of percent from one build
to the next; the number of instructions a build executes barely moves. This
builds small synthetic sites under ``valgrind --tool=cachegrind --cache-sim=no``
(about 20 times slower than a plain build) and reports, for each variant, the
instructions executed, the ratio to the plain baseline, and the extra
instructions per tag between two sizes (which cancels the fixed costs: imports,
catalogue, generated pages).

Variants are ``plain``, ``biml``, other sites of :mod:`benchmarks.sites` named
in ``--variants`` (``output``: the plugin's HTML written into the pages, built
without the plugin), and any number of ``--try NAME:SPEC``, where
SPEC is plugin options (``callouts=false``) and/or a Python hooks file
(``hook=/path/patch.py``) that MkDocs loads before the build, for pricing a
candidate change without editing the package::

    python -m benchmarks.instructions --pages 20,60 \\
        --try no-callouts:callouts=false --try summary:callout_content=summary

Each site is built once, uncounted, before it is counted, so that Python's
bytecode of every module is compiled already; the plugin keeps nothing on disk,
so the counted build does everything a fresh checkout's build does.
``--real-site`` counts Python-Markdown's docs (:mod:`benchmarks.realsite`),
``plain`` and ``biml``, instead of synthetic sites.

Requires valgrind (``apt-get install valgrind``). Nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import yaml

from mkdocs_biml import CatalogIndex, load_catalog

from . import realsite
from .run import BUILD_ENV, machine, use_snapshot
from .sites import VARIANTS, write_site

_REFS = re.compile(r"I\s+refs:\s+([\d,]+)")


def count_instructions(config_file: Path) -> int:
    """Instructions executed by ``mkdocs build`` of ``config_file``, under cachegrind
    (after one uncounted build, which compiles Python's bytecode)."""
    with tempfile.TemporaryDirectory(prefix="biml-bench-site-") as site_dir:
        build = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config_file)]
        build += ["-d", site_dir]
        # A failure shows in the counted build below.
        subprocess.run(
            build, cwd=config_file.parent, env=BUILD_ENV, capture_output=True, check=False
        )
        return instructions_of(build, config_file.parent)


def instructions_of(command: list[str], cwd: Path, stdin: str = "") -> int:
    """Instructions executed by ``command`` run in ``cwd`` (fed ``stdin``), under cachegrind."""
    found = subprocess.run(
        ["valgrind", "--tool=cachegrind", "--cache-sim=no",
         "--cachegrind-out-file=/dev/null", *command],
        cwd=cwd, env=BUILD_ENV, input=stdin, capture_output=True, text=True, check=False,
    )  # fmt: skip
    match = _REFS.search(found.stderr)
    if found.returncode != 0 or match is None:
        raise SystemExit(f"{' '.join(command)} failed in {cwd}:\n{found.stderr[-3000:]}")
    return int(match.group(1).replace(",", ""))


def parse_try(text: str) -> tuple[str, dict[str, Any], list[str]]:
    """``name:key=value,hook=/path.py`` into a name, plugin options and hooks files."""
    name, _, spec = text.partition(":")
    options: dict[str, Any] = {}
    hooks: list[str] = []
    for item in filter(None, spec.split(",")):
        key, _, value = item.partition("=")
        if key == "hook":
            hooks.append(str(Path(value).resolve()))
        else:
            options[key] = yaml.safe_load(value)
    return name, options, hooks


def write_variant(
    root: Path,
    pages: int,
    tags: int,
    index: CatalogIndex,
    spec: tuple[str, dict[str, Any], list[str]],
) -> Path:
    name, options, hooks = spec
    variant = name if name in VARIANTS else "biml"
    config_file = write_site(root, variant, pages, tags, index)
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    if options:
        config["plugins"] = ["search", {"biml": options}]
    if hooks:
        config["hooks"] = hooks
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return config_file


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Instruction counts of builds (valgrind).")
    parser.add_argument("--pages", default="20,60", help="two or more sizes")
    parser.add_argument("--tags", type=int, default=20)
    parser.add_argument("--try", dest="tries", action="append", default=[], metavar="NAME:SPEC")
    parser.add_argument(
        "--variants", default="", help="more sites of benchmarks.sites, e.g. output,biml-links"
    )
    parser.add_argument("--rev", help="measure the package as of this git revision")
    parser.add_argument(
        "--jobs", type=int, default=1, help="builds counted at once (counts do not change)"
    )
    parser.add_argument(
        "--real-site", action="store_true", help=f"count {realsite.NAME}, plain and biml"
    )
    parser.add_argument(
        "--hook", action="store_true", help="with --real-site: also with a hooks: file in both"
    )
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    if args.real_site:
        count_real_site(args)
        return
    sizes = [int(p) for p in args.pages.split(",")]
    more = [(name, {}, []) for name in filter(None, args.variants.split(","))]
    specs = [("plain", {}, []), ("biml", {}, []), *more, *(parse_try(t) for t in args.tries)]
    index = CatalogIndex([load_catalog()])
    counts: dict[str, dict[int, int]] = {spec[0]: {} for spec in specs}
    session = machine()
    with tempfile.TemporaryDirectory(prefix="biml-bench-") as work:
        if args.rev:
            session["measured_rev"] = use_snapshot(args.rev, Path(work))
        # One uncounted import, so no count includes compiling the package's bytecode.
        subprocess.run(
            [sys.executable, "-c", "import mkdocs_biml.host.plugin"],
            env=BUILD_ENV,
            cwd=work,
            check=True,
        )
        builds = {
            (spec[0], pages): write_variant(
                Path(work) / f"{spec[0]}-{pages}", pages, args.tags, index, spec
            )
            for pages in sizes
            for spec in specs
        }
        # Instructions, unlike times, are the same whatever runs beside a build.
        with ThreadPoolExecutor(args.jobs) as pool:
            found = pool.map(count_instructions, builds.values())
            for (name, pages), count in zip(builds, found):
                counts[name][pages] = count
                print(f"  {pages:>4} pages  {name:<20} {count:>15,}", flush=True)
    report = summarize(counts, sizes, args.tags)
    print()
    print(table(report, sizes))
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        data = {"session": session, "tags": args.tags, "variants": report}
        args.out.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


def count_real_site(args: argparse.Namespace) -> None:
    """Instructions of the real site's build, ``plain`` and ``biml``, and their ratio."""
    session = machine()
    with tempfile.TemporaryDirectory(prefix="biml-bench-") as work:
        if args.rev:
            session["measured_rev"] = use_snapshot(args.rev, Path(work))
        variants = ["plain", "biml"]
        if args.hook:
            variants += ["plain-hook", "biml-hook"]
        configs = [realsite.write_site(Path(work) / v, v) for v in variants]
        with ThreadPoolExecutor(args.jobs) as pool:
            counted = dict(zip(variants, pool.map(count_instructions, configs)))
    for suffix in ("", "-hook") if args.hook else ("",):
        plain, biml = counted[f"plain{suffix}"], counted[f"biml{suffix}"]
        site = realsite.NAME + (" with a hooks: file" if suffix else "")
        print(f"{site}: plain {plain:,}  biml {biml:,}  ratio {biml / plain:.3f}")
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        data = {"session": session, **counted}
        args.out.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


def summarize(counts: dict[str, dict[int, int]], sizes: list[int], tags: int) -> dict[str, Any]:
    small, large = sizes[0], sizes[-1]
    base = counts["plain"]
    extra_units = (large - small) * tags
    report: dict[str, Any] = {}
    for name, found in counts.items():
        extra_small = found[small] - base[small]
        extra_large = found[large] - base[large]
        report[name] = {
            "instructions": found,
            "ratio": {pages: found[pages] / base[pages] for pages in sizes},
            "extra_per_tag": (extra_large - extra_small) / extra_units,
            "extra_fixed": extra_small - (extra_large - extra_small) / extra_units * small * tags,
        }
    return report


def table(report: dict[str, Any], sizes: list[int]) -> str:
    heads = " | ".join(f"ratio at {p} pages" for p in sizes)
    lines = [
        f"| variant | {heads} | extra instructions per tag | extra fixed (M instructions) |",
        "| --- | " + " | ".join("---:" for _ in sizes) + " | ---: | ---: |",
    ]
    for name, found in report.items():
        ratios = " | ".join(f"{found['ratio'][p]:.3f}" for p in sizes)
        lines.append(
            f"| {name} | {ratios} | {found['extra_per_tag']:,.0f} "
            f"| {found['extra_fixed'] / 1e6:,.0f} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    main()
