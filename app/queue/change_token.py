"""Cheap marks that tell a workstation another one changed the queue or an application.

`queue_token` is the newest queue-event and stage-row id: two index look-ups. A watcher that
compares only newest ids can miss a change on PostgreSQL, where a transaction holding a
smaller id may commit after a larger one; `ForeignChanges` therefore counts the rows above
a floor a little below the newest id (a range of the primary key, still cheap), and leaves
out the rows this workstation wrote itself (`WriteLog`), so its own writes — already
announced by the window — do not refresh its pages twice.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from app.changes import NOTHING, Changes
from app.db.models import ApplicationStage, QueueEvent

if TYPE_CHECKING:
    from app.db.engine import Database

Pair = tuple[int, int]  # (queue events, application stages)

# How far below the newest id rows are still counted: a transaction that took an id this
# many rows back and commits only now would go unseen (a counter verb takes milliseconds).
WINDOW = 256
# A unit of work that flushed rows and never said whether it committed is forgotten after this.
PENDING_SECONDS = 10.0


def queue_token(db: Database) -> Pair:
    """(newest queue_event id, newest application_stage id), 0 for an empty table; one query."""
    with db.session() as s:
        row = s.execute(
            select(
                select(func.max(QueueEvent.id)).scalar_subquery(),
                select(func.max(ApplicationStage.id)).scalar_subquery(),
            )
        ).one()
    return int(row[0] or 0), int(row[1] or 0)


@dataclass(frozen=True)
class ChangeMark:
    newest: Pair
    above_old: Pair  # rows above the floors the last poll counted from
    above_new: Pair  # rows above the floors the next poll will count from


def change_mark(db: Database, old: Pair, new: Pair) -> ChangeMark:
    """The newest ids and the number of rows above two sets of floors, in one statement (one
    snapshot: PostgreSQL reads a statement at one moment, SQLite a read transaction)."""

    def above(column: Any, floor: int) -> Any:
        return select(func.count()).where(column > floor).scalar_subquery()

    with db.session() as s:
        row = s.execute(
            select(
                select(func.max(QueueEvent.id)).scalar_subquery(),
                select(func.max(ApplicationStage.id)).scalar_subquery(),
                above(QueueEvent.id, old[0]),
                above(ApplicationStage.id, old[1]),
                above(QueueEvent.id, new[0]),
                above(ApplicationStage.id, new[1]),
            )
        ).one()
    n = [int(v or 0) for v in row]
    return ChangeMark((n[0], n[1]), (n[2], n[3]), (n[4], n[5]))


# --- the rows this workstation wrote --------------------------------------------

_author = threading.local()
_SESSION_KEY = "kanimdesk.write_log"
_listening = False
_listen_lock = threading.Lock()


class WriteLog:
    """The queue events and stage rows written inside `writing()` blocks (one workstation's).

    Session hooks note each unit of work's new rows when it flushes ("pending") and keep them
    once it commits; a poll is judged only while nothing of ours is pending.
    """

    def __init__(self) -> None:
        _listen_once()
        self._lock = threading.Lock()
        self._events: set[int] = set()
        self._stages: set[int] = set()
        self._pending: dict[int, float] = {}  # id(session) -> when its first rows flushed
        self.version = 0  # grows with every commit that added rows

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Rows written on this thread inside the block are this workstation's own."""
        before = getattr(_author, "log", None)
        _author.log = self
        try:
            yield
        finally:
            _author.log = before

    def busy(self) -> bool:
        """A unit of work of ours has flushed rows and not yet committed or rolled back."""
        with self._lock:
            now = time.monotonic()
            for key, since in list(self._pending.items()):
                if now - since > PENDING_SECONDS:
                    del self._pending[key]
            return bool(self._pending)

    def above(self, floors: Pair) -> Pair:
        with self._lock:
            return (
                sum(1 for i in self._events if i > floors[0]),
                sum(1 for i in self._stages if i > floors[1]),
            )

    def forget_below(self, floors: Pair) -> None:
        with self._lock:
            self._events = {i for i in self._events if i > floors[0]}
            self._stages = {i for i in self._stages if i > floors[1]}

    # called by the session hooks
    def _flushed(self, session: Session) -> None:
        with self._lock:
            self._pending.setdefault(id(session), time.monotonic())

    def _committed(self, session: Session, events: list[int], stages: list[int]) -> None:
        with self._lock:
            self._events.update(events)
            self._stages.update(stages)
            self._pending.pop(id(session), None)
            self.version += 1

    def _abandoned(self, session: Session) -> None:
        with self._lock:
            self._pending.pop(id(session), None)


def _after_flush(session: Session, _flush_context: object) -> None:
    log = getattr(_author, "log", None)
    if log is None:
        return
    events = [o.id for o in session.new if isinstance(o, QueueEvent)]
    stages = [o.id for o in session.new if isinstance(o, ApplicationStage)]
    if not (events or stages):
        return
    _log, ev, st = session.info.setdefault(_SESSION_KEY, (log, [], []))
    ev.extend(events)
    st.extend(stages)
    _log._flushed(session)


def _after_commit(session: Session) -> None:
    noted = session.info.pop(_SESSION_KEY, None)
    if noted is not None:
        log, events, stages = noted
        log._committed(session, events, stages)


def _after_soft_rollback(session: Session, previous_transaction: Any) -> None:
    if getattr(previous_transaction, "nested", False):
        return  # a savepoint: the outer unit of work may still commit its rows
    noted = session.info.pop(_SESSION_KEY, None)
    if noted is not None:
        noted[0]._abandoned(session)


def _listen_once() -> None:
    """Hook every session once, the first time a WriteLog is made (the CLI never makes one)."""
    global _listening
    with _listen_lock:
        if _listening:
            return
        event.listen(Session, "after_flush", _after_flush)
        event.listen(Session, "after_commit", _after_commit)
        event.listen(Session, "after_soft_rollback", _after_soft_rollback)
        _listening = True


# --- judging a poll -------------------------------------------------------------


class ForeignChanges:
    """Poll after poll: did another workstation add queue events or stage rows?

    Counts the rows above floors that trail the newest ids by WINDOW, minus our own; a
    count that moved is a change. The first poll only takes the baseline.
    """

    def __init__(self, own: WriteLog, window: int = WINDOW):
        self.own = own
        self.window = window
        self._floors: Pair | None = None
        self._newest: Pair = (0, 0)
        self._seen: Pair = (0, 0)  # foreign rows above the floors at the last judged poll
        self.polls = 0  # judged polls (the first takes the baseline)

    def _trailing(self, newest: Pair, floors: Pair) -> Pair:
        return (
            max(floors[0], newest[0] - self.window),
            max(floors[1], newest[1] - self.window),
        )

    def poll(self, db: Database) -> Changes:
        if self.own.busy():
            return NOTHING  # a write of ours is landing: judge at the next poll
        version = self.own.version
        first = self._floors is None
        if self._floors is None:
            newest = queue_token(db)
            old = new = (max(0, newest[0] - self.window), max(0, newest[1] - self.window))
        else:
            old = self._floors
            new = self._trailing(self._newest, old)
        mark = change_mark(db, old, new)
        if self.own.busy() or self.own.version != version:
            return NOTHING  # ours committed while we counted: the counts cannot be told apart
        own_old, own_new = self.own.above(old), self.own.above(new)
        foreign = (mark.above_old[0] - own_old[0], mark.above_old[1] - own_old[1])
        changes = (
            NOTHING
            if first
            else Changes(
                tickets=foreign[0] != self._seen[0], applications=foreign[1] != self._seen[1]
            )
        )
        self._floors = new
        self._newest = mark.newest
        self._seen = (mark.above_new[0] - own_new[0], mark.above_new[1] - own_new[1])
        self.own.forget_below(new)
        self.polls += 1
        return changes
