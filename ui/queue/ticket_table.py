"""Table model of a day's queue tickets (queue page and the registration page's today's list)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QColor, QFont

from app.i18n import _, clock, label
from app.queue.numbering import PRIORITIES, SERVICE_NAMES, STATUS_LABELS
from app.queue.ticket_rows import TicketInfo

from ui.widgets.row_table import RowTableModel

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
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class TicketTableModel(RowTableModel):
    """Read-only rows of TicketInfo; `set_rows` replaces them, keeping selections where it can."""

    def __init__(self, lang: str | None = None, parent: QObject | None = None):
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
        super().set_rows(new)

    def set_lang(self, lang: str | None) -> None:
        if lang == self.lang:
            return
        self.lang = lang
        self.retranslate()

    def row_of(self, ticket_id: int) -> int:
        """Row number of a ticket, or -1."""
        for i, r in enumerate(self._rows):
            if r.id == ticket_id:
                return i
        return -1

    def ticket_at(self, row: int) -> TicketInfo | None:
        return self.row_at(row)

    # --- what the table shows --------------------------------------------

    def headers(self) -> list[str]:
        lang = self.lang
        return [
            _("Number", lang),
            _("Service", lang),
            _("Priority", lang),
            _("Status", lang),
            _("Taken", lang),
            _("Counter", lang),
            _("Printed", lang),
        ]

    def header_alignment(self, column: int) -> Qt.AlignmentFlag | None:
        return _RIGHT if column == COL_PRINTED else None

    def cell(self, t: TicketInfo, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(t, col)
        if role == TICKET_ROLE:
            return t
        if role == STATUS_ROLE:
            return t.status
        if role == SORT_ROLE:
            return self._sort_key(t, col)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (COL_PRINTED, COL_COUNTER):
            return int(_RIGHT)
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
            # A transferred ticket keeps its number but now waits for another service.
            return label(SERVICE_NAMES, t.service_prefix or t.prefix, self.lang)
        if col == COL_PRIORITY:
            return label(PRIORITIES, t.priority, self.lang) if t.priority in PRIORITIES else ""
        if col == COL_STATUS:
            return label(STATUS_LABELS, t.status, self.lang)
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
