"""PDF bytes → QPdfDocument → QPrinter: slips straight to the slip printer, reports via the print dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QMarginsF,
    QObject,
    QPointF,
    QRectF,
    QSize,
    QSizeF,
    Qt,
)
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

import app.problems  # noqa: F401 - registers the printer.* keys PrintError is given
from app.i18n import N_, _, ngettext, register_messages, text

from ui.widgets.window_size import fit_to_screen

# Above this a raster only costs spool time; thermal heads are 203 dpi, office lasers 300–600.
MAX_DPI = 300

# Why a print failed, filled into printer.failed as its {reason}: short name → reason key.
REASONS: dict[str, str] = {
    "open": "printer.open",
    "pdf": "printer.damaged_pdf",
    "error": "printer.error",
}
register_messages(
    {
        "printer.open": N_("the printer could not be opened"),
        "printer.damaged_pdf": N_("the PDF document is damaged"),
        "printer.error": N_("the printer reported an error"),
    }
)


class PrintError(Exception):
    """A print that did not happen; `message(lang)` explains it (the ticket stays re-printable)."""

    def __init__(self, key: str, **params: object):
        self.key = key
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str | None = None) -> str:
        # The reason is itself a reason key, said in the same language (a plain text stays as it is).
        values = {k: text(str(v), lang) if k == "reason" else v for k, v in self.params.items()}
        return text(self.key, lang, **values)


def open_pdf(pdf: bytes, parent: QObject | None = None) -> QPdfDocument:
    """Load PDF bytes; the buffer is parented to the document so it lives exactly as long."""
    document = QPdfDocument(parent) if parent is not None else QPdfDocument()
    buffer = QBuffer(document)
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    return document


def _title(document: QPdfDocument) -> str:
    return str(document.metaData(QPdfDocument.MetaDataField.Title) or "").strip()


def _page_size(document: QPdfDocument, page: int, paper_mm: float | None) -> QPageSize:
    points = document.pagePointSize(page)
    if paper_mm:
        # Roll paper: the width is the roll's, the height follows the content.
        width_mm = float(paper_mm)
        height_mm = points.height() * paper_mm / points.width() if points.width() else width_mm
        return QPageSize(
            QSizeF(width_mm, height_mm),
            QPageSize.Unit.Millimeter,
            "",
            QPageSize.SizeMatchPolicy.ExactMatch,
        )
    return QPageSize(points, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)


def _page_image(document: QPdfDocument, page: int, size: QSize, monochrome: bool) -> QImage:
    # QPdfDocument renders on a transparent background; flatten onto white paper.
    rendered = document.render(page, size)
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.drawImage(0, 0, rendered)
    painter.end()
    if monochrome:
        # Thermal heads print a dot or none: thresholding here keeps the QR modules'
        # edges sharp instead of leaving grey anti-aliasing to the driver's dithering.
        return image.convertToFormat(
            QImage.Format.Format_Mono, Qt.ImageConversionFlag.ThresholdDither
        )
    return image


def paint_pdf(
    document: QPdfDocument,
    printer: QPrinter,
    pages: range | None = None,
    monochrome: bool = False,
    paper_mm: float | None = None,
) -> None:
    """Render each page to an image at the printer's resolution (≤ MAX_DPI) and print it.

    Raises PrintError(printer.failed) when the printer cannot be opened or reports an error.
    """
    name = printer.printerName() or printer.outputFileName()
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() == 0:
        raise PrintError("printer.failed", printer=name, reason=REASONS["pdf"])
    pages = pages if pages is not None else range(document.pageCount())
    dpi = min(printer.resolution(), MAX_DPI)
    printer.setFullPage(True)
    printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    if paper_mm:
        printer.setPageSize(_page_size(document, pages[0], paper_mm))
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError("printer.failed", printer=name, reason=REASONS["open"])
    try:
        for i, page in enumerate(pages):
            if i:
                if paper_mm:
                    printer.setPageSize(_page_size(document, page, paper_mm))
                printer.newPage()
            points = document.pagePointSize(page)
            paper = printer.paperRect(QPrinter.Unit.DevicePixel)
            # Fit the page to the paper keeping its proportions, top-centred.
            scale = min(paper.width() / points.width(), paper.height() / points.height())
            # Never enlarge: an A5 receipt prints at its own size on A4 paper (the print
            # dialog resets the paper to the printer's default); a larger page still shrinks.
            scale = min(scale, printer.resolution() / 72)
            target = QRectF(0, 0, points.width() * scale, points.height() * scale)
            target.moveTopLeft(
                QPointF(paper.left() + (paper.width() - target.width()) / 2, paper.top())
            )
            pixels = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
            painter.drawImage(target, _page_image(document, page, pixels, monochrome))
    finally:
        painter.end()
    if printer.printerState() == QPrinter.PrinterState.Error:
        raise PrintError("printer.failed", printer=name, reason=REASONS["error"])


def print_slip(pdf: bytes, printer_name: str, paper_mm: int) -> None:
    """Print a slip to the named slip printer, no dialog; PrintError when it cannot be done."""
    printer_name = (printer_name or "").strip()
    if not printer_name:
        raise PrintError("printer.unset")
    info = QPrinterInfo.printerInfo(printer_name)
    if info.isNull():
        raise PrintError("printer.missing", printer=printer_name)
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    document = open_pdf(pdf)
    try:
        # The PDF's title ("Nomor Antrean A-001") names the job in the printer queue.
        printer.setDocName(_title(document) or "KanimDesk")
        paint_pdf(document, printer, monochrome=True, paper_mm=paper_mm)
    finally:
        document.close()


def print_document(pdf: bytes, parent: QWidget | None = None, title: str = "") -> bool:
    """Print an A4 report through the print dialog; False when the user cancels."""
    document = open_pdf(pdf)
    try:
        if document.status() != QPdfDocument.Status.Ready or document.pageCount() == 0:
            raise PrintError("printer.failed", printer="", reason=REASONS["pdf"])
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(title or _title(document) or "KanimDesk")
        points = document.pagePointSize(0)
        printer.setPageSize(_page_size(document, 0, None))
        if points.width() > points.height():
            printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        dialog = QPrintDialog(printer, parent)
        dialog.setMinMax(1, document.pageCount())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        first, last = printer.fromPage(), printer.toPage()
        pages = range(first - 1, last) if first and last else range(document.pageCount())
        paint_pdf(document, printer, pages)
        return True
    finally:
        document.close()


class PdfPreviewDialog(QDialog):
    """Shows a PDF (all pages, fit to width) with Print…, Save PDF… and Close."""

    def __init__(
        self,
        pdf: bytes,
        title: str = "",
        file_name: str | None = None,
        lang: str | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._pdf = pdf
        self._file_name = file_name or _("document.pdf")
        self._lang = lang
        self.setWindowTitle(title or _("Preview"))
        # A4 fit to width wants a tall window; a 768-pixel screen with a taskbar gets less.
        fit_to_screen(self, 820, 900)

        self.document = open_pdf(pdf, self)
        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)

        count = self.page_count()
        self.pages_label = QLabel(ngettext("{n} page", "{n} pages", count).format(n=count), self)
        self.print_button = QPushButton(_("Print…"), self)
        self.save_button = QPushButton(_("Save PDF…"), self)
        self.close_button = QPushButton(_("Close"), self)
        self.print_button.clicked.connect(self._print)
        self.save_button.clicked.connect(self._save)
        self.close_button.clicked.connect(self.reject)
        self.print_button.setDefault(True)

        buttons = QHBoxLayout()
        buttons.addWidget(self.pages_label)
        buttons.addStretch(1)
        for button in (self.print_button, self.save_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

    def page_count(self) -> int:
        return self.document.pageCount()

    def save_to(self, path: str | Path) -> None:
        Path(path).write_bytes(self._pdf)

    def _print(self) -> None:
        try:
            print_document(self._pdf, self, self.windowTitle())
        except PrintError as err:
            QMessageBox.warning(self, _("Printing failed"), err.message(self._lang))

    def _save(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Save PDF"), self._file_name, _("PDF files (*.pdf)")
        )
        if not path:
            return
        try:
            self.save_to(path)
        except OSError as err:
            QMessageBox.warning(
                self,
                _("Saving failed"),
                _("The file could not be saved: {0}").format(err),
            )
