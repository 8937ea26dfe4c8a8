"""The folders shipped inside the package, named once for every module.

The data folders sit at the top of the package, where the wheel ships them.
This module imports nothing of the package, so every layer may use it, the
catalogue included.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).parent
TEMPLATES_DIR = PACKAGE_DIR / "templates"
#: The stylesheet and script every page with framework content needs.
ASSETS_DIR = PACKAGE_DIR / "assets"
ASSET_NAMES = ("biml.css", "biml.js")
#: The plugin's words in each shipped language (``<language>.yml``).
LOCALES_DIR = PACKAGE_DIR / "locales"
CATALOG_SCHEMA = PACKAGE_DIR / "schema" / "catalog.schema.json"
REGISTER_SCHEMA = PACKAGE_DIR / "schema" / "register.schema.json"
#: Built-in catalogues: in a wheel they sit in the package, in a source
#: checkout in the repository's top-level ``catalog/`` folder.
BUILTIN_CATALOG_DIRS = (PACKAGE_DIR / "catalog_data", PACKAGE_DIR.parent / "catalog")

__all__ = [
    "ASSETS_DIR",
    "ASSET_NAMES",
    "BUILTIN_CATALOG_DIRS",
    "CATALOG_SCHEMA",
    "LOCALES_DIR",
    "PACKAGE_DIR",
    "REGISTER_SCHEMA",
    "TEMPLATES_DIR",
]
