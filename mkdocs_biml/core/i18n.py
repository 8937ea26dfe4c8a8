"""The words the plugin itself writes, in the reader's language.

:data:`ENGLISH` is the source of truth: each key is a stable message id, each
value the English text. Translations ship as ``locales/<language>.yml`` with
exactly the same keys and the same ``{placeholders}``; a site's ``strings``
option overrides any of them. BIML's own text (titles, descriptions,
controls) is never translated: it stays as published.

This module imports nothing of MkDocs: the plugin reads the theme's language
and hands a :class:`Strings` to the Markdown extension and the templates.
"""

from __future__ import annotations

import hashlib
import json
import string
from collections.abc import Iterator, Mapping, Sequence
from functools import cache
from typing import Any

import yaml

from ..catalog.usertext import text_problem
from ..catalog.valuetext import close_matches, short_repr
from ..resources import LOCALES_DIR

ENGLISH: dict[str, str] = {
    # callouts and inline references
    "callout_meta": "{catalog} · {component}",
    "callout_more": "Full entry, controls and references",
    "unresolved_tag": "unresolved tag",
    "unknown_tag": "unknown tag [{tag}]",
    "unknown_tag_suggestions": "unknown tag [{tag}]; did you mean {suggestions}?",
    "ambiguous_tag": "tag [{tag}] is ambiguous: add the descriptor, one of {options}",
    "mismatched_tag": (
        "tag [{tag}] resolved to [{risk}] by its descriptor; "
        "its number does not match: write [{risk}]"
    ),
    # backlinks
    "addressed_in": "Addressed in",
    "not_cited_yet": "Not cited yet.",
    # page and navigation titles
    "overview_title": "{catalog} overview",
    "references_title": "{catalog} references",
    "nav_title": "BIML risk framework",
    "coverage_title": "Risk coverage",
    "assessments_title": "Assessments",
    "other_pages": "Other pages",
    "risks_cited_nowhere": "Risks cited nowhere",
    "coverage_needs_plugin": (
        "Not shown here: this page was written by mkdocs-biml generate before the site was "
        "built, and only the mkdocs-biml plugin, during a build, sees which pages cite which "
        "risks."
    ),
    "coverage_intro": (
        "How this site addresses the risks of the framework. A risk counts as *cited* "
        "when a page mentions its tag or gives it a status in its front matter; "
        "statuses ({statuses}) are declared in front matter, for example:"
    ),
    "coverage_shades": (
        "A risk given different statuses by different pages counts once under each. "
        "The darker a cell, the larger the share of the component's risks it counts."
    ),
    "coverage_assessments": (
        "Each system of this site is assessed on its own: {assessments}. Each assessment's "
        "status of each risk is shown below its catalogue's matrix."
    ),
    "coverage_heat_map": (
        "Each component shaded by the share of its risks addressed (given a status "
        "other than *{open}*) by any page of this site:"
    ),
    # the generated pages' own words around BIML's text
    "heading_system_diagram": "The generic ML system",
    "diagram_intro": (
        "Components of the system and how information flows between them (arrows). "
        "Processes are drawn as ovals, collections of data as rectangles; select a "
        "component to see its risks."
    ),
    "system_risks": (
        "{link} emerge only at the level of the whole system, between and across components."
    ),
    "heading_top_ten": "The Top Ten",
    "top_ten_risks": "Risks: {risks}.",
    "heading_all_risks": "All risks",
    "overview_references": "The sources the analysis cites are listed under [references]({url}).",
    "overview_coverage": (
        "How this site addresses each risk is shown on the [coverage]({url}) page."
    ),
    "component_intro": "{count} of [{catalog}]({url}).",
    "component_intro_process": (
        "{count} of [{catalog}]({url}), a process in the [system diagram]({diagram})."
    ),
    "component_intro_data": (
        "{count} of [{catalog}]({url}), a collection of data in the [system diagram]({diagram})."
    ),
    "heading_component_controls": "Controls for the whole component",
    "label_top_ten": "Top Ten",
    "label_controls": "Controls",
    "references_heading": "References of {catalog}",
    "references_intro": (
        "Works cited in [{catalog}]({url}); a superscript number in a risk's text "
        "links to its entry here."
    ),
    "licence": "Licence",
    "sources_one": "Source",
    "sources_other": "Sources",
    "own_entries": (
        "{catalog}: the entries of this page are its own, not quoted from another work."
    ),
    "own_entries_among": (
        "Not quoted from the work credited above: {risks}, entries of {catalog}'s own."
    ),
    "assessment_intro": (
        "The risk analysis of {name}: the pages under {folder} of this site. Each risk of "
        "the framework is listed with the status these pages give it in their front matter, "
        "its owner and note, and the pages citing it; see [coverage]({url}) for every "
        "assessment side by side."
    ),
    "assessment_intro_other": (
        "The risk analysis of {name}, read from another site's risk register: each risk of "
        "the framework with the status that site's pages give it, its owner and note, and "
        "links to those pages there; see [coverage]({url}) for every assessment side by side."
    ),
    "assessment_heat_map": (
        "Each component is shaded by the share of its risks addressed "
        "(given a status other than *{open}*)."
    ),
    "overview_describes": (
        "{catalog} describes {risks}, each under the component of the system it belongs to. "
        "Each component has its own page, and a tag such as {example} written in a page of "
        "this site links to the risk it names."
    ),
    "overview_describes_system": (
        "{catalog} describes {risks}, each under the component of the system it belongs to, "
        "plus risks of the system as a whole. Each component has its own page, and a tag "
        "such as {example} written in a page of this site links to the risk it names."
    ),
    "risk_total_shared": "{risks} ({total} entries: {shared})",
    "label_shares": "{label} labels {count}",
    # counts
    "risk_count_one": "{count} risk",
    "risk_count_other": "{count} risks",
    # table headings
    "column_tag": "Tag",
    "column_risk": "Risk",
    "column_risks": "Risks",
    "column_component": "Component",
    "column_status": "Status",
    "column_owner": "Owner",
    "column_note": "Note",
    "column_pages": "Pages",
    "column_assessment": "Assessment",
    "column_set_by": "Set by",
    # statuses as displayed (the data keeps the configured name)
    "status_open": "open",
    "status_mitigated": "mitigated",
    "status_accepted": "accepted",
    "status_not_applicable": "not-applicable",
    "status_cited": "cited",
    "status_not_cited": "not cited",
    "status_not_addressed": "not addressed",
    "status_no_status": "no status",
    # risk-table tools (biml.js reads them from the table's marker)
    "filter_label": "Filter risks",
    "filter_placeholder": "tag, title or component",
    "filter_count": "{shown} of {total}",
    "sort_title": "Sort by this column",
    # coverage and assessment tables
    "coverage_caption": "Risks of {catalog} cited in this site, per component and status",
    "assessment_matrix_caption": "Status of each risk of {catalog} in each assessment",
    "assessment_counts_caption": "Risks of {catalog} per status in each assessment",
    "assessment_table_caption": "Risks of {catalog} in {assessment}",
    "all_cited": "Every risk of {catalog} is cited.",
    "all_components": "All components",
    # the diagram and its panel
    "diagram_title": (
        "{catalog}: components of a generic machine-learning system "
        "and the flow of information between them"
    ),
    "panel_more": "{component}: full entries and controls",
    "panel_close": "Close",
    "heat_map_title": "{catalog}: share of each component's risks addressed in {assessment}",
    "this_site": "this site",
    "heat_figure": "{addressed} of {total} addressed",
    # tracking fields of a status, and the policy checks (tracking.py, policy.py)
    "column_ticket": "Ticket",
    "column_reviewed": "Reviewed",
    "column_expires": "Expires",
    "tracking_reviewed": "reviewed {date}",
    "tracking_expires": "expires {date}",
    "policy_title": "Policy checks",
    "policy_caption": "The checks of the plugin's policy option, on {date}",
    "column_check": "Check",
    "column_result": "Result",
    "policy_passes": "passes",
    "policy_fails": "fails ({count})",
    # risk tables in any page (the <!-- biml:risks --> marker)
    "risk_query_none": "No risk matches these filters.",
}

#: Shipped languages; regional and script variants map to them (``pt_BR``, ``zh-Hans``).
SHIPPED = ("de", "fr", "es", "pt", "it", "nl", "ja", "zh")

_TRADITIONAL = {"hant", "tw", "hk", "mo"}


def _status_key(name: str) -> str:
    """A status name as its ``status_`` key writes it: case, hyphens and spaces alike."""
    return name.casefold().replace("-", "_").replace(" ", "_")


#: Labels the plugin gives risks itself, in the same columns and rows as the
#: configured statuses: no status may be named like one of them.
CITED, NOT_CITED, NOT_ADDRESSED, NO_STATUS = "cited", "not cited", "not addressed", "no status"
OWN_STATUS_LABELS = (CITED, NOT_CITED, NOT_ADDRESSED, NO_STATUS)

#: Statuses with a shipped display name (key ``status_<name>``).
_STATUS_KEYS = {
    name: f"status_{_status_key(name)}"
    for name in ("open", "mitigated", "accepted", "not-applicable", *OWN_STATUS_LABELS)
}


def statuses_problem(names: Sequence[object]) -> str | None:
    """What is wrong with the ``statuses`` option (None: nothing): each status a name
    (:func:`~mkdocs_biml.catalog.usertext.text_problem`), given once, and none
    written like a label the plugin gives risks itself (``cited``, ``not addressed``:
    counted in the same tables, they would count twice)."""
    seen: dict[str, object] = {}
    for name in names:
        problem = text_problem(name, name=True)
        if problem:
            return f"each status {problem}"
        assert isinstance(name, str)
        key = _status_key(name)
        if not key.strip("_"):
            return f"a status needs a letter or digit, not {short_repr(name)}"
        own = next((label for label in OWN_STATUS_LABELS if _status_key(label) == key), None)
        if own is not None:
            return (
                f"{short_repr(name)} is how the plugin labels risks itself ('{own}'); "
                f"name the status otherwise (the plugin's own labels: "
                f"{', '.join(OWN_STATUS_LABELS)})"
            )
        if key in seen:
            return f"{short_repr(name)} repeats {short_repr(seen[key])}: give each status once"
        seen[key] = name
    return None


class StringsError(ValueError):
    """A translation or an override that does not fit the English catalogue."""


def placeholders(text: str) -> set[str]:
    """The ``{names}`` a string fills in."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def strings_problem(key: str, text: object) -> str | None:
    """What is wrong with ``text`` as the string ``key`` (``None``: nothing).

    Placeholders are bare names (``{catalog}``): a format or a conversion
    (``{count:>99999}``, ``{catalog!r}``) could fail or fill gigabytes.
    """
    if key not in ENGLISH:
        close = close_matches(key, ENGLISH, n=1)
        hint = f"; did you mean '{close[0]}'?" if close else f"; keys: {', '.join(ENGLISH)}"
        return f"unknown string {short_repr(key)}{hint}"
    problem = text_problem(text)
    if problem:
        return f"string '{key}' {problem}"
    assert isinstance(text, str)
    try:
        fields = [(name, spec, conv) for _, name, spec, conv in _parse(text) if name is not None]
    except ValueError as exc:
        return f"string '{key}' is not a valid template ({exc}); write braces as {{{{ and }}}}"
    for name, spec, conversion in fields:
        if spec or conversion:
            return (
                f"string '{key}' writes {{{name}}} with a format or conversion "
                f"({short_repr(text)}): write placeholders as {{{name}}} alone"
            )
    found, expected = {name for name, _, _ in fields}, placeholders(ENGLISH[key])
    if found != expected:
        wanted = ", ".join(f"{{{n}}}" for n in sorted(expected)) or "no placeholder"
        return f"string '{key}' must use exactly {wanted}, not {short_repr(text)}"
    return None


def _parse(text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    return list(string.Formatter().parse(text))


def _braces_undoubled(text: str) -> str:
    """``text`` with ``{{``/``}}`` written as the braces they stand for, and its
    placeholders kept for whoever fills them (``biml.js`` fills ``filter_count``)."""
    if "{" not in text and "}" not in text:
        return text  # most strings: nothing to parse (a build asks for hundreds)
    return "".join(
        literal + ("" if name is None else f"{{{name}}}") for literal, name, _, _ in _parse(text)
    )


def shipped_language(language: str | None) -> str | None:
    """The shipped translation for a theme language (``pt_BR`` -> ``pt``); ``None``: English."""
    if not language:
        return None
    base, *rest = language.replace("-", "_").casefold().split("_")
    if base == "zh" and _TRADITIONAL.intersection(rest):
        return None  # Simplified Chinese is no translation for readers of Traditional
    return base if base in SHIPPED else None


@cache
def _translation(language: str) -> dict[str, str]:
    """A shipped translation, read once per process and checked against :data:`ENGLISH`."""
    path = LOCALES_DIR / f"{language}.yml"
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with path.open(encoding="utf-8") as stream:
        texts: Any = yaml.load(stream, Loader=loader)
    problems = [p for key, text in texts.items() if (p := strings_problem(key, text))]
    problems += [f"string '{key}' is missing" for key in ENGLISH if key not in texts]
    if problems:
        raise StringsError(f"{path}: {'; '.join(problems)}")
    return dict(texts)


class Strings(Mapping[str, str]):
    """Every string of :data:`ENGLISH`, in one language, with the site's overrides."""

    def __init__(self, language: str | None = None, overrides: Mapping[str, str] | None = None):
        self.language = shipped_language(language) or "en"
        texts = dict(ENGLISH)
        if self.language != "en":
            texts.update(_translation(self.language))
        for key, text in (overrides or {}).items():
            problem = strings_problem(key, text)
            if problem:
                raise StringsError(problem)
            texts[key] = text
        self._texts = texts

    def __getitem__(self, key: str) -> str:
        return self._texts[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._texts)

    def __len__(self) -> int:
        return len(self._texts)

    def __call__(self, key: str, **values: object) -> str:
        """The string ``key`` with its placeholders filled in."""
        text = self._texts[key]
        return text.format(**values) if values else _braces_undoubled(text)

    def risk_count(self, count: int) -> str:
        return self("risk_count_one" if count == 1 else "risk_count_other", count=count)

    def status(self, name: str) -> str:
        """A status as displayed: shipped names translated, a site's own as written."""
        key = _STATUS_KEYS.get(name)
        return self(key) if key else name

    def status_heading(self, name: str) -> str:
        """A status as a column or row heading, capitalised as the tables' other headings."""
        label = self.status(name)
        return label[:1].upper() + label[1:]

    def fingerprint(self) -> tuple[tuple[str, str], ...]:
        """Identity by content, for caches of what these strings are rendered into."""
        return tuple(sorted(self._texts.items()))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Strings):
            return self._texts == other._texts
        return super().__eq__(other)

    def __hash__(self) -> int:
        return hash(self.fingerprint())

    def __repr__(self) -> str:
        """By content, the same in every process: caches key HTML by settings' reprs."""
        digest = hashlib.sha256(json.dumps(self._texts, sort_keys=True).encode()).hexdigest()
        return f"Strings({self.language!r}, {digest[:16]})"


ENGLISH_STRINGS = Strings()
