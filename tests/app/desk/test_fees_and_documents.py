"""Fees from the dated tariff table, validity limits and document checklists."""

from datetime import date

import pytest

from app.config import resources_dir
from app.db.setup import load_tariff_file
from app.desk.documents import document_label, required_documents
from app.desk.passport import allowed_validities, compute_fee
from app.i18n import long_date, percent, rupiah
from app.queue.workdays import add_working_days

ROWS = load_tariff_file(resources_dir() / "tariffs.toml")


@pytest.mark.parametrize(
    "on,product,years,total",
    [
        (date(2024, 7, 4), "epaspor", 10, 650_000),
        (date(2024, 7, 4), "biasa", 5, 350_000),
        (date(2024, 12, 16), "epaspor", 10, 650_000),
        (date(2024, 12, 17), "epaspor", 10, 950_000),
        (date(2024, 12, 17), "epaspor", 5, 650_000),
        (date(2025, 3, 1), "biasa", 10, 650_000),
        (date(2025, 3, 1), "biasa", 5, 350_000),
    ],
)
def test_fee_in_force_on_the_application_date(on, product, years, total):
    assert compute_fee(ROWS, on, "baru", product, years).total == total


def test_extras_and_force_majeure():
    fee = compute_fee(ROWS, date(2025, 1, 6), "hilang", "epaspor", 10, same_day=True)
    assert fee.total == 950_000 + 1_000_000 + 1_000_000
    fm = compute_fee(ROWS, date(2025, 1, 6), "rusak", "epaspor", 10, force_majeure=True)
    assert fm.total == 950_000 and [line.component for line in fm.lines] == ["passport", "damaged"]
    assert compute_fee(ROWS, date(2024, 7, 4), "rusak", "biasa", 5).total == 850_000


def test_no_tariff_before_the_table():
    with pytest.raises(LookupError):
        compute_fee(ROWS, date(2018, 1, 1), "baru", "epaspor", 5)


def test_ten_years_only_for_adults_or_married():
    assert allowed_validities(date(2010, 1, 1), date(2026, 1, 1), married=False) == (5,)
    assert allowed_validities(date(2010, 1, 1), date(2026, 1, 1), married=True) == (5, 10)
    assert allowed_validities(date(2009, 1, 1), date(2026, 1, 1), married=False) == (5, 10)


def test_documents_by_kind_age_and_purpose():
    adult = date(1990, 1, 1)
    today = date(2026, 11, 28)
    assert required_documents("baru", adult, today)[:3] == ["ektp", "kk", "civil_status"]
    assert "old_passport" in required_documents("penggantian", adult, today)
    lost = required_documents("hilang", adult, today, purpose="umrah")
    assert {"police_report", "bap", "umrah_rec"} <= set(lost)
    minor = required_documents("baru", date(2020, 5, 1), today)
    assert "child_birth_cert" in minor and "ektp" not in minor
    assert document_label("kk") == "Kartu Keluarga"


def test_indonesian_forms():
    assert long_date(date(2024, 7, 4)) == "Kamis, 4 Juli 2024"
    assert rupiah(650000) == "Rp650.000"
    assert percent(0.476) == "47,6%"
    assert add_working_days(date(2024, 7, 4), 4) == date(2024, 7, 10)
