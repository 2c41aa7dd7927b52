"""The M-Paspor booking check-in on the registration page: a booking code in, a ticket out."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from app.i18n import _

from ui.context import DeskContext
from ui.queue.slip_printer import render_slip


class BookingBox(QFrame):
    """A booked applicant checks in by code; `checked_in((result, slip pdf))` or `failed(exc)`."""

    checked_in = Signal(object)
    failed = Signal(object)

    def __init__(self, ctx: DeskContext, priority: Callable[[], str | None],
                 parent: QWidget | None = None):  # fmt: skip
        super().__init__(parent)
        # One line, not a titled box: the form under it needs the height on a small screen.
        self.setObjectName("BookingBox")
        self.setStyleSheet("QFrame#BookingBox { border: 1px solid #dadce0; border-radius: 6px; }")
        self.caption = QLabel(_("Booked applicant (M-Paspor)"))
        self.caption.setStyleSheet("font-weight: bold;")
        self.ctx = ctx
        self._priority = priority  # the form's priority choice at the moment of check-in
        self.code = QLineEdit()
        self.code.setPlaceholderText(_("M-Paspor booking code, then Enter"))
        self.code.setMaxLength(40)
        self.code.setClearButtonEnabled(True)
        self.caption.setBuddy(self.code)
        self.button = QPushButton(_("Check &in booking  (F8)"))
        self.status = QLabel()
        self.status.setStyleSheet("color: #5f6368;")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 4)
        layout.addWidget(self.caption)
        layout.addWidget(self.code, 1)
        layout.addWidget(self.button)
        layout.addWidget(self.status, 1)
        self.code.returnPressed.connect(self.check_in)
        self.button.clicked.connect(self.check_in)

    def show_count(self, booked) -> None:
        done = sum(1 for b in booked if b.checked_in)
        self.status.setText(_("Bookings today: {0}, checked in: {1}").format(len(booked), done))

    def check_in(self) -> None:
        code = self.code.text().strip()
        if not code:
            self.code.setFocus()
            return
        ctx = self.ctx
        db, settings, officer, counter, lang = (
            ctx.db, ctx.settings, ctx.officer, ctx.counter, ctx.lang,
        )  # fmt: skip
        priority = self._priority()

        def work():
            from app.desk.appointments import check_in

            result = check_in(db, settings, code, priority, officer=officer, counter=counter)
            return result, render_slip(result.ticket, settings, lang=lang)

        def done(result) -> None:
            self.code.clear()
            self.checked_in.emit(result)
            self.code.setFocus()
            self.reload_count()

        ctx.run_op(work, done, self.failed.emit)

    def reload_count(self) -> None:
        db, today = self.ctx.db, date.today()

        def load():
            from app.desk.appointments import appointments_on

            return appointments_on(db, today)

        self.ctx.runner.run(load, self.show_count)
