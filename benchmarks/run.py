"""Build the same synthetic sites with and without the plugin, and with its peers.

Every build is a fresh ``python -m mkdocs build`` subprocess, so each one pays
its own imports and catalogue load, as a user's build does. Variants alternate
within each round (plain, biml, peers, then again), so drift in the machine's
load touches them alike; each round's ratio compares builds made seconds apart.
Wall time, CPU time (user + system of the child) and peak memory (the child's
``ru_maxrss``) come from ``os.wait4``.

Usage (from the repository root)::

    python -m benchmarks.run --pages 250,500,1000,2000 --tags 20 --repeat 5 \\
        --out benchmarks/results/run.json

``--real-site`` also builds a real site, Python-Markdown's documentation
(:mod:`benchmarks.realsite`), with and without the plugin, in the same run.

Nothing is asserted: this prints a Markdown table and writes JSON.
"""

# The tables are for people: en dashes, multiplication signs and micro signs are meant.
# ruff: noqa: RUF001

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from mkdocs_biml import CatalogIndex, load_catalog

from . import realsite
from .sites import PEERS, VARIANTS, write_site

BASELINE = "plain"
#: The sites a build can be of: the synthetic ones (of any size) and the real one.
SYNTHETIC = "synthetic"
PACKAGES = (
    "mkdocs",
    "markdown",
    "mkdocs-biml",
    "mkdocs-autorefs",
    "mkdocs-ezglossary-plugin",
    "pymdown-extensions",
    "pygments",
)


@dataclass
class Build:
    """One timed build."""

    variant: str
    pages: int
    tags: int
    round: int
    wall: float
    cpu: float
    maxrss_kb: int
    returncode: int
    site: str = SYNTHETIC


#: Environment of every build; ``--rev`` adds a PYTHONPATH to a snapshot of the package.
#: Bytecode is cached as after a ``pip install`` (an environment that forbids writing
#: it would make every build recompile the plugin, a cost no user's build pays).
BUILD_ENV = {
    **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
    "PYTHONHASHSEED": "0",
    "PYTHONWARNINGS": "ignore",
}


@dataclass
class RunningBuild:
    """A build started in a fresh interpreter, not yet waited for."""

    child: subprocess.Popen[bytes]
    errors: Any
    site_dir: Path
    start: float
    variant: str
    pages: int
    tags: int
    round: int
    site: str


def start_build(
    config_file: Path,
    variant: str,
    pages: int,
    tags: int,
    round_: int,
    *,
    site: str = SYNTHETIC,
) -> RunningBuild:
    site_dir = Path(tempfile.mkdtemp(prefix="biml-bench-site-"))
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config_file)]
    errors = tempfile.TemporaryFile()  # noqa: SIM115 (closed by finish_build)
    start = time.perf_counter()
    # cwd: ``python -m`` puts the working directory first on sys.path,
    # which from the repository root would shadow a ``--rev`` snapshot.
    child = subprocess.Popen(
        [*command, "-d", str(site_dir)],
        cwd=config_file.parent,
        stdout=subprocess.DEVNULL,
        stderr=errors,
        env=BUILD_ENV,
    )
    return RunningBuild(child, errors, site_dir, start, variant, pages, tags, round_, site)


def finish_build(running: RunningBuild) -> Build:
    """Wait for the build; time it and read the child's resource usage."""
    try:
        _, status, usage = os.wait4(running.child.pid, 0)
        wall = time.perf_counter() - running.start
        returncode = os.waitstatus_to_exitcode(status)
        if returncode != 0:
            running.errors.seek(0)
            tail = running.errors.read().decode(errors="replace")[-2000:]
            print(f"  {running.variant} build failed ({returncode}):\n{tail}", file=sys.stderr)
    finally:
        running.errors.close()
        shutil.rmtree(running.site_dir, ignore_errors=True)
    return Build(
        running.variant,
        running.pages,
        running.tags,
        running.round,
        wall,
        usage.ru_utime + usage.ru_stime,
        usage.ru_maxrss,
        returncode,
        running.site,
    )


def write_variant(
    site: str, root: Path, variant: str, *, pages: int, tags: int, index: CatalogIndex
) -> Path:
    """Write one variant of a site into ``root``; return its ``mkdocs.yml``.

    ``pages`` and ``tags`` size a synthetic site; the real site has its own.
    """
    if site == realsite.NAME:
        return realsite.write_site(root, variant)
    return write_site(root, variant, pages, tags, index)


# ------------------------------------------------------------------------------ summaries


def _spread(values: list[float]) -> dict[str, float]:
    return {"median": statistics.median(values), "min": min(values), "max": max(values)}


def summarize(builds: list[Build], pages: int, tags: int, site: str = SYNTHETIC) -> dict[str, Any]:
    """Medians per variant, and each variant's ratios to the baseline of the same round."""
    ok = [
        b for b in builds if (b.site, b.pages, b.tags) == (site, pages, tags) and b.returncode == 0
    ]
    baseline = {b.round: b for b in ok if b.variant == BASELINE}
    variants: dict[str, Any] = {}
    for variant in dict.fromkeys(b.variant for b in ok):
        mine = [b for b in ok if b.variant == variant]
        paired = [(b, baseline[b.round]) for b in mine if b.round in baseline]
        variants[variant] = {
            "builds": len(mine),
            "wall_s": _spread([b.wall for b in mine]),
            "cpu_s": _spread([b.cpu for b in mine]),
            "maxrss_mb": _spread([b.maxrss_kb / 1024 for b in mine]),
            "ratio": {
                "wall": _spread([b.wall / a.wall for b, a in paired]),
                "cpu": _spread([b.cpu / a.cpu for b, a in paired]),
                "maxrss": _spread([b.maxrss_kb / a.maxrss_kb for b, a in paired]),
            },
        }
    return {"site": site, "pages": pages, "tags": tags, "variants": variants}


def linearity(sizes: list[dict[str, Any]], variant: str = "biml") -> dict[str, Any]:
    """Extra CPU time of ``variant`` over the baseline, per page x tag, and a straight-line fit."""
    points = []
    for size in sizes:
        found = size["variants"]
        if size["site"] != SYNTHETIC or variant not in found or BASELINE not in found:
            continue
        units = size["pages"] * size["tags"]
        extra = found[variant]["cpu_s"]["median"] - found[BASELINE]["cpu_s"]["median"]
        extra_mb = found[variant]["maxrss_mb"]["median"] - found[BASELINE]["maxrss_mb"]["median"]
        points.append(
            {
                "pages": size["pages"],
                "tags": size["tags"],
                "extra_cpu_s": extra,
                "extra_cpu_us_per_tag": extra / units * 1e6,
                "extra_maxrss_mb": extra_mb,
                "extra_maxrss_kb_per_page": extra_mb * 1024 / size["pages"],
            }
        )
    result: dict[str, Any] = {"variant": variant, "points": points}
    if len(points) >= 2:
        xs = [p["pages"] * p["tags"] for p in points]
        ys = [p["extra_cpu_s"] for p in points]
        slope, intercept = statistics.linear_regression(xs, ys)
        predicted = [intercept + slope * x for x in xs]
        residual = sum((y - f) ** 2 for y, f in zip(ys, predicted))
        total = sum((y - statistics.fmean(ys)) ** 2 for y in ys)
        result["fit"] = {
            "fixed_s": intercept,
            "us_per_tag": slope * 1e6,
            "r_squared": 1 - residual / total if total else 1.0,
        }
    return result


def markdown_table(sizes: list[dict[str, Any]]) -> str:
    lines = [
        "| site | pages | variant | wall (s) | CPU (s) | peak RSS (MB) "
        "| wall ratio | CPU ratio | RSS ratio |",
        "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for size in sizes:
        for variant, found in size["variants"].items():
            ratio = found["ratio"]

            def show(kind: str, ratio: dict[str, Any] = ratio) -> str:
                spread = ratio[kind]
                return f"{spread['median']:.3f} ({spread['min']:.2f}–{spread['max']:.2f})"

            lines.append(
                f"| {size['site']} | {size['pages']} | {variant} "
                f"| {found['wall_s']['median']:.2f} "
                f"| {found['cpu_s']['median']:.2f} | {found['maxrss_mb']['median']:.1f} "
                f"| {show('wall')} | {show('cpu')} | {show('maxrss')} |"
            )
    return "\n".join(lines)


def linearity_table(fit: dict[str, Any]) -> str:
    lines = [
        "| pages × tags | extra CPU (s) | extra CPU per tag (µs) | extra RSS (MB) |",
        "| ---: | ---: | ---: | ---: |",
    ]
    for point in fit["points"]:
        lines.append(
            f"| {point['pages']} × {point['tags']} | {point['extra_cpu_s']:.2f} "
            f"| {point['extra_cpu_us_per_tag']:.0f} | {point['extra_maxrss_mb']:.1f} |"
        )
    if "fit" in fit:
        found = fit["fit"]
        lines.append(
            f"\nLeast-squares fit: extra CPU = {found['fixed_s']:.2f} s + "
            f"{found['us_per_tag']:.0f} µs × pages × tags (R² = {found['r_squared']:.3f})"
        )
    return "\n".join(lines)


# ------------------------------------------------------------------------------ machine


def _version(name: str) -> str | None:
    try:
        return version(name)
    except PackageNotFoundError:
        return None


REPOSITORY = Path(__file__).resolve().parent.parent


def _git_commit() -> str:
    found = subprocess.run(
        ["git", "-C", str(REPOSITORY), "describe", "--always", "--dirty"],
        capture_output=True,
        text=True,
        check=False,
    )
    return found.stdout.strip() or "unknown"


def use_snapshot(rev: str, workdir: Path) -> str:
    """Builds import mkdocs_biml from ``git archive rev``, not from the working tree.

    The working tree may hold half-done edits; a commit is what a result names.
    """
    source = workdir / "source"
    source.mkdir()
    archive = subprocess.run(
        ["git", "-C", str(REPOSITORY), "archive", rev], capture_output=True, check=True
    )
    subprocess.run(["tar", "-x", "-C", str(source)], input=archive.stdout, check=True)
    BUILD_ENV["PYTHONPATH"] = str(source)
    imported = subprocess.run(
        [sys.executable, "-c", "import mkdocs_biml; print(mkdocs_biml.__file__)"],
        cwd=workdir,
        env=BUILD_ENV,
        capture_output=True,
        text=True,
        check=True,
    )
    # Compile the snapshot's bytecode now, or the first build measured would pay for it.
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(source / "mkdocs_biml")], check=True
    )
    if not imported.stdout.startswith(str(source)):
        raise SystemExit(f"builds would not import the snapshot but {imported.stdout.strip()}")
    found = subprocess.run(
        ["git", "-C", str(REPOSITORY), "rev-parse", "--short", rev],
        capture_output=True,
        text=True,
        check=True,
    )
    return found.stdout.strip()


def machine() -> dict[str, Any]:
    return {
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "nproc": os.cpu_count(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "packages": {name: _version(name) for name in PACKAGES},
        "commit": _git_commit(),
        "loadavg_start": os.getloadavg(),
    }


# ------------------------------------------------------------------------------ main


class Recorder:
    """Every build, saved as soon as it is made, so a stopped run keeps what it measured."""

    def __init__(self, out: Path | None, session: dict[str, Any], resume: Path | None) -> None:
        self.out = out
        self.sessions = [session]
        self.builds: list[Build] = []
        if resume is not None and resume.exists():
            earlier = json.loads(resume.read_text(encoding="utf-8"))
            self.sessions = [*earlier.get("sessions", [earlier.get("machine", {})]), session]
            self.builds = [Build(**b) for b in earlier["builds"]]

    def sizes_done(self) -> set[tuple[str, int, int]]:
        return {(b.site, b.pages, b.tags) for b in self.builds}

    def add(self, build: Build) -> None:
        self.builds.append(build)
        self.save()

    def summaries(self) -> list[dict[str, Any]]:
        sizes = sorted({(b.site, b.pages, b.tags) for b in self.builds if b.round >= 0})
        return [summarize(self.builds, pages, tags, site) for site, pages, tags in sizes]

    def save(self) -> None:
        if self.out is None:
            return
        self.sessions[-1]["loadavg_end"] = os.getloadavg()
        summaries = self.summaries()
        results = {
            "sessions": self.sessions,
            "sizes": summaries,
            "linearity": linearity(summaries),
            "builds": [asdict(b) for b in self.builds],
        }
        self.out.parent.mkdir(parents=True, exist_ok=True)
        self.out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


def run_size(
    pages: int,
    tags: int,
    variants: list[str],
    *,
    repeat: int,
    warmup: int,
    recorder: Recorder,
    index: CatalogIndex,
    workdir: Path,
    paired: bool = False,
    site: str = SYNTHETIC,
) -> None:
    roots = {v: workdir / f"{site}-{v}-{pages}" for v in variants}
    configs = {
        v: write_variant(site, roots[v], v, pages=pages, tags=tags, index=index) for v in variants
    }
    for _ in range(warmup):  # unrecorded: disk cache, bytecode
        for variant, config in configs.items():
            finish_build(start_build(config, variant, pages, tags, -1, site=site))
    for round_ in range(repeat):
        if paired:
            builds = _paired_round(configs, pages, tags, round_, site)
        else:
            builds = [
                finish_build(start_build(config, variant, pages, tags, round_, site=site))
                for variant, config in configs.items()
            ]
        for build in builds:
            print(
                f"  {site} {pages:>5} pages  round {build.round + 1}  {build.variant:<11}"
                f"wall {build.wall:7.2f} s  cpu {build.cpu:7.2f} s  "
                f"rss {build.maxrss_kb / 1024:6.1f} MB",
                flush=True,
            )
            recorder.add(build)
    for root in roots.values():
        shutil.rmtree(root, ignore_errors=True)


def _paired_round(
    configs: dict[str, Path], pages: int, tags: int, round_: int, site: str
) -> list[Build]:
    """Each variant built at the same time as a baseline build of its own.

    On a virtual machine the speed of a core drifts by several percent from
    one minute to the next; two builds running side by side, one per core,
    drift together. Each pair gets a round number of its own, so ratios
    compare the two builds of a pair.
    """
    others = [v for v in configs if v != BASELINE]
    builds = []
    for number, variant in enumerate(others):
        pair = round_ * len(others) + number
        running = [
            start_build(configs[BASELINE], BASELINE, pages, tags, pair, site=site),
            start_build(configs[variant], variant, pages, tags, pair, site=site),
        ]
        builds.extend(finish_build(r) for r in running)
    return builds


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Time builds with and without mkdocs-biml.")
    parser.add_argument(
        "--pages",
        default="250,500,1000,2000",
        help="comma-separated sizes of the synthetic sites ('' for none)",
    )
    parser.add_argument(
        "--real-site",
        action="store_true",
        help=f"also build {realsite.NAME} (Python-Markdown's docs), plain and biml, first",
    )
    parser.add_argument("--tags", type=int, default=20, help="citations per page")
    parser.add_argument("--repeat", type=int, default=5, help="rounds per size")
    parser.add_argument("--warmup", type=int, default=1, help="unrecorded rounds first")
    parser.add_argument(
        "--peers", default=",".join(PEERS), help="peer plugins to compare ('' for none)"
    )
    parser.add_argument(
        "--peer-pages", default="500", help="sizes at which peers are built ('all' for every size)"
    )
    parser.add_argument(
        "--rev", help="build with the package as of this git revision (default: working tree)"
    )
    parser.add_argument(
        "--paired",
        action="store_true",
        help="build each variant side by side with a baseline build (needs 2 cores)",
    )
    parser.add_argument("--out", type=Path, help="write the results as JSON here")
    parser.add_argument(
        "--resume", type=Path, help="keep the builds of this earlier JSON; skip sizes it has"
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    sizes = [int(p) for p in args.pages.split(",") if p]
    peers = [p for p in args.peers.split(",") if p]
    unknown = [p for p in peers if p not in VARIANTS]
    if unknown:
        raise SystemExit(f"unknown peer(s): {', '.join(unknown)}; known: {', '.join(PEERS)}")
    peer_sizes = sizes if args.peer_pages == "all" else [int(p) for p in args.peer_pages.split(",")]
    session = machine() | {"options": {k: str(v) for k, v in vars(args).items()}}
    recorder = Recorder(args.out, session, args.resume)
    index = CatalogIndex([load_catalog()])
    with tempfile.TemporaryDirectory(prefix="biml-bench-") as work:
        if args.rev:
            session["measured_rev"] = use_snapshot(args.rev, Path(work))
        # The real site has no tags: a peer would have nothing to do on it.
        plan = [(realsite.NAME, realsite.page_count(), 0)] if args.real_site else []
        plan += [(SYNTHETIC, pages, args.tags) for pages in sizes]
        for site, pages, tags in plan:
            if (site, pages, tags) in recorder.sizes_done():
                print(f"  {site} {pages} pages: measured already in {args.resume}, skipped")
                continue
            with_peers = site == SYNTHETIC and pages in peer_sizes
            variants = [BASELINE, "biml", *(peers if with_peers else [])]
            run_size(
                pages,
                tags,
                variants,
                repeat=args.repeat,
                warmup=args.warmup,
                recorder=recorder,
                index=index,
                workdir=Path(work),
                paired=args.paired,
                site=site,
            )
    summaries = recorder.summaries()
    print()
    print(markdown_table(summaries))
    print()
    print(linearity_table(linearity(summaries)))


if __name__ == "__main__":
    main()
