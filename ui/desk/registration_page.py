"""Registration page: NIK → applicant → application → Save & print ticket, all by keyboard."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.changes import Changes
from app.desk.nik import check_nik
from app.desk.passport import FEE_COMPONENTS, TariffRow, compute_fee
from app.desk.regions import known_regions
from app.i18n import _, label, rupiah
from app.problems import InputRejected
from app.queue.ticket_rows import TicketInfo

from ui.context import DeskContext
from ui.desk.booking_box import BookingBox
from ui.desk.registration_form import RegistrationFormWidget
from ui.desk.ticket_card import TicketCard
from ui.queue.slip_printer import print_ticket_slip, render_slip
from ui.queue.ticket_table import (
    COL_COUNTER,
    COL_ISSUED,
    COL_PRIORITY,
    TICKET_ROLE,
    TicketTableModel,
    size_ticket_columns,
)
from ui.widgets.fields import Banner


class RegistrationPage(QWidget):
    """The walk-in and booked (M-Paspor) registration desk of Indonesian citizens."""

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.tariffs: list[TariffRow] = []
        self._lookup_for = ""
        self._tickets_stale = False  # a change came while the page was hidden
        self._issued: TicketInfo | None = None  # the ticket on the card, for its Reprint
        self.banner = Banner()
        self.card = TicketCard()
        self.form = RegistrationFormWidget(ctx.lang)
        self.fee_total = QLabel("—")
        big = QFont(self.fee_total.font())
        big.setPointSizeF(big.pointSizeF() * 1.8)
        big.setBold(True)
        self.fee_total.setFont(big)
        self.fee_lines = QLabel()
        self.fee_lines.setWordWrap(True)
        self.fee_lines.setStyleSheet("color: #5f6368;")
        self.save_button = QPushButton(_("Save && Print  (Ctrl+Enter)"))
        self.save_button.setDefault(False)
        self.save_button.setMinimumHeight(44)
        self.save_button.setStyleSheet("font-weight: bold;")
        self.clear_button = QPushButton(_("New applicant  (Esc)"))
        self.clear_button.setMinimumHeight(44)
        self.tickets = TicketTableModel(ctx.lang, self)
        self.tickets_view = QTableView()
        self.tickets_view.setModel(self.tickets)
        self.tickets_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tickets_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tickets_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tickets_view.verticalHeader().hide()
        self.tickets_view.setWordWrap(False)  # one line a ticket; long service names elide
        self.tickets_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        # Beside the form there is room for what a reprint needs; the queue page has the rest.
        for column in (COL_PRIORITY, COL_ISSUED, COL_COUNTER):
            self.tickets_view.setColumnHidden(column, True)
        size_ticket_columns(self.tickets_view, ctx.lang)  # never measured row by row
        self.reprint_button = QPushButton(_("&Reprint slip"))
        self.booking_box = BookingBox(ctx, self.form.priority.currentData)
        self.booking = self.booking_box.code
        self.booking_status = self.booking_box.status
        self._build()
        self._connect()
        self.refresh()

    def page_title(self) -> str:
        return _("Registration")

    def _build(self) -> None:
        # The form scrolls on a small screen; the fee and the buttons stay in sight under it.
        scroll = QScrollArea()
        scroll.setWidget(self.form)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Never narrower than the form: the splitter takes room from the list, not the fields.
        scroll.setMinimumWidth(
            self.form.minimumSizeHint().width() + scroll.verticalScrollBar().sizeHint().width()
        )
        self.form_scroll = scroll
        fee_box = QGroupBox(_("PNBP fee"))
        fl = QVBoxLayout(fee_box)
        fl.setContentsMargins(10, 4, 10, 4)
        fl.addWidget(self.fee_total)
        fl.addWidget(self.fee_lines)
        actions = QHBoxLayout()
        actions.addWidget(fee_box, 3)
        actions.addWidget(self.save_button, 2)
        actions.addWidget(self.clear_button, 1)
        form_pane = QWidget()
        fp = QVBoxLayout(form_pane)
        fp.setContentsMargins(0, 0, 0, 0)
        fp.addWidget(scroll, 1)
        fp.addLayout(actions)

        today_box = QGroupBox(_("Today's tickets"))
        tl = QVBoxLayout(today_box)
        tl.addWidget(self.tickets_view)
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(self.reprint_button)
        tl.addLayout(row)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(form_pane)
        self.splitter.addWidget(today_box)
        # The fields need no more than their width; what a bigger screen adds goes to the list.
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([self.form_scroll.minimumWidth(), 400])
        main = QVBoxLayout(self)
        main.setContentsMargins(0, 0, 0, 0)
        main.addWidget(self.banner)
        main.addWidget(self.card)
        main.addWidget(self.booking_box)
        main.addWidget(self.splitter, 1)
        QWidget.setTabOrder(self.form.documents_view, self.save_button)

    def _connect(self) -> None:
        self.form.edited.connect(self._update_fee)
        self.form.nik.textChanged.connect(self._on_nik_changed)
        # The next applicant has begun: the last one's card goes.
        self.form.nik.textEdited.connect(self.card.clear)
        self.form.nik.returnPressed.connect(self.form.name.setFocus)
        self.card.reprint_requested.connect(self.reprint_issued)
        self.save_button.clicked.connect(self.save_and_print)
        self.clear_button.clicked.connect(self.new_applicant)
        self.reprint_button.clicked.connect(self.reprint_selected)
        self.booking_box.checked_in.connect(self._saved)
        self.booking_box.failed.connect(self._failed)
        QShortcut(QKeySequence("F8"), self, self.booking.setFocus,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)  # fmt: skip
        self.tickets_view.doubleClicked.connect(self.reprint_selected)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save_and_print,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)  # fmt: skip
        QShortcut(QKeySequence("Escape"), self, self.new_applicant,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)  # fmt: skip
        self.ctx.changed.connect(self._on_changed)
        # Today's list shows the queue: calls at other counters reach it while it is shown.
        self.ctx.watch.follow(self)

    # --- data --------------------------------------------------------------

    def refresh(self) -> None:
        db, code = self.ctx.db, self.ctx.settings.office.code

        def load():
            # Imported on the worker at first use, so the window paints before SQLAlchemy loads.
            from app.desk.appointments import appointments_on
            from app.desk.registration import load_tariffs
            from app.i18n import long_date, rupiah
            from app.queue.tickets import tickets_on

            # Babel loads its locale data at the first formatted amount or date (75–134 ms,
            # bench/bench_ui_stalls.py): here on the worker, not in the fee box's first paint.
            rupiah(0)
            long_date(date.today())
            today = date.today()
            return load_tariffs(db), tickets_on(db, code), appointments_on(db, today)

        self._tickets_stale = False
        self.ctx.runner.run(load, self._loaded, self._failed)

    def _loaded(self, result) -> None:
        self.tariffs, rows, booked = result
        self.tickets.set_rows(rows)
        self.booking_box.show_count(booked)
        self._update_fee()

    def _on_changed(self, changes: Changes) -> None:
        if changes.tickets or changes.applications:
            if self.isVisible():
                self.reload_tickets()
            else:
                # Another area is in front: reload once when this page is shown again.
                self._tickets_stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._tickets_stale:
            self.reload_tickets()

    def reload_tickets(self) -> None:
        db, code = self.ctx.db, self.ctx.settings.office.code
        self._tickets_stale = False

        def load():
            from app.queue.tickets import tickets_on

            return tickets_on(db, code)

        self.ctx.runner.run(load, self.tickets.set_rows, self._failed)

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
        self.form.show_nik_warnings()

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
            self.card.clear()
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
        self.banner.show_message("")
        # A mismatch with the NIK was shown in amber while the form was open; the card says
        # only what was issued.
        self.card.show_ticket(ticket.number, ticket.waiting_ahead, reg.fee.total,
                              reg.collection_date, self.ctx.lang)  # fmt: skip
        self._issued = ticket
        failure = self._print(ticket.id, pdf)
        if failure is not None:
            self.card.show_print_failure(failure)
        self.form.clear()
        self._lookup_for = ""
        # ctx.run_op tells every page of the new ticket once this returns.

    def _print(self, ticket_id: int, pdf: bytes) -> str | None:
        return print_ticket_slip(self.ctx, ticket_id, pdf, self._failed)

    def reprint_issued(self) -> None:
        """The card's Reprint: the slip of the ticket just issued, once the printer is back."""
        if self._issued is not None:
            self._reprint(self._issued, on_card=True)

    def check_in_booking(self) -> None:
        self.booking_box.check_in()

    def reprint_selected(self) -> None:
        index = self.tickets_view.currentIndex()
        if not index.isValid():
            self.banner.show_message(_("Select a ticket in the list first."), "info")
            return
        self._reprint(self.tickets.data(index, TICKET_ROLE), on_card=False)

    def _reprint(self, info: TicketInfo, on_card: bool) -> None:
        settings, lang = self.ctx.settings, self.ctx.lang
        self.ctx.runner.run(lambda: render_slip(info, settings, lang=lang),
                            lambda pdf: self._reprinted(info, pdf, on_card), self._failed)  # fmt: skip

    def _reprinted(self, info: TicketInfo, pdf: bytes, on_card: bool) -> None:
        failure = self._print(info.id, pdf)
        if on_card and self.card.ticket_number == info.number:
            if failure:
                self.card.show_print_failure(failure)
            else:
                self.card.show_printed(self.ctx.lang)
            return
        if failure:
            self.banner.show_message(failure, "error")
        else:
            # print_ticket_slip records the print, and that record tells the pages.
            self.banner.show_message(_("Slip {0} reprinted.").format(info.number), "ok")

    def new_applicant(self) -> None:
        self.form.clear()
        self.card.clear()
        self.banner.show_message("")
        self._lookup_for = ""
