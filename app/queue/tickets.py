"""Queue numbers: issue (gap-free under concurrency), list, and the counter verbs.

Every write here changes tickets only: issue_ticket, call_next, act and transfer return the
ticket as it is now (a TicketInfo, also what reads return), so a caller that reports what
changed pairs it with TICKET_CHANGES; mark_printed returns TICKET_CHANGES itself.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from app.changes import Changes
from app.db.engine import Database
from app.db.models import QueueEvent, Service, Ticket, TicketSequence
from app.db.setup import office_id
from app.i18n import label
from app.problems import InputRejected, Problem
from app.queue.numbering import PRIORITIES, STATUS_LABELS, format_number, parse_number
from app.queue.ticket_rows import CallShown, TicketInfo
from app.queue.verbs import ALLOWED_FROM, LEADS_TO, TicketStatus, Verb, may

__all__ = ["ALLOWED_FROM", "TICKET_CHANGES", "CallShown", "TicketInfo", "may"]

TICKET_CHANGES = Changes(tickets=True)


def _next_sequence(s: Session, oid: int, day: date, prefix: str) -> int:
    """Increment the day's counter row in this transaction; the row lock serialises issuers."""
    values = {"office_id": oid, "ticket_date": day, "prefix": prefix, "last": 1}
    dialect = s.get_bind().dialect.name
    ins = postgresql.insert if dialect == "postgresql" else sqlite.insert
    upsert = (
        ins(TicketSequence)
        .values(**values)
        .on_conflict_do_update(
            index_elements=["office_id", "ticket_date", "prefix"],
            set_={"last": TicketSequence.last + 1},
        )
    )
    return int(s.execute(upsert.returning(TicketSequence.last)).scalar_one())


def _service(s: Session, prefix: str) -> Service:
    svc = s.scalar(
        select(Service).where(Service.prefix == prefix.upper(), Service.active.is_(True))
    )
    if svc is None:
        raise InputRejected([Problem("service.unknown", "service", {"code": prefix})])
    return svc


def _waiting_ahead(s: Session, t: Ticket) -> int:
    base = and_(
        Ticket.office_id == t.office_id,
        Ticket.ticket_date == t.ticket_date,
        Ticket.service_id == t.service_id,
        Ticket.status == TicketStatus.WAITING,
        Ticket.id != t.id,
    )
    if t.priority:
        ahead = and_(base, Ticket.priority.is_not(None), Ticket.id < t.id)
    else:
        ahead = and_(base, or_(Ticket.priority.is_not(None), Ticket.id < t.id))
    return int(s.scalar(select(func.count()).select_from(Ticket).where(ahead)) or 0)


def _info(s: Session, t: Ticket) -> TicketInfo:
    ahead = _waiting_ahead(s, t) if t.status == TicketStatus.WAITING else 0
    return _row_info(t, t.service.prefix, ahead)


def issue_in_session(
    s: Session,
    office_code: str,
    prefix: str,
    priority: str | None = None,
    application_id: int | None = None,
    now: datetime | None = None,
    counter: str | None = None,
    officer: str | None = None,
) -> Ticket:
    """Issue a ticket inside the caller's transaction (so a failed save issues nothing)."""
    if priority is not None and priority not in PRIORITIES:
        raise InputRejected([Problem("priority.unknown", "priority", {"value": priority})])
    now = now or datetime.now()
    svc = _service(s, prefix)
    oid = office_id(s, office_code)
    seq = _next_sequence(s, oid, now.date(), svc.prefix)
    t = Ticket(
        office_id=oid,
        service_id=svc.id,
        ticket_date=now.date(),
        prefix=svc.prefix,
        sequence=seq,
        priority=priority,
        status=TicketStatus.WAITING,
        issued_at=now,
        application_id=application_id,
        printed_count=0,
    )
    t.service = svc
    s.add(t)
    s.flush()
    s.add(QueueEvent(ticket_id=t.id, event="issued", at=now, counter=counter, officer=officer))
    return t


def issue_ticket(
    db: Database,
    office_code: str,
    prefix: str,
    priority: str | None = None,
    now: datetime | None = None,
    counter: str | None = None,
    officer: str | None = None,
) -> TicketInfo:
    with db.write() as s:
        t = issue_in_session(s, office_code, prefix, priority, None, now, counter, officer)
        return _info(s, t)


def find_ticket(db: Database, office_code: str, number: str, day: date | None = None) -> TicketInfo:
    parsed = parse_number(number)
    if parsed is None:
        raise InputRejected([Problem("ticket.bad_number", "number")])
    prefix, seq = parsed
    day = day or date.today()
    with db.session() as s:
        t = s.scalar(
            select(Ticket).where(
                Ticket.office_id == office_id(s, office_code),
                Ticket.ticket_date == day,
                Ticket.prefix == prefix,
                Ticket.sequence == seq,
            )
        )
        if t is None:
            raise InputRejected(
                [Problem("ticket.not_found", "number", {"number": format_number(prefix, seq)})]
            )
        return _info(s, t)


def tickets_on(db: Database, office_code: str, day: date | None = None) -> list[TicketInfo]:
    """All tickets of a day, newest first (the today's-tickets list), in one query.

    How many wait ahead of each waiting ticket comes from a window function: its place in
    its service's call order (priority class first, then the number), the order
    `call_next` uses — not from one COUNT per waiting ticket.
    """
    day = day or date.today()
    with db.session() as s:
        oid = office_id(s, office_code)
        klass = case((Ticket.priority.is_(None), 1), else_=0)
        # Partitioned by status as well, so a waiting ticket's place counts waiting tickets only.
        place = func.row_number().over(
            partition_by=(Ticket.service_id, Ticket.status), order_by=(klass, Ticket.id)
        )
        rows = s.execute(
            select(Ticket, Service.prefix, place - 1)
            .join(Service, Service.id == Ticket.service_id)
            .where(Ticket.office_id == oid, Ticket.ticket_date == day)
            .order_by(Ticket.issued_at.desc(), Ticket.id.desc())
        ).all()
        return [
            _row_info(t, prefix, place if t.status == TicketStatus.WAITING else 0)
            for t, prefix, place in rows
        ]


def _row_info(t: Ticket, service_prefix: str, waiting_ahead: int) -> TicketInfo:
    return TicketInfo(
        id=t.id,
        uuid=t.uuid,
        number=t.number,
        prefix=t.prefix,
        sequence=t.sequence,
        ticket_date=t.ticket_date,
        priority=t.priority,
        status=t.status,
        issued_at=t.issued_at,
        waiting_ahead=waiting_ahead,
        counter=t.counter,
        application_id=t.application_id,
        printed_count=t.printed_count,
        called_at=t.called_at,
        service_prefix=service_prefix,
    )


def mark_printed(
    db: Database, ticket_id: int, counter: str | None = None, officer: str | None = None
) -> Changes:
    """Count a printed slip (the first print, then reprints) in the ticket and its event log."""
    with db.write() as s:
        t = s.get(Ticket, ticket_id)
        if t is None:
            return Changes()
        t.printed_count = (t.printed_count or 0) + 1
        event = "printed" if t.printed_count == 1 else "reprinted"
        s.add(QueueEvent(ticket_id=t.id, event=event, counter=counter, officer=officer))
    return TICKET_CHANGES


# --- counter verbs -------------------------------------------------------


def _refuse_unless(t: Ticket, verb: str) -> None:
    if not may(verb, t.status):
        params: dict[str, object] = {"number": t.number, "status": label(STATUS_LABELS, t.status)}
        raise InputRejected([Problem("ticket.state", "number", params)])


def _apply(s: Session, t: Ticket, verb: str, counter: str | None, officer: str | None) -> None:
    _refuse_unless(t, verb)
    now = datetime.now()
    t.status = LEADS_TO[Verb(verb)]
    if verb in ("call", "recall"):
        t.called_at = t.called_at if verb == "recall" else now
        t.counter = counter
    elif verb == "start":
        t.served_at = now
    elif verb in ("finish", "no_show"):
        t.finished_at = now
    s.add(QueueEvent(ticket_id=t.id, event=verb, at=now, counter=counter, officer=officer))


def call_next(
    db: Database,
    office_code: str,
    counter: str,
    prefixes: list[str] | None = None,
    officer: str | None = None,
    day: date | None = None,
) -> TicketInfo | None:
    """Call the next waiting ticket: priority first, then by number; None when nobody waits."""
    day = day or date.today()
    with db.write() as s:
        q = select(Ticket).where(
            Ticket.office_id == office_id(s, office_code),
            Ticket.ticket_date == day,
            Ticket.status == TicketStatus.WAITING,
        )
        if prefixes:
            # By the service it waits for now: a transferred ticket keeps its number.
            q = q.where(
                Ticket.service_id.in_(select(Service.id).where(Service.prefix.in_(prefixes)))
            )
        # Priority first, then the order numbers were given: the id, allocated after the
        # service's sequence row is locked, so within a service it follows the number
        # (issued_at is taken before that lock and can disagree under concurrency).
        q = q.order_by(Ticket.priority.is_(None), Ticket.id).limit(1)
        if s.get_bind().dialect.name == "postgresql":
            q = q.with_for_update(skip_locked=True)
        t = s.scalar(q)
        if t is None:
            return None
        _apply(s, t, "call", counter, officer)
        s.flush()
        return _info(s, t)


def act(
    db: Database, ticket_id: int, verb: str, counter: str | None = None, officer: str | None = None
) -> TicketInfo:
    """Recall, start, finish, no-show or return to queue one ticket."""
    with db.write() as s:
        # FOR UPDATE on PostgreSQL: two counters pressing Finish on one ticket give one event;
        # the second sees the new status and is refused (SQLite writers are serial already).
        t = s.get(Ticket, ticket_id, with_for_update=True)
        if t is None:
            raise InputRejected([Problem("ticket.not_found", "number", {"number": ticket_id})])
        _apply(s, t, verb, counter or t.counter, officer)
        s.flush()
        return _info(s, t)


def transfer(
    db: Database,
    ticket_id: int,
    prefix: str,
    counter: str | None = None,
    officer: str | None = None,
) -> TicketInfo:
    """Send a ticket to another service keeping its number; it waits again there."""
    with db.write() as s:
        t = s.get(Ticket, ticket_id, with_for_update=True)
        if t is None:
            raise InputRejected([Problem("ticket.not_found", "number", {"number": ticket_id})])
        _refuse_unless(t, "transfer")
        svc = _service(s, prefix)
        t.service_id = svc.id
        t.service = svc
        t.status = "waiting"
        s.add(
            QueueEvent(
                ticket_id=t.id,
                event="transfer",
                counter=counter,
                officer=officer,
                detail=svc.prefix,
            )
        )
        s.flush()
        return _info(s, t)


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
