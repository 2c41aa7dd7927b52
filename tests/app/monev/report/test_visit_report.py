"""The printed visit report: rendered for real and read back with pdftotext/pdfinfo (poppler)."""

from __future__ import annotations

import io
import re
import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from app.i18n import plain_date
from app.monev.report.data import FindingRow, ItemResult, SectionResult, VisitReportData
from app.monev.report.renderer import PHOTO_BOX, render_visit_report
from app.monev.report.sample import (
    empty_visit_report_data,
    sample_photo_jpeg,
    sample_visit_report_data,
)
from app.reports import style as report_style
from app.reports.photos import PHOTO_DPI, printable_photo
from app.reports.style import FontSet, score_text

SMALL_PHOTOS = (480, 360)  # the renderer's work is the same; the fixture is just quicker to build


class ReadBack:
    """A rendered PDF and what poppler reads from it."""

    def __init__(self, pdf: bytes, folder: Path):
        self.path = folder / "report.pdf"
        self.path.write_bytes(pdf)
        info = subprocess.run(
            ["pdfinfo", str(self.path)], capture_output=True, text=True, check=True
        ).stdout
        self.pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
        self.layout = self.text("-layout")
        # -raw keeps content-stream order: a table cell's wrapped lines stay together.
        self.flat = " ".join(self.text("-raw").replace("\xa0", " ").split())

    def text(self, *options: str) -> str:
        out = subprocess.run(
            ["pdftotext", *options, str(self.path), "-"], capture_output=True, text=True, check=True
        )
        return out.stdout

    def page(self, number: int) -> str:
        return self.text("-layout", "-f", str(number), "-l", str(number))


@pytest.fixture(scope="module")
def sample() -> VisitReportData:
    return sample_visit_report_data(n_items=80, n_photos=30, photo_size=SMALL_PHOTOS)


@pytest.fixture(scope="module")
def report(sample, tmp_path_factory) -> ReadBack:
    return ReadBack(render_visit_report(sample), tmp_path_factory.mktemp("visit-report"))


def test_header_names_both_offices_and_the_visit_date(report):
    assert "KANTOR WILAYAH DIREKTORAT JENDERAL IMIGRASI SUMATERA SELATAN" in report.layout
    assert "BIDANG PERIZINAN DAN INFORMASI KEIMIGRASIAN" in report.layout
    assert "KANTOR IMIGRASI KELAS II NON-TPI MUARA ENIM" in report.layout
    assert "LAPORAN HASIL MONITORING DAN EVALUASI /" in report.layout
    assert "SUPERVISI TEKNIS PELAYANAN PASPOR" in report.layout
    assert "Kamis, 4 Juli 2024" in report.layout
    assert "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik" in report.flat


def test_total_and_section_scores_in_indonesian_number_form(sample, report):
    assert re.fullmatch(r"\d+,\d", score_text(sample.total_score, "id"))
    assert score_text(sample.total_score, "id") in report.page(2)
    summary = report.page(2)
    for section in sample.sections:
        line = next(ln for ln in summary.splitlines() if section.title[:25] in ln)
        assert score_text(section.score, "id") in line, line
        assert ("GAGAL (butir kritis)" in line) == section.failed
    assert score_text(100.0, "id") == "100,0"


def test_every_checklist_item_is_printed_with_its_answer(sample, report):
    assert sum(len(s.items) for s in sample.sections) >= 80
    for section in sample.sections:
        for item in section.items:
            assert f"{item.code} {item.text}" in report.flat
    failed_critical = [i for s in sample.sections for i in s.items if i.critical and i.failed]
    assert failed_critical and report.flat.count("★ Butir kritis — GAGAL") == len(failed_critical)


def test_checklist_header_rows_repeat_on_every_page_the_table_spans(report):
    item_row = re.compile(r"^\s*[A-F]\.\d+\s", re.M)
    pages_with_items = [n for n in range(1, report.pages + 1) if item_row.search(report.page(n))]
    assert len(pages_with_items) >= 3
    for n in pages_with_items:
        text = report.page(n)
        assert "Butir pemeriksaan" in text and "Jawaban" in text and "Catatan" in text, n


def test_no_checklist_row_is_left_alone_on_a_page(report):
    """A section's table keeps at least two of its rows on each side of a page break."""
    band = re.compile(r"^[A-F]\. .+ — nilai ")
    item_row = re.compile(r"^\s*[A-F]\.\d+\s")
    for n in range(1, report.pages + 1):
        blocks: list[int] = []
        for line in report.page(n).splitlines():
            if band.match(line.strip()):
                blocks.append(0)
            elif blocks and item_row.match(line):
                blocks[-1] += 1
        assert all(rows >= 2 for rows in blocks), (n, blocks)


def test_findings_carry_owner_due_date_priority_and_status(sample, report):
    for f in sample.findings:
        assert f.owner.split()[0] in report.flat
        if f.due_date:
            assert plain_date(f.due_date, "id") in report.flat
    assert "15 Agustus 2024" in report.flat and "Kasubbag Umum" in report.flat
    assert "Tinggi" in report.flat and "Kritis" in report.flat and "Dalam proses" in report.flat


def test_previous_findings_show_original_and_current_status_side_by_side(report):
    assert "18 Januari 2024 Terbuka Selesai" in report.flat
    assert "18 Januari 2024 Terbuka Dalam proses" in report.flat
    assert "18 Januari 2024 Terbuka Diverifikasi" in report.flat


def test_epaspor_figures_with_growth(report):
    row = next(ln for ln in report.layout.splitlines() if re.match(r"\s*e-Paspor\s+\d", ln))
    assert re.search(r"126\s+186\s+294", row), row
    assert "+47,6%" in report.layout and "+58,1%" in report.layout
    assert "126 (+7,7%) → 186 (+47,6%) → 294 (+58,1%)" in report.flat
    assert "Apr 2024" in report.layout and "Jun 2024" in report.layout
    assert "1.034" in report.layout  # June's applications, Indonesian thousands


def test_signature_block_with_place_date_names_and_nips(sample, report):
    last = report.page(report.pages)
    assert "Muara Enim, 4 Juli 2024" in last
    for who in (sample.leader, sample.office_head):
        assert who.name in last
        assert f"NIP. {who.nip}" in last
    assert "Ketua Tim," in last and "Kepala Kantor," in last


def test_page_x_of_y_on_every_page(report):
    assert report.pages >= 8
    assert f"Halaman 1 dari {report.pages}" in report.page(1)
    assert f"Halaman {report.pages} dari {report.pages}" in report.page(report.pages)
    for n in range(2, report.pages):
        assert f"Halaman {n} dari {report.pages}" in report.page(n)


def test_all_photos_are_printed_with_captions(sample, report):
    for n, photo in enumerate(sample.photos, 1):
        assert f"Foto {n}. {photo.caption}" in report.flat


def test_empty_report_says_so_instead_of_dropping_chapters(tmp_path):
    empty = ReadBack(render_visit_report(empty_visit_report_data()), tmp_path)
    for text in (
        "Tidak ada temuan.",
        "Tidak ada dokumentasi foto.",
        "Tidak ada data pelayanan untuk periode ini.",
        "Tidak ada temuan kunjungan sebelumnya yang perlu ditindaklanjuti.",
        "Tidak ada hasil checklist.",
        "Tidak ada pejabat kantor yang dicatat.",
    ):
        assert text in empty.flat, text
    for heading in (
        "VI. TEMUAN DAN ARAHAN",
        "VIII. DATA PELAYANAN KANTOR",
        "IX. DOKUMENTASI",
        "X. PENUTUP",
    ):
        assert heading in empty.flat
    assert "Muara Enim, 4 Juli 2024" in empty.flat
    assert f"Halaman {empty.pages} dari {empty.pages}" in empty.page(empty.pages)


def test_english_variant(tmp_path):
    data = sample_visit_report_data(n_items=12, n_photos=2, lang="en", photo_size=SMALL_PHOTOS)
    en = ReadBack(render_visit_report(data), tmp_path)
    for heading in (
        "I. IDENTITY OF THE VISIT",
        "IV. SUMMARY OF RESULTS",
        "VI. FINDINGS AND DIRECTIONS",
        "VII. FOLLOW-UP OF FINDINGS FROM EARLIER VISITS",
        "X. CLOSING",
    ):
        assert heading in en.flat, heading
    assert "Thursday, 4 July 2024" in en.flat
    assert "Muara Enim, 4 July 2024" in en.flat
    assert "Team leader," in en.flat and "Head of office," in en.flat
    assert "+47.6%" in en.flat and "High" in en.flat and "Verified" in en.flat
    assert f"Page 1 of {en.pages}" in en.page(1)
    assert "Halaman" not in en.layout


def test_date_range_of_a_two_day_visit(tmp_path):
    data = replace(
        empty_visit_report_data(), start_date=date(2024, 7, 3), end_date=date(2024, 7, 4)
    )
    assert (
        "Rabu, 3 Juli 2024 s.d. Kamis, 4 Juli 2024"
        in ReadBack(render_visit_report(data), tmp_path).flat
    )


def test_helvetica_fallback_without_dejavu(tmp_path, monkeypatch):
    monkeypatch.setattr(
        report_style, "_fonts", FontSet("Helvetica", "Helvetica-Bold", "Helvetica-Oblique", False)
    )
    data = sample_visit_report_data(n_items=8, n_photos=1, photo_size=SMALL_PHOTOS)
    text = ReadBack(render_visit_report(data), tmp_path)
    assert "[X] Fasilitasi" in text.flat and "* Butir kritis" in text.flat
    assert "Halaman 1 dari" in text.page(1)


def test_photos_are_reduced_to_printed_size_keeping_their_shape():
    landscape = sample_photo_jpeg(7, 1600, 1200)
    data, w, h = printable_photo(landscape, *PHOTO_BOX)
    assert w <= PHOTO_BOX[0] + 0.01 and h <= PHOTO_BOX[1] + 0.01
    assert abs(w / h - 4 / 3) < 0.02
    with Image.open(io.BytesIO(data)) as small:
        assert small.format == "JPEG"
        assert small.height <= PHOTO_BOX[1] / 72 * PHOTO_DPI + 1
        assert abs(small.width / small.height - 4 / 3) < 0.02
    assert len(data) < len(landscape) / 3
    assert printable_photo(landscape, *PHOTO_BOX)[0] is data  # cached by content hash
    portrait = sample_photo_jpeg(8, 900, 1600)
    _, w, h = printable_photo(portrait, *PHOTO_BOX)
    assert abs(w / h - 900 / 1600) < 0.02 and h <= PHOTO_BOX[1] + 0.01


_free_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=120)


_EMPTY = empty_visit_report_data()


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(note=_free_text, finding=_free_text, office=_free_text)
def test_whatever_the_supervisor_types_prints(note, finding, office):
    """Markup characters, control characters, emoji: the report still renders."""
    data = replace(
        _EMPTY,
        visited_office=office,
        sections=[
            SectionResult(
                "A",
                "Bagian",
                50.0,
                False,
                [ItemResult("A.1", finding, "Ya", note, True, False, 50.0)],
            )
        ],
        findings=[FindingRow(1, "A.1", finding, note, "tinggi", office, None, "terbuka")],
    )
    pdf = render_visit_report(data)
    assert pdf.startswith(b"%PDF")


def test_markup_in_user_text_is_printed_literally(tmp_path):
    finding = FindingRow(
        1, "", "Papan <b>info</b> & tarif", "Perbarui", "sedang", "Umum & TU", None, "terbuka"
    )
    text = ReadBack(render_visit_report(replace(_EMPTY, findings=[finding])), tmp_path)
    assert "Papan <b>info</b> & tarif" in text.flat and "Umum & TU" in text.flat
