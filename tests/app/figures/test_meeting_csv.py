"""The meeting CSV: UTF-8 with BOM, semicolon and decimal comma (comma and decimal point on
request), a round trip through Python's csv module, unknown values empty, formula injection
neutralised; and LibreOffice with Indonesian settings reads its numbers as numbers."""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import pytest

from app.figures.meeting.csv_export import safe_cell, write_meeting_csv, write_table_csv
from app.figures.meeting.tables import report_tables

import tests.app.figures.test_meeting_tables as sample


def _read(path: Path, delimiter: str = ";") -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f, delimiter=delimiter))


@pytest.mark.parametrize(
    "text",
    ["=1+1", "+62 812", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "\uff1d1+1", "\uff0b1", "\uff0d1",
     "\uff201"],
)  # fmt: skip
def test_safe_cell_neutralises_what_starts_a_formula(text):
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("text", ["", "Talkshow e-Paspor", "3 in 1", "a=b", " =1", "'quoted"])
def test_safe_cell_leaves_ordinary_text(text):
    assert safe_cell(text) == text


def test_monthly_csv_semicolon_bom_and_decimal_comma(tmp_path):
    path = tmp_path / "rapat.csv"
    write_meeting_csv(sample.sample_report(), path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = _read(path)
    header = rows[0]
    assert header[:6] == [
        "Bulan", "Permohonan", "Pertumbuhan permohonan (%)", "e-Paspor", "Pangsa e-Paspor (%)",
        "Pertumbuhan e-Paspor (%)",
    ]  # fmt: skip
    assert all(len(r) == len(header) for r in rows)
    april, may, june, total = rows[1:]
    assert [april[0], may[0], june[0]] == ["2024-04", "2024-05", "2024-06"]
    assert [april[3], may[3], june[3]] == ["126", "186", "294"]
    assert [may[5], june[5]] == ["47,6", "58,1"] and june[2] == "-10,0"
    assert april[4] == "12,5" and april[12] == "31,0"
    assert april[2] == "" and june[10] == "" and may[9] == ""  # unknown: empty, never 0
    assert total[0] == "Jumlah" and total[3] == "606" and total[1] == "3098"
    assert june[-1] == "Angka impor"


def test_comma_separator_uses_a_decimal_point(tmp_path):
    path = tmp_path / "rapat.csv"
    write_meeting_csv(sample.sample_report("en"), path, comma=True)
    rows = _read(path, ",")
    assert rows[0][3] == "e-Passport" and rows[2][5] == "47.6" and rows[3][5] == "58.1"
    assert rows[1][12] == "31.0" and rows[-1][0] == "Total"
    assert ";" not in path.read_text(encoding="utf-8-sig")


def test_any_table_with_user_text_is_neutralised_and_round_trips(tmp_path):
    tables = {t.key: t for t in report_tables(sample.sample_report())}
    path = tmp_path / "kegiatan.csv"
    write_table_csv(tables["activities"], path)
    rows = _read(path)
    assert rows[0] == ["Tanggal", "Jenis", "Kegiatan", "Tempat/saluran",
                       "Khalayak terjangkau", "Catatan"]  # fmt: skip
    assert rows[1][0] == "2024-04-20" and rows[1][4] == "5000"
    hostile = rows[2]
    assert hostile[2] == "'" + sample.HOSTILE_TITLE  # its quotes and comma survive the trip
    assert hostile[3] == "'" + sample.PHONE and hostile[5] == "'-catatan dengan tanda minus"
    assert rows[3][5].startswith("Pelayanan paspor keliling")
    assert rows[-1][0] == "Jumlah" and rows[-1][4] == "5320"
    path = tmp_path / "temuan.csv"
    write_table_csv(tables["open_findings"], path, comma=True)
    rows = _read(path, ",")
    assert rows[2][1] == "'@SUM(A1:A9) papan informasi" and rows[2][2] == "'=1+1"
    assert rows[2][5] == "" and rows[1][5] == "2024-09-30"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_with_indonesian_settings_reads_numbers(tmp_path):
    path = tmp_path / "rapat.csv"
    write_meeting_csv(sample.sample_report(), path)
    # Import as Indonesian (1057), ";" separated, then save the values as stored.
    done = subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path / 'lo'}",
         "--infilter=Text - txt - csv (StarCalc):59,34,76,1,,1057,false,false",
         "--convert-to", "xlsx", "--outdir", str(tmp_path / "out"), str(path)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    import openpyxl

    ws = openpyxl.load_workbook(tmp_path / "out" / "rapat.xlsx").active
    assert [ws.cell(r, 4).value for r in (2, 3, 4)] == [126, 186, 294]
    assert ws.cell(3, 6).value == pytest.approx(47.6) and ws.cell(4, 3).value == pytest.approx(-10)
    assert ws.cell(2, 13).value == pytest.approx(31.0)
    assert ws.cell(4, 11).value is None
