"""docs/architecture.md lists every module of the package, and only those, and the layers
the import contract enforces."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "mkdocs_biml"


def _tree_in_doc() -> set[str]:
    """Module paths of the tree in docs/architecture.md (``catalog/model.py``)."""
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    tree = text.split("```text", 1)[1].split("```", 1)[0]
    paths: set[str] = set()
    folder = ""
    for line in tree.splitlines()[1:]:
        match = re.match(r"^([│ ]*)[├└]── ([A-Za-z0-9_]+(?:\.py|/))", line)
        if match is None:
            continue
        name = match.group(2)
        if name.endswith("/"):
            folder = name
        else:
            paths.add(name if not match.group(1) else folder + name)
    return paths


def test_the_architecture_tree_matches_the_package() -> None:
    modules = {
        path.relative_to(PACKAGE).as_posix()
        for path in PACKAGE.rglob("*.py")
        if "templates" not in path.relative_to(PACKAGE).parts  # compiled templates
    }
    listed = _tree_in_doc()
    # A subpackage's __init__.py is listed only when it holds code (cli's main).
    unlisted = {m for m in modules - listed if not m.endswith("/__init__.py")}
    assert not unlisted, f"add these to the tree in docs/architecture.md: {sorted(unlisted)}"
    assert listed <= modules, f"not in the package any more: {sorted(listed - modules)}"


def _layers_in_doc() -> list[str]:
    """The numbered list after the ``<!-- layers`` comment: ``cli/`` -> mkdocs_biml.cli."""
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    listed = text.split("<!-- layers", 1)[1].split("\n\n", 1)[0]
    names = re.findall(r"^\d+\. `([a-z_]+)(?:/|\.py)`", listed, re.M)
    return [f"mkdocs_biml.{name}" for name in names]


def test_the_documented_layers_are_the_import_contract() -> None:
    tomllib = pytest.importorskip("tomllib")  # Python 3.11 and later
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    [layers] = [c["layers"] for c in contracts if c["type"] == "layers"]
    assert _layers_in_doc() == layers
