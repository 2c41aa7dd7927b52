"""Foreign nationals' desk: stay-permit requests by passport number + nationality, with a C ticket."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from app.admin.session import require as require_role
from app.changes import Changes
from app.config import Settings
from app.db.engine import Database
from app.db.models import Applicant, AuditLog, StayPermitRequest
from app.db.setup import office_id
from app.desk.applicant import check_passport_no, check_person, normalize_passport
from app.desk.stay_permits import PERMIT_KINDS
from app.i18n import N_, register_messages
from app.problems import InputRejected, Problem
from app.queue.numbering import PRIORITIES
from app.queue.ticket_rows import TicketInfo
from app.queue.tickets import _info, issue_in_session
from app.text_limits import too_long

STAY_PERMIT_PREFIX = "C"

register_messages({
    "permit.kind": N_("Unknown stay-permit service: {value}."),
    "nationality.indonesian": N_("Indonesian citizens are registered by NIK on the Registration page."),
})  # fmt: skip

_NATIONALITY = re.compile(r"^[A-Z]{3}$")


@dataclass
class ForeignerForm:
    passport_no: str = ""
    nationality: str = ""
    name: str = ""
    birth_date: date | None = None
    sex: str = ""
    phone: str = ""
    kind: str = "itas_perpanjangan"
    permit_no: str = ""
    priority: str | None = None


@dataclass(frozen=True)
class ForeignerResult:
    applicant_id: int
    request_id: int
    ticket: TicketInfo
    returning: bool  # the person was already known by passport number + nationality
    # The stay-permit request counts as an application (the desk's list of the day's work).
    changes: Changes = Changes(tickets=True, applicants=True, applications=True)


def check_foreigner(form: ForeignerForm, today: date) -> list[Problem]:
    problems: list[Problem] = []
    if passport_problem := check_passport_no(form.passport_no):
        problems.append(passport_problem)
    nationality = form.nationality.strip().upper()
    if nationality == "IDN":
        problems.append(Problem("nationality.indonesian", "nationality"))
    elif not _NATIONALITY.match(nationality):
        problems.append(Problem("nationality.format", "nationality"))
    problems += check_person(form.name, form.birth_date, form.sex, form.phone, today)
    # Each value as register_foreigner() stores it (passport and nationality have their patterns).
    for key, value, name in (
        ("applicant.name", " ".join(form.name.split()).upper(), "name"),
        ("applicant.phone", form.phone.strip(), "phone"),
        ("stay_permit_request.permit_no", form.permit_no.strip(), "permit_no"),
    ):
        if problem := too_long(key, value, name):
            problems.append(problem)
    if form.kind not in PERMIT_KINDS:
        problems.append(Problem("permit.kind", "kind", {"value": form.kind}))
    if form.priority is not None and form.priority not in PRIORITIES:
        problems.append(Problem("priority.unknown", "priority", {"value": form.priority}))
    return problems


def register_foreigner(
    db: Database,
    settings: Settings,
    form: ForeignerForm,
    officer: str = "",
    counter: str | None = None,
    now: datetime | None = None,
) -> ForeignerResult:
    """Record (or find again) the person and the request, and issue the C ticket — all or nothing."""
    require_role("registration.write")
    now = now or datetime.now()
    problems = check_foreigner(form, now.date())
    if officer_problem := too_long("stay_permit_request.officer", officer, "officer"):
        problems.append(officer_problem)
    if counter_problem := too_long("ticket.counter", counter, "counter"):
        problems.append(counter_problem)
    if problems:
        raise InputRejected(problems)
    assert form.birth_date is not None
    passport, nationality = normalize_passport(form.passport_no), form.nationality.strip().upper()
    with db.write() as s:
        a = s.scalar(select(Applicant).where(Applicant.passport_no == passport,
                                             Applicant.nationality == nationality))  # fmt: skip
        returning = a is not None
        if a is None:
            a = Applicant(citizenship="WNA", passport_no=passport, nationality=nationality)
            s.add(a)
        a.name = " ".join(form.name.split()).upper()
        a.birth_date = form.birth_date
        a.sex = form.sex
        a.phone = form.phone.strip() or None
        s.flush()
        # Foreign nationals' walk-ins share the office's daily priority quota.
        ticket = issue_in_session(s, settings.office.code, STAY_PERMIT_PREFIX, form.priority, None, now,
                                  counter, officer, priority_quota=settings.walk_in_priority_quota)  # fmt: skip
        request = StayPermitRequest(
            office_id=office_id(s, settings.office.code), applicant_id=a.id, request_date=now.date(),
            kind=form.kind, permit_no=form.permit_no.strip() or None, ticket_id=ticket.id,
            officer=officer or None, created_at=now,
        )  # fmt: skip
        s.add(request)
        s.flush()
        s.add(AuditLog(actor=officer or "-", action="register", entity="stay_permit_request",
                       entity_id=str(request.id), at=now))  # fmt: skip
        return ForeignerResult(a.id, request.id, _info(s, ticket), returning)
