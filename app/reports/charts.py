"""Charts for the printed reports (reportlab.graphics): section scores, monthly e-Paspor applicants
(with the publicity activities on the time axis) and a monthly share as a line."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Polygon, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase import pdfmetrics

from app.reports.style import BAR, BAR_LIGHT, FAIL, GRID, INK, MUTED, FontSet

GOOD = colors.HexColor("#2e7d32")
PUBLICITY = colors.HexColor("#c55a11")  # publicity activities on a time axis


def nice_ceiling(value: float) -> tuple[float, float]:
    """An axis maximum a little above *value* and a round step for it (e.g. 294 -> 350, 50)."""
    if value <= 0:
        return 10.0, 2.0
    target = value * 1.2
    magnitude = 10 ** math.floor(math.log10(target))
    for factor in (1, 2, 2.5, 5, 10):
        step = magnitude * factor / 5
        if step * 5 >= target:
            break
    return math.ceil(target / step) * step, step


def _clip(text: str, font: str, size: float, width: float) -> str:
    """Shorten *text* with an ellipsis so it fits *width* points."""
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text
    while text and pdfmetrics.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def section_score_chart(
    labels: Sequence[str],
    scores: Sequence[float | None],
    failed: Sequence[bool],
    fonts: FontSet,
    width: float,
    value_text: Callable[[float], str],
) -> Drawing:
    """Horizontal bars 0–100 per section, first section on top; failed sections in red."""
    label_width = min(230.0, width * 0.48)
    row = 15.0
    height = row * len(labels) + 30
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = label_width + 4, 18
    chart.width, chart.height = width - label_width - 40, row * len(labels)
    # ReportLab draws the first category at the bottom; reverse so the order matches the table.
    chart.data = [[s if s is not None else 0 for s in reversed(scores)]]
    shown = [_clip(t, fonts.regular, 7.5, label_width - 6) for t in reversed(labels)]
    chart.categoryAxis.categoryNames = shown
    chart.categoryAxis.labels.fontName = fonts.regular
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.strokeColor = GRID
    chart.categoryAxis.tickLeft = 0
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 20
    chart.valueAxis.labels.fontName = fonts.regular
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.strokeColor = GRID
    chart.valueAxis.visibleGrid = 1
    chart.valueAxis.gridStrokeColor = colors.HexColor("#e3e7ec")
    chart.valueAxis.gridStrokeWidth = 0.4
    chart.barWidth = 9
    chart.groupSpacing = 6
    chart.bars.strokeColor = None
    chart.bars[0].fillColor = BAR
    for i, (bad, score) in enumerate(zip(reversed(failed), reversed(scores), strict=True)):
        if bad:
            chart.bars[(0, i)].fillColor = FAIL
        elif score is None:
            chart.bars[(0, i)].fillColor = BAR_LIGHT
    drawing.add(chart)
    for i, score in enumerate(reversed(scores)):
        y = chart.y + (i + 0.5) * chart.height / len(labels) - 2.5
        x = chart.x + (score or 0) / 100 * chart.width + 3
        text = value_text(score) if score is not None else "–"
        drawing.add(String(x, y, text, fontName=fonts.bold, fontSize=7, fillColor=INK))
    return drawing


def epaspor_chart(
    months: Sequence[str],
    counts: Sequence[int | None],
    growth: Sequence[str | None],
    fonts: FontSet,
    width: float,
    count_text: Callable[[int], str] = str,
    height: float = 150,
) -> Drawing:
    """Bars of e-Paspor applicants per month with a trend line and growth labels above the bars."""
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 36, 22
    chart.width, chart.height = width - 50, height - 40
    values = [c if c is not None else 0 for c in counts]
    top, step = nice_ceiling(max(values, default=0))
    chart.data = [values]
    chart.categoryAxis.categoryNames = list(months)
    chart.categoryAxis.labels.fontName = fonts.regular
    chart.categoryAxis.labels.fontSize = 7.5 if len(months) <= 8 else 6.5
    chart.categoryAxis.labels.dy = -2
    chart.categoryAxis.strokeColor = GRID
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, top, step
    chart.valueAxis.labels.fontName = fonts.regular
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.strokeColor = GRID
    chart.valueAxis.visibleGrid = 1
    chart.valueAxis.gridStrokeColor = colors.HexColor("#e3e7ec")
    chart.valueAxis.gridStrokeWidth = 0.4
    chart.bars.strokeColor = None
    chart.bars[0].fillColor = BAR_LIGHT
    if values:
        chart.bars[(0, len(values) - 1)].fillColor = BAR  # the latest month stands out
    chart.barSpacing = 2
    chart.groupSpacing = max(6.0, chart.width / max(len(values), 1) * 0.35)
    drawing.add(chart)
    slot = chart.width / max(len(values), 1)
    points: list[float] = []
    labels: list[tuple[float, float, str, str, float, colors.Color]] = []
    for i, (count, grow) in enumerate(zip(counts, growth, strict=True)):
        cx = chart.x + (i + 0.5) * slot
        cy = chart.y + (count or 0) / top * chart.height
        if count is not None:
            points += [cx, cy]
            drawing.add(Circle(cx, cy, 1.8, fillColor=INK, strokeColor=None))
        labels.append(
            (
                cx,
                cy + 12 if grow else cy + 4,
                "–" if count is None else count_text(count),
                fonts.bold,
                8,
                INK,
            )
        )
        if grow:
            good = not grow.startswith(("-", "−"))
            labels.append((cx, cy + 4, grow, fonts.regular, 7, GOOD if good else FAIL))
    if len(points) >= 4:
        drawing.add(PolyLine(points, strokeColor=INK, strokeWidth=0.8, strokeDashArray=[2, 2]))
    # Labels last, on a white ground, so the trend line never runs through a number.
    for x, y, text, font, size, colour in labels:
        w = pdfmetrics.stringWidth(text, font, size)
        drawing.add(
            Rect(x - w / 2 - 1.5, y - 2, w + 3, size + 1, fillColor=colors.white, strokeColor=None)
        )
        drawing.add(
            String(x, y, text, fontName=font, fontSize=size, fillColor=colour, textAnchor="middle")
        )
    drawing.add(
        Line(chart.x, chart.y, chart.x + chart.width, chart.y, strokeColor=MUTED, strokeWidth=0.5)
    )
    return drawing


def _tick_label_rows(
    marks: Sequence[tuple[float, str]], font: str, size: float, max_rows: int
) -> list[tuple[float, str, int]]:
    """Place each (x, label) in the first row where it does not touch the label before it."""
    ends: list[float] = []
    placed = []
    for x, text in sorted(marks):
        w = pdfmetrics.stringWidth(text, font, size)
        for row, end in enumerate(ends):
            if x - w / 2 > end + 1.5:
                ends[row] = x + w / 2
                placed.append((x, text, row))
                break
        else:
            if len(ends) < max_rows:
                ends.append(x + w / 2)
                placed.append((x, text, len(ends) - 1))
            else:  # a crowded stretch keeps its triangles; the numbers are in the list
                placed.append((x, "", -1))
    return placed


LABELLED_MONTHS = 12  # beyond this many bars, numbers above each bar would run into each other


def label_step(n: int) -> int:
    """Label every k-th of *n* months so that about a dozen labels fit under the axis."""
    return max(1, math.ceil(n / LABELLED_MONTHS))


def _compact_month_bars(
    months: Sequence[str], counts: Sequence[int | None], fonts: FontSet, width: float, height: float
) -> Drawing:
    """Bars for a long period, on `epaspor_chart`'s plot area: every k-th month named, no numbers on the bars."""
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 36, 22
    chart.width, chart.height = width - 50, height - 40
    values = [c if c is not None else 0 for c in counts]
    top, step = nice_ceiling(max(values, default=0))
    chart.data = [values]
    k = label_step(len(months))
    chart.categoryAxis.categoryNames = [m if i % k == 0 else "" for i, m in enumerate(months)]
    chart.categoryAxis.labels.fontName = fonts.regular
    chart.categoryAxis.labels.fontSize = 6.5
    chart.categoryAxis.labels.dy = -2
    chart.categoryAxis.strokeColor = GRID
    chart.categoryAxis.tickDown = 0
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, top, step
    chart.valueAxis.labels.fontName = fonts.regular
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.strokeColor = GRID
    chart.valueAxis.visibleGrid = 1
    chart.valueAxis.gridStrokeColor = colors.HexColor("#e3e7ec")
    chart.valueAxis.gridStrokeWidth = 0.4
    chart.bars.strokeColor = None
    chart.bars[0].fillColor = BAR_LIGHT
    if values:
        chart.bars[(0, len(values) - 1)].fillColor = BAR
    chart.barSpacing = 0
    chart.groupSpacing = max(0.5, chart.width / max(len(values), 1) * 0.25)
    drawing.add(chart)
    return drawing


def epaspor_publicity_chart(
    months: Sequence[str],
    counts: Sequence[int | None],
    growth: Sequence[str | None],
    marks: Sequence[tuple[float, str]],
    fonts: FontSet,
    width: float,
    count_text: Callable[[int], str] = str,
    height: float = 165,
) -> Drawing:
    """The monthly e-Paspor bars of `epaspor_chart` with publicity activities marked below the time axis.

    *marks* are (position, label): the position in months from the start of the first month
    (1.5 = the middle of the second month), the label the activity's number in the report's list.
    """
    size = 6.5
    slot = (width - 50) / max(len(months), 1)
    placed = _tick_label_rows(
        [(36 + pos * slot, text) for pos, text in marks], fonts.regular, size, 4
    )
    rows = max((row for _x, _t, row in placed), default=-1) + 1
    band = 14 + rows * (size + 1.5) if marks else 0
    if len(months) > LABELLED_MONTHS:
        bars = _compact_month_bars(months, counts, fonts, width, height)
    else:
        bars = epaspor_chart(months, counts, growth, fonts, width, count_text, height)
    drawing = Drawing(width, height + band)
    drawing.add(Group(*bars.contents, transform=(1, 0, 0, 1, 0, band)))
    if not marks:
        return drawing
    axis_y = band + 22  # epaspor_chart's category axis
    strip_y = band - 4
    drawing.add(Line(36, strip_y, width - 14, strip_y, strokeColor=GRID, strokeWidth=0.4))
    for x, text, row in placed:
        drawing.add(
            Line(
                x,
                strip_y,
                x,
                axis_y - 12,
                strokeColor=PUBLICITY,
                strokeWidth=0.3,
                strokeDashArray=[1, 1.5],
            )
        )
        drawing.add(
            Polygon([x - 3, strip_y - 4.5, x + 3, strip_y - 4.5, x, strip_y + 1],
                    fillColor=PUBLICITY, strokeColor=None)
        )  # fmt: skip
        if text:
            y = strip_y - 6 - (row + 1) * (size + 1.5) + 1.5
            drawing.add(
                String(
                    x,
                    y,
                    text,
                    fontName=fonts.bold,
                    fontSize=size,
                    fillColor=PUBLICITY,
                    textAnchor="middle",
                )
            )
    return drawing


def share_line_chart(
    months: Sequence[str],
    shares: Sequence[float | None],
    fonts: FontSet,
    width: float,
    share_text: Callable[[float], str],
    height: float = 120,
) -> Drawing:
    """A share (0..1) per month as a line with its value at each point; gaps where it is unknown.

    The plot area matches `epaspor_chart` (x 36, right margin 14) so that the two charts,
    printed one above the other, put each month in the same column.
    """
    drawing = Drawing(width, height)
    x0, y0 = 36.0, 22.0
    plot_w, plot_h = width - 50, height - 40
    known = [s for s in shares if s is not None]
    top, step = nice_ceiling(max(known, default=0) * 100)
    top, step = (min(top, 100.0), step) if top <= 100 else (100.0, 20.0)
    slot = plot_w / max(len(months), 1)
    grid = colors.HexColor("#e3e7ec")
    value = 0.0
    while value <= top + 1e-9:
        y = y0 + value / top * plot_h
        drawing.add(Line(x0, y, x0 + plot_w, y, strokeColor=grid, strokeWidth=0.4))
        drawing.add(
            String(x0 - 4, y - 2.5, share_text(value / 100).replace(",0%", "%").replace(".0%", "%"),
                   fontName=fonts.regular, fontSize=7, fillColor=INK, textAnchor="end")
        )  # fmt: skip
        value += step
    drawing.add(Line(x0, y0, x0, y0 + plot_h, strokeColor=GRID, strokeWidth=0.5))
    drawing.add(Line(x0, y0, x0 + plot_w, y0, strokeColor=MUTED, strokeWidth=0.5))
    label_size = 7.5 if len(months) <= 8 else 6.5
    k = label_step(len(months))
    segment: list[float] = []
    labels: list[tuple[float, float, str]] = []
    for i, (month, share) in enumerate(zip(months, shares, strict=True)):
        cx = x0 + (i + 0.5) * slot
        if i % k == 0:
            drawing.add(
                String(cx, y0 - 10, month, fontName=fonts.regular, fontSize=label_size,
                       fillColor=INK, textAnchor="middle")
            )  # fmt: skip
        if share is None:
            if len(segment) >= 4:
                drawing.add(PolyLine(segment, strokeColor=BAR, strokeWidth=1.4))
            segment = []
            continue
        cy = y0 + min(share * 100, top) / top * plot_h
        segment += [cx, cy]
        if i % k == 0 or i == len(months) - 1:
            labels.append((cx, cy, share_text(share)))
    if len(segment) >= 4:
        drawing.add(PolyLine(segment, strokeColor=BAR, strokeWidth=1.4))
    dot = 2.2 if k == 1 else 1.2
    for cx, cy, text in labels:
        drawing.add(Circle(cx, cy, dot, fillColor=BAR, strokeColor=colors.white, strokeWidth=0.6))
        w = pdfmetrics.stringWidth(text, fonts.regular, 6.5)
        drawing.add(
            Rect(cx - w / 2 - 1, cy + 4, w + 2, 7.5, fillColor=colors.white, strokeColor=None)
        )
        drawing.add(
            String(cx, cy + 5.5, text, fontName=fonts.regular, fontSize=6.5, fillColor=INK,
                   textAnchor="middle")
        )  # fmt: skip
    return drawing
