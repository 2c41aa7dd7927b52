"""Long work that reports how far it got and can be stopped: the callbacks services take.

A service that may run for seconds (a report over many months, an import) accepts
``progress(done, total)`` and ``cancelled() -> bool``; it calls ``progress`` after each step
and, when ``cancelled()`` is true between steps, raises :class:`Cancelled` having written
nothing (or only whole, committed steps, as its docstring says). Both default to None.
"""

from __future__ import annotations

from collections.abc import Callable

ProgressCallback = Callable[[int, int], None]
CancelCheck = Callable[[], bool]


class Cancelled(Exception):
    """The user stopped a long operation before it finished."""


def step(
    done: int, total: int, progress: ProgressCallback | None, cancelled: CancelCheck | None
) -> None:
    """Report *done* of *total* steps, then stop with Cancelled if the user asked to."""
    if progress is not None:
        progress(done, total)
    if cancelled is not None and cancelled():
        raise Cancelled
