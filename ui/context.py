"""What every page needs: the database, settings, who is at the counter, and the `changed` signal."""

from __future__ import annotations

import getpass

from PySide6.QtCore import QObject, Signal

from app.config import Settings, save_settings
from app.db.engine import Database

from ui.workers import TaskRunner


class DeskContext(QObject):
    """Shared by the main window and its pages.

    `changed(area)` is emitted after a service changed data ("tickets",
    "applications", "settings", "visits", ...); each page decides whether to reload.
    """

    changed = Signal(str)

    def __init__(self, db: Database, settings: Settings, runner: TaskRunner | None = None, parent=None):
        super().__init__(parent)
        self.db = db
        self.settings = settings
        self.runner = runner or TaskRunner(self)
        try:
            self.officer = getpass.getuser()
        except Exception:  # no user name on some kiosk setups
            self.officer = "petugas"
        self.counter = settings.counter or "1"

    @property
    def lang(self) -> str:
        return self.settings.language

    def apply_settings(self, settings: Settings) -> None:
        from app.services.setup import apply_office

        save_settings(settings)
        apply_office(self.db, settings)
        self.settings = settings
        self.changed.emit("settings")
