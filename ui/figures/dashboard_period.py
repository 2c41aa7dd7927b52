"""The period chooser of the Reports page: from month – to month, and the usual shortcuts."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from app.figures.statistics_model import Period
from app.i18n import _, month_name

MONTHS = 10 * 12  # the statistics service refuses periods over ten years


def month_before(year: int, month: int, count: int = 1) -> tuple[int, int]:
    index = year * 12 + (month - 1) - count
    return index // 12, index % 12 + 1


def this_month(today: date) -> Period:
    return Period.month(today.year, today.month)


def last_month(today: date) -> Period:
    return Period.month(*month_before(today.year, today.month))


def last_twelve_months(today: date) -> Period:
    """The twelve months up to and including the current one."""
    return Period.months(month_before(today.year, today.month, 11), (today.year, today.month))


class PeriodChooser(QWidget):
    """Two month boxes and three shortcuts; `chosen(Period)` when the period changes."""

    chosen = Signal(object)  # Period

    def __init__(self, today: date, lang: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.today = today
        self.lang = lang
        self._names = {m: month_name(2000, m, lang).rsplit(" ", 1)[0] for m in range(1, 13)}
        self.first = self._month_box()
        self.last = self._month_box()
        self.this_month = QPushButton(_("This month"))
        self.last_month = QPushButton(_("Last month"))
        self.last_twelve = QPushButton(_("Last 12 months"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(_("Period")))
        layout.addWidget(self.first)
        layout.addWidget(QLabel(_("to")))
        layout.addWidget(self.last)
        for button in (self.this_month, self.last_month, self.last_twelve):
            layout.addWidget(button)
        layout.addStretch(1)
        self._quiet = False
        self.first.currentIndexChanged.connect(lambda _i: self._edited(self.first))
        self.last.currentIndexChanged.connect(lambda _i: self._edited(self.last))
        self.this_month.clicked.connect(lambda: self.set_period(this_month(self.today)))
        self.last_month.clicked.connect(lambda: self.set_period(last_month(self.today)))
        self.last_twelve.clicked.connect(lambda: self.set_period(last_twelve_months(self.today)))
        self.set_period(this_month(today), announce=False)

    def _month_box(self) -> QComboBox:
        box = QComboBox()
        # Item i is month_of(i); the names are made from twelve formatted once (240 Babel
        # calls and 240 addItem calls held the UI thread for tens of milliseconds).
        box.addItems([self._names[m] + f" {y}" for y, m in map(self.month_of, range(MONTHS))])
        box.setMaxVisibleItems(14)
        box.setMinimumContentsLength(14)
        return box

    def month_of(self, index: int) -> tuple[int, int]:
        """The month of item *index*: the oldest first, the current month last."""
        return month_before(self.today.year, self.today.month, MONTHS - 1 - index)

    def index_of(self, month: tuple[int, int]) -> int:
        back = (self.today.year - month[0]) * 12 + self.today.month - month[1]
        return min(MONTHS - 1, max(0, MONTHS - 1 - back))

    def period(self) -> Period:
        return Period.months(
            self.month_of(self.first.currentIndex()), self.month_of(self.last.currentIndex())
        )

    def set_period(self, period: Period, announce: bool = True) -> None:
        before = self.period() if self.first.currentIndex() >= 0 else None
        self._quiet = True
        try:
            self._select(self.first, (period.first.year, period.first.month))
            self._select(self.last, (period.last.year, period.last.month))
        finally:
            self._quiet = False
        if announce and self.period() != before:
            self.chosen.emit(self.period())

    def _select(self, box: QComboBox, month: tuple[int, int]) -> None:
        box.setCurrentIndex(self.index_of(month))

    def _edited(self, box: QComboBox) -> None:
        if self._quiet:
            return
        first, last = self.first.currentIndex(), self.last.currentIndex()
        if first > last:  # the other end follows: a period never runs backwards
            self._quiet = True
            if box is self.first:
                self.last.setCurrentIndex(first)
            else:
                self.first.setCurrentIndex(last)
            self._quiet = False
        self.chosen.emit(self.period())
