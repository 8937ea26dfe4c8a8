"""Custom catalogues beside BIML-78: overlays, namespaces, the LLM catalogue, a central site."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from mkdocs_biml import CatalogError, CatalogIndex, Outcome, load_catalog
from mkdocs_biml.catalog.loader import load_catalogs
from tests.conftest import SiteBuilder

OVERLAY = """\
format: 1
id: acme
extends: biml-78
short_title: BIML-78 at ACME
components:
  - label: data
    risks:
      - number: 2
        descriptor: transfer
        title: Transfer learning attack (checkpoints we pull)
        extra:
          owner: ML platform team
          control_ids: [CTRL-12, CTRL-40]
      - number: 8
        descriptor: feature store drift
        title: Feature store drift
        summary: Features served online drift from the ones the model was trained on.
        description: Our feature store can serve stale features; compare [data:2:transfer].
        extra: {owner: Data engineering}
  - label: supply
    name: Model supply chain
    kind: process
    diagram: {column: 4, row: 5}
    introduction:
      - Where our models and their weights come from.
    risks:
      - number: 1
        descriptor: unsigned weights
        title: Unsigned weights
        summary: Model weights are pulled from a hub without checking a signature.
        description: We pull weights from public hubs; see [model:2:Trojan].
flows:
  - {from: supply, to: model}
"""


def write(root: Path, name: str, text: str) -> None:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")


def test_overlay_adds_components_and_risks_and_overrides_texts(tmp_path: Path) -> None:
    write(tmp_path, "acme.yaml", OVERLAY)
    (catalog,) = load_catalogs(["acme.yaml"], tmp_path)
    assert catalog.id == "acme"
    assert catalog.extends == "biml-78"
    assert catalog.short_title == "BIML-78 at ACME"
    labels = [c.label for c in catalog.components]
    assert labels[-2:] == ["supply", "system"]  # new components before the system-wide group
    index = CatalogIndex([catalog])
    transfer = index.resolve("data:2:transfer").risk
    assert transfer is not None
    assert transfer.title == "Transfer learning attack (checkpoints we pull)"
    assert transfer.summary == load_catalog("biml-78").component("data").risks[1].summary  # type: ignore[union-attr]
    assert transfer.extra["control_ids"] == ["CTRL-12", "CTRL-40"]
    assert index.resolve("data:8:feature store drift").outcome is Outcome.EXACT
    assert index.resolve("supply:1:unsigned weights").outcome is Outcome.EXACT
    assert len(list(catalog.risks())) == 81
    assert ("supply", "model") in {(f.source, f.target) for f in catalog.flows}
    # the built-in catalogue itself is untouched
    assert len(list(load_catalog("biml-78").risks())) == 79


def test_overlay_problems_name_the_overlay_file_and_line(tmp_path: Path) -> None:
    broken = OVERLAY.replace(
        "        summary: Model weights are pulled from a hub without checking a signature.\n", ""
    )
    write(tmp_path, "acme.yaml", broken)
    with pytest.raises(CatalogError) as caught:
        load_catalogs(["acme.yaml"], tmp_path)
    assert caught.value.path == str(tmp_path / "acme.yaml")
    lines = broken.splitlines()
    assert caught.value.line == lines.index("        descriptor: unsigned weights")
    assert "summary" in str(caught.value)

    write(tmp_path, "typo.yaml", OVERLAY.replace("descriptor: transfer", "descriptor: transfr"))
    with pytest.raises(CatalogError, match=r"typo\.yaml:\d+: new risk \[data:2:transfr\]"):
        load_catalogs(["typo.yaml"], tmp_path)

    write(tmp_path, "dangling.yaml", OVERLAY.replace("see [model:2:Trojan]", "see [model:9:nope]"))
    with pytest.raises(CatalogError, match=r"dangling\.yaml:\d+: .*unknown tag \[model:9:nope\]"):
        load_catalogs(["dangling.yaml"], tmp_path)

    write(tmp_path, "nowhere.yaml", OVERLAY.replace("extends: biml-78", "extends: missing.yaml"))
    with pytest.raises(
        CatalogError, match=r"nowhere\.yaml:3: extends: 'missing\.yaml' does not exist"
    ):
        load_catalogs(["nowhere.yaml"], tmp_path)


def test_site_with_an_overlay_shows_new_risks_and_extra_fields(
    site: SiteBuilder, tmp_path: Path
) -> None:
    write(tmp_path, "acme.yaml", OVERLAY)
    # A template that shows the overlay's extra fields under each risk.
    write(
        tmp_path,
        "overrides/risk.md.j2",
        "{% include 'biml/risk.md.j2' %}\n"
        "{% if risk.extra.get('owner') %}\n"
        '<p class="acme-owner">Owner: {{ risk.extra["owner"] | e }}</p>\n\n'
        "{% endif %}\n",
    )
    built = site(
        {"index.md": "We track [supply:1:unsigned weights] and [data:8:feature store drift].\n"},
        {"plugins": [{"biml": {"catalogs": ["acme.yaml"], "custom_templates": "overrides"}}]},
        strict=True,
    )
    assert built.error is None, built.failure()
    links = built.content("index.md").select("a.biml-ref")
    assert [a["href"] for a in links] == [
        "biml/supply/#supply-1-unsigned-weights",
        "biml/data/#data-8-feature-store-drift",
    ]
    assert all(built.has_target("index.md", a["href"]) for a in links)
    data_page = built.content("biml/data.md")
    owners = [p.get_text() for p in data_page.select("p.acme-owner")]
    assert owners == ["Owner: ML platform team", "Owner: Data engineering"]
    assert (
        data_page.find(id="data-2-transfer")
        .get_text()
        .startswith("Transfer learning attack (checkpoints")
    )
    overview = built.soup("biml/index.md")
    assert overview.select_one('svg a[xlink\\:href$="supply/"]') is not None


def test_each_entry_is_credited_to_the_catalogue_it_comes_from(
    site: SiteBuilder, tmp_path: Path
) -> None:
    credit = "Entries added by ACME's ML security team."
    write(tmp_path, "acme.yaml", f"{OVERLAY}attribution: {credit}\n")
    built = site({"index.md": "# Home\n"}, {"plugins": [{"biml": {"catalogs": ["acme.yaml"]}}]})
    assert built.error is None, built.failure()
    biml = load_catalog("biml-78")

    def credits(src_uri: str) -> list[str]:
        page = built.content(src_uri)
        return [p.get_text(" ", strip=True) for p in page.select("p.biml-attribution")]

    # A component the overlay added quotes nothing of BIML's.
    (supply,) = credits("biml/supply.md")
    assert "CC BY-SA" not in supply and biml.attribution not in supply
    assert supply == (
        "BIML-78 at ACME: the entries of this page are its own, not quoted from another work. "
        + credit
    )
    # BIML's component with a risk the overlay added: each credited to its own.
    quoted, added = credits("biml/data.md")
    assert quoted.startswith(biml.attribution) and "CC BY-SA 3.0" in quoted
    assert added.startswith(
        "Not quoted from the work credited above: [data:8:feature store drift], "
        "entries of BIML-78 at ACME's own."
    )
    assert "data:2:transfer" not in added
    # A component the overlay leaves alone credits BIML only.
    assert len(credits("biml/model.md")) == 1
    # The overview quotes both.
    overview = credits("biml/index.md")
    assert overview[0].startswith(biml.attribution) and overview[1] == credit


def test_prefixed_custom_catalogue_lives_beside_biml_78(site: SiteBuilder, tmp_path: Path) -> None:
    own = (Path(__file__).parent / "bad_catalogs" / "_valid.yaml").read_text(encoding="utf-8")
    assert "prefix: TINY\n" in own
    write(tmp_path, "ours.yaml", own.replace("prefix: TINY\n", "prefix: OURS\n"))
    ours = load_catalogs(["ours.yaml"], tmp_path)[1]
    tag = next(ours.risks()).qualified_tag
    built = site(
        {"index.md": f"Ours [{tag}] and BIML's [data:2:transfer].\n"},
        {"plugins": [{"biml": {"catalogs": ["ours.yaml"]}}]},
    )
    assert built.error is None, built.failure()
    links = built.content("index.md").select("a.biml-ref")
    assert [a["data-biml-tag"] for a in links] == [tag, "data:2:transfer"]
    assert links[0]["href"].startswith("biml/ours/")
    assert all(built.has_target("index.md", a["href"]) for a in links)


def test_two_catalogues_with_one_prefix_are_a_configuration_error(
    site: SiteBuilder, tmp_path: Path
) -> None:
    own = (Path(__file__).parent / "bad_catalogs" / "_valid.yaml").read_text(encoding="utf-8")
    clash = own.replace("prefix: TINY\n", "prefix: LLM\n")
    write(tmp_path, "clash.yaml", clash)
    built = site(
        {"index.md": "x\n"}, {"plugins": [{"biml": {"catalogs": ["biml-llm", "clash.yaml"]}}]}
    )
    assert built.error is not None
    failure = built.failure()
    assert "clash.yaml:4: prefix: 'LLM' is already the prefix of <built-in biml-llm>" in failure
    assert "give one of them another prefix" in failure


@pytest.mark.slow
def test_llm_catalogue_every_entry_has_an_anchor_and_resolves(site: SiteBuilder) -> None:
    llm = load_catalog("biml-llm")
    tags = [r.qualified_tag for r in llm.risks()]
    assert len(tags) == 71
    page = "\n\n".join(f"Item {i}: [{tag}] here." for i, tag in enumerate(tags)) + "\n"
    built = site({"llm-risks.md": page}, {"plugins": [{"biml": {"catalogs": ["biml-llm"]}}]})
    assert built.error is None, built.failure()
    assert built.biml_warnings() == []
    links = built.content("llm-risks.md").select("a.biml-ref")
    assert [a["data-biml-tag"] for a in links] == tags
    for link in links:
        assert link["href"].startswith("../biml/llm/")
        assert built.has_target("llm-risks.md", link["href"]), link["href"]


def test_llm_catalogue_is_off_by_default(site: SiteBuilder) -> None:
    built = site({"index.md": "[LLM:raw:1:recursive pollution]\n\nx\n"})
    assert built.content("index.md").select_one("span.biml-unresolved") is not None
    assert not (built.site_dir / "biml" / "llm").exists()


def test_central_site_base_url_keeps_the_anchors(site: SiteBuilder) -> None:
    built = site(
        {"guide/page.md": "[inference:3:confidence scores] and [LLM:model:4:Trojan]\n\nx\n"},
        {
            "plugins": [
                {
                    "biml": {
                        "pages": False,
                        "catalogs": ["biml-llm"],
                        "base_url": "https://risks.example.org/biml",
                    }
                }
            ]
        },
    )
    hrefs = [a["href"] for a in built.content("guide/page.md").select("a.biml-ref")]
    assert hrefs == [
        "https://risks.example.org/biml/inference/#inference-3-confidence-scores",
        "https://risks.example.org/biml/llm/model/#model-4-trojan",
    ]
    assert not (built.site_dir / "biml" / "inference").exists()


def test_central_site_base_url_for_callout_citations(site: SiteBuilder) -> None:
    built = site(
        {"index.md": "[raw:1:data confidentiality]\n"},
        {"plugins": [{"biml": {"pages": False, "base_url": "https://risks.example.org/biml/"}}]},
    )
    citations = [a["href"] for a in built.content("index.md").select("sup.biml-cite a")]
    assert citations == [
        "https://risks.example.org/biml/references/#ref-7",
        "https://risks.example.org/biml/references/#ref-4",
    ]
