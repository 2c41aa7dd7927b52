"""Follow-up of one finding: a dated note with the finding's new status, and the notes so far."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from app.i18n import _, label, plain_date
from app.monev.findings import FINDING_STATUSES, FindingInfo, FollowUp

from ui.widgets.fields import DateField, FieldError, checked_field


class FollowUpBox(QGroupBox):
    """Emits `requested` when the supervisor adds a follow-up; `follow_up()` reads the form."""

    requested = Signal()

    def __init__(self, lang: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(_("Follow-up"))
        self.lang = lang
        self.errors: dict[str, FieldError] = {}
        self.at = DateField()
        self.status = QComboBox()
        for code in FINDING_STATUSES:
            self.status.addItem(label(FINDING_STATUSES, code, lang), code)
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(70)
        self.by = QLineEdit()
        self.by.setMaxLength(120)
        self.button = QPushButton(_("Add &follow-up"))
        self.button.clicked.connect(self.requested)
        self.history = QLabel()
        self.history.setWordWrap(True)
        self.history.setTextFormat(Qt.TextFormat.PlainText)
        self.history.setStyleSheet("color: #3c4043;")
        form = QFormLayout(self)
        form.addRow(_("Dat&e:"), checked_field(self.at, self.errors, "at"))
        form.addRow(_("New stat&us:"), checked_field(self.status, self.errors, "status"))
        form.addRow(_("N&ote:"), checked_field(self.note, self.errors, "note"))
        form.addRow(_("&By:"), self.by)
        form.addRow("", self.button)
        form.addRow(self.history)

    def editors(self) -> list[QWidget]:
        return [self.at, self.status, self.note, self.by, self.button]

    def show_finding(self, f: FindingInfo | None) -> None:
        """Ready for a follow-up of *f* today; its notes so far underneath."""
        self.show_errors({})
        self.button.setEnabled(f is not None)
        if f is None:
            self.history.setText("")
            return
        self.at.set_date(date.today())
        self.status.setCurrentIndex(max(0, self.status.findData(f.status)))
        lines = [
            f"{plain_date(x.at, self.lang)} · {label(FINDING_STATUSES, x.status, self.lang)}"
            + (f" · {x.note}" if x.note else "") + (f" ({x.by})" if x.by else "")
            for x in sorted(f.follow_ups, key=lambda x: (x.at, x.created_at))
        ]  # fmt: skip
        self.history.setText("\n".join(lines) if lines else _("No follow-up yet."))

    def follow_up(self) -> FollowUp | None:
        """The follow-up as typed; None (and the reason at the date) when the date is impossible."""
        at = self.at.date()
        if at is None:
            self.show_errors({"at": _("Not a calendar date; type DD/MM/YYYY.")})
            self.at.setFocus()
            return None
        return FollowUp(at, self.status.currentData(), self.note.toPlainText(), self.by.text())

    def show_errors(self, problems: dict[str, str]) -> None:
        for key, error in self.errors.items():
            error.show_message(problems.get(key, ""))
