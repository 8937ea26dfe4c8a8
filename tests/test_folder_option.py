"""The ``folder`` option: a relative path inside the site, or a configuration error."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SiteBuilder
from tests.sites import run_mkdocs, run_module, write_site

BAD_FOLDERS = {
    "../out": "'..'",
    "risks/../../out": "'..'",
    "/tmp/biml-out": "absolute",
    "C:/biml": "absolute",
    "": "empty",
    "/": "empty",
    "risks\\biml": "backslash",
    "risks//biml": "empty component",
    "./biml": "'.'",
}


@pytest.mark.parametrize("folder", list(BAD_FOLDERS))
def test_a_folder_outside_the_site_is_a_configuration_error(site: SiteBuilder, folder: str) -> None:
    built = site({"index.md": "[data:2:transfer]\n"}, {"plugins": [{"biml": {"folder": folder}}]})

    assert built.error is not None
    message = built.failure()
    assert "folder" in message
    assert repr(folder) in message
    assert BAD_FOLDERS[folder] in message
    assert not (built.root / "out").exists()
    assert not Path("/tmp/biml-out").exists()


def test_mkdocs_build_refuses_a_parent_folder_and_writes_nothing_outside(tmp_path: Path) -> None:
    root = tmp_path / "project"
    write_site(
        root, {"index.md": "[data:2:transfer]\n"}, {"plugins": [{"biml": {"folder": "../out"}}]}
    )

    result = run_mkdocs(root, "build")

    assert result.returncode == 1
    assert "option 'folder'" in result.stderr and "'../out'" in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project"]


@pytest.mark.parametrize("folder", ["risks/biml", "biml/", "risk register"])
def test_a_relative_folder_builds(site: SiteBuilder, folder: str) -> None:
    built = site({"index.md": "[data:2:transfer]\n"}, {"plugins": [{"biml": {"folder": folder}}]})

    assert built.error is None, built.failure()
    base = folder.strip("/")
    assert (built.site_dir / base / "data" / "index.html").is_file()
    assert (built.site_dir / base / "risk-register.json").is_file()


@pytest.mark.parametrize("folder", ["../x", "/tmp/biml-generated", "a\\b"])
def test_generate_refuses_a_folder_outside_out_dir(tmp_path: Path, folder: str) -> None:
    result = run_module(tmp_path, "mkdocs_biml", "generate", "docs", "--folder", folder)

    assert result.returncode == 2
    assert "argument --folder" in result.stderr and repr(folder) in result.stderr
    assert "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []
    assert not Path("/tmp/biml-generated").exists()
