"""The applicant's receipt from a window: preview, print through the print dialog, save as PDF.

Rendering and writing run on the worker; each print or save that happened is noted in the
audit log (app.desk.receipt_data.record_receipt) off the UI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.desk.receipt_data import PRINTED, SAVED
from app.desk.stages import format_application_number
from app.i18n import _

from ui.printing import PdfPreviewDialog, PrintError, print_document
from ui.widgets.window_size import fit_to_screen

if TYPE_CHECKING:
    from ui.context import DeskContext


def receipt_title(app_id: int) -> str:
    return _("Receipt {number}").format(number=format_application_number(app_id))


def receipt_file_name(app_id: int) -> str:
    # The number only: a file name is seen by whoever opens the folder.
    return _("receipt-{number}.pdf").format(number=format_application_number(app_id))


def _warn(parent: QWidget | None, title: str, words: str) -> QMessageBox:
    # Not exec(): a message never blocks the worker's next result (or a test).
    box = QMessageBox(QMessageBox.Icon.Warning, title, words, QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def _failed(
    ctx: DeskContext, parent: QWidget | None, title: str, fallback: str | None = None
) -> Callable[[BaseException], None]:
    def show(exc: BaseException) -> None:
        _warn(parent, title, ctx.reason(exc, fallback))

    return show


def _record(ctx: DeskContext, parent: QWidget | None, app_id: int, action: str) -> None:
    from app.desk.receipt_data import record_receipt

    db, officer = ctx.db, ctx.officer
    ctx.run_op(
        lambda: record_receipt(db, app_id, action, officer),
        on_error=_failed(ctx, parent, _("Receipt")),
    )


def _render(
    ctx: DeskContext, app_id: int, on_done: Callable[[Any], None], parent: QWidget | None
) -> None:
    from app.desk.receipt import render_receipt

    db, settings, lang, officer = ctx.db, ctx.settings, ctx.lang, ctx.officer
    ctx.runner.run(
        lambda: render_receipt(db, settings, app_id, lang, officer=officer),
        on_done,
        _failed(ctx, parent, _("Receipt")),
    )


class ReceiptPreviewDialog(PdfPreviewDialog):
    """The preview with Print… and Save PDF…, each noted in the audit log when it happened."""

    def __init__(self, ctx: DeskContext, app_id: int, pdf: bytes, parent: QWidget | None = None):
        super().__init__(pdf, receipt_title(app_id), receipt_file_name(app_id), ctx.lang, parent)
        self.ctx = ctx
        self.app_id = app_id
        # A5 portrait: narrower than the A4 reports the preview was sized for; never taller
        # than the screen (a 1366×768 counter PC with its taskbar).
        fit_to_screen(self, 620, 860)

    def _print(self) -> None:
        if _print_pdf(self.ctx, self._pdf, self.app_id, self):
            _record(self.ctx, self, self.app_id, PRINTED)

    def _save(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Save PDF"), self._file_name, _("PDF files (*.pdf)")
        )
        if path:
            self.save_as(path)

    def save_as(self, path: str | Path) -> bool:
        """Write the previewed PDF to *path*; False (and a message) when it cannot be written."""
        try:
            self.save_to(path)
        except OSError as err:
            reason = _("The file could not be saved: {0}").format(err.strerror or err)
            _warn(self, _("Saving failed"), reason)
            return False
        _record(self.ctx, self, self.app_id, SAVED)
        return True


def _print_pdf(ctx: DeskContext, pdf: bytes, app_id: int, parent: QWidget | None) -> bool:
    """The print dialog, then the printer; True when it printed (False: cancelled or failed)."""
    try:
        return print_document(pdf, parent, receipt_title(app_id))
    except PrintError as err:
        _warn(parent, _("Printing failed"), err.message(ctx.lang))
        return False


def preview_receipt(ctx: DeskContext, app_id: int, parent: QWidget | None) -> None:
    """Render the receipt on the worker, then show it with Print… and Save PDF…."""

    def show(pdf: bytes) -> None:
        dialog = ReceiptPreviewDialog(ctx, app_id, pdf, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    _render(ctx, app_id, show, parent)


def print_receipt(ctx: DeskContext, app_id: int, parent: QWidget | None) -> None:
    """Render the receipt on the worker, then print it through the print dialog."""

    def print_it(pdf: bytes) -> None:
        if _print_pdf(ctx, pdf, app_id, parent):
            _record(ctx, parent, app_id, PRINTED)

    _render(ctx, app_id, print_it, parent)


def save_receipt(
    ctx: DeskContext,
    app_id: int,
    parent: QWidget | None,
    path: str | Path | None = None,
    on_saved: Callable[[Path], None] | None = None,
) -> None:
    """Save the receipt as a PDF file (asking where when *path* is None), rendered and written on
    the worker; *on_saved(path)* runs on the UI thread once it is written."""
    from app.desk.receipt import write_receipt

    if path is None:
        chosen, _filter = QFileDialog.getSaveFileName(
            parent, _("Save receipt"), receipt_file_name(app_id), _("PDF files (*.pdf)")
        )
        if not chosen:
            return
        path = chosen
    target = Path(path)
    db, settings, lang, officer = ctx.db, ctx.settings, ctx.lang, ctx.officer
    ctx.run_op(
        lambda: write_receipt(db, settings, app_id, target, lang, officer=officer),
        on_saved,
        _failed(ctx, parent, _("Saving failed"), _("The receipt could not be saved: {0}.")),
    )
