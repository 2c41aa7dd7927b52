"""Table model of supervision visits (office, dates, status, total score, template version)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor

from app.i18n import _, label, number, plain_date
from app.monev.codes import VisitStatus
from app.monev.visits import VISIT_STATUSES, VisitInfo, VisitSummary

from ui.widgets.row_table import RowTableModel

VISIT_ROLE = Qt.ItemDataRole.UserRole + 1  # the VisitSummary of the row
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

COL_OFFICE, COL_DATES, COL_STATUS, COL_SCORE, COL_TEMPLATE = range(5)

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def score_text(value: float | None, lang: str | None = None) -> str:
    """'87,5' (Indonesian decimal comma), '—' when nothing is scored yet."""
    if value is None:
        return "—"
    return number(round(value, 1), lang, pattern="#,##0.0")


def date_span(start: date, end: date | None, lang: str | None = None) -> str:
    """'4 Juli 2024', '4–5 Juli 2024' or '30 Juli – 2 Agustus 2024'."""
    if end is None or end == start:
        return plain_date(start, lang)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{plain_date(end, lang)}"
    return f"{plain_date(start, lang)} – {plain_date(end, lang)}"


def visit_status_text(v: VisitSummary | VisitInfo, lang: str | None = None) -> str:
    """'Final', or 'Draf · konflik' for a copy kept by import that a person must settle."""
    status = label(VISIT_STATUSES, v.status, lang)
    if v.conflict_of:
        # A copy kept by import because both sides edited the visit: a person must settle it.
        return _("{0} · conflict", lang).format(status)
    return status


class VisitListModel(RowTableModel):
    """Read-only rows of VisitSummary, newest first as the service gives them."""

    def __init__(self, lang: str | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.lang = lang

    def headers(self) -> list[str]:
        lang = self.lang
        return [
            _("Office", lang),
            _("Dates", lang),
            _("Status", lang),
            _("Total score", lang),
            _("Template", lang),
        ]

    def header_alignment(self, column: int) -> Qt.AlignmentFlag | None:
        return _RIGHT if column == COL_SCORE else None

    def visit_at(self, row: int) -> VisitSummary | None:
        return self.row_at(row)

    def row_of(self, visit_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == visit_id), -1)

    def status_text(self, v: VisitSummary) -> str:
        return visit_status_text(v, self.lang)

    def cell(self, v: VisitSummary, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(v, column)
        if role == VISIT_ROLE:
            return v
        if role == SORT_ROLE:
            if column == COL_DATES:
                return v.start_date.isoformat()
            if column == COL_SCORE:
                return -1.0 if v.total_score is None else float(v.total_score)
            return self._display(v, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_SCORE:
            return int(_RIGHT)
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_STATUS:
            if v.conflict_of:
                return QColor("#a50e0e")
            return QColor("#0d652d" if v.status == VisitStatus.FINAL else "#5f6368")
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_OFFICE:
            return f"{v.office_name} ({v.office_code})"
        return None

    def _display(self, v: VisitSummary, column: int) -> str:
        if column == COL_OFFICE:
            return v.office_name
        if column == COL_DATES:
            return date_span(v.start_date, v.end_date, self.lang)
        if column == COL_STATUS:
            return self.status_text(v)
        if column == COL_SCORE:
            return score_text(v.total_score, self.lang)
        return _("version {0}", self.lang).format(v.template_version)
