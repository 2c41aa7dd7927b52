"""ORM models of the front desk (SQLAlchemy 2 typed declarative)."""

from __future__ import annotations

import functools
import socket
import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_uuid() -> str:
    return str(uuid.uuid4())


@functools.cache
def this_workstation() -> str:
    """The computer an audit row was written on (its network name)."""
    return (socket.gethostname() or "-")[:60]


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Office(Base):
    __tablename__ = "office"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))


class Service(Base):
    __tablename__ = "service"
    id: Mapped[int] = mapped_column(primary_key=True)
    prefix: Mapped[str] = mapped_column(String(1), unique=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name_id: Mapped[str] = mapped_column(String(120))
    name_en: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(20))
    sop_minutes: Mapped[int] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Tariff(Base):
    """A dated PNBP tariff row; once an application uses it, it is never edited."""

    __tablename__ = "tariff"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    component: Mapped[str] = mapped_column(String(20))
    product: Mapped[str | None] = mapped_column(String(20))
    validity_years: Mapped[int | None] = mapped_column(Integer)
    amount: Mapped[int] = mapped_column(Integer)
    valid_from: Mapped[date] = mapped_column(Date)
    basis: Mapped[str] = mapped_column(String(80))


class Applicant(Base):
    """A person: WNI found by NIK, WNA by passport number + nationality."""

    __tablename__ = "applicant"
    __table_args__ = (
        UniqueConstraint("passport_no", "nationality"),
        Index("ix_applicant_name", "name"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    citizenship: Mapped[str] = mapped_column(String(3))  # WNI | WNA
    nik: Mapped[str | None] = mapped_column(String(16), unique=True)
    passport_no: Mapped[str | None] = mapped_column(String(12))
    nationality: Mapped[str | None] = mapped_column(String(3))
    name: Mapped[str] = mapped_column(String(120))
    birth_place: Mapped[str | None] = mapped_column(String(80))
    birth_date: Mapped[date] = mapped_column(Date)
    sex: Mapped[str] = mapped_column(String(1))
    married: Mapped[bool] = mapped_column(Boolean, default=False)
    phone: Mapped[str | None] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=datetime.now)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime, default=datetime.now, onupdate=datetime.now
    )


class Application(Base):
    __tablename__ = "application"
    __table_args__ = (
        Index("ix_application_office_date", "office_id", "application_date"),
        Index("ix_application_product_date", "product", "application_date"),
        Index("ix_application_stage_collection", "stage", "collection_date"),
        Index("ix_application_statistics", "office_id", "application_date", "product", "kind",
              "stage", "booking_code", "applicant_id", "collection_date"),
    )  # fmt: skip
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    office_id: Mapped[int] = mapped_column(ForeignKey("office.id"))
    applicant_id: Mapped[int] = mapped_column(ForeignKey("applicant.id"), index=True)
    application_date: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(20))
    product: Mapped[str] = mapped_column(String(20))
    validity_years: Mapped[int] = mapped_column(Integer)
    same_day: Mapped[bool] = mapped_column(Boolean, default=False)
    force_majeure: Mapped[bool] = mapped_column(Boolean, default=False)
    purpose: Mapped[str] = mapped_column(String(20), default="umum")
    fee_total: Mapped[int] = mapped_column(Integer)
    documents: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    booking_code: Mapped[str | None] = mapped_column(String(40), unique=True)
    stage: Mapped[str] = mapped_column(String(20), default="berkas")
    paid_at: Mapped[datetime | None] = mapped_column(DateTime)
    paid_amount: Mapped[int | None] = mapped_column(Integer)
    billing_code: Mapped[str | None] = mapped_column(String(40))
    collection_date: Mapped[date | None] = mapped_column(Date)
    officer: Mapped[str | None] = mapped_column(String(60))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=datetime.now)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime, default=datetime.now, onupdate=datetime.now
    )

    applicant: Mapped[Applicant] = relationship()
    fees: Mapped[list[ApplicationFee]] = relationship(back_populates="application")


class ApplicationFee(Base):
    __tablename__ = "application_fee"
    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("application.id", ondelete="CASCADE"), index=True
    )
    tariff_id: Mapped[int] = mapped_column(ForeignKey("tariff.id"), index=True)
    component: Mapped[str] = mapped_column(String(20))
    amount: Mapped[int] = mapped_column(Integer)

    application: Mapped[Application] = relationship(back_populates="fees")


class ApplicationStage(Base):
    """Append-only: when an application entered a stage, who moved it there and at which counter.

    A wrong step is never edited: a correction is a new row naming the step it undoes
    (``corrects_id``) and the stage the application returns to.
    """

    __tablename__ = "application_stage"
    __table_args__ = (
        Index("ix_application_stage_reached", "application_id", "stage", "at"),
        Index("ix_application_stage_corrects_id", "corrects_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("application.id", ondelete="CASCADE"), index=True
    )
    stage: Mapped[str] = mapped_column(String(20))
    at: Mapped[datetime] = mapped_column(DateTime, default=datetime.now)
    officer: Mapped[str | None] = mapped_column(String(60))
    counter: Mapped[str | None] = mapped_column(String(20))
    corrects_id: Mapped[int | None] = mapped_column(ForeignKey("application_stage.id"))
    note: Mapped[str | None] = mapped_column(String(200))


class OfficeClosure(Base):
    """A day the office is closed beyond the national calendar (cuti bersama, local closures)."""

    __tablename__ = "office_closure"
    __table_args__ = (UniqueConstraint("office_id", "day"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("office.id"))
    day: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(String(200))
    officer: Mapped[str | None] = mapped_column(String(60))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=datetime.now)


class TicketSequence(Base):
    """Last number issued per office, day and prefix: the row that serialises issuing."""

    __tablename__ = "ticket_sequence"
    office_id: Mapped[int] = mapped_column(ForeignKey("office.id"), primary_key=True)
    ticket_date: Mapped[date] = mapped_column(Date, primary_key=True)
    prefix: Mapped[str] = mapped_column(String(1), primary_key=True)
    last: Mapped[int] = mapped_column(Integer)


class Ticket(Base):
    __tablename__ = "ticket"
    __table_args__ = (
        UniqueConstraint("office_id", "ticket_date", "prefix", "sequence"),
        Index("ix_ticket_queue", "office_id", "ticket_date", "status"),
        Index("ix_ticket_statistics", "office_id", "ticket_date", "service_id", "status",
              "priority", "issued_at", "called_at", "finished_at"),
    )  # fmt: skip
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    office_id: Mapped[int] = mapped_column(ForeignKey("office.id"))
    service_id: Mapped[int] = mapped_column(ForeignKey("service.id"))
    ticket_date: Mapped[date] = mapped_column(Date)
    prefix: Mapped[str] = mapped_column(String(1))
    sequence: Mapped[int] = mapped_column(Integer)
    priority: Mapped[str | None] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(12), default="waiting")
    issued_at: Mapped[datetime] = mapped_column(DateTime, default=datetime.now)
    called_at: Mapped[datetime | None] = mapped_column(DateTime)
    served_at: Mapped[datetime | None] = mapped_column(DateTime)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)
    counter: Mapped[str | None] = mapped_column(String(20))
    application_id: Mapped[int | None] = mapped_column(ForeignKey("application.id"), index=True)
    printed_count: Mapped[int] = mapped_column(Integer, default=0)

    service: Mapped[Service] = relationship()

    @property
    def number(self) -> str:
        return f"{self.prefix}-{self.sequence:03d}"


class QueueEvent(Base):
    """Append-only log of every ticket state change."""

    __tablename__ = "queue_event"
    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("ticket.id", ondelete="CASCADE"), index=True)
    event: Mapped[str] = mapped_column(String(20))
    at: Mapped[datetime] = mapped_column(DateTime, default=datetime.now)
    counter: Mapped[str | None] = mapped_column(String(20))
    officer: Mapped[str | None] = mapped_column(String(60))
    detail: Mapped[str | None] = mapped_column(String(200))


class ImportBatch(Base):
    """A file that was imported, by content hash, so that the same file adds nothing twice."""

    __tablename__ = "import_batch"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(30))
    sha256: Mapped[str] = mapped_column(String(64))
    filename: Mapped[str] = mapped_column(String(255))
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=datetime.now)
    imported: Mapped[int] = mapped_column(Integer, default=0)
    rejected: Mapped[int] = mapped_column(Integer, default=0)


class Appointment(Base):
    """A booking from the national M-Paspor app, checked in at the desk."""

    __tablename__ = "appointment"
    __table_args__ = (Index("ix_appointment_date", "appointment_date"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    booking_code: Mapped[str] = mapped_column(String(40), unique=True)
    applicant_id: Mapped[int] = mapped_column(ForeignKey("applicant.id"), index=True)
    appointment_date: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(20))
    product: Mapped[str] = mapped_column(String(20))
    validity_years: Mapped[int] = mapped_column(Integer)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batch.id"))
    application_id: Mapped[int | None] = mapped_column(ForeignKey("application.id"))
    checked_in_at: Mapped[datetime | None] = mapped_column(DateTime)

    applicant: Mapped[Applicant] = relationship()


class AuditLog(Base):
    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_entity", "entity", "entity_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=datetime.now, index=True)
    actor: Mapped[str] = mapped_column(String(60))
    action: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str | None] = mapped_column(String(40))
    detail: Mapped[str | None] = mapped_column(Text)
    workstation: Mapped[str | None] = mapped_column(String(60), default=this_workstation)


class StayPermitRequest(Base):
    """A foreign national's stay-permit service request (ITK→ITAS, ITAS→ITAP, extension, address)."""

    __tablename__ = "stay_permit_request"
    __table_args__ = (
        Index("ix_stay_permit_request_statistics", "office_id", "request_date", "kind"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    office_id: Mapped[int] = mapped_column(ForeignKey("office.id"))
    applicant_id: Mapped[int] = mapped_column(ForeignKey("applicant.id"), index=True)
    request_date: Mapped[date] = mapped_column(Date, index=True)
    kind: Mapped[str] = mapped_column(String(20))
    permit_no: Mapped[str | None] = mapped_column(String(40))
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("ticket.id"))
    officer: Mapped[str | None] = mapped_column(String(60))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=datetime.now)
