"""The HTML elements a tag turns into: inline reference, unresolved marker, callout.

Built as ElementTree elements inside the Markdown pipeline, so Python-Markdown
escapes every attribute and text itself: catalogue text can never inject markup.
Texts are AtomicStrings: inline patterns that run later (emphasis, links) must
not read a reference's text again, or a tag would expand inside itself.

When the host gives final URLs (the MkDocs plugin does), the same elements are
serialized once and reused as HTML strings: see :class:`SerializedElements`,
which wraps the factory; the factory itself only ever builds elements.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from html import escape
from typing import Protocol

from markdown.serializers import to_html_string
from markdown.util import AMP_SUBSTITUTE, AtomicString

from ..catalog.model import Risk
from ..catalog.resolver import CatalogIndex, Outcome, Resolution
from ..catalog.texts import CitationToken, TagToken, Text, tokenize
from ..core.i18n import ENGLISH_STRINGS, Strings
from ..core.paths import PageLayout, base_url_problem, external_url, relative_link
from ..frozen import Frozen
from .linktext import link_text_problem

#: A link slot in a serialized template. U+001A cannot occur in what the
#: elements are made of: catalogue texts and settings are YAML, which forbids it.
_SLOT_MARK = "\x1a{}\x1a"
_SLOT = re.compile("\x1a([0-9]+)\x1a")

REF_CLASS = "biml-ref"
UNRESOLVED_CLASS = "biml-unresolved"
#: Marks a callout's body: the risk's text belongs to the search index of its
#: own generated page, not to every page citing it. Material's search skips
#: such elements (and removes the attribute, given a value); MkDocs' search is
#: handled by :mod:`mkdocs_biml.host.searchexclude`.
SEARCH_EXCLUDE = ("data-search-exclude", "true")


class PageContext(Protocol):
    """What the factory needs from the extension: the catalogues and the page."""

    @property
    def index(self) -> CatalogIndex: ...

    def current_page(self) -> str: ...

    def final_url(self, target: str) -> str | None:
        """URL of ``target`` (``path#anchor``) relative to the page, when the host knows it."""


class LinkSettings(Frozen):
    """How the elements link a tag: where pages are, the link text, the words."""

    layout: PageLayout
    base_url: str
    link: bool
    link_text: str
    #: The words the elements write around catalogue text (callout lines, hover texts).
    strings: Strings

    def __init__(
        self,
        layout: PageLayout,
        base_url: str = "",
        link: bool = True,
        link_text: str = "{title}",
        strings: Strings = ENGLISH_STRINGS,
    ) -> None:
        problem = link_text_problem(link_text)
        if problem:
            raise ValueError(f"link_text {problem}")
        problem = base_url_problem(base_url)
        if problem:
            raise ValueError(f"base_url {problem}")
        set_field = object.__setattr__
        set_field(self, "layout", layout)
        set_field(self, "base_url", base_url)
        set_field(self, "link", link)
        set_field(self, "link_text", link_text)
        set_field(self, "strings", strings)


class ElementFactory:
    def __init__(self, settings: LinkSettings, callout_content: str, page: PageContext) -> None:
        self.settings, self.callout_content, self.page = settings, callout_content, page
        #: Risk -> its entry's source path and anchor: computed once per build.
        self._targets: dict[Risk, str] = {}

    # -- inline ------------------------------------------------------------------------

    def reference(self, risk: Risk) -> etree.Element:
        href = self.href(risk)
        element = etree.Element("a" if href else "span")
        if href:
            element.set("href", href)
        element.set("class", REF_CLASS)
        element.set("title", risk.summary)
        element.set("data-biml-tag", risk.qualified_tag)
        element.text = AtomicString(self.link_text(risk))
        return element

    def unresolved(self, text: str, resolution: Resolution) -> etree.Element:
        element = etree.Element("span")
        element.set("class", UNRESOLVED_CLASS)
        element.set("title", hover_text(resolution, self.settings.strings))
        element.text = AtomicString(f"[{text}]")
        return element

    def link_text(self, risk: Risk) -> str:
        return self.settings.link_text.format(
            title=risk.title,
            tag=risk.qualified_tag,
            label=risk.component.label,
            number=risk.number,
            descriptor=risk.descriptor,
            component=risk.component.name,
            catalog=risk.component.catalog.short_title,
        )

    def href(self, risk: Risk) -> str | None:
        layout = self.settings.layout
        if self.settings.base_url:
            return external_url(self.settings.base_url, layout, layout.risk_target(risk))
        if not self.settings.link:
            return None
        target = self._targets.get(risk)
        if target is None:
            target = self._targets[risk] = layout.risk_target(risk)
        return self.link(target)

    def link(self, target: str) -> str:
        """URL of ``target`` (``path#anchor``) from the current page."""
        final = self.page.final_url(target)
        return final if final is not None else relative_link(self.page.current_page(), target)

    def citation_href(self, risk: Risk, number: int) -> str | None:
        catalog = risk.component.catalog
        reference = catalog.reference(number)
        if reference is None or not (self.settings.link or self.settings.base_url):
            return None
        target = self.settings.layout.reference_target(catalog, reference)
        if self.settings.base_url:
            return external_url(self.settings.base_url, self.settings.layout, target)
        return self.link(target)

    # -- callouts ----------------------------------------------------------------------

    @staticmethod
    def is_tag_only(paragraph: etree.Element) -> bool:
        if len(paragraph) == 0 or (paragraph.text or "").strip():
            return False
        return all(
            child.get("class") in (REF_CLASS, UNRESOLVED_CLASS) and not (child.tail or "").strip()
            for child in paragraph
        )

    def callouts_for(self, paragraph: etree.Element) -> list[etree.Element]:
        """One callout per resolved tag; unresolved tags stay visible in a paragraph."""
        blocks = []
        for child in paragraph:
            tag = child.get("data-biml-tag")
            risk = self.page.index.resolve(tag).risk if tag else None
            if risk is None:
                holder = etree.Element("p")
                child.tail = None
                holder.append(child)
                blocks.append(holder)
            else:
                blocks.append(self.callout(risk))
        return blocks

    def callout(self, risk: Risk) -> etree.Element:
        box = etree.Element("div")
        box.set("class", "admonition biml")
        box.set("data-biml-tag", risk.qualified_tag)
        title = etree.SubElement(box, "p")
        title.set("class", "admonition-title")
        title.text = risk.title + " "
        code = etree.SubElement(title, "span")
        code.set("class", "biml-callout-tag")
        code.text = f"[{risk.qualified_tag}]"
        meta = etree.SubElement(box, "p")
        meta.set("class", "biml-callout-meta")
        meta.set(*SEARCH_EXCLUDE)
        component = risk.component
        meta.text = self.settings.strings(
            "callout_meta", catalog=component.catalog.short_title, component=component.name
        )
        for paragraph in self._callout_paragraphs(risk):
            self.rich_text(etree.SubElement(box, "p", dict([SEARCH_EXCLUDE])), paragraph, risk)
        href = self.href(risk)
        if href:
            more = etree.SubElement(box, "p")
            more.set("class", "biml-callout-more")
            more.set(*SEARCH_EXCLUDE)
            link = etree.SubElement(more, "a")
            link.set("href", href)
            link.text = self.settings.strings("callout_more")
        return box

    def _callout_paragraphs(self, risk: Risk) -> list[str]:
        if self.callout_content == "description":
            return risk.paragraphs
        if self.callout_content == "summary":
            return [risk.summary]
        return []

    def rich_text(self, parent: etree.Element, text: str, risk: Risk) -> None:
        """Append catalogue ``text`` to ``parent``: tags become links, ``[^N]`` citations."""
        catalog = risk.component.catalog
        last: etree.Element | None = None
        for token in tokenize(text, catalog, self.page.index):
            if isinstance(token, Text):
                _append_text(parent, last, token.text)
                continue
            if isinstance(token, TagToken) and token.resolution.risk is not None:
                target = token.resolution.risk
                last = self.reference(target)
            elif isinstance(token, CitationToken):
                last = self._citation(risk, token.number)
            else:
                last = _plain(token.written)
            parent.append(last)

    def _citation(self, risk: Risk, number: int) -> etree.Element:
        sup = etree.Element("sup")
        sup.set("class", "biml-cite")
        href = self.citation_href(risk, number)
        if href:
            link = etree.SubElement(sup, "a")
            link.set("href", href)
            link.text = str(number)
        else:
            sup.text = str(number)
        return sup


class SerializedElements:
    """The factory's elements as finished HTML, for hosts that give final URLs.

    Each reference and callout is built and serialized once per build, with a
    slot for every page-relative link; a page only fills the slots: a site
    cites a few dozen risks from thousands of pages, so the same elements would
    otherwise be built and serialized again for nearly every tag. The
    templates come from a factory of their own, whose page answers every link
    with a slot, so the page's factory never changes behaviour.
    """

    def __init__(self, factory: ElementFactory) -> None:
        self.factory = factory
        self._slots = _SlotRecorder(factory.page)
        self._templating = ElementFactory(factory.settings, factory.callout_content, self._slots)
        #: (kind, risk) -> the serialized element split around its slots, and their targets.
        self._templates: dict[tuple[str, Risk], tuple[list[str], list[str]]] = {}

    def html(self, kind: str, risk: Risk) -> str:
        """The reference (``kind`` "ref") or callout ("callout") for ``risk`` as HTML."""
        template = self._templates.get((kind, risk))
        if template is None:
            template = self._templates[(kind, risk)] = self._template(kind, risk)
        pieces, targets = template
        if not targets:
            return pieces[0]
        pieces = pieces.copy()
        pieces[1::2] = [escape(self.factory.link(target)) for target in targets]
        return "".join(pieces)

    def unresolved(self, text: str, resolution: Resolution) -> str:
        return to_html_string(self.factory.unresolved(text, resolution))

    def _template(self, kind: str, risk: Risk) -> tuple[list[str], list[str]]:
        """The serialized element split around its link slots (text, slot, text, ...),
        and the slots' targets in the order the slots occur."""
        self._slots.targets = []
        factory = self._templating
        element = factory.reference(risk) if kind == "ref" else _prettified(factory.callout(risk))
        pieces = _SLOT.split(to_html_string(element))
        return pieces, [self._slots.targets[int(number)] for number in pieces[1::2]]


class _SlotRecorder:
    """A page whose every link is a numbered slot; it keeps the slots' targets."""

    def __init__(self, page: PageContext) -> None:
        self._page = page
        self.targets: list[str] = []

    @property
    def index(self) -> CatalogIndex:
        return self._page.index

    def current_page(self) -> str:
        return self._page.current_page()

    def final_url(self, target: str) -> str:
        self.targets.append(target)
        return _SLOT_MARK.format(len(self.targets) - 1)


def hover_text(resolution: Resolution, strings: Strings) -> str:
    """What an unresolved tag's marker says when hovered, in the reader's language."""
    tag = resolution.text
    if resolution.outcome is Outcome.MISMATCH and resolution.risk is not None:
        return strings("mismatched_tag", tag=tag, risk=resolution.risk.qualified_tag)
    if resolution.outcome is Outcome.AMBIGUOUS:
        options = ", ".join(f"[{r.qualified_tag}]" for r in resolution.candidates)
        return strings("ambiguous_tag", tag=tag, options=options)
    if resolution.outcome is Outcome.EXACT:
        return strings("unresolved_tag")
    if resolution.suggestions:
        hint = ", ".join(f"[{s}]" for s in resolution.suggestions)
        return strings("unknown_tag_suggestions", tag=tag, suggestions=hint)
    return strings("unknown_tag", tag=tag)


def _append_text(parent: etree.Element, last: etree.Element | None, text: str) -> None:
    if not text:
        return
    text = _latin1_only(text)
    if last is None:
        parent.text = (parent.text or "") + text
    else:
        last.tail = (last.tail or "") + text


def _latin1_only(text: str) -> str:
    """Characters beyond Latin-1 as character references.

    One curly quote in a callout would make CPython store the whole page's
    HTML, which MkDocs keeps for every page until the build ends, at two bytes
    a character. Python-Markdown turns ``AMP_SUBSTITUTE`` back into ``&``.
    """
    if text.isascii() or max(text) <= "\xff":
        return text
    return "".join(c if c <= "\xff" else f"{AMP_SUBSTITUTE}#{ord(c)};" for c in text)


def _prettified(box: etree.Element) -> etree.Element:
    """A callout with the line breaks Python-Markdown puts between blocks of the tree.

    A serialized callout is pasted where the tree's own would have been: the
    page's HTML stays the same to the byte.
    """
    box.text = "\n"
    for block in box:
        block.tail = "\n"
    return box


def _plain(text: str) -> etree.Element:
    span = etree.Element("span")
    span.text = text
    return span
