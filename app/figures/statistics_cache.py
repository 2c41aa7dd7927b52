"""The statistics' cache of closed days and months: what makes a year's figures quick.

A day is *closed* once it is CLOSED_DAYS old: its rows hardly change any more, and when one
does, a trigger of the database (migration 0009) marks the day dirty. Before reading,
``refresh()`` drops the cached figures of dirty days (and of their months), then works out
every closed day of the asked span that has none — with the very queries the live
statistics use (app.figures.statistics), grouped by day — and stores them:

- ``figure_day``: the day's counts ("a:…" applications, "r:…" ready, "p:…" stay permits,
  "t:SERVICE:…" tickets) and its wait and service spreads over all services ("xw:…",
  "xs:…": the count, the ranked seconds and the total), and "done";
- ``figure_month`` and ``figure_month_hist``: a whole closed month's spreads and its
  histogram of whole seconds per service, from which the spreads of any run of whole
  months are ranked exactly (app.figures.statistics_sql.spread_rows).

The cache holds aggregates only. A database that cannot be written (opened read-only, or
refusing writes after damage) is read live instead: the figures are the same, only slower.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import and_, delete, func, insert, literal, select, tuple_
from sqlalchemy.exc import OperationalError

from app.db.engine import Database
from app.db.faults import DatabaseFault
from app.db.figure_models import FigureDay, FigureDirty, FigureMonth, FigureMonthHist
from app.db.models import Ticket
from app.figures import statistics_queries as q
from app.figures.statistics_model import Grain, Period, Spread
from app.figures.statistics_sql import Raw, bucket_of, seconds_between, spread_of, spread_rows
from app.progress import CancelCheck, Cancelled

log = logging.getLogger(__name__)

CLOSED_DAYS = 2  # today and yesterday are always worked out live
DONE = "done"
_RAW_KEYS = ("n", "a", "b", "c", "d", "t")  # count, median lo/hi, p90 lo/hi, total seconds


def closed_until(today: date) -> date:
    """The last closed day: CLOSED_DAYS before *today*."""
    return today - timedelta(days=CLOSED_DAYS)


def _month_end(start: date) -> date:
    return Period.month(start.year, start.month).last


def covered_months(period: Period, closed: date, grain: Grain) -> tuple[date, date] | None:
    """First and last day of the run of whole closed months inside *period*, if any.

    Week buckets cross months, so a week grouping reads its spreads live."""
    if grain == Grain.WEEK:
        return None
    months = [
        date(y, m, 1)
        for y, m in period.month_list()
        if date(y, m, 1) >= period.first and _month_end(date(y, m, 1)) <= min(period.last, closed)
    ]
    if not months:
        return None
    return months[0], _month_end(months[-1])


@dataclass
class Counts:
    """The grouped counts of a span, keyed by bucket start (tickets: by bucket and service)."""

    apps: dict[date, dict[str, int]] = field(default_factory=dict)
    ready: dict[date, tuple[int, int]] = field(default_factory=dict)
    permits: dict[date, dict[str, int]] = field(default_factory=dict)
    tickets: dict[tuple[date, int], dict[str, int]] = field(default_factory=dict)

    def add(self, other: Counts) -> None:
        pairs: tuple[tuple[dict[Any, dict[str, int]], dict[Any, dict[str, int]]], ...] = (
            (self.apps, other.apps), (self.permits, other.permits), (self.tickets, other.tickets),
        )  # fmt: skip
        for mine, theirs in pairs:
            for k, row in theirs.items():
                here = mine.setdefault(k, {})
                for name, n in row.items():
                    here[name] = here.get(name, 0) + n
        for k, (reached, on_time) in other.ready.items():
            r0, t0 = self.ready.get(k, (0, 0))
            self.ready[k] = (r0 + reached, t0 + on_time)


def live_counts(s: Any, office_id: int, period: Period, grain: Grain) -> Counts:
    return Counts(
        apps=q.application_counts(s, office_id, period, grain),
        ready=q.ready_counts(s, office_id, period, grain),
        permits=q.permit_counts(s, office_id, period, grain),
        tickets=q.ticket_counts(s, office_id, period, grain),
    )


def cached_counts(s: Any, office_id: int, period: Period, grain: Grain) -> Counts:
    """The counts of closed days of *period*, from figure_day, rolled up into buckets."""
    from app.figures.statistics_sql import as_date

    d = FigureDay
    bucket = bucket_of(d.day, grain).label("bucket")
    out = Counts()
    rows = s.execute(
        select(bucket, d.key, func.sum(d.value))
        .where(
            d.office_id == office_id,
            d.day.between(period.first, period.last),
            func.substr(d.key, 1, 2).in_(("a:", "r:", "p:", "t:")),
        )
        .group_by(bucket, d.key)
    )
    ready: dict[date, list[int]] = {}
    for b, key, total in rows:
        start, n = as_date(b), int(total)
        kind, _colon, name = key.partition(":")
        if kind == "a":
            out.apps.setdefault(start, {})[name] = n
        elif kind == "p":
            out.permits.setdefault(start, {})[name] = n
        elif kind == "r":
            ready.setdefault(start, [0, 0])[0 if name == "reached" else 1] = n
        else:
            service, _colon, counted = name.partition(":")
            out.tickets.setdefault((start, int(service)), {})[counted] = n
    out.ready = {k: (v[0], v[1]) for k, v in ready.items()}
    return out


def counts(s: Any, office_id: int, period: Period, grain: Grain, closed: date | None) -> Counts:
    """The counts of *period*: closed days from the cache, the rest live (all live when
    *closed* is None: the cache could not be brought up to date)."""
    if closed is None or period.first > closed:
        return live_counts(s, office_id, period, grain)
    out = cached_counts(s, office_id, Period(period.first, min(period.last, closed)), grain)
    if period.last > closed:
        out.add(live_counts(s, office_id, Period(closed + timedelta(days=1), period.last), grain))
    return out


def _raw_rows(keyed: dict[str, Raw]) -> Iterable[tuple[str, str, int]]:
    """(key, prefix, value) rows of the spreads of each measure ("xw:n" = 12, …)."""
    for measure, (n, ranked, total) in keyed.items():
        for name, value in zip(_RAW_KEYS, (n, *ranked, total), strict=True):
            if value is not None:
                yield measure, name, int(value)


def cached_spreads(
    s: Any, office_id: int, covered: tuple[date, date], grain: Grain
) -> dict[tuple[str, str, str], Spread]:
    """The bucket spreads ("b" partition) of the covered whole months: per day or per month."""
    table, column = (
        (FigureDay, FigureDay.day) if grain == Grain.DAY else (FigureMonth, FigureMonth.month)
    )
    found: dict[tuple[str, date], dict[str, int]] = {}
    for when, key, value in s.execute(
        select(column, table.key, table.value).where(
            table.office_id == office_id,
            column.between(covered[0], covered[1]),
            func.substr(table.key, 1, 1) == "x",
        )
    ):
        measure, _colon, name = key[1:].partition(":")
        found.setdefault((measure, when), {})[name] = int(value)
    out = {}
    for (measure, when), raw in found.items():
        ranked = tuple(raw.get(k) for k in ("a", "b", "c", "d"))
        spread = spread_of(raw["n"], ranked, raw.get("t"))  # type: ignore[arg-type]
        key = when.isoformat() if isinstance(when, date) else str(when)[:10]
        out[(measure, "b", key)] = spread
    return out


# --- bringing the cache up to date ------------------------------------------------------------


def _runs(days: list[date]) -> list[Period]:
    """Consecutive days as spans within a month (each span is one set of grouped queries)."""
    out: list[Period] = []
    for d in days:
        if out and out[-1].last + timedelta(days=1) == d and d.day != 1:
            out[-1] = Period(out[-1].first, d)
        else:
            out.append(Period(d, d))
    return out


def _forget_dirty(s: Any, office_id: int) -> None:
    marks = s.execute(
        select(FigureDirty.day, FigureDirty.seq).where(FigureDirty.office_id == office_id)
    ).all()
    if not marks:
        return
    days = sorted({d for d, _seq in marks})
    months = sorted({d.replace(day=1) for d in days})
    for chunk in range(0, len(days), 500):
        part = days[chunk : chunk + 500]
        s.execute(
            delete(FigureDay).where(FigureDay.office_id == office_id, FigureDay.day.in_(part))
        )
    for table in (FigureMonth, FigureMonthHist):
        s.execute(delete(table).where(table.office_id == office_id, table.month.in_(months)))
    # Only the marks read here: one made meanwhile (seq moved on) stays for the next time.
    for chunk in range(0, len(marks), 500):
        s.execute(
            delete(FigureDirty).where(
                FigureDirty.office_id == office_id,
                tuple_(FigureDirty.day, FigureDirty.seq).in_(
                    [(d, q) for d, q in marks[chunk : chunk + 500]]
                ),
            )
        )


def _store_days(s: Any, office_id: int, span: Period) -> None:
    found = live_counts(s, office_id, span, Grain.DAY)
    spreads = spread_rows(s, office_id, span, Grain.DAY)
    rows: dict[tuple[date, str], int] = {}

    def put(day: date, key: str, value: int) -> None:
        if value:
            rows[(day, key)] = rows.get((day, key), 0) + value

    for day, counted in found.apps.items():
        for name, n in counted.items():
            put(day, f"a:{name}", n)
    for day, (reached, on_time) in found.ready.items():
        put(day, "r:reached", reached)
        put(day, "r:on_time", on_time)
    for day, counted in found.permits.items():
        for name, n in counted.items():
            put(day, f"p:{name}", n)
    for (day, service), counted in found.tickets.items():
        for name, n in counted.items():
            put(day, f"t:{service}:{name}", n)
    by_day: dict[date, dict[str, Raw]] = {}
    for (measure, part, key), raw in spreads.items():
        if part == "b":
            by_day.setdefault(date.fromisoformat(key[:10]), {})[measure] = raw
    for day, keyed in by_day.items():
        for measure, name, value in _raw_rows(keyed):
            rows[(day, f"x{measure}:{name}")] = value
    d = span.first
    while d <= span.last:
        rows[(d, DONE)] = 1
        d += timedelta(days=1)
    s.execute(
        delete(FigureDay).where(
            FigureDay.office_id == office_id, FigureDay.day.between(span.first, span.last)
        )
    )
    s.execute(
        insert(FigureDay),
        [{"office_id": office_id, "day": day, "key": key, "value": value}
         for (day, key), value in rows.items()],
    )  # fmt: skip


def _store_month(s: Any, office_id: int, start: date) -> None:
    month = Period.month(start.year, start.month)
    t = Ticket
    for table in (FigureMonth, FigureMonthHist):
        s.execute(delete(table).where(table.office_id == office_id, table.month == start))
    measures = {
        "w": (seconds_between(t.issued_at, t.called_at), t.called_at.is_not(None)),
        "s": (
            seconds_between(t.called_at, t.finished_at),
            and_(t.called_at.is_not(None), t.finished_at.is_not(None)),
        ),
    }
    for code, (seconds, present) in measures.items():
        v = seconds.label("v")
        rows = (
            select(
                literal(office_id).label("office_id"),
                literal(start).label("month"),
                literal(code).label("measure"),
                t.service_id,
                v,
                func.count().label("c"),
            )
            .where(
                t.office_id == office_id, t.ticket_date.between(month.first, month.last), present
            )
            .group_by(t.service_id, v)
        )
        s.execute(
            insert(FigureMonthHist).from_select(
                ["office_id", "month", "measure", "service_id", "v", "c"], rows
            )
        )
    keyed = {m: raw for (m, part, _k), raw in spread_rows(s, office_id, month, Grain.MONTH).items()
             if part == "b"}  # fmt: skip
    values = [(f"x{m}:{name}", value) for m, name, value in _raw_rows(keyed)] + [(DONE, 1)]
    s.execute(
        insert(FigureMonth),
        [{"office_id": office_id, "month": start, "key": k, "value": v} for k, v in values],
    )


def _months_with_tickets(s: Any, office_id: int, months: list[date]) -> set[date]:
    from app.figures.statistics_sql import as_date

    if not months:
        return set()
    month = bucket_of(Ticket.ticket_date, Grain.MONTH).label("month")
    rows = s.execute(
        select(month)
        .where(
            Ticket.office_id == office_id,
            Ticket.ticket_date.between(months[0], _month_end(months[-1])),
        )
        .group_by(month)
    )
    return {as_date(m) for (m,) in rows}


def refresh(
    db: Database,
    office_id: int,
    span: Period,
    covered: tuple[date, date] | None,
    closed: date,
    cancelled: CancelCheck | None = None,
) -> bool:
    """Bring the cache up to date for the closed days of *span* and the *covered* months.

    The work is done a month at a time, each month its own short write, so that another
    workstation is never held up for long and *cancelled* is asked between months
    (raising Cancelled; the months stored so far stay). Returns False, having changed
    nothing, when the database cannot be written."""
    if db.refused is not None:
        return False
    last = min(span.last, closed)
    try:
        with db.write() as s:
            _forget_dirty(s, office_id)
            missing: list[date] = []
            if span.first <= last:
                done = set(
                    s.scalars(
                        select(FigureDay.day).where(
                            FigureDay.office_id == office_id,
                            FigureDay.key == DONE,
                            FigureDay.day.between(span.first, last),
                        )
                    )
                )
                d = span.first
                while d <= last:
                    if d not in done:
                        missing.append(d)
                    d += timedelta(days=1)
            wanted: list[date] = []
            busy: set[date] = set()
            if covered is not None:
                have = set(
                    s.scalars(
                        select(FigureMonth.month).where(
                            FigureMonth.office_id == office_id,
                            FigureMonth.key == DONE,
                            FigureMonth.month.between(covered[0], covered[1]),
                        )
                    )
                )
                wanted = [date(y, m, 1) for y, m in Period(covered[0], covered[1]).month_list()]
                wanted = [m for m in wanted if m not in have]
                busy = _months_with_tickets(s, office_id, wanted)
        for run in _runs(missing):
            if cancelled is not None and cancelled():
                raise Cancelled
            with db.write() as s:
                _store_days(s, office_id, run)
        for start in wanted:
            if cancelled is not None and cancelled():
                raise Cancelled
            with db.write() as s:
                if start in busy:
                    _store_month(s, office_id, start)
                else:  # nothing to rank: the month is known to be empty
                    s.execute(insert(FigureMonth).values(
                        office_id=office_id, month=start, key=DONE, value=1))  # fmt: skip
    except (OperationalError, DatabaseFault) as exc:
        # A read-only or refusing database: the statistics are worked out live instead.
        log.warning("statistics cache not updated (%s): figures computed live", type(exc).__name__)
        return False
    return True
