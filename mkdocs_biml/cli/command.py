"""The ``mkdocs-biml`` command: argument parsing and exit codes only.

* ``mkdocs-biml lint [PATH ...]``: see :mod:`mkdocs_biml.cli.lint` and ``docs/lint.md``;
* ``mkdocs-biml generate OUT_DIR``: the framework pages as Markdown files, for
  documentation tools without MkDocs plugins (:mod:`mkdocs_biml.cli.generate`);
* ``mkdocs-biml diff OLD NEW``: what changed between two risk registers
  (:mod:`mkdocs_biml.cli.diff`).

Exit codes: 0 no problem (diff: no change), 1 problems found (diff: changes),
2 the command could not run (usage, config, catalogue, missing path, not a register).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import cast

from .. import __version__
from ..catalog.loader import CatalogError
from ..core.i18n import SHIPPED, shipped_language
from ..core.paths import folder_problem
from ..core.problems import escape_controls
from ..pages.render import PageError
from ..records.tracking import today
from .diff import RENDERERS as DIFF_RENDERERS
from .diff import DiffError, changed, compare, load_register
from .generate import GenerateError, generate_pages
from .lint import LintSetupError, run_lint
from .lint_formats import FORMATS, render

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mkdocs-biml",
        description="BIML risk framework tools for documentation sites.",
    )
    parser.add_argument("--version", action="version", version=f"mkdocs-biml {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    lint = commands.add_parser(
        "lint",
        help="check risk tags and front-matter statuses without building",
        description="Report the problems a build would warn about, as file:line:column lines. "
        "Exit 0 when there is none, 1 when there are problems, 2 when lint cannot run.",
    )
    lint.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="Markdown files or folders (default: every page of the site)",
    )
    lint.add_argument(
        "-f",
        "--config-file",
        metavar="FILE",
        help="the site's config, mkdocs.yml or zensical.toml (default: the first mkdocs.yml, "
        "properdocs.yml or zensical.toml in the working directory or a folder above it)",
    )
    lint.add_argument(
        "--changed",
        action="store_true",
        help="the PATHs are the files a commit changes (the pre-commit hook): a change to the "
        "config or a catalogue lints every page, other files that are not Markdown are skipped",
    )
    lint.add_argument(
        "--catalog",
        action="append",
        default=[],
        metavar="CATALOG",
        help="another catalogue file (repeatable), besides the site's",
    )
    lint.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="output format: text, json, github (GitHub Actions annotations) or sarif "
        "(SARIF 2.1.0, for code scanning); default: text",
    )
    lint.set_defaults(run=_lint)

    generate = commands.add_parser(
        "generate",
        help="write the framework pages as Markdown files",
        description="Write the framework pages into OUT_DIR, for hosts without MkDocs plugins.",
    )
    generate.add_argument("out_dir", metavar="OUT_DIR", type=Path)
    generate.add_argument(
        "--catalog",
        action="append",
        default=[],
        metavar="NAME_OR_PATH",
        help="another catalogue, built-in name or file (repeatable), besides BIML-78",
    )
    generate.add_argument(
        "--folder",
        default="biml",
        type=_site_folder,
        help="folder of the pages inside OUT_DIR (default: biml)",
    )
    generate.add_argument(
        "--language",
        default="en",
        type=_language,
        help=f"language of the pages' own words, one of {', '.join(SHIPPED)} (default: English);"
        " BIML's text stays in English",
    )
    generate.set_defaults(run=_generate)

    diff = commands.add_parser(
        "diff",
        help="what changed between two risk registers",
        description="Compare two risk registers (each a risk-register.json or a built site "
        "folder) per assessment: statuses, owners, risks cited, expires dates. Exit 0 when "
        "nothing changed, 1 when something did, 2 on bad input.",
    )
    diff.add_argument("old", metavar="OLD", help="the earlier register, or its site folder")
    diff.add_argument("new", metavar="NEW", help="the later register, or its site folder")
    diff.add_argument(
        "--format",
        choices=tuple(DIFF_RENDERERS),
        default="text",
        help="output format: text, markdown (a pull-request comment) or json; default: text",
    )
    diff.set_defaults(run=_diff)
    return parser


def _language(value: str) -> str:
    if shipped_language(value) is None and not value.casefold().startswith("en"):
        raise argparse.ArgumentTypeError(
            f"no translation for {value!r}: use one of {', '.join(SHIPPED)}, or en"
        )
    return value


def _site_folder(value: str) -> str:
    problem = folder_problem(value)
    if problem:
        raise argparse.ArgumentTypeError(f"{problem}: {value!r}")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    run = cast(Callable[[argparse.Namespace], int], args.run)
    return run(args)


def _lint(args: argparse.Namespace) -> int:
    try:
        report = run_lint(args.paths, args.config_file, args.catalog, changed=args.changed)
    except LintSetupError as exc:
        return _fail(str(exc))
    for note in report.notes:
        _say(f"mkdocs-biml lint: {note}")
    sys.stdout.write(render(report, args.format))
    return EXIT_PROBLEMS if report.failed else EXIT_OK


def _generate(args: argparse.Namespace) -> int:
    try:
        report = generate_pages(args.out_dir, args.catalog, args.folder, args.language)
    except (CatalogError, GenerateError, PageError) as exc:
        return _fail(str(exc))
    sys.stdout.write(report.as_text())
    if report.blocked:
        print(
            "mkdocs-biml generate: files in the way (left above), nothing written", file=sys.stderr
        )
        return EXIT_PROBLEMS
    print(report.summary(args.out_dir))
    return EXIT_OK


def _diff(args: argparse.Namespace) -> int:
    try:
        old, new = load_register(args.old), load_register(args.new)
    except DiffError as exc:
        return _fail(str(exc))
    found = compare(old, new, today())
    sys.stdout.write(DIFF_RENDERERS[args.format](found))
    return EXIT_PROBLEMS if changed(found) else EXIT_OK


def _fail(message: str) -> int:
    _say(f"mkdocs-biml: {message}")
    return EXIT_USAGE


def _say(line: str) -> None:
    """A line on stderr, escaped: it may quote file names and a config's values."""
    print(escape_controls(line), file=sys.stderr)
