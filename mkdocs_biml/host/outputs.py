"""What the plugin writes into the site, and the rule that it replaces nothing.

Generated pages, the stylesheet and script, the Sphinx inventory and the two
register files each land at an output path under ``site_dir``; the pages, the
assets and the inventory are made here as ``File.generated``, never written
into ``docs_dir``. Files with different source paths can share one output
(``biml/raw.md`` and ``biml/raw/index.md`` are both ``biml/raw/index.html``
with ``use_directory_urls``), so outputs are compared by ``File.dest_uri``,
never by source path alone: a collision with a file of the site, or between
two outputs of the plugin, is an error naming both.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from ..catalog.model import Catalog
from ..core.paths import PageLayout
from ..frozen import Frozen
from ..pages.inventory import inventory_bytes, inventory_entries, inventory_path
from ..records.register import register_paths
from ..resources import ASSET_NAMES, ASSETS_DIR

#: Where the shipped stylesheet and script are published in the site.
SITE_ASSETS = {f"assets/mkdocs-biml/{name}": ASSETS_DIR / name for name in ASSET_NAMES}
STYLESHEET, SCRIPT = SITE_ASSETS


class Output(Frozen):
    """A file the plugin writes: its path in the site and what it is, for messages."""

    dest_uri: str
    description: str
    #: What to change when this output collides with another one of the plugin's.
    remedy: str = "give one of the catalogues another prefix, or rename the component"


def generated_page_descriptions(
    catalogs: Sequence[Catalog], layout: PageLayout, assessments: Sequence[str] = ()
) -> dict[str, str]:
    """Source path of each generated page -> what it is ("BIML-78's page of 'raw'")."""
    described: dict[str, str] = {}
    for catalog in catalogs:
        name = catalog.short_title
        described[layout.overview(catalog)] = f"the overview of {name}"
        for component in catalog.components:
            described[layout.component_page(component)] = (
                f"{name}'s page of component '{component.label}'"
            )
        described[layout.references_page(catalog)] = f"{name}'s references page"
    described[layout.coverage_page()] = "the coverage page"
    for name in assessments:
        described[layout.assessment_page(name)] = f"the page of the assessment '{name}'"
    return described


def generated_output(file: File, description: str) -> Output:
    return Output(file.dest_uri, f"{description} (generated {file.src_uri})")


def plugin_outputs(
    assets: Sequence[File],
    pages: dict[str, File],
    *,
    catalogs: Sequence[Catalog],
    layout: PageLayout,
    assessments: Sequence[str],
    register: bool,
    inventory: File | None = None,
) -> Iterator[Output]:
    """Every file the plugin writes into the site, described for a collision message."""
    for file in assets:
        yield generated_output(file, "the plugin's asset")
    described = generated_page_descriptions(catalogs, layout, assessments)
    for src_uri, file in pages.items():
        yield generated_output(file, described.get(src_uri, "a framework page"))
    if inventory is not None:
        yield generated_output(inventory, "the framework's Sphinx inventory")
    if register:
        for path, kind in zip(register_paths(layout), ("JSON", "CSV"), strict=True):
            yield Output(path, f"the risk register ({kind})")


def asset_files(config: MkDocsConfig) -> list[File]:
    """The shipped stylesheet and script, as files of the site."""
    return [
        File.generated(config, src_uri, abs_src_path=str(path))
        for src_uri, path in SITE_ASSETS.items()
    ]


def inventory_file(
    config: MkDocsConfig, pages: dict[str, File], catalogs: Sequence[Catalog], layout: PageLayout
) -> File:
    """The framework's Sphinx inventory (``inventory.py``), addresses relative to its folder."""
    folder_url = layout.folder.strip("/") + "/"

    def url_of(src_uri: str) -> str:
        return get_relative_url(pages[src_uri].url, folder_url)

    entries = list(inventory_entries(catalogs, layout, url_of))
    content = inventory_bytes(config.site_name, _catalog_versions(catalogs), entries)
    return File.generated(config, inventory_path(layout), content=content)


def _catalog_versions(catalogs: Sequence[Catalog]) -> str:
    """The inventory's version: each catalogue's, ``BIML-78 2020-01, BIML-LLM 2024-01``."""
    return ", ".join(f"{c.short_title} {c.version}" for c in catalogs)


def check_outputs(site_files: Iterable[File], outputs: Iterable[Output], docs_dir: str) -> None:
    """Raise ``PluginError`` when an output lands where another file already does."""
    # A site file is described only when something collides with it: most sites
    # have hundreds of files and no collision.
    taken: dict[str, File | Output] = {file.dest_uri: file for file in site_files}
    for output in outputs:
        other = taken.get(output.dest_uri)
        if other is not None:
            raise PluginError(_collision(output, other, docs_dir))
        taken[output.dest_uri] = output


def _collision(output: Output, other: File | Output, docs_dir: str) -> str:
    if isinstance(other, File):
        description = _site_file(other, docs_dir)
        remedy = "rename your file, or set the plugin's 'folder' option"
    else:
        description, remedy = other.description, output.remedy
    return (
        f"biml: {output.description} and {description} would both be written "
        f"to {output.dest_uri} in the site: {remedy}"
    )


def _site_file(file: File, docs_dir: str) -> str:
    if file.generated_by is not None:
        return f"{file.src_uri} (added by {file.generated_by})"
    if file.abs_src_path is not None and Path(file.abs_src_path).is_relative_to(docs_dir):
        return f"your file {Path(docs_dir).name}/{file.src_uri}"
    return f"{file.src_uri} (from the theme)"
