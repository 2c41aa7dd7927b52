"""PDF preview dialog and the page painter, offscreen: pages shown, printed to a PDF file, errors explained."""

from __future__ import annotations

import subprocess
from io import BytesIO

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter

from app.i18n import language, set_language

from ui.printing import REASONS, PdfPreviewDialog, PrintError, open_pdf, paint_pdf


@pytest.fixture
def english_window():
    """The dialog's own words in English, as when these tests were written (no translator)."""
    before = language()
    set_language("en")
    yield
    set_language(before)


def two_page_pdf() -> bytes:
    out = BytesIO()
    canvas = Canvas(out, pagesize=A4)
    for page in (1, 2):
        canvas.setFont("Helvetica-Bold", 28)
        canvas.drawString(72, 720, f"Laporan halaman {page}")
        canvas.rect(72, 400, 300, 200, fill=1)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def test_preview_shows_every_page(qtbot, english_window):
    dialog = PdfPreviewDialog(two_page_pdf(), title="Laporan")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    assert dialog.page_count() == 2
    assert "2" in dialog.pages_label.text()
    assert dialog.view.document() is dialog.document
    assert dialog.view.pageMode() == QPdfView.PageMode.MultiPage
    assert dialog.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    assert dialog.windowTitle() == "Laporan"
    assert [b.text() for b in (dialog.print_button, dialog.save_button, dialog.close_button)] == [
        "Print…",
        "Save PDF…",
        "Close",
    ]


def test_preview_saves_the_pdf_unchanged(qtbot, tmp_path):
    pdf = two_page_pdf()
    dialog = PdfPreviewDialog(pdf)
    qtbot.addWidget(dialog)
    dialog.save_to(tmp_path / "laporan.pdf")
    assert (tmp_path / "laporan.pdf").read_bytes() == pdf


def test_pages_print_to_a_pdf_file(qapp, tmp_path):
    """The painter used by print_document and print_slip, on a printer that writes a file."""
    out = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    document = open_pdf(two_page_pdf())
    paint_pdf(document, printer)
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert "Pages:           2" in info
    # Each page carries its raster at no more than 300 dpi.
    images = subprocess.run(
        ["pdfimages", "-list", str(out)], capture_output=True, text=True, check=True
    ).stdout
    rows = [line.split() for line in images.splitlines()[2:]]
    assert [int(r[0]) for r in rows] == [1, 2]
    assert all(int(r[12]) <= 300 for r in rows)


def test_damaged_pdf_is_a_print_error(qapp, tmp_path):
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "never.pdf"))
    with pytest.raises(PrintError) as caught:
        paint_pdf(open_pdf(b"%PDF-1.4 this is not a pdf"), printer)
    assert caught.value.key == "printer.failed"
    assert "dokumen PDF rusak" in caught.value.message("id")
    assert "damaged" in caught.value.message("en")


def test_print_error_reason_follows_the_language():
    err = PrintError("printer.failed", printer="Loket 1", reason=REASONS["open"])
    assert err.message("id") == (
        'Gagal mencetak ke "Loket 1": printer tidak dapat dibuka. '
        "Nomor antrean tersimpan dan dapat dicetak ulang."
    )
    assert "the printer could not be opened" in err.message("en")
    assert str(err) == err.message("en")
