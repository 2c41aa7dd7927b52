"""NIK province and regency/city codes against the Kemendagri table (2015–2025) and the office's additions."""

from __future__ import annotations

import csv
from datetime import date

import pytest

from app.config import data_dir, resources_dir
from app.db.models import Base
from app.desk.appointments import import_appointments
from app.desk.nik import check_nik, make_nik
from app.desk.regions import EXTRA_FILE, known_regions, shipped_regions
from app.desk.registration import RegistrationForm, register
from app.problems import InputRejected

from tests.app.desk.test_appointments import booking, csv_bytes, put
from tests.app.monev.exchange.visit_samples import row_counts
from tests.pii import assert_no_personal_data

TODAY = date(2026, 11, 28)
BIRTH = date(1990, 7, 15)


def nik_in(region: str, district: str = "01") -> str:
    return make_nik(region[:2], region[2:], district, BIRTH, "P", 1)


def errors(nik: str) -> list[str]:
    return [p.key for p in check_nik(nik, BIRTH, "P", TODAY, regions=known_regions()).errors]


def test_the_shipped_table_keeps_its_source_and_every_list():
    head = (resources_dir() / "regions.csv").read_text(encoding="utf-8").splitlines()[:12]
    comment = " ".join(line for line in head if line.startswith("#"))
    for named in ("Permendagri 56/2015", "137/2017", "72/2019", "58/2021", "6117/2022",
                  "2138/2025", "cahyadsn/wilayah", EXTRA_FILE):  # fmt: skip
        assert named in comment
    regions = shipped_regions()
    assert len(regions.provinces) == 38 and len(regions.regencies) > 500
    assert regions.provinces["16"] == "Sumatera Selatan"
    assert regions.regencies["1603"] == "Kabupaten Muara Enim"


def test_an_unknown_regency_is_refused_naming_province_and_code():
    result = check_nik(nik_in("7383"), BIRTH, "P", TODAY, regions=known_regions())
    assert [p.key for p in result.errors] == ["nik.regency_unknown"]
    problem = result.errors[0]
    assert problem.message("id") == (
        "Kode kabupaten/kota 7383 pada NIK tidak dikenal (provinsi Sulawesi Selatan)."
    )
    assert problem.message("en") == (
        "Regency/city code 7383 in the NIK is unknown (province Sulawesi Selatan)."
    )
    assert_no_personal_data(problem.message("id"))


@pytest.mark.parametrize(
    "region",
    [
        "1603",  # Muara Enim
        "1612",  # Penukal Abab Lematang Ilir (PALI), since 2013
        "1613",  # Musi Rawas Utara (Muratara), since 2013
        "9601",  # Sorong, Papua Barat Daya since 2025
        "9201",  # Sorong as NIKs issued before 2025 still carry it
        "9301",  # Merauke in Papua Selatan (2022)
    ],
)
def test_codes_of_any_list_pass(region):
    assert errors(nik_in(region)) == []


def test_unknown_province_and_00_codes_are_refused_and_district_and_date_checks_stay():
    assert errors(nik_in("9901")) == ["nik.province"]
    assert errors(nik_in("1600")) == ["nik.regency"]
    assert errors(nik_in("1603", district="00")) == ["nik.district"]
    assert errors("1603013102900001") == ["nik.date"]  # 31 February


def test_without_a_table_only_the_shape_of_the_codes_is_checked():
    # The window's check while a NIK is typed: the services always pass the table.
    assert check_nik(nik_in("7383"), today=TODAY).ok
    assert [p.key for p in check_nik(nik_in("1600"), today=TODAY).errors] == ["nik.regency"]


def _write_extra(rows: list[list[str]]) -> None:
    data_dir().mkdir(parents=True, exist_ok=True)
    with (data_dir() / EXTRA_FILE).open("w", encoding="utf-8", newline="") as fh:
        fh.write("# Kode lama yang masih tercetak pada NIK warga kami\n")
        out = csv.writer(fh)
        out.writerow(["code", "level", "name", "first_list", "last_list", "in_current_list"])
        out.writerows(rows)


def test_an_administrator_extends_the_codes_with_a_file_in_the_data_folder():
    assert errors(nik_in("6471")) == []  # Balikpapan, a known code
    assert errors(nik_in("6404")) == ["nik.regency_unknown"]  # a Kalimantan Utara code before 2012
    _write_extra([
        ["6404", "regency", "Kabupaten Bulungan (kode sebelum 2012)", "", "", ""],
        ["1699", "regency", "", "", "", ""],  # no name: skipped
        ["abc", "regency", "Salah", "", "", ""],  # not a code: skipped
    ])  # fmt: skip
    assert errors(nik_in("6404")) == []
    assert errors(nik_in("1699")) == ["nik.regency_unknown"]
    (data_dir() / EXTRA_FILE).write_bytes(b"\xff\xfe not text")
    assert errors(nik_in("6404")) == [
        "nik.regency_unknown"
    ]  # a broken file: the shipped table holds
    assert errors(nik_in("1603")) == []


def test_registration_refuses_an_unknown_regency_and_writes_nothing(db, settings):
    form = RegistrationForm(nik=nik_in("7383"), name="Andi Baso", birth_date=BIRTH, sex="P",
                            kind="baru", product="epaspor", validity_years=10)  # fmt: skip
    before = row_counts(db)
    with pytest.raises(InputRejected) as refused:
        register(db, settings, form, officer="petugas1")
    assert [p.key for p in refused.value.problems] == ["nik.regency_unknown"]
    assert_no_personal_data(refused.value.message("id"), names=("Andi Baso",))
    assert row_counts(db) == before
    assert set(row_counts(db)) == {t.name for t in Base.metadata.sorted_tables}


def test_an_appointment_row_with_an_unknown_regency_is_rejected_the_others_imported(
    db, settings, tmp_path
):
    bad = booking(1)
    bad["nik"] = "7383" + str(bad["nik"])[4:]
    report = import_appointments(db, settings, put(tmp_path, csv_bytes([booking(0), bad])))
    assert report.imported == 1
    assert [(r.row, r.reason_key) for r in report.rejected] == [(3, "nik.regency_unknown")]
    assert report.rejected[0].message("en") == (
        "nik: Regency/city code 7383 in the NIK is unknown (province Sulawesi Selatan)."
    )
    assert_no_personal_data(report.summary("id"), names=(str(bad["name"]),))
