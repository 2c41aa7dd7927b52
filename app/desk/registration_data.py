"""Plain records of a registration: the form, the applicant found, the result (no database imports)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from app.changes import Changes
from app.desk.passport import Fee
from app.problems import Problem
from app.queue.ticket_rows import TicketInfo


@dataclass(frozen=True)
class ApplicantInfo:
    id: int
    citizenship: str
    nik: str | None
    passport_no: str | None
    nationality: str | None
    name: str
    birth_place: str | None
    birth_date: date
    sex: str
    married: bool
    phone: str | None


@dataclass
class RegistrationForm:
    nik: str = ""
    name: str = ""
    birth_place: str = ""
    birth_date: date | None = None
    sex: str = ""
    married: bool = False
    phone: str = ""
    kind: str = "baru"
    product: str = "epaspor"
    validity_years: int = 10
    same_day: bool = False
    force_majeure: bool = False
    purpose: str = "umum"
    documents: dict[str, bool] = field(default_factory=dict)
    priority: str | None = None
    booking_code: str | None = None


@dataclass(frozen=True)
class RegistrationResult:
    applicant_id: int
    application_id: int
    fee: Fee
    ticket: TicketInfo
    warnings: list[Problem]
    collection_date: date | None
    # A walk-in registration writes the applicant, the application and a ticket; a booked
    # check-in (app.desk.appointments.check_in) adds the appointment it marks.
    changes: Changes = Changes(tickets=True, applicants=True, applications=True)
