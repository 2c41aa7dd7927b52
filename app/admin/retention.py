"""Retention: applicants' personal fields are anonymised a number of years after their last
contact with the office, while every application, ticket and figure stays.

An applicant's last contact is the latest of their applications, stay-permit requests,
booked appointments and the day they were first recorded. Anonymising clears the NIK, the
passport number, the birth place and the phone, and replaces the name by ANONYMOUS_NAME.
Decision: the sex and the birth date stay — the office's figures (by sex, by age group at the
application date) are computed from them and would change otherwise; without NIK and name
they no longer point at a person. One UPDATE in one transaction, and one audit row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Date, cast, func, or_, select, union_all, update

from app.admin.audit import audit
from app.admin.session import require as require_role
from app.db.engine import Database
from app.db.models import Applicant, Application, Appointment, StayPermitRequest
from app.desk.masking import mask_nik, mask_tail
from app.i18n import N_, register_messages
from app.problems import InputRejected, Problem

register_messages(
    {"purge.years": N_("The retention period must be a whole number of years from 1 to 100.")}
)

ANONYMOUS_NAME = "ANONIM"
SHOWN = 50  # applicants listed by a dry run (the count is always whole)


@dataclass(frozen=True)
class PurgeCandidate:
    applicant_id: int
    masked_id: str  # the masked NIK, or the masked passport number of a foreign national
    last_contact: date


@dataclass(frozen=True)
class PurgeResult:
    cutoff: date
    count: int
    shown: list[PurgeCandidate]
    done: bool  # False for a dry run


def cutoff_for(years: int, today: date) -> date:
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)


def _last_contacts():
    contacts = union_all(
        select(Application.applicant_id.label("who"), Application.application_date.label("day")),
        select(StayPermitRequest.applicant_id, StayPermitRequest.request_date),
        select(Appointment.applicant_id, Appointment.appointment_date),
        select(Applicant.id, cast(Applicant.created_at, Date)),
    ).subquery()
    return (select(contacts.c.who, func.max(contacts.c.day).label("last"))
            .group_by(contacts.c.who).subquery())  # fmt: skip


def _due(cutoff: date):
    last = _last_contacts()
    still_personal = or_(Applicant.nik.is_not(None), Applicant.passport_no.is_not(None),
                         Applicant.name != ANONYMOUS_NAME, Applicant.phone.is_not(None),
                         Applicant.birth_place.is_not(None))  # fmt: skip
    return (
        select(Applicant.id, Applicant.nik, Applicant.passport_no, last.c.last)
        .join(last, last.c.who == Applicant.id)
        .where(last.c.last < cutoff, still_personal)
        .order_by(last.c.last, Applicant.id)
    )


def purge(db: Database, older_than_years: int, *, dry_run: bool, today: date | None = None,
          actor: str | None = None) -> PurgeResult:  # fmt: skip
    """Anonymise (or, with *dry_run*, list) the applicants whose last contact is more than
    *older_than_years* years before *today*."""
    require_role("purge.run")
    if isinstance(older_than_years, bool) or not 1 <= int(older_than_years) <= 100:
        raise InputRejected([Problem("purge.years", "older_than")])
    cutoff = cutoff_for(int(older_than_years), today or date.today())
    due = _due(cutoff)
    if dry_run:
        with db.session() as s:
            rows = s.execute(due).all()
        return PurgeResult(cutoff, len(rows), _shown(rows), done=False)
    with db.write() as s:
        rows = s.execute(due).all()
        ids = [r[0] for r in rows]
        for start in range(0, len(ids), 5000):  # SQLite's limit on bound parameters
            s.execute(update(Applicant).where(Applicant.id.in_(ids[start:start + 5000]))
                      .values(nik=None, passport_no=None, birth_place=None, phone=None,
                              name=ANONYMOUS_NAME, updated_at=datetime.now()))  # fmt: skip
        audit(s, actor, "purge", "applicant", None, years=int(older_than_years), cutoff=cutoff,
              anonymised=len(rows))  # fmt: skip
    return PurgeResult(cutoff, len(rows), _shown(rows), done=True)


def _shown(rows) -> list[PurgeCandidate]:
    return [PurgeCandidate(i, mask_nik(nik) if nik else mask_tail(passport, 3), last)
            for i, nik, passport, last in rows[:SHOWN]]  # fmt: skip
