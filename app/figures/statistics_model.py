"""What the statistics service returns: plain values, no ORM rows, no names, no NIKs.

`app.figures.statistics.statistics()` fills these; the dashboard, the meeting report (PDF),
the workbook and the CSV export read them. Counts are ints; rates and shares are floats
0..1 (0.476 is shown "47,6%"); durations are minutes as floats. ``None`` means "nothing
known" (no live data and no imported figure), which is shown as a dash, never as 0.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from app.i18n import N_


class Grain(StrEnum):
    DAY = "day"
    WEEK = "week"  # ISO weeks, Monday first
    MONTH = "month"


GRAIN_LABELS: dict[str, str] = {"day": N_("Day"), "week": N_("Week"), "month": N_("Month")}

# Age at the application date, in whole years: (code, lowest age, highest age or None).
AGE_GROUPS: tuple[tuple[str, int, int | None], ...] = (
    ("0-16", 0, 16),
    ("17-25", 17, 25),
    ("26-40", 26, 40),
    ("41-60", 41, 60),
    ("61+", 61, None),
)
AGE_GROUP_LABELS: dict[str, str] = {
    "0-16": N_("Under 17"),
    "17-25": N_("17–25 years"),
    "26-40": N_("26–40 years"),
    "41-60": N_("41–60 years"),
    "61+": N_("Over 60"),
}
CHANNELS: tuple[str, ...] = ("walk_in", "booked")  # booked = the application has a booking code
CHANNEL_LABELS: dict[str, str] = {"walk_in": N_("Walk-in"), "booked": N_("M-Paspor booking")}
NORMAL_PRIORITY = "normal"  # tickets without a priority category (app.queue.numbering.PRIORITIES)


def _next_month(d: date) -> date:
    return (d.replace(day=1) + timedelta(days=32)).replace(day=1)


@dataclass(frozen=True)
class Period:
    """A span of whole days, both ends included."""

    first: date
    last: date

    @staticmethod
    def month(year: int, month: int) -> Period:
        start = date(year, month, 1)
        return Period(start, _next_month(start) - timedelta(days=1))

    @staticmethod
    def months(first: tuple[int, int], last: tuple[int, int]) -> Period:
        """From the first day of month *first* to the last day of month *last*."""
        return Period(Period.month(*first).first, Period.month(*last).last)

    def month_list(self) -> list[tuple[int, int]]:
        out, d = [], self.first.replace(day=1)
        while d <= self.last:
            out.append((d.year, d.month))
            d = _next_month(d)
        return out

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


@dataclass(frozen=True)
class Spread:
    """A duration distribution in minutes: median and 90th percentile (linear interpolation
    between the two nearest ranks, as PostgreSQL's percentile_cont and Excel's PERCENTILE.INC)."""

    count: int = 0
    median: float | None = None
    p90: float | None = None
    # The arithmetic mean, for the visit report's "average waiting time" and the figures
    # exchange file; not part of equality, so that Spread(n, median, p90) reads as before.
    mean: float | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Bucket:
    """The figures of one day, week or month (or, as ``Statistics.total``, the whole period)."""

    start: date  # first day: the day, the Monday of the week, the 1st of the month
    applications: int | None = None  # passport applications
    epaspor: int | None = None
    ordinary: int | None = None  # product "biasa"
    walk_in: int | None = None
    booked: int | None = None
    wna_services: int | None = None  # foreign nationals' stay-permit requests
    tickets: int | None = None  # queue tickets issued
    wait: Spread = field(default_factory=Spread)  # issue -> first call, called tickets
    service: Spread = field(default_factory=Spread)  # first call -> finish, finished tickets
    no_show_rate: float | None = None  # no-shows / called tickets
    sop_share: float | None = None  # called tickets whose wait <= their service's sop_minutes
    ready_on_time_share: float | None = None  # ready by the promised collection date / ready
    growth: float | None = None  # applications vs the previous bucket (total: previous period)
    epaspor_growth: float | None = None
    source: str = ""  # "live" (this database) | "import" (MonthlyFigure) | "" (nothing known)

    @property
    def epaspor_share(self) -> float | None:
        if self.epaspor is None or not self.applications:
            return None
        return self.epaspor / self.applications


@dataclass(frozen=True)
class Difference:
    """A month with live data and a stored figure that disagree (the live one is shown)."""

    year: int
    month: int
    metric: str  # the stored metric code (app.figures.metrics)
    live: float
    stored: float


@dataclass(frozen=True)
class ServiceRow:
    """Tickets of one queue service over the period."""

    prefix: str
    code: str
    name: str  # English source: show with app.i18n._()
    sop_minutes: int
    tickets: int
    called: int
    no_shows: int
    wait: Spread
    service: Spread
    sop_share: float | None
    no_show_rate: float | None


@dataclass(frozen=True)
class Statistics:
    office_code: str
    office_name: str
    period: Period
    grain: Grain
    buckets: list[Bucket]  # every day/week/month of the period, in order, gaps included
    total: Bucket  # the whole period; growth vs the previous period of the same length
    by_kind: dict[str, int]  # app.desk.passport.KINDS, in that order, zeros included
    by_product: dict[str, int]  # PRODUCTS
    by_channel: dict[str, int]  # CHANNELS
    by_sex: dict[str, int]  # "L", "P"
    by_age_group: dict[str, int]  # AGE_GROUPS codes
    by_priority: dict[str, int]  # tickets: PRIORITIES codes, then NORMAL_PRIORITY
    foreign_services: dict[str, int]  # stay-permit requests by app.desk.stay_permits.PERMIT_KINDS
    services: list[ServiceRow]  # queue services by prefix
    stage_backlog: dict[str, int]  # applications of the period not at a final stage, by stage
    differences: list[Difference]
