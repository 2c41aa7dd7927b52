"""The change token: one cheap query for the newest ids, and a watcher's judgement that sees
another workstation's rows — also a PostgreSQL transaction that commits a smaller id late —
and leaves out its own."""

from datetime import datetime

from sqlalchemy import select

from app.changes import NOTHING, Changes
from app.config import Settings
from app.db.models import ApplicationStage, QueueEvent
from app.queue import tickets as queue
from app.queue.change_token import ForeignChanges, WriteLog, queue_token

OFFICE = Settings().office.code


def test_token_is_the_newest_event_and_stage_ids(db):
    assert queue_token(db) == (0, 0)
    t = queue.issue_ticket(db, OFFICE, "A")
    events, stages = queue_token(db)
    assert events > 0 and stages == 0
    queue.call_next(db, OFFICE, "1")
    assert queue_token(db)[0] > events
    queue.act(db, t.id, "recall", "1")  # a recall changes no ticket column: the token moves
    assert queue_token(db)[0] > events + 1


def test_another_workstation_s_rows_are_seen_and_ours_are_not(db):
    own = WriteLog()
    spotter = ForeignChanges(own)
    assert spotter.poll(db) == NOTHING  # the baseline
    queue.issue_ticket(db, OFFICE, "A")  # written outside our log: another workstation
    assert spotter.poll(db) == Changes(tickets=True)
    assert spotter.poll(db) == NOTHING
    with own.writing():
        queue.issue_ticket(db, OFFICE, "A")
        queue.call_next(db, OFFICE, "1")
    assert spotter.poll(db) == NOTHING  # ours: the window announced it already
    with db.write() as s:
        t = s.scalars(select(QueueEvent.ticket_id)).first()
        s.add(ApplicationStage(application_id=_application(s), stage="berkas"))
        s.add(QueueEvent(ticket_id=t, event="printed", at=datetime.now()))
    assert spotter.poll(db) == Changes(tickets=True, applications=True)
    assert spotter.polls == 5


def test_a_failed_write_of_ours_is_not_taken_for_a_change(db):
    own = WriteLog()
    spotter = ForeignChanges(own)
    with own.writing():
        ticket = queue.issue_ticket(db, OFFICE, "A")
    spotter.poll(db)
    try:
        with own.writing(), db.write() as s:
            s.add(QueueEvent(ticket_id=ticket.id, event="printed"))
            s.flush()
            assert own.busy()  # flushed, not committed: a poll now is not judged
            raise RuntimeError("printer on fire")
    except RuntimeError:
        pass
    assert not own.busy()
    assert spotter.poll(db) == NOTHING


def test_a_smaller_id_committed_late_is_still_seen(pg_url, settings):
    """PostgreSQL hands out ids before commit: B may commit id n+1 before A commits id n."""
    from app.db.engine import Database
    from app.db.setup import init_database

    db = Database(pg_url)
    init_database(db, settings)
    try:
        first = queue.issue_ticket(db, OFFICE, "A")
        second = queue.issue_ticket(db, OFFICE, "A")
        spotter = ForeignChanges(WriteLog())
        spotter.poll(db)
        with db.write() as late:
            late.add(QueueEvent(ticket_id=second.id, event="printed"))
            late.flush()  # id n taken, not committed
            assert queue.call_next(db, OFFICE, "2").id == first.id  # id n+1, committed
            assert spotter.poll(db) == Changes(tickets=True)
            assert spotter.poll(db) == NOTHING
        # Now n commits: the newest id did not move, the count above the floor did.
        assert spotter.poll(db) == Changes(tickets=True)
    finally:
        db.dispose()


def _application(s):
    from datetime import date

    from app.db.models import Applicant, Application
    from app.db.setup import office_id

    person = Applicant(citizenship="WNI", nik="1603015507900001", name="SITI",
                       birth_date=date(1990, 7, 15), sex="P")  # fmt: skip
    s.add(person)
    s.flush()
    app = Application(office_id=office_id(s, OFFICE), applicant_id=person.id,
                      application_date=date.today(), kind="baru", product="epaspor",
                      validity_years=10, fee_total=650000)  # fmt: skip
    s.add(app)
    s.flush()
    return app.id
