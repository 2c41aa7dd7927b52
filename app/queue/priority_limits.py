"""The two limits on priority tickets: how many may pass normal ones in a row at the counters,
and how many walk-in priority numbers the office gives a day. Both read the day's own data
(tickets and their queue events), so every workstation sharing the database judges alike."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import ColumnElement, func, or_, select, text
from sqlalchemy.orm import Session

from app.db.models import Application, QueueEvent, Service, Ticket
from app.i18n import N_, register_messages
from app.problems import InputRejected, Problem
from app.queue.verbs import TicketStatus

register_messages(
    {
        "queue.priority_quota": N_(
            "Today's walk-in priority quota ({quota}) is used up: issue a normal number, "
            "or ask the supervisor to raise the quota in Settings."
        ),
    }
)

# pg_advisory_xact_lock keys, one per limit, with the office id as the second key: two
# counters judging the same limit at the same moment take turns (the streak, or the quota,
# is read after the other's call or ticket committed). SQLite writers are serial already.
CALL_LOCK = 0x4B44434C  # "KDCL"
QUOTA_LOCK = 0x4B445051  # "KDPQ"


def take_turn(s: Session, key: int, oid: int) -> None:
    """Wait for another workstation judging the same limit of this office (PostgreSQL)."""
    if s.get_bind().dialect.name == "postgresql":
        s.execute(text("SELECT pg_advisory_xact_lock(:key, :oid)"), {"key": key, "oid": oid})


def in_services(prefixes: Sequence[str] | None) -> ColumnElement[bool] | None:
    """Tickets waiting for (or called from) one of these services; None or empty: any service."""
    if not prefixes:
        return None
    return Ticket.service_id.in_(select(Service.id).where(Service.prefix.in_(list(prefixes))))


def priority_streak_reached(
    s: Session, oid: int, day: date, prefixes: Sequence[str] | None, cap: int
) -> bool:
    """Whether the last *cap* calls of the day for these services were all priority tickets.

    Read from the queue events (a recall is not a new call), so it holds across counters and
    restarts without a table of its own; *cap* 0 means no limit.
    """
    if cap <= 0:
        return False
    q = (
        select(Ticket.priority)
        .join(QueueEvent, QueueEvent.ticket_id == Ticket.id)
        .where(Ticket.office_id == oid, Ticket.ticket_date == day, QueueEvent.event == "call")
    )
    services = in_services(prefixes)
    if services is not None:
        q = q.where(services)
    last = s.scalars(q.order_by(QueueEvent.id.desc()).limit(cap)).all()
    return len(last) == cap and all(p is not None for p in last)


def check_priority_quota(s: Session, oid: int, day: date, quota: int | None) -> None:
    """Refuse one more walk-in priority ticket once *quota* of them were given today.

    Walk-in: not for an application booked through M-Paspor. A cancelled number gives its
    place back. *quota* None or 0: no limit.
    """
    if not quota:
        return
    take_turn(s, QUOTA_LOCK, oid)
    used = s.scalar(
        select(func.count())
        .select_from(Ticket)
        .outerjoin(Application, Application.id == Ticket.application_id)
        .where(
            Ticket.office_id == oid,
            Ticket.ticket_date == day,
            Ticket.priority.is_not(None),
            Ticket.status != TicketStatus.CANCELLED,
            or_(Ticket.application_id.is_(None), Application.booking_code.is_(None)),
        )
    )
    if int(used or 0) >= quota:
        raise InputRejected([Problem("queue.priority_quota", "priority", {"quota": quota})])
