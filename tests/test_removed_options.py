"""A mkdocs.yml that still names the removed cache options gets one clear line for each."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sites import build_site, run_mkdocs, write_site

PAGES = {"index.md": "# Home\n"}


@pytest.mark.parametrize("option", ["cache", "cache_dir"])
def test_a_removed_option_is_named_with_what_to_do(tmp_path: Path, option: str) -> None:
    value: object = False if option == "cache" else ".cache/plugin/biml"
    site = build_site(tmp_path, PAGES, {"plugins": [{"biml": {option: value}}]})
    assert site.error is None, site.failure()
    lines = [m for m in site.warnings() if option in m]
    assert len(lines) == 1, site.warnings()
    assert f"option '{option}': removed" in lines[0]
    assert f"delete '{option}' from mkdocs.yml" in lines[0] and ".cache/plugin/biml" in lines[0]


@pytest.mark.slow
def test_strict_builds_fail_on_it(tmp_path: Path) -> None:
    write_site(tmp_path, PAGES, {"plugins": [{"biml": {"cache": True}}]})
    result = run_mkdocs(tmp_path, "build", "--strict")
    assert result.returncode != 0
    assert "option 'cache': removed" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_site_without_them_hears_nothing(tmp_path: Path) -> None:
    site = build_site(tmp_path, PAGES)
    assert site.error is None and not site.warnings()
    assert not (tmp_path / ".cache").exists()
