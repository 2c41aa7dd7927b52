"""Registration page: NIK → applicant → application → Save & print ticket, all by keyboard."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.changes import Changes
from app.desk.nik import check_nik
from app.desk.passport import FEE_COMPONENTS, TariffRow, compute_fee
from app.desk.regions import known_regions
from app.i18n import _, label, long_date, rupiah
from app.problems import InputRejected

from ui.context import DeskContext
from ui.desk.registration_form import RegistrationFormWidget
from ui.queue.slip_printer import print_ticket_slip, render_slip
from ui.queue.ticket_table import TICKET_ROLE, TicketTableModel
from ui.widgets.fields import Banner


class RegistrationPage(QWidget):
    """The walk-in and booked (M-Paspor) registration desk of Indonesian citizens."""

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.tariffs: list[TariffRow] = []
        self._lookup_for = ""
        self.banner = Banner()
        self.form = RegistrationFormWidget(ctx.lang)
        self.fee_total = QLabel("—")
        big = QFont(self.fee_total.font())
        big.setPointSizeF(big.pointSizeF() * 2.0)
        big.setBold(True)
        self.fee_total.setFont(big)
        self.fee_lines = QLabel()
        self.fee_lines.setStyleSheet("color: #5f6368;")
        self.save_button = QPushButton(_("Save && Print  (Ctrl+Enter)"))
        self.save_button.setDefault(False)
        self.save_button.setMinimumHeight(44)
        self.save_button.setStyleSheet("font-weight: bold;")
        self.clear_button = QPushButton(_("New applicant  (Esc)"))
        self.tickets = TicketTableModel(ctx.lang, self)
        self.tickets_view = QTableView()
        self.tickets_view.setModel(self.tickets)
        self.tickets_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tickets_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tickets_view.verticalHeader().hide()
        self.tickets_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.tickets_view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.reprint_button = QPushButton(_("&Reprint slip"))
        self.booking = QLineEdit()
        self.booking.setPlaceholderText(_("M-Paspor booking code, then Enter"))
        self.booking.setMaxLength(40)
        self.booking.setClearButtonEnabled(True)
        self.booking_button = QPushButton(_("Check &in booking  (F8)"))
        self.booking_status = QLabel()
        self.booking_status.setStyleSheet("color: #5f6368;")
        self._build()
        self._connect()
        self.refresh()

    def page_title(self) -> str:
        return _("Registration")

    def _build(self) -> None:
        fee_box = QGroupBox(_("PNBP fee"))
        fl = QVBoxLayout(fee_box)
        fl.addWidget(self.fee_total)
        fl.addWidget(self.fee_lines)
        actions = QVBoxLayout()
        actions.addWidget(fee_box)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button, 2)
        buttons.addWidget(self.clear_button, 1)
        actions.addLayout(buttons)

        today_box = QGroupBox(_("Today's tickets"))
        tl = QVBoxLayout(today_box)
        tl.addWidget(self.tickets_view)
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(self.reprint_button)
        tl.addLayout(row)

        self.form.add_to_left(actions)
        booking_box = QGroupBox(_("Booked applicant (M-Paspor)"))
        bl = QHBoxLayout(booking_box)
        bl.addWidget(self.booking, 1)
        bl.addWidget(self.booking_button)
        bl.addWidget(self.booking_status, 1)
        main = QVBoxLayout(self)
        main.addWidget(self.banner)
        main.addWidget(booking_box)
        main.addWidget(self.form)
        main.addWidget(today_box, 1)
        QWidget.setTabOrder(self.form.documents_view, self.save_button)

    def _connect(self) -> None:
        self.form.edited.connect(self._update_fee)
        self.form.nik.textChanged.connect(self._on_nik_changed)
        self.form.nik.returnPressed.connect(self.form.name.setFocus)
        self.form.birth_date.textEdited.connect(self._show_nik_warnings)
        self.save_button.clicked.connect(self.save_and_print)
        self.clear_button.clicked.connect(self.new_applicant)
        self.reprint_button.clicked.connect(self.reprint_selected)
        self.booking.returnPressed.connect(self.check_in_booking)
        self.booking_button.clicked.connect(self.check_in_booking)
        QShortcut(QKeySequence("F8"), self, self.booking.setFocus,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)  # fmt: skip
        self.tickets_view.doubleClicked.connect(self.reprint_selected)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save_and_print,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)  # fmt: skip
        QShortcut(QKeySequence("Escape"), self, self.new_applicant,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)  # fmt: skip
        self.ctx.changed.connect(self._on_changed)

    # --- data --------------------------------------------------------------

    def refresh(self) -> None:
        db, code = self.ctx.db, self.ctx.settings.office.code

        def load():
            # Imported on the worker at first use, so the window paints before SQLAlchemy loads.
            from app.desk.appointments import appointments_on
            from app.desk.registration import load_tariffs
            from app.queue.tickets import tickets_on

            today = date.today()
            return load_tariffs(db), tickets_on(db, code), appointments_on(db, today)

        self.ctx.runner.run(load, self._loaded, self._failed)

    def _loaded(self, result) -> None:
        self.tariffs, rows, booked = result
        self.tickets.set_rows(rows)
        self._show_booking_count(booked)
        self._update_fee()

    def _show_booking_count(self, booked) -> None:
        done = sum(1 for b in booked if b.checked_in)
        self.booking_status.setText(
            _("Bookings today: {0}, checked in: {1}").format(len(booked), done)
        )

    def _on_changed(self, changes: Changes) -> None:
        if changes.tickets or changes.applications:
            db, code = self.ctx.db, self.ctx.settings.office.code
            from app.queue.tickets import tickets_on

            self.ctx.runner.run(lambda: tickets_on(db, code), self.tickets.set_rows, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.banner.show_message(self._reason(exc), "error")

    def _reason(self, exc: BaseException) -> str:
        # Refusals, print errors and database faults in their own words; never SQL or a NIK.
        return self.ctx.reason(exc)

    # --- NIK --------------------------------------------------------------

    def _on_nik_changed(self) -> None:
        digits = self.form.nik.digits()
        self.form.errors["nik"].show_message("")
        if len(digits) < 16:
            self.form.nik_status.setText("")
            return
        check = check_nik(digits, regions=known_regions())
        if not check.ok:
            self.form.errors["nik"].show_message(check.errors[0].message(self.ctx.lang))
            return
        if digits == self._lookup_for:
            return
        self._lookup_for = digits
        db = self.ctx.db

        def find():
            from app.desk.registration import find_by_nik

            return find_by_nik(db, digits)

        self.ctx.runner.run(find, self._on_found, self._failed)

    def _on_found(self, applicant) -> None:
        if applicant is None:
            self.form.nik_status.setText(_("New applicant: fill in the details."))
        else:
            self.form.nik_status.setText(_("Known applicant: details filled in, check them."))
            self.form.fill_applicant(applicant)
        self._show_nik_warnings()

    def _show_nik_warnings(self) -> None:
        digits = self.form.nik.digits()
        if len(digits) != 16:
            return
        check = check_nik(
            digits,
            self.form.birth_date.date(),
            self.form.sex.currentData() or None,
            regions=known_regions(),
        )
        if check.ok and check.warnings:
            self.form.errors["birth_date"].show_message(
                " ".join(w.message(self.ctx.lang) for w in check.warnings)
            )

    # --- fee --------------------------------------------------------------

    def _update_fee(self) -> None:
        f = self.form.form()
        if not self.tariffs:
            return
        try:
            fee = compute_fee(self.tariffs, date.today(), f.kind, f.product, f.validity_years,
                              f.same_day, f.force_majeure)  # fmt: skip
        except LookupError:
            self.fee_total.setText("—")
            self.fee_lines.setText("")
            return
        self.fee_total.setText(rupiah(fee.total))
        lang = self.ctx.lang
        self.fee_lines.setText(
            "   ".join(
                f"{label(FEE_COMPONENTS, line.component, lang)} {rupiah(line.amount)}"
                for line in fee.lines
            )
            + f"   ({fee.lines[0].basis})"
        )

    # --- save & print -----------------------------------------------------

    def save_and_print(self) -> None:
        if not self.save_button.isEnabled():
            return
        form = self.form.form()
        self.save_button.setEnabled(False)
        db, settings, officer, counter = (
            self.ctx.db,
            self.ctx.settings,
            self.ctx.officer,
            self.ctx.counter,
        )
        lang = self.ctx.lang

        def work():
            from app.desk.registration import register

            result = register(db, settings, form, officer=officer, counter=counter)
            return result, render_slip(result.ticket, settings, lang=lang)

        self.ctx.run_op(work, self._saved, self._save_failed)

    def _save_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, InputRejected):
            first = self.form.show_errors(exc.by_field(self.ctx.lang))
            self.banner.show_message(_("Not saved. Correct the marked fields."), "error")
            if first is not None:
                first.setFocus()
            return
        self._failed(exc)

    def _saved(self, result) -> None:
        reg, pdf = result
        self.save_button.setEnabled(True)
        ticket = reg.ticket
        lang = self.ctx.lang
        parts = [
            _("Ticket {0} issued.").format(ticket.number),
            _("Waiting ahead: {0}.").format(ticket.waiting_ahead),
            _("Fee {0}.").format(rupiah(reg.fee.total)),
        ]
        if reg.collection_date:
            parts.append(
                _("Expected collection: {0}.").format(long_date(reg.collection_date, lang))
            )
        message = " ".join(parts)
        kind = "ok"
        if reg.warnings:
            message += " " + " ".join(w.message(lang) for w in reg.warnings)
            kind = "warn"
        printed = self._print(ticket.id, pdf)
        if printed is not None:
            message += " " + printed
            kind = "error"
        self.banner.show_message(message, kind)
        self.form.clear()
        self._lookup_for = ""
        # ctx.run_op tells every page of the new ticket once this returns.

    def _print(self, ticket_id: int, pdf: bytes) -> str | None:
        return print_ticket_slip(self.ctx, ticket_id, pdf, self._failed)

    def check_in_booking(self) -> None:
        code = self.booking.text().strip()
        if not code:
            self.booking.setFocus()
            return
        db, settings, officer, counter = (
            self.ctx.db,
            self.ctx.settings,
            self.ctx.officer,
            self.ctx.counter,
        )
        lang = self.ctx.lang
        priority = self.form.priority.currentData()

        def work():
            from app.desk.appointments import check_in

            result = check_in(db, settings, code, priority, officer=officer, counter=counter)
            return result, render_slip(result.ticket, settings, lang=lang)

        def done(result) -> None:
            self.booking.clear()
            self._saved(result)
            self.booking.setFocus()
            today = date.today()
            from app.desk.appointments import appointments_on

            self.ctx.runner.run(lambda: appointments_on(db, today), self._show_booking_count)

        self.ctx.run_op(work, done, self._failed)

    def reprint_selected(self) -> None:
        index = self.tickets_view.currentIndex()
        if not index.isValid():
            self.banner.show_message(_("Select a ticket in the list first."), "info")
            return
        info = self.tickets.data(index, TICKET_ROLE)
        settings, lang = self.ctx.settings, self.ctx.lang
        self.ctx.runner.run(lambda: render_slip(info, settings, lang=lang),
                            lambda pdf: self._reprinted(info, pdf), self._failed)  # fmt: skip

    def _reprinted(self, info, pdf: bytes) -> None:
        failure = self._print(info.id, pdf)
        if failure:
            self.banner.show_message(failure, "error")
        else:
            # print_ticket_slip records the print, and that record tells the pages.
            self.banner.show_message(_("Slip {0} reprinted.").format(info.number), "ok")

    def new_applicant(self) -> None:
        self.form.clear()
        self._lookup_for = ""
