"""Generated framework pages (first cut: component and reference pages)."""

from __future__ import annotations

from collections.abc import Sequence

from .layout import PageLayout
from .ledger import Ledger
from .model import Catalog


class PageGenerator:
    def __init__(
        self,
        catalogs: Sequence[Catalog],
        layout: PageLayout,
        custom_templates: str | None = None,
        statuses: Sequence[str] = (),
    ) -> None:
        self.catalogs, self.layout = catalogs, layout

    def render(self) -> dict[str, str]:
        pages: dict[str, str] = {}
        for catalog in self.catalogs:
            pages[self.layout.overview(catalog)] = f"# {catalog.short_title}\n"
            for component in catalog.components:
                lines = [f"# {component.name}\n"]
                for risk in component.risks:
                    lines.append(f"## {risk.title} {{#{risk.anchor}}}\n\n{risk.description}\n")
                pages[self.layout.component_page(component)] = "\n".join(lines)
            refs = ["# References\n"]
            for ref in catalog.references:
                refs.append(f"## {ref.number}. {ref.title} {{#{ref.anchor}}}\n")
            pages[self.layout.references_page(catalog)] = "\n".join(refs)
        return pages

    def finalize(self, src_uri: str, html: str, ledger: Ledger, page_url: str) -> str:
        return html
