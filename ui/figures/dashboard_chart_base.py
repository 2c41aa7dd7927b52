"""What every dashboard chart shares: a title, a plot area, round axis steps, thinned labels,
value tooltips under the mouse and "no data" — drawn with QPainter (see reports_page.py).

The colours are the printed report's (app/reports/style.py), so screen and paper agree.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from app.i18n import _

INK = QColor("#1a1a1a")
MUTED = QColor("#555555")
GRID = QColor("#d5dae0")
AXIS = QColor("#9aa5b1")
BAR = QColor("#2f5597")
BAR_LIGHT = QColor("#8faadc")
TARGET = QColor("#b00020")
MARK = QColor("#e07b00")  # publicity and socialisation activities on the time axis
IMPORTED = QColor("#a0a0a0")  # a month filled from imported (historical) figures


def nice_step(maximum: float, ticks: int = 4, whole: bool = False) -> tuple[float, float]:
    """A round axis top at or above *maximum* and its step (294 -> 300, 100; 0 -> 10, 2.5).

    With *whole* (counts) every step is a whole number: 10 -> 10, 5 rather than 10, 2.5."""
    if maximum <= 0 or not math.isfinite(maximum):
        return (4.0, 1.0) if whole else (10.0, 2.5)
    raw = maximum / ticks
    if whole and raw <= 1:
        return float(math.ceil(maximum)), 1.0
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10) if whole else (1, 2, 2.5, 5, 10):
        step = magnitude * factor
        if step >= raw and (not whole or step == int(step)):
            break
    return math.ceil(maximum / step) * step, step


def label_stride(count: int, widest: float, room: float) -> int:
    """Show every n-th of *count* labels so that labels *widest* pixels wide never touch."""
    if count <= 0 or room <= 0:
        return 1
    per_label = widest + 8
    return max(1, math.ceil(count * per_label / room))


class Chart(QWidget):
    """A titled chart; subclasses draw into the plot area and register value regions."""

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = title
        self.note = ""  # a line under the title (what is marked, the unit)
        self.empty_text = _("No data for this period.")
        self._regions: list[tuple[QRectF, str]] = []
        self.setMouseTracking(True)
        self.setMinimumSize(QSize(320, 220))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(520, 260)

    # --- for subclasses -------------------------------------------------------------------

    def has_data(self) -> bool:
        return False

    def draw(self, painter: QPainter, area: QRectF) -> None:
        """Draw the chart into *area* (below the title)."""

    def add_region(self, rect: QRectF, words: str) -> None:
        """The mouse over *rect* shows *words* (a bar's or a point's value)."""
        self._regions.append((rect, words))

    def regions(self) -> list[tuple[QRectF, str]]:
        return list(self._regions)

    def small_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(7.5, font.pointSizeF() * 0.9))
        return font

    # --- painting --------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        painter.setPen(QPen(GRID))
        painter.drawRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5))
        self._regions = []
        title_font = QFont(self.font())
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(INK)
        metrics = QFontMetrics(title_font)
        top = 6.0
        painter.drawText(
            QRectF(10, top, self.width() - 20, metrics.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(self.title, Qt.TextElideMode.ElideRight, self.width() - 20),
        )
        top += metrics.height() + 2
        if self.note:
            painter.setFont(self.small_font())
            painter.setPen(MUTED)
            small = QFontMetrics(self.small_font())
            painter.drawText(
                QRectF(10, top, self.width() - 20, small.height()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                small.elidedText(self.note, Qt.TextElideMode.ElideRight, self.width() - 20),
            )
            top += small.height() + 2
        area = QRectF(10, top + 4, self.width() - 20, self.height() - top - 12)
        painter.setFont(self.small_font())
        if not self.has_data():
            painter.setPen(MUTED)
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, self.empty_text)
        else:
            self.draw(painter, area)
        painter.end()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        point = event.position()
        for rect, words in self._regions:
            if rect.contains(point):
                QToolTip.showText(event.globalPosition().toPoint(), words, self)
                return
        QToolTip.hideText()


def draw_value_axis(
    painter: QPainter,
    plot: QRectF,
    top: float,
    step: float,
    words: Callable[[float], str],
    gutter: float,
) -> None:
    """Horizontal grid lines with their values in the *gutter* left of *plot* (0 to *top*)."""
    metrics = QFontMetrics(painter.font())
    value = 0.0
    while value <= top + step / 1000:
        y = plot.bottom() - plot.height() * value / top
        painter.setPen(QPen(GRID if value else AXIS, 1))
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(MUTED)
        painter.drawText(
            QRectF(plot.left() - gutter, y - metrics.height() / 2, gutter - 4, metrics.height()),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            words(value),
        )
        value += step


def draw_time_labels(
    painter: QPainter, plot: QRectF, labels: Sequence[str], slot: float
) -> list[QRectF]:
    """Labels under slots of width *slot*, every n-th one so that none overlap; their boxes."""
    if not labels:
        return []
    metrics = QFontMetrics(painter.font())
    widest = max(metrics.horizontalAdvance(t) for t in labels)
    stride = label_stride(len(labels), widest, plot.width())
    painter.setPen(MUTED)
    drawn = []
    for i in range(0, len(labels), stride):
        centre = plot.left() + slot * (i + 0.5)
        width = metrics.horizontalAdvance(labels[i])
        box = QRectF(centre - width / 2, plot.bottom() + 3, width, metrics.height())
        painter.drawText(box, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, labels[i])
        drawn.append(box)
    return drawn


def value_axis_width(painter: QPainter, words: Sequence[str]) -> float:
    metrics = QFontMetrics(painter.font())
    return max((metrics.horizontalAdvance(w) for w in words), default=20) + 10
