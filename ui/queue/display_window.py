"""Queue display window for the waiting room (second monitor / TV): numbers being called, with a chime.

Privacy: it shows queue numbers and counters only, never a name or NIK.
The chime is QApplication.beep(): QtMultimedia (PySide6-Addons, 161 MB) is not a
dependency, so there is no sound file and no spoken announcement; the
announcement is shown as text for now.
"""

from __future__ import annotations

import logging
from datetime import date, datetime

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QResizeEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.changes import Changes
from app.db.engine import Database
from app.i18n import _, clock, long_date
from app.queue import tickets as queue
from app.queue.board import Board, waiting_by_service
from app.queue.numbering import SERVICES, announcement
from app.queue.tickets import recent_calls

from ui.context import DeskContext

log = logging.getLogger(__name__)

POLL_MS = 3000  # calls made at other counters (PostgreSQL) show within 3 s


def load_board(db: Database, office_code: str, day: date) -> Board:
    calls = recent_calls(db, office_code, day)
    nexts, totals = waiting_by_service(queue.tickets_on(db, office_code, day))
    return Board(calls, nexts, totals)


class QueueDisplayWindow(QWidget):
    """A separate top-level window; F11 toggles full screen, Esc leaves it."""

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.ctx = ctx
        self.last_event_id: int | None = None
        self.loading = False
        self.chimes = 0
        self.setWindowTitle(_("Queue display"))
        # Closing the main window must still end the program while this window is open.
        self.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        self.setObjectName("QueueDisplay")
        self.resize(1280, 720)

        self.office_label = QLabel()
        self.clock_label = QLabel()
        self.clock_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.calling_title = QLabel(_("Now calling"))
        self.number_label = QLabel("—")
        self.number_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.counter_label = QLabel()
        self.counter_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.announce_label = QLabel()
        self.announce_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.announce_label.setWordWrap(True)
        self.previous_title = QLabel(_("Called before"))
        self.previous_labels = [QLabel() for _row in range(5)]
        self.service_titles = {svc.prefix: QLabel() for svc in SERVICES}
        self.service_numbers = {svc.prefix: QLabel() for svc in SERVICES}
        for label in (
            *self.service_titles.values(),
            *self.service_numbers.values(),
            self.office_label,
        ):
            label.setWordWrap(True)
        for label in self.service_titles.values():
            # One- and two-line service names end on the same line, just above the numbers.
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
        # Long office names and big type must not push the window wider than the screen.
        for label in (self.office_label, *self.previous_labels, *self.service_titles.values()):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._build()
        self._style(720)

        self.poll = QTimer(self)
        self.poll.setInterval(POLL_MS)
        self.poll.timeout.connect(self.refresh)
        self.tick = QTimer(self)
        self.tick.setInterval(1000)
        self.tick.timeout.connect(self._show_clock)
        ctx.changed.connect(self._on_changed)
        full = QShortcut(QKeySequence(Qt.Key.Key_F11), self)
        full.activated.connect(self._toggle_full_screen)
        leave = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        leave.activated.connect(self.showNormal)
        self._show_clock()
        self.refresh()

    def _build(self) -> None:
        head = QHBoxLayout()
        head.addWidget(self.office_label, 1)
        head.addWidget(self.clock_label)

        calling = QFrame()
        calling.setObjectName("Calling")
        cl = QVBoxLayout(calling)
        cl.addWidget(self.calling_title)
        cl.addStretch(1)
        cl.addWidget(self.number_label)
        cl.addWidget(self.counter_label)
        cl.addStretch(1)
        cl.addWidget(self.announce_label)

        previous = QFrame()
        previous.setObjectName("Previous")
        pl = QVBoxLayout(previous)
        pl.addWidget(self.previous_title)
        for label in self.previous_labels:
            pl.addWidget(label)
        pl.addStretch(1)

        middle = QHBoxLayout()
        middle.addWidget(calling, 3)
        middle.addWidget(previous, 2)

        waiting = QFrame()
        waiting.setObjectName("Waiting")
        wl = QGridLayout(waiting)
        for col, svc in enumerate(SERVICES):
            wl.addWidget(self.service_titles[svc.prefix], 0, col)
            wl.addWidget(self.service_numbers[svc.prefix], 1, col, Qt.AlignmentFlag.AlignTop)
            wl.setColumnStretch(col, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(14)
        layout.addLayout(head)
        layout.addLayout(middle, 3)
        layout.addWidget(waiting, 1)

    def _style(self, height: int) -> None:
        # Sizes follow the window so the same layout reads on a laptop and on a 55" TV.
        unit = max(8, height // 60)
        self.setStyleSheet(
            f"""
            #QueueDisplay {{ background: #0b1f3a; }}
            QLabel {{ color: #f1f3f4; font-size: {unit * 2}px; }}
            #Calling, #Previous, #Waiting {{ background: #12305a; border-radius: 12px; }}
            """
        )
        self.office_label.setStyleSheet(f"font-size: {unit * 3}px; font-weight: bold;")
        self.clock_label.setStyleSheet(f"font-size: {unit * 3}px;")
        self.calling_title.setStyleSheet(f"font-size: {unit * 2}px; color: #9ec1ff;")
        self.previous_title.setStyleSheet(f"font-size: {unit * 2}px; color: #9ec1ff;")
        self.number_label.setStyleSheet(
            f"font-size: {unit * 13}px; font-weight: bold; color: #ffd54f;"
        )
        self.counter_label.setStyleSheet(f"font-size: {unit * 5}px; font-weight: bold;")
        self.announce_label.setStyleSheet(f"font-size: {int(unit * 1.8)}px; color: #c8d3e0;")
        for label in self.previous_labels:
            label.setStyleSheet(f"font-size: {unit * 3}px;")
        for label in self.service_titles.values():
            label.setStyleSheet(f"font-size: {int(unit * 1.8)}px; color: #9ec1ff;")
        for label in self.service_numbers.values():
            label.setStyleSheet(f"font-size: {unit * 3}px; font-weight: bold;")

    # --- data --------------------------------------------------------------

    def refresh(self) -> None:
        if self.loading:
            return  # a slow database must not pile up polls
        self.loading = True
        db, code = self.ctx.db, self.ctx.settings.office.code
        self.ctx.runner.run(lambda: load_board(db, code, date.today()), self._loaded, self._failed)

    def _loaded(self, board: Board) -> None:
        self.loading = False
        self.office_label.setText(self.ctx.settings.office.name)
        newest = board.calls[0] if board.calls else None
        if newest is None:
            self.number_label.setText("—")
            self.counter_label.setText("")
            self.announce_label.setText("")
        else:
            self.number_label.setText(newest.number)
            self.counter_label.setText("→ " + _("Counter {0}").format(newest.counter))
            self.announce_label.setText(announcement(newest.number, newest.counter))
            if self.last_event_id is not None and newest.event_id > self.last_event_id:
                self.chime()
        self.last_event_id = newest.event_id if newest else (self.last_event_id or 0)
        for label, call in zip(self.previous_labels, [*board.calls[1:], *[None] * 5], strict=False):
            label.setText(
                f"{call.number}  →  {_('Counter {0}').format(call.counter)}" if call else ""
            )
        lang = self.ctx.lang
        for svc in SERVICES:
            self.service_titles[svc.prefix].setText(f"{svc.prefix} · {svc.label(lang)}")
            numbers = board.waiting.get(svc.prefix, [])
            more = board.waiting_total.get(svc.prefix, 0) - len(numbers)
            shown = "  ".join(numbers) if numbers else "—"
            if more > 0:
                shown += "  " + _("+{0} more").format(more)
            self.service_numbers[svc.prefix].setText(shown)

    def _failed(self, exc: BaseException) -> None:
        # A display on the wall has nobody to read an error; keep the last board and retry.
        self.loading = False
        log.warning("queue display: refresh failed: %s", type(exc).__name__)

    def chime(self) -> None:
        self.chimes += 1
        QApplication.beep()

    def _on_changed(self, changes: Changes) -> None:
        # The board shows tickets, the office name and the counter numbers.
        if (changes.tickets or changes.settings or changes.office) and self.isVisible():
            self.refresh()

    def _show_clock(self) -> None:
        now = datetime.now()
        self.clock_label.setText(
            f"{long_date(now.date(), self.ctx.lang)}   {clock(now, self.ctx.lang)}"
        )

    def _toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    # --- window life -------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.poll.start()
        self.tick.start()
        self.refresh()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.poll.stop()
        self.tick.stop()
        super().closeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._style(event.size().height())

    def text_shown(self) -> str:
        """Everything the window shows as plain text (for tests and the privacy check)."""
        return "\n".join(label.text() for label in self.findChildren(QLabel))
