"""The visited office's monthly service figures: from its own records, else from stored aggregates.

Aggregates only — counts, averages and rates; never a name or an NIK.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.changes import Changes
from app.db.engine import Database
from app.db.models import Application, Office, Ticket
from app.db.visit_models import MonthlyFigure
from app.desk.passport import KINDS
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


def _month_range(year: int, month: int) -> tuple[date, date]:
    start = date(year, month, 1)
    return start, (start + timedelta(days=32)).replace(day=1)


def _month_figures(s: Session, office_code: str, year: int, month: int) -> MonthFigures:
    start, end = _month_range(year, month)
    stored = {f.metric: f for f in s.scalars(select(MonthlyFigure).where(
        MonthlyFigure.office_code == office_code, MonthlyFigure.year == year, MonthlyFigure.month == month))}  # fmt: skip
    counts = s.execute(
        select(Application.kind, Application.product, func.count())
        .join(Office, Application.office_id == Office.id)
        .where(
            Office.code == office_code,
            Application.application_date >= start,
            Application.application_date < end,
        )
        .group_by(Application.kind, Application.product)
    ).all()
    if counts:
        by_kind = {k: 0 for k in KINDS}
        for kind, _product, n in counts:
            by_kind[kind] = by_kind.get(kind, 0) + int(n)
        epaspor: int | None = sum(int(n) for _k, product, n in counts if product == "epaspor")
        total: int | None = sum(int(n) for *_x, n in counts)
        source = "database"
    else:

        def whole(metric: str) -> int | None:
            return int(round(stored[metric].value)) if metric in stored else None

        epaspor, total = whole("epaspor_applications"), whole("applications_total")
        by_kind = {k: v for k in KINDS if (v := whole(f"applications_{k}")) is not None}
        used = [f.source for m, f in stored.items() if m.startswith(("epaspor", "applications"))]
        source = ("import" if "import" in used else "office") if used else ""
    tickets = s.execute(
        select(Ticket.issued_at, Ticket.called_at, Ticket.status)
        .join(Office, Ticket.office_id == Office.id)
        .where(
            Office.code == office_code,
            Ticket.ticket_date >= start,
            Ticket.ticket_date < end,
            Ticket.called_at.is_not(None),
        )  # fmt: skip
    ).all()
    if tickets:
        # Only called tickets were selected, so called_at is set.
        waits = [
            max(0.0, (called - issued).total_seconds() / 60)
            for issued, called, _st in tickets
            if called
        ]
        wait: float | None = sum(waits) / len(waits)
        no_show: float | None = sum(st == "no_show" for *_x, st in tickets) / len(tickets)
        queue_source = "database"
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
    """The office's monthly figures from its own records, else from stored aggregates (MonthlyFigure)."""
    out: list[MonthFigures] = []
    with db.session() as s:
        cache: dict[tuple[int, int], MonthFigures] = {}

        def get(y: int, m: int) -> MonthFigures:
            if (y, m) not in cache:
                cache[(y, m)] = _month_figures(s, office_code, y, m)
            return cache[(y, m)]

        for y, m in months:
            if not (1 <= m <= 12 and 1900 < y < 2200):
                raise InputRejected([Problem("figures.month", "months", {"year": y, "month": m})])
            here = get(y, m)
            before = get(y - 1, 12) if m == 1 else get(y, m - 1)
            growth = None
            if here.epaspor is not None and before.epaspor:
                growth = (here.epaspor - before.epaspor) / before.epaspor
            out.append(MonthFigures(**{**here.__dict__, "epaspor_growth": growth}))
    return ServiceFigures(office_code, out)


def record_monthly_figure(db: Database, office_code: str, year: int, month: int, metric: str,
                          value: float, source: str = "office") -> Changes:  # fmt: skip
    """Store one monthly aggregate (entered at the office or imported), replacing the old value."""
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
        row.value, row.source, row.updated_at = float(value), source, datetime.now()
    return Changes(figures=True)
