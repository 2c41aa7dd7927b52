"""Historical figures from the Reports page: pick a month,metric,value CSV, import it on the
worker, and show how many were stored and each rejected row with its reason."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _, ngettext

from ui.context import DeskContext
from ui.widgets.window_size import fit_to_screen

CSV_FILTER = "CSV (*.csv)"


class ImportOutcomeDialog(QDialog):
    """The stored count, then a table of the rejected rows (row number as the spreadsheet shows it)."""

    def __init__(self, outcome: Any, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Historical figures imported"))
        fit_to_screen(self, 640, 420)
        rejected = list(outcome.rejected)
        self.summary = QLabel(
            ngettext("{n} figure stored.", "{n} figures stored.", outcome.imported).format(
                n=outcome.imported
            )
            + (
                " "
                + ngettext("{n} row rejected:", "{n} rows rejected:", len(rejected)).format(
                    n=len(rejected)
                )
                if rejected
                else ""
            )
        )
        self.summary.setWordWrap(True)
        self.rows = QTableWidget(len(rejected), 2)
        self.rows.setHorizontalHeaderLabels([_("Row"), _("Reason")])
        self.rows.verticalHeader().setVisible(False)
        self.rows.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.rows.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.rows.setWordWrap(True)
        for i, problem in enumerate(rejected):
            number = QTableWidgetItem(str(problem.row))
            number.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.rows.setItem(i, 0, number)
            self.rows.setItem(i, 1, QTableWidgetItem(problem.reason(lang)))
        self.rows.resizeRowsToContents()
        self.rows.setVisible(bool(rejected))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.rows, 1)
        layout.addWidget(buttons)

    def reasons(self) -> list[tuple[str, str]]:
        return [
            (self.rows.item(i, 0).text(), self.rows.item(i, 1).text())
            for i in range(self.rows.rowCount())
        ]


class HistoryImportAction(QObject):
    """`ask_import()` (file dialog) or `import_from(path)`; `done(kind, message)` for the banner."""

    done = Signal(str, str)
    outcome_shown = Signal(object)  # the ImportOutcomeDialog

    def __init__(self, ctx: DeskContext, parent: QWidget):
        super().__init__(parent)
        self.ctx = ctx
        self.parent_widget = parent
        self.dialog: ImportOutcomeDialog | None = None

    def ask_import(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _filter = QFileDialog.getOpenFileName(
            self.parent_widget, _("Import historical figures"), "", CSV_FILTER
        )
        if path:
            self.import_from(Path(path))

    def import_from(self, path: Path) -> None:
        from app.figures.history_import import import_history_csv

        db, code, actor = self.ctx.db, self.ctx.settings.office.code, self.ctx.officer

        def finished(outcome: Any) -> None:
            kind = "warn" if outcome.rejected else "ok"
            self.done.emit(kind, outcome.summary(self.ctx.lang).splitlines()[0])
            dialog = ImportOutcomeDialog(outcome, self.ctx.lang, self.parent_widget)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.dialog = dialog
            dialog.open()
            self.outcome_shown.emit(dialog)

        def failed(exc: BaseException) -> None:
            self.done.emit("error", self.ctx.reason(exc, _("The file could not be imported: {0}")))

        self.ctx.run_op(lambda: import_history_csv(db, code, path, actor=actor), finished, failed)
