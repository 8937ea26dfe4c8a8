"""What the plugin takes from, and adds to, the site's MkDocs config: its words in
the theme's language, and its Markdown extension, stylesheet and script, each
listed once."""

from __future__ import annotations

from collections.abc import Callable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from ..catalog.resolver import CatalogIndex
from ..catalog.valuetext import short_repr
from ..core.i18n import Strings, StringsError, shipped_language
from ..core.problems import Problem
from ..expansion.extension import BimlExtension
from ..expansion.options import extension_options
from .config import BimlConfig
from .outputs import SCRIPT, STYLESHEET

log = get_plugin_logger("biml")


def site_strings(config: MkDocsConfig, options: BimlConfig) -> Strings:
    """The plugin's words in the theme's language (Material: ``language``; the MkDocs
    theme: ``locale``), with the ``strings`` option over them."""
    language = config.theme.get("language") or config.theme.get("locale")
    language = str(language) if language else None
    if language and shipped_language(language) is None and not language.startswith("en"):
        log.info(
            f"the theme's language {short_repr(language)} has no translation of the plugin's "
            f"words: they stay in English (the 'strings' option can set them)"
        )
    try:
        return Strings(language, options.strings)
    except StringsError as exc:
        raise PluginError(f"biml: {exc}") from None


def make_extension(
    options: BimlConfig,
    index: CatalogIndex | None,
    strings: Strings,
    report: Callable[[Problem], None],
) -> BimlExtension:
    """The plugin's Markdown extension, with the extension's options of the plugin's."""
    try:
        return BimlExtension(
            index=index, report=report, strings=strings, **extension_options(options)
        )
    except ValueError as exc:
        raise PluginError(str(exc)) from None


def add_to_config(config: MkDocsConfig, extension: BimlExtension) -> None:
    """Add the extension, the stylesheet and the script to the site's config, once."""
    _replace_listed_extension(config)
    # A config object may be built more than once (tests, tools that call
    # build() twice): replace our earlier additions instead of stacking them.
    config.markdown_extensions[:] = [
        e for e in config.markdown_extensions if not isinstance(e, BimlExtension)
    ]
    config.markdown_extensions.append(extension)  # type: ignore[arg-type]
    if STYLESHEET not in config.extra_css:
        config.extra_css.append(STYLESHEET)
    if SCRIPT not in [str(script) for script in config.extra_javascript]:
        config.extra_javascript.append(SCRIPT)


def _replace_listed_extension(config: MkDocsConfig) -> None:
    """The plugin brings the extension: a second copy would expand tags twice."""
    listed = [e for e in config.markdown_extensions if e in ("biml", "mkdocs_biml.extension")]
    for name in listed:
        config.markdown_extensions.remove(name)
        config.mdx_configs.pop(name, None)
        log.info(
            "the biml plugin adds the biml Markdown extension itself; "
            "its entry under markdown_extensions is ignored"
        )
