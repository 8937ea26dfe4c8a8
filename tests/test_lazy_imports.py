"""Modules only some sites need are not imported with the plugin: each costs every build
its import (see mkdocs_biml/frozen.py for why the plugin's import is kept small)."""

from __future__ import annotations

import subprocess
import sys

#: Imported where they are used: other sites' registers (the ``registers`` option),
#: the assessment views (a site with assessments, or a page with a risk table).
ONLY_WHEN_NEEDED = ("mkdocs_biml.records.otherregisters", "mkdocs_biml.pages.assessmentviews")


def test_importing_the_plugin_leaves_out_what_a_plain_site_does_not_use() -> None:
    code = (
        "import sys, mkdocs_biml.host.plugin\n"
        f"print(sorted(set({ONLY_WHEN_NEEDED!r}) & set(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
