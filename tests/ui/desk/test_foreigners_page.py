"""The foreign nationals' desk by keyboard: passport + nationality → C ticket printed; found again next time."""

from __future__ import annotations

import os
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.desk import foreigners
from app.desk.foreigners import ForeignerForm, register_foreigner
from app.queue.tickets import find_ticket

from ui.desk import foreigners_page
from ui.desk.foreigners_page import ForeignersPage


def _page(qtbot, ctx, show_page) -> ForeignersPage:
    ctx.settings.slip_printer = os.environ.get("KANIMDESK_TEST_PRINTER", "")
    page = show_page(ForeignersPage(ctx))
    page.passport_no.setFocus()
    qtbot.waitUntil(page.passport_no.hasFocus)
    return page


def _type(qtbot, text: str) -> None:
    qtbot.keyClicks(QApplication.focusWidget(), text)


def _key(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def test_the_page_lists_the_services_the_core_knows():
    assert foreigners_page.PERMIT_KINDS == foreigners.PERMIT_KINDS


def test_keyboard_registration_issues_a_c_ticket(qtbot, ctx, show_page, sqlite_db, settings):
    page = _page(qtbot, ctx, show_page)
    _type(qtbot, "a1234567")
    _key(qtbot, Qt.Key.Key_Return)
    _type(qtbot, "mys")
    _key(qtbot, Qt.Key.Key_Tab)
    assert page.lookup_status.text()
    _type(qtbot, "Ahmad bin Ismail")
    _key(qtbot, Qt.Key.Key_Tab)
    _key(qtbot, Qt.Key.Key_Home)
    _type(qtbot, "02031985")
    _key(qtbot, Qt.Key.Key_Tab)
    _key(qtbot, Qt.Key.Key_Down)  # Male (L)
    _key(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert page.card.ticket_number == "C-001", page.card.text()
    if settings.slip_printer:
        assert not page.card.print_failed() and not page.banner.text()
        assert find_ticket(sqlite_db, settings.office.code, "C-001").printed_count == 1
    assert page.passport_no.text() == "" and page.passport_no.hasFocus()
    assert page.card.isVisible()
    _type(qtbot, "b")  # the next applicant's passport: the last card goes
    assert not page.card.isVisible()


def test_known_foreigner_is_filled_in_and_bad_input_marked(
    qtbot, ctx, show_page, sqlite_db, settings
):
    register_foreigner(sqlite_db, settings, ForeignerForm(passport_no="A1234567", nationality="MYS",
                       name="Ahmad bin Ismail", birth_date=date(1985, 3, 2), sex="L"))  # fmt: skip
    page = _page(qtbot, ctx, show_page)
    page.passport_no.setText("A1234567")
    page.nationality.setText("MYS")
    page.look_up()
    assert page.name.text() == "AHMAD BIN ISMAIL" and page.sex.currentData() == "L"
    page.nationality.setText("ID")
    page.save_and_print()
    assert page.banner.kind == "error" and page.errors["nationality"].text()
    assert page.name.text() == "AHMAD BIN ISMAIL"  # nothing typed is lost
