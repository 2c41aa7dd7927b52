"""M-Paspor appointments at the desk: the day's list, and checking a booking in (its ticket)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.admin.audit import audit
from app.admin.session import require as require_role
from app.changes import Changes
from app.config import Settings
from app.db.engine import Database
from app.db.models import Application, ApplicationFee, Appointment, Tariff, Ticket
from app.desk.appointment_csv import ImportReport, RowRejection, RowWarning
from app.desk.appointment_import import import_appointments
from app.desk.closures import collection_date_in
from app.desk.passport import Fee, FeeLine
from app.desk.registration import RegistrationForm, RegistrationResult, register
from app.i18n import N_, register_messages
from app.problems import InputRejected, Problem
from app.queue.tickets import _info

# The import lives in app.desk.appointment_import; its names stay reachable here, where the
# desk has always found them.
__all__ = [
    "AppointmentRow",
    "ImportReport",
    "RowRejection",
    "RowWarning",
    "appointments_on",
    "check_in",
    "import_appointments",
]

register_messages(
    {
        "appointment.unknown": N_("Booking code {code} is not in the appointment list."),
        "appointment.checked_in": N_(
            "Booking code {code} is already checked in with queue number {number}."
        ),
        "appointment.other_day": N_("This appointment is for {date}, not today."),
    }
)


@dataclass(frozen=True)
class AppointmentRow:
    id: int
    booking_code: str
    appointment_date: date
    kind: str
    product: str
    validity_years: int
    checked_in: bool
    ticket_number: str | None


def appointments_on(db: Database, day: date) -> list[AppointmentRow]:
    """The day's bookings for the desk list (no names or NIKs: the clerk asks for the code)."""
    with db.session() as s:
        rows = s.execute(
            select(
                Appointment.id,
                Appointment.booking_code,
                Appointment.appointment_date,
                Appointment.kind,
                Appointment.product,
                Appointment.validity_years,
                Appointment.checked_in_at,
                Ticket.prefix,
                Ticket.sequence,
            )
            .outerjoin(Ticket, Ticket.application_id == Appointment.application_id)
            .where(Appointment.appointment_date == day)
            .order_by(Appointment.id, Ticket.id)
        ).all()
    out: dict[int, AppointmentRow] = {}
    for aid, code, day_, kind, product, validity, checked, prefix, seq in rows:
        if aid not in out:
            number = f"{prefix}-{seq:03d}" if prefix is not None else None
            out[aid] = AppointmentRow(
                aid, code, day_, kind, product, validity, checked is not None, number
            )
    return list(out.values())


def _ticket_number(s: Session, application_id: int | None) -> str:
    if application_id is None:  # walk-in tickets have no application: never match those
        return "-"
    first = select(Ticket).where(Ticket.application_id == application_id).order_by(Ticket.id)
    t = s.scalar(first.limit(1))
    return t.number if t is not None else "-"


def _already_checked_in(code: str, number: str) -> InputRejected:
    params: dict[str, object] = {"code": code, "number": number}
    return InputRejected([Problem("appointment.checked_in", "booking_code", params)])


def _result_of(s: Session, settings: Settings, app: Application) -> RegistrationResult:
    """The registration result of an application saved earlier (for a retried check-in)."""
    fee_rows = s.execute(
        select(ApplicationFee, Tariff)
        .join(Tariff, Tariff.id == ApplicationFee.tariff_id)
        .where(ApplicationFee.application_id == app.id)
        .order_by(ApplicationFee.id)
    )
    fee = Fee(tuple(FeeLine(t.code, f.component, f.amount, t.basis) for f, t in fee_rows))
    ticket = s.scalar(select(Ticket).where(Ticket.application_id == app.id).order_by(Ticket.id))
    if ticket is None:  # register() issues the ticket in the same transaction as the application
        raise LookupError(f"application {app.id} has no ticket")
    collection = collection_date_in(s, settings, app.application_date, app.same_day)
    return RegistrationResult(app.applicant_id, app.id, fee, _info(s, ticket), [], collection)


def _mark_checked_in(db: Database, code: str, application_id: int, now: datetime,
                     officer: str) -> None:  # fmt: skip
    with db.write() as s:
        done = s.execute(
            update(Appointment)
            .where(Appointment.booking_code == code, Appointment.checked_in_at.is_(None))
            .values(checked_in_at=now, application_id=application_id)
        )
        if done.rowcount:  # type: ignore[attr-defined]
            audit(s, officer, "appointment_check_in", "appointment", code, at=now,
                  application=application_id)  # fmt: skip


def _form_for(
    appt: Appointment, priority: str | None, documents: dict[str, bool]
) -> RegistrationForm:
    a = appt.applicant
    return RegistrationForm(
        nik=a.nik or "", name=a.name, birth_place=a.birth_place or "", birth_date=a.birth_date,
        sex=a.sex, married=a.married, phone=a.phone or "", kind=appt.kind, product=appt.product,
        validity_years=appt.validity_years, priority=priority, booking_code=appt.booking_code,
        documents=dict(documents),
    )  # fmt: skip


def check_in(
    db: Database,
    settings: Settings,
    booking_code: str,
    priority: str | None = None,
    officer: str = "",
    counter: str | None = None,
    now: datetime | None = None,
    documents: dict[str, bool] | None = None,
) -> RegistrationResult:
    """Register a booked applicant and issue the ticket; the appointment is marked after.

    Safe to retry: an application already saved under the booking code (a check-in that
    stopped before marking) is marked and its result returned; Application.booking_code
    is unique, so two counters can never make two applications of one booking.
    """
    require_role("registration.write")
    now = now or datetime.now()
    code = booking_code.strip().upper()
    result: RegistrationResult | None = None
    with db.session() as s:
        appt = s.scalar(select(Appointment).where(Appointment.booking_code == code))
        if appt is None:
            params: dict[str, object] = {"code": code or "-"}
            raise InputRejected([Problem("appointment.unknown", "booking_code", params)])
        if appt.checked_in_at is not None:
            raise _already_checked_in(code, _ticket_number(s, appt.application_id))
        saved = s.scalar(select(Application).where(Application.booking_code == code))
        if saved is not None:
            result = _result_of(s, settings, saved)
        form = _form_for(appt, priority, documents or {})
        booked_for = appt.appointment_date
    if result is None:
        try:
            result = register(db, settings, form, officer=officer, counter=counter, now=now)
        except IntegrityError:
            # Another counter saved this booking a moment ago; tell this one which ticket it got.
            with db.session() as s:
                app_id = s.scalar(select(Application.id).where(Application.booking_code == code))
                number = _ticket_number(s, app_id)
            if app_id is None:
                raise
            raise _already_checked_in(code, number) from None
    _mark_checked_in(db, code, result.application_id, now, officer)
    result = dataclasses.replace(result, changes=result.changes | Changes(appointments=True))
    if booked_for != now.date():
        other_day = Problem(
            "appointment.other_day", "booking_code", {"date": booked_for.isoformat()}
        )
        result = dataclasses.replace(result, warnings=[*result.warnings, other_day])
    return result
