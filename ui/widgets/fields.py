"""Form fields the counter types into all day: NIK, dates, and the error text under a field."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QFont, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
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
        self.setMinimumWidth(260)

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

    def date(self) -> date | None:
        """The date typed, or None when blank or impossible."""
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
    """Red reason text under a field; empty means the field is fine."""

    def __init__(self, parent: QWidget | None = None, warning: bool = False):
        super().__init__(parent)
        self.setWordWrap(True)
        color = "#9a5b00" if warning else "#b3261e"
        self.setStyleSheet(f"color: {color}; font-size: 11px;")
        self.hide()

    def show_message(self, message: str) -> None:
        self.setText(message)
        self.setVisible(bool(message))


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


def add_checked_row(form: QFormLayout, caption: str, widget: QWidget) -> FieldError:
    """A form row whose field has its reason text underneath; returns that FieldError."""
    box = QVBoxLayout()
    box.setSpacing(2)
    box.addWidget(widget)
    error = FieldError()
    box.addWidget(error)
    label = QLabel(caption)
    label.setBuddy(widget)
    form.addRow(label, box)
    return error


def checked_field(editor: QWidget, errors: dict[str, FieldError], key: str) -> QWidget:
    """*editor* with its reason line underneath, registered as ``errors[key]``."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(editor)
    errors[key] = FieldError()
    layout.addWidget(errors[key])
    box.setFocusProxy(editor)  # so a label's mnemonic lands in the editor
    return box
