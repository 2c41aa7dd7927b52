"""The checklist tree (sections and items, long texts wrapped, keys handed to the tab) and its score line."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, QTimer
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from app.i18n import _, ngettext
from app.monev.scoring import VisitScore

from ui.monev.checklist_model import COL_ANSWER, COL_CODE, COL_NOTE, COL_TEXT, ChecklistModel
from ui.monev.visit_list_model import score_text


class WrapDelegate(QStyledItemDelegate):
    """Row height from the column's width, so a long item text wraps instead of being cut off."""

    def __init__(self, view: QTreeView):
        super().__init__(view)
        self.view = view

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        opt = QStyleOptionViewItem(option)
        r = opt.rect
        # The style wraps only inside a valid rectangle (a height is needed too, any will do).
        opt.rect = QRect(
            r.x(), r.y(), self.view.header().sectionSize(index.column()), max(r.height(), 1)
        )
        size = super().sizeHint(opt, index)
        return QSize(size.width(), size.height() + 6)  # air between wrapped rows


class ChecklistView(QTreeView):
    """All sections open, rows whole; `on_key(event)` sees every key first (True: handled)."""

    def __init__(
        self,
        model: ChecklistModel,
        on_key: Callable[[QKeyEvent], bool],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._on_key = on_key
        self.setModel(model)
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setRootIsDecorated(False)
        self.setItemsExpandable(False)
        self.setIndentation(0)
        self.setAllColumnsShowFocus(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setItemDelegate(WrapDelegate(self))
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_CODE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_ANSWER, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(COL_NOTE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(COL_ANSWER, 118)
        header.resizeSection(COL_NOTE, 150)
        # Wrapped rows change height with their column: lay the rows out again after a resize.
        self._relayout = QTimer(self)
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(0)
        self._relayout.timeout.connect(self.doItemsLayout)
        header.sectionResized.connect(lambda *_: self._relayout.start())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._on_key(event):
            super().keyPressEvent(event)


class ScoreStrip(QWidget):
    """The line above the checklist: total score, how many items are answered, failed sections."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.total_label = QLabel("—")
        font = QFont(self.total_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.total_label.setFont(font)
        self.progress_label = QLabel()
        self.failed_label = QLabel()
        self.failed_label.setStyleSheet("color: #b3261e; font-weight: bold;")
        self.failed_label.setWordWrap(True)
        legend = QLabel(_("Red code = critical item"))
        legend.setStyleSheet("color: #a50e0e; font-size: 11px;")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.total_label)
        row.addSpacing(12)
        row.addWidget(self.progress_label)
        row.addSpacing(12)
        row.addWidget(self.failed_label, 1)
        row.addWidget(legend)

    def show_score(self, score: VisitScore, lang: str) -> None:
        self.total_label.setText(_("Total score: {0}").format(score_text(score.total, lang)))
        answered = ngettext(
            "{0} of {1} item answered", "{0} of {1} items answered", score.total_items
        )
        self.progress_label.setText(answered.format(score.answered, score.total_items))
        failed = [s.code for s in score.sections if s.failed]
        self.failed_label.setText(
            _("FAILED (critical item): {0}").format(", ".join(failed)) if failed else ""
        )
