"""The framework as a Sphinx inventory (``objects.inv``), for other sites to link to.

Sphinx's ``intersphinx`` (and tools that read its inventories: sphinx-needs,
mkdocstrings' ``import``) find an object of another site by name in that site's
``objects.inv``. The plugin writes one into the framework folder, listing:

* every risk as a ``std:label`` named by its tag in lower case (Sphinx looks
  labels up in lower case), ``data:2:transfer`` or ``llm:raw:1:recursive pollution``,
  shown with the risk's title;
* every component page, the overview and the references page as ``std:doc``,
  named by their path inside the framework folder without the suffix (``data``,
  ``llm/raw``, ``index``).

Addresses are relative to the folder that holds the inventory, as Sphinx's own
are relative to the site root, so the file stays right wherever the site is
published. The format is Sphinx inventory version 2: four header lines, then
the entries compressed with zlib, one per line:
``name domain:role priority uri display-name``.
"""

from __future__ import annotations

import posixpath
import zlib
from collections.abc import Callable, Iterator, Sequence

from ..catalog.model import Catalog
from ..core.paths import PageLayout
from ..frozen import Frozen
from .diagram import component_heading

INVENTORY_NAME = "objects.inv"


class InventoryEntry(Frozen):
    """One line of the inventory."""

    name: str
    role: str
    uri: str
    display: str

    def line(self) -> str:
        # Sphinx: priority -1 hides a label from its own search; 1 is an ordinary doc.
        priority = -1 if self.role == "std:label" else 1
        display = "-" if self.display == self.name else self.display
        return f"{self.name} {self.role} {priority} {self.uri} {display}"


def inventory_path(layout: PageLayout) -> str:
    """Where the inventory lands in the site: the framework folder."""
    return posixpath.join(layout.folder.strip("/"), INVENTORY_NAME)


def inventory_entries(
    catalogs: Sequence[Catalog], layout: PageLayout, url_of: Callable[[str], str]
) -> Iterator[InventoryEntry]:
    """Every entry, in the catalogues' order. ``url_of`` turns a generated page's
    source path into its URL relative to the framework folder."""
    folder = layout.folder.strip("/")
    for catalog in catalogs:
        pages = [(layout.overview(catalog), catalog.short_title)]
        pages += [(layout.component_page(c), component_heading(c)) for c in catalog.components]
        if catalog.references:
            pages.append((layout.references_page(catalog), f"{catalog.short_title} references"))
        for path, title in pages:
            doc = posixpath.relpath(path, folder).removesuffix(".md")
            yield InventoryEntry(doc, "std:doc", url_of(path), _one_line(title))
        for risk in catalog.risks():
            page, _, anchor = layout.risk_target(risk).partition("#")
            uri = f"{url_of(page)}#{anchor}"
            yield InventoryEntry(
                _one_line(risk.qualified_tag).lower(), "std:label", uri, _one_line(risk.title)
            )


def inventory_bytes(project: str, version: str, entries: Sequence[InventoryEntry]) -> bytes:
    """The inventory file: the plain header, then the entries compressed."""
    header = (
        "# Sphinx inventory version 2\n"
        f"# Project: {_one_line(project)}\n"
        f"# Version: {_one_line(version)}\n"
        "# The remainder of this file is compressed using zlib.\n"
    )
    body = "".join(f"{entry.line()}\n" for entry in entries)
    return header.encode("utf-8") + zlib.compress(body.encode("utf-8"), 9)


def _one_line(text: str) -> str:
    """A name or title on one line: a line break would start another entry."""
    return " ".join(text.split())


__all__ = [
    "INVENTORY_NAME",
    "InventoryEntry",
    "inventory_bytes",
    "inventory_entries",
    "inventory_path",
]
