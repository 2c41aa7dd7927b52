"""Everything the Reports page shows, worked out on the worker thread: the statistics of the
period, its activities, and every text already in the user's language and number form.

The UI thread then only hands these values to its widgets: formatting a thousand cells
with Babel on the UI thread would itself be a stall. No Qt here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from app.figures.activity_model import ACTIVITY_KINDS, ActivityInfo
from app.figures.statistics_model import Grain, Period, Statistics
from app.i18n import (
    _,
    growth,
    label,
    month_name,
    ngettext,
    number,
    percent,
    plain_date,
    short_month,
)
from app.progress import CancelCheck, ProgressCallback

from ui.figures.dashboard_charts import Bar, ServiceWait, TimeMark, TimePoint
from ui.figures.key_figures import DASH, minutes, tile_texts

DAYS_BY_DAY = 92  # a period up to a quarter is drawn by day, a longer one by month


def grain_for(period: Period) -> Grain:
    return Grain.DAY if period.days <= DAYS_BY_DAY else Grain.MONTH


@dataclass(frozen=True)
class TableText:
    """One table of the page as shown: titles, rows and the total line, all texts."""

    key: str
    title: str
    tab: str  # the short name on its tab
    headers: list[str]
    numeric: list[bool]  # right-aligned columns
    rows: list[list[str]]
    total: list[str] | None
    empty: str
    widths: list[int]  # characters: the header's, or the longest cell's when longer


@dataclass(frozen=True)
class Dashboard:
    statistics: Statistics
    activities: list[ActivityInfo]
    tables: list  # app.figures.meeting.tables.Table, in the order of `table_texts`
    table_texts: list[TableText]
    tiles: dict[str, tuple[str, str]]
    applications: list[TimePoint]
    epaspor_share: list[TimePoint]
    marks: list[TimeMark]
    waits: list[ServiceWait]
    backlog: list[Bar]
    notices: list[str]  # imported months, live figures that differ from imported ones
    period_words: str
    activity_line: str  # the period's publicity activities in one line ("" when none)


def period_words(period: Period, lang: str | None = None) -> str:
    months = period.month_list()
    if len(months) == 1:
        return month_name(*months[0], lang)
    return f"{month_name(*months[0], lang)} – {month_name(*months[-1], lang)}"


def load_dashboard(
    db: object,
    office_code: str,
    period: Period,
    lang: str,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> Dashboard:
    """The page's data for *period* (runs on the worker: the services are imported here)."""
    from app.figures.activities import list_activities
    from app.figures.statistics import statistics

    stats = statistics(db, office_code, period, grain_for(period),  # type: ignore[arg-type]
                       progress=progress, cancelled=cancelled)  # fmt: skip
    activities = list_activities(db, office_code, period.first, period.last)  # type: ignore[arg-type]
    return build_dashboard(stats, activities, lang)


def build_dashboard(stats: Statistics, activities: list[ActivityInfo], lang: str) -> Dashboard:
    from app.figures.meeting.tables import activities_table, statistics_tables

    tables = [*statistics_tables(stats, lang), activities_table(activities, lang)]
    by_day = stats.grain is Grain.DAY
    applications = [
        _point(b.start, by_day, b.applications, _count_words(b.applications, lang), b.source, lang)
        for b in stats.buckets
    ]
    shares = [
        _point(b.start, by_day, b.epaspor_share, _share_words(b, lang), b.source, lang)
        for b in stats.buckets
    ]
    return Dashboard(
        statistics=stats,
        activities=activities,
        tables=tables,
        table_texts=[table_text(t) for t in tables],
        tiles=tile_texts(stats, lang),
        applications=applications,
        epaspor_share=shares,
        marks=time_marks(stats, activities, lang),
        waits=[_wait(r, lang) for r in stats.services],
        backlog=_backlog(stats, lang),
        notices=notices(stats, lang),
        period_words=period_words(stats.period, lang),
        activity_line=activity_line(activities, lang),
    )


def _count_words(value: int | None, lang: str) -> str:
    return DASH if value is None else number(value, lang)


def _share_words(bucket, lang: str) -> str:  # type: ignore[no-untyped-def]
    share = bucket.epaspor_share
    if share is None:
        return DASH
    return _("{0} ({1} of {2})", lang).format(
        percent(share, lang), number(bucket.epaspor, lang), number(bucket.applications, lang)
    )


def _point(
    start: date, by_day: bool, value: float | None, words: str, source: str, lang: str
) -> TimePoint:
    if by_day:
        axis, title = str(start.day), plain_date(start, lang)
    else:
        axis, title = (
            short_month(start.year, start.month, lang),
            month_name(start.year, start.month, lang),
        )
    imported = source == "import"
    if imported:
        title += " · " + _("imported figure", lang)
    return TimePoint(axis, title, None if value is None else float(value), words, imported)


def time_marks(stats: Statistics, activities: list[ActivityInfo], lang: str) -> list[TimeMark]:
    """Each activity at the day or month of the time axis it falls in."""
    starts = [b.start for b in stats.buckets]
    marks = []
    for a in activities:
        index = next((i for i, s in reversed(list(enumerate(starts))) if s <= a.activity_date), -1)
        if index < 0:
            continue
        reached = (
            "" if a.audience is None else
            " · " + _("{0} people reached", lang).format(number(a.audience, lang))
        )  # fmt: skip
        words = f"{plain_date(a.activity_date, lang)} · {label(ACTIVITY_KINDS, a.kind, lang)}"
        marks.append(TimeMark(index, f"{words} · {a.title}{reached}"))
    return marks


def activity_line(activities: list[ActivityInfo], lang: str, shown: int = 3) -> str:
    """'4 publicity activities: 5 Jun 2024 Radio "…"; … and 1 more' — the newest first."""
    if not activities:
        return ""
    newest = list(reversed(activities))[:shown]
    parts = [
        f"{plain_date(a.activity_date, lang)} · {label(ACTIVITY_KINDS, a.kind, lang)} · {a.title}"
        for a in newest
    ]
    head = ngettext("{n} publicity or socialisation activity in this period",
                    "{n} publicity or socialisation activities in this period",
                    len(activities), lang).format(n=len(activities))  # fmt: skip
    more = len(activities) - len(newest)
    tail = (
        "; " + _('and {0} more (tab "{1}")', lang).format(more, _("Publicity", lang))
        if more
        else ""
    )
    return f"{head}: " + "; ".join(parts) + tail


def _wait(row, lang: str) -> ServiceWait:  # type: ignore[no-untyped-def]
    def m(v: float | None) -> str:
        return DASH if v is None else number(v, lang, "#,##0.0")

    words = _("{service}: median {median}, 90th percentile {p90}, SOP target {sop}", lang).format(
        service=_(row.name, lang), median=minutes(row.wait.median, lang),
        p90=minutes(row.wait.p90, lang), sop=minutes(row.sop_minutes, lang),
    )  # fmt: skip
    if row.sop_share is not None:
        words += " · " + _("{0} within the SOP target", lang).format(percent(row.sop_share, lang))
    return ServiceWait(
        f"{row.prefix} · {_(row.name, lang)}", row.wait.median, row.wait.p90, row.sop_minutes,
        _("{0} / {1} min", lang).format(m(row.wait.median), m(row.wait.p90)), words,
    )  # fmt: skip


def _backlog(stats: Statistics, lang: str) -> list[Bar]:
    from app.desk.stages import STAGE_LABELS

    return [
        Bar(label(STAGE_LABELS, code, lang), n, number(n, lang))
        for code, n in stats.stage_backlog.items()
    ]


def notices(stats: Statistics, lang: str) -> list[str]:
    """What the reader must know about the figures: imported months and disagreements."""
    out = []
    imported = [b.start for b in stats.buckets if b.source == "import"]
    if stats.grain is Grain.MONTH and imported:
        names = ", ".join(short_month(d.year, d.month, lang) for d in imported)
        out.append(
            _("Imported (historical) figures are used for {0}: no KanimDesk data in those months.",
              lang).format(names)
        )  # fmt: skip
    elif imported:
        out.append(_("Imported (historical) figures are used for this period.", lang))
    if stats.differences:
        months = sorted({(d.year, d.month) for d in stats.differences})
        names = ", ".join(short_month(y, m, lang) for y, m in months)
        out.append(
            _("KanimDesk data differs from the imported figures for {0}; KanimDesk data is shown "
              "(see the table \"Differences\").", lang).format(names)
        )  # fmt: skip
    return out


def _formatter(kind: str, lang: str) -> Callable[[object], str]:
    def fmt(value: object) -> str:
        if value is None:
            return DASH
        if isinstance(value, str):
            return value
        if kind == "share":
            return percent(float(value), lang)  # type: ignore[arg-type]
        if kind == "growth":
            return growth(float(value), lang)  # type: ignore[arg-type]
        if kind == "minutes":
            return number(float(value), lang, "#,##0.0")  # type: ignore[arg-type]
        if kind == "month" and isinstance(value, date):
            return month_name(value.year, value.month, lang)
        if kind == "date" and isinstance(value, date):
            return plain_date(value, lang)
        if isinstance(value, int | float):
            return number(value, lang)
        return str(value)

    return fmt


def table_text(table) -> TableText:  # type: ignore[no-untyped-def]
    """A table of app.figures.meeting.tables as the page shows it."""
    formats = [_formatter(str(c.kind), table.lang) for c in table.columns]
    numeric = [str(c.kind) not in ("text", "date", "month") for c in table.columns]

    def line(cells) -> list[str]:  # type: ignore[no-untyped-def]
        return [f(v) for f, v in zip(formats, cells, strict=True)]

    rows = [line(r) for r in table.rows]
    total = line(table.total) if table.total is not None else None
    widths = [len(c.title) for c in table.columns]
    for row in [*rows[:200], *([total] if total else [])]:
        widths = [max(w, len(cell)) for w, cell in zip(widths, row, strict=True)]
    return TableText(table.key, table.title, table.sheet, [c.title for c in table.columns],
                     numeric, rows, total, table.empty, widths)  # fmt: skip
