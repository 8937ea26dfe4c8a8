"""No id repeats on a generated page, whatever the catalogue's names and labels.

Every id on a generated page comes from a namespace of its own: risks
``<label>-<number>-<descriptor>``, component headings ``component-<label>``,
the diagram's ``biml-`` ids, fixed words for the other headings. Catalogues
below pick names, labels, titles and ids that would land on another id of the
page (a risk's anchor, a fixed heading, a diagram id, an id of the theme).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import SiteBuilder
from tests.sites import BuiltSite

#: A catalogue whose names copy the ids of its own page and of the theme's chrome.
CLASHING = """\
format: 1
id: title
prefix: CLASH
title: collapse
short_title: Navbar
authors: [Ann Author]
publisher: Example Press
version: "1.0"
sources:
  - {title: The analysis, url: "https://example.org/clash"}
license: {name: CC BY-SA 4.0, url: "https://creativecommons.org/licenses/by-sa/4.0/"}
attribution: Text from the analysis.
components:
  - label: intake
    number: 1
    name: Intake 1 leak
    kind: collection
    risks:
      - {number: 1, descriptor: leak, title: Leak, summary: Leaks., description: "Leaks [^1]."}
    controls:
      - {label: "intake:generic", text: Watch it.}
  - label: x
    number: 2
    name: Generic controls
    kind: process
    risks:
      - {number: 1, descriptor: y, title: Y, summary: Y., description: Y.}
    controls:
      - {label: "x:generic", text: Watch it.}
  - label: x-title
    number: 3
    name: Toc collapse
    kind: process
    risks:
      - {number: 1, descriptor: z, title: Z, summary: Z., description: Z.}
  - label: component
    name: System diagram
    kind: collection
    risks:
      - {number: 1, descriptor: top ten, title: Top ten, summary: T., description: T.}
  - label: top
    name: Top ten 1
    kind: collection
    risks:
      - {number: 10, descriptor: "1", title: All risks, summary: A., description: A.}
flows:
  - {from: intake, to: x}
  - {from: x, to: x-title}
top_ten:
  - {rank: 1, name: Intake 1 leak, text: Leaks., risks: ["intake:1:leak"]}
references:
  - {number: 1, key: ref-1, title: References of Navbar}
"""

#: An overlay renaming a BIML-78 component after one of its risks.
RENAMING = """\
format: 1
id: acme
extends: biml-78
short_title: ACME
components:
  - label: data
    name: Data 2 transfer
  - label: raw
    name: Generic controls
"""


def generated_pages(built: BuiltSite) -> list[Path]:
    pages = sorted((built.site_dir / "biml").rglob("*.html"))
    assert pages, "no generated page"
    return pages


def repeated_ids(built: BuiltSite) -> dict[str, dict[str, int]]:
    """Per generated page (relative path), each id found more than once and its count."""
    found: dict[str, dict[str, int]] = {}
    for page in generated_pages(built):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        counts = Counter(str(element["id"]) for element in soup.find_all(id=True))
        repeated = {name: count for name, count in counts.items() if count > 1}
        if repeated:
            found[str(page.relative_to(built.site_dir))] = repeated
    return found


@pytest.mark.parametrize("theme", ["mkdocs", "readthedocs", "material"])
@pytest.mark.slow
def test_no_id_repeats_on_any_generated_page(site: SiteBuilder, tmp_path: Path, theme: str) -> None:
    (tmp_path / "clash.yaml").write_text(CLASHING, encoding="utf-8")
    built = site(
        {"index.md": "See [data:2:transfer], [LLM:raw:1] and [CLASH:intake:1:leak].\n"},
        {
            "theme": theme,
            "plugins": ["search", {"biml": {"catalogs": ["biml-78", "biml-llm", "clash.yaml"]}}],
        },
        strict=True,
    )
    assert built.error is None, built.failure()
    assert repeated_ids(built) == {}
    # The clashes were real: each name would have given an id the page already has.
    component = built.soup("biml/clash/intake.md")
    assert component.find("h1", id="component-intake") is not None
    assert component.find("h2", id="intake-1-leak") is not None


def test_an_overlay_renaming_components_repeats_no_id(site: SiteBuilder, tmp_path: Path) -> None:
    (tmp_path / "acme.yaml").write_text(RENAMING, encoding="utf-8")
    built = site(
        {"index.md": "See [data:2:transfer].\n"},
        {"plugins": [{"biml": {"catalogs": ["acme.yaml"]}}]},
        strict=True,
    )
    assert built.error is None, built.failure()
    assert repeated_ids(built) == {}
    assert built.has_target("index.md", built.content("index.md").select_one("a.biml-ref")["href"])


def test_component_headings_have_ids_of_their_own(site: SiteBuilder) -> None:
    """The heading of a component page is ``component-<label>``; risks keep their anchors."""
    built = site({"index.md": "# Home\n"}, strict=True)
    assert built.error is None, built.failure()
    data = built.content("biml/data.md")
    heading = data.find("h1")
    assert heading is not None and heading.get("id") == "component-data"
    assert data.find("h2", id="data-2-transfer") is not None
    assert data.find("h2", id="generic-controls") is not None
