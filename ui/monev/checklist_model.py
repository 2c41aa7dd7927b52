"""Tree model of a visit's checklist: sections (with live scores) holding items (answer, note)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from app.i18n import N_, _, number
from app.monev.scoring import SectionScore, VisitScore, answer_fraction, answer_words
from app.monev.templates import ItemData, SectionData, TemplateData
from app.monev.visits import AnswerInfo

from ui.monev.visit_list_model import score_text

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1  # ItemData of an item row, None on a section row
ANSWER_ROLE = Qt.ItemDataRole.UserRole + 2  # AnswerInfo of an item row (None: unanswered)
SECTION_SCORE_ROLE = Qt.ItemDataRole.UserRole + 3  # SectionScore of a section row

COL_CODE, COL_TEXT, COL_ANSWER, COL_NOTE = range(4)
_LAST = COL_NOTE
_SECTION = 0  # internalId of a section row; an item row's is its section's row + 1
_NOTE_SHOWN = 140  # characters of a note shown in the table; the whole note is in the tooltip

AnyIndex = QModelIndex | QPersistentModelIndex

_HEADERS = (N_("Code"), N_("Item"), N_("Answer"), N_("Note"))
# The tooltip of a critical item's code, in the checklist and in the template editor alike.
CRITICAL_TIP = N_("Critical item: an answer that scores 0 fails the whole section.")
_GOOD, _PART, _BAD, _MUTED, _FAIL = "#0d652d", "#8a5300", "#a50e0e", "#5f6368", "#b3261e"


def number_text(value: float, lang: str | None = None) -> str:
    """'12,5' in Indonesian: up to three decimals, grouped thousands."""
    return number(value, lang, "#,##0.###")


class ChecklistModel(QAbstractItemModel):
    """Two levels: section rows (code, title, score, answered/total) and their item rows."""

    def __init__(self, lang: str | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.lang = lang
        self.sections: list[SectionData] = []
        self.answers: dict[int, AnswerInfo] = {}
        self.scores: list[SectionScore] = []
        self._where: dict[int, tuple[int, int]] = {}  # item id -> (section row, item row)

    # --- feeding ---------------------------------------------------------

    def set_visit(
        self, template: TemplateData, answers: dict[int, AnswerInfo], score: VisitScore
    ) -> None:
        self.beginResetModel()
        self.sections = list(template.sections)
        self.answers = dict(answers)
        self.scores = list(score.sections)
        self._where = {
            item.id: (s, i)
            for s, sec in enumerate(self.sections)
            for i, item in enumerate(sec.items)
            if item.id is not None
        }
        self.endResetModel()

    def set_answer(self, item_id: int, answer: AnswerInfo | None) -> None:
        if item_id not in self._where:
            return
        if answer is None:
            self.answers.pop(item_id, None)
        else:
            self.answers[item_id] = answer
        index = self.item_index(item_id)
        self.dataChanged.emit(
            index.siblingAtColumn(COL_ANSWER),
            index.siblingAtColumn(COL_NOTE),
            [
                Qt.ItemDataRole.DisplayRole,
                Qt.ItemDataRole.ToolTipRole,
                Qt.ItemDataRole.ForegroundRole,
                ANSWER_ROLE,
            ],
        )

    def set_score(self, score: VisitScore) -> None:
        self.scores = list(score.sections)
        if self.sections:
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(len(self.sections) - 1, _LAST),
                [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole, SECTION_SCORE_ROLE],
            )

    # --- lookups ---------------------------------------------------------

    def item_ids(self) -> list[int]:
        """Item ids in checklist order (the order Up/Down walks)."""
        return [item.id for sec in self.sections for item in sec.items if item.id is not None]

    def item_index(self, item_id: int, column: int = COL_CODE) -> QModelIndex:
        where = self._where.get(item_id)
        if where is None:
            return QModelIndex()
        return self.index(where[1], column, self.index(where[0], 0))

    def item_at(self, index: AnyIndex) -> ItemData | None:
        if not index.isValid() or index.internalId() == _SECTION:
            return None
        return self.sections[index.internalId() - 1].items[index.row()]

    def section_score(self, row: int) -> SectionScore | None:
        return self.scores[row] if 0 <= row < len(self.scores) else None

    def failed_label(self) -> str:
        return _("FAILED (critical item)", self.lang)

    # --- Qt model API ----------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _SECTION)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == _SECTION:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _SECTION)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self.sections)
        if parent.internalId() == _SECTION and parent.column() == 0:
            return len(self.sections[parent.row()].items)
        return 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return _LAST + 1

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):  # type: ignore[override]
        if orientation != Qt.Orientation.Horizontal or not 0 <= section <= _LAST:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _(_HEADERS[section], self.lang)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.internalId() != _SECTION:
            flags |= Qt.ItemFlag.ItemNeverHasChildren
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[override]
        if not index.isValid():
            return None
        if index.internalId() == _SECTION:
            return self._section_data(index.row(), index.column(), role)
        item = self.item_at(index)
        return None if item is None else self._item_data(item, index.column(), role)

    def _section_data(self, row: int, col: int, role: int):
        sec = self.sections[row]
        score = self.section_score(row)
        failed = bool(score and score.failed)
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_CODE:
                return sec.code
            if col == COL_TEXT:
                return f"{sec.title} — {self.failed_label()}" if failed else sec.title
            if col == COL_ANSWER:
                return score_text(score.score if score else None, self.lang)
            answered = score.answered if score else 0
            return _("{0} of {1} answered", self.lang).format(answered, len(sec.items))
        if role == SECTION_SCORE_ROLE:
            return score
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and failed and col in (COL_TEXT, COL_ANSWER):
            return QColor(_FAIL)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QColor("#fce8e6" if failed else "#e8eef6")
        if role == Qt.ItemDataRole.ToolTipRole and failed and score:
            return _("Failed by critical item(s): {0}", self.lang).format(
                ", ".join(score.failed_items)
            )
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_ANSWER:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _item_data(self, item: ItemData, col: int, role: int):
        answer = self.answers.get(item.id) if item.id is not None else None
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_CODE:
                return item.code
            if col == COL_TEXT:
                return item.text
            if col == COL_ANSWER:
                # One line in the table; the pane shows a text answer as written.
                return answer_words(item.answer_set, answer, self.lang).replace("\n", " ")
            note = (answer.note or "") if answer else ""
            return note if len(note) <= _NOTE_SHOWN else note[: _NOTE_SHOWN - 1] + "…"
        if role == ITEM_ROLE:
            return item
        if role == ANSWER_ROLE:
            return answer
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == COL_CODE and item.critical:
                return _(CRITICAL_TIP, self.lang)
            if col == COL_NOTE and answer and answer.note:
                return answer.note
            if col == COL_TEXT:
                return item.guidance or None
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == COL_CODE and item.critical:
                return QColor(_FAIL)
            if col == COL_ANSWER:
                fraction = answer_fraction(item.answer_set, answer)
                if fraction is None:
                    return QColor(_MUTED)
                return QColor(_GOOD if fraction >= 1 else _BAD if fraction <= 0 else _PART)
            return None
        if role == Qt.ItemDataRole.FontRole and (
            col == COL_ANSWER or (col == COL_CODE and item.critical)
        ):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and col == COL_CODE and item.critical:
            return QColor("#fdecea")
        return None
