"""ORM models of the office's own figures work: its publicity and socialisation activities.

Monthly aggregates entered or imported (MonthlyFigure) stay in visit_models, where the
visit report first needed them; what the office does to publicise its services lives here.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, Date, DateTime, ForeignKey, Index, Integer, String, Text
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


# --- the statistics' cache of closed days (app.figures.statistics_cache) ----------------------
# Aggregates only. Triggers (migration 0009) mark a day dirty whenever a row it was computed
# from changes; the statistics recompute dirty and missing days before reading.


class FigureDirty(Base):
    """A closed day of an office whose cached figures are out of date; seq counts the marks."""

    __tablename__ = "figure_dirty"
    office_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, default=1)


class FigureDay(Base):
    """One closed day's counts (key "a:…", "r:…", "p:…", "t:SERVICE:…"), its wait and service
    spreads ("xw:…", "xs:…": count, ranked seconds, total seconds) and "done" once complete."""

    __tablename__ = "figure_day"
    office_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger)


class FigureMonth(Base):
    """One closed month's wait and service spreads over all services ("xw:…", "xs:…"), "done"."""

    __tablename__ = "figure_month"
    office_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    month: Mapped[date] = mapped_column(Date, primary_key=True)  # its first day
    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger)


class FigureMonthHist(Base):
    """A closed month's histogram of whole seconds: how many tickets of a service waited
    (measure "w") or were served (measure "s") v seconds."""

    __tablename__ = "figure_month_hist"
    office_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    month: Mapped[date] = mapped_column(Date, primary_key=True)
    measure: Mapped[str] = mapped_column(String(1), primary_key=True)
    service_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    v: Mapped[int] = mapped_column(Integer, primary_key=True)
    c: Mapped[int] = mapped_column(Integer)
