"""The template editor's right-hand form: edit the selected section or item of a checklist template."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from app.monev.scoring import ANSWER_SETS
from app.monev.templates import ItemData, SectionData

PAGE_NONE, PAGE_SECTION, PAGE_ITEM = range(3)


def _text_box(height: int) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setMinimumHeight(height)
    return box


class TemplateNodeForm(QStackedWidget):
    """A page per kind of node (nothing, section, item); `edited` fires only when the user changes a field."""

    edited = Signal()

    def __init__(self, lang: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._loading = False  # the form is being filled from the model, not typed into
        # Section form.
        self.section_code = QLineEdit()
        self.section_title = QLineEdit()
        self.section_code.setMaxLength(40)
        self.section_title.setMaxLength(200)
        # Item form.
        self.item_code = QLineEdit()
        self.item_code.setMaxLength(40)
        self.item_text = _text_box(70)
        self.item_text.setMaximumHeight(130)  # the guidance below gets the room that is left
        self.item_guidance = _text_box(140)
        self.answer_set = QComboBox()
        for code, aset in ANSWER_SETS.items():
            self.answer_set.addItem(aset.label(lang), code)
        self.weight = QDoubleSpinBox()
        self.weight.setRange(0.01, 1000)
        self.weight.setDecimals(2)
        self.weight.setSingleStep(0.5)
        self.critical = QCheckBox(_("Critical: an answer that scores 0 fails the section"))
        self._build()
        self._connect()

    def _build(self) -> None:
        hint = QLabel(_("Select a section or an item on the left to edit it."))
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setWordWrap(True)
        section_box = QGroupBox(_("Section"))
        sf = QFormLayout(section_box)
        sf.addRow(_("Co&de:"), self.section_code)
        sf.addRow(_("T&itle:"), self.section_title)
        item_box = QGroupBox(_("Item"))
        itf = QFormLayout(item_box)
        itf.addRow(_("Co&de:"), self.item_code)
        itf.addRow(_("Te&xt:"), self.item_text)
        itf.addRow(_("&Guidance:"), self.item_guidance)
        itf.addRow(_("&Answers:"), self.answer_set)
        itf.addRow(_("&Weight:"), self.weight)
        itf.addRow("", self.critical)
        for page in (hint, section_box, item_box):
            holder = QWidget()
            hl = QVBoxLayout(holder)
            hl.setContentsMargins(0, 0, 0, 0)
            hl.addWidget(page, 1 if page is item_box or page is hint else 0)
            if page is section_box:
                hl.addStretch(1)
            self.addWidget(holder)

    def _connect(self) -> None:
        for edit in (self.section_code, self.section_title, self.item_code):
            edit.textChanged.connect(self._changed)
        for box in (self.item_text, self.item_guidance):
            box.textChanged.connect(self._changed)
        self.answer_set.currentIndexChanged.connect(self._changed)
        self.weight.valueChanged.connect(self._changed)
        self.critical.toggled.connect(self._changed)

    def _changed(self, *_args: object) -> None:
        if not self._loading:
            self.edited.emit()

    def show_node(self, section: SectionData | None, item: ItemData | None) -> None:
        """Fill the form from *section* or *item* (both None: the hint page) without firing `edited`."""
        self._loading = True
        try:
            if section is not None:
                self.section_code.setText(section.code)
                self.section_title.setText(section.title)
                self.setCurrentIndex(PAGE_SECTION)
            elif item is not None:
                self.item_code.setText(item.code)
                self.item_text.setPlainText(item.text)
                self.item_guidance.setPlainText(item.guidance)
                self.answer_set.setCurrentIndex(max(0, self.answer_set.findData(item.answer_set)))
                self.weight.setValue(float(item.weight))
                self.critical.setChecked(bool(item.critical))
                self._fit_critical()
                self.setCurrentIndex(PAGE_ITEM)
            else:
                self.setCurrentIndex(PAGE_NONE)
        finally:
            self._loading = False

    def store(self, section: SectionData | None, item: ItemData | None) -> bool:
        """Write the fields into *section* or *item*; False when neither is given."""
        if section is not None:
            section.code = self.section_code.text().strip()
            section.title = self.section_title.text()
        elif item is not None:
            self._fit_critical()
            item.code = self.item_code.text().strip()
            item.text = self.item_text.toPlainText()
            item.guidance = self.item_guidance.toPlainText()
            item.answer_set = self.answer_set.currentData()
            item.weight = self.weight.value()
            item.critical = self.critical.isChecked()
        else:
            return False
        return True

    def _fit_critical(self) -> None:
        """Only a scored answer set can fail its section."""
        aset = ANSWER_SETS.get(self.answer_set.currentData())
        scored = bool(aset and aset.scored)
        if not scored:
            self.critical.setChecked(False)
        self.critical.setEnabled(scored)
