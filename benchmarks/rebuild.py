"""Rebuilds as ``mkdocs serve`` makes them, with and without the plugin.

Every save under ``mkdocs serve`` rebuilds the whole site in the same
process: the configuration is loaded again (new plugin instances), then built.
What the plugin adds to that rebuild is what an author waits for on every
save. This measures it on the real site (:mod:`benchmarks.realsite`) or on a
synthetic one (:mod:`benchmarks.sites`).

Usage (from the repository root)::

    python -m benchmarks.rebuild --site markdown-docs --repeat 20 --rev HEAD \\
        --out benchmarks/results/rebuild.json
    python -m benchmarks.rebuild --site synthetic --pages 500 --tags 20 --repeat 10

Each variant (``plain``, the baseline, and ``biml``) is served by a process of
its own (:mod:`benchmarks.serve_worker`), which does what ``mkdocs serve``
does: the first build, then a rebuild each time it is told a page was saved.
The processes are told in turn (plain, biml, plain, biml, ...), so each
round's ratio compares two rebuilds made seconds apart, as
:mod:`benchmarks.run` compares whole builds. Two processes rather than one
that alternates configurations: the plain process is then exactly a user's
``mkdocs serve`` without the plugin (it never imports ``mkdocs_biml``, and no
cache or heap of the plugin's slows its garbage collector), and whatever the
plugin keeps from one rebuild to the next counts for the plugin alone.

The first build of each process and ``--warmup`` rounds after it are not
recorded (imports, lazily filled caches). For every rebuild the worker reports
its own CPU time (``time.process_time`` around loading the configuration and
building) and wall time; at the end, each process's peak memory (``os.wait4``).
The report gives medians, and each variant's ratio to the baseline rebuild of
the same round (median and range). Nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO, Any

from mkdocs_biml import CatalogIndex, load_catalog

from . import realsite
from .instructions import instructions_of
from .run import BASELINE, BUILD_ENV, SYNTHETIC, _spread, machine, use_snapshot, write_variant

WORKER = Path(__file__).resolve().parent / "serve_worker.py"
#: ``python -c``: the worker runs as a script without its folder on ``sys.path``.
RUN_WORKER = f"import runpy; runpy.run_path({str(WORKER)!r}, run_name='__main__')"
#: The page "saved" before each rebuild; every site, real or synthetic, has it.
EDITED_PAGE = "index.md"


@dataclass
class Rebuild:
    """One timed build of a serving process; round -1 is its first build."""

    variant: str
    round: int
    cpu: float
    wall: float


class Server:
    """A ``mkdocs serve`` process of one variant, rebuilding when asked."""

    def __init__(self, config_file: Path, variant: str) -> None:
        self.variant = variant
        self.log: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115 (closed by stop)
        self.child = subprocess.Popen(
            [sys.executable, "-c", RUN_WORKER, str(config_file), EDITED_PAGE],
            cwd=config_file.parent,  # see serve_worker: not the repository
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.log,
            env=BUILD_ENV,
        )
        self.first = self._answer(-1)

    def _answer(self, round_: int) -> Rebuild:
        assert self.child.stdout is not None
        line = self.child.stdout.readline()
        if not line:
            self.child.wait()
            self.log.seek(0)
            tail = self.log.read().decode(errors="replace")[-3000:]
            raise SystemExit(
                f"the {self.variant} server stopped ({self.child.returncode}):\n{tail}"
            )
        found = json.loads(line)
        return Rebuild(self.variant, round_, found["cpu"], found["wall"])

    def rebuild(self, round_: int) -> Rebuild:
        assert self.child.stdin is not None
        self.child.stdin.write(b"saved\n")
        self.child.stdin.flush()
        return self._answer(round_)

    def stop(self) -> int:
        """End the process; its peak memory in kB."""
        assert self.child.stdin is not None
        self.child.stdin.close()
        _, status, usage = os.wait4(self.child.pid, 0)
        self.child.returncode = os.waitstatus_to_exitcode(status)
        self.log.close()
        return usage.ru_maxrss


def measure(configs: dict[str, Path], repeat: int, warmup: int) -> dict[str, Any]:
    """Every rebuild of every variant, alternating; the servers' peak memory."""
    servers: dict[str, Server] = {}
    try:
        # One after the other: the first builds do not compete for the cores.
        for variant, config in configs.items():
            servers[variant] = Server(config, variant)
            print(f"  {variant:<9} first build  cpu {servers[variant].first.cpu:6.2f} s")
        rebuilds = []
        for round_ in range(-warmup, repeat):
            for server in servers.values():
                rebuild = server.rebuild(round_)
                if round_ >= 0:
                    print(
                        f"  round {round_ + 1:>3}  {rebuild.variant:<9} "
                        f"cpu {rebuild.cpu:6.2f} s  wall {rebuild.wall:6.2f} s",
                        flush=True,
                    )
                    rebuilds.append(rebuild)
    finally:
        maxrss_kb = {variant: server.stop() for variant, server in servers.items()}
    return {
        "first": [asdict(server.first) for server in servers.values()],
        "rebuilds": [asdict(r) for r in rebuilds],
        "maxrss_kb": maxrss_kb,
    }


def summarize(measured: dict[str, Any]) -> dict[str, Any]:
    """Medians per variant, and each variant's ratio to the baseline rebuild of its round."""
    rebuilds = [Rebuild(**r) for r in measured["rebuilds"]]
    baseline = {r.round: r for r in rebuilds if r.variant == BASELINE}
    first = {r["variant"]: r for r in measured["first"]}
    variants: dict[str, Any] = {}
    for variant in dict.fromkeys(r.variant for r in rebuilds):
        mine = [r for r in rebuilds if r.variant == variant]
        variants[variant] = {
            "rebuilds": len(mine),
            "first_cpu_s": first[variant]["cpu"],
            "cpu_s": _spread([r.cpu for r in mine]),
            "wall_s": _spread([r.wall for r in mine]),
            "maxrss_mb": measured["maxrss_kb"][variant] / 1024,
            "ratio": {
                "cpu": _spread([r.cpu / baseline[r.round].cpu for r in mine]),
                "wall": _spread([r.wall / baseline[r.round].wall for r in mine]),
                "maxrss": measured["maxrss_kb"][variant] / measured["maxrss_kb"][BASELINE],
            },
        }
    return variants


def markdown_table(variants: dict[str, Any]) -> str:
    lines = [
        "| variant | first build CPU (s) | rebuild CPU (s) | rebuild CPU ratio "
        "| rebuild wall ratio | peak RSS (MB) |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for variant, found in variants.items():
        cpu, wall = found["ratio"]["cpu"], found["ratio"]["wall"]
        lines.append(
            f"| {variant} | {found['first_cpu_s']:.2f} | {found['cpu_s']['median']:.2f} "
            f"| {cpu['median']:.3f} ({cpu['min']:.2f}–{cpu['max']:.2f}) "  # noqa: RUF001
            f"| {wall['median']:.3f} | {found['maxrss_mb']:.1f} |"
        )
    return "\n".join(lines)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", choices=(realsite.NAME, SYNTHETIC), default=realsite.NAME)
    parser.add_argument("--pages", type=int, default=500, help="size of a synthetic site")
    parser.add_argument("--tags", type=int, default=20, help="citations per synthetic page")
    parser.add_argument(
        "--variants", default=f"{BASELINE},biml", help=f"comma-separated, {BASELINE} first"
    )
    parser.add_argument("--repeat", type=int, default=20, help="recorded rounds")
    parser.add_argument("--warmup", type=int, default=1, help="unrecorded rounds first")
    parser.add_argument(
        "--rev", help="build with the package as of this git revision (default: working tree)"
    )
    parser.add_argument(
        "--instructions",
        type=int,
        metavar="N",
        help="count the instructions of N rebuilds of each variant under valgrind instead",
    )
    parser.add_argument("--jobs", type=int, default=1, help="with --instructions: runs at once")
    parser.add_argument("--out", type=Path, help="write the results as JSON here")
    return parser.parse_args(argv)


def count_rebuilds(configs: dict[str, Path], rebuilds: int, jobs: int) -> dict[str, Any]:
    """Instructions of ``rebuilds`` rebuilds of each variant (valgrind): a server that
    rebuilds ``rebuilds + 1`` times less one that rebuilds once, so neither its first
    build nor its first rebuild counts."""
    runs = [(v, n) for v in configs for n in (1, rebuilds + 1)]

    def worker(variant: str) -> list[str]:
        return [sys.executable, "-c", RUN_WORKER, str(configs[variant]), EDITED_PAGE]

    def count(run: tuple[str, int]) -> int:
        variant, times = run
        return instructions_of(worker(variant), configs[variant].parent, "saved\n" * times)

    # Uncounted, so that Python's bytecode is compiled before the counted runs.
    for variant, config in configs.items():
        subprocess.run(
            worker(variant),
            cwd=config.parent,
            env=BUILD_ENV,
            input=b"",
            stdout=subprocess.DEVNULL,
            check=True,
        )

    with ThreadPoolExecutor(jobs) as pool:
        counted = dict(zip(runs, pool.map(count, runs)))
    per_rebuild = {v: (counted[v, rebuilds + 1] - counted[v, 1]) / rebuilds for v in configs}
    base = per_rebuild[BASELINE]
    return {v: {"instructions": n, "ratio": n / base} for v, n in per_rebuild.items()}


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    variants = [v for v in args.variants.split(",") if v]
    if variants[:1] != [BASELINE] or args.repeat < 1:
        raise SystemExit(f"--variants must start with {BASELINE}, and --repeat be at least 1")
    session = machine() | {"options": {k: str(v) for k, v in vars(args).items()}}
    index = CatalogIndex([load_catalog()])
    with tempfile.TemporaryDirectory(prefix="biml-bench-rebuild-") as work:
        if args.rev:
            session["measured_rev"] = use_snapshot(args.rev, Path(work))
        configs = {
            v: write_variant(
                args.site, Path(work) / v, v, pages=args.pages, tags=args.tags, index=index
            )
            for v in variants
        }
        if args.instructions:
            counted = count_rebuilds(configs, args.instructions, args.jobs)
            for variant, found in counted.items():
                print(
                    f"{variant:<9} {found['instructions']:>16,.0f} instructions a rebuild,"
                    f" ratio {found['ratio']:.3f}"
                )
            return
        measured = measure(configs, args.repeat, args.warmup)
    session["loadavg_end"] = os.getloadavg()
    summary = summarize(measured)
    pages = realsite.page_count() if args.site == realsite.NAME else args.pages
    print(f"\n{args.site}, {pages} pages, rebuilds as mkdocs serve makes them (medians):\n")
    print(markdown_table(summary))
    if args.out:
        results = {"session": session, "site": args.site, "summary": summary, **measured}
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
