"""Settings page: this counter (number, services, priority calls in a row), the queue display
(language, sound), office hours, the database address and its Test connection button."""

import pytest
from sqlalchemy import update

from PySide6.QtCore import Qt

from app.config import load_settings
from app.db.models import Service
from app.i18n import language, set_language

from ui.context import DeskContext
from ui.settings.settings_page import SettingsPage
from ui.workers import TaskRunner


@pytest.fixture(autouse=True)
def _english_window():
    before = language()
    set_language("en")
    yield
    set_language(before)


@pytest.fixture
def page(show_page, sqlite_db, settings):
    ctx = DeskContext(sqlite_db, settings, runner=TaskRunner(synchronous=True))
    return show_page(SettingsPage(ctx), 1200, 800)


def test_counter_display_and_hours_are_saved(qtbot, page):
    ctx = page.ctx
    box, display = page.counter_box, page.display_box
    assert list(box.service_checks) == ["A", "B", "C", "D"]
    assert all(c.isChecked() for c in box.service_checks.values())  # [] = every service
    assert box.streak.value() == 3 and display.language.currentData() == "id"
    assert not page.save_button.isEnabled()  # filling the form is not an edit
    box.counter.setText("4")
    box.service_checks["A"].setChecked(False)
    box.service_checks["B"].setChecked(False)
    box.streak.setValue(2)
    display.language.setCurrentIndex(display.language.findData("both"))
    display.sound.setChecked(False)
    page.office["hours"].setText("Senin–Kamis 08.00–15.00, Jumat 08.00–15.30 WIB")
    qtbot.keyClick(box.counter, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = load_settings()
    assert saved == ctx.settings and page.banner.kind == "ok"
    assert (saved.counter, saved.counter_services, saved.priority_streak_cap) == (
        "4",
        ["C", "D"],
        2,
    )
    assert saved.display_language == "both" and saved.display_sound is False
    assert saved.office.hours.startswith("Senin–Kamis")
    assert ctx.counter == "4"  # this workstation calls as counter 4 from now on


def test_a_rule_breaking_streak_is_marked_at_its_field(page):
    page.counter_box.streak.setValue(25)
    assert not page.save()
    assert page.errors["priority_streak_cap"].isVisible()


def test_only_the_services_the_office_offers_have_a_box(show_page, sqlite_db, settings):
    with sqlite_db.write() as s:
        s.execute(update(Service).where(Service.prefix == "C").values(active=False))
    settings.counter_services = ["A", "D"]
    ctx = DeskContext(sqlite_db, settings, runner=TaskRunner(synchronous=True))
    page = show_page(SettingsPage(ctx), 1200, 800)
    box = page.counter_box
    assert list(box.service_checks) == ["A", "B", "D"]
    assert {p for p, c in box.service_checks.items() if c.isChecked()} == {"A", "D"}
    assert not page.is_dirty()


def _test(qtbot, page, url):
    page.database_box.address.setText(url)
    qtbot.mouseClick(page.database_box.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.database_box.testing, timeout=15000)
    return page.database_box.result.text()


def test_test_connection_says_ok_or_the_reason_in_words(qtbot, page, tmp_path):
    ok = _test(qtbot, page, "")  # empty: the database in use
    assert ok.startswith("✓ ") and "Terhubung" in ok and "KanimDesk" in ok
    missing = _test(qtbot, page, f"sqlite:///{tmp_path / 'nowhere' / 'x.sqlite'}")
    assert missing.startswith("✗ ") and "nowhere" in missing
    assert not (tmp_path / "nowhere").exists()  # trying an address never makes a file
    other = _test(qtbot, page, "mysql://kanim@server/db")
    assert other.startswith("✗ ") and "mysql" in other and "Traceback" not in other
    refused = _test(qtbot, page, "postgresql+psycopg://kanim:rahasia@127.0.0.1:1/kanimdesk")
    assert refused.startswith("✗ ") and "127.0.0.1" in refused and "rahasia" not in refused
    # Typing a new address clears the last answer; saving keeps it for the next start.
    page.database_box.address.setText("postgresql+psycopg://kanim@10.0.0.5/kanimdesk")
    assert page.database_box.result.text() == ""
    assert page.save() and load_settings().db_url == "postgresql+psycopg://kanim@10.0.0.5/kanimdesk"
    assert page.db_url.isReadOnly() and page.db_url.text().startswith("sqlite:///")  # in use


@pytest.mark.postgres
def test_test_connection_to_the_office_server(qtbot, page, pg_url, settings):
    empty = _test(qtbot, page, pg_url)
    assert empty.startswith("✓ ") and "kosong" in empty
    from app.db.engine import Database
    from app.db.setup import init_database

    db = Database(pg_url)
    init_database(db, settings)
    db.dispose()
    ready = _test(qtbot, page, pg_url.replace("postgresql://", "postgresql+psycopg://"))
    assert ready.startswith("✓ ") and "versi terbaru" in ready
