"""Several counters at once on one database: calling and finishing tickets and moving applications.

Real processes, each with its own Database, released together by a barrier: four on
PostgreSQL, two on a SQLite file. Afterwards no ticket is lost, duplicated or called twice,
and every application's history is a walk NEXT_STAGES allows: no stage skipped or doubled.
"""

from __future__ import annotations

import multiprocessing as mp
import random
from collections import Counter, defaultdict
from datetime import date, datetime

import pytest
from sqlalchemy import select

from app.config import Settings
from app.db.engine import Database
from app.db.models import Application, ApplicationStage, QueueEvent, Ticket
from app.db.setup import init_database
from app.desk.stages import FINAL_STAGES, Stage, follows_table
from app.queue.tickets import issue_ticket

from tests.app.desk.walk_ins import register_walk_ins

APPLICATIONS = 12
WALK_IN_TICKETS = 8  # tickets without an application (passport collection)
MAX_ROUNDS = 4000  # a stuck worker fails the test instead of hanging it
# Expected refusals when two counters act on the same application at once.
RACE_KEYS = {"stage.already", "stage.not_next", "stage.final"}
MAIN_PATH = {"wawancara", "pembayaran", "verifikasi", "pencetakan", "siap", "penyerahan"}


def _choose(rng: random.Random, offered: list[str]) -> str:
    """Mostly the normal path; now and then a deferral; rarely a cancellation."""
    forward = [s for s in offered if s in MAIN_PATH]
    roll = rng.random()
    if "ditunda" in offered and roll < 0.12:
        return "ditunda"
    if "batal" in offered and (roll > 0.97 or not forward):
        return "batal"
    return rng.choice(forward) if forward else rng.choice(offered)


def _counter_day(url: str, counter: str, day: date, app_ids: list[int], barrier, out) -> None:
    from app.desk.application_steps import advance, application_view
    from app.problems import InputRejected
    from app.queue.tickets import act, call_next

    db, settings = Database(url), Settings()
    rng = random.Random(int(counter))
    called: list[str] = []
    steps: list[tuple[int, str]] = []
    refused: Counter[str] = Counter()
    pending = set(app_ids)
    tickets_left = True
    barrier.wait()
    for _ in range(MAX_ROUNDS):
        if not tickets_left and not pending:
            break
        if tickets_left:
            ticket = call_next(db, settings.office.code, counter, officer=f"petugas{counter}",
                               day=day)  # fmt: skip
            if ticket is None:
                tickets_left = False
            else:
                called.append(ticket.number)
                act(db, ticket.id, "finish", counter=counter, officer=f"petugas{counter}")
        if not pending:
            continue
        # Half the time every counter goes for the same application: the race under test.
        app_id = min(pending) if rng.random() < 0.5 else rng.choice(sorted(pending))
        view = application_view(db, app_id)
        if not view.next_stages:
            pending.discard(app_id)
            continue
        to = _choose(rng, view.next_stages)
        extra: dict[str, object] = {}
        if to == "pembayaran":
            extra = {"paid_amount": view.fee_total, "billing_code": f"8202{app_id:011d}"}
        if to in ("ditunda", "batal"):
            extra = {"note": f"keputusan loket {counter}"}
        try:
            advance(db, settings, app_id, to, officer=f"petugas{counter}", counter=counter,
                    **extra)  # type: ignore[arg-type]  # fmt: skip
            steps.append((app_id, to))
        except InputRejected as exc:
            refused.update(p.key for p in exc.problems)
    out.put((counter, called, steps, dict(refused), not pending and not tickets_left))
    db.dispose()


def _run_day(db: Database, processes: int) -> None:
    settings = Settings()
    now = datetime.now()
    app_ids = register_walk_ins(db, settings, APPLICATIONS, now)
    issued = {issue_ticket(db, settings.office.code, "D", now=now).number
              for _ in range(WALK_IN_TICKETS)}  # fmt: skip
    with db.session() as s:
        issued |= {
            t.number for t in s.scalars(select(Ticket).where(Ticket.ticket_date == now.date()))
        }
    assert len(issued) == APPLICATIONS + WALK_IN_TICKETS

    # Forked from a server that imported this module once: no process inherits an engine or a
    # connection (as a plain fork would), and none pays the imports again (as spawn does).
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload([__name__])
    barrier, out = ctx.Barrier(processes), ctx.Queue()
    procs = [
        ctx.Process(
            target=_counter_day, args=(db.url, str(i + 1), now.date(), app_ids, barrier, out)
        )
        for i in range(processes)
    ]
    for p in procs:
        p.start()
    results = [out.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0
    assert all(finished for *_, finished in results), "a counter did not finish its day"

    # Tickets: each called exactly once, by one counter, and finished; none left waiting.
    called = [n for _, numbers, *_ in results for n in numbers]
    assert len(called) == len(set(called)) and set(called) == issued
    with db.session() as s:
        tickets = s.scalars(select(Ticket).where(Ticket.ticket_date == now.date())).all()
        events = Counter(
            (ticket_id, event)
            for ticket_id, event in s.execute(select(QueueEvent.ticket_id, QueueEvent.event))
        )
        assert {t.status for t in tickets} == {"done"}
        for t in tickets:
            assert events[(t.id, "call")] == 1 and events[(t.id, "finish")] == 1, t.number
        rows = s.execute(
            select(ApplicationStage.application_id, ApplicationStage.stage,
                   ApplicationStage.corrects_id).order_by(ApplicationStage.id)
        ).all()  # fmt: skip
        apps = {a.id: a for a in s.scalars(select(Application))}

    # Stages: every accepted step is one row, and each history is a walk of the table.
    paths: dict[int, list[str]] = defaultdict(list)
    for app_id, stage, corrects_id in rows:
        assert corrects_id is None
        paths[app_id].append(stage)
    accepted = Counter(step for _, _, steps, *_ in results for step in steps)
    written = Counter((app_id, stage) for app_id, path in paths.items() for stage in path[1:])
    assert accepted == written
    for app_id in app_ids:
        path = paths[app_id]
        assert follows_table(path), path
        assert path[-1] in FINAL_STAGES and apps[app_id].stage == path[-1]
        assert path.count(Stage.PEMBAYARAN) <= 1
        if Stage.PEMBAYARAN in path:
            assert apps[app_id].paid_amount is not None and apps[app_id].billing_code
    refusals: Counter[str] = Counter()
    for *_, refused, _finished in results:
        refusals.update(refused)
    assert set(refusals) <= RACE_KEYS, refusals


@pytest.mark.postgres
def test_four_counters_on_postgresql(pg_url):
    db = Database(pg_url)
    init_database(db, Settings())
    try:
        _run_day(db, 4)
    finally:
        db.dispose()


def test_two_counters_on_a_sqlite_file(sqlite_db):
    _run_day(sqlite_db, 2)
