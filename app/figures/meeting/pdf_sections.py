"""The meeting report's first sections: title, key figures, the monthly tables and the
e-Paspor trend beside the publicity activities."""

from __future__ import annotations

import calendar
from datetime import date
from typing import TYPE_CHECKING

from reportlab.lib.units import cm
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from app.figures.activity_model import ACTIVITY_KINDS, ActivityInfo
from app.figures.meeting.pdf import BODY_W, DASH
from app.figures.metrics import HISTORY_METRICS, METRIC_FIELDS
from app.figures.statistics_model import Bucket
from app.i18n import _
from app.reports.charts import epaspor_publicity_chart, share_line_chart
from app.reports.style import GRID, HEAD_BG, RULE, esc, fit_font_size

if TYPE_CHECKING:
    from app.figures.meeting.pdf import MeetingReportRenderer

IMPORTED = "*"


def title_block(r: MeetingReportRenderer) -> list[Flowable]:
    office = r.stats.office_name.upper()
    kop = r.styles["kop_office"]
    size = fit_font_size(office, kop.fontName, kop.fontSize, BODY_W, smallest=10)
    kop.fontSize, kop.leading = size, size * 1.25
    return [
        r.p(esc(office), "kop_office"),
        HRFlowable(width="100%", thickness=2, color=RULE, spaceBefore=5, spaceAfter=1.5),
        HRFlowable(width="100%", thickness=0.6, color=RULE, spaceAfter=14),
        r.p(r.t("title"), "title"),
        r.p(r.t("subtitle"), "subtitle"),
        Spacer(1, 8),
        r.p(esc(r.period_text()), "period"),
        Spacer(1, 4),
        r.p(f"{r.t('printed')}: {esc(r.printed_text())}", "subtitle"),
        Spacer(1, 10),
    ]


def _tile(r: MeetingReportRenderer, key: str, value: str, note: str = "") -> list[Paragraph]:
    cell = [r.p(r.t("key." + key), "tile_label"), r.p(esc(value), "tile_value")]
    shown = note and value != DASH  # "of all applications" under a dash would say nothing
    cell.append(r.p(esc(note) if shown else "&nbsp;", "tile_note"))
    return cell


def key_figures(r: MeetingReportRenderer) -> list[Flowable]:
    total = r.stats.total
    wait_median, wait_p90 = r.spread(total.wait)

    def minutes(v: str) -> str:
        return r.t("key.minutes", value=v) if v != DASH else v

    called = r.t("key.tickets", count=r.count(total.wait.count)) if total.wait.count else ""
    tiles = [
        _tile(r, "applications", r.count(total.applications)),
        _tile(r, "epaspor", r.count(total.epaspor)),
        _tile(r, "share", r.pct(total.epaspor_share), r.t("key.of_applications")),
        _tile(r, "growth", r.growth(total.growth)),
        _tile(r, "epaspor_growth", r.growth(total.epaspor_growth)),
        _tile(r, "sop", r.pct(total.sop_share)),
        _tile(r, "wait_median", minutes(wait_median), called),
        _tile(r, "wait_p90", minutes(wait_p90), called),
        _tile(r, "no_show", r.pct(total.no_show_rate)),
    ]
    rows = [tiles[i : i + 3] for i in range(0, len(tiles), 3)]
    table = Table(rows, colWidths=[BODY_W / 3] * 3, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("BOX", (0, 0), (-1, -1), 0.8, RULE),
        ("INNERGRID", (0, 0), (-1, -1), 0.4, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
    ]))  # fmt: skip
    months = len(r.stats.period.month_list())
    whole = r.stats.period.first.day == 1 and r.stats.period.days >= 28
    note = (
        r.t("key.note", months=months) if whole else r.t("key.note_days", days=r.stats.period.days)
    )
    out = r.heading("key", room=8 * cm) + [table, Spacer(1, 4), r.p(esc(note), "small_muted")]
    return out


def _month_cell(r: MeetingReportRenderer, b: Bucket, marks: dict[tuple[int, int], str]) -> str:
    mark = IMPORTED if b.source == "import" else marks.get((b.start.year, b.start.month), "")
    return r.month(b.start) + mark


def _difference_marks(r: MeetingReportRenderer) -> dict[tuple[int, int], str]:
    mark = "†" if r.fonts.unicode else "**"
    return {(d.year, d.month): mark for d in r.stats.differences}


def metric_name(code: str, lang: str) -> str:
    """The words of a stored metric code (the figures file's codes read as the same statistic)."""
    if code in HISTORY_METRICS:
        return _(HISTORY_METRICS[code][0], lang)
    field = METRIC_FIELDS.get(code)
    for name, of in HISTORY_METRICS.values():
        if of == field:
            return _(name, lang)
    return code


def _has_dash(buckets: list[Bucket]) -> bool:
    """Whether the monthly tables show a dash ("not known") anywhere."""
    for b in buckets:
        shown = (b.applications, b.epaspor, b.ordinary, b.walk_in, b.booked, b.wna_services,
                 b.tickets, b.wait.median, b.wait.p90, b.service.median, b.no_show_rate,
                 b.sop_share, b.ready_on_time_share)  # fmt: skip
        if any(v is None for v in shown):
            return True
    return False


def _footnotes(r: MeetingReportRenderer, buckets: list[Bucket]) -> list[Flowable]:
    notes = [esc(r.t("dash_note"))] if _has_dash([*buckets, r.stats.total]) else []
    if any(b.source == "import" for b in buckets):
        notes.append(esc(r.t("imported")))
    if r.stats.differences:
        mark = "†" if r.fonts.unicode else "**"
        lines = [
            esc(r.t("difference", month=r.month(date(d.year, d.month, 1)), metric=metric_name(d.metric, r.lang),
                    live=r.figure(d.live), stored=r.figure(d.stored)))
            for d in r.stats.differences
        ]  # fmt: skip
        notes.append(esc(r.t("difference_intro", mark=mark)) + "<br/>" + "<br/>".join(lines))
    return [Spacer(1, 3)] + [r.p(n, "small_muted") for n in notes]


def monthly(r: MeetingReportRenderer) -> list[Flowable]:
    buckets, total = r.stats.buckets, r.stats.total
    out = r.heading("monthly", room=7 * cm)
    if not buckets or all(b.source == "" for b in buckets):
        return out + [r.empty("figures")]
    marks = _difference_marks(r)
    first_w = 1.9 * cm
    head = [
        "month",
        "applications",
        "epaspor",
        "share",
        "growth",
        "ordinary",
        "walk_in",
        "booked",
        "wna",
    ]
    rows = [
        [_month_cell(r, b, marks), r.count(b.applications), r.count(b.epaspor), r.pct(b.epaspor_share),
         r.growth(b.epaspor_growth), r.count(b.ordinary), r.count(b.walk_in), r.count(b.booked),
         r.count(b.wna_services)]
        for b in buckets
    ]  # fmt: skip
    rows.append([r.t("total_row"), r.count(total.applications), r.count(total.epaspor), r.pct(total.epaspor_share),
                 r.growth(total.epaspor_growth), r.count(total.ordinary), r.count(total.walk_in),
                 r.count(total.booked), r.count(total.wna_services)])  # fmt: skip
    bold = [("FONTNAME", (0, -1), (-1, -1), r.fonts.bold), ("LINEABOVE", (0, -1), (-1, -1), 0.8, RULE),
            ("FONTNAME", (2, 1), (2, -1), r.fonts.bold)]  # fmt: skip
    words = [r.t("col." + h) for h in head]
    applications = r.grid(words, rows, r.number_widths(words, first_w), bold)
    head = [
        "month",
        "tickets",
        "wait_median",
        "wait_p90",
        "service_median",
        "no_show",
        "sop",
        "ready",
    ]
    rows = [
        [_month_cell(r, b, marks), r.count(b.tickets), *r.spread(b.wait), r.minutes(b.service.median),
         r.pct(b.no_show_rate), r.pct(b.sop_share), r.pct(b.ready_on_time_share)]
        for b in buckets
    ]  # fmt: skip
    rows.append([r.t("total_row"), r.count(total.tickets), *r.spread(total.wait), r.minutes(total.service.median),
                 r.pct(total.no_show_rate), r.pct(total.sop_share), r.pct(total.ready_on_time_share)])  # fmt: skip
    words = [r.t("col." + h) for h in head]
    queue = r.grid(words, rows, r.number_widths(words, first_w), bold[:2])
    first = [r.p(r.t("sub.applications"), "h2"), applications]
    if len(rows) <= 16:  # a year's table stays whole, with its headings (never a heading alone)
        out = [out[0], KeepTogether([*out[1:], *first])]
    else:  # a long table splits, with at least two rows under its headings
        out += first
    notes = _footnotes(r, buckets)
    if len(rows) <= 16:  # the footnotes stay under their table
        return out + [*r.subheading("sub.queue", room=6 * cm), KeepTogether([queue, *notes])]
    return out + [*r.subheading("sub.queue", room=6 * cm), queue, *notes]


def activity_marks(
    r: MeetingReportRenderer, activities: list[ActivityInfo]
) -> list[tuple[float, str]]:
    """Where each activity falls on the month axis (0 = the first day of the first month)."""
    months = r.stats.period.month_list()
    index = {ym: i for i, ym in enumerate(months)}
    marks = []
    for n, a in enumerate(activities, 1):
        i = index.get((a.activity_date.year, a.activity_date.month))
        if i is None:
            continue
        days = calendar.monthrange(a.activity_date.year, a.activity_date.month)[1]
        marks.append((i + (a.activity_date.day - 0.5) / days, str(n)))
    return marks


def _trend_steps(r: MeetingReportRenderer) -> str:
    """The figures as they are said in the meeting: "126 → 186 (+47,6%) → 294 (+58,1%)"."""
    arrow = " → " if r.fonts.unicode else " -&gt; "  # Helvetica, the fallback, has no arrow
    return arrow.join(
        r.count(b.epaspor)
        + (f"&nbsp;({r.growth(b.epaspor_growth)})" if b.epaspor_growth is not None else "")
        for b in r.stats.buckets
    )


def _activity_list(r: MeetingReportRenderer, activities: list[ActivityInfo]) -> list[Flowable]:
    out = r.subheading("activities", room=4 * cm)
    if not activities:
        return out + [r.empty("activities")]
    rows = [
        [str(n), r.p(esc(r.plain_date(a.activity_date)), "cell"), r.p(esc(r.code_label(ACTIVITY_KINDS, a.kind)), "cell"),
         r.p(esc(a.title), "cell"), r.p(esc(a.place or DASH), "cell"), r.count(a.audience)]
        for n, a in enumerate(activities, 1)
    ]  # fmt: skip
    widths = [0.8 * cm, 2.8 * cm, 2.9 * cm, 4.9 * cm, 3.5 * cm]
    widths.append(BODY_W - sum(widths))
    head = [r.t("col." + c) for c in ("no", "date", "kind", "title", "place", "audience")]
    table = r.grid(head, rows, widths, [("ALIGN", (0, 1), (0, -1), "RIGHT")], right_from=5)
    reached = [a.audience for a in activities if a.audience is not None]
    audience = r.count(sum(reached)) if reached else DASH
    summary = r.t("activities_total", count=r.count(len(activities)), audience=audience)
    return out + [table, Spacer(1, 3), r.p(esc(summary), "small_muted")]


def trend(r: MeetingReportRenderer) -> list[Flowable]:
    """e-Paspor per month with the activities marked under the axis, the activities' list right
    below it (the marks are its numbers), then the e-Paspor share."""
    buckets, activities = r.stats.buckets, r.report.activities
    out = r.heading("trend", room=10 * cm)
    if not buckets or all(b.epaspor is None for b in buckets):
        return out + [r.empty("figures"), *_activity_list(r, activities)]
    months = [r.month(b.start) for b in buckets]
    counts = [b.epaspor for b in buckets]
    growth = [r.growth(b.epaspor_growth) if b.epaspor_growth is not None else None for b in buckets]
    marks = activity_marks(r, activities)
    caption = r.t("chart.epaspor_marks") if marks and r.fonts.unicode else r.t("chart.epaspor")
    bars = epaspor_publicity_chart(months, counts, growth, marks, r.fonts, BODY_W, r.count)
    chart: list[Flowable] = [r.p(esc(caption), "caption"), Spacer(1, 2), bars]
    if len(buckets) <= 12:  # beyond a year the sentence would be longer than the chart is clear
        chart += [Spacer(1, 2), r.p(r.t("trend", trend=_trend_steps(r)), "small_muted_c")]
    line = share_line_chart(months, [b.epaspor_share for b in buckets], r.fonts, BODY_W, r.pct)
    share = [r.p(esc(r.t("chart.share")), "caption"), Spacer(1, 2), line]
    return out + [
        KeepTogether(chart),
        *_activity_list(r, activities),
        Spacer(1, 10),
        KeepTogether(share),
    ]
