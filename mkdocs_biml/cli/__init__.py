"""The ``mkdocs-biml`` command: argument parsing and exit codes, ``lint``, ``generate``."""

from .command import main

__all__ = ["main"]
