"""Today's tickets with 2,000 tickets today: the list load and a counter's call-next → finish, through
the services, against the same SQL in plain sqlite3 in the same run (targets p95 < 100 ms / 150 ms).

    python bench/bench_queue.py [--db bench/bench-1m-apps.sqlite] [--rounds 150] [--keep-today]

Each round does, for each stack in turn (which goes first alternates round by round, so a
burst of load on the shared machine hits both): call the next number, reload the list
(what the page does on ctx.changed), finish the ticket, reload the list again. The
services are the window's: `app.queue.tickets.call_next`, `act(..., "finish")` and
`tickets_on`, each opening its own session on the app's engine. The raw stack is one
sqlite3 connection with the engine's pragmas running the statements the services send
(the window-function list query, SELECT … LIMIT 1 / UPDATE / INSERT in BEGIN IMMEDIATE; not
the priority-streak check that call_next adds with the settings' cap, which the ratio includes).
Today is made afresh first (bench/make_today.py: 2,000 tickets as at 11:00) unless --keep-today.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from bench_lookup import summary
from make_today import DEFAULT_DB, make_today
from sqlalchemy import event, func, select

from app.config import Settings
from app.db.engine import BUSY_TIMEOUT_MS, Database
from app.db.models import Application, Ticket
from app.db.setup import init_database, office_id
from app.queue import tickets as queue

LOAD_TARGET_MS = 100.0
VERB_TARGET_MS = 150.0
COUNTER, OFFICER, SERVES = "7", "bench", ["A"]

# What tickets_on sends, written out: the list's columns, the service prefix, the place.
RAW_LOAD = """
SELECT t.id, t.uuid, t.prefix, t.sequence, t.ticket_date, t.priority, t.status, t.issued_at,
       t.counter, t.application_id, t.printed_count, t.called_at, t.service_id, s.prefix,
       row_number() OVER (PARTITION BY t.service_id, t.status
                          ORDER BY CASE WHEN t.priority IS NULL THEN 1 ELSE 0 END, t.id) - 1
FROM ticket t JOIN service s ON s.id = t.service_id
WHERE t.office_id = ? AND t.ticket_date = ?
ORDER BY t.issued_at DESC, t.id DESC
"""
RAW_NEXT = """
SELECT t.id FROM ticket t
WHERE t.office_id = ? AND t.ticket_date = ? AND t.status = 'waiting'
  AND t.service_id IN (SELECT id FROM service WHERE prefix IN ({marks}))
ORDER BY t.priority IS NULL, t.id LIMIT 1
"""
RAW_EVENT = (
    "INSERT INTO queue_event (ticket_id, event, at, counter, officer) VALUES (?, ?, ?, ?, ?)"
)


class RawStack:
    """Plain sqlite3 on one connection, with app.db.engine's pragmas (WAL, synchronous=NORMAL)."""

    def __init__(self, path: Path, oid: int, day: date):
        self.conn = sqlite3.connect(path, isolation_level=None)
        for pragma in ("foreign_keys=ON", f"busy_timeout={BUSY_TIMEOUT_MS}",
                       "journal_mode=WAL", "synchronous=NORMAL"):  # fmt: skip
            self.conn.execute(f"PRAGMA {pragma}")
        self.key = (oid, day.isoformat())
        self.next_sql = RAW_NEXT.format(marks=",".join("?" * len(SERVES)))

    def load(self) -> int:
        return len(self.conn.execute(RAW_LOAD, self.key).fetchall())

    def call_next(self) -> int | None:
        now = datetime.now().isoformat(" ")
        c = self.conn
        c.execute("BEGIN IMMEDIATE")
        row = c.execute(self.next_sql, (*self.key, *SERVES)).fetchone()
        if row is not None:
            c.execute("UPDATE ticket SET status='called', called_at=?, counter=? WHERE id=?",
                      (now, COUNTER, row[0]))  # fmt: skip
            c.execute(RAW_EVENT, (row[0], "call", now, COUNTER, OFFICER))
        c.execute("COMMIT")
        return None if row is None else int(row[0])

    def finish(self, ticket_id: int) -> None:
        now = datetime.now().isoformat(" ")
        c = self.conn
        c.execute("BEGIN IMMEDIATE")
        status = c.execute("SELECT status FROM ticket WHERE id=?", (ticket_id,)).fetchone()[0]
        if status not in ("called", "serving"):
            raise SystemExit(f"raw finish of a {status} ticket")
        c.execute("UPDATE ticket SET status='done', finished_at=? WHERE id=?", (now, ticket_id))
        c.execute(RAW_EVENT, (ticket_id, "finish", now, COUNTER, OFFICER))
        c.execute("COMMIT")


class AppStack:
    """The window's path: the services, each opening its own session on the app's engine."""

    def __init__(self, db: Database, settings: Settings, day: date):
        self.db, self.code, self.day = db, settings.office.code, day
        # As the queue page calls it: with the settings' cap on priority calls in a row.
        self.cap = settings.priority_streak_cap

    def load(self) -> int:
        return len(queue.tickets_on(self.db, self.code, self.day))

    def call_next(self) -> int | None:
        info = queue.call_next(self.db, self.code, COUNTER, SERVES, OFFICER, self.day,
                               priority_streak_cap=self.cap)  # fmt: skip
        return None if info is None else info.id

    def finish(self, ticket_id: int) -> None:
        queue.act(self.db, ticket_id, "finish", COUNTER, OFFICER)


def _timed(fn: Callable[[], object]) -> tuple[object, float]:
    started = time.perf_counter()
    result = fn()
    return result, (time.perf_counter() - started) * 1000


def one_round(stack: RawStack | AppStack, into: dict[str, list[float]]) -> None:
    """Call → reload → finish → reload, as a counter does it (the page reloads after each verb)."""
    ticket, ms = _timed(stack.call_next)
    if ticket is None:
        raise SystemExit("nobody waiting any more: use fewer --rounds or drop --keep-today")
    into["call_next"].append(ms)
    _rows, reload_ms = _timed(stack.load)
    into["load"].append(reload_ms)
    into["call_then_list"].append(ms + reload_ms)
    _none, ms = _timed(lambda: stack.finish(ticket))  # type: ignore[arg-type]
    into["finish"].append(ms)
    _rows, reload_ms = _timed(stack.load)
    into["load"].append(reload_ms)
    into["finish_then_list"].append(ms + reload_ms)


def statements(db: Database, fn: Callable[[], object]) -> int:
    """How many SQL statements one call sends (the old list sent one COUNT per waiting ticket)."""
    seen: list[str] = []

    def count(_conn, _cur, stmt, *_args) -> None:  # type: ignore[no-untyped-def]
        seen.append(stmt)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        fn()
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    return len(seen)


def run(path: Path, rounds: int, warmup: int, keep_today: bool) -> dict:
    settings = Settings()
    db = Database(f"sqlite:///{path}", create=False)
    init_database(db, settings)  # as the window opens it (a pending migration runs here, untimed)
    day = date.today()
    today = None if keep_today else make_today(db, settings, 2000, day)
    with db.session() as s:
        oid = office_id(s, settings.office.code)
        applications = s.scalar(select(func.count()).select_from(Application))
        on_day = s.scalar(select(func.count()).where(Ticket.office_id == oid, Ticket.ticket_date == day))  # fmt: skip
    raw, app = RawStack(path, oid, day), AppStack(db, settings, day)
    kinds = ("load", "call_next", "finish", "call_then_list", "finish_then_list")
    samples: dict[str, dict[str, list[float]]] = {n: {k: [] for k in kinds} for n in ("raw", "app")}
    scratch: dict[str, list[float]] = {k: [] for k in kinds}
    for _ in range(warmup):  # connection pool, statement caches, the day's pages in the cache
        one_round(raw, scratch)
        one_round(app, scratch)
    for i in range(rounds):
        pair = ((raw, "raw"), (app, "app"))
        for stack, name in pair if i % 2 == 0 else pair[::-1]:
            one_round(stack, samples[name])
    counts = {"load": statements(db, app.load), "call_next": statements(db, app.call_next)}
    db.dispose()
    raw.conn.close()
    result: dict = {
        "database": str(path), "applications": applications, "tickets_today": on_day,
        "today": today, "rounds": rounds, "cpus": os.cpu_count(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "sqlite": sqlite3.sqlite_version, "statements_per_app_call": counts,
        "target_ms": {"load_p95": LOAD_TARGET_MS, "verb_p95": VERB_TARGET_MS},
    }  # fmt: skip
    for kind in kinds:
        r, a = summary(samples["raw"][kind]), summary(samples["app"][kind])
        result[kind] = {"raw": r, "app": a, "ratio_p50": round(a["p50_ms"] / r["p50_ms"], 1),
                        "ratio_p95": round(a["p95_ms"] / r["p95_ms"], 1)}  # fmt: skip
    result["ok"] = (
        result["load"]["app"]["p95_ms"] < LOAD_TARGET_MS
        and result["call_next"]["app"]["p95_ms"] < VERB_TARGET_MS
        and result["finish"]["app"]["p95_ms"] < VERB_TARGET_MS
    )
    return result


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    p.add_argument("--db", type=Path, default=DEFAULT_DB, help="SQLite file from generate.py --busy-day")  # fmt: skip
    p.add_argument("--rounds", type=int, default=150, help="measured rounds per stack (2 verbs each)")  # fmt: skip
    p.add_argument("--warmup", type=int, default=5)
    p.add_argument("--keep-today", action="store_true", help="use today's tickets as they are")
    args = p.parse_args(argv)
    if not args.db.exists():
        print(f"{args.db} not found: run  python bench/generate.py --busy-day", file=sys.stderr)
        return 2
    result = run(args.db, args.rounds, args.warmup, args.keep_today)
    print(json.dumps(result))
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
