"""The queue page's "At this counter" panel (number being served, verb buttons) and day summary."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _, label
from app.queue.board import summarize
from app.queue.numbering import PRIORITIES, SERVICE_NAMES, SERVICES, STATUS_LABELS, announcement
from app.queue.tickets import TicketInfo
from app.queue.verbs import may

# The verbs this panel has a button for, each enabled when the service's rules allow it for
# the ticket's status (app.queue.tickets.may); the service stays the judge.
PANEL_VERBS = ("recall", "start", "finish", "no_show", "requeue")


class DaySummaryLabel(QLabel):
    """The one-line count of today's queue above the ticket list."""

    def show_rows(self, rows: Sequence[TicketInfo]) -> None:
        s = summarize(rows)
        wait = (
            "—"
            if s.average_wait_minutes is None
            else _("{0} min").format(f"{s.average_wait_minutes:.0f}")
        )
        parts = [
            _("Waiting: {0}").format(s.waiting),
            _("Being served: {0}").format(s.serving),
            _("Done: {0}").format(s.done),
            _("No-show: {0}").format(s.no_show),
            _("Average wait today: {0}").format(wait),
        ]
        self.setText("   ·   ".join(parts))


class CounterPanel(QWidget):
    """The current ticket and its actions; the queue page owns the ticket and wires the buttons."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.number_label = QLabel("—")
        big = QFont(self.number_label.font())
        big.setPointSize(56)
        big.setBold(True)
        self.number_label.setFont(big)
        self.number_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.number_label.setMinimumWidth(220)
        self.service_label = QLabel()
        self.state_label = QLabel()
        self.announce_label = QLabel()
        self.announce_label.setWordWrap(True)
        self.announce_label.setStyleSheet("color: #5f6368; font-style: italic;")
        for line in (self.service_label, self.state_label, self.announce_label):
            line.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.call_button = QPushButton(_("Call next") + "  (F2)")
        self.call_button.setMinimumHeight(64)
        self.call_button.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.recall_button = QPushButton(_("Call again") + "  (F3)")
        self.start_button = QPushButton(_("Start serving") + "  (F4)")
        self.finish_button = QPushButton(_("Finish") + "  (F5)")
        self.no_show_button = QPushButton(_("No-show") + "  (F6)")
        self.requeue_button = QPushButton(_("Return to &queue"))
        self.transfer_combo = QComboBox()
        self.transfer_button = QPushButton(_("&Transfer"))
        self.verb_buttons = {
            "recall": self.recall_button,
            "start": self.start_button,
            "finish": self.finish_button,
            "no_show": self.no_show_button,
            "requeue": self.requeue_button,
        }
        self._build()

    def _build(self) -> None:
        current_box = QGroupBox(_("At this counter"))
        cl = QVBoxLayout(current_box)
        cl.addStretch(1)
        cl.addWidget(self.number_label)
        cl.addWidget(self.service_label)
        cl.addWidget(self.state_label)
        cl.addWidget(self.announce_label)
        cl.addStretch(1)

        actions = QGridLayout()
        actions.addWidget(self.call_button, 0, 0, 1, 2)
        actions.addWidget(self.recall_button, 1, 0)
        actions.addWidget(self.start_button, 1, 1)
        actions.addWidget(self.finish_button, 2, 0)
        actions.addWidget(self.no_show_button, 2, 1)
        actions.addWidget(self.requeue_button, 3, 0, 1, 2)
        transfer_row = QHBoxLayout()
        transfer_label = QLabel(_("Transfer to:"))
        transfer_label.setBuddy(self.transfer_combo)
        transfer_row.addWidget(transfer_label)
        transfer_row.addWidget(self.transfer_combo, 1)
        transfer_row.addWidget(self.transfer_button)
        actions.addLayout(transfer_row, 4, 0, 1, 2)
        for button in (*self.verb_buttons.values(), self.transfer_button):
            button.setMinimumHeight(36)
        actions_box = QGroupBox(_("Actions"))
        actions_box.setLayout(actions)

        middle = QHBoxLayout(self)
        # No margins of its own: the boxes line up with the rest of the page as before the split.
        middle.setContentsMargins(0, 0, 0, 0)
        middle.addWidget(current_box, 3)
        middle.addWidget(actions_box, 2)

    def tab_order(self) -> list[QWidget]:
        """The panel's stops in the order the clerk tabs through them."""
        return [
            self.call_button,
            self.recall_button,
            self.start_button,
            self.finish_button,
            self.no_show_button,
            self.requeue_button,
            self.transfer_combo,
            self.transfer_button,
        ]

    def fill_services(self, lang: str | None) -> None:
        """The transfer targets in the office language, keeping the one already chosen."""
        chosen = self.transfer_combo.currentData()
        self.transfer_combo.clear()
        for svc in SERVICES:
            self.transfer_combo.addItem(f"{svc.prefix} · {svc.label(lang)}", svc.prefix)
        if chosen:
            self.transfer_combo.setCurrentIndex(max(0, self.transfer_combo.findData(chosen)))

    def show_ticket(self, t: TicketInfo | None, lang: str | None, counter: str) -> None:
        """Show `t` (or that nothing is called); `counter` stands in when the ticket has none."""
        if t is None:
            self.number_label.setText("—")
            self.service_label.setText(_("No number called yet."))
            self.state_label.setText("")
            self.announce_label.setText("")
            return
        self.number_label.setText(t.number)
        # A transferred ticket keeps its number but now waits for another service.
        self.service_label.setText(label(SERVICE_NAMES, t.service_prefix or t.prefix, lang))
        state = label(STATUS_LABELS, t.status, lang)
        if t.priority in PRIORITIES:
            state += " · " + _("Priority: {0}").format(label(PRIORITIES, t.priority, lang))
        self.state_label.setText(state)
        self.announce_label.setText(
            announcement(t.number, t.counter or counter) if t.status == "called" else ""
        )

    def enable_buttons(self, busy: bool, status: str | None) -> None:
        """Only the verbs that can work on a ticket in `status`; none while a verb is running."""
        self.call_button.setEnabled(not busy)
        for verb, button in self.verb_buttons.items():
            button.setEnabled(not busy and may(verb, status))
        can_transfer = not busy and may("transfer", status)
        self.transfer_button.setEnabled(can_transfer)
        self.transfer_combo.setEnabled(can_transfer)
