"""The grouped counts behind the statistics, one query each, by bucket of a period.

Each groups the office's rows by day first (in the order of the covering indexes of
migration 0008, so nothing is sorted) and rolls the days up into buckets; the live
statistics and the closed-day cache (app.figures.statistics_cache) both run them.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import and_, case, exists, func, select
from sqlalchemy.orm import aliased

from app.db.models import (
    Applicant,
    Application,
    ApplicationStage,
    Service,
    StayPermitRequest,
    Ticket,
)
from app.desk.passport import KINDS
from app.desk.stages import FINAL_STAGES, STAGE_ORDER, Stage
from app.figures.statistics_model import AGE_GROUPS, Grain, Period
from app.figures.statistics_sql import age_years, as_date, bucket_of, day_of, seconds_between
from app.queue.numbering import PRIORITIES

OPEN_STAGES: tuple[str, ...] = tuple(s.value for s in STAGE_ORDER if s not in FINAL_STAGES)


def _ones(condition: Any) -> Any:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def _total(columns: Iterable[Any]) -> list[Any]:
    """SUM of each column of a grouped subquery, for the roll-up into buckets."""
    return [func.sum(c) for c in columns]


def application_counts(s: Any, office_id: int, period: Period, grain: Grain) -> dict[date, dict]:
    """Per bucket: counts by product, channel, kind, open stage, sex and age group.

    The inner query groups by day: in the order of ix_application_statistics, so it streams
    without sorting; the outer one rolls the days (a few hundred rows) up into buckets.
    """
    a, person = Application, aliased(Applicant)
    age = age_years(person.birth_date, a.application_date)
    counted: dict[str, Any] = {
        "applications": func.count(),
        "epaspor": _ones(a.product == "epaspor"),
        "ordinary": _ones(a.product == "biasa"),
        "booked": _ones(a.booking_code.is_not(None)),
        **{f"kind:{k}": _ones(a.kind == k) for k in KINDS},
        **{f"stage:{st}": _ones(a.stage == st) for st in OPEN_STAGES},
        "sex:L": _ones(person.sex == "L"),
        "sex:P": _ones(person.sex == "P"),
        **{f"age<={high}": _ones(age <= high) for _c, _l, high in AGE_GROUPS if high is not None},
    }
    days = (
        select(
            a.application_date.label("day"),
            *(c.label(f"c{i}") for i, c in enumerate(counted.values())),
        )
        .join(person, person.id == a.applicant_id)
        .where(a.office_id == office_id, a.application_date.between(period.first, period.last))
        .group_by(a.application_date)
        .subquery("days")
    )
    bucket = bucket_of(days.c.day, grain).label("bucket")
    out = {}
    for b, *sums in s.execute(select(bucket, *_total(list(days.c)[1:])).group_by(bucket)):
        out[as_date(b)] = dict(zip(counted, (int(v) for v in sums), strict=True))
    return out


def ready_counts(
    s: Any, office_id: int, period: Period, grain: Grain
) -> dict[date, tuple[int, int]]:
    """Per bucket: applications that reached "siap" (not corrected), and those on time."""
    a, st, fix = Application, aliased(ApplicationStage), aliased(ApplicationStage)
    first_ready = (
        select(func.min(st.at))
        .where(
            st.application_id == a.id,
            st.stage == Stage.SIAP.value,
            ~exists().where(fix.corrects_id == st.id),
        )
        .scalar_subquery()
    )
    # OFFSET 0 keeps the subquery whole, so that each application's first step is looked
    # up once, not once per use in the outer query (both databases honour it).
    rows = (
        select(
            bucket_of(a.application_date, grain).label("bucket"),
            a.collection_date.label("promised"),
            first_ready.label("ready_at"),
        )
        .where(a.office_id == office_id, a.application_date.between(period.first, period.last))
        .offset(0)
        .subquery("ready")
    )
    out = {}
    for b, reached, on_time in s.execute(
        select(
            rows.c.bucket,
            func.count(rows.c.ready_at),
            _ones(day_of(rows.c.ready_at) <= rows.c.promised),
        ).group_by(rows.c.bucket)
    ):
        out[as_date(b)] = (int(reached), int(on_time))
    return out


def permit_counts(
    s: Any, office_id: int, period: Period, grain: Grain
) -> dict[date, dict[str, int]]:
    p = StayPermitRequest
    bucket = bucket_of(p.request_date, grain).label("bucket")
    out: dict[date, dict[str, int]] = {}
    for b, kind, n in s.execute(
        select(bucket, p.kind, func.count())
        .where(p.office_id == office_id, p.request_date.between(period.first, period.last))
        .group_by(bucket, p.kind)
    ):
        out.setdefault(as_date(b), {})[kind] = int(n)
    return out


TICKET_COUNTS = ("tickets", "called", "no_shows", "in_sop", *(f"priority:{p}" for p in PRIORITIES))


def ticket_counts(
    s: Any, office_id: int, period: Period, grain: Grain
) -> dict[tuple[date, int], dict[str, int]]:
    """Per bucket and service: tickets, called, no-shows, within the SOP, by priority.

    Grouped by day and service first, in the order of ix_ticket_statistics (no sort)."""
    t = Ticket
    called = t.called_at.is_not(None)
    wait = seconds_between(t.issued_at, t.called_at)
    counts = [
        func.count(),
        func.count(t.called_at),
        _ones(and_(called, t.status == "no_show")),
        _ones(and_(called, wait <= Service.sop_minutes * 60)),
        *(_ones(t.priority == p) for p in PRIORITIES),
    ]
    days = (
        select(t.ticket_date.label("day"), t.service_id.label("service_id"),
               *(c.label(f"c{i}") for i, c in enumerate(counts)))
        .join(Service, Service.id == t.service_id)
        .where(t.office_id == office_id, t.ticket_date.between(period.first, period.last))
        .group_by(t.ticket_date, t.service_id)
        .subquery("days")
    )  # fmt: skip
    bucket = bucket_of(days.c.day, grain).label("bucket")
    out = {}
    for b, service_id, *sums in s.execute(
        select(bucket, days.c.service_id, *_total(list(days.c)[2:])).group_by(
            bucket, days.c.service_id
        )
    ):
        out[(as_date(b), int(service_id))] = dict(
            zip(TICKET_COUNTS, (int(v) for v in sums), strict=True)
        )
    return out
