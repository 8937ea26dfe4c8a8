"""The framework's Sphinx inventory, read back with sphobjinv, and used by a real Sphinx build."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import sphobjinv  # type: ignore[import-untyped]
from bs4 import BeautifulSoup

from tests.sites import BuiltSite, run_module

SiteBuilder = Callable[..., BuiltSite]

PAGES = {"index.md": "# Home\n\nWe address [data:2:transfer].\n"}
BOTH_CATALOGUES = {"catalogs": ["biml-78", "biml-llm"]}


def inventory_of(site: BuiltSite, folder: str = "biml") -> Any:
    assert site.error is None, site.failure()
    return sphobjinv.Inventory(str(site.site_dir / folder / "objects.inv"))


def entries(inventory: Any) -> dict[tuple[str, str], Any]:
    return {(item.name, f"{item.domain}:{item.role}"): item for item in inventory.objects}


@pytest.mark.parametrize("use_directory_urls", [True, False])
def test_every_risk_and_component_leads_to_its_place_in_the_site(
    site: SiteBuilder, use_directory_urls: bool
) -> None:
    built = site(
        PAGES,
        {"use_directory_urls": use_directory_urls, "plugins": [{"biml": BOTH_CATALOGUES}]},
    )
    found = entries(inventory_of(built))
    risk = found[("data:2:transfer", "std:label")]
    assert risk.dispname_expanded == "Transfer learning attack"
    component = found[("llm/raw", "std:doc")]
    llm_risk = found[("llm:raw:1:recursive pollution", "std:label")]
    # 79 BIML-78 entries, and every risk and component page of both catalogues.
    labels = [name for name, role in found if role == "std:label"]
    assert len([name for name in labels if not name.startswith("llm:")]) == 79
    for item in [risk, component, llm_risk, *found.values()]:
        uri = item.uri_expanded
        # The addresses are relative to the inventory's folder; the test site's
        # pages are followed from the framework's overview, which sits there.
        assert built.has_target("biml/index.md", uri), f"{item.name}: {uri}"
    suffix = "data/#data-2-transfer" if use_directory_urls else "data.html#data-2-transfer"
    assert risk.uri_expanded == suffix


def test_names_are_lower_case_as_sphinx_looks_labels_up(site: SiteBuilder) -> None:
    found = entries(inventory_of(site(PAGES)))
    assert ("model:2:trojan", "std:label") in found
    assert all(name == name.lower() for name, role in found if role == "std:label")


def test_the_inventory_follows_the_folder_option(site: SiteBuilder) -> None:
    built = site(PAGES, {"plugins": [{"biml": {"folder": "risks/biml"}}]})
    found = entries(inventory_of(built, "risks/biml"))
    assert found[("data:2:transfer", "std:label")].uri_expanded == "data/#data-2-transfer"


@pytest.mark.parametrize("options", [{"inventory": False}, {"pages": False}])
def test_no_inventory_when_turned_off_or_without_pages(
    site: SiteBuilder, options: dict[str, Any]
) -> None:
    built = site(PAGES, {"plugins": [{"biml": options}]})
    assert built.error is None, built.failure()
    assert not (built.site_dir / "biml" / "objects.inv").exists()


def test_a_file_of_the_site_in_its_place_is_a_collision(site: SiteBuilder) -> None:
    built = site({**PAGES, "biml/objects.inv": "mine"})
    assert built.error is not None
    assert "Sphinx inventory" in built.failure() and "docs/biml/objects.inv" in built.failure()


def test_header_names_the_site_and_the_catalogues(site: SiteBuilder) -> None:
    inventory = inventory_of(site(PAGES, {"plugins": [{"biml": BOTH_CATALOGUES}]}))
    assert inventory.project == "Test site"
    assert inventory.version.startswith("BIML-78 ") and "BIML-LLM " in inventory.version


@pytest.mark.slow
def test_a_sphinx_site_links_to_risks_and_pages_through_intersphinx(
    site: SiteBuilder, tmp_path_factory: pytest.TempPathFactory
) -> None:
    built = site(PAGES, {"plugins": [{"biml": BOTH_CATALOGUES}]})
    sphinx = tmp_path_factory.mktemp("sphinx")
    source = sphinx / "source"
    source.mkdir()
    (source / "objects.inv").write_bytes((built.site_dir / "biml" / "objects.inv").read_bytes())
    (source / "conf.py").write_text(
        'extensions = ["sphinx.ext.intersphinx"]\n'
        'intersphinx_mapping = {"biml": ("https://risks.example.org/biml/", "objects.inv")}\n'
        "nitpicky = True\n",
        encoding="utf-8",
    )
    (source / "index.rst").write_text(
        "Threat model\n============\n\n"
        "We cite :external+biml:ref:`Model:2:Trojan`, "
        ":external+biml:ref:`llm:raw:1:recursive pollution` "
        "and the :external+biml:doc:`data` component.\n",
        encoding="utf-8",
    )
    result = run_module(sphinx, "sphinx", "-W", "-q", "-b", "html", "source", "out")
    assert result.returncode == 0, result.stderr
    page = BeautifulSoup((sphinx / "out" / "index.html").read_text(encoding="utf-8"), "html.parser")
    links = {a.get_text(): a["href"] for a in page.select("a.reference.external")}
    assert links == {
        "Trojaned model": "https://risks.example.org/biml/model/#model-2-trojan",
        "Recursive pollution": "https://risks.example.org/biml/llm/raw/#raw-1-recursive-pollution",
        "3. Datasets": "https://risks.example.org/biml/data/",
    }
