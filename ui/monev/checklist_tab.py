"""Checklist tab: answer item after item by keyboard; each change saved at once; scores shown live."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import QScrollArea, QSplitter, QVBoxLayout, QWidget

from app.monev.scoring import VisitScore
from app.monev.templates import ItemData, TemplateData
from app.monev.visits import AnswerInfo, AttachmentInfo

from ui.context import DeskContext
from ui.monev.answer_pane import AnswerPane
from ui.monev.answer_saving import AnswerSaving
from ui.monev.checklist_keys import ChecklistKeys
from ui.monev.checklist_model import ChecklistModel
from ui.monev.checklist_view import ChecklistView, ScoreStrip
from ui.monev.photos_tab import ThumbnailCache
from ui.monev.visit_panel import VisitPanel


class ChecklistPanel(ChecklistKeys, AnswerSaving, VisitPanel):
    """The checklist beside the answer pane, under the score line.

    Its keys are in ui/monev/checklist_keys.py, the saving of answers in
    ui/monev/answer_saving.py.
    """

    score_changed = Signal(object)  # VisitScore after every saved answer
    attach_for_item = Signal(int)  # item id: the supervisor wants to attach a photo to it

    def __init__(self, ctx: DeskContext, thumbs: ThumbnailCache, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.thumbs = thumbs
        self.template: TemplateData | None = None
        self.attachments: list[AttachmentInfo] = []
        self.score: VisitScore | None = None
        self.model = ChecklistModel(ctx.lang, self)
        self.view = ChecklistView(self.model, self._key)
        self.pane = AnswerPane(ctx.lang)
        self.strip = ScoreStrip()
        self.total_label = self.strip.total_label
        self.failed_label = self.strip.failed_label
        self._typing_timers()
        self._build()
        self._connect()

    def _build(self) -> None:
        pane_scroll = QScrollArea()
        pane_scroll.setWidget(self.pane)
        pane_scroll.setWidgetResizable(True)
        pane_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        pane_scroll.setMinimumWidth(360)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.view)
        splitter.addWidget(pane_scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([640, 430])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.strip)
        layout.addWidget(splitter, 1)
        QWidget.setTabOrder(self.view, self.pane.number_edit)
        QWidget.setTabOrder(self.pane.number_edit, self.pane.text_edit)
        QWidget.setTabOrder(self.pane.text_edit, self.pane.note_edit)

    def _connect(self) -> None:
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self._connect_typing()
        self.pane.attach_requested.connect(self._attach_requested)
        for editor in (self.pane.note_edit, self.pane.text_edit, self.pane.number_edit):
            editor.installEventFilter(self)
        self.thumbs.ready.connect(self._thumb_ready)

    # --- feeding -------------------------------------------------------------

    def set_visit(self, visit_id: int, template: TemplateData, answers: dict[int, AnswerInfo],
                  score: VisitScore, attachments: list[AttachmentInfo], final: bool) -> None:  # fmt: skip
        keep = self.current_item() if visit_id == self.visit_id else None
        self.flush()
        self.visit_id = visit_id
        self.template = template
        self.attachments = list(attachments)
        self.model.set_visit(template, answers, score)
        self.view.expandAll()
        self.set_final(final)
        self._show_score(score)
        ids = self.model.item_ids()
        if keep is not None and keep.id in ids:
            self.select_item(keep.id)  # type: ignore[arg-type]
        elif ids:
            # A visit opened again starts where the supervisor stopped: the first open item.
            self.select_item(next((i for i in ids if i not in answers), ids[0]))

    def set_final(self, final: bool) -> None:
        self.final = final
        self.pane.set_read_only(final)

    def set_attachments(self, attachments: list[AttachmentInfo]) -> None:
        self.attachments = list(attachments)
        self._show_item_photos()

    # --- moving ----------------------------------------------------------------

    def current_item(self) -> ItemData | None:
        return self.model.item_at(self.view.currentIndex())

    def select_item(self, item_id: int) -> None:
        index = self.model.item_index(item_id)
        if not index.isValid():
            return
        self.view.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.view.scrollTo(index)

    def move(self, delta: int) -> None:
        ids = self.model.item_ids()
        if not ids:
            return
        item = self.current_item()
        at = ids.index(item.id) if item is not None and item.id in ids else -1
        self.select_item(ids[max(0, min(len(ids) - 1, at + delta))])

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        # Typing for the item being left is saved before the pane shows the next one.
        self.flush()
        if current.isValid() and self.model.item_at(current) is None:
            # A section row: go to its first item, so the pane always shows an item.
            first = self.model.index(0, 0, current.siblingAtColumn(0))
            if first.isValid():
                QTimer.singleShot(0, lambda i=first: self.select_item(self.model.item_at(i).id))  # type: ignore[union-attr]
                return
        self._fill_pane()

    def _fill_pane(self) -> None:
        item = self.current_item()
        answer = self.model.answers.get(item.id) if item and item.id is not None else None
        self._filling = True
        try:
            self.pane.show_item(item, answer, self._item_photos(item))
        finally:
            self._filling = False

    # --- photos of the item ----------------------------------------------------

    def _item_photos(self, item: ItemData | None):
        if item is None:
            return []
        mine = [a for a in self.attachments if a.item_id == item.id]
        self.thumbs.request([a.attachment_id for a in mine])
        return [(a, self.thumbs.icon(a.attachment_id)) for a in mine]

    def _show_item_photos(self) -> None:
        self.pane.show_photos(self._item_photos(self.current_item()))

    def _thumb_ready(self, attachment_id: int) -> None:
        item = self.current_item()
        if item and any(
            a.attachment_id == attachment_id and a.item_id == item.id for a in self.attachments
        ):
            self._show_item_photos()

    # --- score and leaving -----------------------------------------------------

    def _show_score(self, score: VisitScore) -> None:
        self.score = score
        self.model.set_score(score)
        self.strip.show_score(score, self.ctx.lang)
        self.score_changed.emit(score)

    def _attach_requested(self) -> None:
        item = self.current_item()
        if item is not None and item.id is not None and not self._refused_final():
            self.attach_for_item.emit(item.id)

    def hideEvent(self, event) -> None:
        self.flush()  # leaving the tab or closing the window keeps what was typed
        super().hideEvent(event)
