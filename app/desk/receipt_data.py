"""What the applicant's receipt (tanda terima) says, read from the database; printing and saving it are audited."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.admin.session import require as require_role
from app.changes import NOTHING, Changes
from app.config import OfficeProfile, Settings
from app.db.engine import Database
from app.db.models import Application, ApplicationFee, AuditLog, Tariff
from app.desk.masking import mask_nik
from app.desk.stages import format_application_number
from app.problems import InputRejected, Problem

# AuditLog.action of a receipt that left the program, on paper or as a file.
PRINTED, SAVED = "receipt_printed", "receipt_saved"


@dataclass(frozen=True)
class ReceiptFee:
    component: str  # passport | same_day | lost | damaged (app.desk.passport.FEE_COMPONENTS)
    amount: int
    basis: str  # the regulation the tariff comes from ("PP 28/2019")


@dataclass(frozen=True)
class ReceiptDocument:
    code: str  # app.desk.documents.DOCUMENTS
    received: bool


@dataclass(frozen=True)
class ReceiptData:
    """Codes, not words: the renderer says them in the language it prints in."""

    app_id: int
    number: str
    office: OfficeProfile
    application_date: date
    name: str
    masked_nik: str  # the full NIK never reaches the receipt
    kind: str
    product: str
    validity_years: int
    same_day: bool
    purpose: str
    stage: str
    fees: list[ReceiptFee]
    fee_total: int
    paid_amount: int | None
    billing_code: str | None
    paid_at: datetime | None
    collection_date: date | None
    documents: list[ReceiptDocument]
    printed_at: datetime
    officer: str

    @property
    def paid(self) -> bool:
        return self.paid_at is not None or self.paid_amount is not None


def not_found(app_id: object) -> InputRejected:
    number = format_application_number(app_id) if isinstance(app_id, int) else str(app_id)
    return InputRejected([Problem("application.not_found", "number", {"number": number})])


def receipt_data(
    db: Database,
    settings: Settings,
    app_id: int,
    *,
    officer: str | None = None,
    now: datetime | None = None,
) -> ReceiptData:
    """The receipt of application *app_id*, printed now by *officer* (default: who registered it).

    Raises InputRejected(application.not_found) for an unknown application.
    """
    with db.session() as s:
        app = s.scalar(
            select(Application)
            .where(Application.id == app_id)
            .options(selectinload(Application.applicant))
        )
        if app is None:
            raise not_found(app_id)
        fees = [
            ReceiptFee(component, amount, basis)
            for component, amount, basis in s.execute(
                select(ApplicationFee.component, ApplicationFee.amount, Tariff.basis)
                .join(Tariff, Tariff.id == ApplicationFee.tariff_id)
                .where(ApplicationFee.application_id == app_id)
                .order_by(ApplicationFee.id)
            )
        ]
        documents = [
            ReceiptDocument(code, bool(received))
            for code, received in (app.documents or {}).items()
        ]
        return ReceiptData(
            app_id=app.id,
            number=format_application_number(app.id),
            office=settings.office,
            application_date=app.application_date,
            name=app.applicant.name,
            masked_nik=mask_nik(app.applicant.nik),
            kind=app.kind,
            product=app.product,
            validity_years=app.validity_years,
            same_day=app.same_day,
            purpose=app.purpose,
            stage=app.stage,
            fees=fees,
            fee_total=app.fee_total,
            paid_amount=app.paid_amount,
            billing_code=app.billing_code,
            paid_at=app.paid_at,
            collection_date=app.collection_date,
            documents=documents,
            printed_at=now or datetime.now(),
            officer=officer or app.officer or "",
        )


def record_receipt(
    db: Database, app_id: int, action: str, officer: str, now: datetime | None = None
) -> Changes:
    """Note in the audit log that the receipt of *app_id* was printed (PRINTED) or saved (SAVED)."""
    require_role("receipt.print")
    if action not in (PRINTED, SAVED):
        raise ValueError(f"not a receipt action: {action}")
    with db.write() as s:
        if s.get(Application, app_id) is None:
            raise not_found(app_id)
        # The number only: a path the clerk typed may carry the applicant's name.
        s.add(
            AuditLog(
                at=now or datetime.now(),
                actor=officer or "-",
                action=action,
                entity="application",
                entity_id=str(app_id),
                detail=format_application_number(app_id),
            )
        )
    return NOTHING
