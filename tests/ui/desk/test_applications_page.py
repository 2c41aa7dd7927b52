"""The applications page as a clerk uses it: type a name and see the applications, scan a receipt's
number and Enter to open it, step it on with F-keys (payment and correction through their
dialogs), scroll for more, sort by a header, filter; all reads on the worker."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.changes import Changes
from app.db.models import Application, ApplicationStage
from app.desk.stages import STAGE_LABELS
from app.i18n import label

from tests.app.desk.walk_ins import register_walk_ins
from ui.desk.application_table import COL_NAME, COL_STAGE
from ui.desk.applications_page import ApplicationsPage
from ui.desk.step_dialogs import NoteDialog, PaymentDialog

NOW = datetime(2024, 7, 8, 9, 0)
NAMES = ["Siti Aminah", "Aditya Abdullah", "Farhan Aditya", "Budi Santoso", "Nyimas Yusnani"]


@pytest.fixture
def registered(ctx):
    """Five applicants, one application each (PMH-0000001 … PMH-0000005), as the desk saves them."""
    ids = []
    for i, name in enumerate(NAMES):
        ids += register_walk_ins(ctx.db, ctx.settings, 1, NOW, start=i, name=name)
    return ids


@pytest.fixture
def page(ctx, registered, show_page, qtbot):
    widget = ApplicationsPage(ctx)
    show_page(widget, 1176, 640)  # what the main window leaves a page at 1366×698
    qtbot.waitUntil(lambda: widget.model.rowCount() == len(NAMES))
    return widget


def _names(page) -> list[str]:
    return [page.model.row_at(i).name for i in range(page.model.rowCount())]


def _type(qtbot, page, text: str) -> None:
    page.search.clear()
    with qtbot.waitSignal(page.model.page_loaded, timeout=3000):
        qtbot.keyClicks(page.search, text)


def test_typing_a_piece_of_a_name_lists_its_applications(page, qtbot, qtmodeltester):
    qtmodeltester.check(page.model)
    _type(qtbot, page, "adit")
    assert sorted(_names(page)) == ["ADITYA ABDULLAH", "FARHAN ADITYA"]
    assert "2" in page.status.text()
    _type(qtbot, page, "zz")
    assert page.model.rowCount() == 0
    assert "3" in page.status.text()  # "type at least 3 letters"
    _type(qtbot, page, "1603")  # no application 1603, and too few digits for a NIK
    assert page.model.rowCount() == 0
    assert page.detail.view is None


def test_a_scanned_number_and_enter_open_that_application(page, qtbot, registered):
    wanted = registered[3]
    qtbot.keyClicks(page.search, f"PMH-{wanted:07d}")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.detail.view is not None)
    assert page.detail.view.id == wanted and page.detail.view.name == "BUDI SANTOSO"
    assert f"PMH-{wanted:07d}" in page.detail.title.text()
    assert "1603" in page.detail.facts.text() and "••••" in page.detail.facts.text()
    # A name typed and Enter: the only application found opens too.
    page.search.clear()
    qtbot.keyClicks(page.search, "yusnani")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.detail.view.name == "NYIMAS YUSNANI")


def _dialog(kind):
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
    return found[-1] if found else None


def test_f_keys_step_an_application_on_with_payment_and_a_correction(page, qtbot, ctx, registered):
    app_id = registered[0]
    page.open_application(app_id)
    qtbot.waitUntil(lambda: page.detail.view is not None and page.detail.view.id == app_id)
    assert page.detail.view.next_stages[0] == "wawancara"
    with qtbot.waitSignal(page.detail.stepped):
        qtbot.keyClick(page, Qt.Key.Key_F5)
    assert page.detail.view.stage == "wawancara"
    row = page.model.row_of(app_id)
    shown = page.model.index(row, COL_STAGE).data()
    assert shown == label(STAGE_LABELS, "wawancara", ctx.lang)

    qtbot.keyClick(page, Qt.Key.Key_F5)  # payment: a dialog for the amount and billing code
    dialog = _dialog(PaymentDialog)
    assert dialog is not None and dialog.amount.text() == str(page.detail.view.fee_total)
    dialog.buttons.accepted.emit()  # no billing code: refused, the dialog stays with the reason
    assert dialog.isVisible() and dialog.errors["billing_code"].text()
    dialog.billing_code.setText("820240708000123")
    with qtbot.waitSignal(page.detail.stepped):
        dialog.buttons.accepted.emit()
    view = page.detail.view
    assert view.stage == "pembayaran" and view.billing_code == "820240708000123"
    assert view.collection_date is not None and not dialog.isVisible()

    qtbot.keyClick(page, Qt.Key.Key_F9)  # correct the payment: the note is asked for
    note = _dialog(NoteDialog)
    note.note.setText("wrong billing code")
    with qtbot.waitSignal(page.detail.stepped):
        note.buttons.accepted.emit()
    assert page.detail.view.stage == "wawancara" and page.detail.view.paid_at is None
    history = [page.detail.steps.index(r, 1).data() for r in range(page.detail.steps.rowCount())]
    assert history[-1].startswith(("Correction", "Koreksi")) and len(history) == 4
    with ctx.db.session() as s:
        rows = s.scalars(select(ApplicationStage).where(ApplicationStage.application_id == app_id)
                         .order_by(ApplicationStage.id)).all()  # fmt: skip
        assert [r.stage for r in rows] == ["berkas", "wawancara", "pembayaran", "wawancara"]
        assert rows[-1].corrects_id == rows[-2].id and rows[-1].note == "wrong billing code"
        assert s.get(Application, app_id).stage == "wawancara"


def test_scrolling_fetches_the_next_pages_without_repeats(ctx, registered, show_page, qtbot,
                                                          qtmodeltester):  # fmt: skip
    register_walk_ins(ctx.db, ctx.settings, 12, NOW, start=10)
    page = ApplicationsPage(ctx)
    page.model.page_size = 4
    show_page(page, 1176, 640)
    page.search_now()
    qtbot.waitUntil(lambda: page.model.rowCount() >= 4)
    assert page.model.canFetchMore()
    qtbot.waitUntil(lambda: not page.model.canFetchMore() or page.model.rowCount() > 4)
    while page.model.canFetchMore():
        with qtbot.waitSignal(page.model.page_loaded):
            page.table.scrollToBottom()
            page.model.fetchMore()
    ids = [page.model.row_at(i).id for i in range(page.model.rowCount())]
    assert len(ids) == 17 and ids == sorted(set(ids), reverse=True)
    qtmodeltester.check(page.model)


def test_header_sort_and_filters_ask_the_database_again(page, qtbot, registered, ctx):
    with qtbot.waitSignal(page.model.page_loaded):
        page.table.sortByColumn(COL_NAME, Qt.SortOrder.AscendingOrder)  # as a header click does
    assert _names(page) == sorted(n.upper() for n in NAMES)
    with qtbot.waitSignal(page.model.page_loaded):
        page.sort_by("name", descending=True)
    assert _names(page) == sorted((n.upper() for n in NAMES), reverse=True)
    from app.desk.application_steps import advance

    advance(ctx.db, ctx.settings, registered[2], "wawancara", officer="uji")
    with qtbot.waitSignal(page.model.page_loaded):
        page.stage.setCurrentIndex(page.stage.findData("wawancara"))
    assert _names(page) == ["FARHAN ADITYA"]


def test_a_change_made_elsewhere_is_read_again(page, qtbot, ctx, registered):
    from app.desk.application_steps import advance

    page.open_application(registered[1])
    qtbot.waitUntil(lambda: page.detail.view is not None)
    advance(ctx.db, ctx.settings, registered[1], "wawancara", officer="loket 2")
    with qtbot.waitSignal(page.model.page_loaded):
        ctx.changed.emit(Changes(applications=True))  # as the change watcher says it
    assert page.detail.view.stage == "wawancara"
    row = page.model.row_of(registered[1])
    assert page.model.row_at(row).stage == "wawancara"


def test_the_page_fits_the_counter_screen(page):
    hint = page.minimumSizeHint()
    assert hint.width() <= 1176 and hint.height() <= 640, hint
    assert page.table.isVisible() and page.detail.isVisible()
    assert page.detail.step_buttons == [] or all(b.isVisible() for b in page.detail.step_buttons)
