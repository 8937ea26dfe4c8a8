"""Tag grammar and resolution: from ``[data:2:transfer]`` to a :class:`Risk`.

A tag is ``[component:number:descriptor]``, optionally preceded by a catalogue
prefix (``[LLM:raw:1:recursive pollution]``); the descriptor may be left out
(``[data:2]``). Resolution rules, in order:

1. exact: component, number and descriptor agree (descriptor compared
   case-insensitively, with spaces, hyphens and underscores alike);
2. mismatch: the number disagrees but the descriptor names exactly one risk of
   the component; resolves, and the caller reports the mismatch;
3. ``component:number`` alone resolves when the number is unique, and is
   ambiguous otherwise (``inference:3``);
4. anything else is unknown, with the closest tags as suggestions.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from ..frozen import Frozen
from .model import Catalog, Component, Risk, normalize_descriptor
from .valuetext import close_matches

#: A tag's body, between the brackets. Prefix and component labels start with
#: a letter; the descriptor is anything up to the closing bracket on one line.
TAG_BODY = (
    r"(?:[A-Za-z][A-Za-z0-9-]*:)?"  # catalogue prefix
    r"[A-Za-z][A-Za-z0-9-]*"  # component label
    r":[0-9]{1,4}"  # risk number
    r"(?::[^\[\]\n:][^\[\]\n]{0,119})?"  # descriptor
)
#: A whole tag in running text (used for catalogue texts and for lint).
TAG_IN_TEXT = re.compile(r"\[(" + TAG_BODY + r")\]")


class TagParts(Frozen):
    """A tag split into its parts: prefix, component, number and descriptor."""

    prefix: str
    component: str
    number: int
    descriptor: str | None

    @property
    def has_descriptor(self) -> bool:
        return self.descriptor is not None


def parse_tag(body: str) -> TagParts | None:
    """Split a tag body (without brackets) into its parts, or ``None`` if it is no tag."""
    parts = body.split(":")
    if len(parts) >= 2 and parts[1].isdigit():
        prefix, component, number, rest = "", parts[0], parts[1], parts[2:]
    elif len(parts) >= 3 and parts[2].isdigit():
        prefix, component, number, rest = parts[0], parts[1], parts[2], parts[3:]
    else:
        return None
    descriptor = ":".join(rest).strip()
    return TagParts(prefix, component, int(number), descriptor or None)


class Outcome(enum.Enum):
    EXACT = "exact"
    MISMATCH = "mismatch"
    AMBIGUOUS = "ambiguous"
    UNKNOWN = "unknown"


class Resolution(Frozen):
    """What a tag resolved to. ``risk`` is set for EXACT and MISMATCH."""

    text: str
    outcome: Outcome
    risk: Risk | None = None
    candidates: tuple[Risk, ...] = ()
    suggestions: tuple[str, ...] = ()

    @property
    def resolved(self) -> bool:
        return self.risk is not None

    def problem(self) -> str | None:
        """A sentence for the author, or ``None`` when nothing needs saying."""
        if self.outcome is Outcome.EXACT:
            return None
        if self.outcome is Outcome.MISMATCH:
            assert self.risk is not None
            return (
                f"tag [{self.text}] resolved to [{self.risk.qualified_tag}] by its descriptor; "
                f"its number does not match: write [{self.risk.qualified_tag}]"
            )
        if self.outcome is Outcome.AMBIGUOUS:
            options = ", ".join(f"[{r.qualified_tag}]" for r in self.candidates)
            return f"tag [{self.text}] is ambiguous: add the descriptor, one of {options}"
        hint = ", ".join(f"[{s}]" for s in self.suggestions)
        return f"unknown tag [{self.text}]" + (f"; did you mean {hint}?" if hint else "")


class CatalogIndex:
    """Resolves tags against one or more catalogues, each under its own prefix.

    Built once per build; every lookup after that is a dictionary access, and
    results are memoised since a site repeats the same few dozen tags.
    """

    def __init__(self, catalogs: Iterable[Catalog]) -> None:
        self.catalogs: dict[str, Catalog] = {}
        for catalog in catalogs:
            key = catalog.prefix.casefold()
            if key in self.catalogs:
                other = self.catalogs[key]
                raise ValueError(
                    f"catalogues {other.id!r} ({other.source_path}) and {catalog.id!r} "
                    f"({catalog.source_path}) both claim the prefix {catalog.prefix!r}: "
                    "give one of them another prefix"
                )
            self.catalogs[key] = catalog
        self._exact: dict[tuple[str, str, int, str], Risk] = {}
        self._by_descriptor: dict[tuple[str, str, str], list[Risk]] = {}
        self._by_number: dict[tuple[str, str, int], list[Risk]] = {}
        self._components: dict[tuple[str, str], Component] = {}
        for prefix, catalog in self.catalogs.items():
            for component in catalog.components:
                self._components[(prefix, component.label.casefold())] = component
            for risk in catalog.risks():
                label = risk.component.label.casefold()
                desc = normalize_descriptor(risk.descriptor)
                self._exact[(prefix, label, risk.number, desc)] = risk
                self._by_descriptor.setdefault((prefix, label, desc), []).append(risk)
                self._by_number.setdefault((prefix, label, risk.number), []).append(risk)
        self.resolve = lru_cache(maxsize=4096)(self._resolve)  # type: ignore[method-assign]

    def risks(self) -> Iterator[Risk]:
        for catalog in self.catalogs.values():
            yield from catalog.risks()

    def knows_component(self, prefix: str, label: str) -> bool:
        return (prefix.casefold(), label.casefold()) in self._components

    def resolve(self, text: str) -> Resolution:  # replaced by a memoised copy in __init__
        return self._resolve(text)

    def _resolve(self, text: str) -> Resolution:
        parts = parse_tag(text)
        if parts is None:
            return Resolution(text, Outcome.UNKNOWN, suggestions=self._suggest(text))
        prefix, label = parts.prefix.casefold(), parts.component.casefold()
        if parts.descriptor is not None:
            desc = normalize_descriptor(parts.descriptor)
            risk = self._exact.get((prefix, label, parts.number, desc))
            if risk is not None:
                return Resolution(text, Outcome.EXACT, risk)
            named = self._by_descriptor.get((prefix, label, desc), [])
            if len(named) == 1:
                return Resolution(text, Outcome.MISMATCH, named[0])
            if len(named) > 1:
                return Resolution(text, Outcome.AMBIGUOUS, candidates=tuple(named))
        else:
            numbered = self._by_number.get((prefix, label, parts.number), [])
            if len(numbered) == 1:
                return Resolution(text, Outcome.EXACT, numbered[0])
            if len(numbered) > 1:
                return Resolution(text, Outcome.AMBIGUOUS, candidates=tuple(numbered))
        return Resolution(text, Outcome.UNKNOWN, suggestions=self._suggest(text, parts))

    def _suggest(self, text: str, parts: TagParts | None = None) -> tuple[str, ...]:
        """Closest known tags: same component and number first, then by spelling.

        A tag without a descriptor is compared with ``component:number``, so
        ``[dta:2]`` finds ``[data:2:transfer]`` as ``[dta:2:transfer]`` does.
        """
        found: list[str] = []
        if parts is not None:
            same_slot = self._by_number.get(
                (parts.prefix.casefold(), parts.component.casefold(), parts.number), []
            )
            found.extend(r.qualified_tag for r in same_slot)
        spellings = self._spellings(short=parts is not None and not parts.has_descriptor)
        for match in close_matches(text.casefold(), spellings, n=3, cutoff=0.6):
            found.append(spellings[match])
        return tuple(dict.fromkeys(found))[:3]

    @lru_cache(maxsize=2)  # noqa: B019 (one index per build, kept for the build)
    def _spellings(self, *, short: bool) -> dict[str, str]:
        """Known tags by their case-folded spelling (``short``: without descriptor)."""
        spellings: dict[str, str] = {}
        for risk in self.risks():
            tag = risk.qualified_tag
            written = tag.rsplit(":", 1)[0] if short else tag
            spellings.setdefault(written.casefold(), tag)
        return spellings
