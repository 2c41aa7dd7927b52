"""The progress dialog of long work: shown only after ~600 ms, progress from the worker, cancel
stops the service (Cancelled) without an error message."""

from __future__ import annotations

import threading
import time

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget

from app.progress import Cancelled, step

from ui.context import DeskContext
from ui.figures.progress_dialog import SHOW_AFTER_MS, run_with_progress
from ui.workers import TaskRunner


@pytest.fixture
def threaded_ctx(sqlite_db, settings):
    """A context whose tasks run on the real worker thread, as in the window."""
    ctx = DeskContext(sqlite_db, settings, runner=TaskRunner())
    yield ctx
    ctx.runner.wait(10000)
    ctx.close()


class Outcome:
    def __init__(self) -> None:
        self.result: object = None
        self.error: BaseException | None = None
        self.cancelled = False

    @property
    def over(self) -> bool:
        return self.result is not None or self.error is not None or self.cancelled


def start(ctx, parent, work):  # type: ignore[no-untyped-def]
    out = Outcome()
    task = run_with_progress(
        ctx, parent, "Working…", work,
        lambda r: setattr(out, "result", r),
        lambda e: setattr(out, "error", e),
        lambda: setattr(out, "cancelled", True),
    )  # fmt: skip
    return task, out


def test_quick_work_shows_no_dialog(qtbot, threaded_ctx):
    parent = QWidget()
    qtbot.addWidget(parent)
    task, out = start(threaded_ctx, parent, lambda progress, cancelled: "done")
    qtbot.waitUntil(lambda: out.over, timeout=5000)
    assert out.result == "done"
    assert task.dialog is None  # finished before the dialog was due: it was never made
    # Nor does it appear later: the timer was stopped with the task.
    qtbot.wait(SHOW_AFTER_MS + 200)
    assert task.dialog is None and out.error is None


def test_slow_work_shows_progress_after_the_delay_and_cancels_quietly(qtbot, threaded_ctx):
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    halfway = threading.Event()
    release = threading.Event()  # never set: only cancelling ends the work
    seen_cancel = threading.Event()

    def work(progress, cancelled):  # type: ignore[no-untyped-def]
        step(3, 10, progress, cancelled)
        halfway.set()
        try:
            while not release.wait(0.005):
                step(3, 10, progress, cancelled)  # raises Cancelled once cancel was pressed
        except Cancelled:
            seen_cancel.set()
            raise
        return "finished"

    started = time.monotonic()
    task, out = start(threaded_ctx, parent, work)
    assert halfway.wait(5)
    assert task.dialog is None  # the work has begun, but nothing is shown yet
    qtbot.waitUntil(lambda: task.dialog is not None and task.dialog.isVisible(), timeout=5000)
    shown_after = time.monotonic() - started
    assert shown_after >= (SHOW_AFTER_MS - 50) / 1000
    dialog = task.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.maximum() == 10 and dialog.value() == 3, timeout=3000)
    (cancel,) = [b for b in dialog.findChildren(QPushButton) if b.isVisible()]
    assert cancel.text() == "Batal"
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: out.over, timeout=5000)
    assert seen_cancel.is_set()
    assert out.cancelled and out.error is None and out.result is None
    assert task.finished and task.dialog is None  # closed, no error box left behind


def test_failure_is_an_error_not_a_cancel(qtbot, threaded_ctx):
    parent = QWidget()
    qtbot.addWidget(parent)

    def work(progress, cancelled):  # type: ignore[no-untyped-def]
        raise OSError(28, "No space left on device")

    _task, out = start(threaded_ctx, parent, work)
    qtbot.waitUntil(lambda: out.over, timeout=5000)
    assert isinstance(out.error, OSError) and not out.cancelled
