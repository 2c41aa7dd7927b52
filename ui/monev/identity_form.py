"""The visit's identity form: office, dates, place, supervision types, team, representatives, basis, template."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.config import Settings
from app.i18n import _, label
from app.monev.templates import TemplateInfo
from app.monev.visits import SUPERVISION_GROUPS, SUPERVISION_TYPES, VisitDraft, VisitInfo

from ui.monev.people_rows import PeopleRows
from ui.widgets.columns import scrolling_columns
from ui.widgets.fields import DateField, FieldError, checked_field


class VisitIdentityForm(QWidget):
    """Edits a VisitDraft; reasons from InputRejected.by_field() are shown at their fields."""

    submitted = Signal()  # Enter in a one-line field

    def __init__(self, lang: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.lang = lang
        self.errors: dict[str, FieldError] = {}
        self.editors: dict[str, QWidget] = {}
        self.office_code = QLineEdit()
        self.office_code.setMaxLength(32)
        self.office_code.setMaximumWidth(180)
        self.office_name = QLineEdit()
        self.office_name.setMaxLength(200)
        self.start_date = DateField()
        self.end_date = DateField()
        self.place = QLineEdit()
        self.place.setMaxLength(80)
        self.type_checks: dict[str, QCheckBox] = {}
        for code, (_group, name) in SUPERVISION_TYPES.items():
            self.type_checks[code] = QCheckBox(_(name, lang))
        self.template = QComboBox()
        # Long template titles must not widen the form: the combo shows what fits, the list all.
        self.template.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.template.setMinimumContentsLength(24)
        self.team = PeopleRows("team", lang)
        self.reps = PeopleRows("office_reps", lang)
        self.basis = QPlainTextEdit()
        self.purposes = QPlainTextEdit()
        for box in (self.basis, self.purposes):
            box.setTabChangesFocus(True)  # Tab walks the form, as in every other field
            box.setMinimumHeight(70)
            box.setMaximumHeight(110)
        self.basis.setPlaceholderText(_("e.g. Surat Tugas Kepala Kantor Wilayah No. …"))
        self.purposes.setPlaceholderText(_("One purpose per line"))
        self._build()
        for edit in (
            self.office_code,
            self.office_name,
            self.start_date,
            self.end_date,
            self.place,
        ):
            edit.returnPressed.connect(self.submitted)
        self.team.rows_changed.connect(self._rows_changed)
        self.reps.rows_changed.connect(self._rows_changed)

    # --- layout ------------------------------------------------------------

    def _checked(self, editor: QWidget, key: str) -> QWidget:
        """*editor* with its reason line; remembered so a refusal can put the cursor there."""
        self.editors[key] = editor
        return checked_field(editor, self.errors, key)

    def _build(self) -> None:
        where = QGroupBox(_("Office and dates"))
        wf = QFormLayout(where)
        wf.addRow(_("Office &code:"), self._checked(self.office_code, "office_code"))
        wf.addRow(_("Office &name:"), self._checked(self.office_name, "office_name"))
        dates = QHBoxLayout()
        dates.addWidget(self._checked(self.start_date, "start_date"))
        until = QLabel(_("until"))
        dates.addWidget(until)
        dates.addWidget(self._checked(self.end_date, "end_date"))
        dates.addStretch(1)
        dates_label = QLabel(_("&Dates (DD/MM/YYYY):"))
        dates_label.setBuddy(self.start_date)
        wf.addRow(dates_label, dates)
        wf.addRow(_("&Place (city for signatures):"), self._checked(self.place, "place"))
        wf.addRow(_("Check&list template:"), self._checked(self.template, "template_id"))

        types = QGroupBox(_("Supervision types"))
        tl = QHBoxLayout(types)
        for group in SUPERVISION_GROUPS:
            column = QVBoxLayout()
            head = QLabel(f"<b>{label(SUPERVISION_GROUPS, group, self.lang)}</b>")
            column.addWidget(head)
            for code, (g, _name) in SUPERVISION_TYPES.items():
                if g == group:
                    column.addWidget(self.type_checks[code])
            column.addStretch(1)
            tl.addLayout(column)
        types_error = FieldError()
        self.errors["supervision_types"] = types_error

        texts = QGroupBox(_("Basis and purposes"))
        xf = QFormLayout(texts)
        xf.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # long labels above the boxes
        xf.addRow(_("&Basis (letter of assignment, agenda):"), self._checked(self.basis, "basis"))
        xf.addRow(_("P&urposes:"), self._checked(self.purposes, "purposes"))

        team_box = QGroupBox(_("Supervising team"))
        QVBoxLayout(team_box).addWidget(self.team)
        reps_box = QGroupBox(_("Office representatives met"))
        QVBoxLayout(reps_box).addWidget(self.reps)

        scroll = scrolling_columns([where, types, types_error], [team_box, reps_box, texts])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self._chain_tabs()

    def _rows_changed(self) -> None:
        self._chain_tabs()

    def _chain_tabs(self) -> None:
        order: list[QWidget] = [
            self.office_code, self.office_name, self.start_date, self.end_date, self.place,
            self.template, *self.type_checks.values(), self.basis, self.purposes,
            *self.team.editors(), *self.reps.editors(),
        ]  # fmt: skip
        for a, b in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(a, b)

    # --- form <-> draft ------------------------------------------------------

    def set_templates(self, templates: list[TemplateInfo], chosen: int | None = None) -> None:
        """Fill the template combo; without *chosen*, the newest version of each code comes first."""
        current = chosen if chosen is not None else self.template.currentData()
        ordered = sorted(templates, key=lambda t: (t.code != "monev-paspor", t.code, -t.version))
        self.template.clear()
        for t in ordered:
            text = _("Version {1}: {0}").format(t.title, t.version)
            self.template.addItem(text, t.id)
            self.template.setItemData(self.template.count() - 1, text, Qt.ItemDataRole.ToolTipRole)
        index = self.template.findData(current) if current is not None else -1
        self.template.setCurrentIndex(index if index >= 0 else 0)

    def new_visit(self, settings: Settings, today: date | None = None) -> None:
        """A blank form for a visit to this office today; the office can be changed."""
        self.office_code.setText(settings.office.code)
        self.office_name.setText(settings.office.name)
        self.office_name.setCursorPosition(0)
        self.start_date.set_date(today or date.today())
        self.end_date.set_date(None)
        self.place.setText(settings.office.city)
        for check in self.type_checks.values():
            check.setChecked(False)
        self.team.set_people(())
        self.reps.set_people(())
        self.basis.setPlainText("")
        self.purposes.setPlainText("")
        self.show_problems({})

    def fill(self, v: VisitInfo) -> None:
        self.office_code.setText(v.office_code)
        self.office_name.setText(v.office_name)
        self.office_name.setCursorPosition(0)
        self.start_date.set_date(v.start_date)
        self.end_date.set_date(v.end_date if v.end_date != v.start_date else None)
        self.place.setText(v.place)
        for code, check in self.type_checks.items():
            check.setChecked(code in v.supervision_types)
        self.team.set_people(v.team)
        self.reps.set_people(v.office_reps)
        self.basis.setPlainText(v.basis)
        self.purposes.setPlainText("\n".join(v.purposes))
        index = self.template.findData(v.template_id)
        if index >= 0:
            self.template.setCurrentIndex(index)
        self.show_problems({})

    def local_problems(self) -> dict[str, str]:
        """What the form itself can tell: a typed date that is not on the calendar."""
        out: dict[str, str] = {}
        for key, field in (("start_date", self.start_date), ("end_date", self.end_date)):
            if not field.is_blank() and field.date() is None:
                out[key] = _("Not a calendar date; type DD/MM/YYYY.")
        return out

    def draft(self) -> VisitDraft:
        start = self.start_date.date()
        return VisitDraft(
            office_code=self.office_code.text(),
            office_name=self.office_name.text(),
            start_date=start,  # type: ignore[arg-type]  # None is refused by the service at its field
            end_date=self.end_date.date(),
            supervision_types=[c for c, check in self.type_checks.items() if check.isChecked()],
            team=self.team.team(),
            office_reps=self.reps.reps(),
            basis=self.basis.toPlainText(),
            purposes=[
                line.strip() for line in self.purposes.toPlainText().splitlines() if line.strip()
            ],
            place=self.place.text(),
            template_id=self.template.currentData(),
        )

    def show_problems(self, problems: dict[str, str]) -> list[str]:
        """Show each reason at its field; returns the reasons that have no field here."""
        used = set(self.team.show_problems(problems)) | set(self.reps.show_problems(problems))
        for key, error in self.errors.items():
            error.show_message(problems.get(key, ""))
            if key in problems:
                used.add(key)
        return [message for key, message in problems.items() if key not in used]

    def focus_first_problem(self, problems: dict[str, str]) -> None:
        for key in self.errors:
            if key in problems and key in self.editors:
                self.editors[key].setFocus()
                return
        editor = self.team.first_bad_editor(problems) or self.reps.first_bad_editor(problems)
        if editor is not None:
            editor.setFocus()
        elif "supervision_types" in problems:
            next(iter(self.type_checks.values())).setFocus()

    def set_read_only(self, read_only: bool) -> None:
        for edit in (
            self.office_code,
            self.office_name,
            self.start_date,
            self.end_date,
            self.place,
        ):
            edit.setReadOnly(read_only)
        for box in (self.basis, self.purposes):
            box.setReadOnly(read_only)
        for check in self.type_checks.values():
            check.setEnabled(not read_only)
        self.template.setEnabled(not read_only)
        self.team.set_read_only(read_only)
        self.reps.set_read_only(read_only)
