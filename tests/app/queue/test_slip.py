"""The queue slip PDF: what it says in both languages on both paper widths, read back with pdftotext."""

from __future__ import annotations

import dataclasses
import re
import subprocess
from datetime import datetime

import pytest

from app.config import Settings
from app.queue.slip import QrMatrix, SlipRenderer, qr_modules, render_slip, warm_up
from app.queue.tickets import TicketInfo, issue_ticket

NOW = datetime(2024, 7, 4, 8, 15)  # a Thursday

EXPECTED = {
    "id": {
        "title": "NOMOR ANTREAN",
        "service": "Paspor baru / penggantian",
        "when": "Kamis, 4 Juli 2024 · 08.15",
        "waiting": "Menunggu di depan Anda: 2 orang",
        "footer": "Simpan slip ini. Nomor dipanggil di layar antrean.",
        "priority": "PRIORITAS — Lansia (60+)",
        "reprint": "CETAK ULANG",
    },
    "en": {
        "title": "QUEUE NUMBER",
        "service": "Passport new / replacement",
        "when": "Thursday, 4 July 2024 · 08:15",
        "waiting": "Waiting ahead of you: 2 people",
        "footer": "Keep this slip. Numbers are called on the queue display.",
        "priority": "PRIORITY — Elderly (60+)",
        "reprint": "REPRINT",
    },
}


def pdf_text(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "slip.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    # Wrapped lines and centring spaces are layout, not content.
    return " ".join(out.stdout.split())


def page_size_pt(pdf: bytes, tmp_path) -> tuple[float, float]:
    path = tmp_path / "size.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    m = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
    assert m, info
    return float(m.group(1)), float(m.group(2))


@pytest.fixture
def tickets(sqlite_db, settings) -> dict[str, TicketInfo]:
    code = settings.office.code
    issue_ticket(sqlite_db, code, "A", now=NOW)
    issue_ticket(sqlite_db, code, "A", now=NOW)
    return {
        "plain": issue_ticket(sqlite_db, code, "A", now=NOW),
        "priority": issue_ticket(sqlite_db, code, "A", priority="lansia", now=NOW),
    }


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("paper_mm", [80, 58])
def test_slip_says_number_service_date_and_waiting(tickets, tmp_path, paper_mm, lang):
    info = tickets["plain"]
    assert info.number == "A-003" and info.waiting_ahead == 2
    settings = Settings(slip_paper_mm=paper_mm)
    pdf = render_slip(info, settings, lang)
    text = pdf_text(pdf, tmp_path)
    want = EXPECTED[lang]
    assert "A-003" in text
    for key in ("title", "service", "when", "waiting", "footer"):
        assert want[key] in text, key
    assert settings.office.name in text
    assert want["priority"].split()[0] not in text
    assert want["reprint"] not in text
    # No identity number can reach a slip.
    assert not re.search(r"\d{16}", text)

    width, height = page_size_pt(pdf, tmp_path)
    assert width == pytest.approx(paper_mm * 72 / 25.4, abs=0.01)
    # Height follows the content: a slip, not a sheet.
    assert 60 * 72 / 25.4 < height < 140 * 72 / 25.4


@pytest.mark.parametrize("lang", ["id", "en"])
def test_priority_slip_names_the_category(tickets, tmp_path, lang):
    info = tickets["priority"]
    # A priority ticket waits only behind earlier priority tickets.
    assert info.waiting_ahead == 0
    text = pdf_text(render_slip(info, Settings(slip_paper_mm=58), lang), tmp_path)
    assert EXPECTED[lang]["priority"] in text
    assert "A-004" in text


def test_reprint_carries_a_mark(tickets, tmp_path):
    reprint = dataclasses.replace(tickets["plain"], printed_count=1)
    assert "CETAK ULANG" in pdf_text(render_slip(reprint, Settings()), tmp_path)


def test_ticket_info_carries_no_identity():
    names = {f.name for f in dataclasses.fields(TicketInfo)}
    personal = {n for n in names if "nik" in n or ("name" in n and not n.startswith("service_"))}
    assert not personal


def test_qr_code_holds_the_ticket_uuid(tickets):
    info = tickets["plain"]
    story = SlipRenderer(info, Settings()).story()
    codes = [f for f in story if isinstance(f, QrMatrix)]
    assert len(codes) == 1
    modules = codes[0].modules
    assert modules == qr_modules(info.uuid)
    # Version 2 (25 modules, alphanumeric upper-case UUID) plus a 2-module quiet zone each side.
    assert len(modules) == len(modules[0]) == 29
    # The three finder patterns: a dark 7x7 ring at three corners.
    for r, c in ((2, 2), (2, 20), (20, 2)):
        assert all(modules[r][c + i] and modules[r + 6][c + i] for i in range(7))
        assert all(modules[r + i][c] and modules[r + i][c + 6] for i in range(7))


def test_long_office_name_wraps_and_is_escaped(tickets, tmp_path):
    settings = Settings(slip_paper_mm=58)
    settings.office.name = "Kantor Imigrasi Kelas I TPI <Uji> & Contoh " + "Sangat Panjang " * 6
    pdf = render_slip(tickets["plain"], settings)
    text = pdf_text(pdf, tmp_path)
    assert "<Uji> & Contoh" in text
    assert "A-003" in text and EXPECTED["id"]["footer"] in text
    assert (
        page_size_pt(pdf, tmp_path)[1]
        > page_size_pt(render_slip(tickets["plain"], Settings(slip_paper_mm=58)), tmp_path)[1]
    )


def test_four_digit_number_fits_the_narrow_slip(tickets, tmp_path):
    info = dataclasses.replace(tickets["plain"], number="A-1234", sequence=1234)
    text = pdf_text(render_slip(info, Settings(slip_paper_mm=58)), tmp_path)
    assert "A-1234" in text


def test_warm_up_needs_no_database():
    warm_up(Settings(slip_paper_mm=58))
