"""The Settings page's service rules: when a passport is ready, when an uncollected one is
cancelled, the walk-in priority quota, and whether collection dates skip joint leave."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QFormLayout, QGroupBox, QSpinBox, QWidget

from app.config import Settings
from app.i18n import _

from ui.widgets.fields import FieldError, checked_field


def spin(low: int, high: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setMaximumWidth(100)
    return box


class RulesBox(QGroupBox):
    edited = Signal()

    def __init__(self, errors: dict[str, FieldError], parent: QWidget | None = None):
        super().__init__(_("Service rules"), parent)
        # Spin ranges are wider than the rules on purpose: Settings.validate() is the judge.
        self.working_days = spin(0, 99)
        self.cancel_days = spin(1, 365)
        self.quota = spin(0, 999)
        self.joint_leave = QCheckBox(_("Skip &joint leave days (cuti bersama) in collection dates"))
        rf = QFormLayout(self)
        rf.addRow(_("Passport ready after (wor&king days):"),
                  checked_field(self.working_days, errors, "collection_working_days"))  # fmt: skip
        rf.addRow(_("Cancel &uncollected after (days):"),
                  checked_field(self.cancel_days, errors, "uncollected_cancel_days"))  # fmt: skip
        rf.addRow(_("Walk-in priority &quota per day:"),
                  checked_field(self.quota, errors, "walk_in_priority_quota"))  # fmt: skip
        # Across both columns: the long caption does not widen the page past a 1366-px screen.
        rf.addRow(checked_field(self.joint_leave, errors, "collection_skips_joint_leave"))
        for box in (self.working_days, self.cancel_days, self.quota):
            box.valueChanged.connect(self.edited)
        self.joint_leave.toggled.connect(self.edited)

    def tab_order(self) -> list[QWidget]:
        return [self.working_days, self.cancel_days, self.quota, self.joint_leave]

    def fill(self, s: Settings) -> None:
        self.working_days.setValue(s.collection_working_days)
        self.cancel_days.setValue(s.uncollected_cancel_days)
        self.quota.setValue(s.walk_in_priority_quota)
        self.joint_leave.setChecked(s.collection_skips_joint_leave)

    def over(self, s: Settings) -> Settings:
        return dataclasses.replace(
            s, collection_working_days=self.working_days.value(),
            uncollected_cancel_days=self.cancel_days.value(),
            walk_in_priority_quota=self.quota.value(),
            collection_skips_joint_leave=self.joint_leave.isChecked())  # fmt: skip
