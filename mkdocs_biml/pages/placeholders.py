"""What generated Markdown leaves for later: the one vocabulary of placeholders.

Two things are only known once every page of a site has been rendered, so the
page generator writes a placeholder for them, and either the plugin fills it
(:meth:`mkdocs_biml.pages.render.PageGenerator.finalize`) or ``mkdocs-biml generate``
resolves it for hosts without the plugin (:mod:`mkdocs_biml.cli.generate`):

* ``<!-- biml:KIND KEY -->`` comments: backlinks under each risk, the
  coverage matrix and list of uncited risks, and (with assessments) the
  assessment matrix, an assessment's table of risks and the heat maps, and
  the results of the policy checks;
* ``href="biml-src:PATH#ANCHOR"`` in raw HTML (the diagram's links, the
  links in BIML's text), which Markdown never sees as links.

A third kind is known when the pages are rendered, but is HTML Markdown has
no need to read: ``<!-- biml:html N -->`` stands for the page's N-th HTML
fragment (BIML's text, the table of risks, the diagram), which the plugin
puts in place once the page is converted, before search indexes it
(``fragments.py``); ``generate`` puts it in the Markdown files it writes.
"""

from __future__ import annotations

import re
from collections.abc import Callable

SOURCE_SCHEME = "biml-src:"
KINDS = (
    "backlinks",
    "coverage-matrix",
    "uncited",
    "assessment-matrix",
    "assessment-table",
    "heat-map",
    "policy",
)

PLACEHOLDER = re.compile(r"<!--\s*biml:(" + "|".join(KINDS) + r")\s+(\S+)\s*-->")
FRAGMENT = re.compile(r"<!-- biml:html ([0-9]+) -->")
#: Fragment placeholders in a row, each a line of its own, with only blank lines between.
FRAGMENT_RUN = re.compile(
    r"^<!-- biml:html [0-9]+ -->(?:\n(?:[ \t]*\n)+<!-- biml:html [0-9]+ -->)+$", re.MULTILINE
)
SOURCE_HREF = re.compile(r'href="' + re.escape(SOURCE_SCHEME) + r'([^"]*)"')


def placeholder(kind: str, key: str) -> str:
    """The comment that :data:`PLACEHOLDER` finds, for ``kind`` and ``key``."""
    if kind not in KINDS:
        raise ValueError(f"unknown placeholder kind {kind!r}")
    return f"<!-- biml:{kind} {key} -->"


def fragment_placeholder(number: int) -> str:
    """The comment that :data:`FRAGMENT` finds, for a page's fragment ``number``."""
    return f"<!-- biml:html {number} -->"


def source_href(target: str) -> str:
    """Link value for the source path ``target`` (``path#anchor``) in raw HTML."""
    return SOURCE_SCHEME + target


def resolve_source_hrefs(html: str, to_url: Callable[[str], str]) -> str:
    """Every ``href="biml-src:..."`` with its target made a URL by ``to_url``."""
    return SOURCE_HREF.sub(lambda m: f'href="{_attribute(to_url(m[1]))}"', html)


def _attribute(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;")


__all__ = [
    "FRAGMENT",
    "FRAGMENT_RUN",
    "KINDS",
    "PLACEHOLDER",
    "SOURCE_HREF",
    "SOURCE_SCHEME",
    "fragment_placeholder",
    "placeholder",
    "resolve_source_hrefs",
    "source_href",
]
