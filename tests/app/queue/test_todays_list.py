"""Today's tickets load in one query, and each waiting ticket's place matches the per-ticket count
and the order the counters call in."""

from sqlalchemy import event

from app.config import Settings
from app.queue import tickets as queue

OFFICE = Settings().office.code


def _issue_day(db):
    for i in range(40):
        prefix = "AACD"[i % 4]
        queue.issue_ticket(db, OFFICE, prefix, "lansia" if i % 7 == 3 else None)
    queue.call_next(db, OFFICE, "1", ["A"])
    called = queue.call_next(db, OFFICE, "2", ["C"])
    queue.act(db, called.id, "finish", "2")


def test_todays_list_is_one_query_whatever_the_number_of_tickets(db):
    _issue_day(db)
    statements: list[str] = []

    def count(conn, cursor, statement, *args):
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        rows = queue.tickets_on(db, OFFICE)
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    assert len(rows) == 40
    # The office id lookup and the list itself; before, one COUNT per waiting ticket
    # (2,012 statements for a 2,005-ticket day).
    assert len(statements) <= 3, statements


def test_places_match_the_per_ticket_count_and_the_call_order(db):
    _issue_day(db)
    listed = {t.id: t for t in queue.tickets_on(db, OFFICE)}
    for t in listed.values():
        one = queue.find_ticket(db, OFFICE, t.number, t.ticket_date)
        assert (t.waiting_ahead, t.service_prefix, t.status) == (
            one.waiting_ahead,
            one.service_prefix,
            one.status,
        )
    # Calling the A queue empties it in the order of the places shown.
    waiting_a = sorted((t for t in listed.values() if t.status == "waiting" and t.service_prefix == "A"),
                       key=lambda t: t.waiting_ahead)  # fmt: skip
    assert [t.waiting_ahead for t in waiting_a] == list(range(len(waiting_a)))
    called = [queue.call_next(db, OFFICE, "1", ["A"]).id for _ in waiting_a]
    assert called == [t.id for t in waiting_a]
