"""Applications page: every application, found by number, NIK, passport, booking code or a piece of the
name, filtered, sorted, scrolled a page at a time; the one chosen beside the list with its
history and its next steps (F5…)."""

from __future__ import annotations

import re

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.changes import Changes
from app.desk.application_search import (
    ApplicationQuery,
    ApplicationRow,
    office_query,
    search_applications,
)
from app.desk.application_terms import too_short_for_names
from app.desk.application_view import ApplicationView
from app.desk.masking import mask_nik
from app.desk.passport import KIND_LABELS, PRODUCT_LABELS
from app.desk.stages import STAGE_LABELS, parse_application_number
from app.i18n import _, label, ngettext, text
from app.problems import InputRejected

from ui.context import DeskContext
from ui.desk.application_detail import (
    CORRECT_KEY,
    FIRST_STEP_KEY,
    PREVIEW_KEY,
    PRINT_KEY,
    ApplicationDetail,
)
from ui.desk.application_table import (
    COLUMN_OF_SORT,
    ROW_ROLE,
    SORT_OF_COLUMN,
    ApplicationTableModel,
    application_table_view,
)
from ui.desk.step_dialogs import NoteDialog
from ui.widgets.fields import Banner, DateField

SEARCH_DELAY_MS = 250  # typing pauses this long before the list is asked again
STEP_KEYS = 4  # F5–F8: no stage has more steps open than that
# What a barcode scanner types from a receipt: the number with its prefix.
_SCANNED = re.compile(r"^\s*PMH", re.IGNORECASE)


class ApplicationsPage(QWidget):
    """The list on the left, the application chosen on the right (a splitter between them)."""

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self._stale = False
        self._open_single = False  # Enter was pressed: open the only application found
        self._shown_request = 0  # the newest application asked for; older answers are dropped
        self.banner = Banner()
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            _("Number, NIK, passport number, booking code or 3+ letters of the name")
        )
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumHeight(32)
        self.status = QLabel()
        self.status.setStyleSheet("color: #5f6368;")
        self.stage = self._choices(_("All stages"), STAGE_LABELS)
        self.kind = self._choices(_("All kinds"), KIND_LABELS)
        self.product = self._choices(_("All products"), PRODUCT_LABELS)
        self.date_from = DateField()
        self.date_to = DateField()
        for field, tip in ((self.date_from, _("from")), (self.date_to, _("to"))):
            field.setPlaceholderText(tip)
            field.setMaximumWidth(120)
        self.overdue = QCheckBox(_("Overdue for cancellation"))
        self.cancel_overdue = QPushButton(_("Cancel overdue…"))
        self.cancel_overdue.setVisible(False)  # only beside the overdue list it acts on
        self.cancel_dialog: NoteDialog | None = None
        self._notice = ""  # what the last action did, kept in the status line until a new search
        db = ctx.db  # the worker reads pages through it (it may open the database there)
        self.model = ApplicationTableModel(
            lambda q, after, size: search_applications(db, q, after=after, limit=size),
            ctx.runner.run, ctx.lang, self,
        )  # fmt: skip
        self.table = application_table_view(self.model, ctx.lang)
        self.detail = ApplicationDetail(ctx)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self._build()
        self._connect()
        self.search_now()

    def page_title(self) -> str:
        return _("Applications")

    def _choices(self, everything: str, table: dict[str, str]) -> QComboBox:
        box = QComboBox()
        box.addItem(everything, None)
        for code in table:
            box.addItem(label(table, code, self.ctx.lang), code)
        return box

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.status)
        filters = QHBoxLayout()
        for caption, widget in ((_("Stage"), self.stage), (_("Kind"), self.kind),
                                (_("Product"), self.product), (_("Date"), self.date_from),
                                ("–", self.date_to)):  # fmt: skip
            filters.addWidget(QLabel(caption))
            filters.addWidget(widget)
        filters.addWidget(self.overdue)
        filters.addWidget(self.cancel_overdue)
        filters.addStretch(1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([720, 440])  # at 1366×698 the list keeps number, date, name, stage
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)

    def _connect(self) -> None:
        self.timer.timeout.connect(self.search_now)
        self.search.textChanged.connect(lambda _text: self.timer.start())
        self.search.returnPressed.connect(self._entered)
        for box in (self.stage, self.kind, self.product):
            box.currentIndexChanged.connect(lambda _i: self.search_now())
        for field in (self.date_from, self.date_to):
            field.textChanged.connect(lambda _t, f=field: self._date_edited(f))
        self.overdue.toggled.connect(self._overdue_toggled)
        self.cancel_overdue.clicked.connect(self.ask_cancel_overdue)
        self.model.page_loaded.connect(self._page_loaded)
        self.model.failed.connect(
            lambda exc: self.banner.show_message(self.ctx.reason(exc), "error")
        )
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.detail.stepped.connect(self._stepped)
        self.ctx.changed.connect(self._on_changed)
        keys: list[tuple[str, object]] = [
            (f"F{FIRST_STEP_KEY + i}", lambda i=i: self._step_key(i)) for i in range(STEP_KEYS)
        ]
        keys += [(CORRECT_KEY, self.detail.correct_last_step),
                 (PREVIEW_KEY, self.detail.preview_receipt),
                 (PRINT_KEY, self.detail.print_receipt),
                 ("Ctrl+F", self._focus_search), ("Ctrl+R", self.model.reload)]  # fmt: skip
        self.shortcuts = []
        for key, slot in keys:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
            self.shortcuts.append(shortcut)

    # --- the list ---------------------------------------------------------------

    def query(self) -> ApplicationQuery:
        """What the search box and the filters ask for, in the header's sort order."""
        header = self.table.horizontalHeader()
        sort = SORT_OF_COLUMN.get(header.sortIndicatorSection(), "number")
        descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
        return office_query(
            self.ctx.settings, text=self.search.text(), stage=self.stage.currentData(),
            kind=self.kind.currentData(), product=self.product.currentData(),
            date_from=self.date_from.date(), date_to=self.date_to.date(),
            overdue=self.overdue.isChecked(), sort=sort, descending=descending,
        )  # fmt: skip

    def search_now(self) -> None:
        self.timer.stop()
        self._stale = False
        self._notice = ""
        self.banner.show_message("")
        self.status.setText(_("Searching…"))
        self.model.search(self.query())

    def _date_edited(self, field: DateField) -> None:
        if field.is_blank() or field.is_complete():
            self.search_now()

    def _entered(self) -> None:
        typed = self.search.text()
        app_id = parse_application_number(typed)
        if app_id is not None and _SCANNED.match(typed):
            self.open_application(app_id)  # a scanned receipt: that application, at once
        self._open_single = app_id is None or not _SCANNED.match(typed)
        self.search_now()

    def _page_loaded(self, shown: int, more: bool) -> None:
        typed = self.search.text()
        if shown == 0:
            words = _("No application found.")
            if too_short_for_names(typed):
                words = text("search.short", self.ctx.lang)
        else:
            words = ngettext("{n} application", "{n} applications", shown).format(n=shown)
            if more:
                words = _("{0} — more as you scroll").format(
                    ngettext("first {n} application", "first {n} applications", shown).format(
                        n=shown
                    )
                )
        self.status.setText(f"{self._notice} — {words}" if self._notice else words)
        if self._open_single:
            self._open_single = False
            if shown == 1:
                self.open_application(self.model.row_at(0).id)
            elif shown:
                self.table.setFocus()
                self.table.selectRow(0)
        elif self.detail.view is not None:
            row = self.model.row_of(self.detail.view.id)
            if row is not None:
                self._select_quietly(row)

    def _select_quietly(self, row: int) -> None:
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        self.table.selectRow(row)
        selection.blockSignals(False)

    def _row_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = current.data(ROW_ROLE) if current.isValid() else None
        if isinstance(row, ApplicationRow) and (
            self.detail.view is None or self.detail.view.id != row.id
        ):
            self.open_application(row.id)

    # --- cancelling the uncollected ---------------------------------------------------

    def _overdue_toggled(self, on: bool) -> None:
        self.cancel_overdue.setVisible(on)
        self.search_now()

    def ask_cancel_overdue(self) -> None:
        """Read which applications are overdue now (on the worker), then ask the reason."""
        from app.desk.application_steps import overdue_for_cancellation

        db, settings = self.ctx.db, self.ctx.settings
        self.cancel_overdue.setEnabled(False)
        self.ctx.runner.run(
            lambda: [row.id for row in overdue_for_cancellation(db, settings)],
            self._confirm_cancel,
            self._cancel_failed,
        )

    def _confirm_cancel(self, ids: list[int]) -> None:
        self.cancel_overdue.setEnabled(True)
        if not ids:
            self.status.setText(_("No application is overdue for cancellation."))
            return
        days = self.ctx.settings.uncollected_cancel_days
        intro = ngettext(
            "{n} application ready and not collected for more than {days} days will be "
            "cancelled. Give the reason; it is kept in its stage history.",
            "{n} applications ready and not collected for more than {days} days will be "
            "cancelled. Give the reason; it is kept in each one's stage history.",
            len(ids),
        ).format(n=len(ids), days=days)
        dialog = NoteDialog(_("Cancel overdue applications"), intro, _("&Reason"), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.submitted.connect(lambda reason: self._cancel(ids, reason))
        dialog.finished.connect(lambda _result: self._cancel_closed(dialog))
        self.cancel_dialog = dialog
        dialog.open()  # not exec(): the worker's answer must reach the dialog

    def _cancel_closed(self, dialog: NoteDialog) -> None:
        if self.cancel_dialog is dialog:
            self.cancel_dialog = None

    def _cancel(self, ids: list[int], reason: str) -> None:
        from app.desk.application_steps import cancel_overdue

        ctx = self.ctx
        db, settings, officer, counter = ctx.db, ctx.settings, ctx.officer, ctx.counter
        ctx.run_op(
            lambda: cancel_overdue(
                db, settings, ids, reason, officer=officer, counter=counter
            ),  # fmt: skip
            lambda _changes: self._cancelled(len(ids)),
            self._cancel_failed,
        )

    def _cancelled(self, n: int) -> None:
        if self.cancel_dialog is not None:
            self.cancel_dialog.accept()
        self._notice = ngettext(
            "{n} application cancelled", "{n} applications cancelled", n
        ).format(n=n)
        self.status.setText(self._notice)  # the list read again after the change adds its count

    def _cancel_failed(self, exc: BaseException) -> None:
        self.cancel_overdue.setEnabled(True)
        if self.cancel_dialog is not None and isinstance(exc, InputRejected):
            self.cancel_dialog.show_problems(exc, self.ctx.lang)
            return
        if self.cancel_dialog is not None:
            self.cancel_dialog.reject()
        self.banner.show_message(self.ctx.reason(exc), "error")

    # --- the application -----------------------------------------------------------

    def open_application(self, app_id: int) -> None:
        """Show application *app_id* beside the list (read on the worker)."""
        from app.desk.application_steps import application_view

        self._shown_request += 1
        request, db = self._shown_request, self.ctx.db
        self.ctx.runner.run(
            lambda: application_view(db, app_id),
            lambda view: self._opened(request, view),
            lambda exc: self._open_failed(request, exc),
        )

    def _opened(self, request: int, view: ApplicationView) -> None:
        if request != self._shown_request:
            return  # the clerk has chosen another meanwhile
        self.banner.show_message("")
        self.detail.show_view(view)
        row = self.model.row_of(view.id)
        if row is not None:
            self._select_quietly(row)

    def _open_failed(self, request: int, exc: BaseException) -> None:
        if request == self._shown_request:
            self.banner.show_message(self.ctx.reason(exc), "error")

    def _step_key(self, index: int) -> None:
        stage = self.detail.next_stage(index)
        if stage is not None:
            self.detail.advance_to(stage)

    def _stepped(self, view: ApplicationView) -> None:
        self.model.replace_row(row_of_view(view))

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # --- changes made elsewhere ---------------------------------------------------

    def _on_changed(self, changes: Changes) -> None:
        if not (changes.applications or changes.applicants):
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True  # read again when the clerk comes back to this page

    def refresh(self) -> None:
        """Read the application shown again, and the list when it is one page (a list scrolled
        far is kept where the clerk is: Ctrl+R reads it again)."""
        self._stale = False
        if self.detail.view is not None:
            self.open_application(self.detail.view.id)
        if self.model.rowCount() <= self.model.page_size:
            self.model.search(self.query())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def sort_by(self, sort: str, descending: bool = True) -> None:
        """Sort as a header click does (for the keyboard and for tests)."""
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        self.table.sortByColumn(COLUMN_OF_SORT[sort], order)


def row_of_view(view: ApplicationView) -> ApplicationRow:
    """The list's row of an application as a step left it."""
    return ApplicationRow(
        view.id, view.number, view.application_date, view.name,
        mask_nik(view.nik) if view.nik else "", view.kind, view.product, view.stage,
        view.collection_date, view.booking_code,
    )  # fmt: skip
