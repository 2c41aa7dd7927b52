"""The display board and the day's counts come from app/: the same order the counters call in."""

from dataclasses import replace
from datetime import date, datetime, timedelta

from app.queue.board import summarize, waiting_by_service
from app.queue.ticket_rows import TicketInfo


def _row(
    id_, number, status="waiting", priority=None, issued=datetime(2025, 2, 3, 8, 0), prefix="A"
):
    return TicketInfo(id_, f"u{id_}", number, prefix, int(number[2:]), date(2025, 2, 3), priority, status,
                      issued, 0, service_prefix=prefix)  # fmt: skip


def test_summary_counts_and_average_wait():
    rows = [
        _row(1, "A-001", "done", issued=datetime(2025, 2, 3, 8, 0)),
        _row(2, "A-002", "waiting", issued=datetime(2025, 2, 3, 8, 5)),
    ]
    s = summarize(rows)
    assert (s.waiting, s.serving, s.done, s.no_show) == (1, 0, 1, 0)
    called = [
        replace(r, called_at=r.issued_at + timedelta(minutes=m))
        for r, m in zip(rows, (10, 20), strict=True)
    ]
    assert summarize(called).average_wait_minutes == 15


def test_board_lists_priority_first_then_by_number_not_by_issue_time():
    rows = [
        _row(3, "D-002", issued=datetime(2025, 2, 3, 8, 0), prefix="D"),
        _row(
            2, "D-001", issued=datetime(2025, 2, 3, 8, 9), prefix="D"
        ),  # stamped later, numbered first
        _row(4, "D-003", priority="lansia", prefix="D"),
        _row(1, "A-001", status="called"),
    ]
    nexts, totals = waiting_by_service(rows)
    assert nexts["D"] == ["D-003", "D-001", "D-002"]
    assert totals["D"] == 3 and totals["A"] == 0
