"""A busy office's morning for the benchmarks: today's 2,000 tickets as the queue stands at 11:00.

    python bench/make_today.py [--db bench/bench-1m-apps.sqlite] [--tickets 2000] [--day YYYY-MM-DD]

Replaces the day's tickets (and their queue events and number counters) with a fresh
snapshot, so every benchmark run starts from the same queue: the verbs the benchmarks
press use the waiting tickets up. The rows follow app.queue.tickets' rules, written in
bulk: numbers 1..n per service prefix with the day's TicketSequence row at n, statuses
reached through the verbs' table (app.queue.verbs), the matching queue events, a counter
on every ticket that was called.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import uuid
from collections import Counter
from datetime import date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path

from sqlalchemy import delete, func, insert, select

from app.config import Settings
from app.db.engine import Database
from app.db.models import QueueEvent, Service, Ticket, TicketSequence
from app.db.setup import office_id
from app.queue.numbering import PRIORITIES
from app.queue.verbs import LEADS_TO, TicketStatus, Verb, may

HERE = Path(__file__).resolve().parent
DEFAULT_DB = HERE / "bench-1m-apps.sqlite"
OPENING = clock_time(7, 30)
# Walk-ins by service: passports (A), lost/damaged interviews (B), foreigners (C), collection (D).
SERVICE_WEIGHTS = {"A": 55, "B": 12, "C": 8, "D": 25}
COUNTERS = {"A": "1 2 3 4 5 6 7 8", "B": "9 10", "C": "11", "D": "12 13 14"}
PRIORITY_SHARE = 0.06
# At 11:00 on a busy day a bit more than half the morning's tickets are through.
DONE_SHARE = {"A": 0.52, "B": 0.45, "C": 0.55, "D": 0.70}
NO_SHOW_SHARE = 0.05  # of the tickets already called
OFFICERS = ("andi.p", "rina.s", "dedi.h", "maya.l", "fajar.r", "sri.w", "yusuf.a", "lia.m")


def _minutes(m: float) -> timedelta:
    return timedelta(seconds=round(m * 60))


def _path_of(verbs: list[Verb]) -> TicketStatus:
    """The status a ticket reaches through *verbs*, refused as the service would refuse it."""
    status = TicketStatus.WAITING
    for verb in verbs:
        if not may(verb, status):
            raise AssertionError(f"{verb} not allowed from {status}")
        status = LEADS_TO[verb]
    return status


def clock_span(day: date, at: clock_time, now: datetime) -> tuple[datetime, datetime]:
    """The morning's opening and its end: OPENING..*at*, moved back to end now when *at* is
    still to come (a run at night), so that tickets issued from now on are the newest, as on
    a real day (the lists are newest first and keep their rows when new ones come on top)."""
    opening, end = datetime.combine(day, OPENING), datetime.combine(day, at)
    if day == now.date() and end > now:
        end = now.replace(microsecond=0)
        opening = max(
            datetime.combine(day, clock_time()), end - (datetime.combine(day, at) - opening)
        )
    return opening, end


def plan_day(rng: random.Random, tickets: int, opening: datetime, at: datetime) -> list[dict]:
    """Tickets (with their events under "events") as the queue stands at *at*."""
    span = max((at - opening).total_seconds() / 60, 1.0)
    # Most people come in the first hour, the rest keep coming until now.
    arrivals = sorted(opening + _minutes(rng.triangular(0, span, span / 6)) for _ in range(tickets))
    prefixes = rng.choices(list(SERVICE_WEIGHTS), list(SERVICE_WEIGHTS.values()), k=tickets)
    rows: list[dict] = []
    sequence: Counter[str] = Counter()
    for issued, prefix in zip(arrivals, prefixes, strict=True):
        sequence[prefix] += 1
        priority = rng.choice(list(PRIORITIES)) if rng.random() < PRIORITY_SHARE else None
        rows.append({"prefix": prefix, "sequence": sequence[prefix], "priority": priority,
                     "issued_at": issued, "status": TicketStatus.WAITING})  # fmt: skip
    for prefix in SERVICE_WEIGHTS:
        # Called in the order call_next uses: priority first, then the number.
        mine = sorted((r for r in rows if r["prefix"] == prefix),
                      key=lambda r: (r["priority"] is None, r["sequence"]))  # fmt: skip
        through = round(len(mine) * DONE_SHARE[prefix])
        counters = COUNTERS[prefix].split()
        at_counter = mine[through : through + len(counters)]
        for i, r in enumerate(mine[:through]):
            _serve(rng, r, counters[i % len(counters)], at, "no_show" if rng.random() < NO_SHOW_SHARE else "finish")  # fmt: skip
        for counter, r in zip(counters, at_counter, strict=False):
            _serve(rng, r, counter, at, "start" if rng.random() < 0.7 else "call")
    return rows


def _serve(rng: random.Random, r: dict, counter: str, at: datetime, last: str) -> None:
    """Take one ticket through call (recall) start finish, or call → no-show, before *at*."""
    room = max((at - r["issued_at"]).total_seconds() / 60 - 1, 0.5)
    called = r["issued_at"] + _minutes(rng.uniform(min(2, room / 2), min(60, room)))
    officer = rng.choice(OFFICERS)
    steps: list[tuple[Verb, datetime]] = [(Verb.CALL, called)]
    left = max((at - called).total_seconds() / 60, 0.2)
    if last == "no_show":
        steps += [(Verb.RECALL, called + _minutes(left * 0.3)), (Verb.NO_SHOW, called + _minutes(left * 0.6))]  # fmt: skip
    elif last in ("start", "finish"):
        served = called + _minutes(min(2, left * 0.2))
        steps.append((Verb.START, served))
        if last == "finish":
            steps.append((Verb.FINISH, served + _minutes(min(rng.uniform(5, 25), left * 0.7))))
    r["status"] = _path_of([v for v, _at in steps])
    r["counter"], r["called_at"] = counter, called
    times = dict(steps)
    r["served_at"] = times.get(Verb.START)
    r["finished_at"] = times.get(Verb.FINISH) or times.get(Verb.NO_SHOW)
    r["events"] = [(str(v), when, counter, officer) for v, when in steps]


def make_today(db: Database, settings: Settings, tickets: int = 2000, day: date | None = None,
               at: clock_time = clock_time(11, 0), seed: int = 8) -> dict:  # fmt: skip
    """Replace *day*'s tickets with the 11:00 snapshot of a *tickets*-ticket morning."""
    started = time.perf_counter()
    day = day or date.today()
    rng = random.Random(seed * 7919 + day.toordinal())
    opening, end = clock_span(day, at, datetime.now())
    rows = plan_day(rng, tickets, opening, end)
    with db.write() as s:
        oid = office_id(s, settings.office.code)
        services = {p: i for p, i in s.execute(select(Service.prefix, Service.id))}
        old = select(Ticket.id).where(Ticket.office_id == oid, Ticket.ticket_date == day)
        s.execute(delete(QueueEvent).where(QueueEvent.ticket_id.in_(old)))
        removed = s.execute(delete(Ticket).where(Ticket.office_id == oid, Ticket.ticket_date == day)).rowcount  # fmt: skip
        s.execute(delete(TicketSequence).where(TicketSequence.office_id == oid, TicketSequence.ticket_date == day))  # fmt: skip
        # The write lock is held (BEGIN IMMEDIATE), so max(id)+1.. are ours.
        first = (s.scalar(select(func.max(Ticket.id))) or 0) + 1
        ticket_rows, event_rows = [], []
        for n, r in enumerate(rows):
            tid = first + n
            ticket_rows.append({
                "id": tid, "uuid": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                "office_id": oid, "service_id": services[r["prefix"]], "ticket_date": day,
                "prefix": r["prefix"], "sequence": r["sequence"], "priority": r["priority"],
                "status": str(r["status"]), "issued_at": r["issued_at"],
                "called_at": r.get("called_at"), "served_at": r.get("served_at"),
                "finished_at": r.get("finished_at"), "counter": r.get("counter"),
                "application_id": None, "printed_count": 1,
            })  # fmt: skip
            desk = OFFICERS[n % len(OFFICERS)]
            events = [("issued", r["issued_at"], None, desk),
                      ("printed", r["issued_at"] + timedelta(seconds=3), None, desk)]  # fmt: skip
            event_rows += [{"ticket_id": tid, "event": e, "at": when, "counter": c,
                            "officer": o, "detail": None}
                           for e, when, c, o in events + r.get("events", [])]  # fmt: skip
        s.execute(insert(Ticket.__table__), ticket_rows)  # type: ignore[arg-type]
        s.execute(insert(QueueEvent.__table__), event_rows)  # type: ignore[arg-type]
        last = Counter(r["prefix"] for r in rows)
        s.execute(insert(TicketSequence.__table__), [  # type: ignore[arg-type]
            {"office_id": oid, "ticket_date": day, "prefix": p, "last": n} for p, n in last.items()
        ])  # fmt: skip
    return {
        "day": day.isoformat(), "from": opening.isoformat(" ", "minutes"),
        "at": end.isoformat(" ", "minutes"), "tickets": len(rows),
        "queue_events": len(event_rows), "replaced": removed,
        "status": dict(Counter(str(r["status"]) for r in rows)),
        "service": dict(sorted(last.items())),
        "priority": sum(1 for r in rows if r["priority"]),
        "seconds": round(time.perf_counter() - started, 2),
    }  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    p.add_argument("--db", type=Path, default=DEFAULT_DB, help="SQLite file from generate.py")
    p.add_argument("--tickets", type=int, default=2000)
    p.add_argument("--day", type=date.fromisoformat, default=None, help="default: today")
    p.add_argument("--at", type=clock_time.fromisoformat, default=clock_time(11, 0),
                   help="the clock of the snapshot (default 11:00; now, if that is earlier)")  # fmt: skip
    p.add_argument("--seed", type=int, default=8)
    args = p.parse_args(argv)
    if not args.db.exists():
        print(f"{args.db} not found: run  python bench/generate.py --busy-day", file=sys.stderr)
        return 2
    db = Database(f"sqlite:///{args.db}", create=False)
    try:
        print(json.dumps(make_today(db, Settings(), args.tickets, args.day, args.at, args.seed)))
    finally:
        db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
