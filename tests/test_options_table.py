"""The options the plugin and the extension share come from one table."""

from __future__ import annotations

from mkdocs.config import config_options as c

from mkdocs_biml.expansion.options import SHARED_OPTIONS, extension_options
from mkdocs_biml.extension import BimlExtension
from mkdocs_biml.host.config import BimlConfig


def test_plugin_and_extension_defaults_and_choices_are_the_table() -> None:
    plugin_options = dict(BimlConfig._schema)
    extension = BimlExtension()
    for option in SHARED_OPTIONS:
        declared = plugin_options[option.in_plugin]
        assert declared.default == option.default, option.name
        assert extension.getConfig(option.name) == option.default, option.name
        if option.choices:
            assert isinstance(declared, c.Choice)
            assert tuple(declared.choices) == option.choices


def test_the_plugins_pages_option_is_the_extensions_link() -> None:
    config = BimlConfig()
    config.load_dict({"pages": False, "on_unknown": "error"})
    assert not config.validate()[0]
    options = extension_options(config)
    assert options["link"] is False
    assert options["on_unknown"] == "error"
    assert set(options) == {option.name for option in SHARED_OPTIONS}
