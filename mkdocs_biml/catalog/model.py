"""The catalogue as Python objects.

Plain data, built once by :mod:`mkdocs_biml.catalog.loader` and never mutated after
loading. Nothing here knows about MkDocs or Markdown.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any, Literal

from ..frozen import Frozen

ComponentKind = Literal["process", "collection", "system"]

#: A citation marker inside a catalogue text: ``[^7]`` cites reference 7.
CITATION_MARKER = re.compile(r"\[\^(\d+)\]")

_NOT_ALNUM = re.compile(r"[^0-9a-z]+")
_DESCRIPTOR_SEPARATORS = re.compile(r"[\s_-]+")


def slugify(text: str) -> str:
    """Lower-case ``text`` and turn every run of other characters into one hyphen.

    This is the anchor rule of the generated pages: it must never change, since
    organisations link to these anchors from outside their sites.
    """
    return _NOT_ALNUM.sub("-", text.casefold()).strip("-")


def normalize_descriptor(descriptor: str) -> str:
    """Descriptor key for matching: case-insensitive, with space, ``-`` and ``_`` alike."""
    return _DESCRIPTOR_SEPARATORS.sub(" ", descriptor.strip().casefold())


class Reference(Frozen):
    """A numbered entry of a catalogue's reference list."""

    number: int
    key: str
    title: str
    authors: str | None = None
    venue: str | None = None
    year: int | None = None
    url: str | None = None

    @property
    def anchor(self) -> str:
        return f"ref-{self.number}"


class Control(Frozen):
    """An "associated control": ``label`` is kept exactly as published."""

    label: str
    text: str


class Source(Frozen):
    """A document the catalogue quotes, with where to find it."""

    title: str
    url: str


class License(Frozen):
    """The licence of the quoted text, with a link to it."""

    name: str
    url: str


class Risk:
    """One entry of a component: its tag, title, summary and the quoted text."""

    # A plain class (not a dataclass: see frozen.py): equal only to itself, since
    # risks, components and catalogue point at each other.
    component: Component
    number: int
    descriptor: str
    title: str
    summary: str
    description: str
    controls: tuple[Control, ...]
    extra: Mapping[str, Any]
    #: Added by an overlay (not in the catalogue it extends): its text is the overlay's.
    added_by_overlay: bool

    def __init__(  # noqa: PLR0917 (positional, as the dataclass's was)
        self,
        component: Component,
        number: int,
        descriptor: str,
        title: str,
        summary: str,
        description: str,
        controls: tuple[Control, ...] = (),
        extra: Mapping[str, Any] | None = None,
        added_by_overlay: bool = False,
    ) -> None:
        self.component = component
        self.number = number
        self.descriptor = descriptor
        self.title = title
        self.summary = summary
        self.description = description
        self.controls = controls
        self.extra = {} if extra is None else extra
        self.added_by_overlay = added_by_overlay

    @property
    def tag(self) -> str:
        """``component:number:descriptor``, without brackets or catalogue prefix."""
        return f"{self.component.label}:{self.number}:{self.descriptor}"

    @property
    def qualified_tag(self) -> str:
        """The tag as an author writes it, with the catalogue prefix when there is one."""
        prefix = self.component.catalog.prefix
        return f"{prefix}:{self.tag}" if prefix else self.tag

    @property
    def anchor(self) -> str:
        return slugify(self.tag)

    @property
    def paragraphs(self) -> list[str]:
        return split_paragraphs(self.description)

    @property
    def citations(self) -> list[int]:
        """Reference numbers cited by the description, in order, without repeats."""
        return list(dict.fromkeys(int(n) for n in CITATION_MARKER.findall(self.description)))

    def __repr__(self) -> str:
        return f"Risk({self.qualified_tag!r})"


class Component:
    """A component of the analysed system and the risks filed under it."""

    # A plain class like Risk: equal only to itself.
    catalog: Catalog
    label: str
    name: str
    kind: ComponentKind
    number: int | None
    introduction: tuple[str, ...]
    risks: tuple[Risk, ...]
    controls: tuple[Control, ...]
    diagram: tuple[int, int] | None
    extra: Mapping[str, Any]
    #: Added by an overlay (not in the catalogue it extends): its text is the overlay's.
    added_by_overlay: bool

    def __init__(  # noqa: PLR0917 (positional, as the dataclass's was)
        self,
        catalog: Catalog,
        label: str,
        name: str,
        kind: ComponentKind,
        number: int | None = None,
        introduction: tuple[str, ...] = (),
        risks: tuple[Risk, ...] = (),
        controls: tuple[Control, ...] = (),
        diagram: tuple[int, int] | None = None,
        extra: Mapping[str, Any] | None = None,
        added_by_overlay: bool = False,
    ) -> None:
        self.catalog = catalog
        self.label = label
        self.name = name
        self.kind = kind
        self.number = number
        self.introduction = introduction
        self.risks = risks
        self.controls = controls
        self.diagram = diagram
        self.extra = {} if extra is None else extra
        self.added_by_overlay = added_by_overlay

    @property
    def is_system(self) -> bool:
        return self.kind == "system"

    @property
    def slug(self) -> str:
        return slugify(self.label)

    @property
    def anchor(self) -> str:
        """Id of the component's heading: ``component-`` and the label's slug.

        Not the name's slug: a name is free text, and "Intake 1 leak" or
        "Generic controls" would take the id of a risk (``intake-1-leak``) or of
        another heading of the page. Risk anchors go ``<label>-<number>``, so a
        digit, never a letter, follows the label there.
        """
        return f"component-{self.slug}"

    def __repr__(self) -> str:
        return f"Component({self.label!r}, {len(self.risks)} risks)"


class Flow(Frozen):
    """An arrow of the diagram: information flows from ``source`` to ``target``."""

    source: str
    target: str


class TopTenEntry(Frozen):
    """One of the Top Ten risks, with the entries it points to."""

    rank: int
    name: str
    text: str
    risks: tuple[Risk, ...]

    @property
    def anchor(self) -> str:
        return f"top-ten-{self.rank}"


class Catalog:
    """A whole catalogue: its metadata, components, diagram, Top Ten and references."""

    # A plain class like Risk: equal only to itself.
    id: str
    title: str
    short_title: str
    authors: tuple[str, ...]
    publisher: str
    version: str
    sources: tuple[Source, ...]
    license: License
    #: Credits the catalogue's text (for an overlay: the text of the one it extends).
    attribution: str
    #: An overlay's credit for the entries it adds, if it gives one.
    overlay_attribution: str | None
    prefix: str
    extends: str | None
    subtitle: str | None
    date: str | None
    introduction: tuple[str, ...]
    system_introduction: str | None
    components: tuple[Component, ...]
    flows: tuple[Flow, ...]
    top_ten: tuple[TopTenEntry, ...]
    #: Label the document uses for pointers to its Top Ten (``LLMtop10``), if any.
    top_ten_label: str | None
    references: tuple[Reference, ...]
    extra: Mapping[str, Any]
    #: Where the catalogue was loaded from (a path, or ``<built-in biml-78>``).
    source_path: str
    #: Files the catalogue was built from, with the SHA-256 of their content:
    #: its own file first, then the one it extends. Watched by ``mkdocs serve``.
    depends_on: tuple[tuple[str, str], ...]
    #: Line of each top-level field in its file, for messages about the whole catalogue.
    field_lines: Mapping[str, int]

    def __init__(  # noqa: PLR0917 (positional, as the dataclass's was)
        self,
        id: str,
        title: str,
        short_title: str,
        authors: tuple[str, ...],
        publisher: str,
        version: str,
        sources: tuple[Source, ...],
        license: License,
        attribution: str,
        overlay_attribution: str | None = None,
        prefix: str = "",
        extends: str | None = None,
        subtitle: str | None = None,
        date: str | None = None,
        introduction: tuple[str, ...] = (),
        system_introduction: str | None = None,
        components: tuple[Component, ...] = (),
        flows: tuple[Flow, ...] = (),
        top_ten: tuple[TopTenEntry, ...] = (),
        top_ten_label: str | None = None,
        references: tuple[Reference, ...] = (),
        extra: Mapping[str, Any] | None = None,
        source_path: str = "",
        depends_on: tuple[tuple[str, str], ...] = (),
        field_lines: Mapping[str, int] | None = None,
    ) -> None:
        self.id = id
        self.title = title
        self.short_title = short_title
        self.authors = authors
        self.publisher = publisher
        self.version = version
        self.sources = sources
        self.license = license
        self.attribution = attribution
        self.overlay_attribution = overlay_attribution
        self.prefix = prefix
        self.extends = extends
        self.subtitle = subtitle
        self.date = date
        self.introduction = introduction
        self.system_introduction = system_introduction
        self.components = components
        self.flows = flows
        self.top_ten = top_ten
        self.top_ten_label = top_ten_label
        self.references = references
        self.extra = {} if extra is None else extra
        self.source_path = source_path
        self.depends_on = depends_on
        self.field_lines = {} if field_lines is None else field_lines

    def __repr__(self) -> str:
        return f"Catalog({self.id!r}, {sum(1 for _ in self.risks())} risks)"

    def quotes_base(self, component: Component) -> bool:
        """Whether the page of ``component`` quotes the text this catalogue credits in
        :attr:`attribution` (a component an overlay added quotes only the overlay)."""
        return not component.added_by_overlay or any(
            not risk.added_by_overlay for risk in component.risks
        )

    def risks(self) -> Iterator[Risk]:
        """Every risk, components in published order, then risks in published order."""
        for component in self.components:
            yield from component.risks

    def component(self, label: str) -> Component | None:
        wanted = label.casefold()
        return next((c for c in self.components if c.label.casefold() == wanted), None)

    def reference(self, number: int) -> Reference | None:
        return next((r for r in self.references if r.number == number), None)

    def top_ten_rank(self, risk: Risk) -> TopTenEntry | None:
        """The Top Ten entry that points at ``risk``, if any (first one wins)."""
        return next((e for e in self.top_ten if any(r is risk for r in e.risks)), None)

    @property
    def diagram_components(self) -> tuple[Component, ...]:
        return tuple(c for c in self.components if not c.is_system)


def split_paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
