"""The template editor's YAML files: import a checklist template from a file, export the version shown."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QPushButton

from app.i18n import N_, _
from app.monev.templates import TemplateInfo, export_template, import_template

if TYPE_CHECKING:
    from ui.context import DeskContext
    from ui.widgets.fields import Banner

_FILES = "YAML (*.yaml *.yml)"

# What importing a file did, by the service's outcome; {0} is the template code, {1} its version.
IMPORT_OUTCOMES = {
    "created": N_("Imported {0} as a new template (version {1})."),
    "unchanged": N_("{0} version {1} is already stored with this content; nothing changed."),
    "updated": N_("{0} version {1} updated from the file."),
    "new_version": N_("{0} is already used by visits; the file was stored as version {1}."),
}
_IMPORTED = N_("Imported {0} version {1}.")


class TemplateFileActions:
    """Mixed into TemplateEditorDialog: the Import/Export buttons and what they do.

    The dialog provides the context, the banner, the template shown, whether it has
    unsaved edits, and `_may_discard`, `reload`, `_run` and `_failed`; an import may
    replace the edits, so it asks first, as choosing another template does.
    """

    ctx: DeskContext
    banner: Banner
    current: TemplateInfo | None
    dirty: bool

    def _file_buttons(self) -> tuple[QPushButton, QPushButton]:
        self.import_button = QPushButton(_("Import YAML…"))
        self.export_button = QPushButton(_("Export YAML…"))
        self.import_button.clicked.connect(self._import_clicked)
        self.export_button.clicked.connect(self._export_clicked)
        return self.import_button, self.export_button

    def import_file(self, path: Path) -> None:
        if not self._may_discard():
            return
        db = self.ctx.db
        # The dialog reloads itself after the import; ctx.run_op tells the other pages.
        self.ctx.run_op(lambda: import_template(db, path), self._imported, self._failed)

    def _imported(self, info: TemplateInfo) -> None:
        message = _(IMPORT_OUTCOMES.get(info.outcome, _IMPORTED))
        self.banner.show_message(message.format(info.code, info.version), "ok")
        self.dirty = False
        self.reload(info.id)

    def export_file(self, path: Path) -> None:
        """Write the stored version shown (not unsaved edits) as YAML."""
        if self.current is None:
            return
        db, template_id, unsaved = self.ctx.db, self.current.id, self.dirty
        self._run(
            lambda: export_template(db, template_id, path),
            lambda _none: self._exported(path, unsaved),
        )

    def _exported(self, path: Path, unsaved: bool) -> None:
        message = _("Template exported to {0}.").format(path)
        if unsaved:
            message += " " + _("Unsaved edits are not in the file; save first to include them.")
        self.banner.show_message(message, "warn" if unsaved else "ok")

    def _import_clicked(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, _("Import checklist template"), "", _FILES
        )
        if name:
            self.import_file(Path(name))

    def _export_clicked(self) -> None:
        if self.current is None:
            return
        suggested = f"{self.current.code}-v{self.current.version}.yaml"
        name, _filter = QFileDialog.getSaveFileName(
            self, _("Export checklist template"), suggested, _FILES
        )
        if name:
            self.export_file(Path(name))
