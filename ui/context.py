"""What every page needs: the database, settings, who is at the counter, and the `changed` signal."""

from __future__ import annotations

import getpass
import threading
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QObject, Signal

from app.config import Settings, save_settings

from ui.workers import TaskRunner

if TYPE_CHECKING:
    from app.db.engine import Database


class DeferredDatabase:
    """Opens (and creates or upgrades) the database on first use, on the worker thread.

    The window shows before SQLAlchemy and the schema check have loaded; the first
    task a page queues opens the database, and later tasks find it open.
    """

    def __init__(self, url: str, settings: Settings):
        self.url = url
        self._settings = settings
        self._db: Database | None = None
        self._lock = threading.Lock()

    def open(self) -> Database:
        with self._lock:
            if self._db is None:
                from app.db.engine import Database
                from app.db.setup import init_database

                db = Database(self.url)
                init_database(db, self._settings)
                self._db = db
            return self._db

    def __getattr__(self, name: str) -> Any:
        return getattr(self.open(), name)


class DeskContext(QObject):
    """Shared by the main window and its pages.

    `changed(area)` is emitted after a service changed data ("tickets",
    "applications", "settings", "visits", ...); each page decides whether to reload.
    """

    changed = Signal(str)

    def __init__(self, db: Database | DeferredDatabase, settings: Settings,
                 runner: TaskRunner | None = None, parent=None):  # fmt: skip
        super().__init__(parent)
        # A DeferredDatabase stands in for the Database until it opens; pages see one type.
        self.db = cast("Database", db)
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
        from app.db.setup import apply_office

        save_settings(settings)
        apply_office(self.db, settings)
        self.settings = settings
        self.changed.emit("settings")
