"""What the visit editor's tabs share: the context, the visit shown, read-only when final, messages."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from app.i18n import _
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
        """Reading on the worker; a refusal or failure becomes a message, never a traceback."""
        self.ctx.runner.run(fn, on_done, self.failed)

    def write(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """A writing service on the worker; afterwards the window hears what it changed."""

        def done(result: Any) -> None:
            if on_done is not None:
                on_done(result)
            self.saved.emit()

        self.ctx.run_op(work, done, on_error or self.failed)

    def failed(self, exc: BaseException) -> None:
        if isinstance(exc, InputRejected):
            self.notice.emit(exc.message(self.ctx.lang), "error")
            return
        self.notice.emit(self.ctx.reason(exc, _("Not saved: {0}")), "error")
