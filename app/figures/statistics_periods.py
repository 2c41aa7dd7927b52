"""The calendar of the office's figures (pure rules): the buckets a period is cut into (day,
ISO week from Monday, month), the bucket and the period just before, for growth."""

from __future__ import annotations

from datetime import date, timedelta

from app.figures.statistics_model import Grain, Period

Month = tuple[int, int]


def months_before(d: date, n: int) -> date:
    """The first day of the month *n* months before the month of *d*."""
    index = d.year * 12 + d.month - 1 - n
    return date(index // 12, index % 12 + 1, 1)


def bucket_starts(period: Period, grain: Grain) -> list[date]:
    """The first day of every bucket the period touches, in order."""
    if grain == Grain.MONTH:
        return [date(y, m, 1) for y, m in period.month_list()]
    d = (
        period.first - timedelta(days=period.first.weekday())
        if grain == Grain.WEEK
        else period.first
    )
    out, stride = [], timedelta(days=7 if grain == Grain.WEEK else 1)
    while d <= period.last:
        out.append(d)
        d += stride
    return out


def previous_bucket(first_start: date, grain: Grain) -> Period:
    if grain == Grain.MONTH:
        return Period.month(*month_of(months_before(first_start, 1)))
    size = 7 if grain == Grain.WEEK else 1
    return Period(first_start - timedelta(days=size), first_start - timedelta(days=1))


def previous_period(period: Period, grain: Grain) -> Period:
    """The same number of months (days, for a day or week period) just before the period."""
    if grain == Grain.MONTH:
        start = period.first.replace(day=1)
        return Period(months_before(start, len(period.month_list())), start - timedelta(days=1))
    return Period(period.first - timedelta(days=period.days), period.first - timedelta(days=1))


def month_of(d: date) -> Month:
    return d.year, d.month


def years_after(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)
