"""The shipped templates, compiled ahead of time: a build need not compile them.

Compiling the generated pages' templates with Jinja (parse, generate Python,
compile it) was the largest part of what the plugin added to a build, on
every build, since every build is a first build. The shipped templates are
part of the package, so they are compiled when the package is made, into
:data:`COMPILED_DIR` (Jinja's own ``ModuleLoader`` format: one Python module
a template, which the package installer byte-compiles like any module), by
``python -m mkdocs_biml.pages.precompiled``.

They are used only while :data:`MANIFEST` matches what the build would
compile: the same Jinja version, environment options and template sources
(the digest of each ``.j2`` file). Otherwise, say after an edit to a shipped
template in a development checkout, the templates are compiled as they load,
as custom templates always are. ``tests/test_precompiled.py`` fails while the
compiled modules are not current.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
from typing import Any

import jinja2
from jinja2 import BaseLoader, Environment, FileSystemLoader, ModuleLoader

from ..resources import TEMPLATES_DIR

COMPILED_DIR = TEMPLATES_DIR / "compiled"
MANIFEST = COMPILED_DIR / "manifest.json"


def manifest(options: dict[str, Any]) -> dict[str, Any]:
    """What the compiled modules are made of: Jinja, the environment's options, sources."""
    sources = {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(TEMPLATES_DIR.glob("*.j2"))
    }
    return {"jinja2": jinja2.__version__, "options": options, "sources": sources}


def shipped_loader(options: dict[str, Any]) -> BaseLoader:
    """The compiled shipped templates if they are current, else their sources."""
    try:
        current = json.loads(MANIFEST.read_text("utf-8")) == manifest(options)
    except (OSError, ValueError):
        current = False
    if current:
        return ModuleLoader(str(COMPILED_DIR))
    return FileSystemLoader(str(TEMPLATES_DIR))


def compile_shipped(env: Environment, options: dict[str, Any]) -> None:
    """Compile the shipped templates with ``env`` (their filters and options) into
    :data:`COMPILED_DIR`, replacing what was there, and write the manifest."""
    shutil.rmtree(COMPILED_DIR, ignore_errors=True)
    loader = FileSystemLoader(str(TEMPLATES_DIR))
    env.overlay(loader=loader).compile_templates(
        str(COMPILED_DIR), filter_func=_is_shipped_template, zip=None
    )
    text = json.dumps(manifest(options), indent=1, sort_keys=True) + "\n"
    MANIFEST.write_text(text, "utf-8")


def _is_shipped_template(name: str) -> bool:
    return name.endswith(".j2") and "/" not in name


def main() -> None:
    # Imported here: the generator imports this module for shipped_loader.
    from ..catalog.loader import load_catalogs  # noqa: PLC0415
    from ..core.paths import PageLayout  # noqa: PLC0415
    from .render import PageGenerator  # noqa: PLC0415
    from .templating import ENVIRONMENT_OPTIONS  # noqa: PLC0415

    generator = PageGenerator(load_catalogs([]), PageLayout())
    compile_shipped(generator.env, ENVIRONMENT_OPTIONS)
    print(f"compiled the shipped templates into {COMPILED_DIR}", file=sys.stderr)


if __name__ == "__main__":
    main()
