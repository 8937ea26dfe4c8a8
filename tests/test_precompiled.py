"""The shipped templates' compiled modules are current, and used only while they are."""

from __future__ import annotations

import filecmp
import json
from pathlib import Path

import pytest
from jinja2 import FileSystemLoader, ModuleLoader

from mkdocs_biml.catalog.loader import load_catalogs
from mkdocs_biml.core.paths import PageLayout
from mkdocs_biml.pages import precompiled
from mkdocs_biml.pages.render import PageGenerator
from mkdocs_biml.pages.templating import ENVIRONMENT_OPTIONS


def test_the_compiled_templates_are_current(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fails after an edit to a shipped template until `python -m
    mkdocs_biml.pages.precompiled` compiles them again."""
    assert precompiled.MANIFEST.is_file()
    recorded = json.loads(precompiled.MANIFEST.read_text("utf-8"))
    assert recorded == precompiled.manifest(ENVIRONMENT_OPTIONS)
    monkeypatch.setattr(precompiled, "COMPILED_DIR", tmp_path / "compiled")
    monkeypatch.setattr(precompiled, "MANIFEST", tmp_path / "compiled" / "manifest.json")
    generator = PageGenerator(load_catalogs([]), PageLayout())
    precompiled.compile_shipped(generator.env, ENVIRONMENT_OPTIONS)
    shipped = sorted(p.name for p in Path(precompiled.COMPILED_DIR).glob("tmpl_*.py"))
    fresh = Path(precompiled.COMPILED_DIR)
    kept = Path(__file__).parents[1] / "mkdocs_biml" / "templates" / "compiled"
    assert sorted(p.name for p in kept.glob("tmpl_*.py")) == shipped
    _, mismatch, errors = filecmp.cmpfiles(kept, fresh, shipped, shallow=False)
    assert not mismatch and not errors


def test_builds_use_them_while_current() -> None:
    assert isinstance(precompiled.shipped_loader(ENVIRONMENT_OPTIONS), ModuleLoader)


def test_sources_are_compiled_when_they_are_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stale = json.loads(precompiled.MANIFEST.read_text("utf-8"))
    stale["sources"]["risk.html.j2"] = "0" * 64  # a shipped template edited since
    (tmp_path / "manifest.json").write_text(json.dumps(stale), "utf-8")
    monkeypatch.setattr(precompiled, "MANIFEST", tmp_path / "manifest.json")
    assert isinstance(precompiled.shipped_loader(ENVIRONMENT_OPTIONS), FileSystemLoader)
    other_options = {**ENVIRONMENT_OPTIONS, "trim_blocks": False}
    monkeypatch.undo()
    assert isinstance(precompiled.shipped_loader(other_options), FileSystemLoader)


def test_compiled_and_source_templates_make_the_same_pages(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    catalogs = load_catalogs([])
    compiled = PageGenerator(catalogs, PageLayout())
    monkeypatch.setattr(precompiled, "MANIFEST", Path("/nonexistent/manifest.json"))
    from_sources = PageGenerator(catalogs, PageLayout())
    assert compiled.render() == from_sources.render()

    def fragments(generator: PageGenerator) -> dict[str, object]:
        return {
            page: (kept.fragments, kept.after_heading) for page, kept in generator.fragments.items()
        }

    assert fragments(compiled) == fragments(from_sources)
