"""The plain-document reader of catalogue YAML (``catalog/yamlsource.py``) against PyYAML.

Every catalogue the reader takes must come out as PyYAML's composer and
constructor make it: the same data and the same line of every key and item.
A document it does not take goes to PyYAML, so the rest only needs refusing.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

import pytest

from mkdocs_biml.catalog import yamlsource
from mkdocs_biml.resources import BUILTIN_CATALOG_DIRS

BAD_CATALOGS = Path(__file__).parent / "bad_catalogs"
SHIPPED = sorted(p for folder in BUILTIN_CATALOG_DIRS for p in folder.glob("*.yaml"))
EDGE_CASES = {
    "octal-looking number": "a: 010\nb: 0\nc: 12\n",
    "booleans and null": "a: yes\nb: ~\nc:\nd: true\n",
    "float and date": "a: 1.5\nb: 2024-01-02\n",
    "quoted and block texts": "a: '010'\nb: \"x\\ty\"\nc: |\n  line\n  two\nd: >\n  folded\n",
    "anchors and merge": "base: &b {x: 1}\nother:\n  <<: *b\n  y: 2\n",
    "repeated key": "a: 1\na: 2\n",
    "integer key": "1: one\n",
    "explicit tag": "a: !!str 12\n",
    "nested lists": "a:\n- - 1\n  - x\n- {b: [c, d]}\n",
    "second document": "a: 1\n---\nb: 2\n",
    "empty": "",
}


def _located(value: Any) -> Any:
    """``value`` with the line of every mapping key and list item, for comparing."""
    if isinstance(value, dict):
        lines = getattr(value, "lines", None)
        return (
            "map",
            getattr(value, "line", None),
            lines,
            {k: _located(v) for k, v in value.items()},
        )
    if isinstance(value, list):
        lines = getattr(value, "lines", None)
        return ("list", getattr(value, "line", None), lines, [_located(v) for v in value])
    return (type(value).__name__, value)


def _both(raw: bytes) -> tuple[Any, Any]:
    """What the plain reader makes of ``raw`` where ``_load`` would ask it, and PyYAML."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return "not plain", "refused before reading"
    plain: Any = "not plain"
    if not yamlsource.may_expand(text) and yamlsource._texts_obey_rule(text):
        with contextlib.suppress(yamlsource._NotPlain):
            plain = yamlsource._read_plain_document(raw)
    try:
        composed = _located(yamlsource._load_composed(text))
    except Exception as exc:
        composed = type(exc).__name__
    return (plain if plain == "not plain" else _located(plain)), composed


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_shipped_catalogues_read_as_pyyaml_reads_them(path: Path) -> None:
    plain, composed = _both(path.read_bytes())
    assert plain in ("not plain", composed)
    if path.name == "biml-78.yaml":  # every build loads it: the plain reader must take it
        assert plain == composed


@pytest.mark.parametrize("path", sorted(BAD_CATALOGS.glob("*.yaml")), ids=lambda p: p.name)
def test_bad_catalogues_read_the_same_or_go_to_pyyaml(path: Path) -> None:
    plain, composed = _both(path.read_bytes())
    assert plain in ("not plain", composed)


@pytest.mark.parametrize("text", EDGE_CASES.values(), ids=EDGE_CASES.keys())
def test_edge_cases_read_the_same_or_go_to_pyyaml(text: str) -> None:
    plain, composed = _both(text.encode())
    assert plain in ("not plain", composed)


def test_what_the_plain_reader_takes() -> None:
    """Decimal numbers and texts are read here; YAML 1.1's other forms go to PyYAML."""
    assert _both(b"a: 12\nb: text\nc: [x, 3]\n")[0] != "not plain"
    for text in ("a: 010\n", "a: yes\n", "a: 1.5\n", "a: &x 1\n", "a: 1\na: 2\n"):
        assert _both(text.encode())[0] == "not plain", text
