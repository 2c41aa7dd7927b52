"""The counter number and the services it calls are this workstation's settings: set on the
queue page, they are still there in a new window (new context, new page) after a restart."""

import pytest

from PySide6.QtCore import Qt

from app.changes import Changes
from app.config import load_settings, settings_path
from app.i18n import language, set_language
from app.queue import tickets as queue

from ui.context import DeskContext
from ui.queue.queue_page import QueuePage
from ui.workers import TaskRunner

CODE = "MUARAENIM"


@pytest.fixture(autouse=True)
def _english_window():
    before = language()
    set_language("en")
    yield
    set_language(before)


def _window(qtbot, show_page, db, settings):
    ctx = DeskContext(db, settings, runner=TaskRunner(synchronous=True))
    page = show_page(QueuePage(ctx), 1100, 760)
    return ctx, page


def test_counter_and_services_persist_across_a_restart(qtbot, show_page, sqlite_db, settings):
    ctx, page = _window(qtbot, show_page, sqlite_db, settings)
    assert page.counter_edit.text() == "1"  # the default, as before
    assert all(check.isChecked() for check in page.service_checks.values())
    changes = []
    ctx.changed.connect(changes.append)
    page.counter_edit.setFocus()
    page.counter_edit.selectAll()
    qtbot.keyClicks(page.counter_edit, "3")
    qtbot.keyClick(page.counter_edit, Qt.Key.Key_Return)
    page.service_checks["B"].setChecked(False)
    page.service_checks["C"].setChecked(False)
    assert Changes(settings=True) in changes
    saved = load_settings()
    assert saved.counter == "3" and saved.counter_services == ["A", "D"]
    assert ctx.counter == "3" and ctx.settings.counter_services == ["A", "D"]
    page.close()
    ctx.close()

    # The next start: settings read from the file, a new context and page.
    ctx2, page2 = _window(qtbot, show_page, sqlite_db, load_settings())
    assert page2.counter_edit.text() == "3" and ctx2.counter == "3"
    assert {p for p, c in page2.service_checks.items() if c.isChecked()} == {"A", "D"}
    queue.issue_ticket(sqlite_db, CODE, "B")
    d = queue.issue_ticket(sqlite_db, CODE, "D")
    qtbot.keyClick(page2, Qt.Key.Key_F2)
    called = queue.find_ticket(sqlite_db, CODE, d.number)
    assert called.status == "called" and called.counter == "3"  # B is not this counter's
    ctx2.close()


def test_all_services_ticked_is_saved_as_every_service(qtbot, show_page, sqlite_db, settings):
    ctx, page = _window(qtbot, show_page, sqlite_db, settings)
    page.service_checks["A"].setChecked(False)
    assert load_settings().counter_services == ["B", "C", "D"]
    page.service_checks["A"].setChecked(True)
    assert load_settings().counter_services == []  # every service, also one added later
    for check in page.service_checks.values():
        check.setChecked(False)
    # None ticked is not saved (it would read as "every service"); the last choice stays.
    assert load_settings().counter_services == ["D"]
    qtbot.keyClick(page, Qt.Key.Key_F2)
    assert "at least one service" in page.banner.text()
    ctx.close()


def test_the_streak_cap_from_settings_is_used_by_the_page(qtbot, show_page, sqlite_db, settings):
    settings.priority_streak_cap = 1
    ctx, page = _window(qtbot, show_page, sqlite_db, settings)
    normal = queue.issue_ticket(sqlite_db, CODE, "A")
    queue.issue_ticket(sqlite_db, CODE, "A", "lansia")
    queue.issue_ticket(sqlite_db, CODE, "A", "lansia")
    called = []
    for _ in range(3):
        qtbot.keyClick(page, Qt.Key.Key_F2)
        called.append(page.number_label.text())
        qtbot.keyClick(page, Qt.Key.Key_F5)
    assert called == ["A-002", normal.number, "A-003"]
    ctx.close()


def test_a_settings_file_that_cannot_be_written_is_said(qtbot, show_page, sqlite_db, settings):
    ctx, page = _window(qtbot, show_page, sqlite_db, settings)
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().mkdir()  # a folder where the file should be: writing fails
    page.service_checks["D"].setChecked(False)
    assert page.banner.kind == "error" and "settings file" in page.banner.text()
    # In force for this run all the same: the clerk's choice is not undone on screen.
    assert ctx.settings.counter_services == ["A", "B", "C"]
    assert not page.service_checks["D"].isChecked()
    ctx.close()
