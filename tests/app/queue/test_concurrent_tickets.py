"""Four processes issuing tickets at the same moment never duplicate or skip a number."""

import multiprocessing as mp

from sqlalchemy import select

from app.config import Settings
from app.db.engine import Database
from app.db.models import Ticket

PER_PROCESS = 25


def _issue(url, barrier, out):
    from app.queue.tickets import issue_ticket

    db = Database(url)
    barrier.wait()
    numbers = [issue_ticket(db, Settings().office.code, "A").number for _ in range(PER_PROCESS)]
    out.put(numbers)
    db.dispose()


def test_four_processes_issue_gap_free_unique_numbers(db):
    ctx = mp.get_context("spawn")
    barrier, out = ctx.Barrier(4), ctx.Queue()
    procs = [ctx.Process(target=_issue, args=(db.url, barrier, out)) for _ in range(4)]
    for p in procs:
        p.start()
    results = [out.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0
    issued = [n for chunk in results for n in chunk]
    assert len(issued) == len(set(issued)) == 4 * PER_PROCESS
    with db.session() as s:
        seqs = sorted(s.scalars(select(Ticket.sequence).where(Ticket.prefix == "A")))
    assert seqs == list(range(1, 4 * PER_PROCESS + 1))
