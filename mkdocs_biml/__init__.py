"""mkdocs-biml: the BIML machine-learning risk framework inside MkDocs sites.

The catalogue API knows nothing of MkDocs::

    from mkdocs_biml import load_catalog, CatalogIndex

    catalog = load_catalog()            # the built-in BIML-78
    for component in catalog.components:
        for risk in component.risks:
            print(risk.tag, risk.title)
    index = CatalogIndex([catalog])
    index.resolve("data:2:transfer").risk
"""

from .catalog.loader import BUILTIN_NAMES, CatalogError, load_catalog, parse_catalog
from .catalog.model import Catalog, Component, Control, Reference, Risk, TopTenEntry
from .catalog.resolver import CatalogIndex, Outcome, Resolution, parse_tag

__all__ = [
    "BUILTIN_NAMES",
    "Catalog",
    "CatalogError",
    "CatalogIndex",
    "Component",
    "Control",
    "Outcome",
    "Reference",
    "Resolution",
    "Risk",
    "TopTenEntry",
    "load_catalog",
    "parse_catalog",
    "parse_tag",
]
__version__ = "0.1.0"
