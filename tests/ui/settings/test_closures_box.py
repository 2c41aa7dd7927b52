"""Office closures box: a closure recorded in Settings is in the database and collection dates
skip it; taking it back restores them; a day recorded twice is refused at the field."""

from datetime import date

from PySide6.QtCore import Qt

from app.desk.closures import collection_date_on, list_closures
from app.i18n import long_date

from ui.settings.closures_box import ClosuresBox
from ui.settings.settings_page import SettingsPage

PAID = date(2025, 7, 14)  # a Monday with no holiday that week
CLOSED = date(2025, 7, 15)


def _record(qtbot, box, day, reason):
    box.day.set_date(day)
    box.reason.setText(reason)
    qtbot.mouseClick(box.add_button, Qt.MouseButton.LeftButton)


def _select(box, day):
    row = box.showing().index(day)
    box.table.selectRow(row)


def test_add_skips_the_day_and_remove_takes_it_back(qtbot, ctx, show_page):
    box = show_page(ClosuresBox(ctx))
    before = collection_date_on(ctx.db, ctx.settings, PAID)
    assert before == date(2025, 7, 18)

    with qtbot.waitSignal(ctx.changed):
        _record(qtbot, box, CLOSED, "Renovasi kantor")
    qtbot.waitUntil(lambda: box.showing() == [CLOSED])
    assert box.model.index(0, 0).data() == long_date(CLOSED, ctx.lang)
    assert box.model.index(0, 1).data() == "Renovasi kantor"
    assert [c.day for c in list_closures(ctx.db, ctx.settings)] == [CLOSED]
    assert box.reason.text() == "" and box.day.is_blank()
    assert collection_date_on(ctx.db, ctx.settings, PAID) == date(2025, 7, 21)

    assert not box.remove_button.isEnabled()
    _select(box, CLOSED)
    assert box.remove_button.isEnabled()
    with qtbot.waitSignal(ctx.changed):
        qtbot.mouseClick(box.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: box.showing() == [])
    assert list_closures(ctx.db, ctx.settings) == []
    assert collection_date_on(ctx.db, ctx.settings, PAID) == before


def test_refusals_are_shown_at_the_field(qtbot, ctx, show_page):
    box = show_page(ClosuresBox(ctx))
    _record(qtbot, box, CLOSED, "Renovasi kantor")
    qtbot.waitUntil(lambda: box.showing() == [CLOSED])

    _record(qtbot, box, CLOSED, "Lagi")
    qtbot.waitUntil(lambda: box.errors["day"].isVisible())
    assert CLOSED.isoformat() in box.errors["day"].text()
    assert "Renovasi kantor" in box.errors["day"].text()
    assert len(list_closures(ctx.db, ctx.settings)) == 1

    _record(qtbot, box, date(2025, 7, 16), "   ")
    qtbot.waitUntil(lambda: box.errors["reason"].isVisible())
    assert not box.errors["day"].isVisible()
    assert box.showing() == [CLOSED]

    box.day.setText("31/02/2025")
    box.reason.setText("Banjir")
    qtbot.mouseClick(box.add_button, Qt.MouseButton.LeftButton)
    assert box.errors["day"].isVisible()
    assert box.showing() == [CLOSED]


def test_settings_page_shows_the_box(qtbot, ctx, show_page):
    page = show_page(SettingsPage(ctx), 1100, 760)
    assert page.closures_box.showing() == []
    _record(qtbot, page.closures_box, CLOSED, "Renovasi kantor")
    qtbot.waitUntil(lambda: page.closures_box.showing() == [CLOSED])
    assert not page.is_dirty()  # a closure is saved at once, not through Save
