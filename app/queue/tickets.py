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

from app.admin.audit import audit
from app.admin.session import require as require_role
from app.changes import Changes
from app.db.engine import Database
from app.db.models import QueueEvent, Service, Ticket, TicketSequence
from app.db.setup import office_id
from app.i18n import label
from app.problems import InputRejected, Problem
from app.queue.calls import recent_calls
from app.queue.numbering import PRIORITIES, STATUS_LABELS, format_number, parse_number
from app.queue.priority_limits import (
    CALL_LOCK,
    check_priority_quota,
    in_services,
    priority_streak_reached,
    take_turn,
)
from app.queue.ticket_rows import CallShown, TicketInfo
from app.queue.verbs import ALLOWED_FROM, LEADS_TO, TicketStatus, Verb, may

__all__ = ["ALLOWED_FROM", "TICKET_CHANGES", "CallShown", "TicketInfo", "may", "recent_calls"]

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
    *,
    priority_quota: int | None = None,
) -> Ticket:
    """Issue a ticket inside the caller's transaction (so a failed save issues nothing).

    A walk-in priority ticket beyond *priority_quota* for the day is refused
    ("queue.priority_quota"); None or 0 checks nothing (a booked applicant's ticket).
    """
    if priority is not None and priority not in PRIORITIES:
        raise InputRejected([Problem("priority.unknown", "priority", {"value": priority})])
    now = now or datetime.now()
    svc = _service(s, prefix)
    oid = office_id(s, office_code)
    if priority is not None:
        check_priority_quota(s, oid, now.date(), priority_quota)
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
    *,
    priority_quota: int | None = None,
) -> TicketInfo:
    """Issue a walk-in number with no application (the CLI, a kiosk); see issue_in_session."""
    require_role("queue.operate")
    with db.write() as s:
        t = issue_in_session(
            s, office_code, prefix, priority, None, now, counter, officer,
            priority_quota=priority_quota,
        )  # fmt: skip
        s.flush()
        audit(s, officer, "ticket_issue", "ticket", t.id, at=t.issued_at, number=t.number,
              counter=counter)  # fmt: skip
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
        # Plain columns, not Ticket objects: a day's 2,000 rows load in a third of the time
        # without the identity map (nothing here is written back).
        rows = s.execute(
            select(*_LIST_COLUMNS, Service.prefix, place - 1)
            .join(Service, Service.id == Ticket.service_id)
            .where(Ticket.office_id == oid, Ticket.ticket_date == day)
            .order_by(Ticket.issued_at.desc(), Ticket.id.desc())
        ).all()
    waiting = TicketStatus.WAITING
    return [
        TicketInfo(
            id=r[0],
            uuid=r[1],
            number=format_number(r[2], r[3]),
            prefix=r[2],
            sequence=r[3],
            ticket_date=r[4],
            priority=r[5],
            status=r[6],
            issued_at=r[7],
            waiting_ahead=r[14] if r[6] == waiting else 0,
            counter=r[8],
            application_id=r[9],
            printed_count=r[10] or 0,
            called_at=r[11],
            service_prefix=r[13],
        )  # fmt: skip
        for r in rows
    ]


# TicketInfo's columns in the order tickets_on reads them (then the service prefix, the place).
_LIST_COLUMNS = (
    Ticket.id, Ticket.uuid, Ticket.prefix, Ticket.sequence, Ticket.ticket_date, Ticket.priority,
    Ticket.status, Ticket.issued_at, Ticket.counter, Ticket.application_id, Ticket.printed_count,
    Ticket.called_at, Ticket.service_id,
)  # fmt: skip


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
    require_role("queue.operate")
    with db.write() as s:
        t = s.get(Ticket, ticket_id)
        if t is None:
            return Changes()
        t.printed_count = (t.printed_count or 0) + 1
        event = "printed" if t.printed_count == 1 else "reprinted"
        s.add(QueueEvent(ticket_id=t.id, event=event, counter=counter, officer=officer))
        audit(s, officer, f"ticket_{event}", "ticket", t.id, number=t.number, counter=counter)
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
    audit(s, officer, f"ticket_{verb}", "ticket", t.id, at=now, number=t.number, counter=counter)


def call_next(
    db: Database,
    office_code: str,
    counter: str,
    prefixes: list[str] | None = None,
    officer: str | None = None,
    day: date | None = None,
    priority_streak_cap: int = 0,
) -> TicketInfo | None:
    """Call the next waiting ticket: priority first, then by number; None when nobody waits.

    After *priority_streak_cap* priority calls in a row for these services (0: no limit),
    the oldest normal ticket goes first if one waits.
    """
    require_role("queue.operate")
    day = day or date.today()
    with db.write() as s:
        oid = office_id(s, office_code)
        q = select(Ticket).where(
            Ticket.office_id == oid,
            Ticket.ticket_date == day,
            Ticket.status == TicketStatus.WAITING,
        )
        # By the service it waits for now: a transferred ticket keeps its number.
        services = in_services(prefixes)
        if services is not None:
            q = q.where(services)
        normal_first = False
        if priority_streak_cap > 0:
            # Two counters reading the streak at once would both let a priority pass.
            take_turn(s, CALL_LOCK, oid)
            normal_first = priority_streak_reached(s, oid, day, prefixes, priority_streak_cap)
        # Priority first, then the order numbers were given: the id, allocated after the
        # service's sequence row is locked, so within a service it follows the number
        # (issued_at is taken before that lock and can disagree under concurrency).
        klass = Ticket.priority.is_not(None) if normal_first else Ticket.priority.is_(None)
        q = q.order_by(klass, Ticket.id).limit(1)
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
    require_role("queue.operate")
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
    require_role("queue.operate")
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
        audit(s, officer, "ticket_transfer", "ticket", t.id, number=t.number, to=svc.prefix,
              counter=counter)  # fmt: skip
        s.flush()
        return _info(s, t)


def active_services(db: Database) -> list[str]:
    """The letters of the services the office offers now, in order (a counter picks from these)."""
    with db.session() as s:
        return list(
            s.scalars(
                select(Service.prefix).where(Service.active.is_(True)).order_by(Service.prefix)
            )
        )
