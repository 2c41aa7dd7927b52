"""The publicity page: an activity typed by keyboard lands in the table; refusals show under
their field and save nothing; a chosen row is changed, given a photo, and deleted."""

from __future__ import annotations

from datetime import date

import pytest
from PIL import Image

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from app.changes import Changes
from app.figures.activities import ActivityDraft, activity_photo, add_activity, list_activities

from ui.figures.activities_page import ActivitiesPage
from ui.figures.activity_table import (
    COL_AUDIENCE,
    COL_DATE,
    COL_KIND,
    COL_PHOTO,
    COL_PLACE,
    COL_TITLE,
)

OFFICE = "MUARAENIM"


def cells(page: ActivitiesPage) -> list[list[str]]:
    p = page.proxy
    return [[p.index(r, c).data() for c in (COL_DATE, COL_KIND, COL_TITLE, COL_PLACE, COL_AUDIENCE,
                                            COL_PHOTO)] for r in range(p.rowCount())]  # fmt: skip


def type_here(qtbot, keys: str) -> None:
    qtbot.keyClicks(QApplication.focusWidget(), keys)


def tab(qtbot) -> None:
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)


@pytest.fixture
def page(ctx, show_page) -> ActivitiesPage:
    add_activity(ctx.db, ActivityDraft(OFFICE, date(2023, 11, 3), "mass_media",
                                       "Rilis pers layanan paspor", "Sumatera Ekspres", 0))  # fmt: skip
    return show_page(ActivitiesPage(ctx), 1366, 768)


def test_add_by_keyboard_shows_it_in_the_table(page, ctx, qtbot):
    seen: list[Changes] = []
    ctx.changed.connect(seen.append)
    page.form.first_field().setFocus()
    type_here(qtbot, "02052024")
    tab(qtbot)
    assert QApplication.focusWidget() is page.form.kind
    qtbot.keyClick(page.form.kind, Qt.Key.Key_R)  # Radio, by its first letter
    assert page.form.kind.currentData() == "radio"
    tab(qtbot)
    type_here(qtbot, "Talkshow e-Paspor di RRI")
    tab(qtbot)
    type_here(qtbot, "RRI Palembang")
    tab(qtbot)
    type_here(qtbot, "1.500")
    tab(qtbot)
    assert QApplication.focusWidget() is page.form.note
    type_here(qtbot, "Siaran langsung 30 menit")
    qtbot.keyClick(
        QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )
    assert page.year.currentData() is None  # every year, newest first
    assert cells(page) == [
        ["2 Mei 2024", "Radio", "Talkshow e-Paspor di RRI", "RRI Palembang", "1.500", "–"],
        [
            "3 November 2023",
            "Media massa",
            "Rilis pers layanan paspor",
            "Sumatera Ekspres",
            "0",
            "–",
        ],
    ]  # newest first
    stored = list_activities(ctx.db, OFFICE)[-1]
    assert (stored.note, stored.officer) == ("Siaran langsung 30 menit", ctx.officer)
    assert seen == [Changes(activities=True)]
    assert page.banner.text() == "Kegiatan ditambahkan: Talkshow e-Paspor di RRI."
    assert page.form.is_new() and page.form.title_edit.text() == ""
    assert QApplication.focusWidget() is page.form.activity_date
    assert page.summary.text() == "2 kegiatan · 1.500 orang terjangkau"


def test_invalid_fields_show_their_reason_and_save_nothing(page, ctx, qtbot):
    page.form.first_field().setFocus()
    type_here(qtbot, "0101")  # half a date
    qtbot.keyClick(page.form.activity_date, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert page.form.errors["activity_date"].text() == ("Tanggal harus HH/BB/TTTT atau TTTT-BB-HH.")
    assert page.form.errors["activity_date"].isVisible()
    page.form.activity_date.set_date(date(2099, 1, 1))
    page.form.audience.setText("12.5.")  # the validator lets dots through; the rule refuses it
    page.form.save_button.click()
    errors = {k: e.text() for k, e in page.form.errors.items() if e.isVisible()}
    assert errors == {
        "activity_date": "Tanggal 01/01/2099 belum terjadi (di masa depan).",
        "kind": "Pilih jenis kegiatan.",
        "title": "Judul kegiatan wajib diisi.",
        "audience": "Khalayak harus berupa jumlah orang (bilangan bulat, 0 atau lebih), bukan 12.5..",
    }
    assert page.banner.text() == "Belum disimpan: perbaiki isian yang ditandai merah."
    assert QApplication.focusWidget() is page.form.activity_date  # the first refused field
    assert len(list_activities(ctx.db, OFFICE)) == 1
    qtbot.keyClicks(page.form.title_edit, "x")  # correcting a field hides its reason
    assert not page.form.errors["title"].isVisible()
    qtbot.keyClick(page.form.title_edit, Qt.Key.Key_Escape)  # Esc clears the form
    assert page.form.title_edit.text() == "" and not page.form.errors["activity_date"].isVisible()


def _answer(page: ActivitiesPage, qtbot, button: QMessageBox.StandardButton) -> None:
    qtbot.waitUntil(lambda: page.confirm_box is not None and page.confirm_box.isVisible())
    box = page.confirm_box
    assert box is not None and "Rilis pers layanan paspor" in box.text()
    box.button(button).click()


def test_edit_with_a_photo_then_delete(page, ctx, qtbot, tmp_path):
    page.view.setFocus()
    page.view.selectRow(0)
    assert page.form.title_edit.text() == "Rilis pers layanan paspor" and not page.form.is_new()
    assert page.form.delete_button.isEnabled()
    page.form.title_edit.setText("Rilis pers e-Paspor")
    picture = tmp_path / "kegiatan.png"
    Image.new("RGB", (800, 600), (200, 80, 20)).save(picture)
    page.form.set_photo_file(picture)
    assert (
        not page.form.thumbnail.pixmap().isNull() and page.form.photo_name.text() == "kegiatan.png"
    )
    page.save()
    (stored,) = list_activities(ctx.db, OFFICE)
    assert stored.title == "Rilis pers e-Paspor" and activity_photo(ctx.db, stored.id) is not None
    assert cells(page)[0][COL_PHOTO] == "Ya"
    assert page.banner.text() == "Kegiatan disimpan: Rilis pers e-Paspor."
    # Choosing it again shows the stored photo as a thumbnail.
    page.new_activity()
    page.view.selectRow(0)
    qtbot.waitUntil(lambda: not page.form.thumbnail.pixmap().isNull())
    # Delete in the table asks first; No keeps it, Yes removes it.
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    box = page.confirm_box
    assert box is not None
    assert "Rilis pers e-Paspor" in box.text()
    box.button(QMessageBox.StandardButton.No).click()
    assert len(list_activities(ctx.db, OFFICE)) == 1
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    page.confirm_box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 0)
    assert list_activities(ctx.db, OFFICE) == []
    assert page.banner.text() == "Kegiatan dihapus." and page.form.is_new()


def test_year_filter_and_reload_on_changes(page, ctx, qtbot):
    assert page.year.currentData() is None and page.proxy.rowCount() == 1
    page.year.setCurrentIndex(page.year.findData(date.today().year))
    assert page.proxy.rowCount() == 0 and page.summary.text() == "0 kegiatan · 0 orang terjangkau"
    page.year.setCurrentIndex(page.year.findData(2023))
    assert [r[COL_TITLE] for r in cells(page)] == ["Rilis pers layanan paspor"]
    # Another part of the program writes an activity: the page reloads on ctx.changed.
    ctx.run_op(lambda: add_activity(ctx.db, ActivityDraft(OFFICE, date(2023, 2, 1), "outreach",
                                                          "Eazy Passport Desa Tanjung")))  # fmt: skip
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 2)
    assert [r[COL_DATE] for r in cells(page)] == ["3 November 2023", "1 Februari 2023"]


def test_database_work_runs_on_the_worker_thread(sqlite_db, settings, show_page, qtbot):
    """With the real worker (not the tests' inline runner): loads and saves arrive by signal."""
    import threading

    from ui.context import DeskContext
    from ui.workers import TaskRunner

    add_activity(sqlite_db, ActivityDraft(OFFICE, date(2024, 6, 8), "outreach", "Eazy Passport"))
    ctx = DeskContext(sqlite_db, settings, runner=TaskRunner())
    threads: list[str] = []
    real_run = ctx.runner.run

    def noting(fn, on_done=None, on_error=None):
        def work():
            threads.append(threading.current_thread().name)
            return fn()

        real_run(work, on_done, on_error)

    ctx.runner.run = noting  # type: ignore[method-assign]
    page = show_page(ActivitiesPage(ctx), 1366, 768)
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 1)
    page.form.activity_date.set_date(date(2024, 6, 9))
    page.form.kind.setCurrentIndex(page.form.kind.findData("social_media"))
    page.form.title_edit.setText("Unggahan jadwal layanan")
    page.save()
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 2)
    assert cells(page)[0][:3] == ["9 Juni 2024", "Media sosial", "Unggahan jadwal layanan"]
    assert threads and threading.main_thread().name not in threads
    ctx.runner.wait()
