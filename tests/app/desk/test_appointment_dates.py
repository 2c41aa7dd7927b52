"""Appointment files with dates as Excel writes them (DD/MM/YYYY) or as ISO, and files that mix the orders."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from app.db.models import Applicant, Appointment
from app.desk.appointment_csv import read_date
from app.desk.appointments import import_appointments
from app.problems import InputRejected

from tests.app.desk.test_appointments import DAY, booking, csv_bytes, put
from tests.app.monev.exchange.visit_samples import row_counts
from tests.pii import assert_no_personal_data

# What Excel with Indonesian regional settings saves ("CSV UTF-8", list separator ";"):
# day first, a four-digit year, and no leading zero unless the cell format asks for one.
EXCEL_ID = (
    "\ufeffbooking_code;nik;name;birth_date;sex;phone;application_kind;product;validity_years;"
    "appointment_date\r\n"
    "MP-2612-A1;1603015507900001;Siti Aminah;15/07/1990;P;081273445100;baru;epaspor;10;1/12/2026\r\n"
    "MP-2612-B2;1603022001860014;Agus Salim;20/01/1986;L;;penggantian;biasa;5;01/12/2026\r\n"
    "MP-2612-C3;1603024803910062;Sri Wahyuni;08/03/1991;P;;baru;epaspor;10;2026-12-01\r\n"
)


def test_read_date_takes_iso_and_day_first_with_a_four_digit_year():
    assert read_date("2026-12-01") == date(2026, 12, 1)
    assert read_date("01/12/2026") == date(2026, 12, 1)
    assert read_date("1/12/2026") == date(2026, 12, 1)
    assert read_date("08/03/1991") == date(1991, 3, 8)  # 8 March, not 3 August
    for bad in (
        "01/12/26",
        "2026/12/01",
        "31/02/2026",
        "12-01-2026",
        "01.12.2026",
        "",
        "13/13/2026",
    ):
        assert read_date(bad) is None, bad


def test_an_excel_file_with_indonesian_settings_is_imported_whole(db, settings, tmp_path):
    path = put(tmp_path, EXCEL_ID.encode("utf-8"), "janji-excel.csv")
    report = import_appointments(db, settings, path, today=date(2026, 11, 30))
    assert (report.imported, report.rejected, report.warnings) == (3, [], [])
    with db.session() as s:
        born = {name: d for name, d in s.execute(select(Applicant.name, Applicant.birth_date))}
        days = set(s.scalars(select(Appointment.appointment_date)))
    assert born == {
        "SITI AMINAH": date(1990, 7, 15),
        "AGUS SALIM": date(1986, 1, 20),
        "SRI WAHYUNI": date(1991, 3, 8),  # the NIK agrees: 48 03 91 is a woman born 8 March
    }
    assert days == {date(2026, 12, 1)}


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_day_first_dates_in_comma_and_semicolon_files(db, settings, tmp_path, delimiter):
    rows = [
        booking(0, birth=date(1985, 1, 25), appointment_date="01/12/2026"),
        booking(1, birth=date(1986, 2, 3), appointment_date="1/12/2026"),
        booking(2, birth=date(1987, 11, 30)),
    ]
    for row in rows[:2]:
        b = date.fromisoformat(str(row["birth_date"]))
        row["birth_date"] = f"{b.day:02d}/{b.month:02d}/{b.year}"
    report = import_appointments(db, settings, put(tmp_path, csv_bytes(rows, delimiter)))
    assert (report.imported, report.rejected, report.warnings) == (3, [], [])
    with db.session() as s:
        assert set(s.scalars(select(Appointment.appointment_date))) == {DAY}


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_a_file_mixing_day_first_and_month_first_is_refused_whole(
    db, settings, tmp_path, delimiter
):
    rows = [
        booking(0, birth_date="25/01/1985"),  # row 2: can only be day first
        booking(1, birth_date="2/3/1986"),  # row 3: either
        booking(2, birth_date="11/30/1987"),  # row 4: can only be month first
    ]
    before = row_counts(db)
    with pytest.raises(InputRejected) as refused:
        import_appointments(db, settings, put(tmp_path, csv_bytes(rows, delimiter)))
    assert [p.key for p in refused.value.problems] == ["import.dates_mixed"]
    assert refused.value.message("en") == (
        "The file writes dates both day first (row 2) and month first (row 4), so its dates "
        "cannot be read safely. Save it again with dates as DD/MM/YYYY or YYYY-MM-DD; "
        "nothing was imported."
    )
    assert "baris 2" in refused.value.message("id") and "baris 4" in refused.value.message("id")
    assert_no_personal_data(refused.value.message("id"), names=[str(r["name"]) for r in rows])
    assert "1985" not in refused.value.message("en")  # no birth date either
    assert row_counts(db) == before


def test_a_month_first_file_is_refused_before_its_ambiguous_dates_are_misread(
    db, settings, tmp_path
):
    rows = [
        booking(0, birth_date="03/04/1985", appointment_date="12/01/2026"),  # 4 March? 3 April?
        booking(1, birth_date="02/13/1986"),  # row 3: 13 is no month
    ]
    before = row_counts(db)
    with pytest.raises(InputRejected) as refused:
        import_appointments(db, settings, put(tmp_path, csv_bytes(rows, ";")))
    assert [p.key for p in refused.value.problems] == ["import.dates_month_first"]
    assert "row 3" in refused.value.message("en") and "MM/DD/YYYY" in refused.value.message("en")
    assert row_counts(db) == before


def test_a_day_first_row_with_an_impossible_date_is_rejected_alone(db, settings, tmp_path):
    rows = [booking(0), booking(1, appointment_date="31/11/2026"), booking(2)]
    report = import_appointments(db, settings, put(tmp_path, csv_bytes(rows)))
    assert report.imported == 2
    assert [(r.row, r.reason_key, r.column) for r in report.rejected] == [
        (3, "date.format", "appointment_date")
    ]
