"""Checklist tab: answer item after item by keyboard; each change saved at once; scores shown live."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.i18n import text
from app.monev.scoring import ANSWER_SETS, VisitScore
from app.monev.templates import ItemData, TemplateData
from app.monev.visits import (
    UNCHANGED,
    AnswerInfo,
    AttachmentInfo,
    SavedAnswer,
    VisitDetail,
    save_answer,
    visit_detail,
)

from ui.context import DeskContext
from ui.monev.answer_pane import AnswerPane, key_options, parse_number
from ui.monev.checklist_model import ChecklistModel
from ui.monev.checklist_view import ChecklistView, ScoreStrip
from ui.monev.photos_tab import ThumbnailCache
from ui.monev.visit_panel import VisitPanel

TYPING_PAUSE_MS = 600  # a note is saved this long after typing stops (and on leaving the field)


class ChecklistPanel(VisitPanel):
    score_changed = Signal(object)  # VisitScore after every saved answer
    attach_for_item = Signal(int)  # item id: the supervisor wants to attach a photo to it

    def __init__(self, ctx: DeskContext, thumbs: ThumbnailCache, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.thumbs = thumbs
        self.template: TemplateData | None = None
        self.attachments: list[AttachmentInfo] = []
        self.score: VisitScore | None = None
        self._filling = False
        self._note_item: int | None = None  # item whose note has unsaved typing
        self._value_item: int | None = None  # item whose number/text has unsaved typing
        self.model = ChecklistModel(ctx.lang, self)
        self.view = ChecklistView(self.model, self._key)
        self.pane = AnswerPane(ctx.lang)
        self.strip = ScoreStrip()
        self.total_label = self.strip.total_label
        self.failed_label = self.strip.failed_label
        self.note_timer = self._timer(self.flush_note)
        self.value_timer = self._timer(self.flush_value)
        self._build()
        self._connect()

    def _timer(self, slot) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(TYPING_PAUSE_MS)
        timer.timeout.connect(slot)
        return timer

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
        self.pane.answer_chosen.connect(self.answer)
        self.pane.attach_requested.connect(self._attach_requested)
        self.pane.note_edit.textChanged.connect(self._note_typed)
        self.pane.text_edit.textChanged.connect(self._value_typed)
        self.pane.number_edit.textEdited.connect(lambda _t: self._value_typed())
        self.pane.number_edit.returnPressed.connect(self._value_entered)
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

    # --- keys --------------------------------------------------------------------

    def _kind(self, item: ItemData | None) -> str:
        if item is None or item.answer_set not in ANSWER_SETS:
            return "choice"
        return ANSWER_SETS[item.answer_set].kind

    def _key(self, event: QKeyEvent) -> bool:
        """Handle a key pressed in the checklist; False leaves it to the tree."""
        if event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        ):
            return False
        key, typed = event.key(), event.text().lower()
        item = self.current_item()
        kind = self._kind(item)
        if key == Qt.Key.Key_Up or typed == "k":
            self.move(-1)
        elif key == Qt.Key.Key_Down or typed == "j":
            self.move(+1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if kind == "number":
                self.pane.number_edit.setFocus()
            elif kind == "text":
                self.pane.text_edit.setFocus()
            else:
                self.move(+1)
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.clear_answer()
        elif typed == "e":
            self.pane.note_edit.setFocus()
        elif item is not None and (typed.isdigit() or typed == "n") and typed:
            if kind == "choice":
                self.answer_key("0" if typed == "n" else typed)
            elif kind == "number" and typed.isdigit() and not self.final:
                self.pane.number_edit.setFocus()
                self.pane.number_edit.setText(typed)
                self._value_typed()
        else:
            return False
        return True

    def answer_key(self, key: str) -> None:
        item = self.current_item()
        option = (
            next((o for k, o in key_options(item.answer_set) if k == key), None) if item else None
        )
        if option is not None:
            self.answer(option.code)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            if watched is self.pane.note_edit:
                self.flush_note()
            elif watched in (self.pane.text_edit, self.pane.number_edit):
                self.flush_value()
        elif event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() == Qt.Key.Key_Escape:
                self.view.setFocus()  # focus-out saves
                return True
            ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
            if (
                ctrl
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and watched is not self.pane.number_edit
            ):
                self.view.setFocus()
                self.move(+1)
                return True
        return super().eventFilter(watched, event)

    # --- saving --------------------------------------------------------------------

    def _refused_final(self) -> bool:
        if self.final:
            self.notice.emit(text("visit.final", self.ctx.lang), "warn")
        return self.final

    def _locally(self, item_id: int, **values) -> None:
        """Show a change at once; the stored answer replaces it when the save returns."""
        old = self.model.answers.get(item_id)
        base = {"answer": None, "number": None, "text": None, "note": None}
        if old is not None:
            base = {"answer": old.answer, "number": old.number, "text": old.text, "note": old.note}
        base.update(values)
        empty = all(v in (None, "") for v in base.values())
        self.model.set_answer(
            item_id, None if empty else AnswerInfo(item_id, updated_at=datetime.now(), **base)
        )

    def _save(
        self, item_id: int, answer=UNCHANGED, number=UNCHANGED, text_value=UNCHANGED, note=UNCHANGED
    ) -> None:
        db, visit_id = self.ctx.db, self.visit_id
        if visit_id is None:
            return
        self.run(
            lambda: save_answer(db, visit_id, item_id, answer, number, text_value, note),
            self._saved,
        )

    def answer(self, code: str) -> None:
        """Save *code* as the current item's answer and go on to the next item."""
        item = self.current_item()
        if item is None or item.id is None or self._refused_final():
            return
        self._locally(item.id, answer=code)
        self.pane.show_answer(self.model.answers.get(item.id))
        self._save(item.id, answer=code)
        self.move(+1)

    def clear_answer(self) -> None:
        item = self.current_item()
        if item is None or item.id is None or self._refused_final():
            return
        self._locally(item.id, answer=None, number=None, text=None)
        self._fill_pane()
        self._save(item.id, answer=None, number=None, text_value=None)

    def _note_typed(self) -> None:
        item = self.pane.item
        if self._filling or item is None or item.id is None or self.final:
            return
        self._note_item = item.id
        self.note_timer.start()

    def _value_typed(self) -> None:
        item = self.pane.item
        if self._filling or item is None or item.id is None or self.final:
            return
        self._value_item = item.id
        self.value_timer.start()

    def _value_entered(self) -> None:
        self.flush_value()
        self.view.setFocus()
        self.move(+1)

    def flush_note(self) -> None:
        self.note_timer.stop()
        item_id, self._note_item = self._note_item, None
        if item_id is None or self.final:
            return
        note = self.pane.note_edit.toPlainText()
        self._locally(item_id, note=note.strip() or None)
        self._save(item_id, note=note)

    def flush_value(self) -> None:
        self.value_timer.stop()
        item_id, self._value_item = self._value_item, None
        item = self.pane.item
        if item_id is None or self.final or item is None or item.id != item_id:
            return
        if self._kind(item) == "number":
            typed = self.pane.number_edit.text()
            value = parse_number(typed)
            if typed.strip() and value is None:
                self.notice.emit(self.tr("Not a number: %1").replace("%1", typed), "error")
                return
            self._locally(item_id, number=value)
            self._save(item_id, number=value)
        else:
            typed = self.pane.text_edit.toPlainText()
            self._locally(item_id, text=typed.strip() or None)
            self._save(item_id, text_value=typed)

    def flush(self) -> None:
        """Save whatever is still being typed (before moving, leaving the tab or closing)."""
        self.flush_value()
        self.flush_note()

    def failed(self, exc: BaseException) -> None:
        """Show why, then show what is really stored (the screen had shown the change already)."""
        super().failed(exc)
        db, visit_id = self.ctx.db, self.visit_id
        if visit_id is not None:
            self.ctx.runner.run(lambda: visit_detail(db, visit_id), self._reloaded, super().failed)

    def _reloaded(self, detail: VisitDetail) -> None:
        self.set_visit(detail.visit.id, detail.template, detail.answers, detail.score, detail.attachments,
                       detail.visit.status == "final")  # fmt: skip

    def _saved(self, saved: SavedAnswer) -> None:
        if saved.answer is not None:
            self.model.set_answer(saved.answer.item_id, saved.answer)
        self._show_score(saved.score)
        self.changed()

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
