"""What ``mkdocs-biml lint`` lints with: the site's config, found as git finds ``.git``.

The config file is named with ``-f`` or looked for in the working directory
and then in each folder above it. It is read by MkDocs itself; from it come
the Markdown extensions, the biml options, the catalogues and the pages, by
MkDocs' own rule for what is a page. The lint needs nothing else of it: the
theme is replaced by MkDocs' own, so a theme that is not installed (Material
on a Zensical site) or that only Zensical accepts does not stop it. A
Zensical site's ``zensical.toml`` is read too: its ``[project]`` table holds
the same keys as ``mkdocs.yml``. Without a config, MkDocs' and the plugin's
defaults apply, and :attr:`SiteSettings.note` says so.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markdown.extensions import Extension
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, ConfigurationError
from mkdocs.structure.files import InclusionLevel, get_files

from ..catalog.loader import builtin_catalog_path
from ..core.problems import display_path, page_path
from ..expansion.options import extension_options
from ..host.config import BimlConfig
from ..records.assessments import Assessments
from ..records.otherregisters import RegisterSource
from ..records.policy import NO_POLICY, Policy

if sys.version_info >= (3, 11):  # Zensical needs 3.11 too; the plugin runs on 3.10
    import tomllib

#: Config files looked for, in this order, in the working directory and then each folder above.
CONFIG_NAMES = (
    "mkdocs.yml",
    "mkdocs.yaml",
    "properdocs.yml",
    "properdocs.yaml",
    "zensical.toml",
)
#: The theme the lint loads in place of the site's: it never renders a page, and
#: the site's theme may not be installed where the lint runs.
LINT_THEME = "mkdocs"
DEFAULT_DOCS_DIR = "docs"
#: Extensions MkDocs always adds before the site's own (``fenced_code`` matters:
#: it is what hides fenced code from the tag scanner).
MKDOCS_BUILTIN_EXTENSIONS = ("toc", "tables", "fenced_code")
EXTENSION_NAMES = ("biml", "mkdocs_biml.extension")


class LintSetupError(Exception):
    """The lint cannot run (bad config, catalogue or path); ``str()`` is the message."""


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
    #: Other sites' registers, their paths absolute: their assessments are names too.
    registers: list[RegisterSource] = field(default_factory=list)
    #: Folder of the config file (the working directory without one).
    root: Path = field(default_factory=Path.cwd)
    #: The config file read, if any.
    config_file: Path | None = None
    #: Said once on stderr: no config was found, and what the lint uses instead.
    note: str | None = None
    #: The plugin's policy checks and assessments (``policy.py``), run over the whole site.
    policy: Policy = NO_POLICY
    assessments: Assessments = field(default_factory=Assessments)
    #: The config file as messages show it (policy violations no page holds are placed there).
    config_path: str = "mkdocs.yml"

    def files_every_page_depends_on(self) -> set[Path]:
        """The config file and the catalogue files: a change to one may change any page."""
        files = {Path(s).resolve() for s in self.catalog_sources if not builtin_catalog_path(s)}
        return files | ({self.config_file} if self.config_file else set())


# -- settings ----------------------------------------------------------------------------


def find_config(start: Path) -> Path | None:
    """The first config file in ``start`` or the nearest folder above it, as git finds .git."""
    for folder in (start, *start.parents):
        for name in CONFIG_NAMES:
            if (folder / name).is_file():
                return folder / name
    return None


def load_settings(config_file: str | None, extra_catalogs: Sequence[str] = ()) -> SiteSettings:
    """Settings from ``config_file``, or the config found from here up, or the defaults."""
    if config_file is None:
        found = find_config(Path.cwd())
        config_file = None if found is None else display_path(found)
    if config_file is None:
        settings = _default_settings()
    elif config_file.endswith(".toml"):
        settings = _settings_from_config(_load_zensical_config(config_file))
    else:
        settings = _settings_from_config(_load_mkdocs_config(config_file))
    settings.catalog_sources = list(dict.fromkeys([*settings.catalog_sources, *extra_catalogs]))
    if config_file is None:
        settings.note = _no_config_note(settings)
    return settings


def _default_settings() -> SiteSettings:
    """MkDocs' and the plugin's defaults, with the pages MkDocs would find in ``./docs``."""
    settings = _settings_from_plugin(_default_plugin_config(), Path.cwd())
    settings.extensions = list(MKDOCS_BUILTIN_EXTENSIONS)
    docs = Path(DEFAULT_DOCS_DIR)
    if docs.is_dir():
        settings.docs_dir = page_path(docs)
        settings.pages = pages_of(folder_as_site(docs))
    return settings


def _no_config_note(settings: SiteSettings) -> str:
    catalogs = ", ".join(["BIML-78", *settings.catalog_sources])
    pages = (
        f"the pages in ./{DEFAULT_DOCS_DIR}"
        if settings.pages is not None
        else "only the PATHs given"
    )
    return (
        f"no {config_names()} in {Path.cwd()} or a folder above it: using the defaults of "
        f"MkDocs and of the biml plugin (catalogues {catalogs}; Markdown extensions "
        f"{', '.join(MKDOCS_BUILTIN_EXTENSIONS)}; {pages}); -f/--config-file FILE names a config"
    )


def config_names() -> str:
    return ", ".join(CONFIG_NAMES[:-1]) + f" or {CONFIG_NAMES[-1]}"


def _load_mkdocs_config(config_file: str) -> MkDocsConfig:
    """The site's config, read by MkDocs itself (``!ENV``, ``!!python/name``, inheritance),
    with MkDocs' own theme in place of the site's (see :data:`LINT_THEME`)."""
    if not Path(config_file).is_file():
        raise LintSetupError(f"config file not found: {config_file}")
    return _validated(config_file, lambda: load_config(config_file, theme=LINT_THEME))


def _load_zensical_config(config_file: str) -> MkDocsConfig:
    """A Zensical site's ``zensical.toml``: its ``[project]`` table, validated by MkDocs.

    Only what the lint uses is taken: ``docs_dir``, ``exclude_docs`` and the
    Markdown extensions (a table of name -> options, or a list as in mkdocs.yml).
    """
    path = Path(config_file)
    if not path.is_file():
        raise LintSetupError(f"config file not found: {config_file}")
    project = _toml_document(path).get("project", {})
    if not isinstance(project, dict):
        raise LintSetupError(f"{config_file}: [project] must be a table")
    extensions = project.get("markdown_extensions", [])
    if isinstance(extensions, dict):
        extensions = [{name: options or {}} for name, options in extensions.items()]
    used = {key: project[key] for key in ("docs_dir", "exclude_docs") if key in project}

    def load() -> MkDocsConfig:
        config = MkDocsConfig(config_file_path=str(path.resolve()))
        config.load_dict(
            {
                "site_name": str(project.get("site_name", path.parent.name)),
                "theme": LINT_THEME,
                "markdown_extensions": extensions,
                **used,
            }
        )
        errors, _ = config.validate()
        if errors:
            raise ConfigurationError("; ".join(f"{key}: {error}" for key, error in errors))
        return config

    return _validated(config_file, load)


def _toml_document(path: Path) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        try:
            return tomllib.loads(path.read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise LintSetupError(f"{display_path(path)}: {exc}") from None
    raise LintSetupError(
        f"{display_path(path)}: reading TOML needs Python 3.11 or later (as Zensical does)"
    )


def _validated(config_file: str, load: Callable[[], MkDocsConfig]) -> MkDocsConfig:
    """``load()``, with what MkDocs logs about a bad config in one :class:`LintSetupError`."""
    # MkDocs logs what is wrong with a config, then raises a bare "Aborted";
    # the lint keeps those messages for its own single error line.
    mkdocs_logger = logging.getLogger("mkdocs")
    errors = _Collector(logging.ERROR)
    level, propagate = mkdocs_logger.level, mkdocs_logger.propagate
    mkdocs_logger.addHandler(errors)
    mkdocs_logger.setLevel(logging.WARNING)
    mkdocs_logger.propagate = False
    try:
        return load()
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
    from ..host.plugin import BimlPlugin  # noqa: PLC0415

    plugin = next((p for p in config.plugins.values() if isinstance(p, BimlPlugin)), None)
    extensions = [e for e in config.markdown_extensions if e not in EXTENSION_NAMES]
    configs = {k: dict(v) for k, v in config.mdx_configs.items() if k not in EXTENSION_NAMES}
    config_dir = Path(config.config_file_path).parent
    if plugin is not None:
        settings = _settings_from_plugin(plugin.config, config_dir)
    else:
        options = _listed_extension_options(config.mdx_configs)
        settings = _settings_from_extension(options, config_dir)
    settings.extensions = list(extensions)
    settings.extension_configs = configs
    settings.docs_dir = page_path(config.docs_dir)
    settings.pages = pages_of(config)
    settings.root = page_path(Path(config.config_file_path).parent)
    settings.config_path = display_path(Path(config.config_file_path))
    settings.config_file = Path(config.config_file_path).resolve()
    return settings


def pages_of(config: MkDocsConfig) -> dict[Path, str]:
    """What MkDocs builds as pages (its own rule, ``exclude_docs`` applied): path -> src_uri."""
    return {
        page_path(file.abs_src_path): file.src_uri
        for file in get_files(config).documentation_pages(inclusion=InclusionLevel.is_included)
        if file.abs_src_path
    }


def folder_as_site(folder: Path) -> MkDocsConfig:
    """MkDocs' default config with ``folder`` as its docs_dir; nothing is ever built."""
    docs_dir = page_path(folder)
    config = MkDocsConfig()
    # The site_dir must be neither inside docs_dir nor around it; nothing is written there.
    site_dir = docs_dir.parent / f".{docs_dir.name}-site"
    config.load_dict(
        {"site_name": "mkdocs-biml lint", "docs_dir": str(docs_dir), "site_dir": str(site_dir)}
    )
    errors, _ = config.validate()
    if errors:
        raise LintSetupError(f"{folder}: " + "; ".join(f"{key}: {error}" for key, error in errors))
    return config


def _default_plugin_config() -> BimlConfig:
    config = BimlConfig()
    config.load_dict({})
    config.validate()
    return config


def _settings_from_plugin(plugin: BimlConfig, config_dir: Path) -> SiteSettings:
    """As the plugin does: BIML-78 first, other catalogues relative to mkdocs.yml."""
    sources = _catalog_sources(plugin.catalogs, config_dir)
    settings = SiteSettings(extension_options(plugin), sources, list(plugin.statuses), [], {})
    settings.policy = Policy.from_option(plugin.policy)
    settings.assessments = Assessments.from_option(plugin.assessments)
    settings.registers = [
        RegisterSource(**{**entry, "path": str(config_dir / entry["path"])})
        for entry in plugin.registers
    ]
    return settings


def _catalog_sources(names: Sequence[str], config_dir: Path) -> list[str]:
    """Built-in names as they are; files relative to the config's folder, where the
    site is built from (MkDocs reads them from there, Zensical from the folder it runs in)."""
    return [str(config_dir / name) if not builtin_catalog_path(name) else name for name in names]


def _listed_extension_options(mdx_configs: Mapping[str, Any]) -> dict[str, Any]:
    for name in EXTENSION_NAMES:
        if name in mdx_configs:
            return dict(mdx_configs[name])
    return {}


def _settings_from_extension(options: dict[str, Any], config_dir: Path) -> SiteSettings:
    """The extension used alone: its options as listed; no plugin reads front matter."""
    catalogs = options.pop("catalogs", ["biml-78"])
    names = [catalogs] if isinstance(catalogs, str) else list(catalogs)
    return SiteSettings(options, _catalog_sources(names, config_dir), None, [], {})


def repository_root() -> Path:
    """The repository the working directory is in: ``$GITHUB_WORKSPACE`` (the checkout,
    in GitHub Actions), else the nearest folder holding ``.git`` (a folder, or a file in
    a worktree or submodule), else the working directory."""
    workspace = os.environ.get("GITHUB_WORKSPACE")
    if workspace:
        return Path(workspace).resolve()
    here = Path.cwd().resolve()
    return next((folder for folder in (here, *here.parents) if (folder / ".git").exists()), here)


def repository_path(shown: str) -> str:
    """``shown`` (relative to the working directory) relative to the repository root,
    ``/`` separated, as GitHub places annotations and code-scanning results; a path
    outside the repository is kept as it is."""
    try:
        return (Path.cwd() / shown).resolve().relative_to(repository_root()).as_posix()
    except ValueError:
        return Path(shown).as_posix()
