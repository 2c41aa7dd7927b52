"""Settings page: Ctrl+S writes settings.toml; bad values are marked at the field and not saved."""

import dataclasses
import threading

import pytest

from PySide6.QtCore import Qt

from app.changes import Changes
from app.config import OfficeProfile, load_settings, settings_path
from app.i18n import language, set_language

from ui.context import DeskContext
from ui.settings.settings_page import OFFICE_FIELDS, SettingsPage
from ui.workers import TaskRunner


@pytest.fixture(autouse=True)
def _english_window():
    """The page's own words in English, the office's reasons (ctx.lang) in Indonesian, as when
    these tests were written (no translator installed in tests)."""
    before = language()
    set_language("en")
    yield
    set_language(before)


@pytest.fixture
def ctx(sqlite_db, settings):
    return DeskContext(sqlite_db, settings, runner=TaskRunner(synchronous=True))


@pytest.fixture
def page(qtbot, ctx):
    widget = SettingsPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1100, 760)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


def _apply(ctx, new):
    """Settings put in force as a page does: on the worker, ctx.settings set when done."""

    def done(_changes):
        ctx.settings = new

    ctx.run_op(lambda: ctx.apply_settings(new), done)


def _type(qtbot, editor, value):
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClicks(editor, value) if value else qtbot.keyClick(editor, Qt.Key.Key_Delete)


def test_ctrl_s_saves_and_loads_back_equal(qtbot, page, ctx):
    assert not settings_path().exists()
    assert not page.save_button.isEnabled()  # nothing edited yet
    _type(qtbot, page.office["name"], "Kantor Imigrasi Kelas I TPI Palembang")
    page.paper.setCurrentIndex(page.paper.findData(58))
    page.quota.setValue(8)
    assert page.save_button.isEnabled()
    changes = []
    ctx.changed.connect(changes.append)
    qtbot.keyClick(page.office["name"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert settings_path().exists()
    loaded = load_settings()
    assert loaded == ctx.settings
    assert loaded.office.name == "Kantor Imigrasi Kelas I TPI Palembang"
    assert loaded.slip_paper_mm == 58 and loaded.walk_in_priority_quota == 8
    assert changes == [Changes(settings=True, office=True)]
    assert page.banner.kind == "ok" and not page.save_button.isEnabled()


def test_empty_office_name_is_marked_and_not_saved(qtbot, page, ctx):
    before = ctx.settings
    page.paper.setCurrentIndex(page.paper.findData(58))
    _type(qtbot, page.office["name"], "")
    qtbot.keyClick(page.office["city"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    error = page.errors["office.name"]
    assert error.isVisible() and error.text() == "Nama kantor wajib diisi."
    assert page.banner.kind == "error"
    assert not settings_path().exists()
    assert ctx.settings is before
    assert page.paper.currentData() == 58  # the other edit is still in the form
    assert page.office["name"].hasFocus()
    _type(qtbot, page.office["name"], "Kanim Muara Enim")
    assert page.save()
    assert not error.isVisible()
    assert load_settings().slip_paper_mm == 58


def test_rule_from_settings_validate_shown_at_its_field(page):
    page.working_days.setValue(0)
    assert not page.save()
    assert page.errors["collection_working_days"].text() == "Hari kerja penyerahan harus 1–30."
    assert not settings_path().exists()


def test_discard_restores_the_saved_values(qtbot, page, ctx):
    original = ctx.settings.office.city
    _type(qtbot, page.office["city"], "Lahat")
    page.printer.setCurrentText("KantorSlip")
    page.refresh()  # e.g. the main window switching pages: unsaved edits stay
    assert page.office["city"].text() == "Lahat" and page.is_dirty()
    qtbot.mouseClick(page.discard_button, Qt.MouseButton.LeftButton)
    assert page.office["city"].text() == original
    assert page.edited_settings() == ctx.settings


def test_printer_choice_and_none(page, ctx):
    page.printer.setCurrentText("KanimSlipPDF")
    assert page.edited_settings().slip_printer == "KanimSlipPDF"
    page.printer.setCurrentIndex(0)  # "(none)"
    assert page.edited_settings().slip_printer == ""
    # A configured printer missing on this PC stays chosen rather than silently dropped.
    _apply(ctx, dataclasses.replace(ctx.settings, slip_printer="Epson TM-T82 Lantai 2"))
    assert page.printer.currentText() == "Epson TM-T82 Lantai 2"


def test_every_office_field_is_editable_and_database_shown(page, ctx):
    assert {name for name, _ in OFFICE_FIELDS} == {
        f.name for f in dataclasses.fields(OfficeProfile)
    }
    assert page.db_url.isReadOnly() and page.db_url.text().startswith("sqlite:///")
    assert page.page_title() == "Settings"


def test_save_runs_on_the_worker_and_announces_when_done(qtbot, sqlite_db, settings, monkeypatch):
    import app.db.setup

    ctx = DeskContext(sqlite_db, settings)  # a real worker thread
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    threads = []
    apply_office = app.db.setup.apply_office

    def watched(db, new):
        threads.append(threading.current_thread())
        return apply_office(db, new)

    monkeypatch.setattr(app.db.setup, "apply_office", watched)
    page.joint_leave.setChecked(False)
    page.office["city"].setText("Muara Enim Kota")  # the office profile goes into the database
    with qtbot.waitSignal(ctx.changed, timeout=10000) as changed:
        assert page.save()
    assert changed.args == [Changes(settings=True, office=True)]
    assert threads and threads[0] is not threading.main_thread()
    assert ctx.settings.collection_skips_joint_leave is False
    assert load_settings() == ctx.settings and page.banner.kind == "ok"
    assert not page.save_button.isEnabled()


def test_database_refusal_leaves_the_file_and_the_settings_unchanged(qtbot, page, ctx, sqlite_db):
    from sqlalchemy import text

    page.quota.setValue(7)
    assert page.save()
    saved, before = settings_path().read_bytes(), ctx.settings
    with sqlite_db.engine.begin() as conn:  # the database refuses any change to the office row
        conn.execute(text("CREATE TRIGGER refuse_office BEFORE UPDATE ON office "
                          "BEGIN SELECT RAISE(ABORT, 'office locked by the administrator'); END"))  # fmt: skip
    _type(qtbot, page.office["name"], "Kanim Palembang")
    changes = []
    ctx.changed.connect(changes.append)
    qtbot.keyClick(page.office["name"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert page.banner.kind == "error"
    assert "office locked by the administrator" in page.banner.text()
    assert settings_path().read_bytes() == saved
    assert ctx.settings is before and changes == []
    assert page.office["name"].text() == "Kanim Palembang" and page.save_button.isEnabled()


def test_joint_leave_setting_has_its_indonesian_label(page):
    assert page.joint_leave.isChecked()  # offices close on cuti bersama
    set_language("id")
    shown = SettingsPage(page.ctx)
    assert shown.joint_leave.text() == "Lewati hari &cuti bersama dalam tanggal penyerahan"
    shown.deleteLater()
