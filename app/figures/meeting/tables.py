"""The meeting report's tables as typed cells, shared by every export (workbook, CSV, the
Reports page): each cell is the raw value — an int, a float (shares and growth 0..1, minutes),
a date, a text — or ``None`` when nothing is known, so each writer formats it its own way.
Titles are in the report's language; codes are shown through their label tables.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from app.desk.passport import KIND_LABELS, PRODUCT_LABELS
from app.desk.stages import STAGE_LABELS
from app.desk.stay_permits import PERMIT_KINDS
from app.figures.activity_model import ACTIVITY_KINDS, ActivityInfo
from app.figures.meeting.data import MeetingReport, OpenFinding
from app.figures.metrics import HISTORY_METRICS, LEGACY_METRICS
from app.figures.statistics_model import (
    AGE_GROUP_LABELS,
    CHANNEL_LABELS,
    NORMAL_PRIORITY,
    Bucket,
    Grain,
    Statistics,
)
from app.i18n import N_, _, label
from app.monev.findings import FINDING_STATUSES
from app.monev.findings import PRIORITIES as FINDING_PRIORITIES
from app.queue.numbering import PRIORITIES as TICKET_PRIORITIES

Cell = int | float | date | str | None

SEX_LABELS: dict[str, str] = {"L": N_("Male"), "P": N_("Female")}
SOURCE_LABELS: dict[str, str] = {"live": N_("KanimDesk data"), "import": N_("Imported figure")}
PRIORITY_LABELS: dict[str, str] = {**TICKET_PRIORITIES, NORMAL_PRIORITY: N_("No priority")}


class ColumnKind(StrEnum):
    TEXT = "text"
    INT = "int"  # a count
    SHARE = "share"  # 0..1, shown as a percentage
    GROWTH = "growth"  # a signed change, 0.476 = +47,6%
    MINUTES = "minutes"
    DATE = "date"
    MONTH = "month"  # a date, the first of the month


@dataclass(frozen=True)
class Column:
    key: str
    title: str  # in the table's language
    kind: ColumnKind


@dataclass(frozen=True)
class Table:
    key: str  # stable: "monthly", "by_kind", ... (file and sheet choices match on it)
    title: str  # long title, in the table's language
    sheet: str  # a short name for a workbook sheet (at most 31 characters)
    columns: tuple[Column, ...]
    rows: list[tuple[Cell, ...]]
    total: tuple[Cell, ...] | None = None  # the "Total" line, shown apart from the rows
    empty: str = ""  # what to say when there are no rows
    lang: str = "id"
    notes: list[str] = field(default_factory=list)

    def column(self, key: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.key == key)


def _col(key: str, title: str, kind: ColumnKind) -> Column:
    return Column(key, title, kind)


def _bucket_columns(grain: Grain, lang: str) -> tuple[Column, ...]:
    K = ColumnKind
    first = {
        Grain.MONTH: (_("Month", lang), K.MONTH),
        Grain.WEEK: (_("Week from", lang), K.DATE),
        Grain.DAY: (_("Date", lang), K.DATE),
    }[grain]
    return (
        _col("start", first[0], first[1]),
        _col("applications", _("Applications", lang), K.INT),
        _col("growth", _("Growth of applications", lang), K.GROWTH),
        _col("epaspor", _("e-Passport", lang), K.INT),
        _col("epaspor_share", _("e-Passport share", lang), K.SHARE),
        _col("epaspor_growth", _("e-Passport growth", lang), K.GROWTH),
        _col("ordinary", _("Ordinary passport", lang), K.INT),
        _col("walk_in", _("Walk-in", lang), K.INT),
        _col("booked", _("M-Paspor booking", lang), K.INT),
        _col("wna_services", _("Foreign nationals' services", lang), K.INT),
        _col("tickets", _("Queue tickets", lang), K.INT),
        _col("wait_median", _("Median wait (min)", lang), K.MINUTES),
        _col("wait_p90", _("90th percentile wait (min)", lang), K.MINUTES),
        _col("service_median", _("Median service time (min)", lang), K.MINUTES),
        _col("no_show_rate", _("No-show rate", lang), K.SHARE),
        _col("sop_share", _("Within SOP target", lang), K.SHARE),
        _col("ready_on_time_share", _("Ready on time", lang), K.SHARE),
        _col("source", _("Source", lang), K.TEXT),
    )


def _bucket_cells(b: Bucket, first: Cell, lang: str) -> tuple[Cell, ...]:
    return (
        first,
        b.applications,
        b.growth,
        b.epaspor,
        b.epaspor_share,
        b.epaspor_growth,
        b.ordinary,
        b.walk_in,
        b.booked,
        b.wna_services,
        b.tickets,
        b.wait.median,
        b.wait.p90,
        b.service.median,
        b.no_show_rate,
        b.sop_share,
        b.ready_on_time_share,
        label(SOURCE_LABELS, b.source, lang) if b.source else None,
    )


def bucket_table(statistics: Statistics, lang: str) -> Table:
    """One row per day, week or month of *statistics* (its grain), and the period's total."""
    grain = statistics.grain
    key, title, sheet = {
        Grain.MONTH: ("monthly", _("Figures by month", lang), _("By month", lang)),
        Grain.WEEK: ("weekly", _("Figures by week", lang), _("By week", lang)),
        Grain.DAY: ("daily", _("Figures by day", lang), _("By day", lang)),
    }[grain]
    rows = [_bucket_cells(b, b.start, lang) for b in statistics.buckets]
    total = _bucket_cells(statistics.total, _("Total", lang), lang)
    # The period's source is a mixture; its growth compares with the previous period.
    total = (*total[:-1], None)
    return Table(key, title, sheet, _bucket_columns(grain, lang), rows, total, lang=lang)


def daily_table(statistics: Statistics, lang: str = "id") -> Table:
    """The per-day (or per-week, per-month: the statistics' grain) table of the Reports page."""
    return bucket_table(statistics, lang)


def _share(n: int, whole: int) -> float | None:
    return n / whole if whole else None


def count_table(
    key: str,
    title: str,
    sheet: str,
    heading: str,
    counts: dict[str, int],
    labels: dict[str, str],
    lang: str,
) -> Table:
    """A breakdown: one row per code (label, count, share of the whole), and the total."""
    whole = sum(counts.values())
    rows: list[tuple[Cell, ...]] = [
        (label(labels, code, lang), n, _share(n, whole)) for code, n in counts.items()
    ]
    columns = (
        _col("category", heading, ColumnKind.TEXT),
        _col("count", _("Count", lang), ColumnKind.INT),
        _col("share", _("Share", lang), ColumnKind.SHARE),
    )
    total = (_("Total", lang), whole, 1.0 if whole else None)
    return Table(key, title, sheet, columns, rows, total, _("Nothing in this period.", lang), lang)


def breakdown_tables(s: Statistics, lang: str) -> list[Table]:
    return [
        count_table("by_kind", _("Applications by kind", lang), _("By kind", lang), _("Kind", lang),
                    s.by_kind, KIND_LABELS, lang),
        count_table("by_product", _("Applications by product", lang), _("By product", lang), _("Product", lang),
                    s.by_product, PRODUCT_LABELS, lang),
        count_table("by_channel", _("Applications by channel", lang), _("By channel", lang), _("Channel", lang),
                    s.by_channel, CHANNEL_LABELS, lang),
        count_table("by_sex", _("Applicants by sex", lang), _("By sex", lang), _("Sex", lang),
                    s.by_sex, SEX_LABELS, lang),
        count_table("by_age_group", _("Applicants by age group", lang), _("By age group", lang),
                    _("Age group", lang), s.by_age_group, AGE_GROUP_LABELS, lang),
        count_table("by_priority", _("Queue tickets by priority category", lang), _("By priority", lang),
                    _("Priority category", lang), s.by_priority, PRIORITY_LABELS, lang),
        count_table("foreign_services", _("Foreign nationals' services by kind", lang),
                    _("Foreign nationals", lang), _("Service", lang), s.foreign_services, PERMIT_KINDS, lang),
    ]  # fmt: skip


def services_table(s: Statistics, lang: str) -> Table:
    K = ColumnKind
    columns = (
        _col("prefix", _("Prefix", lang), K.TEXT),
        _col("service", _("Service", lang), K.TEXT),
        _col("sop_minutes", _("SOP target (min)", lang), K.INT),
        _col("tickets", _("Queue tickets", lang), K.INT),
        _col("called", _("Called", lang), K.INT),
        _col("no_shows", _("No-shows", lang), K.INT),
        _col("no_show_rate", _("No-show rate", lang), K.SHARE),
        _col("wait_median", _("Median wait (min)", lang), K.MINUTES),
        _col("wait_p90", _("90th percentile wait (min)", lang), K.MINUTES),
        _col("service_median", _("Median service time (min)", lang), K.MINUTES),
        _col("service_p90", _("90th percentile service time (min)", lang), K.MINUTES),
        _col("sop_share", _("Within SOP target", lang), K.SHARE),
    )
    rows: list[tuple[Cell, ...]] = [
        (r.prefix, _(r.name, lang), r.sop_minutes, r.tickets, r.called, r.no_shows,
         r.no_show_rate, r.wait.median, r.wait.p90, r.service.median, r.service.p90, r.sop_share)
        for r in s.services
    ]  # fmt: skip
    return Table("services", _("Queue tickets by service", lang), _("By service", lang),
                 columns, rows, None, _("Nothing in this period.", lang), lang)  # fmt: skip


def backlog_table(s: Statistics, lang: str) -> Table:
    return count_table("stage_backlog", _("Applications of the period not yet finished, by stage",
                       lang), _("Backlog", lang), _("Stage", lang), s.stage_backlog,
                       STAGE_LABELS, lang)  # fmt: skip


def activities_table(activities: list[ActivityInfo], lang: str) -> Table:
    K = ColumnKind
    columns = (
        _col("date", _("Date", lang), K.DATE),
        _col("kind", _("Kind", lang), K.TEXT),
        _col("title", _("Activity", lang), K.TEXT),
        _col("place", _("Place or channel", lang), K.TEXT),
        _col("audience", _("People reached", lang), K.INT),
        _col("note", _("Note", lang), K.TEXT),
    )
    rows: list[tuple[Cell, ...]] = [
        (a.activity_date, label(ACTIVITY_KINDS, a.kind, lang), a.title, a.place, a.audience, a.note)
        for a in activities
    ]
    reached = [a.audience for a in activities if a.audience is not None]
    total = (_("Total", lang), None, None, None, sum(reached) if reached else None, None)
    return Table("activities", _("Publicity and socialisation activities", lang),
                 _("Publicity", lang), columns, rows, total if rows else None,
                 _("No publicity activity recorded in this period.", lang), lang)  # fmt: skip


def findings_table(findings: list[OpenFinding], lang: str) -> Table:
    K = ColumnKind
    columns = (
        _col("visit_date", _("Visit date", lang), K.DATE),
        _col("finding", _("Finding", lang), K.TEXT),
        _col("direction", _("Direction", lang), K.TEXT),
        _col("priority", _("Priority", lang), K.TEXT),
        _col("owner", _("Owner", lang), K.TEXT),
        _col("due_date", _("Due date", lang), K.DATE),
        _col("status", _("Status", lang), K.TEXT),
    )
    rows: list[tuple[Cell, ...]] = [
        (f.visit_date, f.text, f.direction, label(FINDING_PRIORITIES, f.priority, lang), f.owner,
         f.due_date, label(FINDING_STATUSES, f.status, lang))
        for f in findings
    ]  # fmt: skip
    return Table("open_findings", _("Open supervision findings", lang), _("Open findings", lang),
                 columns, rows, None, _("No open findings.", lang), lang)  # fmt: skip


def _metric_name(code: str, lang: str) -> str:
    """The name of a stored metric code; a figures-file code by the history metric it equals."""
    fld = LEGACY_METRICS.get(code)
    if code not in HISTORY_METRICS and fld is not None:
        code = next((c for c, (_n, f) in HISTORY_METRICS.items() if f == fld), code)
    return _(HISTORY_METRICS[code][0], lang) if code in HISTORY_METRICS else code


def differences_table(s: Statistics, lang: str) -> Table:
    K = ColumnKind
    columns = (
        _col("month", _("Month", lang), K.MONTH),
        _col("metric", _("Figure", lang), K.TEXT),
        _col("live", _("KanimDesk data", lang), K.INT),
        _col("stored", _("Imported figure", lang), K.INT),
        _col("difference", _("Difference", lang), K.INT),
    )
    rows: list[tuple[Cell, ...]] = [
        (date(d.year, d.month, 1), _metric_name(d.metric, lang), _whole(d.live), _whole(d.stored),
         _whole(d.live - d.stored))
        for d in s.differences
    ]  # fmt: skip
    return Table("differences", _("Live figures that differ from imported figures", lang),
                 _("Differences", lang), columns, rows, None, "", lang)  # fmt: skip


def _whole(v: float) -> int | float:
    return int(v) if float(v).is_integer() else v


def statistics_tables(s: Statistics, lang: str = "id") -> list[Table]:
    """Every table of *s*: by bucket, the breakdowns, tickets by service, the backlog, and the
    differences between live and imported figures (only when there are any)."""
    tables = [bucket_table(s, lang), *breakdown_tables(s, lang), services_table(s, lang)]
    if s.stage_backlog:
        tables.append(backlog_table(s, lang))
    if s.differences:
        tables.append(differences_table(s, lang))
    return tables


def report_tables(report: MeetingReport) -> list[Table]:
    """Every table of the meeting report, the monthly table first."""
    lang = report.lang
    return [
        *statistics_tables(report.statistics, lang),
        activities_table(report.activities, lang),
        findings_table(report.open_findings, lang),
    ]


@dataclass(frozen=True)
class KeyFigure:
    key: str
    title: str
    kind: ColumnKind
    value: Cell


def key_figures(s: Statistics, lang: str = "id") -> list[KeyFigure]:
    """The figures up front of the report (the workbook's "Summary" sheet)."""
    t, K = s.total, ColumnKind
    return [
        KeyFigure("applications", _("Applications", lang), K.INT, t.applications),
        KeyFigure("growth", _("Growth of applications", lang), K.GROWTH, t.growth),
        KeyFigure("epaspor", _("e-Passport", lang), K.INT, t.epaspor),
        KeyFigure("epaspor_share", _("e-Passport share", lang), K.SHARE, t.epaspor_share),
        KeyFigure("epaspor_growth", _("e-Passport growth", lang), K.GROWTH, t.epaspor_growth),
        KeyFigure("wna_services", _("Foreign nationals' services", lang), K.INT, t.wna_services),
        KeyFigure("tickets", _("Queue tickets", lang), K.INT, t.tickets),
        KeyFigure("wait_median", _("Median wait (min)", lang), K.MINUTES, t.wait.median),
        KeyFigure("wait_p90", _("90th percentile wait (min)", lang), K.MINUTES, t.wait.p90),
        KeyFigure("sop_share", _("Within SOP target", lang), K.SHARE, t.sop_share),
        KeyFigure("no_show_rate", _("No-show rate", lang), K.SHARE, t.no_show_rate),
    ]
