"""Days the office is closed beyond the national calendar, and the collection date they give."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.admin.session import require as require_role
from app.changes import Changes
from app.config import Settings
from app.db.engine import Database
from app.db.models import AuditLog, OfficeClosure
from app.db.setup import office_id
from app.desk.stages import collection_day
from app.i18n import N_, register_messages
from app.problems import InputRejected, Problem
from app.text_limits import too_long

# A closure changes the office's calendar: the collection dates computed from now on.
CLOSURE_CHANGES = Changes(office=True)
REASON_MAX = OfficeClosure.__table__.c.reason.type.length  # type: ignore[attr-defined]

register_messages(
    {
        "closure.reason_required": N_("Give the reason the office is closed."),
        "closure.reason_long": N_("The reason is too long ({n} characters; at most {max})."),
        "closure.exists": N_("{day} is already recorded as an office closure ({reason})."),
        "closure.not_found": N_("{day} is not recorded as an office closure."),
    }
)


@dataclass(frozen=True)
class ClosureInfo:
    day: date
    reason: str
    officer: str | None


def closed_days(s: Session, oid: int, since: date | None = None) -> frozenset[date]:
    """The office's recorded closures (from *since* on): the *closed* of app.queue.workdays."""
    q = select(OfficeClosure.day).where(OfficeClosure.office_id == oid)
    if since is not None:
        q = q.where(OfficeClosure.day >= since)
    return frozenset(s.scalars(q))


def collection_date_in(
    s: Session, settings: Settings, paid_on: date, same_day: bool = False
) -> date:
    """The collection date of a payment on *paid_on*, inside the caller's transaction."""
    return collection_day(
        paid_on,
        settings.collection_working_days,
        same_day=same_day,
        joint_leave=settings.collection_skips_joint_leave,
        closed=closed_days(s, office_id(s, settings.office.code), paid_on),
    )


def collection_date_on(
    db: Database, settings: Settings, paid_on: date, same_day: bool = False
) -> date:
    """The collection date of a payment on *paid_on*: N working days later (or that day, same-day)."""
    with db.session() as s:
        return collection_date_in(s, settings, paid_on, same_day)


def _checked_reason(reason: str) -> str:
    reason = " ".join((reason or "").split())
    if not reason:
        raise InputRejected([Problem("closure.reason_required", "reason")])
    if len(reason) > REASON_MAX:
        params: dict[str, object] = {"n": len(reason), "max": REASON_MAX}
        raise InputRejected([Problem("closure.reason_long", "reason", params)])
    return reason


def add_closure(
    db: Database,
    settings: Settings,
    day: date,
    reason: str,
    officer: str,
    now: datetime | None = None,
) -> Changes:
    """Record that the office is closed on *day*; collection dates computed later skip it.

    Dates already stored at earlier payments stay as they were: they were promised to the
    applicant on the receipt.
    """
    require_role("closure.write")
    reason = _checked_reason(reason)
    if problem := too_long("audit_log.actor", officer, "officer"):
        raise InputRejected([problem])
    now = now or datetime.now()
    with db.write() as s:
        oid = office_id(s, settings.office.code)
        existing = _closure_on(s, oid, day)
        if existing is not None:
            raise _exists(day, existing.reason)
        s.add(OfficeClosure(office_id=oid, day=day, reason=reason, officer=officer or None,
                            created_at=now))  # fmt: skip
        try:
            s.flush()
        except IntegrityError:  # the same day recorded at another workstation a moment ago
            raise _exists(day, "") from None
        s.add(AuditLog(actor=officer or "-", action="closure_add", entity="office_closure",
                       entity_id=day.isoformat(), at=now, detail=reason))  # fmt: skip
    return CLOSURE_CHANGES


def _closure_on(s: Session, oid: int, day: date) -> OfficeClosure | None:
    return s.scalar(
        select(OfficeClosure).where(OfficeClosure.office_id == oid, OfficeClosure.day == day)
    )


def _exists(day: date, reason: str) -> InputRejected:
    params: dict[str, object] = {"day": day.isoformat(), "reason": reason or "-"}
    return InputRejected([Problem("closure.exists", "day", params)])


def remove_closure(
    db: Database, settings: Settings, day: date, officer: str, now: datetime | None = None
) -> Changes:
    """Take back a closure recorded by mistake (the audit log keeps that it was there)."""
    require_role("closure.write")
    if problem := too_long("audit_log.actor", officer, "officer"):
        raise InputRejected([problem])
    now = now or datetime.now()
    with db.write() as s:
        oid = office_id(s, settings.office.code)
        row = _closure_on(s, oid, day)
        if row is None:
            raise InputRejected([Problem("closure.not_found", "day", {"day": day.isoformat()})])
        s.add(AuditLog(actor=officer or "-", action="closure_remove", entity="office_closure",
                       entity_id=day.isoformat(), at=now, detail=row.reason))  # fmt: skip
        s.delete(row)
    return CLOSURE_CHANGES


def list_closures(db: Database, settings: Settings, year: int | None = None) -> list[ClosureInfo]:
    """The office's recorded closures by day (of one *year*, or all)."""
    with db.session() as s:
        q = select(OfficeClosure).where(
            OfficeClosure.office_id == office_id(s, settings.office.code)
        )
        if year is not None:
            q = q.where(
                OfficeClosure.day >= date(year, 1, 1), OfficeClosure.day < date(year + 1, 1, 1)
            )
        return [
            ClosureInfo(c.day, c.reason, c.officer)
            for c in s.scalars(q.order_by(OfficeClosure.day))
        ]
