"""Monev visits area: the list of visits, the new-visit form (Ctrl+N) and the visit editor."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.changes import Changes
from app.i18n import _
from app.monev.templates import TemplateInfo, list_templates
from app.monev.visits import VisitInfo, VisitSummary, create_visit, list_visits
from app.problems import InputRejected

from ui.context import DeskContext
from ui.monev.exchange_actions import VisitExchange
from ui.monev.identity_form import VisitIdentityForm
from ui.monev.visit_editor import TAB_CHECKLIST, VisitEditor
from ui.monev.visit_list_model import COL_DATES, COL_OFFICE, SORT_ROLE, VISIT_ROLE, VisitListModel
from ui.widgets.fields import Banner
from ui.widgets.tables import row_table_view


class VisitsPage(QWidget):
    """`VisitsPage(ctx)`: the page the main window adds as the "visits" area."""

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.templates: list[TemplateInfo] = []
        self._stale = False
        self._select_id: int | None = None
        self._draft_kept = False  # the new-visit form holds typing from a cancelled start
        self.stack = QStackedWidget()
        # The list.
        self.banner = Banner()
        self.model = VisitListModel(ctx.lang, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.view = row_table_view(self.proxy, stretch_column=COL_OFFICE, sort_column=COL_DATES)
        self.new_button = QPushButton(_("New visit") + "  (Ctrl+N)")
        self.new_button.setMinimumHeight(36)
        self.open_button = QPushButton(_("Open") + "  (Enter)")
        self.open_button.setMinimumHeight(36)
        self.exchange = VisitExchange(ctx, self)
        self.export_button = QPushButton(_("E&xport package…"))
        self.import_button = QPushButton(_("&Import package…"))
        self.figures_button = QPushButton(_("Import office &figures…"))
        self.export_figures_button = QPushButton(_("Export office fi&gures…"))
        self.templates_button = QPushButton(_("Checklist templates…"))
        self.empty_label = QLabel(_("No visits yet. Press Ctrl+N to start one."))
        self.empty_label.setStyleSheet("color: #5f6368;")
        # The new-visit form.
        self.new_banner = Banner()
        self.form = VisitIdentityForm(ctx.lang)
        self.create_button = QPushButton(_("Create visit") + "  (Ctrl+S)")
        self.create_button.setMinimumHeight(36)
        self.cancel_button = QPushButton(_("Cancel") + "  (Esc)")
        # One visit.
        self.editor = VisitEditor(ctx)
        self._build()
        self._connect()
        self.refresh()

    def page_title(self) -> str:
        return _("Monev visits")

    def _build(self) -> None:
        list_panel = QWidget()
        ll = QVBoxLayout(list_panel)
        ll.setContentsMargins(0, 0, 0, 0)
        title = QLabel(_("Supervision visits (monev)"))
        title.setStyleSheet("font-size: 16px; font-weight: bold;")
        bar = QHBoxLayout()
        bar.addWidget(title)
        bar.addStretch(1)
        bar.addWidget(self.open_button)
        bar.addWidget(self.new_button)
        ll.addLayout(bar)
        files = QHBoxLayout()
        files.addStretch(1)
        for button in (self.templates_button, self.export_button, self.import_button,
                       self.export_figures_button, self.figures_button):  # fmt: skip
            files.addWidget(button)
        ll.addLayout(files)
        ll.addWidget(self.banner)
        ll.addWidget(self.empty_label)
        ll.addWidget(self.view, 1)

        new_panel = QWidget()
        nl = QVBoxLayout(new_panel)
        nl.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(_("New visit"))
        heading.setStyleSheet("font-size: 16px; font-weight: bold;")
        nl.addWidget(heading)
        nl.addWidget(self.new_banner)
        nl.addWidget(self.form, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.create_button)
        nl.addLayout(buttons)

        self.list_panel, self.new_panel = list_panel, new_panel
        self.stack.addWidget(list_panel)
        self.stack.addWidget(new_panel)
        self.stack.addWidget(self.editor)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    def _connect(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        self.new_button.clicked.connect(self.new_visit)
        self.open_button.clicked.connect(self.open_selected)
        self.view.activated.connect(lambda _index: self.open_selected())
        QShortcut(QKeySequence.StandardKey.New, self.list_panel, self.new_visit, context=context)
        self.create_button.clicked.connect(self.create)
        self.cancel_button.clicked.connect(self.show_list)
        self.form.submitted.connect(self.create)
        QShortcut(QKeySequence.StandardKey.Save, self.new_panel, self.create, context=context)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self.new_panel, self.show_list, context=context)
        self.editor.back_requested.connect(self.show_list)
        self.export_button.clicked.connect(self.export_selected)
        self.import_button.clicked.connect(self.exchange.ask_import)
        self.figures_button.clicked.connect(self.exchange.ask_import_figures)
        self.export_figures_button.clicked.connect(self.exchange.ask_export_figures)
        self.templates_button.clicked.connect(self.edit_templates)
        self.exchange.done.connect(lambda kind, message: self.banner.show_message(message, kind))
        self.ctx.changed.connect(self._on_changed)

    # --- the list -------------------------------------------------------------

    def refresh(self) -> None:
        self._stale = False
        db = self.ctx.db
        self.ctx.runner.run(
            lambda: (list_visits(db), list_templates(db)), self._loaded, self._failed
        )

    def _loaded(self, result: tuple[list[VisitSummary], list[TemplateInfo]]) -> None:
        visits, self.templates = result
        chosen = self.selected_visit()
        self.model.set_rows(visits)
        self.empty_label.setVisible(not visits)
        if self._select_id is None and chosen is not None:
            self._select_id = chosen.id
        self._select(
            self._select_id if self._select_id is not None else visits[0].id if visits else -1
        )

    def _failed(self, exc: BaseException) -> None:
        self.banner.show_message(self.ctx.reason(exc), "error")

    def _on_changed(self, changes: Changes) -> None:
        if not (changes.visits or changes.templates):
            return
        if self.isVisible() and self.stack.currentWidget() is self.list_panel:
            self.refresh()
        else:
            self._stale = True  # reloaded when the list is shown again

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale and self.stack.currentWidget() is self.list_panel:
            self.refresh()

    def selected_visit(self) -> VisitSummary | None:
        index = self.view.currentIndex()
        return index.data(VISIT_ROLE) if index.isValid() else None

    def show_list(self) -> None:
        if self.stack.currentWidget() is self.editor and self.editor.visit_id is not None:
            self._select_id = self.editor.visit_id  # come back to the visit just worked on
        self.stack.setCurrentWidget(self.list_panel)
        if self._stale:
            self.refresh()
        elif self._select_id is not None:
            self._select(self._select_id)
        self.view.setFocus()

    def _select(self, visit_id: int) -> None:
        row = self.model.row_of(visit_id)
        if row >= 0:
            self.view.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())

    def edit_templates(self) -> None:
        from ui.monev.template_editor import TemplateEditorDialog

        TemplateEditorDialog(self.ctx, self).exec()
        self.refresh()  # the new-visit form offers the versions saved there

    def export_selected(self) -> None:
        visit = self.selected_visit()
        if visit is None:
            self.banner.show_message(_("Select a visit in the list first."), "info")
            return
        name = f"monev-{visit.office_code.lower()}-{visit.start_date.isoformat()}.kanimvisit"
        self.exchange.ask_export(visit.id, name)

    def open_selected(self) -> None:
        visit = self.selected_visit()
        if visit is not None:
            self.open_visit(visit.id)

    def open_visit(self, visit_id: int, tab: int | None = TAB_CHECKLIST) -> None:
        self.stack.setCurrentWidget(self.editor)
        self.editor.load(visit_id, tab)

    # --- a new visit ------------------------------------------------------------

    def new_visit(self) -> None:
        self.form.set_templates(self.templates)
        if not self._draft_kept:
            self.form.new_visit(self.ctx.settings)
        # Esc (or Cancel) leaves what was typed in the form for the next Ctrl+N: nothing is lost.
        self._draft_kept = True
        self.new_banner.show_message("")
        self.stack.setCurrentWidget(self.new_panel)
        self.form.office_code.setFocus()
        self.form.office_code.selectAll()

    def create(self) -> None:
        if self.stack.currentWidget() is not self.new_panel:
            return
        local = self.form.local_problems()
        if local:
            self._refused(local)
            return
        db, draft = self.ctx.db, self.form.draft()
        self.ctx.run_op(lambda: create_visit(db, draft), self._created, self._create_failed)

    def _created(self, info: VisitInfo) -> None:
        self._draft_kept = False
        self.form.show_problems({})
        self._stale = True
        self.open_visit(info.id, TAB_CHECKLIST)
        self.editor.banner.show_message(
            _("Visit created. Answer the checklist with the number keys."), "ok"
        )

    def _create_failed(self, exc: BaseException) -> None:
        if isinstance(exc, InputRejected):
            self._refused(exc.by_field(self.ctx.lang))
        else:
            self.new_banner.show_message(self.ctx.reason(exc, _("Not saved: {0}")), "error")

    def _refused(self, problems: dict[str, str]) -> None:
        rest = self.form.show_problems(problems)
        message = _("Not saved: correct the fields marked in red.")
        self.new_banner.show_message(" ".join([message, *rest]), "error")
        self.form.focus_first_problem(problems)
