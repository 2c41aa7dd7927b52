"""The tables of the Reports page: one tab per table (by day or month, breakdowns, services,
backlog, differences, activities), texts prepared on the worker (dashboard_data.TableText)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.figures.dashboard_data import TableText

Index = QModelIndex | QPersistentModelIndex


class TableTextModel(QAbstractTableModel):
    """A read-only table of texts; the total line (when there is one) is the last row, bold."""

    def __init__(self, table: TableText, parent: QWidget | None = None):
        super().__init__(parent)
        self.table = table
        self._rows = [*table.rows, *([table.total] if table.total is not None else [])]
        self._bold = QFont()
        self._bold.setBold(True)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's names
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.table.headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._rows[row][column]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if self.table.numeric[column]:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and self.is_total(row):
            return self._bold
        return None

    def is_total(self, row: int) -> bool:
        return self.table.total is not None and row == len(self._rows) - 1

    def headerData(  # noqa: N802 - Qt's name
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.table.headers[section]
        return None


def table_view() -> QTableView:
    view = QTableView()
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(24)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setStretchLastSection(True)
    header.setMinimumSectionSize(60)
    return view


class TablesPane(QWidget):
    """A tab per table over one view whose model changes with the tab (one view, not eleven:
    building a view per table cost the UI thread 40 ms at each reload)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.tables: list = []  # app.figures.meeting.tables.Table, in tab order
        self.texts: list[TableText] = []
        self.models: list[TableTextModel | None] = []
        self.bar = QTabBar()
        self.bar.setExpanding(False)
        self.bar.setUsesScrollButtons(True)
        self.bar.setDocumentMode(True)
        self.view = table_view()
        self.empty = QLabel()
        self.empty.setStyleSheet("color: #555555; padding: 4px;")
        self.empty.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.bar)
        layout.addWidget(self.empty)
        layout.addWidget(self.view, 1)
        self.bar.currentChanged.connect(self._show)

    def set_tables(self, tables: list, texts: list[TableText]) -> None:
        keep = self.current_table()
        keep_key = keep.key if keep is not None else None
        self.bar.blockSignals(True)
        while self.bar.count():
            self.bar.removeTab(0)
        for old in self.models:
            if old is not None:
                old.deleteLater()  # after the view has taken the new model below
        self.tables, self.texts = list(tables), list(texts)
        self.models = [None] * len(texts)
        for text in texts:
            self.bar.setTabToolTip(self.bar.addTab(text.tab), text.title)
        keys = [t.key for t in self.tables]
        self.bar.setCurrentIndex(keys.index(keep_key) if keep_key in keys else 0)
        self.bar.blockSignals(False)
        self._show(self.bar.currentIndex())

    def _show(self, index: int) -> None:
        if not 0 <= index < len(self.texts):
            return
        text = self.texts[index]
        model = self.models[index]
        if model is None:
            model = self.models[index] = TableTextModel(text, self)
        self.view.setModel(model)
        # Widths from the texts' lengths (counted on the worker), not by measuring each cell.
        average = self.view.fontMetrics().averageCharWidth()
        for column, chars in enumerate(text.widths):
            self.view.setColumnWidth(column, min(240, max(60, chars * average + 18)))
        self.empty.setText(text.empty)
        self.empty.setVisible(not text.rows and bool(text.empty))

    def current_table(self):  # type: ignore[no-untyped-def]
        index = self.bar.currentIndex()
        return self.tables[index] if 0 <= index < len(self.tables) else None

    def show_table(self, key: str) -> bool:
        for i, table in enumerate(self.tables):
            if table.key == key:
                self.bar.setCurrentIndex(i)
                return True
        return False
