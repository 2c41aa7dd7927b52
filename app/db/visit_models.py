"""ORM models of supervision visits (monev): checklist templates, visits, answers, findings, photos.

Records that travel between a supervisor's laptop and the office (visit,
finding, follow-up, photo link) carry a UUID and an updated-at stamp so that
an exchange file can be merged idempotently by UUID.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db.models import Base, new_uuid


class ChecklistTemplate(Base):
    """One version of a checklist; a used version is never edited (a new version is made)."""

    __tablename__ = "checklist_template"
    __table_args__ = (UniqueConstraint("code", "version"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    code: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=datetime.now)

    sections: Mapped[list[TemplateSection]] = relationship(
        back_populates="template", order_by="TemplateSection.position", cascade="all, delete-orphan"
    )


class TemplateSection(Base):
    __tablename__ = "template_section"
    __table_args__ = (UniqueConstraint("template_id", "code"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    template_id: Mapped[int] = mapped_column(
        ForeignKey("checklist_template.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(200))

    template: Mapped[ChecklistTemplate] = relationship(back_populates="sections")
    items: Mapped[list[TemplateItem]] = relationship(
        back_populates="section", order_by="TemplateItem.position", cascade="all, delete-orphan"
    )


class TemplateItem(Base):
    __tablename__ = "template_item"
    __table_args__ = (UniqueConstraint("section_id", "code"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    section_id: Mapped[int] = mapped_column(
        ForeignKey("template_section.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(40))
    text: Mapped[str] = mapped_column(Text)
    guidance: Mapped[str] = mapped_column(Text, default="")
    answer_set: Mapped[str] = mapped_column(String(20))
    # Weights are small positive numbers (1, 2, 0.5); not money, so a float is fine.
    weight: Mapped[float] = mapped_column(Float, default=1.0)
    critical: Mapped[bool] = mapped_column(Boolean, default=False)

    section: Mapped[TemplateSection] = relationship(back_populates="items")


class Visit(Base):
    """A supervision visit (monev) to one office, filled with one template version."""

    __tablename__ = "visit"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    office_code: Mapped[str] = mapped_column(String(32), index=True)
    office_name: Mapped[str] = mapped_column(String(200))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    supervision_types: Mapped[list[str]] = mapped_column(JSON, default=list)
    team: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    office_reps: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    basis: Mapped[str] = mapped_column(Text, default="")
    purposes: Mapped[list[str]] = mapped_column(JSON, default=list)
    template_id: Mapped[int] = mapped_column(ForeignKey("checklist_template.id"), index=True)
    status: Mapped[str] = mapped_column(String(10), default="draft")  # draft | final
    place: Mapped[str] = mapped_column(String(80), default="")
    origin: Mapped[str] = mapped_column(String(80), default="")
    # Set on the second copy of a visit edited on two machines, for a person to settle.
    conflict_of: Mapped[str | None] = mapped_column(String(36))
    finalized_at: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=datetime.now)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=datetime.now)

    template: Mapped[ChecklistTemplate] = relationship()


class VisitAnswer(Base):
    __tablename__ = "visit_answer"
    __table_args__ = (UniqueConstraint("visit_id", "item_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id", ondelete="CASCADE"), index=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("template_item.id"), index=True)
    answer: Mapped[str | None] = mapped_column(String(20))
    number_value: Mapped[float | None] = mapped_column(Float)
    text_value: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=datetime.now)


class Finding(Base):
    """A finding (temuan) with its direction (arahan), owner, due date and follow-up status."""

    __tablename__ = "finding"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id", ondelete="CASCADE"), index=True)
    item_id: Mapped[int | None] = mapped_column(ForeignKey("template_item.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    direction: Mapped[str] = mapped_column(Text, default="")
    priority: Mapped[str] = mapped_column(String(10), default="sedang")
    owner: Mapped[str] = mapped_column(String(120), default="")
    due_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="terbuka")
    # Carried forward from an earlier visit: the predecessor's UUID, its status
    # at the time, and the date the finding was first raised.
    carried_from: Mapped[str | None] = mapped_column(String(36), index=True)
    carried_status: Mapped[str | None] = mapped_column(String(20))
    raised_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=datetime.now)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=datetime.now)

    follow_ups: Mapped[list[FindingFollowUp]] = relationship(
        order_by="[FindingFollowUp.at, FindingFollowUp.id]", cascade="all, delete-orphan"
    )


class FindingFollowUp(Base):
    __tablename__ = "finding_follow_up"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    finding_id: Mapped[int] = mapped_column(
        ForeignKey("finding.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")
    by_name: Mapped[str] = mapped_column(String(120), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=datetime.now)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=datetime.now)


class Attachment(Base):
    """A re-encoded photo, stored once by the SHA-256 of its bytes."""

    __tablename__ = "attachment"
    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    mime: Mapped[str] = mapped_column(String(40))
    size: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=datetime.now)


class VisitAttachment(Base):
    """A photo used as evidence in a visit, optionally for one checklist item."""

    __tablename__ = "visit_attachment"
    __table_args__ = (UniqueConstraint("visit_id", "attachment_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id", ondelete="CASCADE"), index=True)
    attachment_id: Mapped[int] = mapped_column(ForeignKey("attachment.id"), index=True)
    item_id: Mapped[int | None] = mapped_column(ForeignKey("template_item.id"))
    caption: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=datetime.now)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=datetime.now)

    attachment: Mapped[Attachment] = relationship()


class MonthlyFigure(Base):
    """A monthly service aggregate entered at the office or imported (no names, no NIKs)."""

    __tablename__ = "monthly_figure"
    __table_args__ = (UniqueConstraint("office_code", "year", "month", "metric"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    office_code: Mapped[str] = mapped_column(String(32))
    year: Mapped[int] = mapped_column(Integer)
    month: Mapped[int] = mapped_column(Integer)
    metric: Mapped[str] = mapped_column(String(40))
    value: Mapped[float] = mapped_column(Float)
    source: Mapped[str] = mapped_column(String(10), default="office")  # office | import
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=datetime.now)
