"""One ``mkdocs serve`` process without its web server: it rebuilds when told, and times it.

Run by :mod:`benchmarks.rebuild`, one process per variant, as::

    python -c "import runpy; runpy.run_path('benchmarks/serve_worker.py', run_name='__main__')" \\
        CONFIG_FILE EDITED_PAGE

It does what ``mkdocs.commands.serve.serve`` does (MkDocs 1.6): load the
configuration, run the plugins' ``on_startup`` once (``command="serve"``), set
``site_url`` to the server's URL and make the first build with that
configuration; then, for every line read from stdin, "save" a page (the
Markdown page ``EDITED_PAGE`` under ``docs/`` gets a new last line, as an
author's edit would) and rebuild as the server's ``builder`` does: the
configuration loaded again (MkDocs makes new plugin instances, except of
plugins that define ``on_startup``), then ``build(config, serve_url=...)``, not
dirty. On end of input it runs ``on_shutdown`` and restores the page. The
server itself (watching files, ``on_serve``, serving pages) is left out: it
does no work per rebuild that depends on the site.

Each build's CPU time (``time.process_time``, this process only) and wall time
go to stdout as one JSON line; anything else printed goes to stderr. It imports
nothing from the ``benchmarks`` package and runs with the site's folder as its
working directory, so that with ``--rev`` ``mkdocs_biml`` comes from the snapshot
on ``PYTHONPATH``, not from the repository.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import _serve_url


def _timed(work: Callable[[], None]) -> dict[str, float]:
    cpu, wall = time.process_time(), time.perf_counter()
    work()
    return {"cpu": time.process_time() - cpu, "wall": time.perf_counter() - wall}


def serve(config_file: str, edited: Path, answer: Callable[[dict[str, Any]], None]) -> None:
    site_dir = tempfile.mkdtemp(prefix="biml-bench-serve-")
    original = edited.read_text("utf-8")

    def get_config() -> MkDocsConfig:
        return load_config(config_file=config_file, site_dir=site_dir)

    config = get_config()
    config.plugins.on_startup(command="serve", dirty=False)
    host, port = config.dev_addr
    serve_url = _serve_url(host, port, urlsplit(config.site_url or "/").path)
    config.site_url = serve_url

    def builder(config: MkDocsConfig | None = None) -> None:
        if config is None:
            config = get_config()
            config.site_url = serve_url
        build(config, serve_url=serve_url, dirty=False)

    try:
        answer({"build": 0, **_timed(lambda: builder(config))})
        for number, _ in enumerate(sys.stdin, 1):
            edited.write_text(f"{original}\n<!-- saved {number} -->\n", "utf-8")
            answer({"build": number, **_timed(builder)})
    finally:
        config.plugins.on_shutdown()
        edited.write_text(original, "utf-8")
        shutil.rmtree(site_dir, ignore_errors=True)


def main() -> None:
    config_file, page = sys.argv[1:3]
    # The answers get stdout to themselves; whatever else prints goes to stderr.
    answers = os.fdopen(os.dup(sys.stdout.fileno()), "w", encoding="utf-8")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())

    def answer(result: dict[str, Any]) -> None:
        answers.write(json.dumps(result) + "\n")
        answers.flush()

    serve(config_file, Path(config_file).parent / "docs" / page, answer)


if __name__ == "__main__":
    main()
