"""A database found damaged at start: the window offers the latest sound backup, restores it
when asked (the damaged file kept aside), and otherwise goes on as before."""

from __future__ import annotations

import sqlite3

from app.admin.backups import backup_folder
from app.db.engine import Database
from app.db.faults import DatabaseFault

from tests.app.admin.test_restore import damaged_after_backup
from ui.admin.start_checks import is_damage, offer_restore
from ui.context import DeskContext
from ui.main_window import MainWindow
from ui.workers import TaskRunner


def _damaged(tmp_path, settings) -> Database:
    path = tmp_path / "live.sqlite"
    damaged_after_backup(path, backup_folder() / "kanimdesk-20261201-153000.sqlite", settings)
    return Database(f"sqlite:///{path}", create=False)


def test_the_latest_sound_backup_is_offered_and_restored(qtbot, tmp_path, settings):
    db = _damaged(tmp_path, settings)
    ctx = DeskContext(db, settings, runner=TaskRunner(synchronous=True))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    fault = DatabaseFault("db.corrupt", {"where": str(db.path)})
    assert is_damage(ctx, fault)
    went_on = []
    offer_restore(window, ctx, fault, lambda: went_on.append(True))
    box = window.restore_offer
    assert "Rabu, 1 Desember 2026" not in box.informativeText()  # it is a Tuesday
    assert "Selasa, 1 Desember 2026 pukul 15.30" in box.informativeText()
    assert "8 permohonan" in box.informativeText()
    restore = next(b for b in box.buttons() if b.text() == "&Pulihkan")
    qtbot.waitUntil(box.isVisible)
    from PySide6.QtWidgets import QMessageBox

    def answer_information() -> None:  # the "Restored" message that follows
        for w in window.findChildren(QMessageBox):
            if w is not box and w.isVisible():
                w.accept()

    from PySide6.QtCore import QTimer

    QTimer.singleShot(200, answer_information)
    restore.click()
    assert not went_on
    check = sqlite3.connect(db.path)
    assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert check.execute("SELECT count(*) FROM application").fetchone()[0] == 8
    check.close()
    kept = sorted(p.name for p in backup_folder().iterdir() if "replaced" in p.name)
    assert [n.endswith(".sqlite") for n in kept] == [True, False]  # the damaged file and its WAL


def test_without_a_backup_the_window_goes_on_as_before(qtbot, sqlite_db, settings):
    ctx = DeskContext(sqlite_db, settings, runner=TaskRunner(synchronous=True))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    went_on = []
    offer_restore(
        window, ctx, DatabaseFault("db.corrupt", {"where": "x"}), lambda: went_on.append(1)
    )
    assert went_on == [1] and not hasattr(window, "restore_offer")
