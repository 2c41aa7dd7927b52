"""The Settings page's box for backups and data protection: where automatic backups go, how long
they are kept, the end-of-day time, the idle lock and the retention period (saved with the
page); and Back up now / Restore…, which act at once on the worker.

Restore shows the backup's date and contents and asks before anything is replaced; the
replaced database is kept aside (app.admin.restore) and every page reloads afterwards.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QWidget,
)

from app.changes import Changes
from app.config import Settings
from app.i18n import _, clock, long_date, number

from ui.context import DeskContext
from ui.settings.queue_settings import note
from ui.widgets.fields import FieldError, checked_field

# Every kind of record: after a restore every page reads the database again.
EVERYTHING = Changes(**{name: True for name in Changes.__dataclass_fields__})


def contents_text(contents) -> str:  # type: ignore[no-untyped-def]  # BackupContents
    """The backup as the confirmation shows it: when, how big, what it holds."""
    from app.admin.restore import TABLE_WORDS

    held = ", ".join(f"{number(n)} {_(TABLE_WORDS[t])}" for t, n in contents.counts.items()
                     if t in TABLE_WORDS and n)  # fmt: skip
    return "\n".join([
        _("Backup: {0}").format(contents.path.name),
        _("Taken: {0}, {1}").format(long_date(contents.taken_at), clock(contents.taken_at)),
        _("Size: {0} bytes; integrity check: sound").format(number(contents.size)),
        _("Holds: {0}").format(held or "–"),
    ])  # fmt: skip


class BackupBox(QGroupBox):
    edited = Signal()

    def __init__(
        self, ctx: DeskContext, errors: dict[str, FieldError], parent: QWidget | None = None
    ):
        super().__init__(_("Backups and data protection"), parent)
        self.ctx = ctx
        self.folder = QLineEdit()
        self.folder.setPlaceholderText(_("(the program's data folder)"))
        self.browse_button = QPushButton(_("&Browse…"))
        self.keep_days = self._spin(1, 365)
        self.backup_time = QLineEdit()
        self.backup_time.setInputMask("99:99;_")
        self.backup_time.setMaximumWidth(80)
        self.idle_lock = self._spin(0, 240)
        self.retention = self._spin(1, 100)
        self.backup_button = QPushButton(_("Back &up now"))
        self.restore_button = QPushButton(_("&Restore from a backup…"))
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.confirm_box: QMessageBox | None = None
        self.busy = False

        form = QFormLayout(self)
        folder_row = QWidget()
        row = QHBoxLayout(folder_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(checked_field(self.folder, errors, "backup_folder"), 1)
        row.addWidget(self.browse_button, 0, Qt.AlignmentFlag.AlignTop)
        folder_row.setFocusProxy(self.folder)
        form.addRow(_("Backup &folder:"), folder_row)
        form.addRow(
            _("&Keep backups (days):"), checked_field(self.keep_days, errors, "backup_keep_days")
        )
        form.addRow(
            _("End-of-day backup &at:"), checked_field(self.backup_time, errors, "backup_time")
        )
        form.addRow(_("&Lock when idle (minutes):"),
                    checked_field(self.idle_lock, errors, "idle_lock_minutes"))  # fmt: skip
        form.addRow(_("Anonymise after (&years):"),
                    checked_field(self.retention, errors, "retention_years"))  # fmt: skip
        form.addRow(note(_(
            "KanimDesk backs the database up by itself once a day and after the end of the working "
            "day, each checked right after it is written; a USB disk or a shared folder keeps "
            "them off this PC. Idle lock 0: never. Applicants not seen for the years set are "
            "anonymised when an administrator runs kanimdesk purge."
        )))  # fmt: skip
        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        form.addRow(buttons)  # across both columns: the box stays as narrow as its fields
        form.addRow(self.result)
        self.result.hide()
        self.folder.textChanged.connect(self.edited)
        self.backup_time.textChanged.connect(self.edited)
        for spin in (self.keep_days, self.idle_lock, self.retention):
            spin.valueChanged.connect(self.edited)
        self.browse_button.clicked.connect(self._browse)
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.ask_restore)

    @staticmethod
    def _spin(low: int, high: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(low, high)
        spin.setMaximumWidth(90)
        return spin

    def tab_order(self) -> list[QWidget]:
        return [self.folder, self.browse_button, self.keep_days, self.backup_time, self.idle_lock,
                self.retention, self.backup_button, self.restore_button]  # fmt: skip

    def fill(self, s: Settings) -> None:
        self.folder.setText(s.backup_folder)
        self.keep_days.setValue(s.backup_keep_days)
        self.backup_time.setText(s.backup_time)
        self.idle_lock.setValue(s.idle_lock_minutes)
        self.retention.setValue(s.retention_years)

    def over(self, s: Settings) -> Settings:
        return dataclasses.replace(
            s, backup_folder=self.folder.text().strip(), backup_keep_days=self.keep_days.value(),
            backup_time=self.backup_time.text().strip(), idle_lock_minutes=self.idle_lock.value(),
            retention_years=self.retention.value())  # fmt: skip

    def apply_role(self, may_back_up: bool, may_restore: bool) -> None:
        self.backup_button.setVisible(may_back_up)
        self.restore_button.setVisible(may_restore)

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, _("Folder for backups"), self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def _say(self, words: str, ok: bool) -> None:
        self.result.setText(words)
        self.result.setStyleSheet("color: #0d652d;" if ok else "color: #a50e0e;")
        self.result.setVisible(bool(words))

    # --- acting at once ------------------------------------------------------

    def back_up_now(self) -> None:
        if self.busy:
            return
        from app.admin.backups import backup, chosen_folder

        db, settings = self.ctx.db, self.ctx.settings
        folder = chosen_folder(settings)

        def work():  # type: ignore[no-untyped-def]
            from datetime import datetime

            folder.mkdir(parents=True, exist_ok=True)
            return backup(db, folder / f"kanimdesk-{datetime.now():%Y%m%d-%H%M%S}.sqlite"
                          if db.is_sqlite else None)  # fmt: skip

        self._start(_("Backing up…"))
        self.ctx.runner.run(work, self._backed_up, self._failed)

    def _backed_up(self, info) -> None:  # type: ignore[no-untyped-def]
        self.busy = False
        self._say(
            _("Backup saved and checked: {0} ({1} bytes)").format(info.path, number(info.size)),
            True,
        )

    def ask_restore(self) -> None:
        from app.admin.backups import chosen_folder

        path, _filter = QFileDialog.getOpenFileName(
            self, _("Restore from a backup"), str(chosen_folder(self.ctx.settings)),
            _("KanimDesk backups (*.sqlite *.pgdump);;All files (*)"))  # fmt: skip
        if path:
            self.check_backup(Path(path))

    def check_backup(self, path: Path) -> None:
        """Describe and check the backup on the worker, then ask before restoring it."""
        if self.busy:
            return
        from app.admin.restore import describe_backup

        db = self.ctx.db
        self._start(_("Checking the backup…"))
        self.ctx.runner.run(lambda: describe_backup(path, db), self._confirm, self._failed)

    def _confirm(self, contents) -> None:  # type: ignore[no-untyped-def]
        self.busy = False
        self._say("", True)
        box = QMessageBox(QMessageBox.Icon.Warning, _("Restore this backup?"),
                          _("The database in use is replaced by this backup. Whatever was "
                            "recorded after it was taken is no longer shown; the replaced "
                            "database is kept aside in the backup folder."), parent=self)  # fmt: skip
        box.setInformativeText(contents_text(contents))
        restore = box.addButton(_("&Restore"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(_("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(box.buttons()[-1])
        self.confirm_box = box
        box.finished.connect(lambda _r: self._answered(box.clickedButton() is restore, contents))
        box.open()

    def _answered(self, go_on: bool, contents) -> None:  # type: ignore[no-untyped-def]
        self.confirm_box = None
        if go_on:
            self.restore(contents.path)

    def restore(self, path: Path) -> None:
        from app.admin.restore import restore

        db, settings = self.ctx.db, self.ctx.settings
        self._start(_("Restoring…"))
        self.ctx.runner.run(lambda: restore(db, path, settings), self._restored, self._failed)

    def _restored(self, done) -> None:  # type: ignore[no-untyped-def]
        self.busy = False
        self._say(_("Restored. The replaced database was kept as {0}").format(done.aside), True)
        self.ctx.changed.emit(EVERYTHING)

    def _start(self, words: str) -> None:
        self.busy = True
        self._say(words, True)

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self._say(self.ctx.reason(exc), False)
