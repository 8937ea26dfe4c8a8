"""Ending a build at a problem tag (``on_unknown: error``) with one line and no traceback.

Python-Markdown gives an extension no way to end a build but raising; what
the reader then sees is the host's doing. MkDocs and ProperDocs, through the
plugin, never see the exception: the plugin collects problems and stops the
build with a ``PluginError``. Zensical (0.0.73) renders each page by calling
Python from its Rust core; an exception raised there comes back to Python as
a ``RuntimeError`` from ``zensical.build()`` whose text is the whole Python
traceback, and Zensical's command line does not catch it: Python prints both
tracebacks, some 45 lines, after the one line the extension logged.
Zensical has no call by which Python code could report an error or stop a
build, and its ``--strict`` counts only its own link checks.

So on Zensical the extension installs a ``sys.excepthook`` that prints
nothing for that one exception: the line logged before the raise is the
whole message, and the process still exits with status 1. Any other
exception goes to the hook that was there before. What the hook recognises
(the messages of the errors raised) belongs to a :class:`BuildStop` that each
extension object owns: nothing is kept at module level, and the hook is
installed once per extension object.
"""

from __future__ import annotations

import sys
from types import TracebackType

from markdown import Markdown

from ..core.problems import Problem


class TagError(Exception):
    """Raised for a problem tag when ``on_unknown`` is ``error``."""


class BuildStop:
    """The TagErrors one extension raised, to recognise them in Zensical's wrapper."""

    def __init__(self) -> None:
        self._raised: set[str] = set()
        self._hook_installed = False

    def tag_error(self, problem: Problem) -> TagError:
        """The exception that ends the build at ``problem`` (already logged)."""
        message = str(problem)
        self._raised.add(message)
        return TagError(message)

    def quiet_on_zensical(self, md: Markdown) -> None:
        """On Zensical, keep Python from printing a traceback for this extension's TagErrors."""
        if self._hook_installed or "rendering_context" not in md.preprocessors:
            return  # installed already, or not Zensical (its own preprocessor)
        self._hook_installed = True
        previous = sys.excepthook

        def hook(
            kind: type[BaseException], error: BaseException, traceback: TracebackType | None
        ) -> None:
            if not self.raised(error):
                previous(kind, error, traceback)

        sys.excepthook = hook

    def raised(self, error: BaseException) -> bool:
        """A TagError, as itself or as the text of Zensical's ``RuntimeError`` around it."""
        if isinstance(error, TagError):
            return True
        text = str(error)
        return isinstance(error, RuntimeError) and any(
            f"TagError: {message}" in text for message in self._raised
        )
