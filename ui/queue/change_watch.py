"""Sees what other workstations change in the shared database and says so on ctx.changed.

A thread of its own polls app.queue.change_token every POLL_MS (not the pages' single
TaskRunner, where a poll would wait behind slow work); when another process added queue
events or stage rows it emits ``ctx.changed(Changes(tickets=True))`` or
``Changes(applications=True)`` on the UI thread, and pages refresh as after their own
writes. Rows written by this window's own `run_op` are left out (they were announced already).

It runs only while something needs it: a page that shows the queue calls ``follow(self)``
and is watched while it is visible (a hidden page reloads when shown again anyway); the
main window may ``start()`` it for its whole life. ``stop()`` (DeskContext.close, or the
application quitting) ends the thread and waits for it.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal

from app.changes import Changes

if TYPE_CHECKING:
    from app.queue.change_token import ForeignChanges, WriteLog

    from ui.context import DeskContext

log = logging.getLogger(__name__)

POLL_MS = 250  # a call at another counter shows here well within a second
RETRY_MS = 2000  # after a failed poll (server unreachable): try again, quietly
JOIN_SECONDS = 3.0  # closing: wait this long for a poll in progress
RELEASE_SECONDS = 0.3  # a page hidden: never stall the switch longer than this


class _Relay(QObject):
    """Carries a poll's Changes from the watch thread to the UI thread; it outlives both ends."""

    moved = Signal(object)


class ChangeWatch(QObject):
    """Owned by a DeskContext (``ctx.watch``); `own` marks the rows this window writes."""

    def __init__(self, ctx: DeskContext):
        super().__init__(ctx)
        self._ctx = ctx
        self.interval_ms = POLL_MS
        self._holders: set[int] = set()
        self._thread: threading.Thread | None = None
        self._stop: threading.Event | None = None
        # Made on first use (they load SQLAlchemy, which the window opens without). The
        # spotter is kept across stops: a page shown again hears what changed meanwhile.
        self._own: WriteLog | None = None
        self._spotter: ForeignChanges | None = None
        self._making = threading.Lock()  # the worker may ask for `own` while a poll starts
        self._polling = threading.Lock()  # a thread left to end by itself may still poll
        self._relay = _Relay()  # no Qt parent: the thread holds it while it runs
        self._relay.moved.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)

    @property
    def own(self) -> WriteLog:
        """The rows this window writes (DeskContext.run_op writes inside ``own.writing()``)."""
        with self._making:
            if self._own is None:
                from app.queue.change_token import WriteLog

                self._own = WriteLog()
            return self._own

    def _spotter_made(self) -> ForeignChanges:
        own = self.own
        with self._making:
            if self._spotter is None:
                from app.queue.change_token import ForeignChanges

                self._spotter = ForeignChanges(own)
            return self._spotter

    @property
    def polls(self) -> int:
        """Polls judged so far (the first takes the baseline); tests wait on it."""
        return self._spotter.polls if self._spotter is not None else 0

    # --- who needs it ----------------------------------------------------------

    def follow(self, widget: QObject) -> None:
        """Watch while *widget* is visible; it stops needing the watch when hidden or deleted."""
        widget.installEventFilter(self)
        key = id(widget)
        widget.destroyed.connect(lambda *_args, key=key: self._release(key))
        if getattr(widget, "isVisible", lambda: False)():
            self._hold(key)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show:
            self._hold(id(watched))
        elif event.type() == QEvent.Type.Hide:
            self._release(id(watched))
        return False

    def start(self) -> None:
        """Watch until stop() (the main window, for its whole life)."""
        self._hold(id(self))

    def stop(self) -> None:
        """Stop watching for everyone and wait for the thread to end."""
        self._holders.clear()
        self._end_thread(JOIN_SECONDS)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _hold(self, key: int) -> None:
        self._holders.add(key)
        if self._thread is None:
            self._start_thread()

    def _release(self, key: int) -> None:
        self._holders.discard(key)
        if not self._holders:
            self._end_thread(RELEASE_SECONDS)

    # --- the thread ------------------------------------------------------------

    def _start_thread(self) -> None:
        stop = threading.Event()
        made, polling = self._spotter_made, self._polling
        db, relay, interval = self._ctx.db, self._relay, self.interval_ms / 1000

        def run() -> None:
            spotter = made()  # here, not on the UI thread: it loads SQLAlchemy
            wait = 0.0  # at once: what changed while nobody watched
            while not stop.wait(wait):
                wait = interval
                # A database the window has not opened yet is not opened here (the worker
                # opens it, with its schema check); poll once it is.
                if not getattr(db, "is_open", True):
                    continue
                try:
                    with polling:
                        if stop.is_set():
                            break
                        changes = spotter.poll(db)
                except Exception as exc:  # the page reports faults; the watch only waits
                    log.debug("change watch poll failed: %s", exc.__class__.__name__)
                    wait = RETRY_MS / 1000
                    continue
                if changes and not stop.is_set():
                    relay.moved.emit(changes)

        # A daemon: a poll stuck on an unreachable server never holds the program open.
        self._stop = stop
        self._thread = threading.Thread(target=run, name="kanimdesk-change-watch", daemon=True)
        self._thread.start()

    def _end_thread(self, seconds: float) -> None:
        thread, stop = self._thread, self._stop
        self._thread = self._stop = None
        if thread is None or stop is None:
            return
        stop.set()
        thread.join(seconds)
        if thread.is_alive():
            log.warning("change watch still in a database call; left to end by itself")

    def _deliver(self, changes: Changes) -> None:
        if self._thread is None or not shiboken6.isValid(self._ctx):
            return  # stopped while this was on its way
        self._ctx.changed.emit(changes)
