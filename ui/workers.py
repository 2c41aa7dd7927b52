"""Database work off the UI thread: one worker thread, results back by queued signal.

Services run on a single-thread pool (never two writers from one window) and
never touch a widget; `TaskRunner(synchronous=True)` runs tasks inline for tests.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal


class _Relay(QObject):
    """Carries a finished task's number and result from the worker to the UI thread."""

    done = Signal(object, object)
    failed = Signal(object, object)


class _Task(QRunnable):
    def __init__(self, number: int, fn: Callable[[], Any], relay: _Relay):
        super().__init__()
        self.number = number
        self.fn = fn
        self.relay = relay

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # handed to the UI thread, shown as a message there
            self.relay.failed.emit(self.number, exc)
        else:
            self.relay.done.emit(self.number, result)


def _alive(callback: Callable[..., Any]) -> bool:
    """False when the callback's widget was closed while its task ran (its C++ side is gone)."""
    owner = getattr(callback, "__self__", None)
    return not isinstance(owner, QObject) or shiboken6.isValid(owner)


class TaskRunner(QObject):
    """Run `fn` on the database thread; call `on_done(result)` or `on_error(exc)` on the UI thread."""

    idle = Signal()

    def __init__(self, parent: QObject | None = None, synchronous: bool = False):
        super().__init__(parent)
        self.synchronous = synchronous
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        # One relay for every task, connected once: a relay and two connections per task were
        # never freed (PySide keeps the connected lambdas), about 4 KB a round trip.
        self._relay = _Relay()  # no Qt parent: each task holds it, so it outlives a task in flight
        self._relay.done.connect(self._done, Qt.ConnectionType.QueuedConnection)
        self._relay.failed.connect(self._failed, Qt.ConnectionType.QueuedConnection)
        self._waiting: dict[
            int, tuple[Callable[[Any], None] | None, Callable[[BaseException], None] | None]
        ] = {}
        self._numbers = itertools.count()
        self._held: list[tuple] | None = None

    def hold(self) -> None:
        """Queue tasks without starting them (start-up: paint the window first)."""
        if self._held is None:
            self._held = []

    def release(self) -> None:
        held, self._held = self._held or [], None
        for args in held:
            self.run(*args)

    def run(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        if self._held is not None:
            self._held.append((fn, on_done, on_error))
            return
        if self.synchronous:
            try:
                result = fn()
            except Exception as exc:
                if on_error is None:
                    raise
                on_error(exc)
            else:
                if on_done:
                    on_done(result)
            self.idle.emit()
            return
        number = next(self._numbers)
        self._waiting[number] = (on_done, on_error)
        # The relay lives in the UI thread; its queued connections deliver there.
        self.pool.start(_Task(number, fn, self._relay))

    def _done(self, number: int, result: object) -> None:
        on_done, _on_error = self._waiting.pop(number)
        self._finish(on_done, result)

    def _failed(self, number: int, exc: object) -> None:
        _on_done, on_error = self._waiting.pop(number)
        self._finish(on_error, exc)

    def _finish(self, callback: Callable[[Any], None] | None, value: object) -> None:
        if callback and _alive(callback):
            callback(value)
        self.idle.emit()

    def wait(self, msecs: int = 30000) -> bool:
        return self.pool.waitForDone(msecs)
