"""The statistics' cache of closed days: the same figures as from the rows, kept true by the
database's triggers whatever changes afterwards, on SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select, update

from app.db.faults import DatabaseFault
from app.db.figure_models import FigureDay, FigureDirty, FigureMonth, FigureMonthHist
from app.db.models import (
    Applicant,
    Application,
    ApplicationStage,
    Office,
    Service,
    StayPermitRequest,
    Ticket,
)
from app.figures.statistics import statistics
from app.figures.statistics_model import Grain, Period
from app.progress import Cancelled

from tests.app.figures.test_statistics import OFFICE, known_data

LIVE = date(2025, 1, 1)  # a "today" before the data: no day of it is closed, all is read live
ASKED = (
    (Period.month(2025, 3), Grain.MONTH),
    (Period.months((2025, 2), (2025, 4)), Grain.MONTH),
    (Period.month(2025, 3), Grain.DAY),
    (Period.month(2025, 3), Grain.WEEK),
    (Period(date(2025, 2, 15), date(2025, 3, 20)), Grain.MONTH),  # parts of months
)


def _plain(value):
    """A Statistics as plain data, the mean of every spread included."""
    if dataclasses.is_dataclass(value):
        out = {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
        if hasattr(value, "mean"):
            out["mean"] = value.mean
        return out
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _same_as_live(db) -> None:
    for period, grain in ASKED:
        cached = statistics(db, OFFICE, period, grain)
        live = statistics(db, OFFICE, period, grain, today=LIVE)
        assert _plain(cached) == _plain(live), (period, grain)


def _rows(db, table) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(table))


def _office(s) -> int:
    return s.scalar(select(Office.id).where(Office.code == OFFICE))


@pytest.fixture
def data(db):
    return known_data(db)


def test_cached_figures_are_the_live_figures(data):
    _same_as_live(data)
    assert _rows(data, FigureDay) > 0 and _rows(data, FigureMonth) > 0
    assert _rows(data, FigureMonthHist) > 0
    before = _rows(data, FigureDay)
    _same_as_live(data)  # read again from the cache: nothing is worked out twice
    assert _rows(data, FigureDay) == before
    with data.session() as s:  # the marks of this office's days are used up (the other's wait)
        assert s.scalar(select(func.count()).select_from(FigureDirty)
                        .where(FigureDirty.office_id == _office(s))) == 0  # fmt: skip


def test_every_change_to_a_closed_day_is_seen(data):
    _same_as_live(data)
    changes = []

    def change(what):
        with data.write() as s:
            what(s)
        changes.append(what)
        _same_as_live(data)

    def new_ticket(s):
        a = s.scalar(select(Service.id).where(Service.prefix == "A"))
        s.add(Ticket(office_id=_office(s), service_id=a, ticket_date=date(2025, 3, 3), prefix="A",
                     sequence=9, status="done", issued_at=datetime(2025, 3, 3, 9, 0),
                     called_at=datetime(2025, 3, 3, 9, 7, 30),
                     finished_at=datetime(2025, 3, 3, 9, 20)))  # fmt: skip

    def recall_ticket(s):
        s.execute(update(Ticket).where(Ticket.ticket_date == date(2025, 3, 15), Ticket.prefix == "B")
                  .values(called_at=datetime(2025, 3, 15, 11, 0)))  # fmt: skip

    def ready_step(s):
        app = s.scalar(select(Application).where(Application.stage == "verifikasi"))
        s.add(ApplicationStage(application_id=app.id, stage="siap", at=datetime(2025, 3, 18, 9)))
        app.stage = "siap"

    def corrected_kind(s):
        app = s.scalar(select(Application).where(Application.kind == "rusak"))
        app.kind, app.product = "hilang", "epaspor"

    def applicant_fixed(s):
        person = s.scalar(select(Applicant).where(Applicant.name == "B"))
        person.sex, person.birth_date = "L", date(1999, 1, 1)

    def permit_removed(s):
        s.delete(s.scalars(select(StayPermitRequest).where(
            StayPermitRequest.request_date == date(2025, 3, 5))).first())  # fmt: skip

    def application_moved(s):
        app = s.scalar(select(Application).where(Application.application_date == date(2025, 3, 31)))
        app.application_date = date(2025, 2, 3)

    def sop_changed(s):
        s.execute(update(Service).where(Service.prefix == "A").values(sop_minutes=5))

    for what in (new_ticket, recall_ticket, ready_step, corrected_kind, applicant_fixed,
                 permit_removed, application_moved, sop_changed):  # fmt: skip
        change(what)
    assert len(changes) == 8
    march = statistics(data, OFFICE, Period.month(2025, 3))
    assert march.services[0].sop_minutes == 5 and march.by_kind["rusak"] == 0


def test_todays_work_is_never_marked_and_never_cached(data):
    today = date.today()
    with data.write() as s:
        a = s.scalar(select(Service.id).where(Service.prefix == "A"))
        now = datetime.now().replace(microsecond=0)
        s.add(Ticket(office_id=_office(s), service_id=a, ticket_date=today, prefix="A", sequence=1,
                     status="waiting", issued_at=now))  # fmt: skip
    with data.session() as s:
        assert s.scalar(select(func.count()).select_from(FigureDirty)
                        .where(FigureDirty.day >= today - timedelta(days=1))) == 0  # fmt: skip
    figures = statistics(data, OFFICE, Period(today - timedelta(days=3), today), Grain.DAY)
    assert figures.buckets[-1].tickets == 1
    with data.session() as s:
        assert s.scalar(select(func.count()).select_from(FigureDay)
                        .where(FigureDay.day >= today - timedelta(days=1))) == 0  # fmt: skip


def test_a_database_that_refuses_writes_is_read_live(data):
    data.refuse_writes(DatabaseFault("db.damaged"))
    for period, grain in ASKED:
        assert _plain(statistics(data, OFFICE, period, grain)) == _plain(
            statistics(data, OFFICE, period, grain, today=LIVE)
        )
    assert _rows(data, FigureDay) == 0


def test_cancelling_while_the_cache_is_built_keeps_whole_months(data):
    asked: list[int] = []

    def cancelled() -> bool:
        asked.append(1)
        # Asked after the office is checked, then before each month: two months, then stop.
        return len(asked) > 3

    half = Period.months((2025, 1), (2025, 6))
    with pytest.raises(Cancelled):
        statistics(data, OFFICE, half, cancelled=cancelled)
    with data.session() as s:
        done = s.scalars(select(FigureDay.day).where(FigureDay.key == "done")).all()
    # The six months before the period come first: July and August 2024, whole.
    assert sorted(done) == [date(2024, 7, 1) + timedelta(days=i) for i in range(62)]
    assert _plain(statistics(data, OFFICE, half)) == _plain(
        statistics(data, OFFICE, half, today=LIVE)
    )
