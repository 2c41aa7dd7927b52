"""The receipt from the window: preview (one A5 page), save, print through the dialog, and what the
clerk reads when it cannot be done; each print and save is in the audit log."""

from __future__ import annotations

import os
import subprocess
import time
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.db.models import AuditLog
from app.desk.registration import register
from app.desk.registration_data import RegistrationForm
from app.desk.stages import format_application_number
from app.i18n import text

from ui.desk.receipt_actions import (
    ReceiptPreviewDialog,
    preview_receipt,
    print_receipt,
    save_receipt,
)

PRINTER = os.environ.get("KANIMDESK_TEST_PRINTER")
PRINTER_OUT = os.environ.get("KANIMDESK_TEST_PRINTER_OUT")


@pytest.fixture
def app_id(sqlite_db, settings) -> int:
    form = RegistrationForm(nik="1603015507900001", name="Siti Aminah",
                            birth_date=date(1990, 7, 15), sex="P",
                            documents={"ektp": True, "kk": True, "civil_status": True})  # fmt: skip
    return register(
        sqlite_db, settings, form, officer="budi", now=datetime(2024, 7, 2, 9, 30)
    ).application_id


@pytest.fixture
def window(qtbot, show_page) -> QWidget:
    return show_page(QWidget(), 800, 600)


def audit(db) -> list[tuple[str, str]]:
    with db.session() as s:
        return [tuple(r) for r in s.execute(
            select(AuditLog.action, AuditLog.actor)
            .where(AuditLog.action.like("receipt_%")).order_by(AuditLog.id)
        )]  # fmt: skip


def pdf_words(path: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True)
    return " ".join(out.stdout.split())


def test_preview_opens_one_page_and_saving_it_is_recorded(qtbot, ctx, window, app_id, tmp_path):
    preview_receipt(ctx, app_id, window)
    qtbot.waitUntil(lambda: window.findChild(ReceiptPreviewDialog) is not None)
    dialog = window.findChild(ReceiptPreviewDialog)
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.page_count() == 1
    number = format_application_number(app_id)
    assert number in dialog.windowTitle() and dialog.windowTitle().startswith("Tanda terima")
    # Points: A5 portrait.
    size = dialog.document.pagePointSize(0)
    assert (round(size.width()), round(size.height())) == (420, 595)
    assert audit(ctx.db) == []

    target = tmp_path / "from-preview.pdf"
    assert dialog.save_as(target)
    assert number in pdf_words(target) and "1603••••••••0001" in pdf_words(target)
    assert audit(ctx.db) == [("receipt_saved", ctx.officer)]


def test_save_writes_the_pdf_and_records_it(qtbot, ctx, window, app_id, tmp_path):
    target = tmp_path / "kept" / "tanda-terima.pdf"
    saved: list[Path] = []
    save_receipt(ctx, app_id, window, target, on_saved=saved.append)
    qtbot.waitUntil(lambda: saved == [target])
    assert target.read_bytes().startswith(b"%PDF")
    words = pdf_words(target)
    assert "TANDA TERIMA PERMOHONAN PASPOR" in words and format_application_number(app_id) in words
    assert f"oleh {ctx.officer}" in words
    assert audit(ctx.db) == [("receipt_saved", ctx.officer)]


def test_unwritable_path_is_a_message_and_nothing_recorded(qtbot, ctx, window, app_id, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    save_receipt(ctx, app_id, window, blocker / "r.pdf")
    qtbot.waitUntil(lambda: window.findChild(QMessageBox) is not None)
    box = window.findChild(QMessageBox)
    assert "Tanda terima tidak dapat disimpan" in box.text()
    assert "1603015507900001" not in box.text()
    box.close()
    assert audit(ctx.db) == []


def test_unknown_application_is_a_message_not_a_dialog(qtbot, ctx, window):
    preview_receipt(ctx, 999_999, window)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox) is not None)
    box = window.findChild(QMessageBox)
    assert box.text() == text("application.not_found", ctx.lang, number="PMH-0999999")
    assert window.findChild(ReceiptPreviewDialog) is None
    box.close()


def _accept_print_dialog(qtbot) -> None:
    """Press OK in the print dialog once it is up (it runs its own event loop)."""

    def accept() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QPrintDialog):
            dialog.printer().setPrinterName(PRINTER or "")
            dialog.accept()
        else:
            QTimer.singleShot(50, accept)

    QTimer.singleShot(50, accept)


def _cancel_print_dialog() -> None:
    def cancel() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QPrintDialog):
            dialog.reject()
        else:
            QTimer.singleShot(50, cancel)

    QTimer.singleShot(50, cancel)


def test_cancelled_print_is_not_recorded(qtbot, ctx, window, app_id):
    _cancel_print_dialog()
    print_receipt(ctx, app_id, window)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert audit(ctx.db) == []


def test_print_through_the_dialog_reaches_the_printer_and_is_recorded(qtbot, ctx, window, app_id):
    if not PRINTER:
        if os.environ.get("CI"):
            pytest.fail("KANIMDESK_TEST_PRINTER is not set: .ci/run must start CUPS")
        pytest.skip("no CUPS test printer")
    since = time.time()
    _accept_print_dialog(qtbot)
    print_receipt(ctx, app_id, window)
    qtbot.waitUntil(lambda: audit(ctx.db) == [("receipt_printed", ctx.officer)], timeout=20_000)
    # Pages are printed as images; the job title (the PDF's title) names the application.
    number = format_application_number(app_id)

    def printed() -> bool:
        for pdf in Path(PRINTER_OUT or "").glob("*.pdf"):
            if pdf.stat().st_mtime >= since - 1:
                meta = subprocess.run(["pdftotext", "-htmlmeta", str(pdf), "-"],
                                      capture_output=True, text=True).stdout  # fmt: skip
                if number in meta:
                    return True
        return False

    qtbot.waitUntil(printed, timeout=30_000)
