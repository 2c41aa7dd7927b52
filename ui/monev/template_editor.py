"""Checklist template editor: pick a template, edit its sections and items, save (a used one becomes a new version).

Importing and exporting YAML files is in ui/monev/template_files.py.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from app.monev.templates import (
    DEFAULT_TEMPLATE_CODE,
    TemplateData,
    TemplateInfo,
    get_template,
    list_templates,
    save_template_edit,
)
from app.problems import InputRejected

from ui.context import DeskContext
from ui.monev.template_files import TemplateFileActions
from ui.monev.template_node_form import PAGE_ITEM, PAGE_NONE, PAGE_SECTION, TemplateNodeForm
from ui.monev.template_tree_model import COL_CODE, COL_TEXT, COL_WEIGHT, TemplateTreeModel
from ui.widgets.fields import Banner
from ui.widgets.window_size import fit_to_screen

log = logging.getLogger(__name__)

__all__ = ["PAGE_ITEM", "PAGE_NONE", "PAGE_SECTION", "TemplateEditorDialog"]


class TemplateEditorDialog(TemplateFileActions, QDialog):
    """`TemplateEditorDialog(ctx, parent).exec()`: the administrator's checklist template editor."""

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.infos: list[TemplateInfo] = []
        self.current: TemplateInfo | None = None
        self.dirty = False
        self._keep: tuple[int, int] = (0, 0)  # (section row, item row) to select after a reload
        self.setWindowTitle(_("Checklist templates"))
        fit_to_screen(self, 1200, 800)  # never taller than a 1366×768 screen with its taskbar
        self.banner = Banner()
        self.combo = QComboBox()
        self.combo.setMinimumContentsLength(40)
        self._file_buttons()
        self.title = QLineEdit()
        self.title.setMaxLength(200)
        self.model = TemplateTreeModel(ctx.lang, self)
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_CODE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_WEIGHT, QHeaderView.ResizeMode.ResizeToContents)
        self.add_section_button = QPushButton(_("+ Section"))
        self.add_item_button = QPushButton(_("+ Item"))
        self.remove_button = QPushButton(_("Remove"))
        self.up_button = QPushButton("▲")
        self.up_button.setToolTip(_("Move up (Alt+Up)"))
        self.down_button = QPushButton("▼")
        self.down_button.setToolTip(_("Move down (Alt+Down)"))
        for button in (self.up_button, self.down_button):
            button.setFixedWidth(44)
        self.forms = TemplateNodeForm(ctx.lang)
        # The form's fields under their old names, for callers and tests that drive the dialog.
        self.section_code, self.section_title = self.forms.section_code, self.forms.section_title
        self.item_code, self.item_text = self.forms.item_code, self.forms.item_text
        self.item_guidance, self.answer_set = self.forms.item_guidance, self.forms.answer_set
        self.weight, self.critical = self.forms.weight, self.forms.critical
        self.save_button = QPushButton(_("Save") + "  (Ctrl+S)")
        self.save_button.setDefault(True)
        self.close_button = QPushButton(_("Close"))
        self._build()
        self._connect()
        self.reload()

    # --- layout ------------------------------------------------------------------

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(_("&Template:"), buddy=self.combo))
        top.addWidget(self.combo, 1)
        top.addWidget(self.import_button)
        top.addWidget(self.export_button)
        title_row = QHBoxLayout()
        title_row.addWidget(QLabel(_("Template tit&le:"), buddy=self.title))
        title_row.addWidget(self.title, 1)

        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.tree, 1)
        tree_buttons = QHBoxLayout()
        for button in (self.add_section_button, self.add_item_button, self.remove_button):
            tree_buttons.addWidget(button)
        tree_buttons.addStretch(1)
        tree_buttons.addWidget(self.up_button)
        tree_buttons.addWidget(self.down_button)
        ll.addLayout(tree_buttons)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.forms)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([680, 480])
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(title_row)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

    def _connect(self) -> None:
        self.combo.activated.connect(self._template_chosen)
        self.tree.selectionModel().currentChanged.connect(
            lambda index, _old: self._show_node(index)
        )
        self.add_section_button.clicked.connect(self.add_section)
        self.add_item_button.clicked.connect(self.add_item)
        self.remove_button.clicked.connect(self.remove_node)
        self.up_button.clicked.connect(lambda: self.move_node(-1))
        self.down_button.clicked.connect(lambda: self.move_node(1))
        for seq, delta in (("Alt+Up", -1), ("Alt+Down", 1)):
            QShortcut(QKeySequence(seq), self, lambda d=delta: self.move_node(d))
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        QShortcut(QKeySequence.StandardKey.Delete, self.tree, self.remove_node,
                  context=Qt.ShortcutContext.WidgetShortcut)  # fmt: skip
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        self.title.textEdited.connect(self._mark_dirty)
        self.forms.edited.connect(self._form_edited)

    # --- loading -----------------------------------------------------------------

    def _run(self, fn: Callable[[], Any], on_done: Callable[[Any], None],
             on_error: Callable[[BaseException], None] | None = None) -> None:  # fmt: skip
        self.ctx.runner.run(fn, on_done, on_error or self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.banner.show_message(self.ctx.reason(exc, _("Failed: {0}")), "error")

    def reload(self, select_id: int | None = None) -> None:
        """List the templates again and open *select_id* (default: the newest default checklist)."""
        db = self.ctx.db
        self._run(lambda: list_templates(db), lambda infos: self._listed(infos, select_id))

    def _listed(self, infos: list[TemplateInfo], select_id: int | None) -> None:
        self.infos = infos
        self.combo.clear()
        for info in infos:
            label = f"{info.code} · {info.title} · " + _("version {0}").format(info.version)
            self.combo.addItem(label + (" · " + _("in use") if info.in_use else ""), info.id)
        if select_id is None and infos:
            defaults = [i for i in infos if i.code == DEFAULT_TEMPLATE_CODE] or infos
            select_id = max(defaults, key=lambda i: i.version).id
        row = self.combo.findData(select_id)
        self.combo.setCurrentIndex(row)
        if row >= 0:
            self._open(infos[row])

    def _open(self, info: TemplateInfo) -> None:
        db = self.ctx.db
        self._run(lambda: get_template(db, info.id), lambda data: self._opened(info, data))

    def _opened(self, info: TemplateInfo, data: TemplateData) -> None:
        self.current = info
        self.model.set_template(data)
        self.tree.expandAll()
        self.title.setText(data.title)
        self.dirty = False
        s_row, i_row = self._keep
        self._keep = (0, 0)
        index = self.model.item_index(s_row, i_row)
        self._select(index if index.isValid() else self.model.section_index(0))

    def _template_chosen(self, row: int) -> None:
        shown = self.combo.findData(self.current.id) if self.current else -1
        if row == shown:
            return
        if not self._may_discard():
            self.combo.setCurrentIndex(shown)
            return
        self._open(self.infos[row])

    # --- the form ----------------------------------------------------------------

    def _select(self, index: QModelIndex) -> None:
        self.tree.setCurrentIndex(index)
        if index.isValid():
            self.tree.scrollTo(index)
        self._show_node(index)

    def _show_node(self, index: QModelIndex) -> None:
        self.forms.show_node(self.model.section_at(index), self.model.item_at(index))
        self.remove_button.setEnabled(index.isValid())
        self.add_item_button.setEnabled(bool(self.model.sections))

    def _form_edited(self) -> None:
        index = self.tree.currentIndex()
        if not self.forms.store(self.model.section_at(index), self.model.item_at(index)):
            return
        self.model.node_changed(index)
        self._mark_dirty()

    def _mark_dirty(self, *_args: object) -> None:
        self.dirty = True

    # --- structure ---------------------------------------------------------------

    def add_section(self) -> None:
        index = self.model.add_section(self.model.section_row(self.tree.currentIndex()))
        self.tree.expand(index)
        self._mark_dirty()
        self._select(index)
        self.section_code.setFocus()
        self.section_code.selectAll()

    def add_item(self) -> None:
        current = self.tree.currentIndex()
        s_row = self.model.section_row(current)
        if s_row < 0:
            s_row = len(self.model.sections) - 1
        if s_row < 0:
            return
        after = -1 if self.model.is_section(current) or not current.isValid() else current.row()
        index = self.model.add_item(s_row, after)
        self.tree.expand(self.model.section_index(s_row))
        self._mark_dirty()
        self._select(index)
        self.item_text.setFocus()
        self.item_text.selectAll()

    def remove_node(self) -> None:
        current = self.tree.currentIndex()
        if current.isValid():
            self._mark_dirty()
            self._select(self.model.remove(current))

    def move_node(self, delta: int) -> None:
        current = self.tree.currentIndex()
        if current.isValid():
            index = self.model.move(current, delta)
            if index != current:
                self._mark_dirty()
            self.tree.expand(index.parent())
            self._select(index)

    # --- saving ----------------------------------------------------

    def edited_template(self) -> TemplateData:
        data = self.model.template()
        data.title = self.title.text()
        return data

    def save(self) -> None:
        if self.current is None:
            return
        db, template_id, data = self.ctx.db, self.current.id, self.edited_template()
        current = self.tree.currentIndex()
        keep = (
            self.model.section_row(current),
            -1 if self.model.is_section(current) else current.row(),
        )
        # The dialog reloads itself after the save; ctx.run_op tells the other pages.
        self.ctx.run_op(lambda: save_template_edit(db, template_id, data),
                        lambda info: self._saved(info, keep), self._save_failed)  # fmt: skip

    def _saved(self, info: TemplateInfo, keep: tuple[int, int]) -> None:
        if info.outcome == "new_version":
            message = _("The template is already used by visits; saved as version {0}.")
        elif info.outcome == "unchanged":
            message = _("Nothing changed; version {0} kept.")
        else:
            message = _("Template saved (version {0} updated).")
        self.banner.show_message(message.format(info.version), "ok")
        self.dirty = False
        self._keep = keep
        self.reload(info.id)

    def _save_failed(self, exc: BaseException) -> None:
        self._failed(exc)
        if not isinstance(exc, InputRejected):
            return
        for problem in exc.problems:
            where = str(problem.params.get("where", ""))
            if where == "Template":
                self.title.setFocus()
                return
            parts = where.split(" › ")
            index = self.model.find(parts[0], parts[1] if len(parts) > 1 else None)
            if index.isValid():
                self._select(index)
                return

    # --- closing -----------------------------------------------------------------

    def _may_discard(self) -> bool:
        if not self.dirty:
            return True
        answer = QMessageBox.question(
            self, _("Unsaved changes"), _("Discard the unsaved changes to this template?")
        )
        return answer == QMessageBox.StandardButton.Yes

    def reject(self) -> None:
        # Esc, "Tutup" and the window's close button all come here.
        if self._may_discard():
            self.dirty = False
            super().reject()
