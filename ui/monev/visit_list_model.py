"""Table model of supervision visits (office, dates, status, total score, template version)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from babel.numbers import format_decimal

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from app.i18n import plain_date
from app.monev.visits import VISIT_STATUSES, VisitSummary

VISIT_ROLE = Qt.ItemDataRole.UserRole + 1  # the VisitSummary of the row
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

COL_OFFICE, COL_DATES, COL_STATUS, COL_SCORE, COL_TEMPLATE = range(5)
_LAST = COL_TEMPLATE

AnyIndex = QModelIndex | QPersistentModelIndex


def score_text(value: float | None, lang: str = "id") -> str:
    """'87,5' (Indonesian decimal comma), '—' when nothing is scored yet."""
    if value is None:
        return "—"
    return format_decimal(round(value, 1), "#,##0.0", locale="en_GB" if lang == "en" else "id_ID")


def date_span(start: date, end: date | None, lang: str = "id") -> str:
    """'4 Juli 2024', '4–5 Juli 2024' or '30 Juli – 2 Agustus 2024'."""
    if end is None or end == start:
        return plain_date(start, lang)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{plain_date(end, lang)}"
    return f"{plain_date(start, lang)} – {plain_date(end, lang)}"


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


class VisitListModel(QAbstractTableModel):
    """Read-only rows of VisitSummary, newest first as the service gives them."""

    def __init__(self, lang: str = "id", parent: QObject | None = None):
        super().__init__(parent)
        self.lang = lang
        self._rows: list[VisitSummary] = []

    def set_rows(self, rows: Sequence[VisitSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def visit_at(self, row: int) -> VisitSummary | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, visit_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == visit_id), -1)

    def status_text(self, v: VisitSummary) -> str:
        label = (
            _pick(VISIT_STATUSES[v.status], self.lang) if v.status in VISIT_STATUSES else v.status
        )
        if v.conflict_of:
            # A copy kept by import because both sides edited the visit: a person must settle it.
            return self.tr("%1 · conflict").replace("%1", label)
        return label

    # --- Qt model API ----------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else _LAST + 1

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):  # type: ignore[override]
        if orientation != Qt.Orientation.Horizontal or not 0 <= section <= _LAST:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return [
                self.tr("Office"),
                self.tr("Dates"),
                self.tr("Status"),
                self.tr("Total score"),
                self.tr("Template"),
            ][section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section == COL_SCORE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

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
        v = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(v, col)
        if role == VISIT_ROLE:
            return v
        if role == SORT_ROLE:
            if col == COL_DATES:
                return v.start_date.isoformat()
            if col == COL_SCORE:
                return -1.0 if v.total_score is None else float(v.total_score)
            return self._display(v, col)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_SCORE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_STATUS:
            if v.conflict_of:
                return QColor("#a50e0e")
            return QColor("#0d652d" if v.status == "final" else "#5f6368")
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_OFFICE:
            return f"{v.office_name} ({v.office_code})"
        return None

    def _display(self, v: VisitSummary, col: int) -> str:
        if col == COL_OFFICE:
            return v.office_name
        if col == COL_DATES:
            return date_span(v.start_date, v.end_date, self.lang)
        if col == COL_STATUS:
            return self.status_text(v)
        if col == COL_SCORE:
            return score_text(v.total_score, self.lang)
        return self.tr("version %1").replace("%1", str(v.template_version))
