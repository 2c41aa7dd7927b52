"""What the window does for the database beyond the pages: offer the latest sound backup when
the database is found damaged at start, and take the automatic backups while it runs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from app.i18n import _

from ui.admin.backup_box import EVERYTHING, contents_text
from ui.context import DeskContext

CHECK_EVERY_MS = 5 * 60_000  # the clock is looked at every five minutes
FIRST_CHECK_MS = 90_000  # and once shortly after start, behind the first page's reads


def is_damage(ctx: DeskContext, exc: BaseException) -> bool:
    """Whether *exc* says the SQLite file is damaged (not locked, missing or refused)."""
    from app.db.faults import database_fault, sqlite_file

    if sqlite_file(getattr(ctx.db, "url", None)) is None:
        return False
    fault = database_fault(exc, ctx.db.url)
    return fault is not None and fault.key in ("db.corrupt", "db.not_database")


def offer_restore(window: QWidget, ctx: DeskContext, exc: BaseException,
                  otherwise: Callable[[], None]) -> None:  # fmt: skip
    """The database is damaged: find the latest sound backup on the worker and offer it;
    *otherwise* (no backup, or the answer is no) goes on as before."""
    from app.admin.backups import backup_folder, chosen_folder
    from app.admin.restore import latest_sound_backup

    folders = [chosen_folder(ctx.settings), backup_folder()]  # the chosen one first

    def find():  # type: ignore[no-untyped-def]
        return next(filter(None, map(latest_sound_backup, folders)), None)

    def found(contents) -> None:  # type: ignore[no-untyped-def]
        if contents is None:
            otherwise()
            return
        box = QMessageBox(QMessageBox.Icon.Critical, "KanimDesk", ctx.reason(exc), parent=window)
        box.setInformativeText(
            _("Restore the latest sound backup?") + "\n\n" + contents_text(contents)
        )
        restore = box.addButton(_("&Restore"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(_("Not now"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(restore)
        window.restore_offer = box  # type: ignore[attr-defined]
        box.finished.connect(lambda _r: (_restore(window, ctx, contents.path)
                                         if box.clickedButton() is restore else otherwise()))  # fmt: skip
        box.open()

    ctx.runner.run(find, found, lambda _e: otherwise())


def _restore(window: QWidget, ctx: DeskContext, path: Path) -> None:
    from app.admin.restore import restore
    from app.db.engine import Database

    url, settings = ctx.db.url, ctx.settings

    def work():  # type: ignore[no-untyped-def]
        db = Database(url, create=False)
        try:
            return restore(db, path, settings, damaged_at_start=True)
        finally:
            db.dispose()

    def done(result) -> None:  # type: ignore[no-untyped-def]
        QMessageBox.information(
            window,
            "KanimDesk",
            _("Restored. The damaged database was kept as {0}").format(result.aside),
        )
        reopen = getattr(ctx.db, "reopen", None)
        if reopen is not None:
            reopen()
        ctx.changed.emit(EVERYTHING)
        start = getattr(window, "start_accounts", None)
        if start is not None:
            start()

    ctx.runner.run(work, done, lambda e: QMessageBox.critical(window, "KanimDesk", ctx.reason(e)))


class AutoBackups(QObject):
    """Takes the automatic backups (app.admin.backups.automatic_backup) on the worker."""

    def __init__(self, ctx: DeskContext, say: Callable[[str], None], parent: QObject | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self._say = say
        self._running = False
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        QTimer.singleShot(FIRST_CHECK_MS, self.check)
        self.timer.start(CHECK_EVERY_MS)

    def check(self) -> None:
        if self._running or getattr(self.ctx.db, "refused", None) is not None:
            return
        from app.admin.backups import automatic_backup

        db, settings = self.ctx.db, self.ctx.settings
        self._running = True
        self.ctx.runner.run(lambda: automatic_backup(db, settings), self._done, self._failed)

    def _done(self, made) -> None:  # type: ignore[no-untyped-def]
        self._running = False
        if made is not None:
            self._say(_("Automatic backup saved and checked: {0}").format(made.info.path))

    def _failed(self, exc: BaseException) -> None:
        self._running = False
        self._say(_("The automatic backup failed: {0}").format(self.ctx.reason(exc)))
