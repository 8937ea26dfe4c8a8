"""The framework's pages as Markdown and HTML, for the plugin and for ``mkdocs-biml generate``."""
