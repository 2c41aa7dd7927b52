"""Rows of people on a visit form: the supervising team (with roles) and the office representatives."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _, label
from app.monev.visits import TEAM_ROLES, OfficeRep, TeamMember

from ui.widgets.fields import FieldError


class PersonRow:
    """The editors of one person; `error` shows the row's reasons (name, NIP, role)."""

    def __init__(self, with_role: bool, lang: str | None = None):
        self.name = QLineEdit()
        self.name.setMaxLength(120)
        self.nip = QLineEdit()
        self.nip.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9 ]{0,24}")))
        self.nip.setMaxLength(24)
        self.nip.setMinimumWidth(150)
        self.position = QLineEdit()
        self.position.setMaxLength(160)
        self.role: QComboBox | None = None
        if with_role:
            self.role = QComboBox()
            for code in TEAM_ROLES:
                self.role.addItem(label(TEAM_ROLES, code, lang), code)
        self.remove = QToolButton()
        self.remove.setText("✕")
        self.error = FieldError()

    def editors(self) -> list[QWidget]:
        out: list[QWidget] = [self.name, self.nip, self.position]
        if self.role is not None:
            out.append(self.role)
        return out

    def is_blank(self) -> bool:
        return not (
            self.name.text().strip() or self.nip.text().strip() or self.position.text().strip()
        )


class PeopleRows(QWidget):
    """Add/remove rows of people; `kind` is "team" or "office_reps" (the service's field names)."""

    rows_changed = Signal()

    def __init__(self, kind: str, lang: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.kind = kind
        self.lang = lang
        self.rows: list[PersonRow] = []
        self.read_only = False
        self.grid = QGridLayout()
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(6)
        self.grid.setVerticalSpacing(2)
        self.error = FieldError()  # reasons about the whole list (e.g. two leaders)
        add_text = _("Add team member") if kind == "team" else _("Add representative")
        self.add_button = QPushButton("+ " + add_text)
        self.add_button.clicked.connect(lambda: self.add_row(focus=True))
        self.heads = [QLabel(text) for text in self._headers()]
        for head in self.heads:
            head.setStyleSheet("color: #5f6368; font-size: 11px;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.grid)
        layout.addWidget(self.error)
        bar = QHBoxLayout()
        bar.addWidget(self.add_button)
        bar.addStretch(1)
        layout.addLayout(bar)
        self._relayout()

    def _headers(self) -> list[str]:
        if self.kind == "team":
            return [_("Name / position"), _("NIP (18 digits) / role")]
        return [_("Name / position"), _("NIP (18 digits)")]

    def _relayout(self) -> None:
        """Two lines a person (name and NIP, then position and role) so long titles fit."""
        while self.grid.count():
            self.grid.takeAt(0)
        for col, head in enumerate(self.heads):
            self.grid.addWidget(head, 0, col)
        self.grid.setColumnStretch(0, 3)
        self.grid.setColumnStretch(1, 0)  # NIP and role need little; names and titles more
        for i, row in enumerate(self.rows):
            top = 1 + 3 * i
            self.grid.addWidget(row.name, top, 0)
            self.grid.addWidget(row.nip, top, 1)
            self.grid.addWidget(row.remove, top, 2)
            self.grid.addWidget(row.position, top + 1, 0)
            if row.role is not None:
                self.grid.addWidget(row.role, top + 1, 1)
            self.grid.addWidget(row.error, top + 2, 0, 1, 3)
            self.grid.setRowMinimumHeight(top + 2, 6)  # a gap between people

    def add_row(
        self, person: TeamMember | OfficeRep | None = None, focus: bool = False
    ) -> PersonRow:
        row = PersonRow(self.kind == "team", self.lang)
        row.remove.setToolTip(_("Remove this row"))
        row.name.setPlaceholderText(_("Name"))
        row.nip.setPlaceholderText(_("NIP (18 digits)"))
        row.position.setPlaceholderText(_("Position"))
        row.remove.clicked.connect(lambda: self.remove_row(row))
        if row.role is not None:
            # The first person entered leads the team unless said otherwise.
            role = (
                person.role
                if isinstance(person, TeamMember)
                else ("ketua" if not self.rows else "anggota")
            )
            row.role.setCurrentIndex(max(0, row.role.findData(role)))
        if person is not None:
            row.name.setText(person.name)
            row.nip.setText(person.nip)
            row.position.setText(person.position)
            for edit in (row.name, row.nip, row.position):
                edit.setCursorPosition(0)  # long names show their beginning
        self.rows.append(row)
        self._relayout()
        self.set_read_only(self.read_only)
        self.rows_changed.emit()
        if focus:
            row.name.setFocus()
        return row

    def remove_row(self, row: PersonRow) -> None:
        if row not in self.rows:
            return
        self.rows.remove(row)
        for widget in (*row.editors(), row.remove, row.error):
            self.grid.removeWidget(widget)
            widget.hide()
            widget.setParent(None)
            widget.deleteLater()
        self._relayout()
        self.rows_changed.emit()

    def set_people(self, people: tuple[TeamMember, ...] | tuple[OfficeRep, ...]) -> None:
        for row in list(self.rows):
            self.remove_row(row)
        for person in people:
            self.add_row(person)
        if not self.rows:
            self.add_row()

    def team(self) -> list[TeamMember]:
        """Non-blank rows as team members (blank rows are left out, not refused)."""
        return [
            TeamMember(
                r.name.text(),
                r.nip.text(),
                r.position.text(),
                r.role.currentData() if r.role else "anggota",
            )
            for r in self.rows
            if not r.is_blank()
        ]

    def reps(self) -> list[OfficeRep]:
        return [
            OfficeRep(r.name.text(), r.position.text(), r.nip.text())
            for r in self.rows
            if not r.is_blank()
        ]

    def kept_rows(self) -> list[PersonRow]:
        """Rows that go to the service, in order: index i here is `team.i` in its reasons."""
        return [r for r in self.rows if not r.is_blank()]

    def show_problems(self, problems: dict[str, str]) -> list[str]:
        """Put `team.2.nip`-style reasons under their rows; returns the field keys used."""
        used: list[str] = []
        kept = self.kept_rows()
        for row in self.rows:
            messages = []
            if row in kept:
                i = kept.index(row)
                for part in ("name", "nip", "position", "role"):
                    key = f"{self.kind}.{i}.{part}"
                    if key in problems:
                        messages.append(problems[key])
                        used.append(key)
            row.error.show_message(" ".join(dict.fromkeys(messages)))
        self.error.show_message(problems.get(self.kind, ""))
        if self.kind in problems:
            used.append(self.kind)
        return used

    def first_bad_editor(self, problems: dict[str, str]) -> QWidget | None:
        for i, row in enumerate(self.kept_rows()):
            for part, editor in (("name", row.name), ("nip", row.nip), ("role", row.role)):
                if f"{self.kind}.{i}.{part}" in problems and editor is not None:
                    return editor
        return None

    def editors(self) -> list[QWidget]:
        out: list[QWidget] = []
        for row in self.rows:
            out.extend([*row.editors(), row.remove])
        out.append(self.add_button)
        return out

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        for row in self.rows:
            for editor in (row.name, row.nip, row.position):
                editor.setReadOnly(read_only)
            if row.role is not None:
                row.role.setEnabled(not read_only)
            row.remove.setVisible(not read_only)
        self.add_button.setVisible(not read_only)
