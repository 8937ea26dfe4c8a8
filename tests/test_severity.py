"""One rule decides how a problem tag is reported: ``log.tag_severity``."""

from __future__ import annotations

import pytest

from mkdocs_biml.core.problems import Severity, tag_severity


@pytest.mark.parametrize(
    ("mismatch", "on_unknown", "expected"),
    [
        (False, "warn", Severity.WARNING),
        (False, "error", Severity.ERROR),
        (False, "ignore", None),
        # A wrong number with a known descriptor still names one risk: always a warning.
        (True, "warn", Severity.WARNING),
        (True, "error", Severity.WARNING),
        (True, "ignore", Severity.WARNING),
    ],
)
def test_tag_severity(mismatch: bool, on_unknown: str, expected: Severity | None) -> None:
    assert tag_severity(mismatch, on_unknown) is expected
