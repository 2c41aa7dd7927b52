"""Saving the checklist's answers: each choice at once, typed numbers, texts and notes after a pause."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from app.i18n import _, text
from app.monev.codes import VisitStatus
from app.monev.visits import (
    UNCHANGED,
    AnswerInfo,
    SavedAnswer,
    VisitDetail,
    save_answer,
    visit_detail,
)

from ui.monev.answer_pane import answer_kind, parse_number

if TYPE_CHECKING:
    from collections.abc import Callable

    from ui.context import DeskContext
    from ui.monev.answer_pane import AnswerPane
    from ui.monev.checklist_model import ChecklistModel
    from ui.monev.checklist_view import ChecklistView

TYPING_PAUSE_MS = 600  # a note is saved this long after typing stops (and on leaving the field)


class AnswerSaving:
    """Mixed into ChecklistPanel: the screen shows a change at once, the worker stores it.

    A save that fails shows why and reloads what is really stored. The panel provides
    the context, model, view, pane, the visit shown and whether it is final, its
    `notice` signal and `write`, and `current_item`, `move`, `set_visit`, `_show_score`.
    """

    ctx: DeskContext
    model: ChecklistModel
    view: ChecklistView
    pane: AnswerPane
    visit_id: int | None
    final: bool

    def _typing_timers(self) -> None:
        self._filling = False  # the pane is being filled from the model, not typed into
        self._note_item: int | None = None  # item whose note has unsaved typing
        self._value_item: int | None = None  # item whose number/text has unsaved typing
        self.note_timer = self._timer(self.flush_note)
        self.value_timer = self._timer(self.flush_value)

    def _timer(self, slot: Callable[[], None]) -> QTimer:
        timer = QTimer(self)  # type: ignore[arg-type]  # the panel is the QObject
        timer.setSingleShot(True)
        timer.setInterval(TYPING_PAUSE_MS)
        timer.timeout.connect(slot)
        return timer

    def _connect_typing(self) -> None:
        self.pane.answer_chosen.connect(self.answer)
        self.pane.note_edit.textChanged.connect(self._note_typed)
        self.pane.text_edit.textChanged.connect(self._value_typed)
        self.pane.number_edit.textEdited.connect(lambda _t: self._value_typed())
        self.pane.number_edit.returnPressed.connect(self._value_entered)

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
        # VisitPanel.write: through ctx.run_op, then `saved` for the visit editor.
        self.write(
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
        if answer_kind(item) == "number":
            typed = self.pane.number_edit.text()
            value = parse_number(typed)
            if typed.strip() and value is None:
                self.notice.emit(_("Not a number: {0}").format(typed), "error")
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
        super().failed(exc)  # type: ignore[misc]
        db, visit_id = self.ctx.db, self.visit_id
        if visit_id is not None:
            self.ctx.runner.run(lambda: visit_detail(db, visit_id), self._reloaded, super().failed)  # type: ignore[misc]

    def _reloaded(self, detail: VisitDetail) -> None:
        self.set_visit(detail.visit.id, detail.template, detail.answers, detail.score, detail.attachments,
                       detail.visit.status == VisitStatus.FINAL)  # fmt: skip

    def _saved(self, saved: SavedAnswer) -> None:
        if saved.answer is not None:
            self.model.set_answer(saved.answer.item_id, saved.answer)
        self._show_score(saved.score)
