"""Problems found in an author's pages, and how they reach the author.

Messages go through the ``mkdocs.plugins.biml`` logger, the one MkDocs'
``get_plugin_logger("biml")`` uses, so ``mkdocs build --strict`` counts them;
the extension itself needs nothing from MkDocs to log there.
"""

from __future__ import annotations

import enum
import logging
import os
from pathlib import Path

from ..frozen import Frozen

LOGGER_NAME = "mkdocs.plugins.biml"
logger = logging.getLogger(LOGGER_NAME)


# C0 and C1 controls (line feed and carriage return too), DEL, the Unicode line
# and paragraph separators, and the bidirectional controls that reorder what a
# terminal shows: text from a page or a file name could recolour, rewrite or
# hide a message, or start a line that a CI runner reads as a command
# (GitHub's "::error::", "::stop-commands::").
_CONTROLS = (
    *range(0x00, 0x20),
    *range(0x7F, 0xA0),
    0x061C,
    0x200E,
    0x200F,
    0x2028,
    0x2029,
    *range(0x202A, 0x202F),
    *range(0x2066, 0x206A),
)
# A translation table, not a regular expression: compiling a character class that
# reaches past U+00FF builds a map of 65,536 code points, millions of instructions
# at import for every build.
_ESCAPES = {code: f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" for code in _CONTROLS}


def escape_controls(text: str) -> str:
    """``text`` with each control character written as an escape (``\\x1b``).

    The one escaping path: every message, path and note the build or the
    ``mkdocs-biml`` command prints goes through it, whatever the output format.
    """
    return text.translate(_ESCAPES)


class Severity(enum.Enum):
    WARNING = "warning"
    ERROR = "error"


class Problem(Frozen):
    """One thing wrong in an author's file, at ``path:line:column``."""

    path: str
    line: int | None
    column: int | None
    message: str
    severity: Severity

    def __init__(
        self,
        path: str,
        line: int | None,
        column: int | None,
        message: str,
        severity: Severity = Severity.WARNING,
    ) -> None:
        set_field = object.__setattr__
        # Paths and messages quote the author's text: escaped here, once, they
        # are safe for the terminal, lint's reports and error messages alike.
        set_field(self, "path", escape_controls(path))
        set_field(self, "line", line)
        set_field(self, "column", column)
        set_field(self, "message", escape_controls(message))
        set_field(self, "severity", severity)

    @property
    def location(self) -> str:
        where = self.path or "<markdown>"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return where

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


def page_path(path: str | os.PathLike[str]) -> Path:
    """``path`` made absolute, its symbolic links kept: MkDocs builds a symlinked
    page as a page of its own, under its own name, and so does the lint."""
    return Path(os.path.abspath(path))


def display_path(path: Path) -> str:
    """``path`` relative to the working directory when it is below it, as tools expect."""
    try:
        return str(page_path(path).relative_to(page_path(Path.cwd())))
    except ValueError:
        return str(path)


def front_matter_lines(source: str, markdown: str) -> int:
    """Lines MkDocs removed from the top of ``source`` (front matter) to leave ``markdown``.

    ``source`` is the file's text as MkDocs reads it, ``markdown`` what
    ``mkdocs.utils.meta.get_data`` returned; adding this to a line of
    ``markdown`` gives the line in the file.
    """
    if not source.endswith(markdown):
        return 0
    return source[: len(source) - len(markdown)].count("\n")


def tag_severity(mismatch: bool, on_unknown: str) -> Severity | None:
    """How a problem tag is reported under the ``on_unknown`` option; None: not at all.

    A number that does not match its descriptor (``mismatch``) still names one
    risk, so it is always a warning; an unknown or ambiguous tag is what the
    option says (``warn``, ``error``, ``ignore``).
    """
    if mismatch:
        return Severity.WARNING
    return {"warn": Severity.WARNING, "error": Severity.ERROR}.get(on_unknown)


def log_problem(problem: Problem) -> None:
    level = logging.ERROR if problem.severity is Severity.ERROR else logging.WARNING
    logger.log(level, "biml: %s", problem)
