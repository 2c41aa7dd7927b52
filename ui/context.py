"""What every page needs: the database, settings, who is at the counter, and the `changed` signal."""

from __future__ import annotations

import getpass
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QObject, Signal

from app.changes import Changes, changes_of
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

    `changed(Changes)` is emitted after a service changed data, with the service's own
    account of what it changed (app.changes.Changes); each page decides from its flags
    whether to reload. Pages never emit it themselves: they run writing services
    through `run_op`, which re-emits what the service returned.
    """

    changed = Signal(object)  # app.changes.Changes

    def __init__(self, db: Database | DeferredDatabase, settings: Settings,
                 runner: TaskRunner | None = None, parent=None, *, lang: str | None = None):  # fmt: skip
        super().__init__(parent)
        # A language chosen for this run only (kanimdesk --lang); None follows the settings.
        self._lang = lang
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
        return self._lang or self.settings.language

    def run_op(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Run a writing service on the worker; on success call *on_done*, then emit what it changed."""

        def done(result: Any) -> None:
            if on_done is not None:
                on_done(result)
            changes = changes_of(result)
            if changes:
                self.changed.emit(changes)

        self.runner.run(work, done, on_error)

    def set_counter(self, counter: str) -> None:
        """This workstation now works as counter *counter* (for this run; the settings file keeps its own)."""
        if counter != self.counter:
            self.counter = counter
            self.changed.emit(
                Changes(settings=True)
            )  # the status bar and the display show the counter

    def apply_settings(self, settings: Settings) -> None:
        from app.db.setup import apply_office

        save_settings(settings)
        apply_office(self.db, settings)
        self.settings = settings
        self.changed.emit(Changes(settings=True, office=True))
