"""Settings page: office profile, language, slip printer and paper, service rules, this counter,
the queue display and the database address; Save with Ctrl+S.

Save runs on the database worker: the office profile goes into the database first, and the
settings file is written only once the database has accepted it.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QKeySequence, QRegularExpressionValidator, QShortcut
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.changes import Changes
from app.config import Settings
from app.i18n import _, text
from app.problems import InputRejected

from ui.admin.backup_box import BackupBox
from ui.admin.users_box import UsersBox
from ui.context import DeskContext
from ui.settings.closures_box import ClosuresBox
from ui.settings.database_box import DatabaseBox
from ui.settings.queue_settings import CounterBox, DisplayBox, note
from ui.settings.rules_box import RulesBox
from ui.widgets.columns import scrolling_columns
from ui.widgets.fields import Banner, FieldError, checked_field

# Settings.office fields edited here, in form order: (field, max length).
OFFICE_FIELDS = (
    ("code", 32),
    ("name", 200),
    ("office_class", 60),
    ("address", 200),
    ("city", 80),
    ("head_name", 120),
    ("head_nip", 18),
    ("regional_office", 200),
    ("regency_code", 4),
    ("hours", 120),
)
LANGUAGES = (("Bahasa Indonesia", "id"), ("English", "en"))  # each in its own language


class SettingsPage(QWidget):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.errors: dict[str, FieldError] = {}
        self.shown = ctx.settings  # what the form was last filled from
        self.banner = Banner()

        self.language = QComboBox()
        for label, code in LANGUAGES:
            self.language.addItem(label, code)
        self.office = {name: QLineEdit() for name, _length in OFFICE_FIELDS}
        for name, length in OFFICE_FIELDS:
            self.office[name].setMaxLength(length)
        digits = QRegularExpressionValidator(QRegularExpression(r"[0-9]{0,18}"), self)
        self.office["head_nip"].setValidator(digits)
        self.office["regency_code"].setValidator(digits)
        self.office["regency_code"].setMaximumWidth(80)
        self.printer = QComboBox()
        self.printer.setEditable(True)
        self.printer.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.paper = QComboBox()
        for mm in (80, 58):
            self.paper.addItem(f"{mm} mm", mm)
        self.rules_box = RulesBox(self.errors)
        rules = self.rules_box
        self.working_days, self.cancel_days = rules.working_days, rules.cancel_days
        self.quota, self.joint_leave = rules.quota, rules.joint_leave
        self.counter_box = CounterBox(self.errors)
        self.display_box = DisplayBox(self.errors)
        self.database_box = DatabaseBox(ctx, self.errors)
        self.backup_box = BackupBox(ctx, self.errors)
        self.users_box = UsersBox(ctx)  # acts at once, not through Save
        self.db_url = self.database_box.in_use  # the database in use (read-only)
        self.closures_box = ClosuresBox(ctx)  # writes at once, not through Save
        # The boxes that are filled from the settings and edited into them (fill/over/edited).
        self.form_boxes = (self.counter_box, self.display_box, self.rules_box, self.database_box,
                           self.backup_box)  # fmt: skip

        self.save_button = QPushButton(_("&Save") + "  (Ctrl+S)")
        self.save_button.setDefault(True)
        self.discard_button = QPushButton(_("&Discard changes"))

        self._saving: tuple[Settings, bool] | None = None  # (settings, language changed) in flight
        self._build()
        self._connect()
        self._fill_form()

    def page_title(self) -> str:
        return _("Settings")

    # --- layout ------------------------------------------------------------

    def _note(self, message: str) -> QLabel:
        return note(message)

    def _build(self) -> None:
        office_box = QGroupBox(_("Office profile"))
        of = QFormLayout(office_box)
        labels = {
            "code": _("Office &code:"),
            "name": _("Office &name:"),
            "office_class": _("Office c&lass:"),
            "address": _("&Address:"),
            "city": _("C&ity:"),
            "head_name": _("&Head of office:"),
            "head_nip": _("Head's NI&P:"),
            "regional_office": _("&Regional office:"),
            "regency_code": _("NIK regenc&y code:"),
            "hours": _("Office h&ours:"),
        }
        for name, _length in OFFICE_FIELDS:
            of.addRow(labels[name], checked_field(self.office[name], self.errors, f"office.{name}"))
        of.addRow("", self._note(_(
            "The office code identifies this office's numbers in the database; change it only "
            "when setting up a new office. The regency code (4 digits, e.g. 1603) marks local NIKs."
        )))  # fmt: skip

        language_box = QGroupBox(_("Language"))
        lf = QFormLayout(language_box)
        lf.addRow(_("Lan&guage:"), checked_field(self.language, self.errors, "language"))
        lf.addRow(
            "",
            self._note(_("Menus and labels change language when the program is opened again.")),
        )

        slip_box = QGroupBox(_("Slip printing"))
        sf = QFormLayout(slip_box)
        sf.addRow(_("Slip prin&ter:"), checked_field(self.printer, self.errors, "slip_printer"))
        sf.addRow(_("Paper &width:"), checked_field(self.paper, self.errors, "slip_paper_mm"))

        scroll = scrolling_columns(
            [office_box, self.counter_box, self.display_box, self.users_box],
            [
                language_box,
                slip_box,
                self.rules_box,
                self.closures_box,
                self.database_box,
                self.backup_box,
            ],
        )

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.discard_button)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)

        order: list[QWidget] = [
            *(self.office[name] for name, _length in OFFICE_FIELDS),
            self.language,
            self.printer,
            self.paper,
            *self.rules_box.tab_order(),
            *self.counter_box.tab_order(),
            *self.display_box.tab_order(),
            *self.closures_box.tab_order(),
            *self.database_box.tab_order(),
            *self.backup_box.tab_order(),
            *self.users_box.tab_order(),
            self.discard_button,
            self.save_button,
        ]
        for a, b in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(a, b)

    def _connect(self) -> None:
        self.ctx.changed.connect(self._on_changed)
        self.save_button.clicked.connect(self.save)
        self.discard_button.clicked.connect(self.discard)
        shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.save)
        for editor in self.office.values():
            editor.textChanged.connect(self._update_buttons)
        for combo in (self.language, self.paper):
            combo.currentIndexChanged.connect(self._update_buttons)
        self.printer.currentTextChanged.connect(self._update_buttons)
        for box in self.form_boxes:
            box.edited.connect(self._update_buttons)
        self._load_services()

    def _load_services(self) -> None:
        """The counter's check boxes: one per service the office offers now (from the database)."""
        db = self.ctx.db

        def offered() -> list[str]:
            from app.queue.tickets import active_services

            return active_services(db)

        self.ctx.runner.run(offered, self._services_loaded, lambda _exc: None)

    def _services_loaded(self, prefixes: list[str]) -> None:
        dirty = self.is_dirty()
        self.counter_box.set_services(prefixes, self.ctx.lang)
        if not dirty:
            self.counter_box.fill(self.shown)
        self._update_buttons()

    # --- form <-> settings ---------------------------------------------------

    def refresh(self) -> None:
        """Show the settings in force, unless the clerk has unsaved edits (those are kept)."""
        if not self.is_dirty():
            self._fill_form()

    def _fill_form(self) -> None:
        s = self.shown = self.ctx.settings
        self.language.setCurrentIndex(max(0, self.language.findData(s.language)))
        for name, _length in OFFICE_FIELDS:
            self.office[name].setText(str(getattr(s.office, name)))
            self.office[name].setCursorPosition(0)  # long names show their beginning
        self._fill_printers(s.slip_printer)
        self.paper.setCurrentIndex(max(0, self.paper.findData(s.slip_paper_mm)))
        for box in self.form_boxes:
            box.fill(s)
        self._show_errors({})
        self._update_buttons()

    def _no_printer(self) -> str:
        return _("(none)")

    def _fill_printers(self, chosen: str) -> None:
        self.printer.blockSignals(True)
        self.printer.clear()
        self.printer.addItem(self._no_printer())
        names = QPrinterInfo.availablePrinterNames()
        self.printer.addItems(names)
        if chosen and chosen not in names:
            # Configured but not installed on this PC: keep it rather than lose it.
            self.printer.addItem(chosen)
        self.printer.setCurrentText(chosen or self._no_printer())
        self.printer.blockSignals(False)

    def edited_settings(self) -> Settings:
        """The settings as the form now shows them (not yet validated or saved)."""
        return self._form_over(self.ctx.settings)

    def _form_over(self, base: Settings) -> Settings:
        printer = self.printer.currentText().strip()
        office = dataclasses.replace(
            base.office,
            **{name: self.office[name].text().strip() for name, _length in OFFICE_FIELDS},
        )
        for box in self.form_boxes:
            base = box.over(base)
        return dataclasses.replace(
            base,
            language=self.language.currentData(),
            slip_printer="" if printer == self._no_printer() else printer,
            slip_paper_mm=int(self.paper.currentData()),
            office=office,
        )

    def is_dirty(self) -> bool:
        """Edited since the form was filled (compared with what it was filled from)."""
        return self._form_over(self.shown) != self.shown

    def _update_buttons(self) -> None:
        dirty = self.is_dirty()
        self.save_button.setEnabled(dirty)
        self.discard_button.setEnabled(dirty)

    def _show_errors(self, problems: dict[str, str]) -> None:
        for key, error in self.errors.items():
            error.show_message(text(problems[key], self.ctx.lang) if key in problems else "")

    # --- actions -------------------------------------------------------------

    def save(self) -> bool:
        """Check the form and start saving on the worker; False when the form was refused.

        The outcome shows in the banner when the worker is done (at once with a synchronous
        runner). ctx.settings changes only then, on this thread, and run_op announces it.
        """
        if self._saving is not None:
            return True  # a save is already on its way
        new = self.edited_settings()
        problems = new.validate()
        self._show_errors(problems)
        if problems:
            unplaced = [text(k, self.ctx.lang) for f, k in problems.items() if f not in self.errors]
            message = _("Not saved: correct the fields marked in red.")
            self.banner.show_message(" ".join([message, *unplaced]), "error")
            first = next((f for f in self.errors if f in problems), None)
            if first:
                self.errors[first].parentWidget().setFocus()
            return False
        if new == self.ctx.settings:
            self.banner.show_message(_("Nothing to save."), "info")
            return True
        self._saving = (new, new.language != self.ctx.settings.language)
        self.save_button.setEnabled(False)
        ctx = self.ctx
        # On the worker: database first, then the file (DeskContext.apply_settings); no widget.
        ctx.run_op(lambda: ctx.apply_settings(new), self._saved, self._save_failed)
        return True

    def _saved(self, _changes: Changes) -> None:
        assert self._saving is not None
        (new, language_changed), self._saving = self._saving, None
        if new.counter != self.ctx.settings.counter:
            self.ctx.counter = new.counter  # this workstation now calls as that counter
        self.ctx.settings = new
        if self._form_over(new) == new:
            self._fill_form()
        else:  # edited again while the save ran: keep those edits, now against what was saved
            self.shown = new
            self._update_buttons()
        message = _("Settings saved.")
        if language_changed:
            message += " " + _("The new language applies when the program is opened again.")
        self.banner.show_message(message, "ok")

    def _save_failed(self, exc: BaseException) -> None:
        self._saving = None
        self._update_buttons()
        if isinstance(exc, OSError):
            message = _(
                "The settings file could not be written ({0}). Your changes are still in the form."
            ).format(exc.strerror or exc)
        elif isinstance(exc, InputRejected):
            message = exc.message(self.ctx.lang)
        else:  # the database refused the office profile: the file was not touched
            reason = getattr(exc, "orig", None) or exc
            message = _(
                "The database did not accept the office profile ({0}). Nothing was saved; "
                "your changes are still in the form."
            ).format(reason)
        self.banner.show_message(message, "error")

    def discard(self) -> None:
        self._fill_form()
        self.banner.show_message(_("Changes discarded."), "info")

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        from app.admin import session

        self.backup_box.apply_role(session.allowed("backup.run"), session.allowed("restore.run"))
        self.users_box.refresh()
        may_edit_office = session.allowed("settings.write")
        for editor in self.office.values():
            editor.setReadOnly(not may_edit_office)

    def _on_changed(self, changes: Changes) -> None:
        # Another part of the program saved settings: show them, unless the clerk is mid-edit.
        if changes.settings or changes.office:
            self.refresh()
