"""``mkdocs-biml lint``: the problems a build would report, without building.

Every page goes through what the build runs on it: MkDocs' front-matter
reader (``mkdocs.utils.meta.get_data``), :func:`~mkdocs_biml.frontmatter.read_statuses`
and Python-Markdown with the site's own ``markdown_extensions`` plus
:class:`~mkdocs_biml.extension.BimlExtension`. Code blocks, code spans and
HTML are therefore skipped exactly as in the build, and the messages are the
build's own, located at ``file:line:column``. Documented in ``docs/lint.md``.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import markdown
from markdown.extensions import Extension
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, ConfigurationError
from mkdocs.structure.files import InclusionLevel, get_files
from mkdocs.utils.meta import get_data

from .config import BimlConfig
from .extension import BimlExtension
from .frontmatter import read_statuses
from .loader import CatalogError, builtin_catalog_path, load_catalogs
from .log import Problem, front_matter_lines
from .model import Catalog
from .resolver import TAG_IN_TEXT, CatalogIndex

DEFAULT_CONFIG = "mkdocs.yml"
DEFAULT_DOCS_DIR = "docs"
#: Extensions MkDocs always adds before the site's own (``fenced_code`` matters:
#: it is what hides fenced code from the tag scanner).
MKDOCS_BUILTIN_EXTENSIONS = ("toc", "tables", "fenced_code")
EXTENSION_NAMES = ("biml", "mkdocs_biml.extension")
#: Options of the plugin that the Markdown extension takes as they are.
EXTENSION_OPTIONS = ("folder", "base_url", "link_text", "callouts", "callout_content", "on_unknown")


class LintSetupError(Exception):
    """The lint cannot run (bad config, catalogue or path); ``str()`` is the message."""


@dataclass(frozen=True)
class LintProblem:
    """A problem at ``path:line:column``; ``path`` as the user sees it (relative to cwd)."""

    path: str
    src_uri: str
    line: int | None
    column: int | None
    message: str
    severity: str

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}"

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
    files: list[str] = field(default_factory=list)
    problems: list[LintProblem] = field(default_factory=list)
    #: Files given on the command line that are not pages of the site.
    skipped: list[str] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return bool(self.problems)

    def summary(self) -> str:
        checked = _plural(len(self.files), "file")
        if not self.problems:
            return f"mkdocs-biml lint: {checked} checked, no problems"
        with_problems = len({p.path for p in self.problems})
        return (
            f"mkdocs-biml lint: {_plural(len(self.problems), 'problem')} "
            f"in {with_problems} of {checked}"
        )

    def as_text(self) -> str:
        return "".join(f"{problem}\n" for problem in self.problems) + self.summary() + "\n"

    def as_json(self) -> str:
        document = {
            "files": len(self.files),
            "skipped": self.skipped,
            "problems": [p.as_json() for p in self.problems],
        }
        return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


@dataclass
class SiteSettings:
    """What the build would use: extensions, biml options, catalogues and pages."""

    options: dict[str, Any]
    catalog_sources: list[str]
    #: Allowed statuses, or ``None`` when no plugin reads front matter (extension only).
    statuses: list[str] | None
    extensions: list[str | Extension]
    extension_configs: dict[str, dict[str, Any]]
    docs_dir: Path | None = None
    #: Pages of the site, as MkDocs finds them (``exclude_docs`` applied): path -> src_uri.
    pages: dict[Path, str] | None = None


# -- settings ----------------------------------------------------------------------------


def load_settings(config_file: str | None, extra_catalogs: Sequence[str] = ()) -> SiteSettings:
    """Settings from ``config_file``, or ``./mkdocs.yml`` if there is one, or defaults."""
    if config_file is None and Path(DEFAULT_CONFIG).is_file():
        config_file = DEFAULT_CONFIG
    if config_file is None:
        settings = _settings_from_plugin(_default_plugin_config(), Path.cwd())
        settings.extensions = list(MKDOCS_BUILTIN_EXTENSIONS)
    else:
        settings = _settings_from_config(_load_mkdocs_config(config_file))
    settings.catalog_sources = list(dict.fromkeys([*settings.catalog_sources, *extra_catalogs]))
    return settings


def _load_mkdocs_config(config_file: str) -> MkDocsConfig:
    """The site's config, read by MkDocs itself (``!ENV``, ``!!python/name``, inheritance)."""
    if not Path(config_file).is_file():
        raise LintSetupError(f"config file not found: {config_file}")
    # MkDocs logs what is wrong with a config, then raises a bare "Aborted";
    # the lint keeps those messages for its own single error line.
    mkdocs_logger = logging.getLogger("mkdocs")
    errors = _Collector(logging.ERROR)
    level, propagate = mkdocs_logger.level, mkdocs_logger.propagate
    mkdocs_logger.addHandler(errors)
    mkdocs_logger.setLevel(logging.WARNING)
    mkdocs_logger.propagate = False
    try:
        return load_config(config_file)
    except (ConfigurationError, Abort) as exc:
        reasons = "; ".join(errors.messages) or str(exc)
        raise LintSetupError(f"{config_file}: {reasons}") from None
    finally:
        mkdocs_logger.removeHandler(errors)
        mkdocs_logger.setLevel(level)
        mkdocs_logger.propagate = propagate


class _Collector(logging.Handler):
    def __init__(self, level: int) -> None:
        super().__init__(level)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _settings_from_config(config: MkDocsConfig) -> SiteSettings:
    # Imported here: the plugin module pulls in the page generator, which plain
    # Markdown linting without a config never needs.
    from .plugin import BimlPlugin  # noqa: PLC0415

    plugin = next((p for p in config.plugins.values() if isinstance(p, BimlPlugin)), None)
    extensions = [e for e in config.markdown_extensions if e not in EXTENSION_NAMES]
    configs = {k: dict(v) for k, v in config.mdx_configs.items() if k not in EXTENSION_NAMES}
    if plugin is not None:
        settings = _settings_from_plugin(plugin.config, Path(config.config_file_path).parent)
    else:
        settings = _settings_from_extension(_listed_extension_options(config.mdx_configs))
    settings.extensions = list(extensions)
    settings.extension_configs = configs
    settings.docs_dir = Path(config.docs_dir)
    settings.pages = {
        Path(file.abs_src_path).resolve(): file.src_uri
        for file in get_files(config).documentation_pages(inclusion=InclusionLevel.is_included)
        if file.abs_src_path
    }
    return settings


def _default_plugin_config() -> BimlConfig:
    config = BimlConfig()
    config.load_dict({})
    config.validate()
    return config


def _settings_from_plugin(plugin: BimlConfig, config_dir: Path) -> SiteSettings:
    """As the plugin does: BIML-78 first, other catalogues relative to mkdocs.yml."""
    sources = [
        str(config_dir / name) if not builtin_catalog_path(name) else name
        for name in plugin.catalogs
    ]
    options = {name: plugin[name] for name in EXTENSION_OPTIONS}
    options["link"] = plugin.pages
    return SiteSettings(options, sources, list(plugin.statuses), [], {})


def _listed_extension_options(mdx_configs: Mapping[str, Any]) -> dict[str, Any]:
    for name in EXTENSION_NAMES:
        if name in mdx_configs:
            return dict(mdx_configs[name])
    return {}


def _settings_from_extension(options: dict[str, Any]) -> SiteSettings:
    """The extension used alone: its options as listed; no plugin reads front matter."""
    catalogs = options.pop("catalogs", ["biml-78"])
    sources = [catalogs] if isinstance(catalogs, str) else list(catalogs)
    options = {k: v for k, v in options.items() if k not in ("index", "report")}
    return SiteSettings(options, sources, None, [], {})


# -- files -------------------------------------------------------------------------------


def select_files(paths: Sequence[str], settings: SiteSettings) -> tuple[dict[Path, str], list[str]]:
    """Files to lint (path -> source path for messages), and given files left out.

    With a config, only pages of the site are linted: files outside
    ``docs_dir`` or excluded by ``exclude_docs`` are left out, as the build
    leaves them out.
    """
    if not paths:
        if settings.pages is not None:
            return dict(sorted(settings.pages.items(), key=lambda item: item[1])), []
        if not Path(DEFAULT_DOCS_DIR).is_dir():
            raise LintSetupError(
                f"no DOCS_DIR given, and neither {DEFAULT_CONFIG} nor {DEFAULT_DOCS_DIR}/ here"
            )
        paths = [DEFAULT_DOCS_DIR]
    selected: dict[Path, str] = {}
    skipped: list[str] = []
    for given in paths:
        path = Path(given)
        if not path.exists():
            raise LintSetupError(f"no such file or directory: {given}")
        root = path if path.is_dir() else settings.docs_dir or Path(DEFAULT_DOCS_DIR)
        for file in _markdown_files(path):
            resolved = file.resolve()
            if settings.pages is None:
                selected[resolved] = _source_path(file, root)
            elif resolved in settings.pages:
                selected[resolved] = settings.pages[resolved]
            else:
                skipped.append(display_path(file))
    return selected, skipped


def _markdown_files(path: Path) -> Iterable[Path]:
    if not path.is_dir():
        return [path]
    # Hidden files and folders are left out, as MkDocs leaves them out by default.
    return sorted(
        file
        for file in path.rglob("*.md")
        if file.is_file() and not any(p.startswith(".") for p in file.relative_to(path).parts)
    )


def _source_path(file: Path, root: Path) -> str:
    try:
        return file.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return file.as_posix()


def display_path(path: Path) -> str:
    """``path`` relative to the working directory when it is below it, as tools expect."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


# -- linting -----------------------------------------------------------------------------


class Linter:
    """Runs the build's parsers over pages and collects what they report."""

    def __init__(self, settings: SiteSettings) -> None:
        self.settings = settings
        self.index = CatalogIndex(_load_catalogs(settings.catalog_sources))
        self._reported: list[Problem] = []
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
        report.problems.sort(key=lambda p: (p.path, p.line or 0, p.column or 0, p.message))
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
            for _ in read_statuses(
                meta,
                src_uri,
                self.index,
                self.settings.statuses,
                self._reported.append,
                source=source,
            ):
                pass
        self.extension.begin_page(src_uri, line_offset=front_matter_lines(source, body))
        converter = markdown.Markdown(
            extensions=[*self.settings.extensions, self.extension],
            extension_configs=self.settings.extension_configs,
        )
        try:
            converter.convert(body)
        except Exception as exc:  # another extension failed; the build would stop here too
            message = f"Markdown conversion failed: {type(exc).__name__}: {exc}"
            return [LintProblem(shown, src_uri, None, None, message, "error")]
        finally:
            self.extension.take_citations()
        return _located(self._reported, source.splitlines(), shown)


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


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def run_lint(
    paths: Sequence[str], config_file: str | None = None, catalogs: Sequence[str] = ()
) -> LintReport:
    """Lint ``paths`` (files or folders; none: the whole site) as the build would."""
    settings = load_settings(config_file, catalogs)
    files, skipped = select_files(paths, settings)
    report = Linter(settings).lint(files)
    report.skipped = skipped
    return report


__all__ = [
    "LintProblem",
    "LintReport",
    "LintSetupError",
    "Linter",
    "load_settings",
    "run_lint",
    "select_files",
]
