"""Findings tab: findings and directions with owner and due date, follow-up notes, carried-forward findings."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.changes import Changes
from app.i18n import _, label
from app.monev.codes import FindingStatus
from app.monev.findings import (
    FINDING_STATUSES,
    PRIORITIES,
    CarriedFinding,
    FindingDraft,
    FindingInfo,
    add_finding,
    add_follow_up,
    carried_findings,
    delete_finding,
    findings_of,
    update_finding,
)
from app.monev.templates import TemplateData
from app.problems import InputRejected

from ui.context import DeskContext
from ui.monev.findings_model import (
    C_NOTE,
    C_TEXT,
    COL_DIRECTION,
    COL_TEXT,
    FINDING_ID_ROLE,
    CarriedFindingsModel,
    FindingsModel,
)
from ui.monev.follow_up import FollowUpBox
from ui.monev.visit_panel import VisitPanel
from ui.widgets.fields import DateField, FieldError, checked_field


def _table(model) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return view


def _combo(table: dict[str, str], lang: str | None) -> QComboBox:
    combo = QComboBox()
    for code in table:
        combo.addItem(label(table, code, lang), code)
    return combo


class FindingsPanel(VisitPanel):
    """The visit's findings beside the form of the one selected, its follow-up, and earlier visits' findings."""

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        lang = ctx.lang
        self.editing: int | None = None  # id of the finding in the form; None: a new one
        self.errors: dict[str, FieldError] = {}
        self.model = FindingsModel(lang, self)
        self.carried_model = CarriedFindingsModel(lang, self)
        self.view = _table(self.model)
        header = self.view.horizontalHeader()
        for col in (COL_TEXT, COL_DIRECTION):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        self.carried_view = _table(self.carried_model)
        for col in (C_TEXT, C_NOTE):
            self.carried_view.horizontalHeader().setSectionResizeMode(
                col, QHeaderView.ResizeMode.Stretch
            )
        self.text = QPlainTextEdit()
        self.direction = QPlainTextEdit()
        for box in (self.text, self.direction):
            box.setTabChangesFocus(True)
            box.setMinimumHeight(54)
            box.setMaximumHeight(90)
        self.priority = _combo(PRIORITIES, lang)
        self.priority.setCurrentIndex(self.priority.findData("sedang"))
        self.owner = QLineEdit()
        self.owner.setMaxLength(120)
        self.owner.setPlaceholderText(_("e.g. Kepala Seksi Lalu Lintas Keimigrasian"))
        self.due = DateField()
        self.status = _combo(FINDING_STATUSES, lang)
        self.item = QComboBox()
        # Item texts are long: the combo shows what fits, the open list shows them whole.
        self.item.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.item.setMinimumContentsLength(18)
        self.new_button = QPushButton(_("&New finding"))
        self.save_button = QPushButton(_("&Save finding") + "  (Ctrl+S)")
        self.delete_button = QPushButton(_("&Delete"))
        self.follow = FollowUpBox(lang)
        self.form_title = QLabel()
        self.form_title.setStyleSheet("font-weight: bold;")
        self._build()
        self._connect()
        self.new_finding(focus=False)

    def _build(self) -> None:
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        head = QLabel(
            _("Findings and directions of this visit (↻ = carried from an earlier visit)")
        )
        head.setWordWrap(True)
        ll.addWidget(head)
        ll.addWidget(self.view, 3)
        carried_head = QLabel(_("Carried from previous visits: status then and now"))
        carried_head.setStyleSheet("font-weight: bold; margin-top: 6px;")
        carried_head.setWordWrap(True)
        ll.addWidget(carried_head)
        ll.addWidget(self.carried_view, 2)

        form_box = QGroupBox(_("Finding"))
        ff = QFormLayout(form_box)
        ff.addRow(self.form_title)
        ff.addRow(_("&Finding:"), checked_field(self.text, self.errors, "text"))
        ff.addRow(_("Di&rection:"), checked_field(self.direction, self.errors, "direction"))
        ff.addRow(_("&Priority:"), checked_field(self.priority, self.errors, "priority"))
        ff.addRow(_("&Owner at the office:"), checked_field(self.owner, self.errors, "owner"))
        ff.addRow(_("D&ue date:"), checked_field(self.due, self.errors, "due_date"))
        ff.addRow(_("S&tatus:"), checked_field(self.status, self.errors, "status"))
        ff.addRow(_("Checklist &item:"), checked_field(self.item, self.errors, "item_id"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.save_button)
        ff.addRow(buttons)

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(form_box)
        rl.addWidget(self.follow)
        rl.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(right)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setMinimumWidth(370)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([720, 390])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(splitter)
        order: list[QWidget] = [
            self.view, self.text, self.direction, self.priority, self.owner, self.due, self.status, self.item,
            self.save_button, self.new_button, self.delete_button, *self.follow.editors(),
            self.carried_view,
        ]  # fmt: skip
        for a, b in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(a, b)

    def _connect(self) -> None:
        self.view.selectionModel().currentRowChanged.connect(lambda *_args: self._show_selected())
        self.carried_view.selectionModel().currentRowChanged.connect(
            lambda *_args: self._carried_selected()
        )
        self.new_button.clicked.connect(lambda: self.new_finding())
        self.save_button.clicked.connect(self.save_finding)
        self.delete_button.clicked.connect(lambda: self.delete_selected())
        self.follow.requested.connect(self.add_follow_up)
        self.owner.returnPressed.connect(self.save_finding)
        self.due.returnPressed.connect(self.save_finding)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save_finding,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)  # fmt: skip

    # --- feeding ---------------------------------------------------------------

    def set_visit(self, visit_id: int, template: TemplateData, findings: list[FindingInfo],
                  carried: list[CarriedFinding], final: bool, by: str = "") -> None:  # fmt: skip
        self.visit_id = visit_id
        self.item.clear()
        self.item.addItem(_("General (no item)"), None)
        for _section, it in template.items():
            short = it.text if len(it.text) <= 60 else it.text[:59] + "…"
            self.item.addItem(f"{it.code} · {short}", it.id)
        self.follow.by.setText(by or self.ctx.officer)
        self._set_rows(findings, carried)
        self.set_final(final)

    def _set_rows(self, findings: list[FindingInfo], carried: list[CarriedFinding]) -> None:
        keep = self.editing
        self.model.set_rows(findings)
        self.carried_model.set_rows(carried)
        self.view.resizeRowsToContents()
        self.carried_view.resizeRowsToContents()
        if keep is not None and self.model.row_of(keep) >= 0:
            self.select_finding(keep)
        else:
            self.new_finding(focus=False)

    def set_final(self, final: bool) -> None:
        """A final visit keeps taking follow-up; the findings themselves are locked."""
        self.final = final
        for editor in (self.text, self.direction):
            editor.setReadOnly(final)
        self.owner.setReadOnly(final)
        self.due.setReadOnly(final)
        for widget in (
            self.priority,
            self.status,
            self.item,
            self.new_button,
            self.save_button,
            self.delete_button,
        ):
            widget.setEnabled(not final)
        self._show_selected()

    def reload(self) -> None:
        db, visit_id = self.ctx.db, self.visit_id
        if visit_id is not None:
            self.run(
                lambda: (findings_of(db, visit_id), carried_findings(db, visit_id)), self._reloaded
            )

    def _reloaded(self, result: tuple[list[FindingInfo], list[CarriedFinding]]) -> None:
        self._set_rows(*result)

    # --- selection ---------------------------------------------------------------

    def select_finding(self, finding_id: int) -> None:
        row = self.model.row_of(finding_id)
        if row >= 0:
            self.view.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self._show_selected()

    def _carried_selected(self) -> None:
        index = self.carried_view.currentIndex()
        if index.isValid():
            self.select_finding(index.data(FINDING_ID_ROLE))

    def selected(self) -> FindingInfo | None:
        index = self.view.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _show_selected(self) -> None:
        f = self.selected()
        self._show_errors({})
        if f is None:
            self.editing = None
            self.form_title.setText(_("New finding"))
            self.follow.show_finding(None)
            self.delete_button.setEnabled(False)
            return
        self.editing = f.id
        self.form_title.setText(_("Finding no. {0}").format(self.model.row_of(f.id) + 1))
        self.text.setPlainText(f.text)
        self.direction.setPlainText(f.direction)
        self.priority.setCurrentIndex(max(0, self.priority.findData(f.priority)))
        self.owner.setText(f.owner)
        self.due.set_date(f.due_date)
        self.status.setCurrentIndex(max(0, self.status.findData(f.status)))
        self.item.setCurrentIndex(max(0, self.item.findData(f.item_id)))
        self.follow.show_finding(f)
        self.delete_button.setEnabled(not self.final)

    def new_finding(self, focus: bool = True) -> None:
        self.view.selectionModel().clearCurrentIndex()
        self.view.clearSelection()
        self.editing = None
        for box in (self.text, self.direction):
            box.setPlainText("")
        self.owner.setText("")
        self.due.set_date(None)
        self.priority.setCurrentIndex(self.priority.findData("sedang"))
        self.status.setCurrentIndex(self.status.findData(FindingStatus.OPEN))
        self.item.setCurrentIndex(0)
        self._show_selected()
        if focus:
            self.text.setFocus()

    def _show_errors(self, problems: dict[str, str]) -> None:
        for key, error in self.errors.items():
            error.show_message(problems.get(key, ""))

    # --- actions -------------------------------------------------------------------

    def draft(self) -> FindingDraft:
        return FindingDraft(
            text=self.text.toPlainText(), direction=self.direction.toPlainText(),
            priority=self.priority.currentData(), owner=self.owner.text(), due_date=self.due.date(),
            item_id=self.item.currentData(), status=self.status.currentData(),
        )  # fmt: skip

    def save_finding(self) -> None:
        if self.final or self.visit_id is None:
            return
        if not self.due.is_blank() and self.due.date() is None:
            self._show_errors({"due_date": _("Not a calendar date; type DD/MM/YYYY.")})
            self.due.setFocus()
            return
        db, visit_id, editing, draft = self.ctx.db, self.visit_id, self.editing, self.draft()
        if editing is None:
            self.write(lambda: add_finding(db, visit_id, draft), self._saved)
        else:
            self.write(lambda: update_finding(db, editing, draft), self._saved)

    def _saved(self, info: FindingInfo) -> None:
        self.editing = info.id
        self.notice.emit(_("Finding saved."), "ok")
        self.reload()

    def failed(self, exc: BaseException) -> None:
        if isinstance(exc, InputRejected):
            self._show_errors(exc.by_field(self.ctx.lang))
        super().failed(exc)

    def delete_selected(self, ask: bool = True) -> None:
        f = self.selected()
        if f is None or self.final:
            return
        if ask:
            answer = QMessageBox.question(
                self, _("Delete finding"), _("Delete the selected finding?")
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        db = self.ctx.db
        self.editing = None
        self.write(lambda: delete_finding(db, f.id), self._deleted)

    def _deleted(self, _changes: Changes) -> None:
        self.notice.emit(_("Finding deleted."), "ok")
        self.reload()

    def add_follow_up(self) -> None:
        f = self.selected()
        if f is None:
            return
        step = self.follow.follow_up()
        if step is None:
            return
        db = self.ctx.db
        self.write(lambda: add_follow_up(db, f.id, step), self._followed, self._follow_failed)

    def _follow_failed(self, exc: BaseException) -> None:
        if isinstance(exc, InputRejected):
            self.follow.show_errors(exc.by_field(self.ctx.lang))
        VisitPanel.failed(self, exc)

    def _followed(self, info: FindingInfo) -> None:
        self.follow.note.setPlainText("")
        self.editing = info.id
        self.notice.emit(_("Follow-up recorded."), "ok")
        self.reload()
