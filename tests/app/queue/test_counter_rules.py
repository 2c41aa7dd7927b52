"""The counter verbs obey one rule table in app/, two counters never record one verb twice,
and the queue is called in number order within a priority class."""

import multiprocessing as mp
from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select, update

from app.config import Settings
from app.db.engine import Database
from app.db.models import QueueEvent, Ticket
from app.problems import InputRejected
from app.queue import tickets as queue

OFFICE = Settings().office.code


def test_a_cancelled_ticket_cannot_be_transferred_and_a_finished_one_can(db):
    a = queue.issue_ticket(db, OFFICE, "A")
    b = queue.issue_ticket(db, OFFICE, "A")
    with db.write() as s:
        s.execute(update(Ticket).where(Ticket.id == a.id).values(status="cancelled"))
    with pytest.raises(InputRejected) as exc:
        queue.transfer(db, a.id, "D")
    assert exc.value.problems[0].key == "ticket.state"
    called = queue.call_next(db, OFFICE, "1", ["A"])
    assert called.id == b.id
    queue.act(db, b.id, "finish", "1")
    moved = queue.transfer(db, b.id, "D")
    assert moved.number == b.number and moved.status == "waiting" and moved.service_prefix == "D"


def test_called_in_number_order_even_when_issue_times_disagree(db):
    # Concurrent issuing can stamp a later number with an earlier time (D-116 before D-002).
    first = queue.issue_ticket(db, OFFICE, "D")
    second = queue.issue_ticket(db, OFFICE, "D")
    with db.write() as s:
        s.execute(update(Ticket).where(Ticket.id == second.id)
                  .values(issued_at=datetime.now() - timedelta(minutes=5)))  # fmt: skip
    assert queue.call_next(db, OFFICE, "1", ["D"]).number == first.number
    assert queue.call_next(db, OFFICE, "2", ["D"]).number == second.number


def test_priority_class_still_goes_first(db):
    normal = queue.issue_ticket(db, OFFICE, "A")
    elderly = queue.issue_ticket(db, OFFICE, "A", "lansia")
    assert queue.call_next(db, OFFICE, "1", ["A"]).id == elderly.id
    assert queue.call_next(db, OFFICE, "1", ["A"]).id == normal.id


def _press(url, ticket_id, verb, barrier, out):
    db = Database(url)
    barrier.wait()
    try:
        queue.act(db, ticket_id, verb, "9")
        out.put("done")
    except InputRejected as exc:
        out.put(exc.problems[0].key)
    finally:
        db.dispose()


@pytest.mark.parametrize("verb", ["finish", "no_show"])
def test_two_counters_pressing_one_verb_on_one_ticket_record_it_once(db, verb):
    t = queue.issue_ticket(db, OFFICE, "A")
    queue.call_next(db, OFFICE, "1", ["A"])
    ctx = mp.get_context("spawn")
    barrier, out = ctx.Barrier(4), ctx.Queue()
    procs = [ctx.Process(target=_press, args=(db.url, t.id, verb, barrier, out)) for _ in range(4)]
    for p in procs:
        p.start()
    outcomes = sorted(out.get(timeout=120) for _ in procs)
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0
    assert outcomes == ["done", "ticket.state", "ticket.state", "ticket.state"]
    with db.session() as s:
        events = s.scalar(select(func.count()).select_from(QueueEvent)
                          .where(QueueEvent.ticket_id == t.id, QueueEvent.event == verb))  # fmt: skip
    assert events == 1
