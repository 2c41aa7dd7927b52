"""Foreign nationals' desk: passport number + nationality → stay-permit request → C ticket and slip."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QRegularExpressionValidator, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.desk.stay_permits import PERMIT_KINDS
from app.i18n import _, label
from app.problems import InputRejected
from app.queue.numbering import PRIORITIES
from app.queue.ticket_rows import TicketInfo

from ui.context import DeskContext
from ui.desk.ticket_card import TicketCard
from ui.queue.slip_printer import print_ticket_slip, render_slip
from ui.widgets.fields import Banner, DateField, FieldError, add_checked_row


class ForeignersPage(QWidget):
    """The foreign nationals' desk: one stay-permit request, one C ticket."""

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.errors: dict[str, FieldError] = {}
        self.banner = Banner()
        self.card = TicketCard()
        self._issued: TicketInfo | None = None  # the ticket on the card, for its Reprint
        self.passport_no = QLineEdit()
        self.passport_no.setMaxLength(12)
        self.passport_no.setValidator(QRegularExpressionValidator(r"[A-Za-z0-9 ]{0,14}", self))
        self.nationality = QLineEdit()
        self.nationality.setMaxLength(3)
        self.nationality.setPlaceholderText(_("3 letters, e.g. MYS"))
        self.nationality.setMaximumWidth(120)
        self.lookup_status = QLabel()
        self.lookup_status.setStyleSheet("color: #5f6368;")
        self.name = QLineEdit()
        self.name.setMaxLength(120)
        self.birth_date = DateField()
        self.sex = QComboBox()
        self.sex.addItem(_("— choose —"), "")
        self.sex.addItem(_("Male (L)"), "L")
        self.sex.addItem(_("Female (P)"), "P")
        self.phone = QLineEdit()
        self.phone.setMaxLength(20)
        self.kind = QComboBox()
        for code in PERMIT_KINDS:
            self.kind.addItem(label(PERMIT_KINDS, code, ctx.lang), code)
        self.kind.setCurrentIndex(self.kind.findData("itas_perpanjangan"))
        self.permit_no = QLineEdit()
        self.permit_no.setMaxLength(40)
        self.permit_no.setPlaceholderText(_("current ITK/ITAS number, if any"))
        self.priority = QComboBox()
        self.priority.addItem(_("None"), None)
        for code in PRIORITIES:
            self.priority.addItem(label(PRIORITIES, code, ctx.lang), code)
        self.save_button = QPushButton(_("Save && Print  (Ctrl+Enter)"))
        self.save_button.setMinimumHeight(44)
        self.save_button.setStyleSheet("font-weight: bold;")
        self.clear_button = QPushButton(_("New applicant  (Esc)"))
        self._build()
        self._connect()

    def page_title(self) -> str:
        return _("Foreign nationals")

    def refresh(self) -> None:
        pass  # nothing to load: the form starts empty

    def _row(self, form: QFormLayout, caption: str, widget: QWidget, key: str) -> None:
        self.errors[key] = add_checked_row(form, caption, widget)

    def _build(self) -> None:
        person = QGroupBox(_("Foreign national (identified by passport)"))
        f1 = QFormLayout(person)
        self._row(f1, _("&Passport number"), self.passport_no, "passport_no")
        self._row(f1, _("Na&tionality"), self.nationality, "nationality")
        f1.addRow("", self.lookup_status)
        self._row(f1, _("Full &name"), self.name, "name")
        self._row(f1, _("&Date of birth"), self.birth_date, "birth_date")
        self._row(f1, _("Se&x"), self.sex, "sex")
        self._row(f1, _("P&hone"), self.phone, "phone")
        request = QGroupBox(_("Stay-permit service"))
        f2 = QFormLayout(request)
        self._row(f2, _("&Service"), self.kind, "kind")
        self._row(f2, _("Current per&mit"), self.permit_no, "permit_no")
        self._row(f2, _("Pr&iority"), self.priority, "priority")
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button, 2)
        buttons.addWidget(self.clear_button, 1)
        right = QVBoxLayout()
        right.addWidget(request)
        right.addLayout(buttons)
        right.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(person, 1)
        row.addLayout(right, 1)
        main = QVBoxLayout(self)
        main.addWidget(self.banner)
        main.addWidget(self.card)
        main.addLayout(row)
        main.addStretch(1)
        chain = [self.passport_no, self.nationality, self.name, self.birth_date, self.sex, self.phone,
                 self.kind, self.permit_no, self.priority, self.save_button]  # fmt: skip
        for a, b in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(a, b)

    def _connect(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save_and_print, context=context)
        QShortcut(QKeySequence("Escape"), self, self.clear, context=context)
        self.passport_no.returnPressed.connect(self.nationality.setFocus)
        self.nationality.editingFinished.connect(self.look_up)
        self.save_button.clicked.connect(self.save_and_print)
        self.clear_button.clicked.connect(self.clear)
        # The next applicant has begun: the last one's card goes.
        self.passport_no.textEdited.connect(self.card.clear)
        self.card.reprint_requested.connect(self.reprint_issued)

    def _failed(self, exc: BaseException) -> None:
        self.banner.show_message(self.ctx.reason(exc), "error")

    def look_up(self) -> None:
        passport, nationality = self.passport_no.text().strip(), self.nationality.text().strip()
        if len(passport) < 6 or len(nationality) != 3:
            return
        db = self.ctx.db

        def find():
            from app.desk.registration import find_by_passport

            return find_by_passport(db, passport.replace(" ", ""), nationality)

        self.ctx.runner.run(find, self._found, self._failed)

    def _found(self, person) -> None:
        if person is None:
            self.lookup_status.setText(_("New applicant: fill in the details."))
            return
        self.lookup_status.setText(_("Known applicant: details filled in, check them."))
        self.name.setText(person.name)
        self.birth_date.set_date(person.birth_date)
        self.sex.setCurrentIndex(max(0, self.sex.findData(person.sex)))
        self.phone.setText(person.phone or "")

    def form(self):
        from app.desk.foreigners import ForeignerForm

        return ForeignerForm(
            passport_no=self.passport_no.text(), nationality=self.nationality.text(), name=self.name.text(),
            birth_date=self.birth_date.date(), sex=self.sex.currentData() or "", phone=self.phone.text(),
            kind=self.kind.currentData(), permit_no=self.permit_no.text(), priority=self.priority.currentData(),
        )  # fmt: skip

    def save_and_print(self) -> None:
        if not self.save_button.isEnabled():
            return
        self.save_button.setEnabled(False)
        ctx = self.ctx
        db, settings, officer, counter, lang = (
            ctx.db,
            ctx.settings,
            ctx.officer,
            ctx.counter,
            ctx.lang,
        )
        form = self.form()

        def work():
            from app.desk.foreigners import register_foreigner

            result = register_foreigner(db, settings, form, officer=officer, counter=counter)
            return result, render_slip(result.ticket, settings, lang=lang)

        ctx.run_op(work, self._saved, self._save_failed)

    def _save_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, InputRejected):
            self.card.clear()
            by_field = exc.by_field(self.ctx.lang)
            for key, err in self.errors.items():
                err.show_message(by_field.get(key, ""))
            self.banner.show_message(_("Not saved. Correct the marked fields."), "error")
            return
        self._failed(exc)

    def _saved(self, result) -> None:
        reg, pdf = result
        self.save_button.setEnabled(True)
        self.banner.show_message("")
        self._issued = reg.ticket
        self.card.show_ticket(reg.ticket.number, reg.ticket.waiting_ahead, lang=self.ctx.lang)
        failure = print_ticket_slip(self.ctx, reg.ticket.id, pdf, self._failed)
        if failure:
            self.card.show_print_failure(failure)
        self.clear(keep_card=True)

    def reprint_issued(self) -> None:
        """The card's Reprint: the slip of the ticket just issued, once the printer is back."""
        info, settings, lang = self._issued, self.ctx.settings, self.ctx.lang
        if info is None:
            return

        def printed(pdf: bytes) -> None:
            failure = print_ticket_slip(self.ctx, info.id, pdf, self._failed)
            if failure:
                self.card.show_print_failure(failure)
            else:
                self.card.show_printed(lang)

        self.ctx.runner.run(lambda: render_slip(info, settings, lang=lang), printed, self._failed)

    def clear(self, keep_card: bool = False) -> None:
        for w in (
            self.passport_no,
            self.nationality,
            self.name,
            self.birth_date,
            self.phone,
            self.permit_no,
        ):
            w.clear()
        self.sex.setCurrentIndex(0)
        self.priority.setCurrentIndex(0)
        self.lookup_status.setText("")
        for err in self.errors.values():
            err.show_message("")
        self.banner.show_message("")
        if not keep_card:
            self.card.clear()
        self.passport_no.setFocus()
