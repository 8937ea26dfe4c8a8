"""Building a catalogue's model from its validated data, and checking its cross-references.

Every tag, control label, flow and Top Ten pointer inside a catalogue must
name something of that catalogue; every risk's tag and page anchor must be
its own. Each problem is one :class:`CatalogError` at the line of the entry.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .model import (
    Catalog,
    Component,
    Control,
    Flow,
    License,
    Reference,
    Risk,
    Source,
    TopTenEntry,
    normalize_descriptor,
)
from .overlay import BaseEntries
from .resolver import CatalogIndex, Resolution
from .texts import CitationToken, TagToken, TopTenToken, tokenize
from .valuetext import short_repr
from .yamlsource import CatalogError, LocatedDict


class Builder:
    """Turns validated YAML data into model objects, then checks cross-references."""

    def __init__(
        self, path: str, data: LocatedDict, base: BaseEntries | None = None, credit: str = ""
    ) -> None:
        """``base``: for an overlay merged into ``data``, the entries of the catalogue it
        extends; ``credit``: the overlay's own ``attribution``, if it gives one."""
        self.path, self.data = path, data
        self.base, self.credit = base, credit

    def build(self) -> Catalog:
        data = self.data
        catalog = Catalog(
            id=data["id"],
            prefix=data.get("prefix", "") or "",
            extends=data.get("extends"),
            title=data["title"],
            short_title=data["short_title"],
            subtitle=data.get("subtitle"),
            authors=tuple(data["authors"]),
            publisher=data["publisher"],
            version=str(data["version"]),
            date=data.get("date"),
            sources=tuple(Source(s["title"], s["url"]) for s in data["sources"]),
            license=License(data["license"]["name"], data["license"]["url"]),
            attribution=data["attribution"],
            overlay_attribution=self.credit or None,
            introduction=tuple(data.get("introduction", ())),
            top_ten_label=data.get("top_ten_label"),
            system_introduction=data.get("system_introduction"),
            references=self._references(),
            extra=dict(data.get("extra", {})),
            source_path=self.path,
            field_lines=dict(data.lines),
        )
        catalog.components = tuple(
            self._component(catalog, item, line) for item, line in _items(data["components"])
        )
        self._check_unique_labels(catalog)
        catalog.flows = self._flows(catalog)
        index = CatalogIndex([catalog])
        catalog.top_ten = self._top_ten(index)
        self._check_texts(catalog, index)
        self._check_controls(catalog, index)
        return catalog

    def _references(self) -> tuple[Reference, ...]:
        seen: dict[int, int] = {}
        references = []
        for item, line in _items(self.data.get("references", [])):
            number = item["number"]
            if number in seen:
                self._fail(
                    line,
                    "references",
                    f"reference {number} is defined twice (first at line {seen[number]})",
                    "number references uniquely",
                )
            seen[number] = line
            references.append(
                Reference(
                    number=number,
                    key=item["key"],
                    title=item["title"],
                    authors=item.get("authors"),
                    venue=item.get("venue"),
                    year=item.get("year"),
                    url=item.get("url"),
                )
            )
        return tuple(references)

    def _component(self, catalog: Catalog, data: LocatedDict, line: int) -> Component:
        layout = data.get("diagram")
        component = Component(
            catalog=catalog,
            label=data["label"],
            name=data["name"],
            kind=data["kind"],
            number=data.get("number"),
            introduction=tuple(data.get("introduction", ())),
            controls=tuple(Control(c["label"], c["text"]) for c in data.get("controls", ())),
            diagram=(layout["column"], layout["row"]) if layout else None,
            extra=dict(data.get("extra", {})),
            added_by_overlay=self.base is not None and not self.base.has_component(data["label"]),
        )
        risks = []
        seen: dict[tuple[int, str], int] = {}
        anchors: dict[str, tuple[str, int]] = {}
        for item, risk_line in _items(data["risks"]):
            risk = Risk(
                component=component,
                number=item["number"],
                descriptor=item["descriptor"],
                title=item["title"],
                summary=" ".join(item["summary"].split()),
                description=item["description"].strip(),
                controls=tuple(Control(c["label"], c["text"]) for c in item.get("controls", ())),
                extra=dict(item.get("extra", {})),
                added_by_overlay=self.base is not None
                and not self.base.has_risk(component.label, item["number"], item["descriptor"]),
            )
            # Tags match descriptors as normalize_descriptor does: two descriptors
            # it makes equal are one tag.
            key = (risk.number, normalize_descriptor(risk.descriptor))
            if key in seen:
                self._fail(
                    risk_line,
                    f"risk [{risk.tag}]",
                    f"the same tag is defined twice (first at line {seen[key]})",
                    "give one of them another number or descriptor",
                )
            seen[key] = risk_line
            self._check_anchor(anchors, risk, risk_line)
            risks.append(risk)
        component.risks = tuple(risks)
        return component

    def _check_anchor(self, anchors: dict[str, tuple[str, int]], risk: Risk, line: int) -> None:
        """Two tags of one component whose page anchors coincide would link to one risk."""
        anchor = risk.anchor  # worked out from the tag on every use
        if anchor in anchors:
            other, other_line = anchors[anchor]
            self._fail(
                line,
                f"risk [{risk.tag}]",
                f"its page anchor #{anchor} is also that of [{other}] "
                f"(line {other_line}): links could not tell them apart",
                "anchors keep only letters and digits: make the descriptors differ in those",
            )
        anchors[anchor] = (risk.tag, line)

    def _check_unique_labels(self, catalog: Catalog) -> None:
        """Labels name components in tags (in any case) and, as slugs, their pages."""
        seen: dict[str, tuple[str, int]] = {}
        for component, line in zip(catalog.components, self.data["components"].lines):
            if component.slug in seen:
                other, first = seen[component.slug]
                label = short_repr(component.label)
                self._fail(
                    line,
                    "components",
                    f"component label {label} is used twice (first at line {first})"
                    if other.casefold() == component.label.casefold()
                    else f"component label {label} gets the page of {short_repr(other)} "
                    f"(line {first})",
                    "labels must be unique, also ignoring case and repeated hyphens",
                )
            seen[component.slug] = (component.label, line)

    def _flows(self, catalog: Catalog) -> tuple[Flow, ...]:
        flows = []
        for item, line in _items(self.data.get("flows", [])):
            for end in ("from", "to"):
                component = catalog.component(item[end])
                if component is None or component.is_system:
                    self._fail(
                        line,
                        f"flows.{end}",
                        f"{short_repr(item[end])} is not a component label",
                        "use the label of one of the components",
                    )
            flows.append(Flow(item["from"], item["to"]))
        return tuple(flows)

    def _top_ten(self, index: CatalogIndex) -> tuple[TopTenEntry, ...]:
        entries = []
        seen: dict[int, int] = {}
        for item, _line in _items(self.data.get("top_ten", [])):
            rank, rank_line = item["rank"], item.lines["rank"]
            if rank in seen:
                self._fail(
                    rank_line,
                    f"top_ten rank {rank}",
                    f"rank {rank} is used twice (first at line {seen[rank]})",
                    "give each entry its own rank",
                )
            seen[rank] = rank_line
            risks = tuple(
                self._resolve(index, tag, tag_line, f"top_ten rank {rank}.risks")
                for tag, tag_line in _items(item["risks"])
            )
            entries.append(TopTenEntry(rank, item["name"], item["text"], risks))
        return tuple(entries)

    def _check_texts(self, catalog: Catalog, index: CatalogIndex) -> None:
        for text, line, field in self._texts():
            if "[" not in text:  # every mark starts with one: the text is plain text
                continue
            for token in tokenize(text, catalog, index):
                if isinstance(token, TagToken) and not token.resolution.resolved:
                    self._fail(
                        line,
                        field,
                        self._local_problem(token.resolution, token.written.strip("[]")),
                        "tags must name a risk of this catalogue",
                    )
                elif isinstance(token, TopTenToken) and token.entry is None:
                    self._fail(
                        line, field, f"{token.written} points at no Top Ten entry", "fix the rank"
                    )
                elif isinstance(token, CitationToken) and token.reference is None:
                    self._fail(
                        line,
                        field,
                        f"citation [^{token.number}] points at no reference",
                        "add the reference or fix the number",
                    )

    def _check_controls(self, catalog: Catalog, index: CatalogIndex) -> None:
        components = zip(catalog.components, _items(self.data["components"]))
        for component, (data, _line) in components:
            for control_data, line in _items(data.get("controls", [])):
                owner = control_data["label"].split(":", 1)[0]
                if owner.casefold() != component.label.casefold():
                    self._fail(
                        line,
                        "controls.label",
                        f"{short_repr(control_data['label'])} does not "
                        f"belong to component {short_repr(component.label)}",
                        f"write {component.label}:generic",
                    )
            for risk, (risk_data, _rl) in zip(component.risks, _items(data["risks"])):
                for control_data, line in _items(risk_data.get("controls", [])):
                    target = self._resolve(index, control_data["label"], line, "controls.label")
                    if target is not risk:
                        self._fail(
                            line,
                            "controls.label",
                            f"[{control_data['label']}] is a "
                            f"control of [{target.tag}], not of [{risk.tag}]",
                            "move the control under the risk it is about",
                        )

    def _texts(self) -> Iterator[tuple[str, int, str]]:
        """Every text that may hold tags or citations, with its line and field name."""
        data = self.data
        for item, line in _items(data.get("top_ten", [])):
            yield item["text"], line, f"top_ten rank {item['rank']}.text"
        for component, _ in _items(data["components"]):
            for paragraph, line in _items(component.get("introduction", [])):
                yield paragraph, line, f"component {component['label']}.introduction"
            for risk, _line in _items(component["risks"]):
                tag = f"{component['label']}:{risk['number']}:{risk['descriptor']}"
                yield risk["description"], risk.lines["description"], f"risk [{tag}].description"
                for control, control_line in _items(risk.get("controls", [])):
                    yield control["text"], control_line, f"risk [{tag}].controls"
        if "system_introduction" in data:
            yield (
                data["system_introduction"],
                data.lines["system_introduction"],
                "system_introduction",
            )

    def _resolve(self, index: CatalogIndex, tag: str, line: int, field: str) -> Risk:
        """Resolve a tag written inside this catalogue, where the prefix is implied."""
        prefix = self.data.get("prefix") or ""
        resolution = index.resolve(f"{prefix}:{tag}" if prefix else tag)
        if resolution.risk is not None:
            return resolution.risk
        self._fail(
            line,
            field,
            self._local_problem(resolution, tag),
            "tags must name a risk of this catalogue",
        )
        raise AssertionError  # unreachable: _fail raises

    def _local_problem(self, resolution: Resolution, written: str) -> str:
        """The resolver's message, with tags as written inside this catalogue: unprefixed.

        Inside its own file a catalogue's prefix is implied; suggesting a
        prefixed tag would send the author from one error to the next.
        """
        prefix = self.data.get("prefix") or ""
        if prefix and written.casefold().startswith(prefix.casefold() + ":"):
            return (
                f"[{written}] carries the catalogue's own prefix; inside the catalogue "
                f"write it without: [{written[len(prefix) + 1 :]}]"
            )
        message = resolution.problem() or f"[{written}] does not resolve"
        return message.replace(f"[{prefix}:", "[") if prefix else message

    def _fail(self, line: int, field: str, problem: str, hint: str) -> None:
        raise CatalogError(self.path, line, field, problem, hint)


def _items(values: Any) -> Iterator[tuple[Any, int]]:
    lines = getattr(values, "lines", None) or [getattr(values, "line", 0)] * len(values)
    return zip(values, lines)
