"""``mkdocs-biml lint``: the problems a build would report, without building.

Every page goes through what the build runs on it: MkDocs' front-matter
reader (``mkdocs.utils.meta.get_data``), :func:`~mkdocs_biml.records.frontmatter.read_statuses`
and Python-Markdown with the site's own ``markdown_extensions`` plus
:class:`~mkdocs_biml.extension.BimlExtension`. Code blocks, code spans and
HTML are therefore skipped exactly as in the build, and the messages are the
build's own, located at ``file:line:column``. Documented in ``docs/lint.md``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import markdown
from mkdocs.utils import is_markdown_file, markdown_extensions
from mkdocs.utils.meta import get_data

from ..catalog.loader import CatalogError, load_catalogs
from ..catalog.model import Catalog
from ..catalog.resolver import TAG_IN_TEXT, CatalogIndex
from ..core.problems import Problem, display_path, escape_controls, front_matter_lines, page_path
from ..expansion.extension import BimlExtension
from ..pages.riskquery import QueryScope, marker_problems
from ..records.frontmatter import read_statuses
from ..records.ledger import Ledger, StatusNote
from ..records.otherregisters import RegisterError, read_registers
from ..records.policy import check_policy
from ..records.tracking import today
from .lint_settings import (
    DEFAULT_DOCS_DIR,
    LintSetupError,
    SiteSettings,
    config_names,
    folder_as_site,
    load_settings,
    pages_of,
)


@dataclass(frozen=True)
class LintProblem:
    """A problem at ``path:line:column``; ``path`` as the user sees it (relative to cwd)."""

    path: str
    src_uri: str
    line: int | None
    column: int | None
    message: str
    severity: str

    def __post_init__(self) -> None:
        # Escaped as a build's Problem is: the path is a file name, which may hold
        # anything, and some messages (a failed conversion) quote other code's text.
        object.__setattr__(self, "path", escape_controls(self.path))
        object.__setattr__(self, "src_uri", escape_controls(self.src_uri))
        object.__setattr__(self, "message", escape_controls(self.message))

    @property
    def location(self) -> str:
        return Problem(self.path, self.line, self.column, self.message).location

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"

    def as_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "src_uri": self.src_uri,
            "line": self.line,
            "column": self.column,
            "message": self.message,
            "severity": self.severity,
        }


@dataclass
class LintReport:
    """What a lint run found, over which files, and notes on how it ran."""

    files: list[str] = field(default_factory=list)
    problems: list[LintProblem] = field(default_factory=list)
    #: What the user should know about how the lint ran (stderr, never in the output).
    notes: list[str] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return bool(self.problems)


# -- files -------------------------------------------------------------------------------


def select_files(paths: Sequence[str], settings: SiteSettings) -> tuple[dict[Path, str], list[str]]:
    """Files to lint (path -> source path), and those of them that are not pages of the site.

    No ``paths``: every page of the site. A folder: the site's pages inside it,
    or, for a folder outside ``docs_dir``, the files MkDocs would build as pages
    there. A file is always linted, with the site's settings, when it is a
    Markdown file (MkDocs' own rule), even outside ``docs_dir`` or excluded.
    """
    if not paths:
        if settings.pages is None:
            raise LintSetupError(
                f"no PATH given, no {config_names()} here or above, "
                f"and no {DEFAULT_DOCS_DIR}/ folder here"
            )
        return dict(sorted(settings.pages.items(), key=lambda item: item[1])), []
    selected: dict[Path, str] = {}
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = _files_in_folder(path, settings)
            if not found:
                raise LintSetupError(f"no Markdown page in {given}")
            selected.update(found)
        elif path.is_file():
            if not is_markdown_file(path.name):
                raise LintSetupError(
                    f"{given} is not a Markdown file: MkDocs builds pages only from "
                    f"{', '.join(f'*{ext}' for ext in markdown_extensions)} files"
                )
            selected[page_path(path)] = _source_path(page_path(path), settings)
        else:
            raise LintSetupError(f"no such file or directory: {given}")
    pages = settings.pages or {}
    not_pages = [display_path(path) for path in selected if path not in pages]
    return selected, not_pages if settings.pages is not None else []


def changed_paths(
    changed: Sequence[str], settings: SiteSettings
) -> tuple[list[str] | None, str | None]:
    """What to lint when ``changed`` files are a commit's: ``[]`` is the whole site,
    ``None`` nothing; and a note saying why, when it is not the files themselves.

    A change to the config or to a catalogue file may break a tag on any page, so
    it lints the whole site (so does an empty list). Of the other files, the
    Markdown ones are linted and the rest (the hook also sees YAML and TOML files
    that are not the site's) skipped, as the note says.
    """
    everywhere = settings.files_every_page_depends_on()
    moved = [path for path in changed if Path(path).resolve() in everywhere]
    if moved:
        return [], f"{', '.join(moved)} changed: every page of the site is linted"
    if not changed:
        return [], None
    pages = [path for path in changed if is_markdown_file(path)]
    others = [path for path in changed if not is_markdown_file(path)]
    note = None
    if others:
        note = f"skipped, neither Markdown nor the site's config or catalogues: {', '.join(others)}"
    return (pages or None), note


def _files_in_folder(folder: Path, settings: SiteSettings) -> dict[Path, str]:
    wanted = page_path(folder)
    docs = settings.docs_dir
    overlaps = docs is not None and (wanted.is_relative_to(docs) or docs.is_relative_to(wanted))
    if settings.pages is not None and overlaps:
        pages = sorted(settings.pages.items(), key=lambda item: item[1])
        return {path: src_uri for path, src_uri in pages if path.is_relative_to(wanted)}
    return {path: _source_path(path, settings) for path in sorted(pages_of(folder_as_site(folder)))}


def _source_path(path: Path, settings: SiteSettings) -> str:
    """The page's src_uri; for other files, the path from docs_dir or the site's folder."""
    if settings.pages is not None and path in settings.pages:
        return settings.pages[path]
    for base in (settings.docs_dir, page_path(settings.root)):
        if base is not None and path.is_relative_to(base):
            return path.relative_to(base).as_posix()
    return path.as_posix()


# -- linting -----------------------------------------------------------------------------


class Linter:
    """Runs the build's parsers over pages and collects what they report."""

    def __init__(self, settings: SiteSettings) -> None:
        self.settings = settings
        self.catalogs = _load_catalogs(settings.catalog_sources)
        self.index = CatalogIndex(self.catalogs)
        self._reported: list[Problem] = []
        #: What the linted pages cite and which statuses they give, as in the build.
        self.ledger = Ledger()
        # Risk table markers are the plugin's: a site with the extension alone has none.
        self.query_scope = (
            QueryScope(self.catalogs, settings.statuses, _assessment_names(settings, self.catalogs))
            if settings.statuses is not None
            else None
        )
        try:
            self.extension = BimlExtension(
                index=self.index, report=self._reported.append, **settings.options
            )
        except (ValueError, KeyError) as exc:
            raise LintSetupError(f"biml options: {exc}") from None

    def lint(self, files: Mapping[Path, str]) -> LintReport:
        report = LintReport()
        for path, src_uri in files.items():
            shown = display_path(path)
            report.files.append(shown)
            report.problems.extend(self.lint_file(path, src_uri, shown))
        report.problems.sort(key=_problem_order)
        return report

    def lint_file(self, path: Path, src_uri: str, shown: str) -> list[LintProblem]:
        self._reported.clear()
        try:
            # As MkDocs reads a page: BOM dropped, any line ending read as '\n'.
            source = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            return [LintProblem(shown, src_uri, None, None, f"cannot read: {exc}", "error")]
        body, meta = get_data(source)
        if self.settings.statuses is not None:
            for entry in read_statuses(
                meta,
                src_uri,
                self.index,
                self.settings.statuses,
                self._reported.append,
                source=source,
            ):
                note = StatusNote(entry.owner, entry.note, entry.line, entry.tracking)
                self.ledger.set_status(src_uri, entry.risk, entry.status, note)
        self.extension.begin_page(src_uri, line_offset=front_matter_lines(source, body))
        converter = markdown.Markdown(
            extensions=[*self.settings.extensions, self.extension],
            extension_configs=self.settings.extension_configs,
        )
        try:
            html = converter.convert(body)
        except Exception as exc:  # another extension failed; the build would stop here too
            message = f"Markdown conversion failed: {type(exc).__name__}: {exc}"
            return [LintProblem(shown, src_uri, None, None, message, "error")]
        finally:
            for citation in self.extension.take_citations():
                self.ledger.cite(src_uri, citation.risk, citation.line)
        if self.query_scope is not None:
            offset = front_matter_lines(source, body)
            self._reported.extend(marker_problems(html, body, src_uri, self.query_scope, offset))
        return _located(self._reported, source.splitlines(), shown)

    def policy_problems(self, files: Mapping[Path, str]) -> list[LintProblem]:
        """The violations of the site's ``policy`` option, as the build reports them."""
        report = check_policy(
            self.settings.policy,
            self.catalogs,
            self.ledger,
            self.settings.assessments,
            today=today(),
            config_path=self.settings.config_path,
        )
        shown = {src_uri: display_path(path) for path, src_uri in files.items()}
        return [
            LintProblem(
                shown.get(p.path, p.path), p.path, p.line, None, p.message, p.severity.value
            )
            for p in report.violations()
        ]


def _problem_order(problem: LintProblem) -> tuple[str, int, int, str]:
    return (problem.path, problem.line or 0, problem.column or 0, problem.message)


def _assessment_names(settings: SiteSettings, catalogs: Sequence[Catalog]) -> list[str]:
    """The site's assessments, then those its other sites' registers bring (as the build)."""
    try:
        names = settings.assessments.names
        statuses = settings.statuses or ()
        others = read_registers(settings.registers, Path(), catalogs, names, statuses)
    except RegisterError as exc:
        raise LintSetupError(str(exc)) from None
    return [*names, *(a.name for a in others.assessments)]


def _load_catalogs(sources: Sequence[str]) -> list[Catalog]:
    try:
        return load_catalogs(sources)
    except CatalogError as exc:
        raise LintSetupError(str(exc)) from None


def _located(problems: Sequence[Problem], lines: Sequence[str], shown: str) -> list[LintProblem]:
    """Add the column: where the problem's tag (the first one its message quotes) is."""
    located = []
    used: dict[tuple[int, str], int] = {}
    for problem in problems:
        column = None
        if problem.line is not None and 0 < problem.line <= len(lines):
            column = _column(lines[problem.line - 1], problem, used)
        located.append(
            LintProblem(
                shown, problem.path, problem.line, column, problem.message, problem.severity.value
            )
        )
    return located


def _column(line: str, problem: Problem, used: dict[tuple[int, str], int]) -> int:
    """1-based column of the tag in ``line``; a tag repeated on a line takes its next copy."""
    quoted = TAG_IN_TEXT.search(problem.message)
    if quoted is not None:
        text = quoted.group(1)
        key = (problem.line or 0, text)
        start = used.get(key, 0)
        for needle in (f"[{text}]", text):
            found = line.find(needle, start)
            if found >= 0:
                used[key] = found + len(needle)
                return found + 1
    return len(line) - len(line.lstrip()) + 1


def run_lint(
    paths: Sequence[str],
    config_file: str | None = None,
    catalogs: Sequence[str] = (),
    *,
    changed: bool = False,
) -> LintReport:
    """Lint ``paths`` (files or folders; none: the whole site) as the build would.

    With ``changed``, ``paths`` are the files a commit changes (pre-commit's
    hook): see :func:`changed_paths`.
    """
    settings = load_settings(config_file, catalogs)
    problem = settings.policy.status_problem(settings.statuses or ())
    if problem and settings.statuses is not None:
        raise LintSetupError(problem)
    notes = [] if settings.note is None else [settings.note]
    selected: Sequence[str] | None = paths
    if changed:
        selected, note = changed_paths(paths, settings)
        notes += [note] if note else []
    files, not_pages = ({}, []) if selected is None else select_files(selected, settings)
    linter = Linter(settings)
    report = linter.lint(files)
    # The policy checks need every page: selected == [] is the whole site.
    if settings.policy and settings.statuses is not None and selected is not None:
        if selected:
            notes.append("the policy checks run only when the whole site is linted (no PATH given)")
        else:
            report.problems.extend(linter.policy_problems(files))
            report.problems.sort(key=_problem_order)
    report.notes.extend(notes)
    if not_pages:
        report.notes.append(
            f"not pages of the site (outside docs_dir, or excluded), linted with its "
            f"settings: {', '.join(not_pages)}"
        )
    return report


__all__ = [
    "LintProblem",
    "LintReport",
    "LintSetupError",
    "Linter",
    "changed_paths",
    "load_settings",
    "run_lint",
    "select_files",
]
