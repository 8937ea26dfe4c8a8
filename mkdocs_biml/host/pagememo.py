"""The generated pages of the last build, kept while nothing they are made of changes.

``mkdocs serve`` keeps the plugin from one rebuild to the next; a rebuild that
changed none of the catalogues, templates, statuses, assessments, words or link
settings gets the same generator (its templates stay compiled) and the same
Markdown again instead of rendering every page anew.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..catalog.model import Catalog
from ..core.i18n import Strings
from ..core.paths import PageLayout
from ..expansion.elements import LinkSettings
from ..pages.render import PageGenerator
from ..pages.templating import templates_digest
from ..records.assessments import Assessments


class PageMemo:
    """The last generator and its pages (source path -> Markdown), with what made them."""

    def __init__(self) -> None:
        self._made: tuple[object, PageGenerator, dict[str, str]] | None = None

    def pages(
        self,
        catalogs: Sequence[Catalog],
        layout: PageLayout,
        templates: str | None,
        statuses: Sequence[str],
        assessments: Assessments,
        *,
        strings: Strings,
        link_settings: LinkSettings,
    ) -> tuple[PageGenerator, dict[str, str]]:
        """The generator and its pages, rendered again only when something they are
        made of changed since the last build of this process (``PageError`` if a
        template fails)."""
        # Unchanged catalogue files load as the very same objects (catalog/loader.py).
        made_of = (
            tuple(catalogs),
            layout,
            templates,
            templates_digest(templates),
            tuple(statuses),
            assessments,
            strings,
            link_settings,
        )
        if self._made is not None and self._made[0] == made_of:
            return self._made[1], self._made[2]
        self._made = None
        generator = PageGenerator(
            catalogs,
            layout,
            templates,
            statuses,
            assessments,
            strings=strings,
            link_settings=link_settings,
        )
        rendered = generator.render()
        self._made = (made_of, generator, rendered)
        return generator, rendered
