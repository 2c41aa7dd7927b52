"""The Reports page: tiles and charts from the statistics, period changes, reloads on changes,
exports of tables (CSV) and charts (PNG), the meeting report preview, historical imports."""

from __future__ import annotations

import csv
import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest

from PySide6.QtGui import QImage

from app.changes import Changes
from app.config import Settings
from app.figures.activity_model import ActivityInfo
from app.figures.statistics_model import (
    Bucket,
    Difference,
    Grain,
    Period,
    ServiceRow,
    Spread,
    Statistics,
)

from ui.context import DeskContext
from ui.figures.dashboard_data import build_dashboard
from ui.figures.dashboard_period import last_twelve_months
from ui.figures.reports_page import ReportsPage
from ui.workers import TaskRunner

JUNE = Period.month(2024, 6)


def hand_built_statistics() -> Statistics:
    """Three months by month, May with a live figure that differs from the imported one and
    April filled from imported figures only."""
    months = [
        Bucket(date(2024, 4, 1), applications=200, epaspor=126, ordinary=74, source="import"),
        Bucket(date(2024, 5, 1), applications=300, epaspor=186, ordinary=114, walk_in=100,
               booked=200, wna_services=4, tickets=320, growth=0.5, epaspor_growth=0.476,
               source="live"),
        Bucket(date(2024, 6, 1), applications=450, epaspor=294, ordinary=156, walk_in=150,
               booked=300, wna_services=6, tickets=480, growth=0.5, epaspor_growth=0.581,
               source="live"),
    ]  # fmt: skip
    total = Bucket(
        date(2024, 4, 1), applications=950, epaspor=606, ordinary=344, walk_in=250, booked=500,
        wna_services=10, tickets=800, wait=Spread(760, 23.7, 43.9), service=Spread(700, 8.0, 15.5),
        no_show_rate=0.048, sop_share=0.668, growth=-0.25, epaspor_growth=0.1,
    )  # fmt: skip
    services = [
        ServiceRow("A", "passport", "New passport / replacement", 30, 600, 580, 20,
                   Spread(580, 23.7, 43.9), Spread(560, 8.0, 15.0), 0.65, 0.034),
        ServiceRow("D", "collection", "Passport collection", 10, 200, 180, 5,
                   Spread(180, 4.0, 9.5), Spread(175, 2.0, 3.0), 0.9, 0.028),
    ]  # fmt: skip
    return Statistics(
        office_code="KANIM", office_name="Kantor Imigrasi", period=Period.months((2024, 4), (2024, 6)),
        grain=Grain.MONTH, buckets=months, total=total,
        by_kind={"baru": 900, "penggantian": 50}, by_product={"epaspor": 606, "biasa": 344},
        by_channel={"walk_in": 250, "booked": 500}, by_sex={"L": 500, "P": 450},
        by_age_group={"0-16": 100, "17-25": 200, "26-40": 400, "41-60": 200, "61+": 50},
        by_priority={"normal": 800}, foreign_services={"itas_perpanjangan": 10},
        services=services, stage_backlog={"verifikasi": 12, "pencetakan": 3},
        differences=[Difference(2024, 5, "epaspor_applicants", 186, 180)],
    )  # fmt: skip


ACTIVITY = ActivityInfo(
    1, "u-1", "KANIM", date(2024, 5, 8), "social_media", "Kampanye e-Paspor", "Instagram",
    5400, None, None, None,
)  # fmt: skip


# --- the widgets from hand-built statistics ---------------------------------------------------


def opened(show_page, qtbot, ctx) -> ReportsPage:  # type: ignore[no-untyped-def]
    """The page as the window shows it, once its body is built and its figures loaded."""
    page = show_page(ReportsPage(ctx, today=date(2024, 6, 20)), 1180, 680)
    qtbot.waitUntil(lambda: page.ready and page.dashboard is not None, timeout=30000)
    return page


def with_hand_built(show_page, qtbot, ctx) -> tuple[ReportsPage, object]:  # type: ignore[no-untyped-def]
    page = show_page(ReportsPage(ctx, today=date(2024, 6, 20)), 1180, 680)
    qtbot.waitUntil(lambda: page.ready, timeout=30000)
    page.show_dashboard(build_dashboard(hand_built_statistics(), [ACTIVITY], "id"))
    return page, page.body


def test_tiles_charts_and_notices_show_the_statistics(ctx, show_page, qtbot):
    page, body = with_hand_built(show_page, qtbot, ctx)
    tiles = body.tiles
    assert tiles.text_of("applications") == "950"
    assert tiles.text_of("epaspor") == "606"
    assert tiles.tiles["epaspor"].detail.text() == "63,8% dari permohonan"
    assert tiles.text_of("growth") == "\u221225,0%"  # a true minus
    assert "e-Paspor +10,0%" in tiles.tiles["growth"].detail.text()
    assert "Jan 2024 – Mar 2024" in tiles.tiles["growth"].detail.text()
    assert tiles.text_of("wait_median") == "23,7 menit"
    assert tiles.text_of("wait_p90") == "43,9 menit"
    assert tiles.tiles["wait_p90"].detail.text() == "Target SOP 30 menit (layanan tersibuk)"
    assert tiles.text_of("sop") == "66,8%"
    assert tiles.text_of("no_show") == "4,8%"
    assert tiles.text_of("wna") == "10"
    # The imported month and the disagreeing figure are said, in words, above the tiles.
    assert body.notice.isVisible()
    assert "Apr 2024" in body.notice.text() and "Mei 2024" in body.notice.text()
    assert "Kampanye e-Paspor" in body.activities_line.text()
    # Charts: the month's value under the mouse, the activity marked in May, imported April grey.
    body.applications_chart.repaint()
    regions = [words for _rect, words in body.applications_chart.regions()]
    assert "Juni 2024: 450" in regions
    assert any("Kampanye e-Paspor" in w and "5.400 orang terjangkau" in w for w in regions)
    assert body.applications_chart.points[0].imported
    body.share_chart.repaint()
    assert "Juni 2024: 65,3% (294 dari 450)" in [w for _r, w in body.share_chart.regions()]
    body.wait_chart.repaint()
    assert (
        "Penyerahan paspor: median 4,0 menit, persentil ke-90 9,5 menit, target SOP 10 menit"
        " · 90,0% dalam target SOP"
    ) in [w for _r, w in body.wait_chart.regions()]
    body.backlog_chart.repaint()
    assert "Verifikasi: 12" in [w for _r, w in body.backlog_chart.regions()]
    keys = [t.key for t in body.tables.tables]
    assert keys[0] == "monthly" and "activities" in keys and "differences" in keys


@pytest.mark.parametrize("width", [340, 560, 900])
def test_time_labels_are_thinned_so_they_never_overlap(qtbot, width):
    from ui.figures.dashboard_charts import BarTimeChart, TimePoint

    chart = BarTimeChart("Permohonan per hari", str)
    qtbot.addWidget(chart)
    for labels in ([str(d) for d in range(1, 32)], [f"Mei {2000 + y}" for y in range(24)]):
        chart.set_series([TimePoint(t, t, 5.0, "5") for t in labels])
        chart.resize(width, 240)
        chart.grab()  # paints it
        boxes = chart.label_boxes
        assert len(boxes) >= 3 and boxes[0].left() >= 0 and boxes[-1].right() <= width
        assert all(a.right() + 4 <= b.left() for a, b in zip(boxes, boxes[1:], strict=False))


def test_chart_export_writes_a_png_of_the_chart(ctx, show_page, qtbot, tmp_path):
    page, body = with_hand_built(show_page, qtbot, ctx)
    target = tmp_path / "grafik"
    assert page.exports.save_chart(body.share_chart, target)
    image = QImage(str(tmp_path / "grafik.png"))
    assert not image.isNull()
    assert image.width() == body.share_chart.width() * body.share_chart.devicePixelRatio()
    assert "grafik.png" in page.banner.text()


def test_table_export_writes_a_csv_that_reads_back(ctx, show_page, qtbot, tmp_path):
    page, body = with_hand_built(show_page, qtbot, ctx)
    assert body.tables.show_table("monthly")
    target = tmp_path / "per-bulan.csv"
    page.exports.save_table(body.tables.current_table(), target)
    with target.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    assert rows[0][:2] == ["Bulan", "Permohonan"]
    assert rows[1][0] == "2024-04" and rows[3][:2] == ["2024-06", "450"]
    assert rows[-1][:2] == ["Jumlah", "950"]
    epaspor_share = rows[0].index("Pangsa e-Paspor (%)")
    assert rows[3][epaspor_share] == "65,3"
    # Every table of the page goes to a workbook, one sheet each.
    book = tmp_path / "tabel.xlsx"
    page.exports.save_tables(book)
    from openpyxl import load_workbook

    sheets = load_workbook(book).sheetnames
    assert len(sheets) >= len(body.tables.tables)


# --- end to end on demo data --------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory) -> Path:
    from app.db.engine import Database
    from app.db.setup import init_database
    from app.demo.generator import generate_demo

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    db = Database(f"sqlite:///{path}")
    settings = Settings()
    init_database(db, settings)
    generate_demo(db, settings, applicants=400, seed=9, now=datetime(2024, 7, 10, 12, 0))
    db.dispose()
    return path


@pytest.fixture
def demo_ctx(demo_file, tmp_path):
    from app.db.engine import Database

    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_file, path)
    db = Database(f"sqlite:///{path}")
    ctx = DeskContext(db, Settings(), runner=TaskRunner(synchronous=True))
    yield ctx
    ctx.close()
    db.dispose()


def test_page_opens_on_demo_data_for_the_current_month(demo_ctx, show_page, qtbot):
    page = opened(show_page, qtbot, demo_ctx)
    body = page.body
    assert page.period() == JUNE  # the current month by default
    assert page.dashboard is not None and page.dashboard.statistics.period == JUNE
    assert body.tiles.text_of("epaspor") == "294"
    assert "e-Paspor +58,1%" in body.tiles.tiles["growth"].detail.text()
    assert page.dashboard.statistics.grain is Grain.DAY
    assert len(body.applications_chart.points) == 30
    assert page.status.text() == "Juni 2024"

    page.period_chooser.set_period(Period.month(2024, 5))  # choosing reloads
    assert page.dashboard.statistics.period == Period.month(2024, 5)
    assert body.tiles.text_of("epaspor") == "186"
    assert "e-Paspor +47,6%" in body.tiles.tiles["growth"].detail.text()

    page.period_chooser.last_twelve.click()
    assert page.period() == last_twelve_months(date(2024, 6, 20))
    assert page.dashboard.statistics.grain is Grain.MONTH
    shares = {p.title: p.words for p in body.share_chart.points}
    assert shares["April 2024"].startswith("") and "126 dari" in shares["April 2024"]
    assert body.tables.tables[0].key == "monthly"


def test_page_reloads_once_after_a_burst_of_changes(demo_ctx, show_page, qtbot):
    page = opened(show_page, qtbot, demo_ctx)
    first = page.dashboard
    loads = page._request
    for _ in range(5):
        demo_ctx.changed.emit(Changes(tickets=True))
    demo_ctx.changed.emit(Changes(visits=True))  # not a change of the figures
    assert page.reload_timer.isActive()
    qtbot.waitUntil(lambda: page._request == loads + 1, timeout=5000)
    assert page.dashboard is not first
    qtbot.wait(200)
    assert page._request == loads + 1  # debounced: one reload for the burst


def test_meeting_report_preview_opens_with_pages_and_saves(demo_ctx, show_page, qtbot, tmp_path):
    page = opened(show_page, qtbot, demo_ctx)
    page.period_chooser.set_period(Period.months((2024, 4), (2024, 6)))
    page.preview_button.click()
    dialog = page.report.preview_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.page_count() >= 2
    assert "April 2024 – Juni 2024" in dialog.windowTitle()
    dialog.close()
    pdf = tmp_path / "laporan.pdf"
    page.report.save_to(page.period(), pdf)  # the report just made is reused
    assert pdf.read_bytes().startswith(b"%PDF")
    words = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                           text=True, check=True).stdout  # fmt: skip
    assert "294" in words and "+58,1%" in words
    sheet = tmp_path / "laporan.xlsx"
    page.report.save_to(page.period(), sheet)
    from openpyxl import load_workbook

    assert load_workbook(sheet).sheetnames
    assert "laporan.xlsx" in page.banner.text()


def test_historical_import_shows_stored_and_rejected_rows(demo_ctx, show_page, qtbot, tmp_path):
    page = opened(show_page, qtbot, demo_ctx)
    source = tmp_path / "angka.csv"
    source.write_text(
        "month,metric,value\n2023-11,epaspor_applicants,80\n2023-12,epaspor_applicants,-3\n"
        "2023-12,no_such_metric,5\n",
        encoding="utf-8",
    )
    loads = page._request
    page.history.import_from(source)
    dialog = page.history.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.summary.text().startswith("1 angka disimpan. 2 baris ditolak")
    reasons = dialog.reasons()
    assert [row for row, _reason in reasons] == ["3", "4"]
    assert all(reason for _row, reason in reasons)
    assert page.reload_timer.isActive() or page._request > loads  # the figures changed
