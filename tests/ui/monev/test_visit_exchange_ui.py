"""The visits page exports a visit package, imports it into another database, and imports office figures."""

from __future__ import annotations

from datetime import date, datetime

from app.config import Settings
from app.db.engine import Database
from app.db.setup import init_database
from app.desk.registration import RegistrationForm, register
from app.figures.figures_file import export_figures
from app.monev.visits import VisitDraft, create_visit, list_visits

from ui.context import DeskContext
from ui.monev.visits_page import VisitsPage
from ui.workers import TaskRunner


def _page(qtbot, db, settings) -> VisitsPage:
    page = VisitsPage(DeskContext(db, settings, runner=TaskRunner(synchronous=True)))
    qtbot.addWidget(page)
    page.show()
    return page


def test_package_goes_from_laptop_to_office_through_the_window(
    qtbot, sqlite_db, settings, tmp_path
):
    visit = create_visit(sqlite_db, VisitDraft(office_code=settings.office.code, office_name=settings.office.name,
                                               start_date=date(2024, 7, 4)))  # fmt: skip
    laptop = _page(qtbot, sqlite_db, settings)
    laptop.view.selectRow(0)
    package = tmp_path / "visit.kanimvisit"
    laptop.exchange.export_to(visit.id, package)
    assert (
        package.exists()
        and laptop.banner.kind == "ok"
        and "visit.kanimvisit" in laptop.banner.text()
    )

    office_db = Database(f"sqlite:///{tmp_path / 'office.sqlite'}")
    init_database(office_db, Settings())
    office = _page(qtbot, office_db, settings)
    office.exchange.import_from(package)
    assert office.banner.kind == "ok"
    assert [v.uuid for v in list_visits(office_db)] == [visit.uuid]
    assert office.model.rowCount() == 1  # the list reloaded on ctx.changed (Changes.visits)

    package.write_bytes(package.read_bytes()[:-200])  # a truncated file is refused, nothing changes
    office.exchange.import_from(package)
    assert office.banner.kind == "error" and office.banner.text()
    assert len(list_visits(office_db)) == 1
    office_db.dispose()


def test_office_figures_file_is_imported(qtbot, sqlite_db, settings, tmp_path):
    office_db = Database(f"sqlite:///{tmp_path / 'office.sqlite'}")
    init_database(office_db, Settings())
    register(office_db, settings, RegistrationForm(nik="1603015507900001", name="Siti Aminah",
             birth_date=date(1990, 7, 15), sex="P"), now=datetime(2024, 5, 6, 9))  # fmt: skip
    figures = tmp_path / "figures.json"
    export_figures(office_db, settings.office.code, (2024, 4), (2024, 6), figures)
    office_db.dispose()
    laptop = _page(qtbot, sqlite_db, settings)
    laptop.exchange.import_figures(figures)
    assert laptop.banner.kind == "ok" and "Muara Enim" in laptop.banner.text()


def test_office_exports_its_last_twelve_months(qtbot, sqlite_db, settings, tmp_path):
    register(sqlite_db, settings, RegistrationForm(nik="1603015507900001", name="Siti Aminah",
             birth_date=date(1990, 7, 15), sex="P"), now=datetime(2024, 5, 6, 9))  # fmt: skip
    office = _page(qtbot, sqlite_db, settings)
    out = tmp_path / "figures.json"
    office.exchange.export_figures(out, today=date(2024, 7, 4))
    assert office.banner.kind == "ok", office.banner.text()
    text = out.read_text(encoding="utf-8")
    assert "2024-05" in text and "1603015507900001" not in text and "AMINAH" not in text.upper()
