"""Drive the registration page by keyboard alone, from NIK to a printed slip."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.db.models import Application, Ticket
from app.queue import tickets as queue

from ui.context import DeskContext
from ui.desk.registration_page import RegistrationPage

PRINTER = os.environ.get("KANIMDESK_TEST_PRINTER")
PRINTER_OUT = os.environ.get("KANIMDESK_TEST_PRINTER_OUT")


def _require_printer() -> None:
    if not PRINTER:
        if os.environ.get("CI"):
            pytest.fail("KANIMDESK_TEST_PRINTER is not set: .ci/run must start CUPS")
        pytest.skip("no CUPS test printer")


def _type(qtbot, text: str) -> None:
    qtbot.keyClicks(QApplication.focusWidget(), text)


def _key(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def _wait_for_pdf_with(text: str, since: float, timeout: float = 30.0) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for pdf in Path(PRINTER_OUT).glob("*.pdf"):
            if pdf.stat().st_mtime >= since - 1:
                # Slips are printed as an image (QPdfDocument → QPrinter), so the number is read
                # back from the job title that pdftotext reports in the document's metadata.
                out = subprocess.run(
                    ["pdftotext", "-htmlmeta", str(pdf), "-"], capture_output=True, text=True
                )
                if text in out.stdout:
                    return out.stdout
        QApplication.processEvents()
        time.sleep(0.2)
    raise AssertionError(f"no printed slip with {text!r} in {PRINTER_OUT}")


@pytest.fixture
def page(qtbot, ctx, show_page):
    ctx.settings.slip_printer = PRINTER or ""
    page = show_page(RegistrationPage(ctx), 1280, 900)
    page.form.nik.setFocus()
    qtbot.waitUntil(lambda: page.form.nik.hasFocus())
    return page


def _fill_by_keyboard(qtbot, page, nik: str) -> None:
    _type(qtbot, nik)
    _key(qtbot, Qt.Key.Key_Return)  # NIK → name
    assert page.form.name.hasFocus()
    _type(qtbot, "Siti Aminah")
    _key(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, "Muara Enim")
    _key(qtbot, Qt.Key.Key_Tab)
    _key(qtbot, Qt.Key.Key_Home)
    _type(qtbot, "15071990")
    _key(qtbot, Qt.Key.Key_Tab)
    assert page.form.sex.hasFocus()
    _key(qtbot, Qt.Key.Key_Down)
    _key(qtbot, Qt.Key.Key_Down)  # — choose — → L → P
    _key(qtbot, Qt.Key.Key_Tab)  # married
    _key(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, "081234567890")


def test_keyboard_registration_prints_slip(qtbot, page, sqlite_db, settings):
    _require_printer()
    since = time.time()
    _fill_by_keyboard(qtbot, page, "1603015507900001")
    assert page.form.nik_status.text()  # the lookup answered (new applicant)
    assert page.fee_total.text() == "Rp950.000" or page.fee_total.text().startswith("Rp")
    _key(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.card.ticket_number == "A-001", timeout=10000)
    assert not page.card.print_failed() and not page.banner.text(), page.card.text()
    text = _wait_for_pdf_with("A-001", since)
    assert "1603015507900001" not in text and "AMINAH" not in text.upper()
    with sqlite_db.session() as s:
        assert s.scalar(select(func.count()).select_from(Application)) == 1
        t = s.scalar(select(Ticket))
        assert t.printed_count == 1
    # The form is empty again, focus back on NIK for the next applicant.
    assert page.form.nik.text() == "" and page.form.nik.hasFocus()
    assert page.tickets.rowCount() == 1


def test_known_applicant_is_filled_in(qtbot, page, sqlite_db, settings):
    from datetime import date

    from app.desk.registration import RegistrationForm, register

    register(sqlite_db, settings, RegistrationForm(nik="1603015507900001", name="Siti Aminah",
             birth_date=date(1990, 7, 15), sex="P"))  # fmt: skip
    _type(qtbot, "1603015507900001")
    assert page.form.name.text() == "SITI AMINAH"
    assert page.form.sex.currentData() == "P"
    assert page.form.birth_date.date() == date(1990, 7, 15)


def test_bad_input_is_marked_at_the_field_and_nothing_saved(qtbot, page, sqlite_db):
    _type(qtbot, "1603019907900001")  # day 99: hard error
    assert "NIK" in page.form.errors["nik"].text() or page.form.errors["nik"].text()
    _key(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert page.banner.kind == "error"
    assert page.form.errors["name"].isVisible() and page.form.errors["birth_date"].isVisible()
    with sqlite_db.session() as s:
        assert s.scalar(select(func.count()).select_from(Ticket)) == 0


def test_missing_printer_keeps_ticket_reprintable(qtbot, page, sqlite_db, settings):
    settings.slip_printer = "NoSuchPrinter"
    _fill_by_keyboard(qtbot, page, "1603010101900002")
    _key(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.card.ticket_number == "A-001", timeout=10000)
    assert page.card.print_failed() and "NoSuchPrinter" in page.card.printer.text()
    info = queue.find_ticket(sqlite_db, settings.office.code, "A-001")
    assert info.printed_count == 0
    if PRINTER:
        settings.slip_printer = PRINTER
        since = time.time()
        page.tickets_view.selectRow(0)
        page.reprint_button.click()
        _wait_for_pdf_with("A-001", since)
        assert queue.find_ticket(sqlite_db, settings.office.code, "A-001").printed_count == 1


def test_threaded_runner_saves_off_the_ui_thread(qtbot, sqlite_db, settings):
    settings.slip_printer = ""
    ctx = DeskContext(sqlite_db, settings)
    page = RegistrationPage(ctx)
    qtbot.addWidget(page)
    with qtbot.waitSignal(ctx.runner.idle, timeout=10000):
        pass
    page.form.nik.setText("1603010101900002")
    qtbot.waitUntil(lambda: bool(page.form.nik_status.text()), timeout=10000)
    page.form.name.setText("Budi Santoso")
    page.form.birth_date.set_date(__import__("datetime").date(1990, 1, 1))
    page.form.sex.setCurrentIndex(1)
    page.save_and_print()
    qtbot.waitUntil(lambda: page.card.ticket_number == "A-001", timeout=10000)
    assert ctx.runner.wait()


def test_booked_applicant_checks_in_by_code(qtbot, page, sqlite_db, settings, tmp_path):
    from datetime import date

    from app.desk.appointments import import_appointments

    day = date.today().isoformat()
    csv = tmp_path / "today.csv"
    csv.write_text(
        "booking_code,nik,name,birth_date,sex,phone,application_kind,product,validity_years,appointment_date\n"
        f"MP-TEST-0001,1603015507900001,Siti Aminah,1990-07-15,P,081234567890,hilang,epaspor,10,{day}\n",
        encoding="utf-8",
    )
    assert import_appointments(sqlite_db, settings, csv).imported == 1
    page.refresh()
    assert "1" in page.booking_status.text()
    _key(qtbot, Qt.Key.Key_F8)
    assert page.booking.hasFocus()
    _type(qtbot, "mp-test-0001")
    _key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.card.ticket_number == "B-001", timeout=10000)
    _key(qtbot, Qt.Key.Key_Return)  # the same code again is refused with the ticket named
    assert page.booking.text() == ""
    page.booking.setText("MP-TEST-0001")
    page.check_in_booking()
    assert page.banner.kind == "error" and "B-001" in page.banner.text()


def test_todays_list_reloads_only_when_shown_and_never_sizes_by_rows(qtbot, ctx, show_page,
                                                                     sqlite_db, settings, monkeypatch):  # fmt: skip
    from PySide6.QtWidgets import QHeaderView

    from app.changes import Changes

    from ui.main_window import MainWindow

    window = show_page(MainWindow(ctx), 1366, 698)
    page = window.open_area("registration")
    header = page.tickets_view.horizontalHeader()
    modes = {header.sectionResizeMode(c) for c in range(header.count())}
    assert QHeaderView.ResizeMode.ResizeToContents not in modes
    loads: list[int] = []
    real = queue.tickets_on
    monkeypatch.setattr(queue, "tickets_on", lambda *a, **k: loads.append(1) or real(*a, **k))
    window.open_area("foreigners")  # registration is hidden now
    for _ in range(3):  # as another counter's tickets reach this window (ctx.watch)
        queue.issue_ticket(sqlite_db, settings.office.code, "A")
        ctx.changed.emit(Changes(tickets=True))
    assert loads == [] and page.tickets.rowCount() == 0
    window.open_area("registration")
    assert loads == [1] and page.tickets.rowCount() == 3  # once, when shown again
    queue.issue_ticket(sqlite_db, settings.office.code, "A")
    ctx.changed.emit(Changes(tickets=True))
    assert loads == [1, 1] and page.tickets.rowCount() == 4  # shown: at once
