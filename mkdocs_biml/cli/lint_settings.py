"""What ``mkdocs-biml lint`` lints with: the site's config, found as git finds ``.git``.

The config file is named with ``-f`` or looked for in the working directory
and then in each folder above it. It is read by MkDocs itself; from it come
the Markdown extensions, the biml options, the catalogues and the pages, by
MkDocs' own rule for what is a page. Without one, MkDocs' and the plugin's
defaults apply, and :attr:`SiteSettings.note` says so.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markdown.extensions import Extension
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, ConfigurationError
from mkdocs.structure.files import InclusionLevel, get_files

from ..catalog.loader import builtin_catalog_path
from ..config import BimlConfig
from ..expansion.options import extension_options
from ..problems import display_path, page_path
from ..site.assessments import Assessments
from ..site.otherregisters import RegisterSource
from ..site.policy import NO_POLICY, Policy

#: Config files looked for, in this order, in the working directory and then each folder above.
CONFIG_NAMES = ("mkdocs.yml", "mkdocs.yaml", "properdocs.yml", "properdocs.yaml")
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
    #: Said once on stderr: no config was found, and what the lint uses instead.
    note: str | None = None
    #: The plugin's policy checks and assessments (``policy.py``), run over the whole site.
    policy: Policy = NO_POLICY
    assessments: Assessments = field(default_factory=Assessments)
    #: The config file as messages show it (policy violations no page holds are placed there).
    config_path: str = "mkdocs.yml"


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
    from ..plugin import BimlPlugin  # noqa: PLC0415

    plugin = next((p for p in config.plugins.values() if isinstance(p, BimlPlugin)), None)
    extensions = [e for e in config.markdown_extensions if e not in EXTENSION_NAMES]
    configs = {k: dict(v) for k, v in config.mdx_configs.items() if k not in EXTENSION_NAMES}
    if plugin is not None:
        settings = _settings_from_plugin(plugin.config, Path(config.config_file_path).parent)
    else:
        settings = _settings_from_extension(_listed_extension_options(config.mdx_configs))
    settings.extensions = list(extensions)
    settings.extension_configs = configs
    settings.docs_dir = page_path(config.docs_dir)
    settings.pages = pages_of(config)
    settings.root = page_path(Path(config.config_file_path).parent)
    settings.config_path = display_path(Path(config.config_file_path))
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
    sources = [
        str(config_dir / name) if not builtin_catalog_path(name) else name
        for name in plugin.catalogs
    ]
    settings = SiteSettings(extension_options(plugin), sources, list(plugin.statuses), [], {})
    settings.policy = Policy.from_option(plugin.policy)
    settings.assessments = Assessments.from_option(plugin.assessments)
    settings.registers = [
        RegisterSource(**{**entry, "path": str(config_dir / entry["path"])})
        for entry in plugin.registers
    ]
    return settings


def _listed_extension_options(mdx_configs: Mapping[str, Any]) -> dict[str, Any]:
    for name in EXTENSION_NAMES:
        if name in mdx_configs:
            return dict(mdx_configs[name])
    return {}


def _settings_from_extension(options: dict[str, Any]) -> SiteSettings:
    """The extension used alone: its options as listed; no plugin reads front matter."""
    catalogs = options.pop("catalogs", ["biml-78"])
    sources = [catalogs] if isinstance(catalogs, str) else list(catalogs)
    return SiteSettings(options, sources, None, [], {})
