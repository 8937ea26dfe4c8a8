"""Where the generated pages go in the site's navigation.

The generated pages always form one section titled ``nav_title``, in published
order: each catalogue's overview, component pages and references, a prefixed
catalogue's pages in a subsection of their own titled by its short title, and
the coverage page last.

* Automatic navigation (no ``nav`` in ``mkdocs.yml``): MkDocs makes a section
  per folder, sorted by file name. The framework section replaces the one
  MkDocs made for ``folder`` and moves to the end (``nav_position: end``) or
  the start (``start``, after the index page) of the section of the folder's
  parent: the top level for ``biml``, the ``Risks`` section for
  ``risks/biml``. The site's own pages keep their order; pages of the site
  inside ``folder`` follow the generated ones in the section.
* Explicit ``nav``: the pages it lists stay where it lists them; the others
  form the framework section, appended at the end.
"""

from __future__ import annotations

import html
import posixpath
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure import StructureItem
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from ..catalog.model import Catalog
from ..core.paths import PageLayout
from ..frozen import Frozen


class Group(Frozen):
    """Consecutive generated pages: directly in the section (``title`` None) or in a subsection."""

    title: str | None
    src_uris: tuple[str, ...]


def generated_page_files(config: MkDocsConfig, rendered: Mapping[str, str]) -> dict[str, File]:
    """Source path -> ``File`` of each generated page (``rendered``: its Markdown)."""
    placed_by_nav = set(paths_in(config.nav))
    pages = {}
    for src_uri, markdown in rendered.items():
        # Pages an explicit nav does not place are still built, without
        # MkDocs' "not included in the nav" warning; on_nav adds them.
        placed = config.nav is None or src_uri in placed_by_nav
        inclusion = InclusionLevel.UNDEFINED if placed else InclusionLevel.NOT_IN_NAV
        pages[src_uri] = File.generated(config, src_uri, content=markdown, inclusion=inclusion)
    return pages


def subsection_titles(
    catalogs: Sequence[Catalog], layout: PageLayout, assessments_title: str | None
) -> dict[str, str]:
    """Folder -> title of the subsections: a prefixed catalogue's, the assessments'
    (``assessments_title`` None: the site has none)."""
    # Theme templates insert titles as HTML, as MkDocs' own titles are.
    subsections = {layout.catalog_dir(c): html.escape(c.short_title) for c in catalogs if c.prefix}
    if assessments_title is not None:
        subsections[layout.assessments_dir()] = html.escape(assessments_title)
    return subsections


def catalogue_groups(order: Sequence[str], subsections: Mapping[str, str]) -> list[Group]:
    """``order``: generated pages in published order; ``subsections``: folder -> title
    of each prefixed catalogue, whose pages get a subsection of their own."""
    groups: list[Group] = []
    for src_uri in order:
        title = subsections.get(posixpath.dirname(src_uri))
        if groups and groups[-1].title == title:
            groups[-1] = Group(title, (*groups[-1].src_uris, src_uri))
        else:
            groups.append(Group(title, (src_uri,)))
    return groups


def add_framework_section(
    nav: Navigation,
    config: MkDocsConfig,
    generated: Mapping[str, File],
    *,
    title: str,
    subsections: Mapping[str, str],
    placement: tuple[str, str],
) -> None:
    """Put the ``generated`` pages (src_uri -> file, published order) into ``nav``.

    ``subsections``: folder -> title (see :func:`catalogue_groups`); ``placement``: the
    coverage page, whose folder section MkDocs made, and the ``nav_position``.
    """
    groups = catalogue_groups(list(generated), subsections)
    if config.nav:
        placed = set(paths_in(config.nav))
        unplaced = {
            src_uri: file.page or Page(None, file, config)
            for src_uri, file in generated.items()
            if src_uri not in placed
        }
        append_section(nav, framework_section(title, groups, unplaced))
        return
    pages = {src_uri: file.page for src_uri, file in generated.items() if file.page}
    coverage_page, position = placement
    coverage = pages.get(coverage_page)
    folder_section = coverage.parent if coverage is not None else None
    if folder_section is not None:
        section = framework_section(title, groups, pages)
        place_in_automatic_nav(nav, section, folder_section, position)


def framework_section(title: str, groups: Sequence[Group], pages: Mapping[str, Page]) -> Section:
    """The section of the generated ``pages`` (src_uri -> page), grouped; may be empty."""
    children: list[StructureItem] = []
    for group in groups:
        members: list[StructureItem] = [pages[s] for s in group.src_uris if s in pages]
        if not members:
            continue
        if group.title is None:
            children.extend(members)
        else:
            children.append(_section(group.title, members))
    return _section(title, children)


def place_in_automatic_nav(
    nav: Navigation, section: Section, folder_section: Section, position: str
) -> None:
    """Put ``section`` where MkDocs put ``folder_section`` (the folder's own), moved to
    the start or end of its parent; the site's pages left in the folder follow ours."""
    generated = {page.file.src_uri for page in pages_of(section)}
    for child in folder_section.children:
        kept = _without(child, generated)
        if kept is not None:
            section.children.append(kept)
            kept.parent = section
    owner = folder_section.parent
    siblings = owner.children if owner is not None else nav.items
    siblings.remove(folder_section)
    siblings.insert(_insertion_point(siblings, position), section)
    section.parent = owner
    relink_pages(nav)


def append_section(nav: Navigation, section: Section) -> None:
    """An explicit nav: the generated pages it does not list go in a section at the end."""
    if section.children:
        nav.items.append(section)
        section.parent = None
        relink_pages(nav)


def pages_of(item: Any) -> list[Page]:
    """The pages of a navigation item, in order (a link has none)."""
    if isinstance(item, Page):
        return [item]
    if isinstance(item, Section):
        return [page for child in item.children for page in pages_of(child)]
    return []


def paths_in(nav: Any) -> Iterator[str]:
    """Every page path an explicit ``nav`` setting lists."""
    if isinstance(nav, str):
        yield nav
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from paths_in(value)
    elif isinstance(nav, list):
        for item in nav:
            yield from paths_in(item)


def relink_pages(nav: Navigation) -> None:
    """Previous/next links follow the navigation after it was rearranged."""
    pages = [page for item in nav.items for page in pages_of(item)]
    nav.pages = pages
    for before, page, after in zip([None, *pages[:-1]], pages, [*pages[1:], None]):
        page.previous_page, page.next_page = before, after


def _section(title: str, children: list[StructureItem]) -> Section:
    section = Section(title, children)
    for child in children:
        child.parent = section
    return section


def _without(item: StructureItem, generated: set[str]) -> StructureItem | None:
    """``item`` with the generated pages taken out; None if nothing of the site's is left."""
    if isinstance(item, Page):
        return None if item.file.src_uri in generated else item
    if isinstance(item, Section):
        kept = [k for k in (_without(c, generated) for c in item.children) if k is not None]
        if not kept:
            return None
        item.children = kept
        for child in kept:
            child.parent = item
    return item


def _insertion_point(siblings: Sequence[StructureItem], position: str) -> int:
    """End, or start after a leading index page (the home page, a folder's index.md)."""
    if position == "end":
        return len(siblings)
    return 1 if siblings and isinstance(siblings[0], Page) and siblings[0].is_index else 0
