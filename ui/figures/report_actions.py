"""The meeting report from the Reports page: preview (PdfPreviewDialog), print through the print
dialog, save as PDF, XLSX or CSV through a file dialog.

The report is assembled and rendered on the worker with the progress dialog (a report over
many months may take a while); the file is written there too. The last report made is kept
for its period until the figures change, so Preview and then Print do the work once.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.figures.statistics_model import Period
from app.i18n import _
from app.progress import CancelCheck, ProgressCallback

from ui.context import DeskContext
from ui.figures.progress_dialog import LongTask, run_with_progress

if TYPE_CHECKING:
    from ui.printing import PdfPreviewDialog

SAVE_FILTERS = {
    ".pdf": "PDF (*.pdf)",
    ".xlsx": "Excel (*.xlsx)",
    ".csv": "CSV (*.csv)",
}


def report_file_name(period: Period, suffix: str = ".pdf") -> str:
    first, last = period.month_list()[0], period.month_list()[-1]
    span = f"{first[0]}-{first[1]:02d}"
    if last != first:
        span += f"_{last[0]}-{last[1]:02d}"
    return _("meeting-report-{0}").format(span) + suffix


def write_report(report: Any, path: Path) -> None:
    """Write *report* (MeetingReport) to *path* in the format its suffix names."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        from app.figures.meeting.workbook import write_meeting_workbook

        write_meeting_workbook(report, path)
    elif suffix == ".csv":
        from app.figures.meeting.csv_export import write_meeting_csv

        write_meeting_csv(report, path)
    else:
        from app.figures.meeting.pdf import render_meeting_pdf

        path.write_bytes(render_meeting_pdf(report))


class MeetingReportActions(QObject):
    """Preview, print and save the meeting report of a period.

    `done(kind, message)` reports each outcome ("ok", "info", "error") for the page's banner.
    Each action takes the period (and a path) so tests skip the file and print dialogs.
    """

    done = Signal(str, str)
    preview_opened = Signal(object)  # the PdfPreviewDialog

    def __init__(self, ctx: DeskContext, parent: QWidget):
        super().__init__(parent)
        self.ctx = ctx
        self.parent_widget = parent
        self.preview_dialog: PdfPreviewDialog | None = None
        self.task: LongTask | None = None
        self._kept: tuple[Period, Any, bytes | None] | None = None  # period, report, its PDF

    def forget(self) -> None:
        """The figures changed: the next action makes the report afresh."""
        self._kept = None

    def title(self, period: Period) -> str:
        from ui.figures.dashboard_data import period_words

        return _("Meeting report {0}").format(period_words(period, self.ctx.lang))

    # --- making the report ------------------------------------------------------------------

    def _make(self, period: Period, pdf: bool, then: Callable[[Any, bytes | None], None]) -> None:
        kept = self._kept
        if kept is not None and kept[0] == period and (kept[2] is not None or not pdf):
            then(kept[1], kept[2])
            return
        db, code, lang = self.ctx.db, self.ctx.settings.office.code, self.ctx.lang

        def work(progress: ProgressCallback, cancelled: CancelCheck) -> tuple[Any, bytes | None]:
            from app.figures.meeting.builder import meeting_report
            from app.figures.meeting.pdf import render_meeting_pdf

            report = meeting_report(db, code, period, lang=lang, progress=progress,
                                    cancelled=cancelled)  # fmt: skip
            return report, (render_meeting_pdf(report) if pdf else None)

        def made(result: tuple[Any, bytes | None]) -> None:
            self._kept = (period, *result)
            then(*result)

        self.task = run_with_progress(self.ctx, self.parent_widget, _("Making the meeting report…"),
                                      work, made, self._failed, self._cancelled)  # fmt: skip

    def _failed(self, exc: BaseException) -> None:
        self.done.emit(
            "error", self.ctx.reason(exc, _("The meeting report could not be made: {0}"))
        )

    def _cancelled(self) -> None:
        self.done.emit("info", _("Cancelled."))

    # --- the actions ------------------------------------------------------------------------

    def preview(self, period: Period) -> None:
        def show(_report: Any, pdf: bytes | None) -> None:
            from ui.printing import PdfPreviewDialog

            assert pdf is not None
            dialog = PdfPreviewDialog(pdf, self.title(period), report_file_name(period),
                                      self.ctx.lang, self.parent_widget)  # fmt: skip
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.preview_dialog = dialog
            dialog.open()
            self.preview_opened.emit(dialog)

        self._make(period, True, show)

    def print_report(self, period: Period) -> None:
        def send(_report: Any, pdf: bytes | None) -> None:
            from ui.printing import PrintError, print_document

            assert pdf is not None
            try:
                if print_document(pdf, self.parent_widget, self.title(period)):
                    self.done.emit("ok", _("The meeting report was sent to the printer."))
            except PrintError as err:
                QMessageBox.warning(self.parent_widget, _("Printing failed"),
                                    err.message(self.ctx.lang))  # fmt: skip

        self._make(period, True, send)

    def ask_save(self, period: Period) -> None:
        filters = ";;".join(SAVE_FILTERS.values())
        path, chosen = QFileDialog.getSaveFileName(
            self.parent_widget, _("Save meeting report"), report_file_name(period), filters
        )
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() not in SAVE_FILTERS:
            wanted = next((s for s, f in SAVE_FILTERS.items() if f == chosen), ".pdf")
            target = target.with_name(target.name + wanted)
        self.save_to(period, target)

    def save_to(self, period: Period, path: Path) -> None:
        """Write the meeting report of *period* to *path* (.pdf, .xlsx or .csv) on the worker."""
        pdf_wanted = path.suffix.lower() not in (".xlsx", ".csv")

        def write(report: Any, pdf: bytes | None) -> None:
            def written(_none: None) -> None:
                self.done.emit("ok", _("Meeting report saved: {0}").format(path))

            def failed(exc: BaseException) -> None:
                self.done.emit("error", self.ctx.reason(exc, _("The file could not be saved: {0}")))

            if pdf_wanted and pdf is not None:
                self.ctx.runner.run(lambda: path.write_bytes(pdf) and None, written, failed)
            else:
                self.ctx.runner.run(lambda: write_report(report, path), written, failed)

        self._make(period, pdf_wanted, write)
