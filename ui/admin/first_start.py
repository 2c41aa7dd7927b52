"""The first start on an empty database: a short wizard for the office profile and the first
administrator, or "not now" (the office runs without accounts until one is made)."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from app.changes import Changes
from app.i18n import _

from ui.context import DeskContext


class FirstStartWizard(QWizard):
    """``signed_in(Actor)`` after the administrator was made; ``skipped()`` for "not now"."""

    signed_in = Signal(object)
    skipped = Signal()

    def __init__(self, ctx: DeskContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(_("KanimDesk — first start"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setMinimumSize(620, 460)
        self.setButtonText(QWizard.WizardButton.NextButton, _("&Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, _("< &Back"))
        self.setButtonText(QWizard.WizardButton.FinishButton, _("&Finish"))
        self.setButtonText(QWizard.WizardButton.CancelButton, _("Not now (no accounts)"))
        office = ctx.settings.office
        self.code, self.name = QLineEdit(office.code), QLineEdit(office.name)
        self.city, self.address = QLineEdit(office.city), QLineEdit(office.address)
        self.head = QLineEdit(office.head_name)
        self.username, self.full_name = QLineEdit("admin"), QLineEdit()
        self.password, self.again = QLineEdit(), QLineEdit()
        for w in (self.password, self.again):
            w.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #a50e0e;")
        self.addPage(self._page(
            _("The office"),
            _("Printed on queue slips, receipts and reports. It can be changed later in Settings."),
            [(_("Office code"), self.code), (_("Office name"), self.name), (_("City"), self.city),
             (_("Address"), self.address), (_("Head of office"), self.head)]))  # fmt: skip
        self.addPage(self._page(
            _("The first administrator"),
            _("From now on everyone signs in with their own account; the administrator makes "
              "the others. An office that does not want accounts yet chooses \u201cNot now\u201d."),
            [(_("User name"), self.username), (_("Full name"), self.full_name),
             (_("Password (8 or more characters)"), self.password),
             (_("Password again"), self.again)], self.message))  # fmt: skip
        self._working = False

    def _page(self, title: str, intro: str, rows, extra: QLabel | None = None) -> QWizardPage:
        page = QWizardPage()
        page.setTitle(title)
        layout = QVBoxLayout(page)
        words = QLabel(intro)
        words.setWordWrap(True)
        layout.addWidget(words)
        form = QFormLayout()
        for caption, widget in rows:
            form.addRow(caption, widget)
        layout.addLayout(form)
        if extra is not None:
            layout.addWidget(extra)
        layout.addStretch(1)
        return page

    def accept(self) -> None:
        """Finish: make the office and the administrator on the worker; close when done."""
        if self._working:
            return
        if self.password.text() != self.again.text():
            self.message.setText(_("The two passwords differ."))
            return
        from app.admin.first_start import first_administrator
        from app.admin.users import authenticate

        office = dataclasses.replace(
            self.ctx.settings.office, code=self.code.text().strip(), name=self.name.text().strip(),
            city=self.city.text().strip(), address=self.address.text().strip(),
            head_name=self.head.text().strip())  # fmt: skip
        new = dataclasses.replace(self.ctx.settings, office=office)
        ctx, db = self.ctx, self.ctx.db
        name, full, password = self.username.text(), self.full_name.text(), self.password.text()

        def work():
            ctx.apply_settings(new)
            first_administrator(db, name, full, password)
            return authenticate(db, name, password)

        self._working = True
        self.message.setText("")
        self.ctx.runner.run(work, lambda user: self._made(new, user), self._refused)

    def _made(self, new, user) -> None:
        from app.admin import session

        self._working = False
        self.ctx.settings = new
        self.ctx.changed.emit(Changes(settings=True, office=True, users=True))
        actor = session.Actor(user.username, user.full_name, user.role)
        session.sign_in(actor)
        super().accept()
        self.signed_in.emit(actor)

    def _refused(self, exc: BaseException) -> None:
        self._working = False
        self.message.setText(self.ctx.reason(exc))

    def reject(self) -> None:
        if self._working:
            return
        from app.admin.first_start import skip_accounts

        db = self.ctx.db
        self.ctx.runner.run(lambda: skip_accounts(db), None, None)
        super().reject()
        self.skipped.emit()
