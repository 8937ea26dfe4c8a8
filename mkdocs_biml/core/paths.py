"""Where generated pages live, and how a risk is linked from any page.

One place decides the paths of generated pages, so the Markdown extension, the
page generator, the ``generate`` command and the register export always agree.
Paths are documentation source paths (``biml/data.md``); MkDocs turns links to
them into URLs, which keeps ``use_directory_urls`` out of this module.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from functools import lru_cache

from ..catalog.model import Catalog, Component, Reference, Risk, slugify
from ..catalog.schemacheck import WEB_ADDRESS
from ..catalog.usertext import control_character
from ..catalog.valuetext import short_repr
from ..frozen import Frozen

#: First line of every page ``mkdocs-biml generate`` writes (after any front
#: matter): ``generate`` replaces only files carrying it, and the extension
#: treats such pages as generated on hosts without the plugin.
GENERATED_MARKER = "<!-- mkdocs-biml: generated page, regenerate with `mkdocs-biml generate` -->"


class PageLayout(Frozen):
    """Source paths of generated pages under ``folder``.

    The built-in BIML-78 (no prefix) sits directly in the folder; a catalogue
    with a prefix gets a subfolder named after it, so ``[LLM:raw:1:...]`` and
    ``[raw:1:...]`` never share a page.
    """

    folder: str

    def __init__(self, folder: str = "biml") -> None:
        problem = folder_problem(folder)
        if problem:
            raise ValueError(f"folder {folder!r}: {problem}")
        object.__setattr__(self, "folder", folder)

    def catalog_dir(self, catalog: Catalog) -> str:
        base = self.folder.strip("/")
        return posixpath.join(base, catalog.prefix.lower()) if catalog.prefix else base

    def overview(self, catalog: Catalog) -> str:
        return posixpath.join(self.catalog_dir(catalog), "index.md")

    def component_page(self, component: Component) -> str:
        return posixpath.join(self.catalog_dir(component.catalog), f"{component.slug}.md")

    def references_page(self, catalog: Catalog) -> str:
        return posixpath.join(self.catalog_dir(catalog), "references.md")

    def coverage_page(self) -> str:
        return posixpath.join(self.folder.strip("/"), "coverage.md")

    def assessments_dir(self) -> str:
        return posixpath.join(self.folder.strip("/"), "assessments")

    def assessment_page(self, name: str) -> str:
        """The generated page of the assessment ``name`` (``assessments.py``)."""
        return posixpath.join(self.assessments_dir(), f"{slugify(name)}.md")

    def risk_target(self, risk: Risk) -> str:
        return f"{self.component_page(risk.component)}#{risk.anchor}"

    def reference_target(self, catalog: Catalog, reference: Reference) -> str:
        return f"{self.references_page(catalog)}#{reference.anchor}"


_DRIVE = re.compile(r"[A-Za-z]:")


def folder_problem(folder: str) -> str:
    """What keeps ``folder`` from being a folder inside the site ("" if nothing).

    Everything the plugin writes goes under it: an absolute path or a ``..``
    would put the pages and the register outside ``site_dir``.
    """
    if not folder.strip().strip("/"):
        return "it must name a folder, not be empty"
    found = control_character(folder, name=True)
    if found:
        return f"it must not hold the control character {found}"
    if "\\" in folder:
        return "write it with '/', not a backslash"
    if posixpath.isabs(folder) or _DRIVE.match(folder):
        return "it must be relative to the site, not absolute"
    parts = folder.strip("/").split("/")
    if any(part in ("..", ".") for part in parts):
        return "it must not hold a '..' or '.' component"
    if not all(part.strip() for part in parts):
        return "it must not hold an empty component ('//')"
    return ""


def relative_link(from_page: str, target: str) -> str:
    """Link from the source page ``from_page`` to ``target`` (``path#anchor``)."""
    return _relative_link(posixpath.dirname(from_page) or ".", target)


@lru_cache(maxsize=65536)
def _relative_link(start: str, target: str) -> str:
    # Cached per folder and target: a site links the same few risks from every
    # page of a folder, and relpath asks the operating system for the working
    # directory twice per call although the result never depends on it.
    return convert_path(target, lambda path: posixpath.relpath(path, start))


def convert_path(target: str, convert: Callable[[str], str]) -> str:
    """``target`` (``path#anchor``) with its path converted and its anchor kept."""
    path, _, anchor = target.partition("#")
    link = convert(path) if path else ""
    return f"{link}#{anchor}" if anchor else link


#: What ``base_url`` may be: a web address, or a path on the same host (``/risks/biml/``).
_BASE_URL = re.compile(rf"(?:{WEB_ADDRESS})|(?:^/(?![/\\])\S*$)")


def base_url_problem(base_url: str) -> str | None:
    """Why ``base_url`` cannot be the address every tag links to (None: it can).

    Every tag of every page links there: a ``javascript:`` or ``data:``
    address would run in the reader's browser, so only ``http://``,
    ``https://`` and paths starting with ``/`` are taken, as catalogue links are.
    """
    if not base_url or (_BASE_URL.match(base_url) and not control_character(base_url)):
        return None
    return (
        f"{short_repr(base_url, 60)} is not a web address starting with http:// or https://, "
        f"nor a path starting with / (tags link to it: other schemes are refused)"
    )


def external_url(base_url: str, layout: PageLayout, target: str) -> str:
    """URL of ``target`` (``path#anchor``) on a site built elsewhere with ``use_directory_urls``.

    ``base_url`` is the address of that site's framework folder (the overview
    page), e.g. ``https://risks.example.org/biml/``.
    """
    page, _, anchor = target.partition("#")
    relative = posixpath.relpath(page, layout.folder.strip("/"))
    return f"{base_url.rstrip('/')}/{relative.removesuffix('.md')}/#{anchor}"
