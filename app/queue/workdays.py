"""Working days in Indonesia: weekends and public holidays (the holidays package) are skipped."""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import holidays


@lru_cache(maxsize=32)
def _holidays_for(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("ID", years=year).keys())


def is_working_day(d: date) -> bool:
    return d.weekday() < 5 and d not in _holidays_for(d.year)


def add_working_days(start: date, n: int) -> date:
    """The date *n* working days after *start* (collection date = payment + 4)."""
    d = start
    remaining = n
    while remaining > 0:
        d += timedelta(days=1)
        if is_working_day(d):
            remaining -= 1
    return d
