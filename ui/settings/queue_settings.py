"""The Settings page's queue boxes: this counter (number, services it calls, priority calls in a
row) and the waiting-room display (language, sound). Each box fills from Settings and puts
its fields back over a Settings; the page validates and saves."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from app.config import Settings
from app.i18n import _, label
from app.queue.numbering import SERVICE_NAMES, SERVICES

from ui.widgets.fields import FieldError, checked_field


def note(message: str) -> QLabel:
    """A grey explanation under a field."""
    words = QLabel(message)
    words.setWordWrap(True)
    words.setStyleSheet("color: #5f6368; font-size: 11px;")
    return words


class CounterBox(QGroupBox):
    """This workstation's counter: its number, the services it calls, the priority rule."""

    edited = Signal()

    def __init__(self, errors: dict[str, FieldError], parent: QWidget | None = None):
        super().__init__(_("This counter"), parent)
        self.counter = QLineEdit()
        self.counter.setMaxLength(20)
        self.counter.setMaximumWidth(100)
        self._checks_box = QWidget()
        self._checks = QGridLayout(self._checks_box)
        self._checks.setContentsMargins(0, 0, 0, 0)
        self._checks.setVerticalSpacing(2)
        self.service_checks: dict[str, QCheckBox] = {}
        # Wider than the rule (0–20) on purpose: Settings.validate() is the judge.
        self.streak = QSpinBox()
        self.streak.setRange(0, 99)
        self.streak.setMaximumWidth(100)
        self.set_services([svc.prefix for svc in SERVICES])

        form = QFormLayout(self)
        form.addRow(_("Counter nu&mber:"), checked_field(self.counter, errors, "counter"))
        form.addRow(_("Calls these services:"),
                    checked_field(self._checks_box, errors, "counter_services"))  # fmt: skip
        form.addRow("", note(_("With none or all ticked, the counter calls every service.")))
        form.addRow(_("Priority calls in a row (ma&x.):"),
                    checked_field(self.streak, errors, "priority_streak_cap"))  # fmt: skip
        form.addRow("", note(_(
            "After this many priority numbers in a row, the next call takes the oldest normal "
            "number if one waits (0: priority numbers always go first)."
        )))  # fmt: skip
        self.counter.textChanged.connect(self.edited)
        self.streak.valueChanged.connect(self.edited)

    def set_services(self, prefixes: Sequence[str], lang: str | None = None) -> None:
        """One check box per service the office offers (read from the database), ticks kept."""
        ticked = {p for p, check in self.service_checks.items() if check.isChecked()}
        had = bool(self.service_checks)
        for check in self.service_checks.values():
            self._checks.removeWidget(check)
            check.deleteLater()
        self.service_checks = {}
        for i, prefix in enumerate(prefixes):
            check = QCheckBox(f"{prefix} · {label(SERVICE_NAMES, prefix, lang)}")
            check.setChecked(prefix in ticked if had else True)
            check.toggled.connect(self.edited)
            self._checks.addWidget(check, i, 0)  # one column: the box fits a 1366-px screen
            self.service_checks[prefix] = check

    def tab_order(self) -> list[QWidget]:
        return [self.counter, *self.service_checks.values(), self.streak]

    def fill(self, s: Settings) -> None:
        self.counter.setText(s.counter)
        chosen = set(s.counter_services)
        for prefix, check in self.service_checks.items():
            check.setChecked(not chosen or prefix in chosen)
        self.streak.setValue(s.priority_streak_cap)

    def over(self, s: Settings) -> Settings:
        offered = set(self.service_checks)
        ticked = {p for p, check in self.service_checks.items() if check.isChecked()} or offered
        if ticked == (set(s.counter_services) & offered or offered):
            services = list(s.counter_services)  # the same choice, however written: no edit
        elif ticked == offered:
            services = []  # every service
        else:
            services = [p for p in self.service_checks if p in ticked]
        return dataclasses.replace(
            s,
            counter=self.counter.text().strip(),
            counter_services=services,
            priority_streak_cap=self.streak.value(),
        )


# Each in its own language, as the display shows it.
DISPLAY_LANGUAGES = (
    ("Bahasa Indonesia", "id"),
    ("English", "en"),
    ("Bahasa Indonesia + English", "both"),
)


class DisplayBox(QGroupBox):
    """The waiting-room display: the language it speaks and whether it chimes and speaks."""

    edited = Signal()

    def __init__(self, errors: dict[str, FieldError], parent: QWidget | None = None):
        super().__init__(_("Queue display"), parent)
        self.language = QComboBox()
        for caption, code in DISPLAY_LANGUAGES:
            self.language.addItem(caption, code)
        self.sound = QCheckBox(_("Sound: chime and &voice for each call"))
        form = QFormLayout(self)
        form.addRow(_("Language on the &board:"),
                    checked_field(self.language, errors, "display_language"))  # fmt: skip
        form.addRow("", checked_field(self.sound, errors, "display_sound"))
        form.addRow("", note(_(
            "Both languages suit an office with many foreign visitors. Turn the sound off for "
            "a display without speakers."
        )))  # fmt: skip
        self.language.currentIndexChanged.connect(self.edited)
        self.sound.toggled.connect(self.edited)

    def tab_order(self) -> list[QWidget]:
        return [self.language, self.sound]

    def fill(self, s: Settings) -> None:
        self.language.setCurrentIndex(max(0, self.language.findData(s.display_language)))
        self.sound.setChecked(s.display_sound)

    def over(self, s: Settings) -> Settings:
        return dataclasses.replace(
            s, display_language=self.language.currentData(), display_sound=self.sound.isChecked()
        )
