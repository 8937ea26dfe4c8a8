"""What the host itself knows about the page being converted: its path and its file.

Zensical (and MkDocs or ProperDocs with the extension listed alone) make a
new ``Markdown`` for every page and say nothing to extensions; their own
processors on it know the page, and these functions ask them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from markdown import Markdown
from markdown.util import Registry


def host_page_path(md: Markdown) -> str:
    """Source path of the page ``md`` converts, as the host's own processors hold it."""
    # Zensical: a preprocessor holding the rendering context (page.path, page.url).
    context = _registered(md.preprocessors, "rendering_context")
    path = getattr(getattr(context, "page", None), "path", None)
    if isinstance(path, str):
        return path
    # MkDocs and ProperDocs: the treeprocessor that rewrites links holds the page's file.
    relpath = _registered(md.treeprocessors, "relpath")
    src_uri = getattr(getattr(relpath, "file", None), "src_uri", None)
    return src_uri if isinstance(src_uri, str) else ""


def host_page_source(md: Markdown) -> str:
    """The page's whole file, front matter included, where the host says; else ""."""
    relpath = _registered(md.treeprocessors, "relpath")
    file = getattr(relpath, "file", None)
    if file is not None:  # MkDocs and ProperDocs
        if getattr(file, "generated_by", None):
            return ""
        source = getattr(file, "content_string", "")
        return source if isinstance(source, str) else ""
    return _zensical_page_source(_registered(md.preprocessors, "rendering_context"))


def _zensical_page_source(context: Any) -> str:
    """The page's file as Zensical's rendering context locates it.

    Zensical hands Python-Markdown the page without its front matter; the
    file is read again so that problems name the file's own lines.
    """
    config = getattr(context, "config", None)
    path = getattr(getattr(context, "page", None), "path", None)
    if not isinstance(config, dict) or not isinstance(path, str):
        return ""
    root, docs = config.get("root_dir", "."), config.get("docs_dir", "docs")
    try:
        return Path(root, docs, path).read_text(encoding="utf-8-sig")
    except (OSError, TypeError, UnicodeDecodeError):
        return ""  # lines then count from the Markdown body, as before


def _registered(registry: Registry[Any], name: str) -> Any:
    return registry[name] if name in registry else None  # noqa: SIM401 (Registry has no get)
