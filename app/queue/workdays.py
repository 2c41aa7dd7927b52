"""Working days in Indonesia: weekends, public holidays and (by default) cuti bersama are skipped.

Both tables come from the holidays package: the public holidays (libur nasional) and the
government's joint leave days (cuti bersama, SKB of three ministers), on which government
offices close. Whether the office counts joint leave as closed is the setting
``collection_skips_joint_leave``; callers pass it in. Days the office itself is closed beyond
the national calendar (app.desk.closures: a local closure, a cuti bersama the package does not
know yet) come in as *closed*.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import holidays


@lru_cache(maxsize=64)
def _closed_days(year: int, joint_leave: bool) -> frozenset[date]:
    categories = ("public", "government") if joint_leave else ("public",)
    return frozenset(holidays.country_holidays("ID", years=year, categories=categories).keys())


def is_working_day(
    d: date, joint_leave: bool = True, closed: frozenset[date] = frozenset()
) -> bool:
    """A weekday that is no public holiday, nor a cuti bersama day when *joint_leave*, nor in *closed*."""
    return d.weekday() < 5 and d not in closed and d not in _closed_days(d.year, joint_leave)


def add_working_days(
    start: date, n: int, joint_leave: bool = True, closed: frozenset[date] = frozenset()
) -> date:
    """The date *n* working days after *start* (collection date = payment + 4), *closed* days skipped."""
    d = start
    remaining = n
    while remaining > 0:
        d += timedelta(days=1)
        if is_working_day(d, joint_leave, closed):
            remaining -= 1
    return d
