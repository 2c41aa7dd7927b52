"""Visit packages and office figures in the window: export/import for the laptop ↔ office trip."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from app.i18n import _

from ui.context import DeskContext

PACKAGE_FILTER = "KanimDesk (*.kanimvisit)"
FIGURES_FILTER = "JSON (*.json)"


class VisitExchange(QObject):
    """File actions of the visits page; each takes a Path so tests skip the file dialogs.

    `done(kind, message)` reports the outcome, kind being "ok", "warn" or "error". Every
    action runs through `ctx.run_op`, so the window hears what an import changed.
    """

    done = Signal(str, str)

    def __init__(self, ctx: DeskContext, parent: QWidget):
        super().__init__(parent)
        self.ctx = ctx
        self.parent_widget = parent

    def _error(self, exc: BaseException) -> None:
        words = self.ctx.reason(exc, _("The file could not be read or written: {0}"))
        self.done.emit("error", words)

    # --- visit packages -------------------------------------------------------

    def ask_export(self, visit_id: int, suggested: str) -> None:
        path, _filter = QFileDialog.getSaveFileName(self.parent_widget, _("Export visit package"),
                                                    suggested, PACKAGE_FILTER)  # fmt: skip
        if path:
            self.export_to(visit_id, Path(path))

    def export_to(self, visit_id: int, path: Path) -> None:
        from app.monev.exchange.visit_packages import export_visit

        db, officer = self.ctx.db, self.ctx.officer

        def finished(info) -> None:
            message = _(
                "Visit package written: {0} ({1} photos). Carry it on a USB stick or send it by e-mail."
            ).format(info.path, info.photos)
            self.done.emit("ok", message)

        self.ctx.run_op(
            lambda: export_visit(db, visit_id, path, actor=officer), finished, self._error
        )

    def ask_import(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self.parent_widget, _("Import visit package"), "",
                                                    PACKAGE_FILTER)  # fmt: skip
        if path:
            self.import_from(Path(path))

    def import_from(self, path: Path) -> None:
        from app.monev.exchange.visit_packages import import_visit

        db, lang, officer = self.ctx.db, self.ctx.lang, self.ctx.officer

        def finished(outcome) -> None:
            self.done.emit("warn" if outcome.status == "conflict" else "ok", outcome.message)

        self.ctx.run_op(
            lambda: import_visit(db, path, lang=lang, actor=officer), finished, self._error
        )

    # --- office figures -------------------------------------------------------

    def ask_export_figures(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self.parent_widget, _("Export office figures"),
                                                    f"data-kantor-{date.today().isoformat()}.json",
                                                    FIGURES_FILTER)  # fmt: skip
        if path:
            self.export_figures(Path(path))

    def export_figures(self, path: Path, today: date | None = None) -> None:
        """The last 12 whole months of this office's aggregates (no NIK, no names) for the supervisor."""
        from app.figures.figures_file import export_figures

        today = today or date.today()
        end = (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)
        start = (end[0] - 1, end[1] + 1) if end[1] < 12 else (end[0], 1)
        db, code = self.ctx.db, self.ctx.settings.office.code

        def finished(months) -> None:
            message = _(
                "Office figures for {0} months written to {1} (aggregates only, no names or NIKs)."
            ).format(months, path)
            self.done.emit("ok", message)

        self.ctx.run_op(lambda: export_figures(db, code, start, end, path), finished, self._error)

    def ask_import_figures(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self.parent_widget, _("Import office figures"), "",
                                                    FIGURES_FILTER)  # fmt: skip
        if path:
            self.import_figures(Path(path))

    def import_figures(self, path: Path) -> None:
        from app.figures.figures_file import import_figures_file

        db = self.ctx.db

        def finished(result) -> None:
            message = _("Figures of {0} imported: {1} months, {2} new or changed values.").format(
                result.office_name or result.office_code, result.months, result.changed
            )
            self.done.emit("ok", message)

        self.ctx.run_op(lambda: import_figures_file(db, path), finished, self._error)
