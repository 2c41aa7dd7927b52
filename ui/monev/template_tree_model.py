"""Tree model of a checklist template being edited: sections holding items, with add, remove and move."""

from __future__ import annotations

import copy
import re

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from app.i18n import N_, _, ngettext
from app.monev.templates import ItemData, SectionData, TemplateData

from ui.monev.checklist_model import CRITICAL_TIP, number_text

COL_CODE, COL_TEXT, COL_WEIGHT = range(3)
_LAST = COL_WEIGHT
_SECTION = 0  # internalId of a section row; an item row's is its section's key
_CRITICAL = "#a50e0e"
_HEADERS = (N_("Code"), N_("Section / item"), N_("Weight"))

AnyIndex = QModelIndex | QPersistentModelIndex


class TemplateTreeModel(QAbstractItemModel):
    """Sections and their items of one TemplateData, edited in place.

    Each section gets a key that never changes while the model holds it, and
    an item row's internalId is its section's key (not its row): moving a
    section then leaves its items' indexes valid.
    """

    def __init__(self, lang: str | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.lang = lang
        self.edited: TemplateData = TemplateData("", "")
        self._keys: list[int] = []
        self._next_key = 1

    # --- feeding and reading ---------------------------------------------

    def set_template(self, data: TemplateData) -> None:
        self.beginResetModel()
        self.edited = copy.deepcopy(data)
        self._keys = [self._new_key() for _ in self.edited.sections]
        self.endResetModel()

    def template(self) -> TemplateData:
        """A copy of the edited template (what the editor saves)."""
        return copy.deepcopy(self.edited)

    def _new_key(self) -> int:
        self._next_key += 1
        return self._next_key

    @property
    def sections(self) -> list[SectionData]:
        return self.edited.sections

    def is_section(self, index: AnyIndex) -> bool:
        return index.isValid() and index.internalId() == _SECTION

    def section_row(self, index: AnyIndex) -> int:
        """Row of the section of *index* (itself or its parent); -1 for no index."""
        if not index.isValid():
            return -1
        return (
            index.row() if index.internalId() == _SECTION else self._keys.index(index.internalId())
        )

    def section_at(self, index: AnyIndex) -> SectionData | None:
        return self.sections[index.row()] if self.is_section(index) else None

    def item_at(self, index: AnyIndex) -> ItemData | None:
        if not index.isValid() or index.internalId() == _SECTION:
            return None
        return self.sections[self.section_row(index)].items[index.row()]

    def section_index(self, row: int, column: int = COL_CODE) -> QModelIndex:
        return self.index(row, column)

    def item_index(self, section_row: int, row: int, column: int = COL_CODE) -> QModelIndex:
        return self.index(row, column, self.index(section_row, 0))

    def find(self, section: str, item: str | None = None) -> QModelIndex:
        """The node a problem names: section code or '#n', then item code or '#n' (last match wins,
        because a duplicate is reported on its later copy)."""
        rows = [r for r, s in enumerate(self.sections) if s.code == section]
        if not rows and re.fullmatch(r"#\d+", section) and int(section[1:]) <= len(self.sections):
            rows = [int(section[1:]) - 1]
        if not rows:
            return QModelIndex()
        s_row = rows[-1]
        if item is None:
            return self.section_index(s_row)
        items = self.sections[s_row].items
        matches = [r for r, i in enumerate(items) if i.code == item]
        if not matches and re.fullmatch(r"#\d+", item) and int(item[1:]) <= len(items):
            matches = [int(item[1:]) - 1]
        return self.item_index(s_row, matches[-1]) if matches else self.section_index(s_row)

    def node_changed(self, index: AnyIndex) -> None:
        """The form changed the node of *index*: repaint its row."""
        if index.isValid():
            self.dataChanged.emit(index.siblingAtColumn(0), index.siblingAtColumn(_LAST))

    # --- structure edits -------------------------------------------------

    def _codes(self) -> set[str]:
        return {i.code for _s, i in self.edited.items()}

    def add_section(self, after: int = -1) -> QModelIndex:
        """A new section with one item after section row *after* (-1: at the end)."""
        row = len(self.sections) if after < 0 else after + 1
        taken = {s.code for s in self.sections}
        n = len(self.sections) + 1
        while f"B{n}" in taken:
            n += 1
        section = SectionData(f"B{n}", _("New section", self.lang))
        section.items.append(self._new_item(section.code, set()))
        self.beginInsertRows(QModelIndex(), row, row)
        self.sections.insert(row, section)
        self._keys.insert(row, self._new_key())
        self.endInsertRows()
        return self.section_index(row)

    def _new_item(self, section_code: str, taken: set[str]) -> ItemData:
        n = 1
        while f"{section_code}.{n:02d}" in taken:
            n += 1
        return ItemData(f"{section_code}.{n:02d}", _("New item", self.lang))

    def add_item(self, section_row: int, after: int = -1) -> QModelIndex:
        section = self.sections[section_row]
        row = len(section.items) if after < 0 else after + 1
        item = self._new_item(section.code, self._codes())
        self.beginInsertRows(self.section_index(section_row), row, row)
        section.items.insert(row, item)
        self.endInsertRows()
        return self.item_index(section_row, row)

    def remove(self, index: AnyIndex) -> QModelIndex:
        """Remove the node of *index*; returns the neighbour to select."""
        if not index.isValid():
            return QModelIndex()
        row = index.row()
        if self.is_section(index):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.sections[row]
            del self._keys[row]
            self.endRemoveRows()
            return self.section_index(min(row, len(self.sections) - 1))
        s_row = self.section_row(index)
        self.beginRemoveRows(self.section_index(s_row), row, row)
        del self.sections[s_row].items[row]
        self.endRemoveRows()
        items = self.sections[s_row].items
        return (
            self.item_index(s_row, min(row, len(items) - 1)) if items else self.section_index(s_row)
        )

    def move(self, index: AnyIndex, delta: int) -> QModelIndex:
        """Move one row up (-1) or down (+1); an item at the edge of its section moves into the next one."""
        if not index.isValid():
            return QModelIndex()
        row = index.row()
        if self.is_section(index):
            to = row + delta
            if not 0 <= to < len(self.sections):
                return self.section_index(row)
            # beginMoveRows wants the destination as "before this row" in the old numbering.
            self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), to + 1 if delta > 0 else to)
            self.sections.insert(to, self.sections.pop(row))
            self._keys.insert(to, self._keys.pop(row))
            self.endMoveRows()
            return self.section_index(to)
        s_row = self.section_row(index)
        items = self.sections[s_row].items
        to_section, to = s_row, row + delta
        if not 0 <= to < len(items):
            to_section = s_row + delta
            if not 0 <= to_section < len(self.sections):
                return self.item_index(s_row, row)
            to = len(self.sections[to_section].items) if delta < 0 else 0
        source, target = self.section_index(s_row), self.section_index(to_section)
        before = to + 1 if (to_section == s_row and delta > 0) else to
        self.beginMoveRows(source, row, row, target, before)
        self.sections[to_section].items.insert(to, items.pop(row))
        self.endMoveRows()
        return self.item_index(to_section, to)

    # --- Qt model API ----------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _SECTION)
        return self.createIndex(row, column, self._keys[parent.row()])

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == _SECTION:
            return QModelIndex()
        return self.createIndex(self._keys.index(index.internalId()), 0, _SECTION)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self.sections)
        if parent.internalId() == _SECTION and parent.column() == 0:
            return len(self.sections[parent.row()].items)
        return 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return _LAST + 1

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[override]  # fmt: skip
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section <= _LAST
        ):
            return _(_HEADERS[section], self.lang)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags if self.is_section(index) else flags | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[override]
        if not index.isValid():
            return None
        col = index.column()
        section = self.section_at(index)
        if section is not None:
            if role == Qt.ItemDataRole.DisplayRole:
                n = len(section.items)
                count = ngettext("{0} item", "{0} items", n, self.lang).format(n)
                return [section.code, section.title, count][col]
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            return None
        item = self.item_at(index)
        assert item is not None
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_CODE:
                return item.code
            if col == COL_TEXT:
                return " ".join(item.text.split())
            weight = number_text(float(item.weight), self.lang)
            return weight + " · " + _("critical", self.lang) if item.critical else weight
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_TEXT:
            return item.text
        if role == Qt.ItemDataRole.ToolTipRole and item.critical:
            return _(CRITICAL_TIP, self.lang)
        if item.critical and role == Qt.ItemDataRole.ForegroundRole and col != COL_TEXT:
            return QColor(_CRITICAL)
        if item.critical and role == Qt.ItemDataRole.FontRole and col != COL_TEXT:
            font = QFont()
            font.setBold(True)
            return font
        return None
