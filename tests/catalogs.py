"""The example catalogue the tests share: one copy, written into each site that uses it.

``ACME_CATALOG`` is a small standalone catalogue (prefix ``ACME``, two components)
whose texts hold Markdown, HTML, a tag, a citation and Top Ten-like syntax that
must all come out as text or links, never as markup. ``ACME_TEXT`` is what the
description of ``[ACME:feed:1:stale]`` reads as on its page.
"""

from __future__ import annotations

ACME_CATALOG = """\
format: 1
id: acme
prefix: ACME
title: Acme risks
short_title: ACME
authors: [Acme security]
publisher: Acme
version: "1"
sources:
  - {title: Acme wiki, url: "https://example.org/acme"}
license: {name: CC0, url: "https://creativecommons.org/publicdomain/zero/1.0/"}
attribution: Acme's own list.
components:
  - label: feed
    number: 1
    name: Data feed
    kind: collection
    diagram: {column: 0, row: 0}
    risks:
      - number: 1
        descriptor: stale
        title: Stale *feed* <b>data</b>
        summary: Old data.
        description: >-
          Use *care* with <b>HTML</b> & _underscores_ [not a tag] $x$ ~y~ ^z^ ==m== :smile:
          {#no-id} | pipe https://example.org. See [feed:2:loop] and the report.[^1]
        extra: {owner: Alice}
      - number: 2
        descriptor: loop
        title: Feedback loop
        summary: Loops.
        description: "1. not a list item"
  - label: scorer
    number: 2
    name: Scorer <i>v2</i>
    kind: process
    diagram: {column: 1, row: 0}
    risks:
      - number: 1
        descriptor: drift
        title: Drift
        summary: Drift.
        description: Scores drift.
flows:
  - {from: feed, to: scorer}
references:
  - {number: 1, key: acme, title: Acme report, year: 2024}
"""
ACME_TEXT = (
    "Use *care* with <b>HTML</b> & _underscores_ [not a tag] $x$ ~y~ ^z^ ==m== :smile: "
    "{#no-id} | pipe https://example.org. See Feedback loop and the report.1"
)
