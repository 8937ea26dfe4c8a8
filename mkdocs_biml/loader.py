"""Load and validate a catalogue file into :class:`~mkdocs_biml.model.Catalog`.

Every problem is one :class:`CatalogError` naming the file, the line, the
field, what is wrong and what to do. A catalogue that fails any check is not
returned at all, so callers never see a half-loaded one.

Reading the YAML is :mod:`~mkdocs_biml.yamlsource`'s job, checking its
structure against the shipped JSON Schema :mod:`~mkdocs_biml.schemacheck`'s;
this module builds the model, checks cross-references, and finds and caches
catalogue files.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from functools import cache, partial
from pathlib import Path
from typing import Any, NoReturn

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
)
from .overlay import merge_overlay
from .resolver import CatalogIndex, Resolution
from .schemacheck import SCHEMA_PATH, SchemaChecker, catalog_schema
from .texts import CitationToken, TagToken, TopTenToken, tokenize
from .yamlsource import CatalogError, LocatedDict, read_yaml

PACKAGE_DIR = Path(__file__).parent
#: Built-in catalogues: in a wheel they sit in the package, in a source
#: checkout in the repository's top-level ``catalog/`` folder.
BUILTIN_DIRS = (PACKAGE_DIR / "catalog_data", PACKAGE_DIR.parent / "catalog")
BUILTIN_NAMES = ("biml-78", "biml-llm")
#: The catalogue every site has.
DEFAULT_CATALOG = "biml-78"

__all__ = [
    "BUILTIN_NAMES",
    "SCHEMA_PATH",
    "CatalogError",
    "builtin_catalog_path",
    "catalog_schema",
    "load_catalog",
    "load_catalogs",
    "parse_catalog",
]


class _Builder:
    """Turns validated YAML data into model objects, then checks cross-references."""

    def __init__(self, path: str, data: LocatedDict) -> None:
        self.path, self.data = path, data

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
            introduction=tuple(data.get("introduction", ())),
            top_ten_label=data.get("top_ten_label"),
            system_introduction=data.get("system_introduction"),
            references=self._references(),
            extra=dict(data.get("extra", {})),
            source_path=self.path,
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
        )
        risks = []
        seen: dict[tuple[int, str], int] = {}
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
                origin=f"{self.path}:{risk_line}",
            )
            key = (risk.number, risk.descriptor.casefold().replace("-", " ").replace("_", " "))
            if key in seen:
                self._fail(
                    risk_line,
                    f"risk [{risk.tag}]",
                    f"the same tag is defined twice (first at line {seen[key]})",
                    "give one of them another number or descriptor",
                )
            seen[key] = risk_line
            risks.append(risk)
        component.risks = tuple(risks)
        return component

    def _check_unique_labels(self, catalog: Catalog) -> None:
        seen: dict[str, int] = {}
        for component, line in zip(catalog.components, self.data["components"].lines):
            key = component.label.casefold()
            if key in seen:
                self._fail(
                    line,
                    "components",
                    f"component label {component.label!r} is used "
                    f"twice (first at line {seen[key]})",
                    "labels must be unique",
                )
            seen[key] = line

    def _flows(self, catalog: Catalog) -> tuple[Flow, ...]:
        flows = []
        for item, line in _items(self.data.get("flows", [])):
            for end in ("from", "to"):
                component = catalog.component(item[end])
                if component is None or component.is_system:
                    self._fail(
                        line,
                        f"flows.{end}",
                        f"{item[end]!r} is not a component label",
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
                        f"{control_data['label']!r} does not "
                        f"belong to component {component.label!r}",
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


# --------------------------------------------------------------------- public API


def builtin_catalog_path(name: str) -> Path | None:
    """Path of the built-in catalogue ``name`` (``biml-78``, ``biml-llm``), if it exists."""
    if name not in BUILTIN_NAMES:
        return None
    for folder in BUILTIN_DIRS:
        candidate = folder / f"{name}.yaml"
        if candidate.is_file():
            return candidate
    return None


def load_catalogs(
    sources: Iterable[str | os.PathLike[str]], base_dir: Path | None = None
) -> list[Catalog]:
    """The catalogues of a site: BIML-78 first, then each source once, in order.

    Sources are built-in names or paths relative to ``base_dir`` (the folder
    of ``mkdocs.yml``). A catalogue that extends another takes its place.
    """
    catalogs: list[Catalog] = []
    for source in dict.fromkeys([DEFAULT_CATALOG, *(os.fspath(s) for s in sources)]):
        catalog = load_catalog(source if builtin_catalog_path(source) else _shown(base_dir, source))
        replaced = next((i for i, c in enumerate(catalogs) if c.id == catalog.extends), None)
        if replaced is None:
            catalogs.append(catalog)
        else:
            catalogs[replaced] = catalog
    return catalogs


def _shown(base_dir: Path | None, source: str) -> str:
    """The file's path as messages show it: relative to the working folder when inside it."""
    path = Path(os.path.abspath((base_dir or Path()) / source))
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def load_catalog(source: str | os.PathLike[str] = "biml-78") -> Catalog:
    """Load a built-in catalogue by name, or a catalogue file by path.

    Results are cached by path and modification time (of the file and of the
    catalogue it extends, if any), so ``mkdocs serve`` reloads a catalogue only
    when one of its files changed.
    """
    name = os.fspath(source)
    path = builtin_catalog_path(name) or Path(name)
    label = f"<built-in {name}>" if name in BUILTIN_NAMES else name
    catalog = _load_cached(str(path.resolve()), label, *_stamp(path, label))
    if any(_stamp(Path(f), f) != stamp for f, stamp in catalog.depends_on[1:]):
        _load_cached.cache_clear()
        catalog = _load_cached(str(path.resolve()), label, *_stamp(path, label))
    return catalog


def _stamp(path: Path, label: str) -> tuple[int, int]:
    try:
        stat = path.stat()
    except OSError as exc:
        raise CatalogError(
            label,
            None,
            "",
            f"cannot read the catalogue: {exc.strerror}",
            f"built-in catalogues: {', '.join(BUILTIN_NAMES)}",
        ) from None
    return stat.st_mtime_ns, stat.st_size


@cache
def _load_cached(path: str, label: str, mtime_ns: int, size: int) -> Catalog:
    catalog = parse_catalog(Path(path).read_bytes(), label, base_dir=Path(path).parent)
    catalog.depends_on = ((path, (mtime_ns, size)), *catalog.depends_on[1:])
    return catalog


def parse_catalog(
    raw: bytes | str, path: str = "<string>", *, base_dir: Path | None = None
) -> Catalog:
    """Validate and build a catalogue from the bytes (or text) of a YAML file.

    A catalogue with ``extends`` is merged into the one it names (a built-in
    name, or a path relative to ``base_dir``) before it is built.
    """
    data = read_yaml(path, raw.encode("utf-8") if isinstance(raw, str) else raw)
    definitions = catalog_schema()["$defs"]
    depends_on: tuple[tuple[str, tuple[int, int]], ...] = ((path, (0, 0)),)
    if "extends" in data:
        SchemaChecker(path, catalog_schema()).check(
            data, definitions["overlay"], "", data.line or 1
        )
        base_path, base = _read_base(path, data, base_dir or Path.cwd())
        depends_on += ((str(base_path), _stamp(base_path, str(base_path))),)
        data = merge_overlay(base, data, partial(_overlay_failure, path))
        data["extends"] = base["id"]  # the catalogue it takes the place of in a site
        # The base passed this check alone, so whatever fails now is the overlay's.
        SchemaChecker(path, catalog_schema()).check(
            data, definitions["catalog"], "", data.line or 1
        )
    else:
        SchemaChecker(path, catalog_schema()).check(
            data, definitions["catalog"], "", data.line or 1
        )
    catalog = _Builder(path, data).build()
    catalog.depends_on = depends_on
    return catalog


def _read_base(path: str, overlay: LocatedDict, base_dir: Path) -> tuple[Path, LocatedDict]:
    """The data of the catalogue ``overlay`` extends, checked as a whole catalogue."""
    name = overlay["extends"]
    base_path = builtin_catalog_path(name) or base_dir / name
    line = overlay.lines.get("extends", overlay.line)
    if not base_path.is_file():
        raise CatalogError(
            path,
            line,
            "extends",
            f"no catalogue {name!r} to extend",
            f"name a built-in catalogue ({', '.join(BUILTIN_NAMES)}) or a file "
            "path relative to this file",
        )
    label = f"<built-in {name}>" if name in BUILTIN_NAMES else str(base_path)
    base = read_yaml(label, base_path.read_bytes())
    if "extends" in base:
        raise CatalogError(
            path,
            line,
            "extends",
            f"{name!r} itself extends another catalogue",
            "extend the base catalogue directly: chains are not supported",
        )
    SchemaChecker(label, catalog_schema()).check(
        base, catalog_schema()["$defs"]["catalog"], "", base.line or 1
    )
    return base_path, base


def _overlay_failure(path: str, line: int, field: str, problem: str, hint: str) -> NoReturn:
    raise CatalogError(path, line, field, problem, hint)
