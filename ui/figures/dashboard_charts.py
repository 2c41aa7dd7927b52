"""The four dashboard charts: applications per day (or month), the e-Paspor share, waiting
time per service against its SOP target, and the stage backlog.

Each chart takes plain values (labels already in the user's language and number form), so
it neither knows the statistics service nor formats anything itself.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QFontMetrics, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QWidget

from app.i18n import _

from ui.figures.dashboard_chart_base import (
    AXIS,
    BAR,
    BAR_LIGHT,
    IMPORTED,
    INK,
    MARK,
    MUTED,
    TARGET,
    Chart,
    draw_time_labels,
    draw_value_axis,
    nice_step,
    value_axis_width,
)

VALUE_LABELS_UP_TO = 16  # more bars than this: the values are in the tooltips only


@dataclass(frozen=True)
class TimePoint:
    """One day, week or month on the time axis."""

    label: str  # under the axis: "4", "Jul 2024"
    title: str  # in the tooltip: "Kamis, 4 Juli 2024"
    value: float | None  # None: nothing known (drawn as a gap, never as 0)
    words: str  # the value as shown: "1.234", "47,6%"
    imported: bool = False  # filled from historical (imported) figures


@dataclass(frozen=True)
class TimeMark:
    """A publicity or socialisation activity at slot *index* of the time axis."""

    index: int
    words: str  # "4 Juli 2024 · Media sosial · Sosialisasi e-Paspor"


class TimeChart(Chart):
    """Bars or a line over the period's days or months, activities marked under the axis."""

    def __init__(
        self, title: str, axis_words: Callable[[float], str], parent: QWidget | None = None
    ):
        super().__init__(title, parent)
        self.points: list[TimePoint] = []
        self.marks: list[TimeMark] = []
        self.axis_words = axis_words
        self.fixed_top: float | None = None  # e.g. 1.0 for a share
        self.label_boxes: list[QRectF] = []  # where the time labels were drawn last

    def set_series(self, points: Sequence[TimePoint], marks: Sequence[TimeMark] = ()) -> None:
        self.points, self.marks = list(points), list(marks)
        if self.marks:
            self.note = _("▲ = publicity or socialisation activity")
        else:
            self.note = ""
        self.update()

    def has_data(self) -> bool:
        return any(p.value is not None for p in self.points)

    def _scale(self) -> tuple[float, float]:
        highest = max((p.value for p in self.points if p.value is not None), default=0.0)
        if self.fixed_top is not None:
            top, step = nice_step(max(highest, 0.0001))
            return (min(top, self.fixed_top), step) if top > self.fixed_top else (top, step)
        return nice_step(highest, whole=True)

    def draw(self, painter: QPainter, area: QRectF) -> None:
        top, step = self._scale()
        gutter = value_axis_width(painter, [self.axis_words(top), self.axis_words(step)])
        metrics = QFontMetrics(painter.font())
        marks_room = 14 if self.marks else 0
        plot = QRectF(
            area.left() + gutter,
            area.top() + metrics.height(),  # room for the value labels over the top bar
            area.width() - gutter - 4,
            area.height() - metrics.height() * 2 - 6 - marks_room,
        )
        draw_value_axis(painter, plot, top, step, self.axis_words, gutter)
        slot = plot.width() / max(1, len(self.points))
        self.draw_series(painter, plot, slot, top)
        self._draw_marks(painter, plot, slot)
        labels_plot = QRectF(plot.left(), plot.top(), plot.width(), plot.height() + marks_room)
        self.label_boxes = draw_time_labels(
            painter, labels_plot, [p.label for p in self.points], slot
        )

    def draw_series(self, painter: QPainter, plot: QRectF, slot: float, top: float) -> None:
        raise NotImplementedError

    def _draw_marks(self, painter: QPainter, plot: QRectF, slot: float) -> None:
        by_slot: dict[int, list[str]] = {}
        for mark in self.marks:
            if 0 <= mark.index < len(self.points):
                by_slot.setdefault(mark.index, []).append(mark.words)
        for index, words in by_slot.items():
            x = plot.left() + slot * (index + 0.5)
            painter.setPen(QPen(MARK, 1, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
            triangle = QPolygonF(
                [QPointF(x, plot.bottom() + 2), QPointF(x - 5, plot.bottom() + 11),
                 QPointF(x + 5, plot.bottom() + 11)]
            )  # fmt: skip
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(MARK))
            painter.drawPolygon(triangle)
            region = QRectF(x - 7, plot.bottom(), 14, 14)
            self.add_region(region, "\n".join(words))

    def _value_label(self, painter: QPainter, x: float, y: float, words: str) -> None:
        metrics = QFontMetrics(painter.font())
        width = metrics.horizontalAdvance(words) + 4
        painter.setPen(INK)
        painter.drawText(
            QRectF(x - width / 2, y - metrics.height() - 1, width, metrics.height()),
            Qt.AlignmentFlag.AlignCenter,
            words,
        )

    def _labels_fit(self, painter: QPainter, slot: float) -> bool:
        if len(self.points) > VALUE_LABELS_UP_TO:
            return False
        metrics = QFontMetrics(painter.font())
        widest = max((metrics.horizontalAdvance(p.words) for p in self.points), default=0)
        return widest + 4 <= slot


class BarTimeChart(TimeChart):
    """Applications per day or per month; imported months in grey."""

    def draw_series(self, painter: QPainter, plot: QRectF, slot: float, top: float) -> None:
        labels = self._labels_fit(painter, slot)
        width = max(1.0, min(slot * 0.7, 48))
        for i, point in enumerate(self.points):
            centre = plot.left() + slot * (i + 0.5)
            if point.value is None:
                continue
            height = plot.height() * point.value / top if top else 0
            bar = QRectF(centre - width / 2, plot.bottom() - height, width, height)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(IMPORTED if point.imported else BAR))
            painter.drawRect(bar)
            self.add_region(
                QRectF(centre - slot / 2, plot.top(), slot, plot.height()),
                f"{point.title}: {point.words}",
            )
            if labels:
                self._value_label(painter, centre, bar.top(), point.words)


class LineTimeChart(TimeChart):
    """The e-Paspor share per day or month as a line with points; gaps stay gaps."""

    def draw_series(self, painter: QPainter, plot: QRectF, slot: float, top: float) -> None:
        labels = self._labels_fit(painter, slot)
        path = QPainterPath()
        drawing = False
        dots: list[tuple[QPointF, TimePoint]] = []
        for i, point in enumerate(self.points):
            if point.value is None:
                drawing = False
                continue
            at = QPointF(
                plot.left() + slot * (i + 0.5),
                plot.bottom() - plot.height() * min(point.value, top) / top,
            )
            if drawing:
                path.lineTo(at)
            else:
                path.moveTo(at)
                drawing = True
            dots.append((at, point))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(BAR, 2))
        painter.drawPath(path)
        radius = 3.5 if slot >= 8 else 2.0
        for at, point in dots:
            painter.setPen(QPen(IMPORTED if point.imported else BAR, 1))
            painter.setBrush(QBrush(BAR_LIGHT if point.imported else BAR))
            painter.drawEllipse(at, radius, radius)
            self.add_region(
                QRectF(at.x() - max(slot, 8) / 2, plot.top(), max(slot, 8), plot.height()),
                f"{point.title}: {point.words}",
            )
            if labels:
                self._value_label(painter, at.x(), at.y() - 3, point.words)


@dataclass(frozen=True)
class ServiceWait:
    """One queue service: median and p90 wait in minutes, its SOP target in minutes."""

    name: str
    median: float | None
    p90: float | None
    sop: int
    label: str  # beside the bars: "12,5 / 31,0"
    words: str  # the tooltip: "Median 12,5 menit · P90 31,0 menit · target SOP 30 menit"


@dataclass(frozen=True)
class Bar:
    """One horizontal bar: a stage and its count."""

    name: str
    value: int
    words: str


def _name_column(painter: QPainter, names: Sequence[str], area: QRectF) -> float:
    metrics = QFontMetrics(painter.font())
    return min(
        max((metrics.horizontalAdvance(n) for n in names), default=40) + 10, area.width() * 0.4
    )


def _draw_name(painter: QPainter, name: str, rect: QRectF) -> None:
    metrics = QFontMetrics(painter.font())
    painter.setPen(INK)
    painter.drawText(
        rect,
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
        metrics.elidedText(name, Qt.TextElideMode.ElideRight, int(rect.width()) - 2),
    )


class WaitChart(Chart):
    """Median (dark) and 90th percentile (light) wait per service, the SOP target as a red line."""

    def __init__(self, title: str, minutes: Callable[[float], str], parent: QWidget | None = None):
        super().__init__(title, parent)
        self.rows: list[ServiceWait] = []
        self.minutes = minutes
        self.note = _("Dark: median · light: 90th percentile · red line: SOP target (minutes)")

    def set_rows(self, rows: Sequence[ServiceWait]) -> None:
        self.rows = list(rows)
        self.update()

    def has_data(self) -> bool:
        return any(r.median is not None or r.p90 is not None for r in self.rows)

    def draw(self, painter: QPainter, area: QRectF) -> None:
        highest = max([max(r.p90 or 0, r.median or 0, r.sop) for r in self.rows] or [0.0])
        top, step = nice_step(highest)
        metrics = QFontMetrics(painter.font())
        names = _name_column(painter, [r.name for r in self.rows], area)
        ends = max((metrics.horizontalAdvance(r.label) for r in self.rows), default=0) + 10
        plot = QRectF(
            area.left() + names, area.top(), area.width() - names - ends,
            area.height() - metrics.height() - 4,
        )  # fmt: skip
        self._grid(painter, plot, top, step)
        row = plot.height() / max(1, len(self.rows))
        thick = max(4.0, min(row * 0.32, 14))
        for i, service in enumerate(self.rows):
            y = plot.top() + row * i + row / 2
            _draw_name(painter, service.name, QRectF(area.left(), y - row / 2, names - 6, row))
            for value, colour, half in (
                (service.p90, BAR_LIGHT, thick),
                (service.median, BAR, thick * 0.5),
            ):
                if value is None:
                    continue
                width = plot.width() * min(value, top) / top
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QBrush(colour))
                painter.drawRect(QRectF(plot.left(), y - half, width, half * 2))
            x = plot.left() + plot.width() * min(service.sop, top) / top
            painter.setPen(QPen(TARGET, 2))
            painter.drawLine(QPointF(x, y - thick - 3), QPointF(x, y + thick + 3))
            self._end_label(painter, plot, y, service)
            self.add_region(QRectF(area.left(), y - row / 2, area.width(), row), service.words)

    def _end_label(self, painter: QPainter, plot: QRectF, y: float, service: ServiceWait) -> None:
        painter.setPen(INK)
        painter.drawText(QRectF(plot.right() + 6, y - 9, 400, 18),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         service.label)  # fmt: skip

    def _grid(self, painter: QPainter, plot: QRectF, top: float, step: float) -> None:
        metrics = QFontMetrics(painter.font())
        value = 0.0
        while value <= top + step / 1000:
            x = plot.left() + plot.width() * value / top
            painter.setPen(QPen(AXIS if not value else BAR_LIGHT.lighter(150), 1))
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
            painter.setPen(MUTED)
            words = self.minutes(value)
            width = metrics.horizontalAdvance(words) + 6
            painter.drawText(QRectF(x - width / 2, plot.bottom() + 2, width, metrics.height()),
                             Qt.AlignmentFlag.AlignHCenter, words)  # fmt: skip
            value += step


class BacklogChart(Chart):
    """Applications of the period not yet at a final stage, one bar per stage."""

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(title, parent)
        self.bars: list[Bar] = []
        self.empty_text = _("No open applications in this period.")

    def set_bars(self, bars: Sequence[Bar]) -> None:
        self.bars = list(bars)
        self.update()

    def has_data(self) -> bool:
        return any(b.value for b in self.bars)

    def draw(self, painter: QPainter, area: QRectF) -> None:
        highest = max((b.value for b in self.bars), default=0)
        top, _step = nice_step(highest)
        metrics = QFontMetrics(painter.font())
        names = _name_column(painter, [b.name for b in self.bars], area)
        widest = max((metrics.horizontalAdvance(b.words) for b in self.bars), default=0) + 8
        plot = QRectF(area.left() + names, area.top(), area.width() - names - widest, area.height())
        row = plot.height() / max(1, len(self.bars))
        thick = max(4.0, min(row * 0.6, 24))
        for i, bar in enumerate(self.bars):
            y = plot.top() + row * i + row / 2
            _draw_name(painter, bar.name, QRectF(area.left(), y - row / 2, names - 6, row))
            width = plot.width() * bar.value / top if top else 0
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(BAR))
            painter.drawRect(QRectF(plot.left(), y - thick / 2, width, thick))
            painter.setPen(INK)
            painter.drawText(
                QRectF(plot.left() + width + 4, y - row / 2, widest, row),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                bar.words,
            )
            self.add_region(QRectF(area.left(), y - row / 2, area.width(), row),
                            f"{bar.name}: {bar.words}")  # fmt: skip
