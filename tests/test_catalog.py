"""The built-in BIML-78 catalogue: complete and faithful to BIML's publications."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import jsonschema
import pytest
import yaml

from mkdocs_biml import Catalog, CatalogIndex, Outcome, load_catalog
from mkdocs_biml.catalog.loader import builtin_catalog_path
from mkdocs_biml.catalog.resolver import TAG_IN_TEXT
from mkdocs_biml.resources import CATALOG_SCHEMA

ROOT = Path(__file__).parent.parent
WEB_TEXT = Path(__file__).parent / "sources" / "biml-interactive-framework.txt"

EXPECTED_COUNTS = {
    "raw": 13,
    "assembly": 8,
    "data": 7,
    "alg": 11,
    "eval": 7,
    "input": 5,
    "model": 5,
    "inference": 6,
    "output": 7,
    "system": 10,
}


def test_components_in_published_order(biml78: Catalog) -> None:
    assert [c.label for c in biml78.components] == list(EXPECTED_COUNTS)
    numbered = [c for c in biml78.components if not c.is_system]
    assert [c.number for c in numbered] == list(range(1, 10))
    assert {c.label for c in numbered if c.kind == "process"} == {
        "assembly",
        "alg",
        "eval",
        "inference",
    }
    assert biml78.component("system") is not None
    assert biml78.component("system").kind == "system"  # type: ignore[union-attr]


def test_risk_counts(biml78: Catalog) -> None:
    counts = {c.label: len(c.risks) for c in biml78.components}
    assert counts == EXPECTED_COUNTS
    assert sum(counts.values()) == 79
    # BIML counts 78: inference:3 labels two risks.
    assert len({(r.component.label, r.number) for r in biml78.risks()}) == 78


def test_risk_numbers_per_component(biml78: Catalog) -> None:
    for component in biml78.components:
        numbers = [r.number for r in component.risks]
        if component.label == "inference":
            assert numbers == [1, 2, 3, 3, 4, 5]
        else:
            assert numbers == list(range(1, len(numbers) + 1)), component.label


def test_inference_3_labels_two_risks(biml78: Catalog) -> None:
    inference = biml78.component("inference")
    assert inference is not None
    both = [r for r in inference.risks if r.number == 3]
    assert [r.descriptor for r in both] == ["hyperparameters", "confidence scores"]
    assert [r.anchor for r in both] == [
        "inference-3-hyperparameters",
        "inference-3-confidence-scores",
    ]


@pytest.mark.parametrize(
    "tag",
    [
        "data:3:disimilarity",
        "model:3:representation fludity",
        "model:2:Trojan",
        "alg:3:exploit-v-explore",
        "system:9:API encoding",
        "data:2:transfer",
    ],
)
def test_descriptors_kept_as_published(biml78: Catalog, tag: str) -> None:
    assert tag in {r.tag for r in biml78.risks()}


def test_every_risk_has_title_summary_and_description(biml78: Catalog) -> None:
    for risk in biml78.risks():
        assert risk.title.strip() and risk.title[0].isupper(), risk.tag
        assert 20 < len(risk.summary) <= 200, risk.tag
        assert risk.description.strip(), risk.tag


def test_top_ten(biml78: Catalog) -> None:
    assert [e.rank for e in biml78.top_ten] == list(range(1, 11))
    names = [e.name for e in biml78.top_ten]
    assert names[0] == "Adversarial examples" and names[-1] == "Output integrity"
    pointed = {e.rank: [r.tag for r in e.risks] for e in biml78.top_ten}
    assert pointed[1] == ["input:1:adversarial examples"]
    assert pointed[3] == ["alg:1:online", "inference:1:online", "data:7:online"]
    assert pointed[4] == ["data:2:transfer", "model:1:improper re-use", "model:2:Trojan"]
    assert pointed[9] == [
        "assembly:1:encoding integrity",
        "raw:5:encoding integrity",
        "raw:10:metadata",
    ]


def test_references(biml78: Catalog) -> None:
    assert [r.number for r in biml78.references] == list(range(1, 36))
    shokri = biml78.reference(7)
    assert shokri is not None and shokri.key == "shokri"
    for reference in biml78.references:
        assert reference.title.strip()
    cited = {n for r in biml78.risks() for n in r.citations}
    assert cited <= {r.number for r in biml78.references}
    assert biml78.component("raw").risks[0].citations == [7, 4]  # type: ignore[union-attr]


def test_controls_attached_to_the_right_risk(biml78: Catalog) -> None:
    by_tag = {r.tag: r for r in biml78.risks()}
    # The ARA labels these two controls with a wrong number; the label stays as published.
    assert [c.label for c in by_tag["data:3:disimilarity"].controls] == ["data:4:disimilarity"]
    assert [c.label for c in by_tag["inference:4:hosting"].controls] == ["inference:3:hosting"]
    assert by_tag["data:4:storage"].controls == ()
    raw = biml78.component("raw")
    assert raw is not None and len(raw.controls) == 5
    assert all(c.label == "raw:generic" for c in raw.controls)
    assert [c.label for c in by_tag["raw:1:data confidentiality"].controls] == [
        "raw:1:data confidentiality"
    ]


def test_flows_connect_components(biml78: Catalog) -> None:
    labels = {c.label for c in biml78.diagram_components}
    assert biml78.flows
    for flow in biml78.flows:
        assert flow.source in labels and flow.target in labels
    assert ("raw", "assembly") in {(f.source, f.target) for f in biml78.flows}


def test_metadata_and_licence(biml78: Catalog) -> None:
    assert biml78.version == "1.0 (1.13.20)"
    assert biml78.authors == (
        "Gary McGraw",
        "Harold Figueroa",
        "Victor Shepardson",
        "Richie Bonett",
    )
    urls = {s.url for s in biml78.sources}
    assert urls == {
        "https://berryvilleiml.com/results/ara.pdf",
        "https://berryvilleiml.com/interactive/",
    }
    assert biml78.license.name == "CC BY-SA 3.0"
    licence = (ROOT / "catalog" / "LICENSE").read_text(encoding="utf-8")
    assert "CC BY-SA 3.0" in licence and "Berryville" in licence


# --------------------------------------------------------------------------------- wording


def _normalise(text: str) -> str:
    # BIML's citation markers (``7:shokri``) are written [^7] in the catalogue.
    text = re.sub(
        r"(?<=[^\s:\[])(\d+):[A-Za-z-]+(?:,(\d+):[A-Za-z-]+)?",
        lambda m: f"[^{m.group(1)}]" + (f"[^{m.group(2)}]" if m.group(2) else ""),
        text,
    )
    return " ".join(text.split())


def _catalogue_texts(catalog: Catalog) -> str:
    texts: list[str] = [catalog.system_introduction or ""]
    for component in catalog.components:
        texts.extend(component.introduction)
        texts.extend(r.description for r in component.risks)
    return "\n".join(" ".join(t.split()) for t in texts)


def test_web_text_quoted_word_for_word(biml78: Catalog) -> None:
    paragraphs = [p for p in WEB_TEXT.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    start = next(i for i, p in enumerate(paragraphs) if p.startswith("In addition to risks"))
    corpus = _catalogue_texts(biml78)
    # The web page lost one link ("at (accessed ...)"); the catalogue restores the ARA's URL.
    corpus = corpus.replace("at https://lukeoakdenrayner.wordpress.com/ (accessed", "at (accessed")
    missing = [p[:70] for p in paragraphs[start:] if _normalise(p) not in corpus]
    assert missing == []
    assert len(paragraphs[start:]) > 90


def test_every_tag_inside_texts_resolves(biml78: Catalog, index: CatalogIndex) -> None:
    outcomes: dict[str, Outcome] = {}
    texts = [e.text for e in biml78.top_ten]
    for component in biml78.components:
        texts.extend(component.introduction)
        for risk in component.risks:
            texts.append(risk.description)
            texts.extend(c.text for c in risk.controls)
    for text in texts:
        for match in TAG_IN_TEXT.finditer(text):
            outcomes[match.group(1)] = index.resolve(match.group(1)).outcome
    assert outcomes
    assert set(outcomes.values()) <= {Outcome.EXACT, Outcome.MISMATCH}


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("data:6:online", "data:7:online"),
        ("eval:4:catastrophic forgetting", "eval:5:catastrophic forgetting"),
        ("data:4:disimilarity", "data:3:disimilarity"),
        ("inference:3:hosting", "inference:4:hosting"),
    ],
)
def test_published_mismatches_resolve_with_a_report(
    index: CatalogIndex, written: str, meant: str
) -> None:
    resolution = index.resolve(written)
    assert resolution.outcome is Outcome.MISMATCH
    assert resolution.risk is not None and resolution.risk.tag == meant
    assert f"[{meant}]" in (resolution.problem() or "")


# ------------------------------------------------------------------------------ resolution


@pytest.mark.parametrize(
    "written",
    [
        "data:2:transfer",
        "DATA:2:Transfer",
        "raw:1:data-confidentiality",
        "raw:1:data_confidentiality",
        "raw:1:DATA  confidentiality",
        "data:2",
    ],
)
def test_resolution_exact_forms(index: CatalogIndex, written: str) -> None:
    resolution = index.resolve(written)
    assert resolution.outcome is Outcome.EXACT
    assert resolution.risk is not None
    assert resolution.risk.tag in ("data:2:transfer", "raw:1:data confidentiality")


def test_number_alone_is_ambiguous_for_inference_3(index: CatalogIndex) -> None:
    resolution = index.resolve("inference:3")
    assert resolution.outcome is Outcome.AMBIGUOUS
    assert {r.descriptor for r in resolution.candidates} == {"hyperparameters", "confidence scores"}


def test_unknown_tags_get_suggestions(index: CatalogIndex) -> None:
    resolution = index.resolve("data:2:transfr")
    assert resolution.outcome is Outcome.UNKNOWN
    assert "data:2:transfer" in resolution.suggestions
    assert "did you mean [data:2:transfer]" in (resolution.problem() or "")
    assert index.resolve("nothing:99:at all").outcome is Outcome.UNKNOWN


# --------------------------------------------------------------------------- schema/package


def test_packaged_catalogues_validate_against_the_json_schema() -> None:
    schema = json.loads(CATALOG_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    for name in ("biml-78", "biml-llm"):
        path = builtin_catalog_path(name)
        assert path is not None
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        jsonschema.validate(data, schema)


@pytest.mark.slow
def test_wheel_carries_the_catalogue_and_schema(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    wheel = next(tmp_path.glob("mkdocs_biml-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "mkdocs_biml/catalog_data/biml-78.yaml" in names
    assert "mkdocs_biml/catalog_data/biml-llm.yaml" in names
    assert "mkdocs_biml/catalog_data/LICENSE" in names
    assert "mkdocs_biml/schema/catalog.schema.json" in names
    assert "mkdocs_biml/py.typed" in names


def test_llm_catalogue_loads_under_its_prefix() -> None:
    llm = load_catalog("biml-llm")
    assert llm.prefix == "LLM"
    index = CatalogIndex([load_catalog("biml-78"), llm])
    resolution = index.resolve("LLM:raw:1:recursive pollution")
    assert resolution.risk is not None and resolution.risk.component.catalog is llm
    assert index.resolve("raw:1:recursive pollution").outcome is Outcome.UNKNOWN
