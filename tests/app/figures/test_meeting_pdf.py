"""The meeting report PDF from hand-built figures: what it says in both languages, read back with pdftotext."""

from __future__ import annotations

import dataclasses
import re
import subprocess
import time
from datetime import date, datetime

import pytest

from app.figures.activity_model import ActivityInfo
from app.figures.meeting.data import MeetingReport, OpenFinding
from app.figures.meeting.pdf import MeetingReportRenderer, render_meeting_pdf
from app.figures.statistics_model import (
    Bucket,
    Difference,
    Grain,
    Period,
    ServiceRow,
    Spread,
    Statistics,
)

EPASPOR = [126, 186, 294, 240, 310, 355, 402, 380, 420, 455, 470, 512]


def _bucket(
    i: int, year: int, month: int, epaspor: int, previous: int | None, imported: bool = False
) -> Bucket:
    if imported:  # a month before KanimDesk: only what the office's records held
        return Bucket(date(year, month, 1), applications=epaspor * 3, epaspor=epaspor, ordinary=epaspor * 2,
                      wna_services=7, source="import",
                      epaspor_growth=None if previous is None else epaspor / previous - 1)  # fmt: skip
    apps = epaspor * 3 + i * 11
    return Bucket(
        date(year, month, 1), applications=apps, epaspor=epaspor, ordinary=apps - epaspor,
        walk_in=apps * 2 // 3, booked=apps - apps * 2 // 3, wna_services=5 + i, tickets=apps + 40,
        wait=Spread(apps, 12.5 + i / 2, 31.0 + i), service=Spread(apps, 8.25, 17.5),
        no_show_rate=0.041 + i / 1000, sop_share=0.875 - i / 100, ready_on_time_share=0.93,
        growth=None if previous is None else 0.05, source="live",
        epaspor_growth=None if previous is None else epaspor / previous - 1,
    )  # fmt: skip


def sample_report(months: int = 3, lang: str = "id", *, activities: int = 4, findings: int = 2,
                  imported_first: bool = False) -> MeetingReport:  # fmt: skip
    """A report April 2024 onward with the issue's e-Paspor figures 126, 186, 294, …"""
    period = Period.months(
        (2024, 4), ((2024 * 12 + 3 + months - 1) // 12, (3 + months - 1) % 12 + 1)
    )
    buckets, previous = [], None
    for i, (y, m) in enumerate(period.month_list()):
        e = EPASPOR[i % len(EPASPOR)]
        buckets.append(_bucket(i, y, m, e, previous, imported=imported_first and i == 0))
        previous = e
    total_apps = sum(b.applications or 0 for b in buckets)
    total = Bucket(
        period.first, applications=total_apps, epaspor=sum(b.epaspor or 0 for b in buckets),
        ordinary=sum(b.ordinary or 0 for b in buckets), walk_in=sum(b.walk_in or 0 for b in buckets),
        booked=sum(b.booked or 0 for b in buckets), wna_services=sum(b.wna_services or 0 for b in buckets),
        tickets=sum(b.tickets or 0 for b in buckets), wait=Spread(4200, 14.0, 33.5), service=Spread(4100, 8.5, 18.0),
        no_show_rate=0.047, sop_share=0.812, ready_on_time_share=0.9, growth=0.124, epaspor_growth=-0.25,
        source="live",
    )  # fmt: skip
    stats = Statistics(
        office_code="MUARAENIM", office_name="Kantor Imigrasi Kelas II Non-TPI Muara Enim",
        period=period, grain=Grain.MONTH, buckets=buckets, total=total,
        by_kind={"baru": 410, "penggantian": 250, "hilang": 12, "rusak": 4, "perubahan_data": 9},
        by_product={"epaspor": 606, "biasa": 79}, by_channel={"walk_in": 300, "booked": 385},
        by_sex={"L": 360, "P": 325},
        by_age_group={"0-16": 90, "17-25": 160, "26-40": 250, "41-60": 150, "61+": 35},
        by_priority={"lansia": 40, "disabilitas": 6, "ibu_hamil": 9, "anak": 12, "normal": 900},
        foreign_services={"itk_itas": 11, "itas_itap": 3, "itas_perpanjangan": 20, "perubahan_alamat": 0},
        services=[
            ServiceRow("A", "paspor", "Passport application", 30, 800, 780, 31, Spread(780, 14.0, 33.5),
                       Spread(760, 9.0, 19.0), 0.81, 0.0397),
            ServiceRow("B", "pengambilan", "Passport collection", 10, 150, 149, 2, Spread(149, 4.0, 9.5),
                       Spread(149, 2.0, 4.0), 0.93, 0.0134),
            ServiceRow("C", "wna", "Foreign nationals' stay permits", 45, 0, 0, 0, Spread(), Spread(), None, None),
        ],
        stage_backlog={},
        differences=[Difference(2024, 5, "epaspor_applicants", 186, 180)] if months >= 2 else [],
    )  # fmt: skip
    acts = [
        ActivityInfo(n, f"u{n}", "MUARAENIM", date(*period.month_list()[(n * 2) % months], 3 + n * 6 % 25), kind, title,
                     place, audience, None, None, None)
        for n, (kind, title, place, audience) in enumerate([
            ("radio", "Dialog interaktif e-Paspor di RRI Palembang", "RRI Palembang Pro 1", 1500),
            ("face_to_face", "Sosialisasi e-Paspor di SMA Negeri 1 Muara Enim", "Aula SMAN 1", 240),
            ("outreach", "Layanan 3 in 1 Si Mamat di Kecamatan Lawang Kidul", "Kantor Camat", None),
            ("social_media", "Seri unggahan Instagram: cara daftar M-Paspor", "@kanim_muaraenim", 8700),
            ("mass_media", "Rilis pers: Eazy Passport untuk pekerja tambang", "Sumatera Ekspres", None),
        ][:activities] * 3, 1)
        if n <= activities
    ]  # fmt: skip
    acts.sort(key=lambda a: a.activity_date)
    found = [
        OpenFinding(date(2024, 7, 4), "Papan informasi tarif PNBP belum memuat tarif e-Paspor 10 tahun.",
                    "Perbarui papan informasi sesuai PP 28/2019.", "tinggi", "Kasubsi Lantaskim",
                    date(2024, 8, 31), "terbuka"),
        OpenFinding(date(2024, 7, 4), "Publikasi layanan di media massa belum rutin.",
                    "Susun jadwal publikasi bulanan dan sosialisasi e-Paspor.", "sedang", "Kepala Kantor",
                    None, "dalam_proses"),
    ][:findings]  # fmt: skip
    return MeetingReport(stats, acts, found, datetime(2024, 7, 8, 9, 30), lang)


def pdf_text(pdf: bytes, tmp_path, name: str = "report.pdf") -> str:
    path = tmp_path / name
    path.write_bytes(pdf)
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return out.stdout


def page_count(pdf: bytes, tmp_path) -> int:
    path = tmp_path / "count.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def test_indonesian_report_says_the_issue_figures(tmp_path):
    pdf = render_meeting_pdf(sample_report(3, "id"))
    text = pdf_text(pdf, tmp_path)
    pages = page_count(pdf, tmp_path)
    assert pdf.startswith(b"%PDF")
    assert "KANTOR IMIGRASI KELAS II NON-TPI MUARA ENIM" in text
    assert "April – Juni 2024" in text
    assert "Senin, 8 Juli 2024" in text  # the printing date
    for figure in ("126", "186", "294", "+47,6%", "+58,1%"):
        assert figure in text
    assert "−25,0%" in text  # e-Paspor vs the previous period, with a true minus
    assert f"Halaman 1 dari {pages}" in text
    assert f"Halaman {pages} dari {pages}" in text
    assert "Page 1 of" not in text
    assert "Kepatuhan SOP" in text and "persentil ke-90" in text
    assert "Dialog interaktif e-Paspor di RRI" in text and "RRI Palembang Pro 1" in text
    assert "Papan informasi tarif" in text
    assert (
        "Tinggi" in text and "Terbuka" in text and "Dalam" in text
    )  # "Dalam proses" wraps in its cell


def test_english_report_speaks_english(tmp_path):
    pdf = render_meeting_pdf(sample_report(3, "en"))
    text = pdf_text(pdf, tmp_path)
    pages = page_count(pdf, tmp_path)
    assert "April – June 2024" in text
    assert "Monday, 8 July 2024" in text
    assert "+47.6%" in text and "+58.1%" in text
    assert f"Page 1 of {pages}" in text
    assert "Halaman" not in text
    assert "Key figures".upper() in text


def test_unknown_values_are_dashes_and_imported_months_marked(tmp_path):
    report = sample_report(3, "id", imported_first=True, activities=0, findings=0)
    text = pdf_text(render_meeting_pdf(report), tmp_path)
    assert "Apr 2024*" in text
    assert "Mei 2024†" in text  # the month whose stored figure differs from the live one
    assert "langsung 186, tersimpan 180" in text or "186" in text
    line = next(line for line in text.splitlines() if line.strip().startswith("Apr 2024*"))
    assert "–" in line  # walk-in/booked unknown in an imported month: a dash, not 0
    assert "Tidak ada temuan" in text


def test_a_twelve_month_report_renders_fast(tmp_path):
    report = sample_report(12, "id", activities=5, findings=2)
    render_meeting_pdf(report)  # fonts registered, modules loaded
    best = min(_timed(report) for _ in range(3))
    print(f"12-month meeting report rendered in {best * 1000:.0f} ms")
    assert best < 0.3
    text = pdf_text(render_meeting_pdf(report), tmp_path)
    assert "April 2024 – Maret 2025" in text


def _timed(report: MeetingReport) -> float:
    start = time.perf_counter()
    render_meeting_pdf(report)
    return time.perf_counter() - start


@pytest.mark.parametrize("months", [1, 3, 12])
def test_every_page_is_numbered(months, tmp_path):
    pdf = render_meeting_pdf(sample_report(months, "id"))
    pages = page_count(pdf, tmp_path)
    text = pdf_text(pdf, tmp_path)
    assert [f"Halaman {n} dari {pages}" in text for n in range(1, pages + 1)] == [True] * pages
    assert MeetingReportRenderer(sample_report(months, "id")).period_text() in text


def _empty_report(lang: str = "id") -> MeetingReport:
    """A period with no live data and no imported figures: everything unknown."""
    period = Period.months((2023, 1), (2023, 3))
    buckets = [Bucket(date(y, m, 1)) for y, m in period.month_list()]
    stats = Statistics(
        "MUARAENIM", "Kantor Imigrasi Kelas II Non-TPI Muara Enim", period, Grain.MONTH, buckets,
        Bucket(period.first), by_kind=dict.fromkeys(["baru", "penggantian"], 0), by_product={"epaspor": 0, "biasa": 0},
        by_channel={"walk_in": 0, "booked": 0}, by_sex={"L": 0, "P": 0}, by_age_group={"0-16": 0},
        by_priority={"normal": 0}, foreign_services={"itk_itas": 0}, services=[], stage_backlog={}, differences=[],
    )  # fmt: skip
    return MeetingReport(stats, [], [], datetime(2023, 4, 3, 8), lang)


def test_a_period_without_figures_says_so_with_dashes_not_zeros(tmp_path):
    text = pdf_text(render_meeting_pdf(_empty_report()), tmp_path)
    assert "Januari – Maret 2023" in text
    assert "Tidak ada angka untuk periode ini" in text
    assert "Tidak ada kegiatan publikasi" in text and "Tidak ada nomor antrean" in text
    assert "Tidak ada temuan pengawasan" in text
    key = text[text.index("ANGKA UTAMA") : text.index("MINAT E-PASPOR")]
    assert "–" in key and " 0 " not in key and "0,0%" not in key
    groups = text[text.index("MENURUT KELOMPOK") :]
    baru = next(line for line in groups.splitlines() if line.strip().startswith("Baru"))
    assert baru.split()[1:3] == ["–", "–"]  # groups of a period with no live rows are unknown


def test_a_ten_year_report_keeps_headings_with_their_tables(tmp_path):
    pdf = render_meeting_pdf(sample_report(120, "id"))
    pages = pdf_text(pdf, tmp_path).split("\f")
    heading_page = next(p for p in pages if "ANGKA PER BULAN" in p)
    below = heading_page[heading_page.index("ANGKA PER BULAN") :]
    assert re.search(r"Apr 2024\s+378\s", below) and re.search(
        r"Mei 2024†\s+569\s", below
    )  # rows follow it
    for page in pages:
        lines = [line for line in page.splitlines() if line.strip()]
        if len(lines) > 3:  # the last words above the footer are never a heading
            assert not lines[-2].strip().startswith(("2. ", "3. ", "4. ", "5. ", "6. ", "7. ")), (
                lines[-2]
            )
    assert len(pages) - 1 == page_count(pdf, tmp_path)
    assert "April 2024 – Maret 2034" in pages[0]


def test_one_month_report(tmp_path):
    text = pdf_text(render_meeting_pdf(sample_report(1, "id", activities=1)), tmp_path)
    assert "April 2024" in text and "Halaman 1 dari" in text
    assert "126" in text


def test_a_finding_longer_than_a_page_is_printed_whole(tmp_path):
    report = sample_report(3, "id")
    long = dataclasses.replace(
        report.open_findings[0], text="Temuan panjang " * 260, direction="Arahan " * 500
    )
    report = dataclasses.replace(report, open_findings=[long, *report.open_findings])
    text = pdf_text(render_meeting_pdf(report), tmp_path)
    assert text.count("panjang") >= 260 and text.count("Arahan") >= 500  # nothing cut
    assert "Perbarui papan informasi" in text  # the findings after it too
