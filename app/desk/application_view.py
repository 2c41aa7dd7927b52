"""An application as the counter sees it: its record, its stage history and the steps open to it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.changes import NOTHING, Changes
from app.db.engine import Database
from app.db.models import Application, ApplicationStage
from app.desk.stages import effective_steps, format_application_number, next_stages
from app.problems import InputRejected, Problem


@dataclass(frozen=True)
class StepInfo:
    id: int
    stage: str
    at: datetime
    officer: str | None
    counter: str | None
    corrects_id: (
        int | None
    )  # set on a correction: the step it undoes (its stage is the one returned to)
    note: str | None


@dataclass(frozen=True)
class ApplicationView:
    id: int
    number: str
    applicant_id: int
    name: str
    nik: str | None
    passport_no: str | None
    booking_code: str | None
    application_date: date
    kind: str
    product: str
    validity_years: int
    same_day: bool
    force_majeure: bool
    purpose: str
    fee_total: int
    paid_amount: int | None
    billing_code: str | None
    paid_at: datetime | None
    collection_date: date | None
    stage: str
    documents: dict[str, bool]
    steps: list[StepInfo]  # every row, corrections included, in the order they were written
    next_stages: list[str]  # what advance() accepts now, in the table's order
    changes: Changes = NOTHING
    # The step correct_last_step would undo (None: only the registration is left).
    correctable_step_id: int | None = None


def not_found(app_id: int) -> InputRejected:
    number = format_application_number(app_id)
    return InputRejected([Problem("application.not_found", "number", {"number": number})])


def step_rows(s: Session, app_id: int) -> list[ApplicationStage]:
    """The stage rows of one application in the order they were appended (the id's order: two
    steps may carry the same clock time)."""
    q = select(ApplicationStage).where(ApplicationStage.application_id == app_id)
    return list(s.scalars(q.order_by(ApplicationStage.id)))


def view_in(s: Session, app: Application, changes: Changes = NOTHING) -> ApplicationView:
    """The view of *app* as it stands in the session *s* (after the caller's flush)."""
    rows = step_rows(s, app.id)
    in_effect = effective_steps((r.id, r.stage, r.corrects_id) for r in rows)
    a = app.applicant
    return ApplicationView(
        id=app.id,
        number=format_application_number(app.id),
        applicant_id=app.applicant_id,
        name=a.name,
        nik=a.nik,
        passport_no=a.passport_no,
        booking_code=app.booking_code,
        application_date=app.application_date,
        kind=app.kind,
        product=app.product,
        validity_years=app.validity_years,
        same_day=app.same_day,
        force_majeure=app.force_majeure,
        purpose=app.purpose,
        fee_total=app.fee_total,
        paid_amount=app.paid_amount,
        billing_code=app.billing_code,
        paid_at=app.paid_at,
        collection_date=app.collection_date,
        stage=app.stage,
        documents={str(k): bool(v) for k, v in (app.documents or {}).items()},
        steps=[
            StepInfo(r.id, r.stage, r.at, r.officer, r.counter, r.corrects_id, r.note) for r in rows
        ],
        next_stages=[str(n) for n in next_stages(app.stage, paid=app.paid_at is not None)],
        changes=changes,
        correctable_step_id=in_effect[-1][0] if len(in_effect) > 1 else None,
    )


def application_view(db: Database, app_id: int) -> ApplicationView:
    """One application with its history; InputRejected(application.not_found) when there is none."""
    with db.session() as s:
        app = s.get(Application, app_id)
        if app is None:
            raise not_found(app_id)
        return view_in(s, app)
