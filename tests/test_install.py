"""The README's install instructions, run as written in a fresh virtual environment.

Each ``sh`` block of the README's "Install" section is run by bash in an empty
folder, with ``path/to/mkdocs-biml`` standing for this checkout. What needs
the network is served from the environment running the tests instead, so the
test runs offline: the new environment sees this environment's packages (a
``.pth`` line: the dependencies and the build backend), and pip is told
``--no-index --no-build-isolation --no-deps``. ``--ignore-installed`` keeps
pip from touching this environment's own mkdocs-biml. What the test does not
prove is that the package index serves the dependencies.

The environment made by the instructions must then hold its own copy of the
package, catalogues included, whose ``mkdocs-biml`` command runs and whose
plugin builds a site.
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.sites import write_site

ROOT = Path(__file__).resolve().parents[1]
CHECKOUT = "path/to/mkdocs-biml"
OFFLINE = {
    "install": "--no-index --no-build-isolation --no-deps --ignore-installed",
    "wheel": "--no-index --no-build-isolation",
}


def install_blocks() -> list[str]:
    """The ``sh`` blocks of the README's "Install" section, in order."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Install\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.*?)```", section, flags=re.DOTALL)


def offline(script: str) -> str:
    """The instructions, with the network's part served by this environment."""
    lines = []
    for written in script.splitlines():
        line = written.replace(CHECKOUT, shlex.quote(str(ROOT)))
        for command, flags in OFFLINE.items():
            line = re.sub(rf"^pip {command} ", f"pip {command} {flags} ", line)
        line = re.sub(r"^python3 -m venv ", f"{shlex.quote(sys.executable)} -m venv ", line)
        lines.append(line)
        if written.startswith("python3 -m venv .venv"):
            # What the index would serve: this environment's packages, after the new ones.
            purelib = sysconfig.get_paths()["purelib"]
            lines.append(
                f"echo {shlex.quote(purelib)} > "
                "\"$(.venv/bin/python -c 'import sysconfig; print(sysconfig.get_paths()"
                '["purelib"])\')/zz-tests.pth"'
            )
    return "\n".join(lines)


def test_the_readme_gives_a_virtual_environment_and_the_checkout() -> None:
    first, *others = install_blocks()
    assert first.splitlines()[:2] == ["python3 -m venv .venv", ". .venv/bin/activate"]
    assert CHECKOUT in first
    assert all(CHECKOUT in block or "dist/" in block for block in others)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "\npip install mkdocs-biml\n" not in readme, "not on the package index yet"


@pytest.mark.slow
@pytest.mark.parametrize("blocks", ["checkout", "wheel"])
def test_the_readme_install_instructions_work_in_a_fresh_environment(
    tmp_path: Path, blocks: str
) -> None:
    first, *wheel = install_blocks()
    # The wheel's instructions run in an environment made as the first block makes it.
    make_environment = [line for line in first.splitlines() if not line.startswith("pip ")]
    script = first if blocks == "checkout" else "\n".join([*make_environment, *wheel])
    done = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", offline(script)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    python = tmp_path / ".venv" / "bin" / "python"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            args, cwd=tmp_path, capture_output=True, text=True, timeout=300, check=False
        )

    where = run(
        str(python),
        "-c",
        "import mkdocs_biml, mkdocs_biml.catalog.loader as l; "
        "print(mkdocs_biml.__file__); print(l.builtin_catalog_path('biml-78'))",
    )
    package, catalogue = where.stdout.splitlines()
    assert Path(package).is_relative_to(tmp_path / ".venv"), package
    assert Path(catalogue).is_relative_to(tmp_path / ".venv"), catalogue

    helped = run(str(tmp_path / ".venv" / "bin" / "mkdocs-biml"), "--help")
    assert helped.returncode == 0, helped.stderr
    assert "lint" in helped.stdout

    write_site(tmp_path / "site", {"index.md": "# Home\n\nWe face [data:2:transfer].\n"})
    built = run(str(python), "-m", "mkdocs", "build", "--strict", "-f", "site/mkdocs.yml")
    assert built.returncode == 0, built.stderr
    html = (tmp_path / "site" / "site" / "index.html").read_text(encoding="utf-8")
    link = BeautifulSoup(html, "html.parser").select_one("a[href*='data-2-transfer']")
    assert link is not None
