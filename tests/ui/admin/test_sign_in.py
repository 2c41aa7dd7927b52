"""Accounts in the window: sign-in covers the pages until a password is right, each role sees
only its areas, an idle workstation locks and unlocks to what was on screen, and the first
start on an empty database makes the office and its administrator (or runs without)."""

from __future__ import annotations

import pytest

from PySide6.QtCore import Qt

from app.admin import session
from app.admin.audit import audit_rows
from app.admin.users import accounts_exist, add_user

from ui.admin.lock_screen import LOCKED, SIGN_IN
from ui.main_window import MainWindow

PASSWORD = "rahasia-kantor-1"
# What each role finds in the sidebar (the permission table, seen from the window).
AREAS = {
    "petugas_loket": ["registration", "applications", "foreigners", "queue", "reports",
                      "activities", "settings"],
    "supervisor": ["visits", "reports", "activities", "settings"],
    "kepala_kantor": ["applications", "visits", "reports", "activities", "settings", "audit"],
    "administrator": ["applications", "visits", "reports", "activities", "settings", "audit"],
}  # fmt: skip


@pytest.fixture(autouse=True)
def _open_session_after():
    yield
    session.run_open()


@pytest.fixture
def window(ctx, show_page):
    return show_page(MainWindow(ctx), 1366, 698)


def _sign_in(qtbot, window, name: str, password: str) -> None:
    screen = window.lock_screen
    screen.username.setText(name)
    screen.password.setText(password)
    qtbot.mouseClick(screen.sign_in_button, Qt.MouseButton.LeftButton)


def test_sign_in_covers_the_pages_until_the_password_is_right(qtbot, window, sqlite_db):
    add_user(sqlite_db, "rina", "Rina Oktaviani", "petugas_loket", PASSWORD)
    window.start_accounts()
    assert window.shell.currentWidget() is window.lock_screen
    assert window.lock_screen.mode == SIGN_IN and not window.menuBar().isEnabled()
    _sign_in(qtbot, window, "rina", "salah-salah")
    assert window.shell.currentWidget() is window.lock_screen
    assert "salah" in window.lock_screen.message.text()
    assert window.lock_screen.password.text() == ""
    _sign_in(qtbot, window, "rina", PASSWORD)
    assert window.shell.currentWidget() is window.work and window.menuBar().isEnabled()
    assert "Rina Oktaviani (Petugas loket)" in window.status_label.text()
    assert window.ctx.officer == "rina"
    assert window.visible_areas() == AREAS["petugas_loket"]


@pytest.mark.parametrize("role", sorted(AREAS))
def test_each_role_sees_its_areas_and_nothing_else(qtbot, window, sqlite_db, role):
    add_user(sqlite_db, "orang", "Orang Uji", role, PASSWORD)
    window.start_accounts()
    _sign_in(qtbot, window, "orang", PASSWORD)
    assert window.visible_areas() == AREAS[role]
    shown = window.factories[window.sidebar.currentRow()][0]
    assert shown in AREAS[role]
    hidden = [k for k, _t, _f in window.factories if k not in AREAS[role]]
    for key in hidden:  # its Ctrl+N does nothing either
        assert not window._area_actions[key].isVisible()
        window._open_if_shown([k for k, _t, _f in window.factories].index(key))
        assert window.factories[window.sidebar.currentRow()][0] != key


def test_an_idle_workstation_locks_and_unlocks_to_what_was_on_screen(qtbot, window, sqlite_db):
    add_user(sqlite_db, "rina", "Rina Oktaviani", "petugas_loket", PASSWORD)
    window.start_accounts()
    _sign_in(qtbot, window, "rina", PASSWORD)
    page = window.open_area("registration")
    page.form.name.setText("SEDANG DIKETIK")
    window.idle.start(0, msecs=80)
    qtbot.waitUntil(lambda: window.shell.currentWidget() is window.lock_screen, timeout=5000)
    assert window.lock_screen.mode == LOCKED
    assert window.lock_screen.username.text() == "rina" and window.lock_screen.username.isReadOnly()
    assert session.current() is None  # the services refuse while it is locked
    _sign_in(qtbot, window, "rina", PASSWORD)
    assert window.shell.currentWidget() is window.work
    assert page.form.name.text() == "SEDANG DIKETIK"


def test_the_first_start_makes_the_office_and_its_administrator(qtbot, window, sqlite_db):
    window.start_accounts()
    wizard = window.wizard
    qtbot.waitExposed(wizard)
    wizard.name.setText("Kantor Imigrasi Kelas II Non-TPI Baturaja")
    wizard.code.setText("BATURAJA")
    wizard.next()
    wizard.full_name.setText("Budi Santoso")
    wizard.password.setText(PASSWORD)
    wizard.again.setText("lain")
    wizard.accept()
    assert "berbeda" in wizard.message.text() and not accounts_exist(sqlite_db)
    wizard.again.setText(PASSWORD)
    wizard.accept()
    assert accounts_exist(sqlite_db)
    assert session.current().username == "admin"
    assert window.ctx.settings.office.code == "BATURAJA"
    assert "Baturaja" in window.windowTitle()
    assert window.visible_areas() == AREAS["administrator"]


def test_not_now_runs_without_accounts_and_is_not_asked_again(qtbot, window, sqlite_db, ctx):
    window.start_accounts()
    window.wizard.reject()
    assert session.is_open() and window.shell.currentWidget() is window.work
    assert [r.action for r in audit_rows(sqlite_db, action="first_start_skipped")]
    again = MainWindow(ctx)
    qtbot.addWidget(again)
    again.start_accounts()
    assert not hasattr(again, "wizard")


def test_the_administrator_manages_accounts_in_settings(qtbot, window, sqlite_db):
    from app.admin.users import list_users

    add_user(sqlite_db, "admin", "Admin", "administrator", PASSWORD)
    window.start_accounts()
    _sign_in(qtbot, window, "admin", PASSWORD)
    page = window.open_area("settings")
    box = page.users_box
    assert box.isVisible() and [u.username for u in box.model.rows()] == ["admin"]
    box.ask_add()
    name, full, role = box.dialog.fields
    name.setText("rina")
    full.setText("Rina Oktaviani")
    role.setCurrentIndex(role.findData("petugas_loket"))
    box.dialog.new.setText("rahasia-loket-22")
    box.dialog.again.setText("rahasia-loket-22")
    box.dialog.buttons.button(box.dialog.buttons.StandardButton.Ok).click()
    assert "rina" in box.message.text()
    assert [u.username for u in box.model.rows()] == ["admin", "rina"]
    box.view.selectRow(1)
    box.disable()
    assert [u.active for u in list_users(sqlite_db)] == [True, False]


def test_anyone_signed_in_changes_their_own_password(qtbot, window, sqlite_db):
    from app.admin.users import authenticate

    add_user(sqlite_db, "rina", "Rina", "petugas_loket", PASSWORD)
    window.start_accounts()
    _sign_in(qtbot, window, "rina", PASSWORD)
    assert window.password_action.isVisible()
    window._change_password()
    dialog = window.password_dialog
    dialog.current.setText("bukan-ini-sandinya")
    dialog.new.setText("sandi-baru-rina")
    dialog.again.setText("sandi-baru-rina")
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    ok.click()
    assert "salah" in dialog.message.text()
    dialog.current.setText(PASSWORD)
    ok.click()
    assert authenticate(sqlite_db, "rina", "sandi-baru-rina").username == "rina"


@pytest.mark.parametrize("role", ["petugas_loket", "supervisor", "kepala_kantor"])
def test_inside_the_pages_a_role_is_offered_only_what_it_may_do(qtbot, window, sqlite_db, role):
    from app.admin.roles import allowed

    add_user(sqlite_db, "orang", "Orang Uji", role, PASSWORD)
    window.start_accounts()
    _sign_in(qtbot, window, "orang", PASSWORD)
    reports = window.open_area("reports")
    qtbot.waitUntil(lambda: reports.ready, timeout=10000)
    assert reports.save_button.isVisible() == allowed(role, "report.export")
    assert reports.body.tables_xlsx_button.isVisible() == allowed(role, "report.export")
    assert reports.import_button.isVisible() == allowed(role, "figures.import")
    publicity = window.open_area("activities")
    assert publicity.form.isVisible() == allowed(role, "activity.write")
    settings_page = window.open_area("settings")
    assert settings_page.users_box.isVisible() is False
    assert settings_page.backup_box.restore_button.isVisible() is False
