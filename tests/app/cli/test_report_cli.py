"""`kanimdesk report monthly|period`: the meeting report through the command line on demo data,
as PDF (pdftotext), .xlsx (openpyxl) and .csv; refusals exit 2 with a reason and leave no file."""

from __future__ import annotations

import re
import subprocess

import pytest

from app.cli.entry import main
from app.demo.generator import generate_demo


@pytest.fixture
def demo_url(tmp_path, settings):
    from app.db.engine import Database
    from app.db.setup import init_database

    url = f"sqlite:///{tmp_path / 'demo.sqlite'}"
    db = Database(url)
    init_database(db, settings)
    generate_demo(db, settings, applicants=300, seed=7)
    db.dispose()
    return url


def run(url, *argv):
    """`kanimdesk --db URL …` in-process; argparse refusals end in SystemExit(2), as the command does."""
    try:
        return main(["--db", url, *argv])
    except SystemExit as exc:
        return exc.code


def _left_behind(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".") or p.suffix == ".tmp")


def test_period_report_as_pdf_says_the_issue_figures(demo_url, tmp_path, capsys):
    out = tmp_path / "x.pdf"
    assert run(demo_url, "report", "period", "2024-04", "2024-06", "--out", str(out)) == 0
    assert capsys.readouterr().out.strip() == str(out)
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True
    ).stdout
    first_row: dict[
        str, list[str]
    ] = {}  # the monthly table's row of each month (a month, then numbers)
    for line in text.splitlines():
        if re.match(r"\s*(Apr|Mei|Jun) 2024\s+\d", line):
            first_row.setdefault(" ".join(line.split()[:2]), line.split())
    assert "126" in first_row["Apr 2024"]
    assert {"186", "+47,6%"} <= set(first_row["Mei 2024"])
    assert {"294", "+58,1%"} <= set(first_row["Jun 2024"])
    assert "April – Juni 2024" in text and "Halaman 1 dari" in text
    assert _left_behind(tmp_path) == []


def test_monthly_report_in_english(demo_url, tmp_path, capsys):
    out = tmp_path / "may.pdf"
    assert run(demo_url, "--lang", "en", "report", "monthly", "2024-05", "--out", str(out)) == 0
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True
    ).stdout
    assert "May 2024" in text and "186" in text and "+47.6%" in text and "Page 1 of" in text


def test_period_report_as_workbook_has_real_numbers(demo_url, tmp_path, capsys):
    from openpyxl import load_workbook

    out = tmp_path / "rapat.xlsx"
    assert run(demo_url, "report", "period", "2024-04", "2024-06", "--out", str(out)) == 0
    book = load_workbook(out, data_only=True)
    numbers = {c.value for ws in book.worksheets for row in ws.iter_rows() for c in row
               if isinstance(c.value, int | float)}  # fmt: skip
    assert {126, 186, 294} <= numbers
    assert _left_behind(tmp_path) == []


def test_period_report_as_csv_semicolon_or_comma(demo_url, tmp_path, capsys):
    semi, comma = tmp_path / "rapat.csv", tmp_path / "rapat-koma.csv"
    assert run(demo_url, "report", "period", "2024-04", "2024-06", "--out", str(semi)) == 0
    assert (
        run(demo_url, "report", "period", "2024-04", "2024-06", "--out", str(comma), "--csv-comma")
        == 0
    )
    semi_text, comma_text = semi.read_bytes(), comma.read_bytes()
    assert semi_text.startswith(b"\xef\xbb\xbf") and comma_text.startswith(b"\xef\xbb\xbf")
    may = next(
        line for line in semi_text.decode("utf-8-sig").splitlines() if line.startswith("2024-05")
    )
    assert "186" in may.split(";") and "47,6" in may.split(";")
    may = next(
        line for line in comma_text.decode("utf-8-sig").splitlines() if line.startswith("2024-05")
    )
    assert "186" in may.split(",") and "47.6" in may.split(",")


@pytest.mark.parametrize(
    ("argv", "reason"),
    [
        (["period", "2024-04", "2024-06", "--out", "{dir}/x.docx"], ".pdf, .xlsx atau .csv"),
        (["monthly", "2024-13", "--out", "{dir}/x.pdf"], "YYYY-MM"),
        (["monthly", "April", "--out", "{dir}/x.pdf"], "YYYY-MM"),
        (["period", "2024-06", "2024-04", "--out", "{dir}/x.pdf"], "sesudah bulan terakhir"),
        (
            ["period", "2010-01", "2020-01", "--out", "{dir}/x.pdf"],
            "paling banyak mencakup 120 bulan",
        ),
        (["monthly", "2024-05", "--office", "NOWHERE", "--out", "{dir}/x.pdf"], "NOWHERE"),
        (["monthly", "2024-05", "--out", "{dir}/no-such-folder/x.pdf"], "folder tidak ditemukan"),
    ],
)
def test_refusals_exit_2_with_a_reason_and_leave_no_file(demo_url, tmp_path, capsys, argv, reason):
    argv = [a.replace("{dir}", str(tmp_path)) for a in argv]
    assert run(demo_url, "report", *argv) == 2
    err = capsys.readouterr().err
    assert reason in err and "Traceback" not in err
    assert not any(p.suffix in (".pdf", ".docx", ".tmp") for p in tmp_path.rglob("*"))


def test_a_refused_report_leaves_the_old_file_as_it_was(demo_url, tmp_path, capsys):
    out = tmp_path / "rapat.pdf"
    out.write_bytes(b"the old report")
    assert (
        run(demo_url, "report", "monthly", "2024-05", "--office", "NOWHERE", "--out", str(out)) == 2
    )
    assert out.read_bytes() == b"the old report"
    assert run(demo_url, "report", "monthly", "2024-05", "--out", str(out)) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert _left_behind(tmp_path) == []


def test_refusal_in_english(demo_url, tmp_path, capsys):
    assert (
        run(
            demo_url,
            "--lang",
            "en",
            "report",
            "period",
            "2024-06",
            "2024-04",
            "--out",
            str(tmp_path / "x.pdf"),
        )
        == 2
    )
    assert "the first month 2024-06 is after the last month 2024-04" in capsys.readouterr().err
