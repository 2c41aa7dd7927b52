"""The publicity log as a table: date, kind, title, place or channel, audience, photo."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt

from app.figures.activity_model import ACTIVITY_KINDS, ActivityInfo
from app.i18n import _, label, number, plain_date

from ui.widgets.row_table import AnyIndex, RowTableModel

COL_DATE, COL_KIND, COL_TITLE, COL_PLACE, COL_AUDIENCE, COL_PHOTO = range(6)
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ACTIVITY_ROLE = Qt.ItemDataRole.UserRole + 2
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class ActivityTableModel(RowTableModel):
    """One row per ActivityInfo."""

    def __init__(self, lang: str, parent: QObject | None = None):
        super().__init__(parent)
        self.lang = lang

    def headers(self) -> list[str]:
        return [_("Date", self.lang), _("Kind", self.lang), _("Title", self.lang),
                _("Place or channel", self.lang), _("Audience", self.lang),
                _("Photo", self.lang)]  # fmt: skip

    def header_alignment(self, column: int) -> Qt.AlignmentFlag | None:
        return _RIGHT if column == COL_AUDIENCE else None

    def row_of(self, activity_id: int) -> int:
        for i, a in enumerate(self._rows):
            if a.id == activity_id:
                return i
        return -1

    def cell(self, row: ActivityInfo, column: int, role: int) -> Any:
        if role == ACTIVITY_ROLE:
            return row
        if role == SORT_ROLE:
            keys: list[Any] = [(row.activity_date, row.id), label(ACTIVITY_KINDS, row.kind, self.lang),
                               row.title.casefold(), (row.place or "").casefold(),
                               -1 if row.audience is None else row.audience,
                               int(row.attachment_id is not None)]  # fmt: skip
            key = keys[column]
            return key if not isinstance(key, tuple) else f"{key[0].isoformat()}:{key[1]:09d}"
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_DATE:
                return plain_date(row.activity_date, self.lang)
            if column == COL_KIND:
                return label(ACTIVITY_KINDS, row.kind, self.lang)
            if column == COL_TITLE:
                return row.title
            if column == COL_PLACE:
                return row.place or "–"
            if column == COL_AUDIENCE:
                return "–" if row.audience is None else number(row.audience, self.lang)
            if column == COL_PHOTO:
                return _("Yes", self.lang) if row.attachment_id is not None else "–"
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_AUDIENCE:
            return int(_RIGHT)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_PHOTO:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_TITLE and row.note:
            return row.note
        return None


class YearFilter(QSortFilterProxyModel):
    """Rows of one year (None: every year), sorted by SORT_ROLE."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.year: int | None = None
        self.setSortRole(SORT_ROLE)

    def set_year(self, year: int | None) -> None:
        self.beginFilterChange()
        self.year = year
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if self.year is None:
            return True
        model = self.sourceModel()
        row = model.row_at(source_row) if isinstance(model, ActivityTableModel) else None
        return row is not None and row.activity_date.year == self.year
