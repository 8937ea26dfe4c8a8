"""The documentation hosts the test suite builds with, each in its own environment.

``tests/hosts/setup.sh`` creates ``.venvs/properdocs``, ``.venvs/zensical`` and ``.venvs/techdocs``
with the pinned host and this checkout installed editable. A missing or stale
environment skips the host's tests, or fails them when ``BIML_REQUIRE_HOSTS=1``
(CI sets it, so a broken setup cannot pass as a skip).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

import mkdocs_biml

ROOT = Path(__file__).resolve().parents[2]
VENVS = ROOT / ".venvs"
SITE = Path(__file__).resolve().parent / "site"
RECIPES = ROOT / "docs" / "hosts"
SETUP = "bash tests/hosts/setup.sh"

_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_FENCE = re.compile(r'^```[a-z]+ title="(?P<title>[^"]+)"\n(?P<body>.*?)^```$', re.M | re.S)


@dataclass(frozen=True)
class Build:
    returncode: int
    output: str  # stdout and stderr, without colour codes

    @property
    def failed(self) -> bool:
        return self.returncode != 0


@dataclass(frozen=True)
class Host:
    venv: str
    command: str

    @property
    def executable(self) -> Path:
        return VENVS / self.venv / "bin" / self.command

    def require(self) -> None:
        """Skip (or fail, in CI) unless the environment exists and runs the code under test."""
        problem = _environment_problem(self.venv, self.command)
        if problem is None:
            return
        message = f"{self.venv}: {problem}; create it with `{SETUP}`"
        if os.environ.get("BIML_REQUIRE_HOSTS") == "1":
            pytest.fail(message)
        pytest.skip(message)

    def build(self, root: Path, *args: str) -> Build:
        self.require()
        done = subprocess.run(
            [str(self.executable), "build", *args],
            cwd=root,
            capture_output=True,
            text=True,
            env={**os.environ, "NO_COLOR": "1", "PYTHONWARNINGS": "ignore"},
            timeout=300,
            check=False,
        )
        return Build(done.returncode, _ANSI.sub("", done.stdout + done.stderr))


PROPERDOCS = Host("properdocs", "properdocs")
ZENSICAL = Host("zensical", "zensical")
#: Backstage TechDocs' MkDocs set-up: MkDocs with mkdocs-techdocs-core and its pins.
TECHDOCS = Host("techdocs", "mkdocs")


@cache
def _environment_problem(venv: str, command: str) -> str | None:
    python = VENVS / venv / "bin" / "python"
    if not (VENVS / venv / "bin" / command).is_file() or not python.is_file():
        return f"no environment at {VENVS / venv}"
    found = subprocess.run(
        [str(python), "-c", "import mkdocs_biml; print(mkdocs_biml.__file__)"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    ).stdout.strip()
    expected = Path(mkdocs_biml.__file__).resolve()
    if not found or Path(found).resolve() != expected:
        return f"it runs mkdocs_biml from {found or 'nowhere'}, not {expected}"
    return None


def recipe(host: str, title: str) -> str:
    """The code block titled ``title`` on ``docs/hosts/<host>.md``: tests build what users read."""
    text = (RECIPES / f"{host}.md").read_text(encoding="utf-8")
    blocks = [m.group("body") for m in _FENCE.finditer(text) if m.group("title") == title]
    assert len(blocks) == 1, f"docs/hosts/{host}.md needs exactly one block titled {title}"
    return blocks[0]


def copy_site(root: Path) -> Path:
    """The shared test site (pages and a catalogue of one's own) under ``root``."""
    shutil.copytree(SITE, root, dirs_exist_ok=True)
    return root
