"""What every page needs: the database, settings, who is at the counter, and the `changed` signal."""

from __future__ import annotations

import dataclasses
import gc
import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QObject, Qt, Signal

from app.changes import Changes, changes_of
from app.config import Settings, save_settings

from ui.queue.change_watch import ChangeWatch
from ui.workers import TaskRunner

if TYPE_CHECKING:
    from app.db.engine import Database

log = logging.getLogger(__name__)


class DeferredDatabase:
    """Opens (and creates or upgrades) the database on first use, on the worker thread.

    The window shows before SQLAlchemy and the schema check have loaded; the first
    task a page queues opens the database, and later tasks find it open.
    """

    def __init__(self, url: str, settings: Settings, *, create: bool | None = None):
        from app.config import default_db_url

        self.url = url
        self._settings = settings
        # Only the default file may be made; any other missing file is refused by name.
        self.create = url == default_db_url() if create is None else create
        self.on_busy: Callable[[int, int], None] | None = None
        self._db: Database | None = None
        self._lock = threading.Lock()

    def open(self) -> Database:
        with self._lock:
            if self._db is None:
                from app.db.engine import Database
                from app.db.setup import init_database

                db = Database(self.url, create=self.create)
                db.on_busy = self.on_busy
                init_database(db, self._settings)
                self._db = db
                # SQLAlchemy, Alembic and the models are loaded now and live as long as the
                # program: move them out of the collector's sight. A full collection scanned
                # them each time (100–490 ms holding the GIL, a frozen window; measured by
                # bench/bench_ui_stalls.py); gc.freeze() is CPython's remedy for such objects.
                gc.freeze()
            return self._db

    def reopen(self) -> None:
        """Open again at the next use (after a restore replaced the file)."""
        with self._lock:
            if self._db is not None:
                self._db.dispose()
            self._db = None

    @property
    def is_open(self) -> bool:
        return self._db is not None

    def __getattr__(self, name: str) -> Any:
        return getattr(self.open(), name)


class DeskContext(QObject):
    """Shared by the main window and its pages.

    `changed(Changes)` is emitted after a service changed data, with the service's own
    account of what it changed (app.changes.Changes); each page decides from its flags
    whether to reload. Pages never emit it themselves: they run writing services
    through `run_op`, which re-emits what the service returned. `watch` (ChangeWatch)
    emits it too when another workstation changed the queue or an application.
    """

    changed = Signal(object)  # app.changes.Changes
    # "Busy, retrying" while another program holds the database (delivered on the UI thread).
    busy = Signal(str)
    _busy_from_worker = Signal(str)

    def __init__(self, db: Database | DeferredDatabase, settings: Settings,
                 runner: TaskRunner | None = None, parent=None, *, lang: str | None = None):  # fmt: skip
        super().__init__(parent)
        # A language chosen for this run only (kanimdesk --lang); None follows the settings.
        self._lang = lang
        # A DeferredDatabase stands in for the Database until it opens; pages see one type.
        self.db = cast("Database", db)
        self.settings = settings
        self.runner = runner or TaskRunner(self)
        self.counter = settings.counter or "1"
        self._officer: str | None = None
        self._busy_from_worker.connect(self.busy.emit, Qt.ConnectionType.QueuedConnection)
        self.db.on_busy = self._say_busy
        # Runs while a page that shows the queue is visible, or from start() to close().
        self.watch = ChangeWatch(self)

    @property
    def officer(self) -> str:
        """Who the steps, events, prints and exports of this window name: the signed-in
        account, or the operating-system user when the office runs without accounts."""
        from app.admin import session

        if self._officer is not None:
            return self._officer
        who = session.current()
        return who.username if who is not None else session.os_user()

    @officer.setter
    def officer(self, name: str | None) -> None:
        """A fixed officer for this context (several simulated counters in one process)."""
        self._officer = name

    def close(self) -> None:
        """The window is closing: stop watching other workstations (waits for the thread)."""
        self.watch.stop()

    @property
    def lang(self) -> str:
        return self._lang or self.settings.language

    def _say_busy(self, attempt: int, attempts: int) -> None:
        from app.i18n import text

        # Called on the worker thread: only a queued signal may carry it to a widget.
        self._busy_from_worker.emit(text("db.busy", self.lang, attempt=attempt, attempts=attempts))

    def reason(self, exc: BaseException, fallback: str | None = None) -> str:
        """What the clerk reads for a task's exception: a refusal's or a database fault's own
        words (never SQL, its parameters or a NIK), else *fallback* with "{0}" = what failed.

        Every page turns a worker's exception into a banner through this one function.
        """
        from app.db.faults import fault_message
        from app.i18n import _
        from app.logs import log_file, redact
        from app.problems import InputRejected

        if isinstance(exc, InputRejected):
            return exc.message(self.lang)
        words = fault_message(exc, self.lang, getattr(self.db, "url", None))
        if words is not None:
            return words
        if callable(getattr(exc, "message", None)):  # PrintError and others that explain themselves
            return str(exc.message(self.lang))  # type: ignore[attr-defined]
        log.error("task failed", exc_info=exc)
        if isinstance(exc, OSError) and exc.strerror:
            what = f"{exc.strerror}: {exc.filename}" if exc.filename else exc.strerror
        else:
            what = f"{exc.__class__.__name__}: {exc}" if str(exc) else exc.__class__.__name__
        template = fallback or _("Could not complete the action: {0}. Nothing was lost; try again.")
        return (
            template.format(redact(what))
            + " "
            + _("Details are in the log file {0}.").format(log_file())
        )

    def run_op(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Run a writing service on the worker; on success call *on_done*, then emit what it changed.

        What it writes is marked as this window's own, so the watch does not announce it again.
        """
        watch = self.watch

        def write() -> Any:
            with watch.own.writing():
                return work()

        def done(result: Any) -> None:
            if on_done is not None:
                on_done(result)
            changes = changes_of(result)
            if changes:
                self.changed.emit(changes)

        self.runner.run(write, done, on_error)

    def set_counter(
        self,
        counter: str,
        services: list[str] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """This workstation now works as counter *counter*, calling *services* (None: as
        before; []: every service) — kept in the settings file, so the next start keeps it.

        ctx.counter changes at once (the next call uses it); the file is written on the
        worker, then ctx.settings follows and ctx.changed(Changes(settings=True)) says so:
        the status bar and the display show the counter. A file that cannot be written
        leaves both in force for this run, and *on_error* says why.
        """
        services = list(self.settings.counter_services) if services is None else list(services)
        if counter == self.counter and services == list(self.settings.counter_services):
            return
        self.counter = counter
        new = dataclasses.replace(self.settings, counter=counter, counter_services=services)

        def in_force() -> None:
            # Whatever else changed in the settings meanwhile stays; only these two are ours.
            self.settings = dataclasses.replace(
                self.settings, counter=new.counter, counter_services=new.counter_services
            )

        def not_saved(exc: BaseException) -> None:
            in_force()
            self.changed.emit(Changes(settings=True))
            if on_error is not None:
                on_error(exc)

        self.run_op(lambda: _save_workstation(new), lambda _changes: in_force(), not_saved)

    def apply_settings(self, settings: Settings) -> Changes:
        """Put *settings* in force: the office profile into the database, then the settings file.

        Runs on the worker (``run_op(lambda: ctx.apply_settings(new), on_done)``) and touches
        no widget and no attribute of this context: *on_done* sets ``ctx.settings`` on the UI
        thread and run_op emits the Changes returned here. The file is written only once the
        database has accepted the office, so a refusal leaves it as it was.
        """
        from app.db.setup import apply_office

        # The office profile is the office's (settings.write); this PC's printer, language and
        # counter are its own, saved for whoever works at it.
        changes = Changes()
        if settings.office != self.settings.office:
            changes = apply_office(self.db, settings)
        save_settings(settings)
        return changes | Changes(settings=True)


def _save_workstation(settings: Settings) -> Changes:
    """Write this workstation's settings file (counter, services): no database involved."""
    save_settings(settings)
    return Changes(settings=True)
