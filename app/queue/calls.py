"""The calls the waiting room sees: the day's last numbers called, read from the queue-event log."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from app.db.engine import Database
from app.db.models import QueueEvent, Ticket
from app.db.setup import office_id
from app.queue.numbering import format_number
from app.queue.ticket_rows import CallShown


def recent_calls(db: Database, office_code: str, day: date, limit: int = 6) -> list[CallShown]:
    """The last calls and recalls of the day, newest first, each number once.

    Read from the QueueEvent log because a recall changes no ticket column.
    """
    with db.session() as s:
        rows = s.execute(
            select(QueueEvent.id, Ticket.prefix, Ticket.sequence, QueueEvent.counter)
            .join(Ticket, Ticket.id == QueueEvent.ticket_id)
            .where(
                Ticket.office_id == office_id(s, office_code),
                Ticket.ticket_date == day,
                QueueEvent.event.in_(("call", "recall")),
            )
            .order_by(QueueEvent.id.desc())
            .limit(limit * 4)
        ).all()
    seen: set[str] = set()
    out: list[CallShown] = []
    for event_id, prefix, sequence, counter in rows:
        number = format_number(prefix, sequence)
        if number not in seen:
            seen.add(number)
            out.append(CallShown(event_id, number, counter or ""))
    return out[:limit]
