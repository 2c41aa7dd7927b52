"""What the visit editor's tabs share: the context, the visit shown, read-only when final, messages."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QWidget

from app.problems import InputRejected

from ui.context import DeskContext

log = logging.getLogger(__name__)


class VisitPanel(QWidget):
    """Base of a tab of the visit editor; `notice(text, kind)` goes to the editor's banner."""

    notice = Signal(str, str)  # message, Banner kind (info, ok, warn, error)
    saved = Signal()  # a change reached the database

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.visit_id: int | None = None
        self.final = False

    def run(self, fn: Callable[[], Any], on_done: Callable[[Any], None] | None = None) -> None:
        """Database work on the worker; a refusal or failure becomes a message, never a traceback."""
        self.ctx.runner.run(fn, on_done, self.failed)

    def failed(self, exc: BaseException) -> None:
        if isinstance(exc, InputRejected):
            self.notice.emit(exc.message(self.ctx.lang), "error")
            return
        log.exception("visit change failed", exc_info=exc)
        # translate() with a fixed context: self.tr() would look under the subclass's name.
        message = QCoreApplication.translate("VisitPanel", "Not saved: %1")
        self.notice.emit(message.replace("%1", str(exc) or type(exc).__name__), "error")

    def changed(self) -> None:
        """Tell the rest of the window (the visits list) that the visit changed."""
        self.saved.emit()
        self.ctx.changed.emit("visits")
