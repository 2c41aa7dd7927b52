"""The audit trail for the office head and the administrator: filters by user, action and
day, the newest rows first, and export to CSV. Nothing here can change a row."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.admin.audit import COLUMNS, AuditRow, action_label, row_cells
from app.changes import Changes
from app.i18n import _, number

from ui.context import DeskContext
from ui.widgets.fields import Banner, DateField
from ui.widgets.row_table import RowTableModel
from ui.widgets.tables import row_table_view

SHOWN = 2000  # rows on screen; the export takes every row the filters find
COL_TIME, COL_ACTION, COL_DETAIL = 0, 3, 5


class AuditTableModel(RowTableModel):
    def __init__(self, lang: str, parent=None):  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.lang = lang

    def headers(self) -> list[str]:
        return [_(c) for c in COLUMNS]

    def cell(self, row: AuditRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return row_cells(row, self.lang, shown=True)[column]
        if role == Qt.ItemDataRole.ToolTipRole and column in (COL_ACTION, COL_DETAIL):
            return row.action if column == COL_ACTION else row_cells(row, self.lang)[column]
        if role == Qt.ItemDataRole.UserRole:
            return row.id if column == COL_TIME else row_cells(row, self.lang)[column]
        return None


class AuditPage(QWidget):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.banner = Banner()
        self.user = QComboBox()
        self.action = QComboBox()
        for combo in (self.user, self.action):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setMinimumWidth(160)
        self.since, self.until = DateField(), DateField()
        today = date.today()
        self.since.set_date(today - timedelta(days=30))
        self.until.set_date(today)
        self.show_button = QPushButton(_("&Show"))
        self.export_button = QPushButton(_("&Export CSV…"))
        self.summary = QLabel()
        self.summary.setStyleSheet("color: #5f6368;")
        self.model = AuditTableModel(ctx.lang, self)
        self.view = row_table_view(self.model, stretch_column=COL_DETAIL, sort_column=COL_TIME)
        self.view.setSortingEnabled(False)  # newest first, as the trail reads
        self.view.setWordWrap(False)
        self._build()
        self.show_button.clicked.connect(self.refresh)
        self.export_button.clicked.connect(self.ask_export)
        self.since.returnPressed.connect(self.refresh)
        self.until.returnPressed.connect(self.refresh)
        ctx.changed.connect(self._on_changed)
        self._choices_loaded = False
        self.refresh()

    def page_title(self) -> str:
        return _("Audit trail")

    def _build(self) -> None:
        title = QLabel(_("Audit trail"))
        title.setStyleSheet("font-size: 16px; font-weight: bold;")
        note = QLabel(_("Who did what, when and on which workstation. Personal fields are "
                        "masked; no row can be changed or deleted."))  # fmt: skip
        note.setStyleSheet("color: #5f6368;")
        note.setWordWrap(True)
        bar = QHBoxLayout()
        for caption, widget in ((_("&User"), self.user), (_("&Action"), self.action),
                                (_("&From"), self.since), (_("&To"), self.until)):  # fmt: skip
            label = QLabel(caption)
            label.setBuddy(widget)
            bar.addWidget(label)
            bar.addWidget(widget)
            bar.addSpacing(6)
        bar.addWidget(self.show_button)
        bar.addStretch(1)
        bar.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(note)
        layout.addWidget(self.banner)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary)

    def _filters(self) -> dict[str, Any] | None:
        since, until = self.since.date(), self.until.date()
        for field, value in ((self.since, since), (self.until, until)):
            if value is None and not field.is_blank():
                self.banner.show_message(_("Type the date as DD/MM/YYYY."), "error")
                field.setFocus()
                return None
        return {"since": since, "until": until,
                "actor": self.user.currentData() or None,
                "action": self.action.currentData() or None}  # fmt: skip

    def refresh(self) -> None:
        filters = self._filters()
        if filters is None:
            return
        from app.admin.audit import audit_actions, audit_actors, audit_rows

        db = self.ctx.db
        load_choices = not self._choices_loaded

        def work():
            rows = audit_rows(db, limit=SHOWN + 1, **filters)
            choices = (audit_actors(db), audit_actions(db)) if load_choices else None
            return rows, choices

        self.show_button.setEnabled(False)
        self.ctx.runner.run(work, self._loaded, self._failed)

    def _loaded(self, result) -> None:
        rows, choices = result
        self.show_button.setEnabled(True)
        if choices is not None:
            self._fill_choices(*choices)
        more = len(rows) > SHOWN
        self.model.set_rows(rows[:SHOWN])
        self.banner.show_message("")
        if more:
            self.summary.setText(_("The newest {0} rows are shown; narrow the filters or export "
                                   "to see every row.").format(number(SHOWN)))  # fmt: skip
        else:
            self.summary.setText(_("{0} rows").format(number(len(rows))))

    def _fill_choices(self, actors: list[str], actions: list[str]) -> None:
        self._choices_loaded = True
        for combo, values, everyone in ((self.user, actors, _("Every user")),
                                        (self.action, actions, _("Every action"))):  # fmt: skip
            combo.clear()
            combo.addItem(everyone, "")
            for v in values:
                combo.addItem(action_label(v) if combo is self.action else v, v)

    def _failed(self, exc: BaseException) -> None:
        self.show_button.setEnabled(True)
        self.banner.show_message(self.ctx.reason(exc), "error")

    def ask_export(self) -> None:
        name = f"audit-{date.today():%Y%m%d}.csv"
        path, _filter = QFileDialog.getSaveFileName(self, _("Export the audit trail"), name,
                                                    "CSV (*.csv)")  # fmt: skip
        if path:
            self.export(Path(path))

    def export(self, path: Path) -> None:
        """Every row the filters find (not only those shown), as CSV, on the worker."""
        filters = self._filters()
        if filters is None:
            return
        from app.admin.audit import audit_rows, write_audit_csv

        db, lang = self.ctx.db, self.ctx.lang

        def work() -> int:
            rows = audit_rows(db, **filters)
            write_audit_csv(rows, path, lang)
            return len(rows)

        self.ctx.runner.run(work, lambda n: self.banner.show_message(
            _("{0} rows exported to {1}").format(number(n), path), "ok"), self._failed)  # fmt: skip

    def _on_changed(self, changes: Changes) -> None:
        if self.isVisible():
            self._choices_loaded = False
            self.refresh()
