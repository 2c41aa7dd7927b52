"""Table models of a visit's findings and directions, and of the findings carried from earlier visits."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QFont

from app.i18n import _, babel_locale, label, plain_date
from app.monev.codes import FindingStatus
from app.monev.findings import FINDING_STATUSES, PRIORITIES, CarriedFinding, FindingInfo

from ui.widgets.row_table import RowTableModel

FINDING_ROLE = Qt.ItemDataRole.UserRole + 1  # FindingInfo / CarriedFinding of the row
FINDING_ID_ROLE = Qt.ItemDataRole.UserRole + 2

COL_NO, COL_TEXT, COL_DIRECTION, COL_PRIORITY, COL_OWNER, COL_DUE, COL_STATUS = range(7)
C_TEXT, C_RAISED, C_OWNER, C_THEN, C_NOW, C_NOTE = range(6)

PRIORITY_COLORS = {
    "kritis": "#a50e0e",
    "tinggi": "#8a5300",
    "sedang": "#202124",
    "rendah": "#5f6368",
}
STATUS_COLORS = {
    FindingStatus.OPEN: "#a50e0e",
    FindingStatus.IN_PROGRESS: "#8a5300",
    FindingStatus.DONE: "#0d652d",
    FindingStatus.VERIFIED: "#0d652d",
}


def short_date(d: date, lang: str | None = None) -> str:
    """'30 Sep 2024' — table cells stay narrow; forms and reports write the month in full."""
    from babel.dates import format_date

    return format_date(d, "d MMM y", locale=babel_locale(lang))


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


class FindingsModel(RowTableModel):
    """No, finding, direction, priority, owner, due date, status; carried findings marked."""

    def __init__(self, lang: str | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.lang = lang
        self._row_by_id: dict[int, int] = {}

    def set_rows(self, rows: Sequence[FindingInfo]) -> None:
        self._row_by_id = {f.id: i for i, f in enumerate(rows)}
        super().set_rows(rows)

    def headers(self) -> list[str]:
        lang = self.lang
        return [
            _("No.", lang),
            _("Finding", lang),
            _("Direction", lang),
            _("Priority", lang),
            _("Owner", lang),
            _("Due", lang),
            _("Status", lang),
        ]

    def row_of(self, finding_id: int) -> int:
        return self._row_by_id.get(finding_id, -1)

    def cell(self, f: FindingInfo, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(f, column)
        if role == FINDING_ROLE:
            return f
        if role == FINDING_ID_ROLE:
            return f.id
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == COL_PRIORITY:
                return QColor(PRIORITY_COLORS.get(f.priority, "#202124"))
            if column == COL_STATUS:
                return QColor(STATUS_COLORS.get(f.status, "#202124"))
            return None
        if role == Qt.ItemDataRole.FontRole and column == COL_PRIORITY and f.priority == "kritis":
            return _bold()
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COL_NO and f.carried_from:
                raised = plain_date(f.raised_on, self.lang) if f.raised_on else "—"
                return _("Carried from a previous visit (raised {0})", self.lang).format(raised)
            if column in (COL_TEXT, COL_DIRECTION):
                return self._display(f, column) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_NO:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        return None

    def _display(self, f: FindingInfo, column: int) -> str:
        if column == COL_NO:
            return f"{self.row_of(f.id) + 1}" + (" ↻" if f.carried_from else "")
        if column == COL_TEXT:
            return f"{f.item_code}: {f.text}" if f.item_code else f.text
        if column == COL_DIRECTION:
            return f.direction
        if column == COL_PRIORITY:
            return label(PRIORITIES, f.priority, self.lang)
        if column == COL_OWNER:
            return f.owner
        if column == COL_DUE:
            return short_date(f.due_date, self.lang) if f.due_date else "—"
        return label(FINDING_STATUSES, f.status, self.lang)


class CarriedFindingsModel(RowTableModel):
    """Earlier visits' open findings: status when carried beside status now."""

    def __init__(self, lang: str | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.lang = lang

    def headers(self) -> list[str]:
        lang = self.lang
        return [
            _("Finding", lang),
            _("Raised", lang),
            _("Owner", lang),
            _("Status then", lang),
            _("Status now", lang),
            _("Last follow-up note", lang),
        ]

    def cell(self, c: CarriedFinding, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == C_TEXT:
                return c.text
            if column == C_RAISED:
                day = c.raised_on or c.original_visit_date
                return short_date(day, self.lang) if day else "—"
            if column == C_OWNER:
                return c.owner
            if column == C_THEN:
                return label(FINDING_STATUSES, c.status_then, self.lang)
            if column == C_NOW:
                return label(FINDING_STATUSES, c.status_now, self.lang)
            return c.last_note
        if role == FINDING_ROLE:
            return c
        if role == FINDING_ID_ROLE:
            return c.finding_id
        if role == Qt.ItemDataRole.ForegroundRole and column in (C_THEN, C_NOW):
            status = c.status_then if column == C_THEN else c.status_now
            return QColor(STATUS_COLORS.get(status, "#202124"))
        if role == Qt.ItemDataRole.FontRole and column == C_NOW and c.status_now != c.status_then:
            return _bold()  # progress since the last visit stands out
        if role == Qt.ItemDataRole.ToolTipRole and column in (C_TEXT, C_NOTE):
            return (c.text if column == C_TEXT else c.last_note) or None
        return None
