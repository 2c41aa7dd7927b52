"""Queue page driven by its keys (F2–F6) on a real SQLite database; the queue display window."""

from datetime import date

import pytest
from sqlalchemy import select

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QStackedWidget

from app.changes import Changes
from app.db.models import QueueEvent, Ticket
from app.desk.registration import RegistrationForm, register
from app.i18n import label, language, set_language
from app.queue import tickets as queue
from app.queue.numbering import SERVICE_NAMES

from ui.context import DeskContext
from ui.queue.display_window import QueueDisplayWindow
from ui.queue.queue_page import QueuePage
from ui.queue.ticket_table import COL_NUMBER
from ui.workers import TaskRunner

CODE = "MUARAENIM"


@pytest.fixture(autouse=True)
def _english_window():
    """The window's own words in English, the office's (ctx.lang) in Indonesian: these tests were
    written when no translator was installed in tests, and they read both."""
    before = language()
    set_language("en")
    yield
    set_language(before)


@pytest.fixture
def ctx(sqlite_db, settings):
    context = DeskContext(sqlite_db, settings, runner=TaskRunner(synchronous=True))
    context.counter = "2"
    context.officer = "petugas1"
    return context


@pytest.fixture
def page(qtbot, ctx):
    widget = QueuePage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1100, 760)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


def _issue_three(db):
    """A-001 and B-001 normal, then A-002 for an elderly walk-in: A-002 is called first."""
    queue.issue_ticket(db, CODE, "A")
    queue.issue_ticket(db, CODE, "B")
    return queue.issue_ticket(db, CODE, "A", priority="lansia")


def _status(db, ticket_id):
    with db.session() as s:
        return s.get(Ticket, ticket_id).status


def _events(db, ticket_id):
    with db.session() as s:
        rows = s.scalars(
            select(QueueEvent).where(QueueEvent.ticket_id == ticket_id).order_by(QueueEvent.id)
        )
        return [(e.event, e.counter, e.officer) for e in rows]


def test_call_start_finish_by_keys(qtbot, page, sqlite_db):
    elderly = _issue_three(sqlite_db)
    page.refresh()
    qtbot.keyClick(page, Qt.Key.Key_F2)
    assert page.number_label.text() == "A-002"
    assert "Lansia" in page.state_label.text()
    assert page.announce_label.text() == "Nomor antrean A dua, silakan ke loket 2."
    assert _status(sqlite_db, elderly.id) == "called"
    qtbot.keyClick(page, Qt.Key.Key_F4)
    assert _status(sqlite_db, elderly.id) == "serving"
    assert page.state_label.text().startswith("Dilayani")
    qtbot.keyClick(page, Qt.Key.Key_F5)
    assert _status(sqlite_db, elderly.id) == "done"
    assert _events(sqlite_db, elderly.id) == [
        ("issued", None, None),
        ("call", "2", "petugas1"),
        ("start", "2", "petugas1"),
        ("finish", "2", "petugas1"),
    ]
    assert "Done: 1" in page.summary_label.text() and "Waiting: 2" in page.summary_label.text()
    # The table shows the new state too (the page reloads on ctx.changed(Changes(tickets=True))).
    row = page.model.row_of(elderly.id)
    assert page.model.ticket_at(row).status == "done"


def test_no_show_recall_and_return_to_queue(qtbot, page, sqlite_db):
    first = queue.issue_ticket(sqlite_db, CODE, "A")
    page.refresh()
    qtbot.keyClick(page, Qt.Key.Key_F2)
    qtbot.keyClick(page, Qt.Key.Key_F3)
    assert "A-001" in page.banner.text()
    qtbot.keyClick(page, Qt.Key.Key_F6)
    assert _status(sqlite_db, first.id) == "no_show"
    assert page.requeue_button.isEnabled() and not page.start_button.isEnabled()
    qtbot.mouseClick(page.requeue_button, Qt.MouseButton.LeftButton)
    assert _status(sqlite_db, first.id) == "waiting"
    assert page.number_label.text() == "—"
    assert [e[0] for e in _events(sqlite_db, first.id)] == [
        "issued",
        "call",
        "recall",
        "no_show",
        "requeue",
    ]
    qtbot.keyClick(page, Qt.Key.Key_F2)  # back in the queue: called again with the same number
    assert page.number_label.text() == "A-001"


def test_transfer_keeps_the_number(qtbot, page, sqlite_db):
    ticket = queue.issue_ticket(sqlite_db, CODE, "A")
    page.refresh()
    qtbot.keyClick(page, Qt.Key.Key_F2)
    page.transfer_combo.setCurrentIndex(page.transfer_combo.findData("B"))
    qtbot.mouseClick(page.transfer_button, Qt.MouseButton.LeftButton)
    moved = queue.find_ticket(sqlite_db, CODE, "A-001")
    assert moved.id == ticket.id and moved.status == "waiting"
    assert label(SERVICE_NAMES, moved.service_prefix, "id") == "Paspor hilang / rusak (wawancara)"
    assert "A-001" in page.banner.text() and "B ·" in page.banner.text()
    with sqlite_db.session() as s:
        event = s.scalars(select(QueueEvent).where(QueueEvent.event == "transfer")).one()
        assert event.detail == "B" and event.counter == "2"


def test_empty_queue_and_no_service_ticked(qtbot, page):
    qtbot.keyClick(page, Qt.Key.Key_F2)
    assert page.banner.text() == "Tidak ada antrean menunggu."
    for check in page.service_checks.values():
        check.setChecked(False)
    qtbot.keyClick(page, Qt.Key.Key_F2)
    assert "at least one service" in page.banner.text()


def test_counter_serves_only_ticked_services(qtbot, page, sqlite_db):
    _issue_three(sqlite_db)
    page.service_checks["A"].setChecked(False)
    qtbot.keyClick(page, Qt.Key.Key_F2)
    assert page.number_label.text() == "B-001"


def test_refused_verb_shows_reason_not_traceback(qtbot, page, sqlite_db):
    queue.issue_ticket(sqlite_db, CODE, "A")
    page.refresh()
    # The clerk picks a ticket from the list: arrow keys + Enter (or a double-click).
    page.view.setFocus()
    page.view.setCurrentIndex(page.proxy.index(0, COL_NUMBER))
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert page.number_label.text() == "A-001"
    qtbot.keyClick(page, Qt.Key.Key_F5)  # finish a ticket nobody called
    assert page.banner.kind == "error" and "A-001" in page.banner.text()
    assert _status(sqlite_db, page.current.id) == "waiting"


def test_double_click_picks_a_ticket(qtbot, page, sqlite_db):
    queue.issue_ticket(sqlite_db, CODE, "D")
    page.refresh()
    viewport = page.view.viewport()
    at = page.view.visualRect(page.proxy.index(0, COL_NUMBER)).center()
    # QTest's double-click needs the press that a real first click gives.
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=at)
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=at)
    assert page.number_label.text() == "D-001" and "D-001" in page.banner.text()


def test_keys_only_work_while_the_page_is_shown(qtbot, ctx, sqlite_db):
    queue.issue_ticket(sqlite_db, CODE, "A")
    stack = QStackedWidget()
    qtbot.addWidget(stack)
    page = QueuePage(ctx)
    other = QLineEdit()
    stack.addWidget(page)
    stack.addWidget(other)
    stack.setCurrentWidget(other)
    stack.show()
    qtbot.waitExposed(stack)
    stack.activateWindow()
    qtbot.waitUntil(stack.isActiveWindow)
    other.setFocus()
    qtbot.keyClick(other, Qt.Key.Key_F2)
    assert queue.find_ticket(sqlite_db, CODE, "A-001").status == "waiting"
    stack.setCurrentWidget(page)
    page.call_button.setFocus()
    qtbot.keyClick(page.call_button, Qt.Key.Key_F2)
    assert queue.find_ticket(sqlite_db, CODE, "A-001").status == "called"


def test_threaded_runner_keeps_ui_responsive(qtbot, sqlite_db, settings):
    runner = TaskRunner()
    ctx = DeskContext(sqlite_db, settings, runner=runner)
    queue.issue_ticket(sqlite_db, CODE, "C")
    page = QueuePage(ctx)
    qtbot.addWidget(page)
    page.show()  # a hidden page only notes that it must reload
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    with qtbot.waitSignal(runner.idle, timeout=5000):
        page.call_next()
    qtbot.waitUntil(lambda: page.number_label.text() == "C-001", timeout=5000)
    qtbot.waitUntil(lambda: page.model.ticket_at(0).status == "called", timeout=5000)
    assert runner.wait(5000)


def test_buttons_follow_the_service_rules(qtbot, page):
    panel = page.panel
    for status in ("waiting", "called", "serving", "done", "no_show", "cancelled"):
        panel.enable_buttons(False, status)
        for verb, button in panel.verb_buttons.items():
            assert button.isEnabled() == (status in queue.ALLOWED_FROM[verb]), (verb, status)
        assert panel.transfer_button.isEnabled() == (status in queue.ALLOWED_FROM["transfer"]), (
            status
        )


def test_display_shows_called_number_and_no_personal_data(qtbot, page, sqlite_db, settings):
    form = RegistrationForm(nik="1603015507900001", name="Siti Aminah", birth_date=date(1990, 7, 15),
                            sex="P", kind="baru", product="epaspor", validity_years=10)  # fmt: skip
    register(sqlite_db, settings, form)
    queue.issue_ticket(sqlite_db, CODE, "A")
    page.refresh()
    qtbot.mouseClick(page.display_button, Qt.MouseButton.LeftButton)
    display = page.display_window
    assert isinstance(display, QueueDisplayWindow) and display.isVisible()
    assert display.number_label.text() == "—" and display.chimes == 0
    assert "A-001" in display.service_numbers["A"].text()
    qtbot.keyClick(page, Qt.Key.Key_F2)
    assert display.number_label.text() == "A-001"
    # The display speaks its own language (display_language: Indonesian unless set).
    assert display.counter_label.text() == "→ Loket 2"
    assert "dua, silakan ke loket 2" not in display.announce_label.text()
    assert display.announce_label.text() == "Nomor antrean A satu, silakan ke loket 2."
    assert display.chimes == 1
    assert display.service_numbers["A"].text() == "A-002"
    qtbot.keyClick(page, Qt.Key.Key_F3)  # a recall chimes again
    assert display.chimes == 2
    shown = display.text_shown()
    assert "1603015507900001" not in shown and "SITI" not in shown.upper()
    assert settings.office.name in shown
    display.close()


def test_counter_name_is_used_for_calls(qtbot, page, ctx, sqlite_db):
    queue.issue_ticket(sqlite_db, CODE, "A")
    changes = []
    ctx.changed.connect(changes.append)
    page.counter_edit.setFocus()
    page.counter_edit.selectAll()
    qtbot.keyClicks(page.counter_edit, "5")
    qtbot.keyClick(page.counter_edit, Qt.Key.Key_Return)
    assert ctx.counter == "5" and changes == [Changes(settings=True)]
    qtbot.keyClick(page, Qt.Key.Key_F2)
    assert queue.find_ticket(sqlite_db, CODE, "A-001").counter == "5"
