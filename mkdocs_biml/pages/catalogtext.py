"""Catalogue text (paragraphs with tags, Top Ten pointers, citations) as a generated
page shows it: Markdown the page's conversion links, or HTML whose tags are the
Markdown extension's own elements."""

from __future__ import annotations

from html import escape

from markdown.serializers import to_html_string

from ..catalog.model import Catalog, Risk, split_paragraphs
from ..catalog.resolver import CatalogIndex
from ..catalog.texts import CitationToken, TagToken, Text, Token, TopTenToken, tokenize
from ..core.mdtext import escape_markdown, single_spaces
from ..core.paths import PageLayout, relative_link
from ..expansion.elements import ElementFactory, LinkSettings
from .placeholders import source_href


class CatalogText:
    def __init__(self, index: CatalogIndex, layout: PageLayout, link_settings: LinkSettings):
        """``link_settings``: how a tag is linked, as the extension links an author's tag."""
        self.index = index
        self.layout = layout
        #: Tags in BIML's text become the extension's own elements, with source links.
        self._elements = ElementFactory(link_settings, "none", _SourceLinks(index))
        self._references: dict[Risk, str] = {}

    def markdown(self, text: str, catalog: Catalog, page: str) -> str:
        """``text`` as Markdown of the generated page ``page``: its tags written back as
        tags, for the extension to link; its pointers and citations linked from ``page``."""
        return "\n\n".join(
            "".join(
                self._token_markdown(token, catalog, page, line_start=index == 0)
                for index, token in enumerate(tokenize(paragraph, catalog, self.index))
            )
            for paragraph in split_paragraphs(text)
        )

    def paragraphs_html(self, text: str, catalog: Catalog) -> list[str]:
        """The HTML inside each paragraph of ``text``; links name source paths (``biml-src:``)."""
        return [self._paragraph_html(paragraph, catalog) for paragraph in split_paragraphs(text)]

    def _paragraph_html(self, paragraph: str, catalog: Catalog) -> str:
        """One paragraph of catalogue text as HTML: what Python-Markdown made of its
        Markdown (tags are the extension's own elements), without inline extensions."""
        return "".join(
            self._token_html(token, catalog) for token in tokenize(paragraph, catalog, self.index)
        ).strip()

    def _token_html(self, token: Token, catalog: Catalog) -> str:
        if isinstance(token, Text):
            return escape(single_spaces(token.text), quote=False)
        if isinstance(token, TagToken):
            risk = token.resolution.risk
            return self._reference(risk) if risk else escape(token.written, quote=False)
        if isinstance(token, TopTenToken):
            if token.entry is None:
                return escape(token.written, quote=False)
            target = f"{self.layout.overview(catalog)}#{token.entry.anchor}"
            text = escape(token.written, quote=False)
            return f'<a href="{escape(source_href(target))}">{text}</a>'
        if token.reference is None:
            return escape(f"[^{token.number}]", quote=False)
        target = escape(source_href(self.layout.reference_target(catalog, token.reference)))
        return f'<sup class="biml-cite"><a href="{target}">{token.number}</a></sup>'

    def _reference(self, risk: Risk) -> str:
        """A tag of BIML's text: the very element the extension makes of an author's tag."""
        html = self._references.get(risk)
        if html is None:
            html = self._references[risk] = to_html_string(self._elements.reference(risk))
        return html

    def _token_markdown(self, token: Token, catalog: Catalog, page: str, line_start: bool) -> str:
        if isinstance(token, Text):
            return escape_markdown(token.text, line_start)
        if isinstance(token, TagToken):
            risk = token.resolution.risk
            # Written back as the tag itself: the Markdown extension links it,
            # with the site's link_text, exactly like a tag an author wrote.
            # A tag that resolves to nothing stays text, escaped so that no
            # extension reads it again.
            return f"[{risk.qualified_tag}]" if risk else escape_markdown(token.written, line_start)
        if isinstance(token, TopTenToken):
            if token.entry is None:
                return escape_markdown(token.written, line_start)
            target = f"{self.layout.overview(catalog)}#{token.entry.anchor}"
            text = escape_markdown(token.written, line_start=False)
            return f"[{text}]({relative_link(page, target)})"
        return self._citation_markdown(token, catalog, page, line_start)

    def _citation_markdown(
        self, token: CitationToken, catalog: Catalog, page: str, line_start: bool
    ) -> str:
        if token.reference is None:
            return escape_markdown(f"[^{token.number}]", line_start)
        target = self.layout.reference_target(catalog, token.reference)
        return f'<sup class="biml-cite">[{token.number}]({relative_link(page, target)})</sup>'


class _SourceLinks:
    """The page the elements link from, for generated pages' HTML: every link names
    its target's source path (``biml-src:``), made a URL per page (:func:`resolve_source_hrefs`)."""

    def __init__(self, index: CatalogIndex) -> None:
        self.index = index

    def current_page(self) -> str:
        return ""

    def final_url(self, target: str) -> str:
        return source_href(target)
