"""``markdown_extensions: [mkdocs_biml.extension]``: the name sites give the extension.

The extension itself lives in :mod:`mkdocs_biml.expansion.extension`.
"""

from .expansion.extension import BimlExtension, makeExtension

__all__ = ["BimlExtension", "makeExtension"]
