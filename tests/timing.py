"""Time in growth tests: CPU seconds, the least of three runs.

Growth tests compare a size with four times that size, or with Python-Markdown
or MkDocs alone on the same input, never with an absolute time.
"""

from __future__ import annotations

import time
from collections.abc import Callable


def cpu_seconds(work: Callable[[], object]) -> float:
    """Least CPU time of three runs (CPU time: the machine may be busy with others)."""
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return best
