"""The card a desk shows after Save & Print: the ticket number large, then what the applicant is told."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _, long_date, ngettext, rupiah

_CARD = (
    "TicketCard { background: #e6f4ea; border: 1px solid #a8dab5; border-radius: 8px; }"
    " QLabel { color: #0d652d; }"
    " QLabel#caption { color: #3c6e47; }"
    ' QLabel#printer[failed="true"] { color: #a50e0e; font-weight: bold; background: #fce8e6;'
    " border: 1px solid #f4b4ae; border-radius: 4px; }"
)


class TicketCard(QFrame):
    """What was issued, at a glance; a slip that did not print is a line of its own with a
    Reprint button (`reprint_requested`), so the saved ticket is never mistaken for a failure."""

    reprint_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("TicketCard")
        self.setStyleSheet(_CARD)
        self.heading = QLabel()
        self.number = QLabel()
        font = QFont(self.number.font())
        # Read across the counter and called out to the applicant: three times body text.
        font.setPointSizeF(max(font.pointSizeF(), 9.0) * 3.0)
        font.setBold(True)
        self.number.setFont(font)
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.values: dict[str, QLabel] = {}
        self.captions: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(2)
        for row, (key, caption) in enumerate((
            ("waiting", _("Waiting ahead")),
            ("fee", _("PNBP fee")),
            ("collection", _("Collection date")),
        )):  # fmt: skip
            self.captions[key] = QLabel(caption)
            self.captions[key].setObjectName("caption")
            self.values[key] = QLabel()
            value_font = QFont(self.values[key].font())
            value_font.setBold(True)
            self.values[key].setFont(value_font)
            grid.addWidget(self.captions[key], row, 0)
            grid.addWidget(self.values[key], row, 1)
        self.printer = QLabel()
        self.printer.setObjectName("printer")
        self.printer.setWordWrap(True)
        self.printer.setContentsMargins(
            8, 4, 8, 4
        )  # inside its box; a style's padding is not measured
        self.reprint_button = QPushButton(_("Print slip &again"))
        self.reprint_button.clicked.connect(self.reprint_requested)

        # One row, so the card takes little of a 768-pixel screen: number | facts | printer.
        number_column = QVBoxLayout()
        number_column.setSpacing(0)
        number_column.addWidget(self.heading)
        number_column.addWidget(self.number)
        printer_column = QVBoxLayout()
        printer_column.addWidget(self.printer)
        printer_column.addWidget(self.reprint_button, 0, Qt.AlignmentFlag.AlignLeft)
        printer_column.addStretch(1)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(14, 6, 14, 6)
        outer.setSpacing(24)
        outer.addLayout(number_column)
        outer.addLayout(grid)
        outer.addLayout(printer_column, 1)
        self.ticket_number = ""
        self.hide()

    def show_ticket(
        self,
        number: str,
        waiting_ahead: int,
        fee: int | Decimal | None = None,
        collection_date: date | None = None,
        lang: str | None = None,
    ) -> None:
        """A ticket was issued: its number, who waits before it, the fee and the collection day."""
        self.ticket_number = number
        self.heading.setText(_("Ticket issued", lang))
        self.number.setText(number)
        people = ngettext("{n} person", "{n} people", waiting_ahead, lang).format(n=waiting_ahead)
        self._set("waiting", people)
        self._set("fee", rupiah(fee) if fee is not None else "")
        self._set("collection", long_date(collection_date, lang) if collection_date else "")
        self.show_printed(lang)
        self.show()

    def _set(self, key: str, value: str) -> None:
        self.values[key].setText(value)
        self.values[key].setVisible(bool(value))
        self.captions[key].setVisible(bool(value))

    def show_printed(self, lang: str | None = None) -> None:
        self._printer_line(_("Slip printed.", lang), failed=False)

    def show_print_failure(self, reason: str) -> None:
        """The slip did not print: *reason* on its own line, with the Reprint button beside it."""
        self._printer_line(reason, failed=True)

    def _printer_line(self, words: str, failed: bool) -> None:
        self.printer.setText(words)
        self.printer.setProperty("failed", "true" if failed else "false")
        self.printer.style().unpolish(self.printer)
        self.printer.style().polish(self.printer)
        self.reprint_button.setVisible(failed)

    def print_failed(self) -> bool:
        return self.isVisible() and self.reprint_button.isVisibleTo(self)

    def clear(self) -> None:
        """The next applicant has begun: the card goes."""
        self.ticket_number = ""
        self.hide()

    def text(self) -> str:
        """Everything the card says, for tests and the screen reader's summary."""
        if self.isHidden():
            return ""
        parts = [self.heading.text(), self.number.text()]
        for key in self.values:
            if self.values[key].text():
                parts.append(f"{self.captions[key].text()}: {self.values[key].text()}")
        parts.append(self.printer.text())
        return "\n".join(parts)
