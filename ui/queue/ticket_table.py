"""Table model of a day's queue tickets (queue page and the registration page's today's list)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from app.i18n import clock
from app.queue.numbering import PRIORITIES, STATUS_LABELS
from app.queue.ticket_rows import TicketInfo

# Roles (module constants so views, proxies and tests share them).
TICKET_ROLE = Qt.ItemDataRole.UserRole + 1  # the TicketInfo of the row
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2  # raw status code, for the status filter
SORT_ROLE = Qt.ItemDataRole.UserRole + 3  # a value that sorts naturally (numbers as numbers)

COL_NUMBER, COL_SERVICE, COL_PRIORITY, COL_STATUS, COL_ISSUED, COL_COUNTER, COL_PRINTED = range(7)

# Quiet status colours: a clerk scans for "waiting" and "called" at a glance.
_STATUS_COLORS = {
    "waiting": "#174ea6",
    "called": "#8a5300",
    "serving": "#0d652d",
    "no_show": "#a50e0e",
    "cancelled": "#5f6368",
    "done": "#5f6368",
}

AnyIndex = QModelIndex | QPersistentModelIndex


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


class TicketTableModel(QAbstractTableModel):
    """Read-only rows of TicketInfo; `set_rows` replaces them, keeping selections where it can."""

    def __init__(self, lang: str = "id", parent: QObject | None = None):
        super().__init__(parent)
        self.lang = lang
        self._rows: list[TicketInfo] = []

    # --- feeding ---------------------------------------------------------

    def set_rows(self, rows: Sequence[TicketInfo]) -> None:
        """Show *rows*; same tickets → changed cells only, new tickets on top → inserted rows."""
        new = list(rows)
        old_ids = [r.id for r in self._rows]
        new_ids = [r.id for r in new]
        added = len(new_ids) - len(old_ids)
        if old_ids and added >= 0 and new_ids[added:] == old_ids:
            # The usual refresh: nothing moved, maybe new tickets at the top (newest first).
            if added:
                self.beginInsertRows(QModelIndex(), 0, added - 1)
                self._rows[0:0] = new[:added]
                self.endInsertRows()
            for i in range(added, len(new)):
                if new[i] != self._rows[i]:
                    self._rows[i] = new[i]
                    self.dataChanged.emit(self.index(i, 0), self.index(i, COL_PRINTED))
            return
        self.beginResetModel()
        self._rows = new
        self.endResetModel()

    def set_lang(self, lang: str) -> None:
        if lang == self.lang:
            return
        self.lang = lang
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COL_PRINTED)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, COL_PRINTED))

    def rows(self) -> list[TicketInfo]:
        return list(self._rows)

    def row_of(self, ticket_id: int) -> int:
        """Row number of a ticket, or -1."""
        for i, r in enumerate(self._rows):
            if r.id == ticket_id:
                return i
        return -1

    def ticket_at(self, row: int) -> TicketInfo | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    # --- Qt model API ----------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COL_PRINTED + 1

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):  # type: ignore[override]
        if orientation != Qt.Orientation.Horizontal or not 0 <= section <= COL_PRINTED:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers()[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section == COL_PRINTED:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _headers(self) -> list[str]:
        return [
            self.tr("Number"),
            self.tr("Service"),
            self.tr("Priority"),
            self.tr("Status"),
            self.tr("Taken"),
            self.tr("Counter"),
            self.tr("Printed"),
        ]

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[override]
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        t = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(t, col)
        if role == TICKET_ROLE:
            return t
        if role == STATUS_ROLE:
            return t.status
        if role == SORT_ROLE:
            return self._sort_key(t, col)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (COL_PRINTED, COL_COUNTER):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_STATUS:
            return QColor(_STATUS_COLORS.get(t.status, "#202124"))
        if role == Qt.ItemDataRole.FontRole and col == COL_NUMBER:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_PRIORITY and t.priority:
            return self._display(t, col)
        return None

    def _display(self, t: TicketInfo, col: int) -> str | int:
        if col == COL_NUMBER:
            return t.number
        if col == COL_SERVICE:
            return t.service_name_en if self.lang == "en" else t.service_name_id
        if col == COL_PRIORITY:
            return _pick(PRIORITIES[t.priority], self.lang) if t.priority in PRIORITIES else ""
        if col == COL_STATUS:
            pair = STATUS_LABELS.get(t.status)
            return _pick(pair, self.lang) if pair else t.status
        if col == COL_ISSUED:
            return clock(t.issued_at, self.lang)
        if col == COL_COUNTER:
            return t.counter or ""
        return t.printed_count

    def _sort_key(self, t: TicketInfo, col: int) -> str | int:
        if col == COL_NUMBER:
            return f"{t.prefix}{t.sequence:06d}"  # A-1000 after A-999
        if col == COL_ISSUED:
            return t.issued_at.isoformat()
        if col == COL_PRINTED:
            return t.printed_count
        return str(self._display(t, col))
