"""Table models of a visit's findings and directions, and of the findings carried from earlier visits."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from babel.dates import format_date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from app.i18n import plain_date
from app.monev.findings import FINDING_STATUSES, PRIORITIES, CarriedFinding, FindingInfo

FINDING_ROLE = Qt.ItemDataRole.UserRole + 1  # FindingInfo / CarriedFinding of the row
FINDING_ID_ROLE = Qt.ItemDataRole.UserRole + 2

COL_NO, COL_TEXT, COL_DIRECTION, COL_PRIORITY, COL_OWNER, COL_DUE, COL_STATUS = range(7)
C_TEXT, C_RAISED, C_OWNER, C_THEN, C_NOW, C_NOTE = range(6)

AnyIndex = QModelIndex | QPersistentModelIndex

PRIORITY_COLORS = {
    "kritis": "#a50e0e",
    "tinggi": "#8a5300",
    "sedang": "#202124",
    "rendah": "#5f6368",
}
STATUS_COLORS = {
    "terbuka": "#a50e0e",
    "dalam_proses": "#8a5300",
    "selesai": "#0d652d",
    "diverifikasi": "#0d652d",
}


def short_date(d: date, lang: str = "id") -> str:
    """'30 Sep 2024' — table cells stay narrow; forms and reports write the month in full."""
    return format_date(d, "d MMM y", locale="en_GB" if lang == "en" else "id_ID")


def label(pairs: dict[str, tuple[str, str]], code: str, lang: str) -> str:
    pair = pairs.get(code)
    return (pair[1] if lang == "en" else pair[0]) if pair else code


class _RowsModel(QAbstractTableModel):
    columns = 0

    def __init__(self, lang: str = "id", parent: QObject | None = None):
        super().__init__(parent)
        self.lang = lang
        self._rows: list = []

    def set_rows(self, rows: Sequence) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list:
        return list(self._rows)

    def row_at(self, row: int):
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.columns

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):  # type: ignore[override]
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < self.columns
        ):
            return self.headers()[section]
        return None

    def headers(self) -> list[str]:
        raise NotImplementedError


class FindingsModel(_RowsModel):
    """No, finding, direction, priority, owner, due date, status; carried findings marked."""

    columns = COL_STATUS + 1

    def headers(self) -> list[str]:
        return [
            self.tr("No"),
            self.tr("Finding"),
            self.tr("Direction"),
            self.tr("Priority"),
            self.tr("Owner"),
            self.tr("Due"),
            self.tr("Status"),
        ]

    def row_of(self, finding_id: int) -> int:
        return next((i for i, f in enumerate(self._rows) if f.id == finding_id), -1)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[override]
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        f: FindingInfo = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(f, index.row(), col)
        if role == FINDING_ROLE:
            return f
        if role == FINDING_ID_ROLE:
            return f.id
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == COL_PRIORITY:
                return QColor(PRIORITY_COLORS.get(f.priority, "#202124"))
            if col == COL_STATUS:
                return QColor(STATUS_COLORS.get(f.status, "#202124"))
            return None
        if role == Qt.ItemDataRole.FontRole and col == COL_PRIORITY and f.priority == "kritis":
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == COL_NO and f.carried_from:
                raised = plain_date(f.raised_on, self.lang) if f.raised_on else "—"
                return self.tr("Carried from a previous visit (raised %1)").replace("%1", raised)
            if col in (COL_TEXT, COL_DIRECTION):
                return self._display(f, index.row(), col) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_NO:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        return None

    def _display(self, f: FindingInfo, row: int, col: int) -> str:
        if col == COL_NO:
            return f"{row + 1}" + (" ↻" if f.carried_from else "")
        if col == COL_TEXT:
            return f"{f.item_code}: {f.text}" if f.item_code else f.text
        if col == COL_DIRECTION:
            return f.direction
        if col == COL_PRIORITY:
            return label(PRIORITIES, f.priority, self.lang)
        if col == COL_OWNER:
            return f.owner
        if col == COL_DUE:
            return short_date(f.due_date, self.lang) if f.due_date else "—"
        return label(FINDING_STATUSES, f.status, self.lang)


class CarriedFindingsModel(_RowsModel):
    """Earlier visits' open findings: status when carried beside status now."""

    columns = C_NOTE + 1

    def headers(self) -> list[str]:
        return [
            self.tr("Finding"),
            self.tr("Raised"),
            self.tr("Owner"),
            self.tr("Status then"),
            self.tr("Status now"),
            self.tr("Last follow-up note"),
        ]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[override]
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        c: CarriedFinding = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == C_TEXT:
                return c.text
            if col == C_RAISED:
                day = c.raised_on or c.original_visit_date
                return short_date(day, self.lang) if day else "—"
            if col == C_OWNER:
                return c.owner
            if col == C_THEN:
                return label(FINDING_STATUSES, c.status_then, self.lang)
            if col == C_NOW:
                return label(FINDING_STATUSES, c.status_now, self.lang)
            return c.last_note
        if role == FINDING_ROLE:
            return c
        if role == FINDING_ID_ROLE:
            return c.finding_id
        if role == Qt.ItemDataRole.ForegroundRole and col in (C_THEN, C_NOW):
            return QColor(
                STATUS_COLORS.get(c.status_then if col == C_THEN else c.status_now, "#202124")
            )
        if role == Qt.ItemDataRole.FontRole and col == C_NOW and c.status_now != c.status_then:
            font = QFont()
            font.setBold(True)  # progress since the last visit stands out
            return font
        if role == Qt.ItemDataRole.ToolTipRole and col in (C_TEXT, C_NOTE):
            return (c.text if col == C_TEXT else c.last_note) or None
        return None
