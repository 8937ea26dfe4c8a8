"""The options the plugin and the extension share: one table, read by both.

``config.py`` declares the plugin's options with these defaults and choices,
the extension builds its config dict from them and checks the choices,
``plugin.py`` and ``mkdocs-biml lint`` hand the plugin's values to the
extension through :func:`extension_options`. Each option is documented, with
an example, in ``docs/configuration.md``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..frozen import Frozen


class SharedOption(Frozen):
    """An option of the extension that the plugin also takes."""

    #: The extension's name of the option.
    name: str
    default: Any
    help: str
    #: The values allowed, when the option is a choice.
    choices: tuple[str, ...] = ()
    #: The plugin's name of the option, when it differs (``pages`` is ``link``).
    plugin_name: str = ""

    @property
    def in_plugin(self) -> str:
        return self.plugin_name or self.name

    def choice_problem(self, value: object) -> str | None:
        """What is wrong with ``value`` for a choice option (``None`` when nothing is)."""
        if not self.choices or value in self.choices:
            return None
        return f"{self.name} must be one of {', '.join(self.choices)}"


SHARED_OPTIONS = (
    SharedOption("folder", "biml", "Folder of the generated framework pages."),
    SharedOption("base_url", "", "Link risks to the framework pages of another site."),
    SharedOption(
        "link",
        True,
        "Link to generated pages; false renders the tag without a link.",
        plugin_name="pages",
    ),
    SharedOption("link_text", "{title}", "Text of inline references."),
    SharedOption("callouts", True, "A paragraph holding only tags becomes callouts."),
    SharedOption(
        "on_unknown", "warn", "warn, error or ignore.", choices=("warn", "error", "ignore")
    ),
    SharedOption(
        "callout_content",
        "description",
        "description, summary or none.",
        choices=("description", "summary", "none"),
    ),
)
OPTIONS = {option.name: option for option in SHARED_OPTIONS}


def extension_options(plugin_config: Mapping[str, Any]) -> dict[str, Any]:
    """The extension's options from the plugin's values (its ``pages`` is ``link``)."""
    return {option.name: plugin_config[option.in_plugin] for option in SHARED_OPTIONS}
