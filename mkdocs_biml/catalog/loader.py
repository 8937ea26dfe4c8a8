"""Load and validate a catalogue file into :class:`~mkdocs_biml.catalog.model.Catalog`.

Every problem is one :class:`CatalogError` naming the file, the line, the
field, what is wrong and what to do. A catalogue that fails any check is not
returned at all, so callers never see a half-loaded one.

Reading a file's bytes is :mod:`~mkdocs_biml.catalog.catalogfile`'s job, reading its
YAML :mod:`~mkdocs_biml.catalog.yamlsource`'s, checking its structure against the
shipped JSON Schema :mod:`~mkdocs_biml.catalog.schemacheck`'s and building the model
:mod:`~mkdocs_biml.catalog.builder`'s; this module finds built-in catalogues, applies
``extends:``, caches what it loaded, and checks that a site's catalogues do not
claim the same id or prefix.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import NoReturn

from ..resources import BUILTIN_CATALOG_DIRS
from .builder import Builder
from .catalogfile import BUILTIN_NAMES, Origin, content_digest, read_catalog_file
from .model import Catalog
from .overlay import BaseEntries, merge_overlay
from .schemacheck import SchemaChecker, catalog_schema
from .valuetext import short_repr
from .yamlsource import CatalogError, LocatedDict, read_yaml

#: The catalogue every site has.
DEFAULT_CATALOG = "biml-78"

__all__ = [
    "BUILTIN_NAMES",
    "CatalogError",
    "builtin_catalog_path",
    "catalog_schema",
    "load_catalog",
    "load_catalogs",
    "parse_catalog",
]


def builtin_catalog_path(name: str) -> Path | None:
    """Path of the built-in catalogue ``name`` (``biml-78``, ``biml-llm``), if it exists."""
    if name not in BUILTIN_NAMES:
        return None
    for folder in BUILTIN_CATALOG_DIRS:
        candidate = folder / f"{name}.yaml"
        if candidate.is_file():
            return candidate
    return None


#: Catalogues loaded before, by path and label: a caller that loads again and again
#: (the plugin, on every ``mkdocs serve`` rebuild) keeps one and passes it.
LoadedCatalogs = dict[tuple[str, str], Catalog]
#: The one for callers that keep none: the Markdown extension on a host without the
#: plugin (Zensical makes a new extension, so a new index, for every page).
_LOADED: LoadedCatalogs = {}


def load_catalogs(
    sources: Iterable[str | os.PathLike[str]],
    base_dir: Path | None = None,
    *,
    loaded: LoadedCatalogs | None = None,
) -> list[Catalog]:
    """The catalogues of a site: BIML-78 first, then each source once, in order.

    Sources are built-in names or paths relative to ``base_dir`` (the folder
    of ``mkdocs.yml``), as given in the ``catalogs`` option. A catalogue that
    extends another takes its place. No two may share an id or a prefix.
    ``loaded``: see :func:`load_catalog`.
    """
    catalogs: list[Catalog] = []
    for source in dict.fromkeys([DEFAULT_CATALOG, *(os.fspath(s) for s in sources)]):
        shown = source if builtin_catalog_path(source) or not source else _shown(base_dir, source)
        catalog = load_catalog(shown, loaded=loaded)
        replaced = next((i for i, c in enumerate(catalogs) if c.id == catalog.extends), None)
        others = [c for i, c in enumerate(catalogs) if i != replaced]
        _check_distinct(catalog, others)
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


def _check_distinct(catalog: Catalog, others: Sequence[Catalog]) -> None:
    """Ids name a site's catalogues, prefixes its tags: each must be one catalogue's."""
    for other in others:
        if other.id == catalog.id:
            _fail_at(
                catalog,
                "id",
                f"{short_repr(catalog.id)} is already the id of {other.source_path}",
                "give one of them another id",
            )
        if other.prefix.casefold() == catalog.prefix.casefold():
            _fail_at(
                catalog,
                "prefix",
                f"{short_repr(catalog.prefix)} is already the prefix of {other.source_path} "
                f"({other.id}): tags could not tell the two catalogues apart"
                if catalog.prefix
                else f"no prefix, like {other.source_path} ({other.id}): "
                "tags could not tell the two catalogues apart",
                "give one of them another prefix",
            )


def _fail_at(catalog: Catalog, field: str, problem: str, hint: str) -> NoReturn:
    # An overlay's prefix line is in the file it extends: point at its extends: line.
    written = "extends" if catalog.extends and field == "prefix" else field
    line = catalog.field_lines.get(written) or catalog.field_lines.get("id")
    raise CatalogError(catalog.source_path, line, field, problem, hint)


def load_catalog(
    source: str | os.PathLike[str] = "biml-78", *, loaded: LoadedCatalogs | None = None
) -> Catalog:
    """Load a built-in catalogue by name, or a catalogue file by path.

    The catalogue found in ``loaded`` (by default, the module's own) is
    returned, the very same object, while the content of its file and of the
    catalogue it extends is the same (content, not size and time, which an
    edit may keep); a new one is kept there.
    """
    name = os.fspath(source)
    path = builtin_catalog_path(name) or Path(name)
    label = f"<built-in {name}>" if name in BUILTIN_NAMES else name
    raw = read_catalog_file(path, label, Origin())
    key = (os.path.abspath(path), label)
    digest = content_digest(raw)
    loaded = _LOADED if loaded is None else loaded
    cached = loaded.get(key)
    if cached is not None and cached.depends_on[0][1] == digest and _unchanged(cached):
        return cached
    catalog = _parse_catalog(raw, label, path.parent, digest)
    catalog.depends_on = ((key[0], digest), *catalog.depends_on[1:])
    loaded[key] = catalog
    return catalog


def _unchanged(catalog: Catalog) -> bool:
    """Whether the files a catalogue extends still hold what it was built from."""
    for file, digest in catalog.depends_on[1:]:
        try:
            if content_digest(read_catalog_file(Path(file), file, Origin())) != digest:
                return False
        except CatalogError:
            return False
    return True


def parse_catalog(
    raw: bytes | str, path: str = "<string>", *, base_dir: Path | None = None
) -> Catalog:
    """Validate and build a catalogue from the bytes (or text) of a YAML file.

    A catalogue with ``extends`` is merged into the one it names (a built-in
    name, or a path relative to ``base_dir``) before it is built.
    """
    raw = raw.encode("utf-8") if isinstance(raw, str) else raw
    return _parse_catalog(raw, path, base_dir, content_digest(raw))


def _parse_catalog(raw: bytes, path: str, base_dir: Path | None, digest: str) -> Catalog:
    """:func:`parse_catalog`, with the ``digest`` of ``raw`` (its caller has it already)."""
    data = _read_catalog_yaml(path, raw)
    definitions = catalog_schema()["$defs"]
    depends_on: tuple[tuple[str, str], ...] = ((path, digest),)
    if "extends" in data:
        SchemaChecker(path, catalog_schema()).check(
            data, definitions["overlay"], "", data.line or 1
        )
        base_path, base_raw, base = _read_base(path, data, base_dir or Path.cwd())
        depends_on += ((os.path.abspath(base_path), content_digest(base_raw)),)
        base_entries, credit = BaseEntries.of(base), data.get("attribution", "")
        data = merge_overlay(base, data, partial(_overlay_failure, path))
        data["extends"] = base["id"]  # the catalogue it takes the place of in a site
        # The base passed this check alone, so whatever fails now is the overlay's.
        SchemaChecker(path, catalog_schema()).check(
            data, definitions["catalog"], "", data.line or 1
        )
    else:
        base_entries, credit = None, ""
        SchemaChecker(path, catalog_schema()).check(
            data, definitions["catalog"], "", data.line or 1
        )
    catalog = Builder(path, data, base_entries, credit).build()
    catalog.depends_on = depends_on
    return catalog


def _read_catalog_yaml(path: str, raw: bytes) -> LocatedDict:
    """The file's data, if it is a catalogue at all.

    A file without ``format:`` is refused before the schema check, whose
    messages quote field names: the file may be anything, a secret included.
    """
    data = read_yaml(path, raw)
    if "format" not in data:
        raise CatalogError(
            path,
            data.line or 1,
            "format",
            "is required but missing: this file is not a catalogue",
            "a catalogue starts with format: 1; see docs/catalog-format.md",
        )
    return data


def _read_base(path: str, overlay: LocatedDict, base_dir: Path) -> tuple[Path, bytes, LocatedDict]:
    """File, bytes and data of the catalogue ``overlay`` extends, checked as a whole catalogue."""
    name = overlay["extends"]
    line = overlay.lines.get("extends", overlay.line)
    builtin = builtin_catalog_path(name)
    base_path = builtin or base_dir / name
    raw = read_catalog_file(base_path, name, Origin("extends", path, line))
    label = f"<built-in {name}>" if builtin else str(base_path)
    base = _read_catalog_yaml(label, raw)
    if "extends" in base:
        raise CatalogError(
            path,
            line,
            "extends",
            f"{short_repr(name)} itself extends another catalogue",
            "extend the base catalogue directly: chains are not supported",
        )
    SchemaChecker(label, catalog_schema()).check(
        base, catalog_schema()["$defs"]["catalog"], "", base.line or 1
    )
    return base_path, raw, base


def _overlay_failure(path: str, line: int, field: str, problem: str, hint: str) -> NoReturn:
    raise CatalogError(path, line, field, problem, hint)
