"""Form fields the counter types into all day: NIK, dates, and the error text under a field."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QFont, QFontMetrics, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _


class NikField(QLineEdit):
    """16 digits; scanners that add spaces or dashes are tolerated by the rule, not the field."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9 .\-]{0,24}"), self))
        self.setPlaceholderText(_("16 digits"))
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 1.5)
        self.setFont(font)
        # Sixteen digits in sight, no more: the form must fit beside today's list at 1366 px.
        digits = QFontMetrics(font).horizontalAdvance("0" * 16)
        self.setMinimumWidth(digits + 24)

    def digits(self) -> str:
        return "".join(ch for ch in self.text() if ch.isdigit())


class DateField(QLineEdit):
    """A date typed as DD/MM/YYYY (no spin boxes, no silent default date)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setInputMask("99/99/9999;_")
        self.setMaximumWidth(140)

    def is_blank(self) -> bool:
        return not any(ch.isdigit() for ch in self.text())

    def is_complete(self) -> bool:
        """All eight digits typed (DD/MM/YYYY), whether or not they make a date."""
        return sum(ch.isdigit() for ch in self.text()) == 8

    def date(self) -> date | None:
        """The date typed, or None when blank, half typed or impossible.

        A half-typed year is no date: "12/04/199" must not be read as the year 199.
        """
        if not self.is_complete():
            return None
        parts = self.text().split("/")
        if len(parts) != 3 or not all(p.isdigit() for p in parts):
            return None
        try:
            return date(int(parts[2]), int(parts[1]), int(parts[0]))
        except ValueError:
            return None

    def set_date(self, d: date | None) -> None:
        self.setText(d.strftime("%d/%m/%Y") if d else "")


class FieldError(QLabel):
    """Red reason text under a field (amber with *warning*); empty means the field is fine."""

    def __init__(self, parent: QWidget | None = None, warning: bool = False):
        super().__init__(parent)
        self.setWordWrap(True)
        if warning:
            # Amber and boxed: a mismatch to check with the applicant, not a refusal.
            self.setStyleSheet(
                "color: #8a5300; background: #fef7e0; border: 1px solid #f9d67a;"
                " border-radius: 4px; padding: 3px 6px; font-size: 12px;"
            )
        else:
            self.setStyleSheet("color: #b3261e; font-size: 11px;")
        self.hide()

    def show_message(self, message: str) -> None:
        self.setText(message)
        self.setVisible(bool(message))

    def clear_when_edited(self, editor: QWidget) -> None:
        """Hide this reason as soon as the clerk changes *editor*: the next save judges it again.

        Only the clerk's own edits count for text fields (a lookup filling them in is no
        correction); a choice counts however it was made.
        """
        hide = lambda *_args: self.show_message("")  # noqa: E731 - one slot for every signal
        if isinstance(editor, QLineEdit):
            editor.textEdited.connect(hide)
        elif isinstance(editor, QComboBox):
            editor.currentIndexChanged.connect(hide)
            if editor.isEditable():
                editor.editTextChanged.connect(hide)
        elif isinstance(editor, QAbstractButton):
            editor.toggled.connect(hide)
        elif isinstance(editor, QAbstractSpinBox):
            editor.editingFinished.connect(hide)
            value_changed = getattr(editor, "valueChanged", None)
            if value_changed is not None:
                value_changed.connect(hide)
        elif isinstance(editor, QPlainTextEdit | QTextEdit):
            editor.textChanged.connect(hide)


class Banner(QFrame):
    """One line of feedback across the top of a page: info, success, warning or error."""

    COLORS = {
        "info": ("#e8f0fe", "#174ea6"),
        "ok": ("#e6f4ea", "#0d652d"),
        "warn": ("#fef7e0", "#8a5300"),
        "error": ("#fce8e6", "#a50e0e"),
    }

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.label)
        self.kind = "info"
        self.hide()

    def show_message(self, message: str, kind: str = "info") -> None:
        bg, fg = self.COLORS.get(kind, self.COLORS["info"])
        self.kind = kind
        self.setStyleSheet(
            f"Banner {{ background: {bg}; border-radius: 6px; }} QLabel {{ color: {fg}; font-size: 13px; }}"
        )
        self.label.setText(message)
        self.setVisible(bool(message))

    def text(self) -> str:
        return "" if self.isHidden() else self.label.text()


def add_checked_row(
    form: QFormLayout, caption: str, widget: QWidget, editor: QWidget | None = None
) -> FieldError:
    """A form row whose field has its reason text underneath; returns that FieldError.

    *editor* is the field the reason is about when *widget* holds more than one (it takes
    the label's mnemonic, and correcting it hides the reason); by default *widget* itself.
    """
    editor = editor or widget
    box = QVBoxLayout()
    box.setSpacing(2)
    box.addWidget(widget)
    error = FieldError()
    error.clear_when_edited(editor)
    box.addWidget(error)
    label = QLabel(caption)
    label.setBuddy(editor)
    form.addRow(label, box)
    return error


def checked_field(editor: QWidget, errors: dict[str, FieldError], key: str) -> QWidget:
    """*editor* with its reason line underneath, registered as ``errors[key]``; correcting
    the editor hides the reason."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(editor)
    errors[key] = FieldError()
    errors[key].clear_when_edited(editor)
    layout.addWidget(errors[key])
    box.setFocusProxy(editor)  # so a label's mnemonic lands in the editor
    return box
