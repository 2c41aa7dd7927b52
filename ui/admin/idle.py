"""Lock an idle workstation: no key, click or mouse movement for the set minutes."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

_ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
             QEvent.Type.Wheel, QEvent.Type.TouchBegin}  # fmt: skip


class IdleWatch(QObject):
    """Calls *on_idle* after *minutes* without input anywhere in the program (0: never)."""

    def __init__(self, on_idle: Callable[[], None], parent: QObject | None = None):
        super().__init__(parent)
        self._on_idle = on_idle
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._fire)
        self._installed = False

    def start(self, minutes: int, *, msecs: int | None = None) -> None:
        """Watch from now; *msecs* overrides the minutes (for tests)."""
        interval = msecs if msecs is not None else minutes * 60_000
        if interval <= 0:
            self.stop()
            return
        self._timer.setInterval(interval)
        app = QApplication.instance()
        if app is not None and not self._installed:
            app.installEventFilter(self)
            self._installed = True
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        app = QApplication.instance()
        if app is not None and self._installed:
            app.removeEventFilter(self)
            self._installed = False

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and self._timer.isActive():
            self._timer.start()  # restarts the wait
        return False

    def _fire(self) -> None:
        self.stop()
        self._on_idle()
