"""The framework's pages as Markdown files, for hosts that run no MkDocs plugins.

Zensical (and plain Python-Markdown pipelines) run the ``biml`` Markdown
extension but not the plugin that adds the generated pages to a build. For
them, :func:`generate_pages` writes the same pages into the documentation
folder once, with the same source paths and heading ids as the plugin, so the
extension's links (``biml/data.md#data-2-transfer``) land on existing anchors.

Every page written starts with :data:`GENERATED_MARKER`. It tells a later run
which files it may replace or remove (a page the author wrote is never
touched), and tells the extension that the page quotes the catalogue.
"""

from __future__ import annotations

import html
import shutil
from collections.abc import Sequence
from pathlib import Path

from .config import DEFAULT_STATUSES
from .layout import GENERATED_MARKER, PageLayout, relative_link
from .loader import load_catalogs
from .pages import _PLACEHOLDER, _SOURCE_HREF, PageGenerator

ASSETS_DIR = Path(__file__).parent / "assets"
ASSETS = ("biml.css", "biml.js")
ASSETS_FOLDER = "assets"


class GenerateError(Exception):
    """Writing the pages would overwrite a file that ``generate`` did not write."""


def generate_pages(out_dir: Path, catalogs: Sequence[str] = (), folder: str = "biml") -> list[Path]:
    """Write the framework pages and assets under ``out_dir/folder``; return the paths.

    ``catalogs`` are built-in catalogue names or catalogue file paths used
    beside the built-in BIML-78, as in the plugin's ``catalogs`` option.
    Pages a previous run wrote that the catalogues no longer produce are
    removed. Raises :class:`~mkdocs_biml.loader.CatalogError` for a bad
    catalogue and :class:`GenerateError` rather than overwrite an author's file.
    """
    layout = PageLayout(folder)
    pages = PageGenerator(load_catalogs(catalogs), layout, None, DEFAULT_STATUSES).render()
    root = out_dir / layout.folder.strip("/")
    targets = {out_dir / src: _mark(_static(src, markdown)) for src, markdown in pages.items()}
    _refuse_authored(targets)
    _remove_stale(root, set(targets))
    written = [_write(path, text) for path, text in targets.items()]
    written.extend(_copy_assets(root / ASSETS_FOLDER))
    return written


def asset_paths(folder: str = "biml") -> list[str]:
    """Source paths of the stylesheet and script, for ``extra_css``/``extra_javascript``."""
    base = PageLayout(folder).folder.strip("/")
    return [f"{base}/{ASSETS_FOLDER}/{name}" for name in ASSETS]


def is_generated(path: Path) -> bool:
    """Whether ``path`` is a page that ``generate`` wrote."""
    try:
        with path.open(encoding="utf-8") as file:
            return GENERATED_MARKER in file.read(4096)
    except (OSError, UnicodeDecodeError):
        return False


def _static(src_uri: str, markdown: str) -> str:
    """Do without the plugin's ``finalize``, which no host runs here.

    Backlink and coverage placeholders go (only a whole-site build can fill
    them); the diagram's ``biml-src:`` links in raw HTML become page-relative
    ``.md`` links, which hosts rewrite into URLs like any other link. Hosts
    rewrite plain ``href`` only, so the diagram's ``xlink:href`` (which the
    plugin keeps for Material's instant navigation) becomes ``href`` here.
    """
    markdown = _PLACEHOLDER.sub("", markdown).replace('xlink:href="biml-src:', 'href="biml-src:')
    return _SOURCE_HREF.sub(
        lambda m: f'href="{html.escape(relative_link(src_uri, m[1]), quote=True)}"', markdown
    )


def _mark(markdown: str) -> str:
    """Put the marker first, after front matter (which hosts require at the top)."""
    if markdown.startswith("---\n"):
        end = markdown.find("\n---\n", 4)
        if end != -1:
            split = end + len("\n---\n")
            return f"{markdown[:split]}{GENERATED_MARKER}\n\n{markdown[split:]}"
    return f"{GENERATED_MARKER}\n\n{markdown}"


def _refuse_authored(targets: dict[Path, str]) -> None:
    authored = sorted(str(p) for p in targets if p.exists() and not is_generated(p))
    if authored:
        raise GenerateError(
            f"biml: {authored[0]} exists and was not written by 'mkdocs-biml generate'; "
            "move it or generate into another folder (--folder)"
            + (f" ({len(authored) - 1} more such files)" if len(authored) > 1 else "")
        )


def _remove_stale(root: Path, keep: set[Path]) -> None:
    """Pages of risks or catalogues that are gone would keep stale anchors alive."""
    if not root.is_dir():
        return
    for path in root.rglob("*.md"):
        if path not in keep and is_generated(path):
            path.unlink()


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    # newline="\n": identical bytes on every platform, so regenerating is a no-op in git.
    with path.open("w", encoding="utf-8", newline="\n") as file:
        file.write(text)
    return path


def _copy_assets(target_dir: Path) -> list[Path]:
    target_dir.mkdir(parents=True, exist_ok=True)
    return [Path(shutil.copyfile(ASSETS_DIR / name, target_dir / name)) for name in ASSETS]


__all__ = ["GENERATED_MARKER", "GenerateError", "asset_paths", "generate_pages", "is_generated"]
