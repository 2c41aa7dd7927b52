"""A real slip through a real CUPS queue (cups-pdf), read back from the PDF the queue wrote."""

from __future__ import annotations

import os
import re
import subprocess
import time
from datetime import datetime
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageFilter, ImageStat
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QApplication, QComboBox

from app.config import Settings
from app.queue.slip import render_slip
from app.queue.tickets import issue_ticket

from ui.printing import PrintError, print_document, print_slip

pytestmark = pytest.mark.cups

NOW = datetime(2024, 7, 4, 8, 15)


@pytest.fixture
def printer() -> tuple[str, Path]:
    name = os.environ.get("KANIMDESK_TEST_PRINTER")
    out = os.environ.get("KANIMDESK_TEST_PRINTER_OUT")
    if not name or not out:
        if os.environ.get("CI"):
            pytest.fail("KANIMDESK_TEST_PRINTER(_OUT) not set: .ci/run must start CUPS")
        pytest.skip(
            "no CUPS test printer (set KANIMDESK_TEST_PRINTER and KANIMDESK_TEST_PRINTER_OUT)"
        )
    return name, Path(out)


def _snapshot(folder: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in folder.glob("*.pdf")}


def _pdfinfo(path: Path) -> str | None:
    done = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True)
    return done.stdout if done.returncode == 0 else None


def wait_for_new_pdf(
    folder: Path, before: dict[str, int], timeout: float = 30.0
) -> tuple[Path, str]:
    """The first PDF that is new (or rewritten) since *before* and complete enough to parse."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for name, mtime in _snapshot(folder).items():
            if before.get(name) != mtime:
                info = _pdfinfo(folder / name)
                if info:
                    return folder / name, info
        time.sleep(0.2)
    raise AssertionError(f"no new PDF in {folder} within {timeout:.0f} s (is the queue enabled?)")


def raster(pdf_path: Path, work: Path, size: tuple[int, int] | None = None) -> Image.Image:
    root = work / f"raster-{pdf_path.stem}"
    subprocess.run(
        ["pdftoppm", "-gray", "-r", "60", "-singlefile", "-png", str(pdf_path), str(root)],
        check=True,
    )
    image = Image.open(root.with_suffix(".png")).convert("L")
    return image.resize(size) if size else image


def differences(
    printed: Image.Image, slip: Image.Image, sibling: Image.Image
) -> tuple[float, float]:
    """Mean grey difference of the printout to each reference, where the two references differ.

    A blur forgives the sub-millimetre shift and anti-aliasing of a re-rastered page;
    looking only where the slips differ (number, QR code, waiting count) makes the
    comparison about the ticket rather than the common layout.
    """
    blur = ImageFilter.GaussianBlur(2)
    printed, slip, sibling = (im.filter(blur) for im in (printed, slip, sibling))
    where = ImageChops.difference(slip, sibling).point(lambda v: 255 if v > 40 else 0)
    assert ImageStat.Stat(where).mean[0] > 0.5, "the reference slips do not differ"
    return (
        ImageStat.Stat(ImageChops.difference(printed, slip), where).mean[0],
        ImageStat.Stat(ImageChops.difference(printed, sibling), where).mean[0],
    )


def test_slip_prints_through_cups(qapp, sqlite_db, settings, tmp_path, printer):
    name, out_dir = printer
    code = settings.office.code
    info = issue_ticket(sqlite_db, code, "A", priority="lansia", now=NOW)
    # Same layout, another number and QR code.
    sibling = issue_ticket(sqlite_db, code, "A", priority="lansia", now=NOW)
    slip = render_slip(info, settings)
    (tmp_path / "slip.pdf").write_bytes(slip)
    (tmp_path / "sibling.pdf").write_bytes(render_slip(sibling, settings))

    before = _snapshot(out_dir)
    print_slip(slip, name, settings.slip_paper_mm)
    printed, info_text = wait_for_new_pdf(out_dir, before)

    # The job is named after the ticket (the PDF title), so the queue and the file say which one.
    meta = subprocess.run(
        ["pdftotext", "-htmlmeta", str(printed), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert re.search(r"<title>.*A-001.*</title>", meta), meta[:400]

    # Roll paper: 80 mm wide, as tall as the slip.
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info_text).groups())
    slip_info = _pdfinfo(tmp_path / "slip.pdf")
    slip_height = float(re.search(r"Page size:\s+[\d.]+ x ([\d.]+)", slip_info).group(1))
    assert width == pytest.approx(80 * 72 / 25.4, abs=1.5)
    assert height == pytest.approx(slip_height, abs=1.5)

    # The printout is a raster, so compare pictures: it is this ticket's slip, number and QR
    # included, and clearly not the next ticket's.
    on_paper = raster(printed, tmp_path)
    same, other = differences(
        on_paper,
        raster(tmp_path / "slip.pdf", tmp_path, on_paper.size),
        raster(tmp_path / "sibling.pdf", tmp_path, on_paper.size),
    )
    assert same < 40 and other > 3 * same, (same, other)
    # Not a blank page either.
    assert ImageStat.Stat(on_paper).mean[0] < 245


def test_missing_printer_says_which_and_that_the_ticket_is_safe(qapp):
    with pytest.raises(PrintError) as caught:
        print_slip(b"%PDF-1.4", "Printer Loket Hilang", 80)
    err = caught.value
    assert err.key == "printer.missing"
    assert "Printer Loket Hilang" in err.message("id")
    assert "dapat dicetak ulang" in err.message("id")
    assert "can be reprinted" in err.message("en")


@pytest.mark.parametrize("name", ["", "   "])
def test_unset_printer_points_to_settings(qapp, name):
    with pytest.raises(PrintError) as caught:
        print_slip(b"%PDF-1.4", name, Settings().slip_paper_mm)
    assert caught.value.key == "printer.unset"
    assert "Pengaturan" in caught.value.message("id")


def answer_print_dialog(printer_name: str | None) -> None:
    """Once the (real, modal) print dialog is up, pick *printer_name* and press Print — or cancel."""
    tries = iter(range(300))

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QPrintDialog):
            if next(tries, None) is not None:
                QTimer.singleShot(50, answer)
            return
        if printer_name is None:
            dialog.reject()
            return
        for combo in dialog.findChildren(QComboBox):
            index = combo.findText(printer_name)
            if index >= 0:
                combo.setCurrentIndex(index)
        dialog.accept()

    QTimer.singleShot(0, answer)


def two_page_report() -> bytes:
    out = BytesIO()
    canvas = Canvas(out, pagesize=A4)
    for page in (1, 2):
        canvas.setFont("Helvetica-Bold", 24)
        canvas.drawString(72, 760, f"Laporan rapat, halaman {page}")
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def test_report_prints_through_the_print_dialog(qapp, printer):
    name, out_dir = printer
    before = _snapshot(out_dir)
    answer_print_dialog(name)
    assert print_document(two_page_report(), None, "Laporan Rapat Uji") is True
    printed, info_text = wait_for_new_pdf(out_dir, before)
    assert "Laporan Rapat Uji" in info_text
    assert re.search(r"Pages:\s+2\b", info_text)
    assert "(A4)" in info_text


def test_cancelled_print_dialog_prints_nothing(qapp):
    answer_print_dialog(None)
    assert print_document(two_page_report(), None, "Dibatalkan") is False
