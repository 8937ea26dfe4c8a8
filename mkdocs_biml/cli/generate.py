"""The framework's pages as Markdown files, for hosts that run no MkDocs plugins.

Zensical (and plain Python-Markdown pipelines) run the ``biml`` Markdown
extension but not the plugin that adds the generated pages to a build. For
them, :func:`generate_pages` writes the same pages into the documentation
folder once, with the same source paths and heading ids as the plugin, so the
extension's links (``biml/data.md#data-2-transfer``) land on existing anchors.

``generate`` never deletes or overwrites a file it did not write: what it
wrote is recorded in a manifest and signed (``generate_ownership.py``).
Anything else in the way (a page the author wrote, a generated page the author
edited, a symlink) is left alone and reported, and then nothing is written; the
folder changes all together or not at all (``generate_change.py``).

Every page still starts with :data:`~mkdocs_biml.core.paths.GENERATED_MARKER`,
which tells the extension that the page quotes the catalogue.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

from ..catalog.loader import load_catalogs
from ..core.i18n import Strings
from ..core.paths import GENERATED_MARKER, PageLayout, relative_link
from ..pages.placeholders import PLACEHOLDER, SOURCE_SCHEME, resolve_source_hrefs
from ..pages.render import PageGenerator
from ..records.assessments import DEFAULT_STATUSES
from ..resources import ASSET_NAMES, ASSETS_DIR
from .generate_ownership import MANIFEST, GenerateReport, GenerateRun

#: Placeholders of what the coverage page shows of the whole site.
SITE_WIDE_KINDS = ("coverage-matrix", "uncited")
#: Folder of the stylesheet and script, inside the pages' folder.
ASSETS_FOLDER = "assets"


class GenerateError(Exception):
    """``generate`` could not run: the output folder cannot be read or written."""


def generate_pages(
    out_dir: Path, catalogs: Sequence[str] = (), folder: str = "biml", language: str = ""
) -> GenerateReport:
    """Write the framework pages and assets under ``out_dir/folder``.

    ``catalogs`` are built-in catalogue names or catalogue file paths used
    beside the built-in BIML-78, as in the plugin's ``catalogs`` option;
    ``language`` is that of the words the pages write around BIML's text. Files
    a previous run wrote that the catalogues no longer produce are removed,
    and so are the folders it created once they are empty. Raises
    :class:`~mkdocs_biml.catalog.loader.CatalogError` for a bad catalogue and
    :class:`GenerateError` when ``out_dir`` cannot be used.
    """
    layout = PageLayout(folder)
    strings = Strings(language or None)
    generator = PageGenerator(
        load_catalogs(catalogs), layout, None, DEFAULT_STATUSES, strings=strings
    )
    pages = generator.render()
    base = layout.folder.strip("/")
    note = f'<p class="biml-needs-plugin">{html.escape(strings("coverage_needs_plugin"))}</p>'
    targets = {
        src: _mark(_static(src, generator.fill_markdown(src, markdown), note)).encode()
        for src, markdown in pages.items()
    }
    for name in ASSET_NAMES:
        targets[f"{base}/{ASSETS_FOLDER}/{name}"] = (ASSETS_DIR / name).read_bytes()
    if out_dir.exists() and not out_dir.is_dir():
        raise GenerateError(f"{out_dir} is not a folder")
    try:
        return GenerateRun(out_dir, base).apply(targets)
    except OSError as exc:
        raise GenerateError(
            f"could not write under {out_dir}: {exc}; nothing was changed"
        ) from None


def asset_paths(folder: str = "biml") -> list[str]:
    """Source paths of the stylesheet and script, for ``extra_css``/``extra_javascript``."""
    base = PageLayout(folder).folder.strip("/")
    return [f"{base}/{ASSETS_FOLDER}/{name}" for name in ASSET_NAMES]


def _static(src_uri: str, markdown: str, note: str) -> str:
    """Do without the plugin's ``finalize``, which no host runs here (the page's HTML
    fragments are in place already: :meth:`PageGenerator.fill_markdown`).

    Backlink placeholders go, and coverage placeholders give way to ``note``,
    which says why the page has no table there (only a whole-site build can
    fill them, and an empty list of uncited risks would read as "all cited").
    The diagram's ``biml-src:`` links in raw HTML become page-relative ``.md``
    links, which hosts rewrite into URLs like any other link. Hosts rewrite
    plain ``href`` only, so the diagram's ``xlink:href`` (which the plugin
    keeps for Material's instant navigation) becomes ``href`` here.
    """
    markdown = PLACEHOLDER.sub(lambda m: note if m[1] in SITE_WIDE_KINDS else "", markdown)
    markdown = markdown.replace(f'xlink:href="{SOURCE_SCHEME}', f'href="{SOURCE_SCHEME}')
    return resolve_source_hrefs(markdown, lambda target: relative_link(src_uri, target))


def _mark(markdown: str) -> str:
    """Put the marker first, after front matter (which hosts require at the top)."""
    if markdown.startswith("---\n"):
        end = markdown.find("\n---\n", 4)
        if end != -1:
            split = end + len("\n---\n")
            return f"{markdown[:split]}{GENERATED_MARKER}\n\n{markdown[split:]}"
    return f"{GENERATED_MARKER}\n\n{markdown}"


__all__ = [
    "GENERATED_MARKER",
    "MANIFEST",
    "GenerateError",
    "GenerateReport",
    "asset_paths",
    "generate_pages",
]
