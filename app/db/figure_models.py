"""ORM models of the office's own figures work: its publicity and socialisation activities.

Monthly aggregates entered or imported (MonthlyFigure) stay in visit_models, where the
visit report first needed them; what the office does to publicise its services lives here.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.db.models import Base, new_uuid


class SocializationActivity(Base):
    """One publicity or socialisation activity (publikasi/sosialisasi): no personal data."""

    __tablename__ = "socialization_activity"
    __table_args__ = (
        Index("ix_socialization_activity_office_date", "office_code", "activity_date"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    office_code: Mapped[str] = mapped_column(String(32))
    activity_date: Mapped[date] = mapped_column(Date)
    # mass_media | social_media | radio | face_to_face | outreach (service outside the office)
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(200))
    place: Mapped[str | None] = mapped_column(String(200))  # place or channel
    audience: Mapped[int | None] = mapped_column(Integer)  # people reached, when known
    note: Mapped[str | None] = mapped_column(Text)
    # The photo is stored like a visit photo: once, by SHA-256, in the attachment table.
    attachment_id: Mapped[int | None] = mapped_column(ForeignKey("attachment.id"))
    officer: Mapped[str | None] = mapped_column(String(60))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=datetime.now)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime, default=datetime.now, onupdate=datetime.now
    )
