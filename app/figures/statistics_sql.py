"""SQL pieces of the statistics that SQLite and PostgreSQL spell differently, and the percentiles.

Each piece is a small SQL expression compiled per dialect (``@compiles``), so that the
queries in app.figures.statistics read the same on both databases and give the same
numbers. Literals are written into the SQL (never bound) so that an expression in SELECT
and the same one in GROUP BY are the same text, which PostgreSQL requires.

SQLAlchemy stores a DateTime on SQLite as text "YYYY-MM-DD HH:MM:SS.ffffff" and a Date as
"YYYY-MM-DD"; SQLite's date functions read both.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Integer,
    String,
    and_,
    case,
    cast,
    false,
    func,
    literal_column,
    or_,
    select,
    union_all,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import FunctionElement
from sqlalchemy.sql.selectable import Subquery

from app.figures.statistics_model import Grain, Spread


class seconds_between(FunctionElement[int]):
    """Whole seconds from the first timestamp to the second (both cut to the second)."""

    type = Integer()
    name = "seconds_between"
    inherit_cache = True


@compiles(seconds_between, "sqlite")
def _seconds_sqlite(element: Any, compiler: Any, **kw: Any) -> str:
    a, b = (compiler.process(arg, **kw) for arg in element.clauses)
    return f"(CAST(strftime('%s', {b}) AS INTEGER) - CAST(strftime('%s', {a}) AS INTEGER))"


@compiles(seconds_between, "postgresql")
def _seconds_pg(element: Any, compiler: Any, **kw: Any) -> str:
    a, b = (compiler.process(arg, **kw) for arg in element.clauses)
    return (
        f"CAST(EXTRACT(EPOCH FROM date_trunc('second', {b}) - date_trunc('second', {a}))"
        " AS INTEGER)"
    )


class week_start(FunctionElement[str]):
    """The Monday of a date's ISO week."""

    type = String()
    name = "week_start"
    inherit_cache = True


@compiles(week_start, "sqlite")
def _week_sqlite(element: Any, compiler: Any, **kw: Any) -> str:
    (d,) = (compiler.process(arg, **kw) for arg in element.clauses)
    return f"date({d}, '-6 days', 'weekday 1')"


@compiles(week_start, "postgresql")
def _week_pg(element: Any, compiler: Any, **kw: Any) -> str:
    (d,) = (compiler.process(arg, **kw) for arg in element.clauses)
    return f"CAST(date_trunc('week', {d}) AS DATE)"


class month_start(FunctionElement[str]):
    """The first day of a date's month."""

    type = String()
    name = "month_start"
    inherit_cache = True


@compiles(month_start, "sqlite")
def _month_sqlite(element: Any, compiler: Any, **kw: Any) -> str:
    (d,) = (compiler.process(arg, **kw) for arg in element.clauses)
    return f"(substr({d}, 1, 8) || '01')"


@compiles(month_start, "postgresql")
def _month_pg(element: Any, compiler: Any, **kw: Any) -> str:
    (d,) = (compiler.process(arg, **kw) for arg in element.clauses)
    return f"CAST(date_trunc('month', {d}) AS DATE)"


class day_of(FunctionElement[str]):
    """The calendar day of a timestamp."""

    type = String()
    name = "day_of"
    inherit_cache = True


@compiles(day_of, "sqlite")
def _day_sqlite(element: Any, compiler: Any, **kw: Any) -> str:
    (ts,) = (compiler.process(arg, **kw) for arg in element.clauses)
    return f"substr({ts}, 1, 10)"


@compiles(day_of, "postgresql")
def _day_pg(element: Any, compiler: Any, **kw: Any) -> str:
    (ts,) = (compiler.process(arg, **kw) for arg in element.clauses)
    return f"CAST({ts} AS DATE)"


class age_years(FunctionElement[int]):
    """Age in whole years on a day: age_years(birth_date, on_day)."""

    type = Integer()
    name = "age_years"
    inherit_cache = True


@compiles(age_years, "sqlite")
def _age_sqlite(element: Any, compiler: Any, **kw: Any) -> str:
    birth, on = (compiler.process(arg, **kw) for arg in element.clauses)
    return (
        f"(CAST(substr({on}, 1, 4) AS INTEGER) - CAST(substr({birth}, 1, 4) AS INTEGER)"
        f" - (substr({on}, 6, 5) < substr({birth}, 6, 5)))"
    )


@compiles(age_years, "postgresql")
def _age_pg(element: Any, compiler: Any, **kw: Any) -> str:
    birth, on = (compiler.process(arg, **kw) for arg in element.clauses)
    return f"CAST(EXTRACT(YEAR FROM age({on}, {birth})) AS INTEGER)"


def bucket_of(day: Any, grain: Grain) -> ColumnElement[Any]:
    """The first day of the bucket a date column falls in."""
    if grain == Grain.MONTH:
        return month_start(day)
    if grain == Grain.WEEK:
        return week_start(day)
    return day


def as_date(value: object) -> date:
    """A bucket start as SQLite (text) or PostgreSQL (date) returns it."""
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


# -- percentiles -----------------------------------------------------------------------------


def _at(lo: int | None, hi: int | None, fraction: float) -> float | None:
    """Linear interpolation between the values at ranks floor(pos) and floor(pos) + 1."""
    if lo is None:
        return None
    if fraction == 0 or hi is None:
        return float(lo)
    return lo + fraction * (hi - lo)


def spread_of(n: int, values: tuple[Any, Any, Any, Any], total: Any = None) -> Spread:
    """Median and p90 (and the mean, from *total* seconds) in minutes from the ranked
    values in seconds (see spread_query)."""
    if not n:
        return Spread()
    m_lo, m_hi, p_lo, p_hi = (None if v is None else int(v) for v in values)
    median = _at(m_lo, m_hi, ((n - 1) % 2) / 2)
    p90 = _at(p_lo, p_hi, (9 * (n - 1) % 10) / 10)
    mean = None if total is None else int(total) / n / 60
    return Spread(
        n, None if median is None else median / 60, None if p90 is None else p90 / 60, mean
    )


def spread_query(hist: Subquery) -> Any:
    """Per (part, key), the count and the values at the ranks that the median and p90 need.

    *hist* is a histogram: columns ``part``, ``key``, ``v`` (whole seconds) and ``c`` (how
    many values are v). The percentile rank of p among n sorted values is
    pos = 1 + p·(n − 1); the result is the value at rank floor(pos) plus the fraction of
    pos times the step to the value at the next rank. The window function
    SUM(c) OVER (PARTITION BY part, key ORDER BY v) gives each second the rank of its last
    value, so the value at rank r is the smallest v whose running count reaches r — what
    ROW_NUMBER() over the raw values gives, without sorting hundreds of thousands of rows.
    Rows: part, key, n, median_lo, median_hi, p90_lo, p90_hi, total (seconds, for the mean).
    """
    keys = (hist.c.part, hist.c.key)
    running = select(
        *keys,
        hist.c.v,
        cast(
            func.sum(hist.c.c).over(partition_by=keys, order_by=hist.c.v, rows=(None, 0)),
            BigInteger,
        ).label("upto"),
        cast(func.sum(hist.c.c).over(partition_by=keys), BigInteger).label("n"),
        cast(func.sum(hist.c.v * hist.c.c).over(partition_by=keys), BigInteger).label("total"),
    ).subquery("running")
    n = running.c.n
    median_lo = 1 + (n - 1) // 2
    p90_lo = 1 + (9 * (n - 1)) // 10

    def value_at(rank: Any) -> Any:
        return func.min(case((running.c.upto >= rank, running.c.v)))

    return select(
        running.c.part,
        running.c.key,
        n,
        value_at(median_lo),
        value_at(median_lo + 1),
        value_at(p90_lo),
        value_at(p90_lo + 1),
        running.c.total,
    ).group_by(running.c.part, running.c.key, n, running.c.total)


Raw = tuple[int, tuple[Any, Any, Any, Any], Any]  # n, ranked values in seconds, total seconds


def spread_rows(
    s: Any,
    office_id: int,
    period: Any,
    grain: Grain,
    covered: tuple[date, date] | None = None,
) -> dict[tuple[str, str, str], Raw]:
    """Wait ("w") and service ("s") spreads per bucket ("b", key: its ISO start), per
    service ("s", key: its id) and over the whole period ("t", key ""), in one statement,
    as the counts and ranked seconds that spread_of() turns into minutes.

    One histogram per measure, (bucket, service, second) -> count, is what the database
    sorts; the three partitions are rolled up from it. Days in *covered* (whole closed
    months, first and last day) are not read from the tickets: their seconds come from the
    months' cached histograms (figure_month_hist) for the service and total partitions,
    and their buckets are left to the caller, who has them cached too.
    """
    from app.db.models import Ticket as t

    spans = [(period.first, period.last)]
    if covered is not None:  # the days around the covered months, as index ranges
        spans = [(lo, hi) for lo, hi in ((period.first, covered[0] - timedelta(days=1)),
                                         (covered[1] + timedelta(days=1), period.last)) if lo <= hi]  # fmt: skip
    in_period = and_(
        t.office_id == office_id, or_(false(), *(t.ticket_date.between(lo, hi) for lo, hi in spans))
    )
    measures = {
        "w": (seconds_between(t.issued_at, t.called_at), t.called_at.is_not(None)),
        "s": (
            seconds_between(t.called_at, t.finished_at),
            and_(t.called_at.is_not(None), t.finished_at.is_not(None)),
        ),
    }
    bucket = bucket_of(t.ticket_date, grain).label("bucket")
    parts = []
    for code, (seconds, present) in measures.items():
        if not spans:
            parts.extend(_cached_parts(office_id, code, covered))
            continue
        v = seconds.label("v")
        base = (
            select(bucket, t.service_id, v, func.count().label("c"))
            .where(in_period, present)
            .group_by(bucket, t.service_id, v)
            .cte(f"hist_{code}")
        )
        keyed: tuple[tuple[str, Any, list[Any]], ...] = (
            ("b", cast(base.c.bucket, String(10)), [base.c.bucket]),
            ("s", cast(base.c.service_id, String(10)), [base.c.service_id]),
            ("t", literal_column("''"), []),
        )
        for part, key, group in keyed:
            parts.append(
                select(
                    literal_column(f"'{code}{part}'").label("part"),
                    key.label("key"),
                    base.c.v,
                    func.sum(base.c.c).label("c"),
                ).group_by(*group, base.c.v)
            )
        parts.extend(_cached_parts(office_id, code, covered))
    hist = union_all(*parts).subquery("hist")
    return {
        (part[0], part[1], str(key)): (int(n), (a, b, c, d), total)
        for part, key, n, a, b, c, d, total in s.execute(spread_query(hist))
    }


def _cached_parts(office_id: int, code: str, covered: tuple[date, date] | None) -> list[Any]:
    """The service and total partitions of the covered months' cached seconds histograms."""
    from app.db.figure_models import FigureMonthHist as mh

    if covered is None:
        return []
    cached = and_(mh.office_id == office_id, mh.measure == code,
                  mh.month.between(covered[0].replace(day=1), covered[1]))  # fmt: skip
    return [
        select(literal_column(f"'{code}s'").label("part"),
               cast(mh.service_id, String(10)).label("key"), mh.v, func.sum(mh.c).label("c"))
        .where(cached).group_by(mh.service_id, mh.v),
        select(literal_column(f"'{code}t'").label("part"), literal_column("''").label("key"),
               mh.v, func.sum(mh.c).label("c"))
        .where(cached).group_by(mh.v),
    ]  # fmt: skip


def ticket_spreads(
    s: Any,
    office_id: int,
    period: Any,
    grain: Grain,
    covered: tuple[date, date] | None = None,
) -> dict[tuple[str, str, str], Spread]:
    """spread_rows() as Spread values in minutes."""
    return {
        k: spread_of(n, values, total)
        for k, (n, values, total) in spread_rows(s, office_id, period, grain, covered).items()
    }
