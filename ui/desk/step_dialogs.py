"""The two small dialogs a stage step may need: the payment (amount and billing code) and a note
(the reason to cancel or defer, what a correction undoes).

Each stays open until the service accepts: ``submitted`` carries what was typed, the caller
runs the step and either closes the dialog or shows the service's reasons in it.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _, rupiah
from app.problems import InputRejected

from ui.widgets.fields import FieldError, add_checked_row


class _StepDialog(QDialog):
    """A form, an OK/Cancel row, and the service's reasons under the fields they are about."""

    def __init__(self, title: str, intro: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.errors: dict[str, FieldError] = {}
        self.form = QFormLayout()
        self.general = FieldError()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        words = QLabel(intro)
        words.setWordWrap(True)
        layout.addWidget(words)
        layout.addLayout(self.form)
        layout.addWidget(self.general)
        layout.addWidget(self.buttons)

    def _submit(self) -> None:
        raise NotImplementedError

    def show_problems(self, exc: InputRejected, lang: str | None = None) -> None:
        """The service refused: its reasons under their fields (the rest underneath)."""
        shown = set()
        for field, message in exc.by_field(lang).items():
            if field in self.errors:
                self.errors[field].show_message(message)
                shown.add(field)
        rest = [p.message(lang) for p in exc.problems if p.field not in shown]
        self.general.show_message("\n".join(rest))
        self.buttons.setEnabled(True)

    def set_busy(self) -> None:
        self.buttons.setEnabled(False)
        self.general.show_message("")


class PaymentDialog(_StepDialog):
    """Amount paid (whole rupiah, the fee offered) and the PNBP billing code."""

    submitted = Signal(int, str)  # amount, billing code; an amount not typed as a number is -1

    def __init__(self, number: str, fee_total: int, parent: QWidget | None = None):
        super().__init__(
            _("Payment — {0}").format(number),
            _("Fee to pay: {0}. Enter the amount paid and the billing code.").format(
                rupiah(fee_total)
            ),
            parent,
        )
        self.amount = QLineEdit(str(fee_total))
        self.amount.setValidator(QRegularExpressionValidator(r"[0-9 .,Rrp]{0,16}", self))
        self.billing_code = QLineEdit()
        self.billing_code.setMaxLength(40)
        self.billing_code.setPlaceholderText(_("e.g. 820240701123456"))
        self.errors["paid_amount"] = add_checked_row(self.form, _("&Amount paid (Rp)"), self.amount)
        self.errors["billing_code"] = add_checked_row(
            self.form, _("&Billing code"), self.billing_code
        )
        self.billing_code.setFocus()

    def _submit(self) -> None:
        digits = re.sub(r"[\s.,]", "", self.amount.text().strip().lstrip("Rrp"))
        amount = int(digits) if digits.isdigit() else -1
        self.set_busy()
        self.submitted.emit(amount, self.billing_code.text())


class NoteDialog(_StepDialog):
    """One line of text the step records with it."""

    submitted = Signal(str)

    def __init__(self, title: str, intro: str, caption: str, parent: QWidget | None = None):
        super().__init__(title, intro, parent)
        self.note = QLineEdit()
        self.note.setMaxLength(200)
        self.errors["note"] = add_checked_row(self.form, caption, self.note)
        # The reason keys of a cancellation list name the field "reason"; the same line.
        self.errors["reason"] = self.errors["note"]
        self.note.setFocus()

    def _submit(self) -> None:
        self.set_busy()
        self.submitted.emit(self.note.text())
