"""Charts for the printed reports (reportlab.graphics): section scores and monthly e-Paspor applicants."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase import pdfmetrics

from app.reports.style import BAR, BAR_LIGHT, FAIL, GRID, INK, MUTED, FontSet

GOOD = colors.HexColor("#2e7d32")


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
