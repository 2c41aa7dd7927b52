"""Table model of a day's queue tickets (queue page and the registration page's today's list),
and the column widths of a view showing it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from functools import lru_cache
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics
from PySide6.QtWidgets import QHeaderView, QTableView

from app.i18n import _, clock, label
from app.queue.numbering import PRIORITIES, SERVICE_NAMES, STATUS_LABELS
from app.queue.ticket_rows import TicketInfo

from ui.widgets.row_table import RowTableModel

# Roles (module constants so views, proxies and tests share them).
TICKET_ROLE = Qt.ItemDataRole.UserRole + 1  # the TicketInfo of the row
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2  # raw status code, for the status filter
SORT_ROLE = Qt.ItemDataRole.UserRole + 3  # a value that sorts naturally (numbers as numbers)

COL_NUMBER, COL_SERVICE, COL_PRIORITY, COL_STATUS, COL_ISSUED, COL_COUNTER, COL_PRINTED = range(7)
COLUMNS = 7

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


@lru_cache(maxsize=8192)
def _clock(t: datetime, lang: str | None) -> str:
    # Babel formats a time in ~0.1 ms; a repaint of 2,000 rows asks for each many times.
    return clock(t, lang)


def _micros(t: datetime) -> int:
    return ((t.hour * 60 + t.minute) * 60 + t.second) * 1_000_000 + t.microsecond


def _shown(t: TicketInfo) -> tuple[object, ...]:
    """What the columns show of a ticket (its place in the queue, say, is not a column)."""
    return (t.number, t.service_prefix or t.prefix, t.priority, t.status, t.issued_at,
            t.counter, t.printed_count)  # fmt: skip


class TicketTableModel(RowTableModel):
    """Read-only rows of TicketInfo; `set_rows` replaces them, keeping selections where it can.

    The model keeps its rows in the order the header asks for (`sort`): one Python sort by
    key. A sorting QSortFilterProxyModel compares rows through data() across the Python
    boundary instead, ~23,000 calls (243–277 ms on the UI thread) for a day's first load of
    2,000 tickets (bench/bench_ui_stalls.py); `TicketFilterProxy` only filters.
    """

    def __init__(self, lang: str | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.lang = lang
        self._rows: list[TicketInfo] = []
        # Newest first, as tickets_on returns them: new tickets come in on top.
        self._sort_column = COL_ISSUED
        self._descending = True

    def _sorted(self, rows: Sequence[TicketInfo]) -> list[TicketInfo]:
        column = self._sort_column
        return sorted(rows, key=lambda t: self._sort_key(t, column), reverse=self._descending)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order the rows by *column* (a header click), keeping the selection on its tickets."""
        if not 0 <= column < COLUMNS:
            return
        self.layoutAboutToBeChanged.emit()
        kept = [(p, self._rows[p.row()].id) for p in self.persistentIndexList() if p.isValid()]
        self._sort_column = column
        self._descending = order == Qt.SortOrder.DescendingOrder
        self._rows = self._sorted(self._rows)
        where = {t.id: i for i, t in enumerate(self._rows)}
        for old, ticket_id in kept:
            self.changePersistentIndex(old, self.index(where[ticket_id], old.column()))
        self.layoutChanged.emit()

    # --- feeding ---------------------------------------------------------

    def set_rows(self, rows: Sequence[TicketInfo]) -> None:
        """Show *rows*; same tickets → changed cells only, new tickets on top → inserted rows.

        Rows whose shown cells changed are announced in runs of neighbours (one dataChanged
        per run, not per row). A row whose columns look the same — after a call every waiting
        ticket's place in the queue moves, and no column shows it — is updated silently:
        Qt's sorting proxy re-sorts every row of a dataChanged whatever its roles (measured:
        8,000 sort-key reads for 2,000 rows), and TICKET_ROLE is read when a row is picked,
        never kept by a view.
        """
        new = self._sorted(rows)
        old_ids = [r.id for r in self._rows]
        new_ids = [r.id for r in new]
        added = len(new_ids) - len(old_ids)
        if old_ids and added >= 0 and new_ids[added:] == old_ids:
            # The usual refresh: nothing moved, maybe new tickets at the top (newest first).
            if added:
                self.beginInsertRows(QModelIndex(), 0, added - 1)
                self._rows[0:0] = new[:added]
                self.endInsertRows()
            runs: list[list[int]] = []  # [first, last] of rows whose shown cells changed
            for i in range(added, len(new)):
                old = self._rows[i]
                if new[i] == old:
                    continue
                self._rows[i] = new[i]
                if _shown(new[i]) == _shown(old):
                    continue
                if runs and runs[-1][1] == i - 1:
                    runs[-1][1] = i
                else:
                    runs.append([i, i])
            for first, last in runs:
                self.dataChanged.emit(self.index(first, 0), self.index(last, COLUMNS - 1))
            return
        super().set_rows(new)

    def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        # Asked for on every paint and index: a constant, not a translated header list.
        return 0 if parent.isValid() else COLUMNS

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == SORT_ROLE:
            # The sorting proxy asks ~13 times per row when a day's list first loads: the
            # shortest way to the key (the index comes from the proxy: always valid).
            row = index.row()
            if 0 <= row < len(self._rows):
                return self._sort_key(self._rows[row], index.column())
            return None
        return super().data(index, role)

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
            return _clock(t.issued_at, self.lang)
        if col == COL_COUNTER:
            return t.counter or ""
        return t.printed_count

    def _sort_key(self, t: TicketInfo, col: int) -> str | int:
        if col == COL_NUMBER:
            return f"{t.prefix}{t.sequence:06d}"  # A-1000 after A-999
        if col == COL_ISSUED:
            # An int compares in C++ without a conversion; the number breaks a tie in time.
            return t.issued_at.toordinal() * 86_400_000_000 + _micros(t.issued_at) + t.sequence
        if col == COL_PRINTED:
            return t.printed_count
        return str(self._display(t, col))


class TicketFilterProxy(QSortFilterProxyModel):
    """Filters a TicketTableModel by status; a header click sorts the model itself (see there)."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if source is not None:
            source.sort(column, order)


def size_ticket_columns(view: QTableView, lang: str | None = None) -> None:
    """Give a ticket table fixed column widths from what each column can hold — the widest
    status and priority words in *lang*, a four-digit number, a time — and let Service take
    the rest. Nothing is measured row by row: ResizeToContents over a day's 2,000 tickets
    took a second on every reload. The clerk may still drag a column wider.
    """
    header = view.horizontalHeader()
    plain = view.fontMetrics()
    bold_font = QFont(view.font())
    bold_font.setBold(True)
    bold = QFontMetrics(bold_font)
    widest: dict[int, int] = {
        COL_NUMBER: bold.horizontalAdvance("W-0000"),
        COL_PRIORITY: max(plain.horizontalAdvance(label(PRIORITIES, p, lang)) for p in PRIORITIES),
        COL_STATUS: max(
            plain.horizontalAdvance(label(STATUS_LABELS, s, lang)) for s in STATUS_LABELS
        ),
        COL_ISSUED: plain.horizontalAdvance(clock(datetime(2000, 1, 1, 23, 58), lang)),
        COL_COUNTER: plain.horizontalAdvance("0000"),
        COL_PRINTED: plain.horizontalAdvance("00"),
    }
    padding = 2 * view.style().pixelMetric(view.style().PixelMetric.PM_FocusFrameHMargin) + 12
    header.setStretchLastSection(False)
    for column in range(COLUMNS):
        if column == COL_SERVICE:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            continue
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        # The title with its sort arrow, from the header itself (one section, not the rows).
        title = header.sectionSizeFromContents(column).width()
        header.resizeSection(column, max(title, widest[column] + padding))
