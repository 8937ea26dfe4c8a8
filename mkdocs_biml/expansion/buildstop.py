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
exception goes to the hook that was there before.
"""

from __future__ import annotations

import sys
from types import TracebackType

from markdown import Markdown

from ..problems import Problem

#: Messages of the TagErrors raised in this process, to recognise them in Zensical's wrapper.
_raised: set[str] = set()


class TagError(Exception):
    """Raised for a problem tag when ``on_unknown`` is ``error``."""


def tag_error(problem: Problem) -> TagError:
    """The exception that ends the build at ``problem`` (already logged)."""
    message = str(problem)
    _raised.add(message)
    return TagError(message)


def quiet_tag_errors_on_zensical(md: Markdown) -> None:
    """On Zensical, keep Python from printing a traceback for a :class:`TagError`."""
    if "rendering_context" not in md.preprocessors:  # Zensical's own preprocessor
        return
    if getattr(sys.excepthook, "__wrapped_by_biml__", False):
        return
    previous = sys.excepthook

    def hook(
        kind: type[BaseException], error: BaseException, traceback: TracebackType | None
    ) -> None:
        if not _is_tag_error(error):
            previous(kind, error, traceback)

    hook.__wrapped_by_biml__ = True  # type: ignore[attr-defined]
    sys.excepthook = hook


def _is_tag_error(error: BaseException) -> bool:
    """A TagError, as itself or as the text of Zensical's ``RuntimeError`` around it."""
    if isinstance(error, TagError):
        return True
    text = str(error)
    return isinstance(error, RuntimeError) and any(
        f"TagError: {message}" in text for message in _raised
    )
