"""Which counter this workstation is and which services it calls: kept in its settings file,
so the counter is still "Loket 3, services A and D" after a restart."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QWidget

from app.i18n import _
from app.queue.numbering import SERVICES

from ui.context import DeskContext


class CounterChoice(QWidget):
    """The queue page's top row: counter number and one check box per service."""

    def __init__(
        self,
        ctx: DeskContext,
        on_error: Callable[[BaseException], None] | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.ctx = ctx
        self._on_error = on_error
        self.counter_edit = QLineEdit(ctx.counter)
        self.counter_edit.setMaxLength(20)
        self.counter_edit.setFixedWidth(70)
        self.service_checks = {svc.prefix: QCheckBox() for svc in SERVICES}
        self.show_settings()
        self._build()
        self.counter_edit.editingFinished.connect(self.commit_counter)
        for check in self.service_checks.values():
            check.toggled.connect(self.commit)

    def _build(self) -> None:
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        counter_label = QLabel(_("&Counter:"))
        counter_label.setBuddy(self.counter_edit)
        row.addWidget(counter_label, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.counter_edit, 0, Qt.AlignmentFlag.AlignTop)
        row.addSpacing(16)
        row.addWidget(QLabel(_("Serves:")), 0, Qt.AlignmentFlag.AlignTop)
        # Two columns keep the page narrow enough for a 1280-px screen with the sidebar.
        checks = QGridLayout()
        checks.setVerticalSpacing(2)
        for i, check in enumerate(self.service_checks.values()):
            checks.addWidget(check, i // 2, i % 2)
        row.addLayout(checks)

    def tab_order(self) -> list[QWidget]:
        return [self.counter_edit, *self.service_checks.values()]

    def fill_texts(self, lang: str | None) -> None:
        for svc in SERVICES:
            name = svc.label(lang)
            self.service_checks[svc.prefix].setText(f"{svc.prefix} · {name}")
            self.service_checks[svc.prefix].setToolTip(name)

    def show_settings(self) -> None:
        """Show the counter in use and the services the settings say ([]: every service)."""
        if not self.counter_edit.hasFocus():
            self.counter_edit.setText(self.ctx.counter)
        chosen = set(self.ctx.settings.counter_services)
        for prefix, check in self.service_checks.items():
            check.blockSignals(True)
            check.setChecked(not chosen or prefix in chosen)
            check.blockSignals(False)

    def prefixes(self) -> list[str]:
        """The ticked services' letters (empty when none is ticked)."""
        return [p for p, check in self.service_checks.items() if check.isChecked()]

    def _counter(self) -> str:
        counter = self.counter_edit.text().strip() or "1"
        self.counter_edit.setText(counter)
        return counter

    def commit_counter(self) -> None:
        """Put the typed counter number in force and in the settings file (if changed)."""
        # ctx.changed(Changes(settings=True)) follows: the status bar shows the counter.
        self.ctx.set_counter(self._counter(), on_error=self._on_error)

    def commit(self) -> None:
        """Put the shown counter and services in force and in the settings file (if changed)."""
        counter = self._counter()
        prefixes = self.prefixes()
        if not prefixes:
            # "None" is not saved (it would read as "every service"); a call says why.
            services = None
        else:
            services = [] if len(prefixes) == len(self.service_checks) else prefixes
        self.ctx.set_counter(counter, services, on_error=self._on_error)
