"""The project's own documentation site: built with the plugin, strict, no broken link."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.linkcheck import broken_links
from tests.sites import run_mkdocs

ROOT = Path(__file__).parent.parent


@pytest.mark.slow
def test_documentation_site_builds_strict_with_no_broken_link(tmp_path: Path) -> None:
    site_dir = tmp_path / "site"
    result = run_mkdocs(ROOT, "build", "--strict", "--site-dir", str(site_dir))
    assert result.returncode == 0, result.stderr
    assert "WARNING -" not in result.stderr
    assert broken_links(site_dir) == []
    # The docs use the plugin for real: live tags and the generated framework.
    home = (site_dir / "index.html").read_text(encoding="utf-8")
    assert 'class="biml-ref"' in home
    assert 'class="admonition biml"' in home
    assert (site_dir / "biml" / "data" / "index.html").is_file()
    assert (site_dir / "biml" / "llm" / "index.html").is_file()
    assert (site_dir / "biml" / "risk-register.json").is_file()
    # The example assessments of docs/examples/ have their generated pages.
    assert (site_dir / "biml" / "assessments" / "fraud-detection-model" / "index.html").is_file()
    assert (site_dir / "biml" / "assessments" / "recommender" / "index.html").is_file()
