"""Markdown converted in process, set up exactly as the plugin sets it up.

A whole-site build costs 0.2-0.3 s; most extension behaviour is only the HTML
a tag expands to. :class:`PluginMarkdown` loads a real ``mkdocs.yml`` with
MkDocs' own ``load_config``, gives a ``BimlPlugin`` its options as MkDocs does
(``load_config`` of the plugin), runs its own ``on_config`` (which makes the
extension from the options) and ``on_files`` (which hands the extension the
generated pages' final URLs, from real ``File.generated`` objects), then
converts each page with a ``markdown.Markdown`` built as MkDocs builds it,
around the plugin's own ``on_page_markdown`` and ``on_page_content``. Nothing
is mocked: only the theme and the writing of the site are left out.

The plugin is an instance of its own, not the one MkDocs' config would give:
MkDocs keeps one instance of a plugin with ``on_startup`` for every config
loaded in the process (for ``mkdocs serve``), so each set-up, and every real
build in the same test process, would reconfigure the others'.

Each page is written under ``docs/`` and read back through a real ``File``, so
what MkDocs does to a file's text (byte order marks, front matter) happens too.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import markdown
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from mkdocs_biml.host.plugin import BimlPlugin
from tests.sites import Recorder, write_site

TRANSFER_SUMMARY = (
    "A public pretrained base model can be used to build attacks on a fine-tuned model, "
    "or may itself hide a Trojan."
)


def transfer_link(href: str = "biml/data/#data-2-transfer", text: str = "") -> str:
    """The exact HTML of an inline ``[data:2:transfer]`` (on a top-level page by default)."""
    return (
        f'<a class="biml-ref" data-biml-tag="data:2:transfer" href="{href}" '
        f'title="{TRANSFER_SUMMARY}">{text or "Transfer learning attack"}</a>'
    )


class PluginMarkdown:
    """The biml plugin on a real MkDocs config, converting one page at a time."""

    def __init__(
        self,
        root: Path,
        options: Mapping[str, Any] | None = None,
        config: Mapping[str, Any] | None = None,
    ) -> None:
        """``options`` are the plugin's, ``config`` the rest of ``mkdocs.yml``."""
        self.root = root
        config_file = write_site(root, {}, {**(config or {}), "plugins": []})
        self.messages: list[logging.LogRecord] = []
        self.plugin = BimlPlugin()
        errors, _ = self.plugin.load_config(dict(options or {}), str(config_file))
        assert not errors, errors
        with self._recording():
            loaded = load_config(str(config_file), site_dir=str(root / "site"))
            loaded.plugins["biml"] = self.plugin  # registers its events, as MkDocs does
            self.config: MkDocsConfig = loaded.plugins.on_config(loaded)
            self.files: Files = self.config.plugins.on_files(Files([]), config=self.config)
        # As MkDocs' Page.render makes it (its own processors only note anchors
        # and titles, or rewrite links the plugin no longer leaves to it).
        self.md = markdown.Markdown(
            extensions=self.config.markdown_extensions,
            extension_configs=self.config.mdx_configs or {},
        )

    @property
    def generated(self) -> dict[str, File]:
        """The framework pages the plugin added to the site, by source path."""
        return self.plugin.build.generated

    def convert(self, text: str, page: str = "index.md") -> str:
        """The HTML MkDocs' build would make of ``text`` as page ``page``.

        Warnings logged meanwhile replace :attr:`messages`; an error the plugin
        raises (``PluginError``) propagates, as it stops a build.
        """
        path = self.root / "docs" / page
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="")
        file = File(
            page, self.config.docs_dir, self.config.site_dir, self.config.use_directory_urls
        )
        self.messages = []
        with self._recording():
            return self._render(Page(None, file, self.config))

    def warnings(self) -> list[str]:
        """Warnings of the last conversion."""
        return [r.getMessage() for r in self.messages if r.levelno >= logging.WARNING]

    def _render(self, page: Page) -> str:
        plugins, config, files = self.config.plugins, self.config, self.files
        page.read_source(config)
        assert page.markdown is not None
        text = plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
        self.md.reset()
        html = self.md.convert(text)
        result: str = plugins.on_page_content(html, page=page, config=config, files=files)
        return result

    @contextmanager
    def _recording(self) -> Iterator[None]:
        handler = Recorder(self.messages)
        logger = logging.getLogger("mkdocs")
        logger.addHandler(handler)
        try:
            yield
        finally:
            logger.removeHandler(handler)
