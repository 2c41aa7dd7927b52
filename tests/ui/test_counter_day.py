"""A day at two counters, through the windows the office uses: walk-ins get numbers, counter 1
and counter 2 call, transfer, mark a no-show and finish, the waiting-room display shows and
speaks each call, and one applicant goes through every stage to collection with a printed
receipt. Each workstation has its own context over the same database file and hears the
other through its change watch, as two PCs would."""

from __future__ import annotations

import os
from datetime import datetime

import pytest
from sqlalchemy import select

from PySide6.QtCore import Qt, QTimer
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QApplication

from app.db.engine import Database
from app.db.models import ApplicationStage, AuditLog, QueueEvent, Ticket
from app.desk.stages import may_advance

from tests.app.desk.walk_ins import register_walk_ins
from tests.pii import assert_no_personal_data
from ui.context import DeskContext
from ui.desk.applications_page import ApplicationsPage
from ui.desk.step_dialogs import PaymentDialog
from ui.queue.audio import RecordingSink
from ui.queue.display_window import QueueDisplayWindow
from ui.queue.queue_page import QueuePage
from ui.workers import TaskRunner

PRINTER = os.environ.get("KANIMDESK_TEST_PRINTER")


@pytest.fixture
def office(sqlite_db, settings):
    """Three workstations on one SQLite file: counter 1, counter 2 and the display PC."""
    made: list[tuple[DeskContext, Database]] = []

    def workstation(counter: str, officer: str) -> DeskContext:
        db = Database(sqlite_db.url)
        ctx = DeskContext(db, settings, runner=TaskRunner(synchronous=True))
        ctx.counter, ctx.officer = counter, officer
        made.append((ctx, db))
        return ctx

    yield workstation
    for ctx, db in made:
        ctx.close()
        db.dispose()


def _status(db, number: str) -> str:
    prefix, sequence = number.split("-")
    with db.session() as s:
        t = s.scalars(
            select(Ticket).where(Ticket.prefix == prefix, Ticket.sequence == int(sequence))
        )
        return t.one().status


def _accept_print_dialog() -> None:
    """Press OK in the print dialog once it is up (it runs its own event loop)."""

    def accept() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QPrintDialog):
            dialog.printer().setPrinterName(PRINTER or "")
            if not PRINTER:
                dialog.printer().setOutputFileName(os.devnull)
            dialog.accept()
        else:
            QTimer.singleShot(50, accept)

    QTimer.singleShot(50, accept)


def _at(qtbot, page) -> None:
    """The clerk's hands go to *page*: its window is the active one (F-keys work there only)."""
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)


def test_a_day_at_two_counters(qtbot, sqlite_db, settings, office, show_page):
    one, two, hall = office("1", "sri.w"), office("2", "maya.l"), office("", "display")
    # Four walk-ins at the registration desk: A-001 … A-004, one application each.
    apps = register_walk_ins(sqlite_db, settings, 4, datetime.now())
    sink = RecordingSink()
    display = show_page(QueueDisplayWindow(hall, sink=sink), 1366, 768)
    counter_one = show_page(QueuePage(one), 1176, 640)
    counter_two = show_page(QueuePage(two), 1176, 640)
    for ctx in (one, two, hall):
        ctx.watch.start()
    qtbot.waitUntil(lambda: all(c.watch.polls > 0 for c in (one, two, hall)), timeout=3000)

    # Counter 1 calls A-001; counter 2, at the same moment, gets the next one, never the same.
    _at(qtbot, counter_one)
    qtbot.keyClick(counter_one, Qt.Key.Key_F2)
    _at(qtbot, counter_two)
    qtbot.keyClick(counter_two, Qt.Key.Key_F2)
    assert counter_one.number_label.text() == "A-001"
    assert counter_two.number_label.text() == "A-002"
    # The hall hears both calls, in order, within a second of each.
    qtbot.waitUntil(
        lambda: (
            sink.labels
            == [
                "Nomor antrean A satu, silakan ke loket satu",
                "Nomor antrean A dua, silakan ke loket dua",
            ]
        ),
        timeout=1000,
    )
    assert display.number_label.text() == "A-002"
    # Counter 1 sees counter 2's call in its list without reloading by hand.
    qtbot.waitUntil(
        lambda: (
            counter_one.model.ticket_at(counter_one.model.row_of(_id(sqlite_db, "A-002"))).status
            == "called"
        ),
        timeout=1000,
    )

    # Counter 2: A-002 does not come: no-show; the next, A-003, goes on to the interview service.
    _at(qtbot, counter_two)
    qtbot.keyClick(counter_two, Qt.Key.Key_F6)
    assert _status(sqlite_db, "A-002") == "no_show"
    qtbot.keyClick(counter_two, Qt.Key.Key_F2)
    assert counter_two.number_label.text() == "A-003"
    counter_two.transfer_combo.setCurrentIndex(counter_two.transfer_combo.findData("B"))
    qtbot.mouseClick(counter_two.transfer_button, Qt.MouseButton.LeftButton)
    assert _status(sqlite_db, "A-003") == "waiting"

    # Counter 1 serves A-001 to the end, then moves its application through every stage.
    _at(qtbot, counter_one)
    qtbot.keyClick(counter_one, Qt.Key.Key_F4)
    qtbot.keyClick(counter_one, Qt.Key.Key_F5)
    assert _status(sqlite_db, "A-001") == "done"

    applications = show_page(ApplicationsPage(one), 1176, 640)
    applications.open_application(apps[0])
    qtbot.waitUntil(lambda: applications.detail.view is not None)
    path = ["wawancara", "pembayaran", "verifikasi", "pencetakan", "siap", "penyerahan"]
    for stage in path:
        assert applications.detail.view.next_stages[0] == stage
        _at(qtbot, applications)
        if stage == "pembayaran":
            qtbot.keyClick(applications, Qt.Key.Key_F5)
            dialog = next(
                w
                for w in QApplication.topLevelWidgets()
                if isinstance(w, PaymentDialog) and w.isVisible()
            )
            dialog.billing_code.setText("820240708000123")
            with qtbot.waitSignal(applications.detail.stepped):
                dialog.buttons.accepted.emit()
            view = applications.detail.view
            assert view.paid_amount == view.fee_total and view.collection_date is not None
            # The receipt is printed once payment is made (the collection date is on it).
            _accept_print_dialog()
            qtbot.keyClick(applications, Qt.Key.Key_F12)
            qtbot.waitUntil(lambda: _audited(sqlite_db, "receipt_printed"), timeout=20_000)
        else:
            with qtbot.waitSignal(applications.detail.stepped):
                qtbot.keyClick(applications, Qt.Key.Key_F5)
        assert applications.detail.view.stage == stage

    # The record of the day: each step by whom and where, no ticket called twice.
    with sqlite_db.session() as s:
        steps = s.scalars(
            select(ApplicationStage)
            .where(ApplicationStage.application_id == apps[0])
            .order_by(ApplicationStage.id)
        ).all()
        assert [r.stage for r in steps] == ["berkas", *path]
        assert all(may_advance(a.stage, b.stage) for a, b in zip(steps, steps[1:], strict=False))
        assert {r.officer for r in steps[1:]} == {"sri.w"} and {r.counter for r in steps[1:]} == {
            "1"
        }
        calls = s.execute(
            select(QueueEvent.ticket_id, QueueEvent.counter).where(QueueEvent.event == "call")
        ).all()
        assert len(calls) == len({t for t, _c in calls}) == 3
    # What the waiting room saw and heard holds no name and no NIK.
    assert_no_personal_data(display.text_shown())
    assert "PEMOHON" not in display.text_shown().upper()


def _id(db, number: str) -> int:
    prefix, sequence = number.split("-")
    with db.session() as s:
        return s.scalars(
            select(Ticket.id).where(Ticket.prefix == prefix, Ticket.sequence == int(sequence))
        ).one()


def _audited(db, action: str) -> bool:
    with db.session() as s:
        return s.scalar(select(AuditLog.id).where(AuditLog.action == action)) is not None
