"""Database work off the UI thread: one worker thread, results back by queued signal.

Services run on a single-thread pool (never two writers from one window) and
never touch a widget; `TaskRunner(synchronous=True)` runs tasks inline for tests.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay):
        super().__init__()
        self.fn = fn
        self.relay = relay

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # handed to the UI thread, shown as a message there
            self.relay.failed.emit(exc)
        else:
            self.relay.done.emit(result)


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
        self._relays: set[_Relay] = set()
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
        relay = _Relay()
        self._relays.add(relay)

        def finish(callback, value):
            self._relays.discard(relay)
            if callback and _alive(callback):
                callback(value)
            self.idle.emit()

        # The relay lives in the UI thread; a queued connection delivers there.
        relay.done.connect(lambda value: finish(on_done, value), Qt.ConnectionType.QueuedConnection)
        relay.failed.connect(lambda exc: finish(on_error, exc), Qt.ConnectionType.QueuedConnection)
        self.pool.start(_Task(fn, relay))

    def wait(self, msecs: int = 30000) -> bool:
        return self.pool.waitForDone(msecs)
