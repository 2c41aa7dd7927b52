"""Walk-in registration: find or record the applicant, the application, its fee and its ticket."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.admin.audit import PERSON_NOT_COMPARED, audit, fields_of
from app.admin.session import require as require_role
from app.config import Settings
from app.db.engine import Database
from app.db.models import Applicant, Application, ApplicationFee, ApplicationStage, Tariff
from app.db.setup import office_id
from app.desk.applicant import check_person
from app.desk.closures import collection_date_in
from app.desk.documents import required_documents
from app.desk.nik import check_nik, normalize_nik
from app.desk.passport import (
    KINDS,
    PRODUCTS,
    PURPOSES,
    Fee,
    TariffRow,
    check_validity,
    compute_fee,
)
from app.desk.regions import known_regions
from app.desk.registration_data import ApplicantInfo, RegistrationForm, RegistrationResult
from app.desk.stages import Stage
from app.problems import InputRejected, Problem
from app.queue.numbering import PRIORITIES, service_for_kind
from app.queue.tickets import _info, issue_in_session
from app.text_limits import too_long

__all__ = ["ApplicantInfo", "RegistrationForm", "RegistrationResult"]


def _applicant_info(a: Applicant) -> ApplicantInfo:
    return ApplicantInfo(
        a.id, a.citizenship, a.nik, a.passport_no, a.nationality, a.name, a.birth_place,
        a.birth_date, a.sex, a.married, a.phone,
    )  # fmt: skip


def find_by_nik(db: Database, nik: str) -> ApplicantInfo | None:
    nik = normalize_nik(nik)
    with db.session() as s:
        a = s.scalar(select(Applicant).where(Applicant.nik == nik))
        return _applicant_info(a) if a else None


def find_by_passport(db: Database, passport_no: str, nationality: str) -> ApplicantInfo | None:
    with db.session() as s:
        a = s.scalar(
            select(Applicant).where(
                Applicant.passport_no == passport_no.strip().upper(),
                Applicant.nationality == nationality.strip().upper(),
            )
        )
        return _applicant_info(a) if a else None


def tariff_rows(s: Session) -> list[TariffRow]:
    return [
        TariffRow(t.code, t.component, t.amount, t.valid_from, t.basis, t.product, t.validity_years)
        for t in s.scalars(select(Tariff))
    ]


def load_tariffs(db: Database) -> list[TariffRow]:
    with db.session() as s:
        return tariff_rows(s)


def stored_name(name: str) -> str:
    """A name as the applicant record keeps it: single spaces, upper case."""
    return " ".join(name.split()).upper()


def validate_form(
    form: RegistrationForm, tariffs: list[TariffRow], today: date
) -> tuple[list[Problem], list[Problem], Fee | None]:
    """Hard problems, warnings and the fee (when it can be computed) for a filled form."""
    problems: list[Problem] = []
    nik = check_nik(form.nik, form.birth_date, form.sex, today, regions=known_regions())
    problems += nik.errors
    warnings = list(nik.warnings)
    problems += check_person(form.name, form.birth_date, form.sex, form.phone, today)
    # Each value as register() stores it.
    for key, value, name in (
        ("applicant.name", stored_name(form.name), "name"),
        ("applicant.birth_place", form.birth_place.strip(), "birth_place"),
        ("applicant.phone", form.phone.strip(), "phone"),
        ("application.booking_code", form.booking_code, "booking_code"),
    ):
        if problem := too_long(key, value, name):
            problems.append(problem)
    if form.kind not in KINDS:
        problems.append(Problem("kind.invalid", "kind", {"value": form.kind}))
    if form.product not in PRODUCTS:
        problems.append(Problem("product.invalid", "product", {"value": form.product}))
    if form.purpose not in PURPOSES:
        problems.append(Problem("kind.invalid", "purpose", {"value": form.purpose}))
    if form.priority is not None and form.priority not in PRIORITIES:
        problems.append(Problem("priority.unknown", "priority", {"value": form.priority}))
    if form.birth_date is not None and form.birth_date <= today:
        p = check_validity(form.validity_years, form.birth_date, today, form.married)
        if p:
            problems.append(p)
    fee = None
    if form.kind in KINDS and form.product in PRODUCTS and form.validity_years in (5, 10):
        try:
            fee = compute_fee(
                tariffs, today, form.kind, form.product, form.validity_years,
                form.same_day, form.force_majeure,
            )  # fmt: skip
        except LookupError:
            problems.append(
                Problem(
                    "tariff.missing",
                    "product",
                    {"product": form.product, "date": today.isoformat()},
                )
            )
    return problems, warnings, fee


def register(
    db: Database,
    settings: Settings,
    form: RegistrationForm,
    officer: str = "",
    counter: str | None = None,
    now: datetime | None = None,
) -> RegistrationResult:
    """Save applicant + application + fee lines and issue the ticket, all or nothing."""
    require_role("registration.write")
    now = now or datetime.now()
    today = now.date()
    with db.write() as s:
        tariffs = tariff_rows(s)
        problems, warnings, fee = validate_form(form, tariffs, today)
        if officer_problem := too_long("application.officer", officer, "officer"):
            problems.append(officer_problem)
        if counter_problem := too_long("ticket.counter", counter, "counter"):
            problems.append(counter_problem)
        if problems or fee is None:
            raise InputRejected(problems)
        assert form.birth_date is not None
        nik = normalize_nik(form.nik)
        name = stored_name(form.name)
        a = s.scalar(select(Applicant).where(Applicant.nik == nik))
        before = fields_of(a, PERSON_NOT_COMPARED) if a is not None else None
        if a is None:
            a = Applicant(citizenship="WNI", nik=nik)
            s.add(a)
        a.name = name
        a.birth_place = form.birth_place.strip() or None
        a.birth_date = form.birth_date
        a.sex = form.sex
        a.married = form.married
        a.phone = form.phone.strip() or None
        s.flush()
        wanted = required_documents(form.kind, form.birth_date, today, form.married, form.purpose)
        app = Application(
            office_id=office_id(s, settings.office.code),
            applicant_id=a.id,
            application_date=today,
            kind=form.kind,
            product=form.product,
            validity_years=form.validity_years,
            same_day=form.same_day,
            force_majeure=form.force_majeure,
            purpose=form.purpose,
            fee_total=fee.total,
            documents={code: bool(form.documents.get(code)) for code in wanted},
            booking_code=form.booking_code,
            stage=Stage.BERKAS,
            officer=officer or None,
            created_at=now,
        )
        s.add(app)
        s.flush()
        by_code = {t.code: t.id for t in s.scalars(select(Tariff))}
        for line in fee.lines:
            s.add(ApplicationFee(application_id=app.id, tariff_id=by_code[line.tariff_code],
                                 component=line.component, amount=line.amount))  # fmt: skip
        s.add(ApplicationStage(application_id=app.id, stage=Stage.BERKAS, at=now,
                               officer=officer or None, counter=counter))  # fmt: skip
        prefix = service_for_kind(form.kind)
        # A booked applicant's priority is not a walk-in's: only walk-ins count against the quota.
        quota = None if form.booking_code else settings.walk_in_priority_quota
        ticket = issue_in_session(
            s, settings.office.code, prefix, form.priority, app.id, now, counter, officer,
            priority_quota=quota,
        )  # fmt: skip
        # An applicant met before: the personal fields this registration changed, masked.
        audit(s, officer or "-", "register", "application", app.id, at=now, applicant=a.id,
              before=before, after=fields_of(a, PERSON_NOT_COMPARED) if before else None)  # fmt: skip
        # Shown at the desk as the date to expect if paid today; stored only at payment
        # (app.desk.application_steps.advance), when it is known.
        collection = collection_date_in(s, settings, today, form.same_day)
        return RegistrationResult(a.id, app.id, fee, _info(s, ticket), warnings, collection)
