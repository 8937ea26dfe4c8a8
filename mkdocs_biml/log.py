"""Problems found in an author's pages, and how they reach the author.

Messages go through the ``mkdocs.plugins.biml`` logger, the one MkDocs'
``get_plugin_logger("biml")`` uses, so ``mkdocs build --strict`` counts them;
the extension itself needs nothing from MkDocs to log there.
"""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass

LOGGER_NAME = "mkdocs.plugins.biml"
logger = logging.getLogger(LOGGER_NAME)


class Severity(enum.Enum):
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True)
class Problem:
    """One thing wrong in an author's file, at ``path:line:column``."""

    path: str
    line: int | None
    column: int | None
    message: str
    severity: Severity = Severity.WARNING

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


def front_matter_lines(source: str, markdown: str) -> int:
    """Lines MkDocs removed from the top of ``source`` (front matter) to leave ``markdown``.

    ``source`` is the file's text as MkDocs reads it, ``markdown`` what
    ``mkdocs.utils.meta.get_data`` returned; adding this to a line of
    ``markdown`` gives the line in the file.
    """
    if not source.endswith(markdown):
        return 0
    return source[: len(source) - len(markdown)].count("\n")


def log_problem(problem: Problem) -> None:
    level = logging.ERROR if problem.severity is Severity.ERROR else logging.WARNING
    logger.log(level, "biml: %s", problem)
