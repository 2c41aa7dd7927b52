"""Backups from the Settings page: Back up now writes a checked file into the chosen folder;
Restore shows the backup's date and contents and asks before replacing anything."""

from __future__ import annotations

import dataclasses
from datetime import datetime

from PySide6.QtWidgets import QMessageBox

from app.admin import session
from app.admin.users import add_user

from tests.app.desk.walk_ins import register_walk_ins
from ui.settings.settings_page import SettingsPage


def test_back_up_now_then_restore_after_confirmation(qtbot, ctx, sqlite_db, settings, tmp_path,
                                                     show_page):  # fmt: skip
    folder = tmp_path / "usb"
    folder.mkdir()
    ctx.settings = dataclasses.replace(settings, backup_folder=str(folder))
    register_walk_ins(sqlite_db, settings, 3, datetime(2026, 11, 30, 9, 0))
    page = show_page(SettingsPage(ctx), 1366, 698)
    box = page.backup_box
    box.back_up_now()
    (made,) = list(folder.iterdir())
    assert "tersimpan dan diperiksa" in box.result.text()
    register_walk_ins(sqlite_db, settings, 2, datetime(2026, 11, 30, 10, 0), start=20)
    with qtbot.waitSignal(ctx.changed, timeout=5000) as changed:
        box.check_backup(made)
        confirm = box.confirm_box
        assert isinstance(confirm, QMessageBox)
        details = confirm.informativeText()
        assert "Dibuat:" in details and "3 permohonan" in details and "utuh" in details
        restore = next(b for b in confirm.buttons() if b.text() == "&Pulihkan")
        restore.click()
    assert changed.args[0].applications and changed.args[0].tickets
    assert "Dipulihkan" in box.result.text()
    from app.db.models import Application

    from tests.app.admin.test_restore import _count

    assert _count(sqlite_db, Application) == 3


def test_the_buttons_follow_the_role(ctx, sqlite_db, show_page):
    add_user(sqlite_db, "kepala", "Kepala", "kepala_kantor", "rahasia-kantor-1")
    session.sign_in(session.Actor("kepala", "Kepala", "kepala_kantor"))
    try:
        page = show_page(SettingsPage(ctx), 1366, 698)
        assert page.backup_box.backup_button.isVisible()
        assert not page.backup_box.restore_button.isVisible()
        assert all(e.isReadOnly() for e in page.office.values())
    finally:
        session.run_open()
