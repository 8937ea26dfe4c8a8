"""The rebuild benchmark's serving processes rebuild when told, and leave the site as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.rebuild import EDITED_PAGE, measure, summarize
from benchmarks.sites import write_site

pytestmark = pytest.mark.slow


def test_each_server_rebuilds_once_per_round_and_restores_the_saved_page(tmp_path: Path) -> None:
    configs = {v: write_site(tmp_path / v, v, 3, 5) for v in ("plain", "biml")}
    pages = {v: (c.parent / "docs" / EDITED_PAGE).read_text("utf-8") for v, c in configs.items()}

    measured = measure(configs, repeat=2, warmup=0)

    assert [(r["variant"], r["round"]) for r in measured["rebuilds"]] == [
        ("plain", 0),
        ("biml", 0),
        ("plain", 1),
        ("biml", 1),
    ]
    assert all(r["cpu"] > 0 for r in measured["rebuilds"])
    assert set(measured["maxrss_kb"]) == {"plain", "biml"}
    summary = summarize(measured)
    assert summary["plain"]["ratio"]["cpu"]["median"] == 1
    assert summary["biml"]["rebuilds"] == 2
    for variant, config in configs.items():
        assert (config.parent / "docs" / EDITED_PAGE).read_text("utf-8") == pages[variant]
