"""Long work on the worker with a progress dialog that appears only when the work is slow.

The service gets ``progress(done, total)`` and ``cancelled()`` (app/progress.py). Both are
called on the worker thread: progress crosses to the UI thread by a queued signal, and
cancelling sets a ``threading.Event`` the service reads between its steps. A click that
finishes in well under a second never shows a dialog (Anki's progress.py: the dialog after
~600 ms, not for every click). A service that stops with ``Cancelled`` is reported to
*on_cancelled* ("Dibatalkan"), never as an error.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.i18n import _
from app.progress import CancelCheck, Cancelled, ProgressCallback

from ui.context import DeskContext

SHOW_AFTER_MS = 600  # work quicker than this shows no dialog at all

# The service as the page hands it over: it is given the two callables and returns its result.
LongWork = Callable[[ProgressCallback, CancelCheck], Any]


class LongTask(QObject):
    """One run of *work* on ``ctx.runner``; `dialog` exists only once the work took long."""

    _progressed = Signal(int, int)  # emitted on the worker, delivered on the UI thread

    def __init__(
        self,
        ctx: DeskContext,
        parent: QWidget,
        title: str,
        work: LongWork,
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        on_cancelled: Callable[[], None] | None = None,
        *,
        show_after_ms: int = SHOW_AFTER_MS,
    ):
        super().__init__(parent)
        self.ctx = ctx
        self.parent_widget = parent
        self.title = title
        self.dialog: QProgressDialog | None = None
        self.finished = False
        self.was_cancelled = False
        self._cancel = threading.Event()
        self._done_count, self._total = 0, 0
        self._on_done, self._on_error, self._on_cancelled = on_done, on_error, on_cancelled
        self._progressed.connect(self._show_progress, Qt.ConnectionType.QueuedConnection)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(show_after_ms)
        self._timer.timeout.connect(self._open_dialog)
        self._work = work

    def start(self) -> LongTask:
        self._timer.start()
        work, relay, cancel = self._work, self._progressed, self._cancel

        def run() -> Any:
            # Only these two closures reach the worker: no widget is touched there.
            return work(lambda done, total: relay.emit(done, total), cancel.is_set)

        self.ctx.runner.run(run, self._succeeded, self._failed)
        return self

    def cancel(self) -> None:
        """Ask the service to stop at its next step (it raises Cancelled, writing nothing)."""
        self._cancel.set()
        self.was_cancelled = True
        if self.dialog is not None:
            self.dialog.setLabelText(_("Cancelling…"))
            self.dialog.setCancelButton(None)  # type: ignore[arg-type]

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def _open_dialog(self) -> None:
        if self.finished:
            return
        dialog = QProgressDialog(self.title, _("Cancel"), 0, 0, self.parent_widget)
        dialog.setWindowTitle(self.title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(0)
        dialog.setMinimumWidth(360)
        dialog.canceled.connect(self.cancel)
        self.dialog = dialog
        self._show_progress(self._done_count, self._total)
        dialog.show()

    def _show_progress(self, done: int, total: int) -> None:
        self._done_count, self._total = done, total
        if self.dialog is None or self.finished:
            return
        if total > 0:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))
        else:
            self.dialog.setMaximum(0)  # busy bar until the service says how much there is

    def _close(self) -> None:
        self.finished = True
        self._timer.stop()
        if self.dialog is not None:
            self.dialog.canceled.disconnect(self.cancel)
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None

    def _succeeded(self, result: Any) -> None:
        self._close()
        try:
            self._on_done(result)
        finally:
            self.deleteLater()  # one task per load: none stays behind as the page's child

    def _failed(self, exc: BaseException) -> None:
        self._close()
        try:
            if isinstance(exc, Cancelled):
                self.was_cancelled = True
                if self._on_cancelled is not None:
                    self._on_cancelled()
            else:
                self._on_error(exc)
        finally:
            self.deleteLater()


def run_with_progress(
    ctx: DeskContext,
    parent: QWidget,
    title: str,
    work: LongWork,
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    on_cancelled: Callable[[], None] | None = None,
    *,
    show_after_ms: int = SHOW_AFTER_MS,
) -> LongTask:
    """Start *work(progress, cancelled)* on the worker; see LongTask. Returns the running task."""
    task = LongTask(
        ctx, parent, title, work, on_done, on_error, on_cancelled, show_after_ms=show_after_ms
    )
    return task.start()
