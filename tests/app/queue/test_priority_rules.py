"""The two limits on priority tickets, on SQLite and PostgreSQL: at most N priority calls in a
row while normal tickets wait, and the day's walk-in priority quota at issue time."""

import multiprocessing as mp
from datetime import date

import pytest
from sqlalchemy import func, select, update

from app.config import Settings
from app.db.engine import Database
from app.db.models import Applicant, Application, Ticket, TicketSequence
from app.db.setup import office_id
from app.problems import InputRejected
from app.queue import tickets as queue

OFFICE = Settings().office.code


def _issue(db, prefix, kinds):
    """Tickets in *kinds* order: "p" a priority walk-in (elderly), "n" a normal one."""
    return [queue.issue_ticket(db, OFFICE, prefix, "lansia" if k == "p" else None) for k in kinds]


def _calls(db, n, cap, prefixes=("A",), counters=("1",)):
    out = []
    for i in range(n):
        t = queue.call_next(db, OFFICE, counters[i % len(counters)], list(prefixes),
                            priority_streak_cap=cap)  # fmt: skip
        out.append(t.number if t else None)
    return out


def test_after_the_cap_the_oldest_normal_ticket_goes_first(db):
    n1, n2, p1, p2, p3, p4, p5 = _issue(db, "A", "nnppppp")
    called = _calls(db, 8, cap=3)
    # Three priority calls, then the oldest normal; the streak starts again after it.
    assert called == [p1.number, p2.number, p3.number, n1.number,
                      p4.number, p5.number, n2.number, None]  # fmt: skip


def test_the_streak_is_shared_by_every_counter_and_survives_a_restart(db):
    n1, p1, p2, p3 = _issue(db, "A", "nppp")
    assert _calls(db, 2, cap=2, counters=("1", "2")) == [p1.number, p2.number]
    # A new process (another workstation, or the same one restarted) reads the same streak.
    other = Database(db.url)
    try:
        assert queue.call_next(other, OFFICE, "3", ["A"], priority_streak_cap=2).id == n1.id
    finally:
        other.dispose()
    assert _calls(db, 1, cap=2) == [p3.number]


def test_no_cap_calls_every_priority_first_and_no_normal_means_priority(db):
    n1, p1, p2, p3, p4 = _issue(db, "A", "npppp")
    assert _calls(db, 3, cap=0) == [p1.number, p2.number, p3.number]
    # The cap reached but only priority tickets left besides n1: n1 first, then p4.
    assert _calls(db, 2, cap=3) == [n1.number, p4.number]
    only = _issue(db, "B", "ppp")
    assert _calls(db, 3, cap=1, prefixes=("B",)) == [t.number for t in only]


def test_the_streak_counts_the_counter_s_own_services_and_ignores_recalls(db):
    (n1, p1, p2) = _issue(db, "A", "npp")
    (pb,) = _issue(db, "B", "p")
    assert _calls(db, 1, cap=2, prefixes=("A",)) == [p1.number]
    assert _calls(db, 1, cap=2, prefixes=("B",)) == [pb.number]  # not in A's streak
    queue.act(db, p1.id, "recall", "1")  # a recall is not another call
    assert _calls(db, 1, cap=2, prefixes=("A",)) == [p2.number]
    assert _calls(db, 1, cap=2, prefixes=("A",)) == [n1.number]


def test_walk_in_priority_quota_is_refused_with_the_quota_named(db):
    _issue(db, "A", "n")
    for _ in range(2):
        queue.issue_ticket(db, OFFICE, "A", "ibu_hamil", priority_quota=2)
    with pytest.raises(InputRejected) as refused:
        queue.issue_ticket(db, OFFICE, "A", "disabilitas", priority_quota=2)
    problem = refused.value.problems[0]
    assert problem.key == "queue.priority_quota" and problem.params["quota"] == 2
    assert "(2)" in problem.message("id") and "kuota" in problem.message("id").lower()
    assert "quota (2)" in problem.message("en")
    # Nothing of the refused ticket stays: no row, and its number was not used up.
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Ticket)) == 3
        assert s.scalar(select(TicketSequence.last).where(TicketSequence.prefix == "A")) == 3
    assert queue.issue_ticket(db, OFFICE, "A", priority_quota=2).number == "A-004"  # normal: fine
    # Without a quota (a booked applicant's ticket; 0 in Settings) nothing is checked.
    assert queue.issue_ticket(db, OFFICE, "B", "lansia").priority == "lansia"
    assert queue.issue_ticket(db, OFFICE, "B", "lansia", priority_quota=0).priority == "lansia"


def test_quota_counts_walk_ins_of_the_day_only(db):
    queue.issue_ticket(db, OFFICE, "A", "lansia", priority_quota=1)
    with pytest.raises(InputRejected):
        queue.issue_ticket(db, OFFICE, "C", "lansia", priority_quota=1)  # any service counts
    with db.write() as s:  # a cancelled number gives its place back
        s.execute(update(Ticket).values(status="cancelled"))
    queue.issue_ticket(db, OFFICE, "A", "lansia", priority_quota=1)
    with db.write() as s:  # a booked applicant's priority ticket is not a walk-in
        oid = office_id(s, OFFICE)
        person = Applicant(citizenship="WNI", nik="1603015507900001", name="SITI",
                           birth_date=date(1950, 7, 15), sex="P")  # fmt: skip
        s.add(person)
        s.flush()
        booked = Application(office_id=oid, applicant_id=person.id, application_date=date.today(),
                             kind="baru", product="epaspor", validity_years=10, fee_total=650000,
                             booking_code="MP-2024-001")  # fmt: skip
        s.add(booked)
        s.flush()
        queue.issue_in_session(s, OFFICE, "A", "lansia", booked.id)
        s.execute(update(Ticket).where(Ticket.application_id.is_(None)).values(status="waiting"))
    # Two walk-ins so far (the booked one not counted): a third fits a quota of 3, a fourth not.
    assert queue.issue_ticket(db, OFFICE, "A", "lansia", priority_quota=3).priority == "lansia"
    with pytest.raises(InputRejected):
        queue.issue_ticket(db, OFFICE, "A", "lansia", priority_quota=3)


def _issue_priority(url, barrier, out):
    db = Database(url)
    barrier.wait()
    try:
        out.put(queue.issue_ticket(db, OFFICE, "A", "lansia", priority_quota=2).number)
    except InputRejected as exc:
        out.put(exc.problems[0].key)
    finally:
        db.dispose()


def test_four_counters_issuing_at_once_never_pass_the_quota(db):
    ctx = mp.get_context("spawn")
    barrier, out = ctx.Barrier(4), ctx.Queue()
    procs = [ctx.Process(target=_issue_priority, args=(db.url, barrier, out)) for _ in range(4)]
    for p in procs:
        p.start()
    outcomes = sorted(out.get(timeout=120) for _ in procs)
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0
    # The refused ones used up no number either.
    assert outcomes == ["A-001", "A-002", "queue.priority_quota", "queue.priority_quota"]
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Ticket)) == 2
