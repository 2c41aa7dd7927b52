"""Table model of the applications list: pages of ApplicationRow read on the worker as the clerk
scrolls (canFetchMore/fetchMore with keyset pages), sorted in the database by a header click."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from app.desk.application_search import PAGE, ApplicationQuery, ApplicationRow
from app.desk.passport import KIND_LABELS, PRODUCT_LABELS
from app.desk.stages import STAGE_LABELS
from app.i18n import _, label, plain_date

from ui.widgets.row_table import RowTableModel

ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the ApplicationRow of the row

# What the clerk reads first comes first: a narrow list still shows number, name and stage.
(COL_NUMBER, COL_DATE, COL_NAME, COL_STAGE, COL_COLLECTION, COL_NIK, COL_KIND,
 COL_PRODUCT) = range(8)  # fmt: skip
COLUMNS = 8
# The sort a header click asks the database for: the orders an index gives (see
# app.desk.application_search._sort_keys). Kind and collection date would sort a million rows
# whole at each click, and the masked NIK is no order anyone needs: those headers stay put.
SORT_OF_COLUMN: dict[int, str] = {
    COL_NUMBER: "number", COL_DATE: "date", COL_NAME: "name", COL_PRODUCT: "product",
    COL_STAGE: "stage",
}  # fmt: skip
COLUMN_OF_SORT = {sort: col for col, sort in SORT_OF_COLUMN.items()}

# What reads a page: (query, the last row shown or None, page size) → rows. Run on the worker.
PageReader = Callable[[ApplicationQuery, ApplicationRow | None, int], list[ApplicationRow]]
# How the model hands work to the worker: run(work, on_done, on_error) as ui.workers.TaskRunner.
Runner = Callable[..., None]
AnyIndex = QModelIndex | QPersistentModelIndex


class ApplicationTableModel(RowTableModel):
    """The applications a query finds, a page at a time; never a query on the UI thread.

    ``search(query)`` starts over; the view's scrolling asks for the next page (fetchMore),
    which the worker reads after the last row shown. A page that arrives for a query already
    replaced is dropped. ``page_loaded(rows_shown, more)`` follows every page.
    """

    page_loaded = Signal(int, bool)
    failed = Signal(object)  # the exception of a page that could not be read

    def __init__(self, read_page: PageReader, run: Runner, lang: str | None = None,
                 parent: QObject | None = None):  # fmt: skip
        super().__init__(parent)
        self.read_page = read_page
        self.run = run
        self.lang = lang
        self.page_size = PAGE
        self.query: ApplicationQuery | None = None
        self._generation = 0
        self._more = False
        self._loading = False
        self._titles: list[str] | None = None
        # The texts of each row shown, by application id, made when the row is first painted.
        self._texts: dict[int, tuple[str, ...]] = {}
        self._bold = QFont()
        self._bold.setBold(True)

    # --- asking ---------------------------------------------------------------

    def search(self, query: ApplicationQuery) -> None:
        self.query = query
        self._generation += 1
        self._texts.clear()
        self.set_rows([])
        self._more = True
        self._load(None)

    def reload(self) -> None:
        if self.query is not None:
            self.search(self.query)

    @property
    def loading(self) -> bool:
        return self._loading

    @property
    def more(self) -> bool:
        """Whether the last page was full, so that scrolling on may find more."""
        return self._more

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008 - Qt's signature
        return not parent.isValid() and self._more and not self._loading and self.query is not None

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._load(self._rows[-1] if self._rows else None)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A header click: the database sorts, from the first page again."""
        sort = SORT_OF_COLUMN.get(column)
        if sort is None or self.query is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (self.query.sort, self.query.descending) != (sort, descending):
            self.search(replace(self.query, sort=sort, descending=descending))

    def _load(self, after: ApplicationRow | None) -> None:
        assert self.query is not None
        self._loading = True
        generation, query, size = self._generation, self.query, self.page_size
        self.run(
            lambda: self.read_page(query, after, size),
            lambda rows: self._arrived(generation, rows),
            lambda exc: self._failed(generation, exc),
        )

    def _arrived(self, generation: int, rows: list[ApplicationRow]) -> None:
        if generation != self._generation:
            return  # the answer to a query the clerk has already changed
        self._loading = False
        self._more = len(rows) >= self.page_size
        if rows:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        self.page_loaded.emit(len(self._rows), self._more)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self._more = False
        self.failed.emit(exc)

    def replace_row(self, row: ApplicationRow) -> None:
        """Show *row* in place of the row with its id (after a step taken here)."""
        for i, old in enumerate(self._rows):
            if old.id == row.id:
                self._rows[i] = row
                self._texts.pop(row.id, None)
                self.dataChanged.emit(self.index(i, 0), self.index(i, COLUMNS - 1))
                return

    def row_of(self, app_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.id == app_id), None)

    # --- showing --------------------------------------------------------------

    def headers(self) -> list[str]:
        if self._titles is None:
            titles = {COL_NUMBER: _("Number", self.lang), COL_DATE: _("Date", self.lang),
                      COL_NAME: _("Name", self.lang), COL_STAGE: _("Stage", self.lang),
                      COL_COLLECTION: _("Collection date", self.lang),
                      COL_NIK: _("NIK", self.lang), COL_KIND: _("Kind", self.lang),
                      COL_PRODUCT: _("Product", self.lang)}  # fmt: skip
            self._titles = [titles[c] for c in range(COLUMNS)]
        return self._titles

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else COLUMNS

    def retranslate(self) -> None:
        self._titles = None
        self._texts.clear()
        super().retranslate()

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # type: ignore[override]
        # Asked for every visible cell, for a dozen roles, at every repaint: the row's texts
        # are made once, and every other role answers at once.
        if role not in _ANSWERED or not index.isValid():
            return None
        row = self.row_at(index.row())
        return None if row is None else self.cell(row, index.column(), role)

    def cell(self, row: ApplicationRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            texts = self._texts.get(row.id)
            if texts is None:
                texts = self._texts[row.id] = self._display(row)
            return texts[column]
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.FontRole and column == COL_NUMBER:
            return self._bold
        return None

    def _display(self, row: ApplicationRow) -> tuple[str, ...]:
        shown = {
            COL_NUMBER: row.number,
            COL_DATE: _day(row.application_date, self.lang),
            COL_NAME: row.name,
            COL_STAGE: label(STAGE_LABELS, row.stage, self.lang),
            COL_COLLECTION: _day(row.collection_date, self.lang) if row.collection_date else "",
            COL_NIK: row.masked_nik,
            COL_KIND: label(KIND_LABELS, row.kind, self.lang),
            COL_PRODUCT: label(PRODUCT_LABELS, row.product, self.lang),
        }
        return tuple(shown[c] for c in range(COLUMNS))


_ANSWERED = frozenset({Qt.ItemDataRole.DisplayRole, ROW_ROLE, Qt.ItemDataRole.FontRole})


_DAYS: dict[tuple[date, str | None], str] = {}


def _day(day: date, lang: str | None) -> str:
    # Babel takes ~0.1 ms a date; a repaint asks for every visible one many times.
    key = (day, lang)
    shown = _DAYS.get(key)
    if shown is None:
        shown = _DAYS[key] = plain_date(day, lang)
    return shown


def application_table_view(model: ApplicationTableModel, lang: str | None = None) -> QTableView:
    """A table that picks one row, sorted by the database, with column widths set once from
    what each column can hold: nothing is measured row by row (ResizeToContents over 10,000
    loaded rows would remeasure them all at every page)."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    # Every row the same height: the view never asks the model to measure one.
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.setSortingEnabled(True)
    view.horizontalHeader().setSortIndicator(COL_NUMBER, Qt.SortOrder.DescendingOrder)
    size_application_columns(view, lang)
    return view


def size_application_columns(view: QTableView, lang: str | None = None) -> None:
    header = view.horizontalHeader()
    plain = view.fontMetrics()
    bold_font = QFont(view.font())
    bold_font.setBold(True)
    widest = {
        COL_NUMBER: QFontMetrics(bold_font).horizontalAdvance("PMH-0000000"),
        COL_DATE: plain.horizontalAdvance(plain_date(date(2024, 12, 28), lang)),
        COL_NAME: plain.horizontalAdvance("SITI RAHMAWATI LUBIS"),
        COL_NIK: plain.horizontalAdvance("1603••••••••0000"),
        COL_KIND: max(plain.horizontalAdvance(label(KIND_LABELS, k, lang)) for k in KIND_LABELS),
        COL_PRODUCT: max(
            plain.horizontalAdvance(label(PRODUCT_LABELS, p, lang)) for p in PRODUCT_LABELS
        ),
        COL_STAGE: max(plain.horizontalAdvance(label(STAGE_LABELS, s, lang)) for s in STAGE_LABELS),
        COL_COLLECTION: plain.horizontalAdvance(plain_date(date(2024, 12, 28), lang)),
    }
    padding = 16
    header.setStretchLastSection(False)
    for column in range(COLUMNS):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        title = header.sectionSizeFromContents(column).width()
        header.resizeSection(column, max(title, widest[column] + padding))
