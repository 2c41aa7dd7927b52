"""The Settings page's office closures box: days the office is closed beyond the national
calendar (a local closure, a cuti bersama the calendar lacks), which collection dates skip."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTableView,
    QWidget,
)

from app.changes import Changes
from app.desk.closures import REASON_MAX, ClosureInfo
from app.i18n import _, long_date, text
from app.problems import InputRejected

from ui.context import DeskContext
from ui.settings.queue_settings import note
from ui.widgets.fields import DateField, FieldError, checked_field
from ui.widgets.row_table import RowTableModel


class ClosureTable(RowTableModel):
    """One recorded closure per row: the day in words and the reason."""

    def __init__(self, lang: str, parent: Any = None):
        super().__init__(parent)
        self.lang = lang

    def headers(self) -> list[str]:
        return [_("Day"), _("Reason")]

    def cell(self, row: ClosureInfo, column: int, role: int) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return long_date(row.day, self.lang) if column == 0 else row.reason


class ClosuresBox(QGroupBox):
    """Record or take back an office closure; every write goes through ctx.run_op."""

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None):
        super().__init__(_("Office closures"), parent)
        self.ctx = ctx
        # No mnemonics here: every letter is already taken on the Settings page.
        self.errors: dict[str, FieldError] = {}
        self.model = ClosureTable(ctx.lang, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setMinimumHeight(120)
        self.day = DateField()
        self.reason = QLineEdit()
        self.reason.setMaxLength(REASON_MAX)
        self.reason.setPlaceholderText(_("e.g. cuti bersama, office renovation"))
        self.add_button = QPushButton(_("Add closure"))
        self.remove_button = QPushButton(_("Remove selected"))
        self.remove_button.setEnabled(False)
        self.list_error = FieldError()

        form = QFormLayout(self)
        form.addRow(self.table)
        form.addRow(self.list_error)
        form.addRow(_("Closed on:"), checked_field(self.day, self.errors, "day"))
        form.addRow(_("Reason:"), checked_field(self.reason, self.errors, "reason"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.add_button)
        form.addRow(buttons)
        form.addRow(note(_(
            "The national holidays and weekends of the year are already skipped by collection "
            "dates; record here only the other days the office is closed."
        )))  # fmt: skip

        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        self.reason.returnPressed.connect(self.add)
        self.table.selectionModel().selectionChanged.connect(self._update_remove)
        ctx.changed.connect(self._on_changed)
        self.load()

    def tab_order(self) -> list[QWidget]:
        return [self.table, self.day, self.reason, self.remove_button, self.add_button]

    # --- reading ------------------------------------------------------------

    def load(self) -> None:
        db, settings = self.ctx.db, self.ctx.settings

        def closures() -> list[ClosureInfo]:
            from app.desk.closures import list_closures

            return list_closures(db, settings)

        self.ctx.runner.run(closures, self._loaded, self._load_failed)

    def _loaded(self, rows: list[ClosureInfo]) -> None:
        self.list_error.show_message("")
        self.model.set_rows(rows)
        self._update_remove()

    def _load_failed(self, exc: BaseException) -> None:
        self.list_error.show_message(self.ctx.reason(exc))

    def selected(self) -> ClosureInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_remove(self, *_args: object) -> None:
        self.remove_button.setEnabled(self.selected() is not None)

    def _on_changed(self, changes: Changes) -> None:
        if changes.office:
            self.load()

    # --- writing --------------------------------------------------------------

    def add(self) -> None:
        day = self.day.date()
        if day is None:
            self._show({"day": text("date.format", self.ctx.lang)})
            return
        self._show({})
        db, settings, officer = self.ctx.db, self.ctx.settings, self.ctx.officer
        reason = self.reason.text()

        def work() -> Changes:
            from app.desk.closures import add_closure

            return add_closure(db, settings, day, reason, officer)

        self.ctx.run_op(work, self._added, self._refused)

    def _added(self, _changes: Changes) -> None:
        self.day.set_date(None)
        self.reason.clear()

    def remove(self) -> None:
        row = self.selected()
        if row is None:
            return
        db, settings, officer, day = self.ctx.db, self.ctx.settings, self.ctx.officer, row.day

        def work() -> Changes:
            from app.desk.closures import remove_closure

            return remove_closure(db, settings, day, officer)

        self.ctx.run_op(work, None, self._refused)

    def _refused(self, exc: BaseException) -> None:
        if isinstance(exc, InputRejected):
            problems = exc.by_field(self.ctx.lang)
            placed = {k: v for k, v in problems.items() if k in self.errors}
            self._show(placed)
            rest = [v for k, v in problems.items() if k not in self.errors]
            self.list_error.show_message("\n".join(rest))
        else:
            self.list_error.show_message(self.ctx.reason(exc))

    def _show(self, problems: dict[str, str]) -> None:
        for key, error in self.errors.items():
            error.show_message(problems.get(key, ""))
        self.list_error.show_message("")

    def showing(self) -> list[date]:
        """The days the list shows (for tests and the page)."""
        return [row.day for row in self.model.rows()]
