"""The current checklist item in full: guidance, big answer buttons with number keys, value, note, photos."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, QSize, Qt, Signal
from PySide6.QtGui import QFont, QIcon, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from app.monev.scoring import ANSWER_SETS, NA, AnswerOption
from app.monev.templates import ItemData
from app.monev.visits import AnswerInfo, AttachmentInfo

from ui.monev.checklist_model import number_text


def answer_kind(item: ItemData | None) -> str:
    """How *item* is answered: 'choice' (buttons and number keys), 'number' or 'text'."""
    if item is None or item.answer_set not in ANSWER_SETS:
        return "choice"
    return ANSWER_SETS[item.answer_set].kind


def key_options(answer_set: str) -> list[tuple[str, AnswerOption]]:
    """(key, option) pairs: 1, 2, 3 … for the options in order, 0 for N.A."""
    aset = ANSWER_SETS.get(answer_set)
    if aset is None or aset.kind != "choice":
        return []
    scored = [o for o in aset.options if o.code != NA]
    pairs = [(str(i), o) for i, o in enumerate(scored, start=1)]
    pairs += [("0", o) for o in aset.options if o.code == NA]
    return pairs


def parse_number(typed: str) -> float | None:
    """'12', '1.250' (thousands), '2,5' or '2.5' → a float; None when it is not a number."""
    s = typed.strip().replace(" ", "")
    if not s:
        return None
    if "," in s:
        s = s.replace(".", "").replace(",", ".")
    elif QRegularExpression(r"^-?\d{1,3}(\.\d{3})+$").match(s).hasMatch():
        s = s.replace(".", "")  # Indonesian thousands: 1.250 is one thousand two hundred fifty
    try:
        return float(s)
    except ValueError:
        return None


class AnswerPane(QWidget):
    """Shows one item; emits what the supervisor chose or typed (the panel saves it)."""

    answer_chosen = Signal(str)  # option code
    attach_requested = Signal()

    def __init__(self, lang: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.lang = lang
        self.item: ItemData | None = None
        self.read_only = False
        self.code_label = QLabel()
        self.code_label.setStyleSheet("color: #5f6368; font-weight: bold;")
        self.critical_label = QLabel(_("CRITICAL ITEM — an answer that scores 0 fails the section"))
        self.critical_label.setWordWrap(True)
        self.critical_label.setStyleSheet(
            "background: #fce8e6; color: #a50e0e; font-weight: bold; padding: 3px 6px; border-radius: 4px;"
        )
        self.text_label = QLabel()
        self.text_label.setWordWrap(True)
        big = QFont(self.text_label.font())
        big.setPointSizeF(big.pointSizeF() * 1.2)
        big.setBold(True)
        self.text_label.setFont(big)
        self.guidance = QLabel()
        self.guidance.setWordWrap(True)
        self.guidance.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.guidance.setStyleSheet("color: #3c4043;")
        self.guidance.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        self.choice_row = QGridLayout()
        self.choice_row.setSpacing(6)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str, QPushButton] = {}
        self.group.idClicked.connect(self._clicked)
        self.number_edit = QLineEdit()
        self.number_edit.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"-?[0-9., ]{0,20}"), self)
        )
        self.number_edit.setPlaceholderText(_("Type a number, Enter saves"))
        self.number_edit.setMaximumWidth(220)
        self.text_edit = QPlainTextEdit()
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setPlaceholderText(_("Type the answer; it is saved as you type"))
        self.text_edit.setMaximumHeight(110)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setPlaceholderText(_("Note for this item (E); saved as you type"))
        self.note_edit.setMinimumHeight(60)
        self.note_edit.setMaximumHeight(120)
        self.photos = QListWidget()
        self.photos.setViewMode(QListView.ViewMode.IconMode)
        self.photos.setIconSize(QSize(96, 72))
        self.photos.setFixedHeight(104)
        self.photos.setFlow(QListView.Flow.LeftToRight)
        self.photos.setWrapping(False)
        self.photos.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.attach_button = QPushButton(_("Attach photo to this item…"))
        self.attach_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.attach_button.clicked.connect(self.attach_requested)
        self.keys_hint = QLabel()
        self.keys_hint.setWordWrap(True)
        self.keys_hint.setStyleSheet("color: #5f6368; font-size: 11px;")
        self._build()
        self.show_item(None, None, [])

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(self.code_label)
        head.addStretch(1)
        layout.addLayout(head)
        layout.addWidget(self.critical_label)
        layout.addWidget(self.text_label)
        self.guidance_head = QLabel(_("Guidance"))
        self.guidance_head.setStyleSheet("color: #5f6368; font-size: 11px;")
        layout.addWidget(self.guidance_head)
        layout.addWidget(self.guidance)
        self.answer_head = QLabel(_("Answer"))
        self.answer_head.setStyleSheet("color: #5f6368; font-size: 11px;")
        layout.addWidget(self.answer_head)
        layout.addLayout(self.choice_row)
        layout.addWidget(self.number_edit)
        layout.addWidget(self.text_edit)
        layout.addWidget(self.keys_hint)
        note_head = QLabel(_("Note"))
        note_head.setStyleSheet("color: #5f6368; font-size: 11px;")
        layout.addWidget(note_head)
        layout.addWidget(self.note_edit)
        photo_head = QHBoxLayout()
        label = QLabel(_("Photos of this item"))
        label.setStyleSheet("color: #5f6368; font-size: 11px;")
        photo_head.addWidget(label)
        photo_head.addStretch(1)
        photo_head.addWidget(self.attach_button)
        layout.addLayout(photo_head)
        layout.addWidget(self.photos)
        layout.addStretch(1)

    # --- showing -------------------------------------------------------------

    def _set_buttons(self, answer_set: str) -> None:
        for button in self.buttons.values():
            self.group.removeButton(button)
            self.choice_row.removeWidget(button)
            button.hide()  # at once: deleteLater waits for the event loop
            button.setParent(None)
            button.deleteLater()
        self.buttons = {}
        options = key_options(answer_set)
        # Three choices fit on one line; four or five go two to a line so labels are never cut.
        per_line = len(options) if len(options) <= 3 else 2
        for i, (key, option) in enumerate(options):
            button = QPushButton(f"{key}  ·  {option.label(self.lang)}")
            button.setCheckable(True)
            button.setMinimumHeight(46)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys stay with the checklist
            button.setToolTip(_("Key {0}").format(key))
            button.setStyleSheet(
                "QPushButton { font-size: 14px; padding: 4px 10px; }"
                "QPushButton:checked { background: #1f3a5f; color: white; font-weight: bold; }"
            )
            self.group.addButton(button, i)
            self.choice_row.addWidget(button, i // per_line, i % per_line)
            self.buttons[option.code] = button

    def _clicked(self, button_id: int) -> None:
        for code, button in self.buttons.items():
            if self.group.id(button) == button_id:
                self.answer_chosen.emit(code)

    def show_item(
        self,
        item: ItemData | None,
        answer: AnswerInfo | None,
        photos: list[tuple[AttachmentInfo, QIcon | None]],
    ) -> None:
        """Fill the pane for *item* (None: nothing chosen)."""
        self.item = item
        kind = answer_kind(item)
        self.code_label.setText(item.code if item else "")
        self.critical_label.setVisible(bool(item and item.critical))
        self.text_label.setText(item.text if item else _("Choose an item in the checklist."))
        self.guidance.setText(item.guidance if item and item.guidance else "")
        has_guidance = bool(item and item.guidance)
        self.guidance.setVisible(has_guidance)
        self.guidance_head.setVisible(has_guidance)
        self.answer_head.setVisible(item is not None)
        self._set_buttons(item.answer_set if item and kind == "choice" else "")
        self.number_edit.setVisible(item is not None and kind == "number")
        self.text_edit.setVisible(item is not None and kind == "text")
        self.number_edit.setText(
            number_text(answer.number, self.lang) if answer and answer.number is not None else ""
        )
        self.text_edit.setPlainText(answer.text or "" if answer else "")
        self.note_edit.setPlainText(answer.note or "" if answer else "")
        self.note_edit.setEnabled(item is not None)
        self.set_read_only(self.read_only)
        self.show_answer(answer)
        self.show_photos(photos)
        if kind == "choice":
            keys = _(
                "Keys: 1–{0} answer, 0 or N = N.A., Del clears · ↑/↓ or K/J move · Enter next · E note"
            )
            self.keys_hint.setText(keys.format(max(1, len(self.buttons) - 1)))
        elif kind == "number":
            self.keys_hint.setText(
                _(
                    "Type the number (digits jump here), Enter saves and goes on · Esc back to the list"
                )
            )
        else:
            self.keys_hint.setText(
                _("Enter starts typing; Ctrl+Enter saves and goes on · Esc back to the list")
            )

    def show_answer(self, answer: AnswerInfo | None) -> None:
        chosen = answer.answer if answer else None
        self.group.setExclusive(False)  # lets every button be unchecked when nothing is chosen
        for code, button in self.buttons.items():
            button.setChecked(code == chosen)
        self.group.setExclusive(True)

    def show_photos(self, photos: list[tuple[AttachmentInfo, QIcon | None]]) -> None:
        self.photos.clear()
        for info, icon in photos:
            entry = QListWidgetItem(info.caption[:24] if info.caption else "")
            if icon is not None:
                entry.setIcon(icon)
            entry.setToolTip(info.caption)
            self.photos.addItem(entry)
        self.photos.setVisible(bool(photos))

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        for button in self.buttons.values():
            button.setEnabled(not read_only)
        self.number_edit.setReadOnly(read_only)
        self.text_edit.setReadOnly(read_only)
        self.note_edit.setReadOnly(read_only)
        self.attach_button.setEnabled(not read_only and self.item is not None)
