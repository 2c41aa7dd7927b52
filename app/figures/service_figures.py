"""The visited office's monthly service figures: from its own records, else from stored aggregates.

Aggregates only — counts, averages and rates; never a name or an NIK.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.admin.audit import audit
from app.admin.session import require as require_role
from app.changes import Changes
from app.db.engine import Database
from app.db.models import Office
from app.db.visit_models import MonthlyFigure
from app.desk.passport import KINDS
from app.figures.statistics import statistics
from app.figures.statistics_model import Period, Statistics
from app.i18n import N_, register_messages
from app.problems import InputRejected, Problem

register_messages(
    {
        "figures.metric": N_("Unknown metric '{value}'."),
        "figures.month": N_("Month {year}-{month} is not valid."),
        "figures.value": N_("Value {value} is not valid."),
    }
)

# Metric code → its name; one applications_<kind> per application kind (KINDS).
METRICS: dict[str, str] = {
    "epaspor_applications": N_("e-Passport applications"),
    "applications_total": N_("Passport applications"),
    "applications_baru": N_("Applications: new"),
    "applications_penggantian": N_("Applications: replacement"),
    "applications_hilang": N_("Applications: lost"),
    "applications_rusak": N_("Applications: damaged"),
    "applications_perubahan_data": N_("Applications: data change"),
    "avg_wait_minutes": N_("Average waiting time (minutes)"),
    "no_show_rate": N_("No-show rate"),
    "tickets_issued": N_("Tickets issued"),
}


@dataclass(frozen=True)
class MonthFigures:
    year: int
    month: int
    epaspor: int | None
    epaspor_growth: float | None  # vs the previous calendar month: 0.476 = +47,6 %
    applications_total: int | None
    by_kind: dict[str, int]  # baru, penggantian, hilang, rusak, perubahan_data
    avg_wait_minutes: float | None  # issued → first call, over called tickets
    no_show_rate: float | None  # no-shows / called tickets, 0..1
    source: str  # applications from: database | office | import | "" (nothing known)
    queue_source: str  # waiting time from: database | office | import | ""


@dataclass(frozen=True)
class ServiceFigures:
    office_code: str
    months: list[MonthFigures]


def _stored(s: Session, office_code: str, year: int, month: int) -> dict[str, MonthlyFigure]:
    return {f.metric: f for f in s.scalars(select(MonthlyFigure).where(
        MonthlyFigure.office_code == office_code, MonthlyFigure.year == year,
        MonthlyFigure.month == month))}  # fmt: skip


def _month_figures(
    live: Statistics | None, stored: dict[str, MonthlyFigure], year: int, month: int
) -> MonthFigures:
    """One month: the live statistics where the office has records, else its stored figures."""
    bucket = live.buckets[0] if live is not None else None
    epaspor: int | None
    total: int | None
    if live is not None and bucket is not None and bucket.source == "live" and bucket.applications:
        by_kind = dict(live.by_kind)
        epaspor, total = bucket.epaspor, bucket.applications
        source = "database"
    else:

        def whole(metric: str) -> int | None:
            return int(round(stored[metric].value)) if metric in stored else None

        epaspor, total = whole("epaspor_applications"), whole("applications_total")
        by_kind = {k: v for k in KINDS if (v := whole(f"applications_{k}")) is not None}
        used = [f.source for m, f in stored.items() if m.startswith(("epaspor", "applications"))]
        source = ("import" if "import" in used else "office") if used else ""
    wait: float | None
    no_show: float | None
    if bucket is not None and bucket.wait.count:
        wait = max(0.0, bucket.wait.mean or 0.0)
        no_show, queue_source = bucket.no_show_rate, "database"
    else:
        wait = stored["avg_wait_minutes"].value if "avg_wait_minutes" in stored else None
        no_show = stored["no_show_rate"].value if "no_show_rate" in stored else None
        queue_source = next(
            (stored[m].source for m in ("avg_wait_minutes", "no_show_rate") if m in stored), ""
        )
    return MonthFigures(
        year, month, epaspor, None, total, by_kind, wait, no_show, source, queue_source
    )


def service_figures(
    db: Database, office_code: str, months: list[tuple[int, int]]
) -> ServiceFigures:
    """The office's monthly figures from its own records (app.figures.statistics, one
    month at a time), else from stored aggregates (MonthlyFigure). An office that is not
    in this database (a visit package's) has stored figures only."""
    for y, m in months:
        if not (1 <= m <= 12 and 1900 < y < 2200):
            raise InputRejected([Problem("figures.month", "months", {"year": y, "month": m})])
    with db.session() as s:
        known = s.scalar(select(Office.id).where(Office.code == office_code)) is not None
    cache: dict[tuple[int, int], MonthFigures] = {}

    def get(y: int, m: int) -> MonthFigures:
        if (y, m) not in cache:
            live = statistics(db, office_code, Period.month(y, m)) if known else None
            with db.session() as s:
                stored = _stored(s, office_code, y, m)
            cache[(y, m)] = _month_figures(live, stored, y, m)
        return cache[(y, m)]

    out: list[MonthFigures] = []
    for y, m in months:
        here = get(y, m)
        before = get(y - 1, 12) if m == 1 else get(y, m - 1)
        growth = None
        if here.epaspor is not None and before.epaspor:
            growth = (here.epaspor - before.epaspor) / before.epaspor
        out.append(dataclasses.replace(here, epaspor_growth=growth))
    return ServiceFigures(office_code, out)


def record_monthly_figure(db: Database, office_code: str, year: int, month: int, metric: str,
                          value: float, source: str = "office") -> Changes:  # fmt: skip
    """Store one monthly aggregate (entered at the office or imported), replacing the old value."""
    require_role("figures.import")
    problems = []
    if metric not in METRICS:
        problems.append(Problem("figures.metric", "metric", {"value": metric}))
    if not (1 <= month <= 12 and 1900 < year < 2200):
        problems.append(Problem("figures.month", "month", {"year": year, "month": month}))
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(value)
        or value < 0
    ):
        problems.append(Problem("figures.value", "value", {"value": value}))
    if source not in ("office", "import"):
        problems.append(Problem("figures.value", "source", {"value": source}))
    if problems:
        raise InputRejected(problems)
    with db.write() as s:
        row = s.scalar(select(MonthlyFigure).where(
            MonthlyFigure.office_code == office_code, MonthlyFigure.year == year,
            MonthlyFigure.month == month, MonthlyFigure.metric == metric))  # fmt: skip
        if row is None:
            row = MonthlyFigure(office_code=office_code, year=year, month=month, metric=metric)
            s.add(row)
        before = {"value": row.value, "source": row.source}
        row.value, row.source, row.updated_at = float(value), source, datetime.now()
        audit(s, None, "figure_set", "monthly_figure", f"{office_code} {year}-{month:02d} {metric}",
              before=before, after={"value": row.value, "source": source})  # fmt: skip
    return Changes(figures=True)
