"""Files shipped inside the package: the page templates and the site assets."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).parents[1]  # the data folders sit at the top of the package
TEMPLATES_DIR = PACKAGE_DIR / "templates"
#: The stylesheet and script every page with framework content needs.
ASSETS_DIR = PACKAGE_DIR / "assets"
ASSET_NAMES = ("biml.css", "biml.js")

__all__ = ["ASSETS_DIR", "ASSET_NAMES", "TEMPLATES_DIR"]
