"""NIK rules: hard errors for format, warnings for disagreements with the form."""

from datetime import date

from hypothesis import assume, given
from hypothesis import strategies as st

from app.desk.nik import check_nik as check_nik_with
from app.desk.nik import make_nik
from app.desk.regions import known_regions

TODAY = date(2026, 11, 28)
REGIONS = known_regions()
births = st.dates(min_value=date(1927, 1, 1), max_value=TODAY)
# A regency/city code of the Kemendagri table, drawn whole: (province, regency) pairs that exist.
regencies = st.sampled_from(sorted(REGIONS.regencies)).map(lambda c: (c[:2], c[2:]))
codes = st.integers(1, 99).map(lambda n: f"{n:02d}")
serials = st.integers(1, 9999)
sexes = st.sampled_from(["L", "P"])


def check_nik(raw, birth_date=None, sex=None, today=None):
    """The NIK checked as the desk checks it: against the shipped region table."""
    return check_nik_with(raw, birth_date, sex, today, regions=REGIONS)


@given(regencies, codes, births, sexes, serials)
def test_every_well_formed_nik_is_accepted_and_decoded(region, dist, birth, sex, serial):
    prov, reg = region
    assume(birth.year > TODAY.year - 100)  # two-digit years cover one century only
    nik = make_nik(prov, reg, dist, birth, sex, serial)
    result = check_nik(nik, birth, sex, today=TODAY)
    assert result.ok, result.errors
    assert result.warnings == []
    assert result.facts.sex == sex
    assert result.facts.birth_date(TODAY) == birth


@given(regencies, codes, births, sexes, serials, births)
def test_birth_date_disagreement_is_a_warning_never_an_error(
    region, dist, birth, sex, serial, other
):
    prov, reg = region
    assume(birth.year > TODAY.year - 100 and other != birth)
    result = check_nik(make_nik(prov, reg, dist, birth, sex, serial), other, sex, today=TODAY)
    assert result.ok
    assert [w.key for w in result.warnings] == ["nik.warn_birth"]


@given(regencies, codes, births, sexes, serials)
def test_sex_disagreement_is_a_warning(region, dist, birth, sex, serial):
    prov, reg = region
    assume(birth.year > TODAY.year - 100)
    other = "P" if sex == "L" else "L"
    result = check_nik(make_nik(prov, reg, dist, birth, sex, serial), birth, other, today=TODAY)
    assert result.ok and [w.key for w in result.warnings] == ["nik.warn_sex"]


@given(st.text(max_size=20))
def test_any_text_gives_a_result_not_an_exception(raw):
    result = check_nik(raw, today=TODAY)
    assert result.ok or all(p.message("id") and p.message("en") for p in result.errors)


@given(st.integers(0, 99).filter(lambda d: not (1 <= d <= 31 or 41 <= d <= 71)))
def test_day_outside_both_ranges_is_refused(day):
    nik = f"160301{day:02d}0790" + "0001"
    assert "nik.day" in [p.key for p in check_nik(nik, today=TODAY).errors]


@given(st.integers(0, 99).filter(lambda m: not 1 <= m <= 12))
def test_month_outside_range_is_refused(month):
    nik = f"16030115{month:02d}90" + "0001"
    assert "nik.month" in [p.key for p in check_nik(nik, today=TODAY).errors]


@given(st.integers(0, 99).map(lambda n: f"{n:02d}").filter(lambda c: c not in REGIONS.provinces))
def test_unknown_province_is_refused(code):
    assert "nik.province" in [
        p.key for p in check_nik(code + "0301150790" + "0001", today=TODAY).errors
    ]


def test_messages():
    r = check_nik("16030115079000", today=TODAY)
    assert r.errors[0].message("id") == "NIK harus 16 angka (sekarang 14 angka)."
    assert r.errors[0].message("en") == "NIK must be 16 digits (it has 14)."
    assert check_nik("1603011507900000", today=TODAY).errors[0].key == "nik.serial"
    assert check_nik("16-0301 1507900001", today=TODAY).ok  # scanner separators are stripped
    assert check_nik("1603013102900001", today=TODAY).errors[0].key == "nik.date"  # 31 Feb
    assert check_nik("16030155079000a1", today=TODAY).errors[0].key == "nik.digits"
