"""The checklist's keys: number keys answer, J/K and arrows move, E notes, Esc and Ctrl+Enter leave a field."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent

from ui.monev.answer_pane import answer_kind, key_options

if TYPE_CHECKING:
    from ui.monev.answer_pane import AnswerPane
    from ui.monev.checklist_view import ChecklistView


class ChecklistKeys:
    """Mixed into ChecklistPanel: what a key does in the checklist and in the pane's fields.

    The panel provides the view, the pane, whether the visit is final, and the verbs
    the keys call (`current_item`, `move`, `answer`, `clear_answer`, `flush_note`,
    `flush_value`, `_value_typed`).
    """

    view: ChecklistView
    pane: AnswerPane
    final: bool

    def _key(self, event: QKeyEvent) -> bool:
        """Handle a key pressed in the checklist; False leaves it to the tree."""
        if event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        ):
            return False
        key, typed = event.key(), event.text().lower()
        item = self.current_item()
        kind = answer_kind(item)
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
        """The pane's fields: leaving one saves it; Esc goes back to the list, Ctrl+Enter on."""
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
        return super().eventFilter(watched, event)  # type: ignore[misc]
