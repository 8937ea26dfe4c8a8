"""Statuses a page gives risks in its front matter::

    ---
    biml:
      data:2:transfer: mitigated
      raw:4:legal: accepted
    ---
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from .log import Problem, log_problem
from .model import Risk
from .resolver import CatalogIndex

FRONT_MATTER_KEY = "biml"


def read_statuses(
    meta: Mapping[str, Any],
    page: str,
    index: CatalogIndex,
    allowed: Sequence[str],
    report: Any = log_problem,
) -> Iterator[tuple[Risk, str]]:
    """Yield ``(risk, status)`` for each valid entry; report every invalid one."""
    entries = meta.get(FRONT_MATTER_KEY)
    if entries is None:
        return
    if not isinstance(entries, Mapping):
        report(Problem(page, None, None,
                       f"front matter '{FRONT_MATTER_KEY}' must map tags to statuses, "
                       f"e.g. 'data:2:transfer: mitigated'"))
        return
    for tag, status in entries.items():
        text = str(tag).strip().strip("[]")
        resolution = index.resolve(text)
        if resolution.risk is None:
            report(Problem(page, None, None, f"front matter: {resolution.problem()}"))
            continue
        if not isinstance(status, str) or status not in allowed:
            report(Problem(page, None, None,
                           f"front matter: status {status!r} of [{text}] is not one of "
                           f"{', '.join(allowed)} (set the plugin's 'statuses' option to add one)"))
            continue
        if resolution.problem():
            report(Problem(page, None, None, f"front matter: {resolution.problem()}"))
        yield resolution.risk, status
