"""M-Paspor appointment import (comma/semicolon, BOM, quoting, row reports, idempotence) and check-in."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import fields
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.config import resources_dir
from app.db.models import Applicant, Application, Appointment, ImportBatch, Ticket
from app.desk.appointment_csv import COLUMNS, names_agree, parse_appointments
from app.desk.appointments import (
    AppointmentRow,
    appointments_on,
    check_in,
    import_appointments,
)
from app.desk.nik import make_nik
from app.desk.registration import RegistrationForm, register
from app.problems import InputRejected

DAY = date(2026, 12, 1)
MORNING = datetime(2026, 12, 1, 8, 30)
KANIMDESK = str(Path(sys.executable).with_name("kanimdesk"))


def booking(i: int, **kw: object) -> dict[str, object]:
    """A valid row for a Muara Enim resident; *i* makes the code and NIK unique."""
    birth = kw.pop("birth", date(1985 + i % 10, 1 + i % 12, 1 + i % 28))
    sex = str(kw.pop("sex_of_nik", kw.get("sex", "LP"[i % 2])))
    row: dict[str, object] = {
        "booking_code": f"MP-TEST-{i:04d}",
        "nik": make_nik("16", "03", "01", birth, sex, i + 1),  # type: ignore[arg-type]
        "name": f"Pemohon {chr(65 + i % 26)}",
        "birth_date": birth.isoformat(),  # type: ignore[union-attr]
        "sex": sex,
        "phone": "0812 7344 51" + f"{i % 100:02d}",
        "application_kind": "baru",
        "product": "epaspor",
        "validity_years": 10,
        "appointment_date": DAY.isoformat(),
    }
    row.update(kw)
    return row


def csv_bytes(
    rows: list[dict[str, object]],
    delimiter: str = ",",
    bom: bool = False,
    header: list[str] | None = None,
) -> bytes:
    header = header or list(COLUMNS)
    buf = io.StringIO(newline="")
    out = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    out.writerow(header)
    for r in rows:
        out.writerow([r.get(h.strip().lower(), "") for h in header])
    return (b"\xef\xbb\xbf" if bom else b"") + buf.getvalue().encode("utf-8")


def put(tmp_path: Path, data: bytes, name: str = "janji.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def counts(db) -> tuple[int, int, int]:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return tuple(  # type: ignore[return-value]
            s.scalar(select(func.count()).select_from(m))
            for m in (Applicant, Appointment, ImportBatch)
        )


def test_comma_file_imports_every_row(db, settings, tmp_path):
    rows = [
        booking(0, name="  siti   aminah "),
        booking(1, application_kind="hilang", product="biasa", validity_years=5),
        booking(2, phone=""),
    ]
    report = import_appointments(db, settings, put(tmp_path, csv_bytes(rows)))
    assert (report.imported, report.skipped, report.rejected) == (3, 0, [])
    assert report.as_json() == {"imported": 3, "skipped": 0, "rejected": []}
    with db.session() as s:
        a = s.scalar(select(Applicant).where(Applicant.nik == rows[0]["nik"]))
        assert a is not None and a.name == "SITI AMINAH" and a.citizenship == "WNI"
        assert a.phone == "081273445100"
        lost = s.scalar(select(Appointment).where(Appointment.booking_code == "MP-TEST-0001"))
        assert lost is not None
        assert (lost.kind, lost.product, lost.validity_years, lost.appointment_date) == (
            "hilang",
            "biasa",
            5,
            DAY,
        )
        assert lost.batch_id == report.batch_id
        batch = s.get(ImportBatch, report.batch_id)
        assert batch is not None and (batch.kind, batch.imported, batch.rejected) == (
            "appointments",
            3,
            0,
        )
        assert batch.filename == "janji.csv" and len(batch.sha256) == 64


def test_semicolon_bom_quoted_fields_and_record_numbers(db, settings, tmp_path):
    # Header names in another order, other case and padded, as a hand-edited sheet has them.
    header = [
        " NIK ",
        "Name",
        "BOOKING_CODE",
        "birth_date",
        "sex",
        "phone",
        "Application_Kind",
        "product",
        "validity_years",
        "appointment_date",
    ]
    rows = [
        booking(0, name="Hj. Nurhayati, S.Pd."),
        booking(1, name="Dewi\nLestari"),  # a line break inside quotes is still one spreadsheet row
        booking(2, name="Rudi; Hartono"),  # delimiter inside quotes reaches the name check intact
        booking(3, application_kind="Perubahan Data"),
    ]
    data = csv_bytes(rows, delimiter=";", bom=True, header=header)
    assert data.startswith(b"\xef\xbb\xbf") and b'"Hj. Nurhayati, S.Pd."' not in data
    report = import_appointments(db, settings, put(tmp_path, data))
    assert report.imported == 3
    assert [(r.row, r.reason_key, r.column) for r in report.rejected] == [(4, "name.chars", "name")]
    with db.session() as s:
        names = set(s.scalars(select(Applicant.name)))
        assert {"HJ. NURHAYATI, S.PD.", "DEWI LESTARI"} <= names
        kind = s.scalar(select(Appointment.kind).where(Appointment.booking_code == "MP-TEST-0003"))
        assert kind == "perubahan_data"


def test_comma_with_quoted_comma_name(db, settings, tmp_path):
    data = csv_bytes([booking(0, name="Siregar, Ahmad Fauzi")], delimiter=",")
    assert b'"Siregar, Ahmad Fauzi"' in data
    assert import_appointments(db, settings, put(tmp_path, data)).imported == 1


def test_bad_rows_are_reported_by_spreadsheet_row_in_both_languages(db, settings, tmp_path):
    rows = [
        booking(0),  # row 2: good
        booking(1, nik="160301010185000", name="Yuliana Sari"),  # row 3: 15 digits
        booking(2, birth_date="01/12/90"),  # row 4: date format (a two-digit year)
        booking(3, application_kind="perpanjangan"),  # row 5: unknown kind
        booking(4, birth=date(2015, 5, 5), validity_years=10),  # row 6: child, 10 years
        booking(5, booking_code="MP-TEST-0000"),  # row 7: duplicate of row 2
        booking(6, phone="12-34"),  # row 8: phone
        booking(7, booking_code="KODE BOOKING!"),  # row 9: code
        booking(8),  # row 10: good
    ]
    path = put(tmp_path, csv_bytes(rows))
    report = import_appointments(db, settings, path, lang="en")
    assert report.imported == 2
    got = {r.row: (r.reason_key, r.message("id"), r.message("en")) for r in report.rejected}
    assert sorted(got) == [3, 4, 5, 6, 7, 8, 9]
    assert (
        got[3][0] == "nik.length"
        and "NIK harus 16 angka" in got[3][1]
        and "must be 16 digits" in got[3][2]
    )
    assert got[4][0] == "date.format" and got[4][2].startswith("birth_date:")
    assert got[5][0] == "kind.invalid" and "perpanjangan" in got[5][1]
    assert got[6][0] == "validity.minor" and "17" in got[6][2]
    assert (
        got[7][0] == "import.duplicate_in_file" and "baris 2" in got[7][1] and "row 2" in got[7][2]
    )
    assert got[8][0] == "phone.format" and got[9][0] == "import.booking_code"
    rejected = report.as_json()["rejected"]
    assert rejected[0] == {"row": 3, "reason": "nik: NIK must be 16 digits (it has 15)."}
    summary_id = report.summary("id")
    assert (
        summary_id.startswith("Impor janji temu: 2 diimpor, 0 dilewati")
        and "Baris 9 ditolak" in summary_id
    )
    assert "Row 3 rejected" in report.summary("en")
    # No NIK or name in what goes to the terminal.
    for r in rows:
        assert str(r["nik"]) not in summary_id
    assert (
        "YULIANA" not in summary_id.upper()
        and "YULIANA" not in json.dumps(report.as_json()).upper()
    )
    assert counts(db)[:2] == (2, 2)


def test_reimport_adds_nothing(db, settings, tmp_path):
    path = put(tmp_path, csv_bytes([booking(i) for i in range(6)], delimiter=";", bom=True))
    first = import_appointments(db, settings, path)
    before = counts(db)
    again = import_appointments(db, settings, path)
    assert (first.imported, first.skipped) == (6, 0)
    assert (again.imported, again.skipped, again.rejected) == (0, 6, [])
    after = counts(db)
    assert after[:2] == before[:2] and after[2] == before[2] + 1
    with db.session() as s:
        assert len(set(s.scalars(select(ImportBatch.sha256)))) == 1


def test_changed_booking_is_a_conflict(db, settings, tmp_path):
    import_appointments(db, settings, put(tmp_path, csv_bytes([booking(0), booking(1)]), "a.csv"))
    moved = booking(0, appointment_date="2026-12-05")
    report = import_appointments(
        db, settings, put(tmp_path, csv_bytes([moved, booking(1), booking(2)]), "b.csv")
    )
    assert (report.imported, report.skipped) == (1, 1)
    assert [(r.row, r.reason_key) for r in report.rejected] == [(2, "import.conflict")]
    assert "MP-TEST-0000" in report.rejected[0].message("en")
    with db.session() as s:
        day = s.scalar(
            select(Appointment.appointment_date).where(Appointment.booking_code == "MP-TEST-0000")
        )
    assert day == DAY


def test_nik_of_another_person_is_refused_without_showing_the_name(db, settings, tmp_path):
    known = booking(0)
    register(
        db,
        settings,
        RegistrationForm(
            nik=str(known["nik"]),
            name="Siti Aminah",
            birth_date=date.fromisoformat(str(known["birth_date"])),
            sex=str(known["sex"]),
            kind="baru",
            product="epaspor",
            validity_years=10,
        ),
    )
    stranger = booking(0, name="Budi Santoso")
    same_person = booking(0, booking_code="MP-OTHER-0001", name="Siti Aminah Binti Ahmad")
    report = import_appointments(db, settings, put(tmp_path, csv_bytes([stranger, same_person])))
    assert report.imported == 1
    assert [(r.row, r.reason_key) for r in report.rejected] == [(2, "import.nik_mismatch")]
    for lang in ("id", "en"):
        assert "SITI" not in report.rejected[0].message(lang).upper()
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Applicant)) == 1
        assert (
            s.scalar(select(Applicant.name)) == "SITI AMINAH"
        )  # the desk's record is not overwritten


def test_names_agree_rule():
    assert names_agree("MUHAMMAD ALI", "M. Ali")
    assert names_agree("SITI AMINAH", "Siti Aminah binti Ahmad")
    assert names_agree("SRI WAHYUNI", "Sri Wahyunni")
    assert not names_agree("SITI AMINAH", "Budi Santoso")


def test_birth_or_sex_disagreement_is_only_a_warning(db, settings, tmp_path):
    odd = booking(0, birth_date="1985-01-02", sex="P", sex_of_nik="L")  # NIK says man born 1 Jan
    report = import_appointments(db, settings, put(tmp_path, csv_bytes([odd])))
    assert report.imported == 1 and not report.rejected
    assert sorted(w.reason_key for w in report.warnings) == ["nik.warn_birth", "nik.warn_sex"]
    assert "Baris 2 diimpor, periksa" in report.summary("id")


@pytest.mark.parametrize(
    ("content", "key", "fragment"),
    [
        (
            "booking_code,nik,name\r\nMP-1,1,Andr\xe9\r\n".encode("cp1252"),
            "import.encoding",
            "UTF-8",
        ),
        (
            b"booking_code;nik;name;birth_date;sex;application_kind;validity_years;appointment_date\r\nX;1\r\n",
            "import.header",
            "phone, product",
        ),
        (b"", "import.empty", "empty"),
        (b"\xef\xbb\xbf\r\n \r\n", "import.empty", "empty"),
        (",".join(COLUMNS).encode() + b"\r\n", "import.empty", "empty"),
    ],
    ids=["cp1252", "header", "zero-bytes", "bom-and-blank", "header-only"],
)
def test_file_level_refusals_change_nothing(db, settings, tmp_path, content, key, fragment):
    import_appointments(db, settings, put(tmp_path, csv_bytes([booking(0)]), "earlier.csv"))
    before = counts(db)
    with pytest.raises(InputRejected) as exc:
        import_appointments(db, settings, put(tmp_path, content))
    assert [p.key for p in exc.value.problems] == [key]
    assert fragment in exc.value.message("en")
    assert counts(db) == before


def test_missing_file_is_refused(db, settings, tmp_path):
    with pytest.raises(InputRejected) as exc:
        import_appointments(db, settings, tmp_path / "tidak-ada.csv")
    assert exc.value.problems[0].key == "import.file_missing"
    assert counts(db) == (0, 0, 0)


def _cli(db_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [KANIMDESK, "--db", db_url, *args], capture_output=True, text=True, timeout=120
    )


def test_cli_json_and_exit_codes(db, tmp_path):
    samples = resources_dir() / "samples"
    good = _cli(db.url, "import-appointments", str(samples / "appointments-sample.csv"), "--json")
    assert good.returncode == 0, good.stderr
    assert json.loads(good.stdout) == {"imported": 12, "skipped": 0, "rejected": []}

    bad = _cli(
        db.url,
        "--lang",
        "en",
        "import-appointments",
        str(samples / "appointments-bad.csv"),
        "--json",
    )
    assert bad.returncode == 3, bad.stderr
    out = json.loads(bad.stdout)
    assert out["imported"] == 2 and out["skipped"] == 0
    assert [r["row"] for r in out["rejected"]] == [3, 4, 5, 6, 7, 9]
    assert (
        out["rejected"][4]["reason"]
        == "booking_code: Booking code MP-2611-A1B2C already appears in row 2."
    )

    missing = _cli(db.url, "import-appointments", str(tmp_path / "hilang.csv"), "--json")
    assert missing.returncode == 2
    assert "hilang.csv" in missing.stderr and "tidak ditemukan" in missing.stderr
    assert "Traceback" not in missing.stderr + missing.stdout


def _import_day(db, settings, tmp_path) -> None:  # type: ignore[no-untyped-def]
    rows = [
        booking(0, booking_code="MP-A-BARU"),
        booking(
            1,
            booking_code="MP-B-HILANG",
            application_kind="hilang",
            product="biasa",
            validity_years=5,
        ),
        booking(2, booking_code="MP-A-DATA", application_kind="perubahan_data"),
        booking(3, booking_code="MP-B-RUSAK", application_kind="rusak"),
        booking(4, booking_code="MP-LATER", appointment_date="2026-12-02"),
    ]
    assert import_appointments(db, settings, put(tmp_path, csv_bytes(rows))).imported == 5


def test_check_in_issues_the_ticket_of_the_kind(db, settings, tmp_path):
    _import_day(db, settings, tmp_path)
    numbers = {
        code: check_in(db, settings, code, officer="loket1", now=MORNING).ticket.number
        for code in ("MP-A-BARU", "mp-b-hilang ", "MP-A-DATA")
    }
    assert numbers == {"MP-A-BARU": "A-001", "mp-b-hilang ": "B-001", "MP-A-DATA": "A-002"}
    rusak = check_in(db, settings, "MP-B-RUSAK", priority="lansia", now=MORNING)
    assert rusak.ticket.number == "B-002" and rusak.ticket.priority == "lansia"
    assert rusak.fee.total == 950_000 + 500_000 and not rusak.warnings

    with pytest.raises(InputRejected) as again:
        check_in(db, settings, "MP-A-BARU", now=MORNING)
    assert again.value.problems[0].key == "appointment.checked_in"
    assert "A-001" in again.value.message("id") and "A-001" in again.value.message("en")
    with pytest.raises(InputRejected) as unknown:
        check_in(db, settings, "MP-NOPE", now=MORNING)
    assert unknown.value.problems[0].key == "appointment.unknown"

    listed = appointments_on(db, DAY)
    assert [(r.booking_code, r.checked_in, r.ticket_number) for r in listed] == [
        ("MP-A-BARU", True, "A-001"),
        ("MP-B-HILANG", True, "B-001"),
        ("MP-A-DATA", True, "A-002"),
        ("MP-B-RUSAK", True, "B-002"),
    ]
    later = appointments_on(db, date(2026, 12, 2))
    assert [(r.booking_code, r.checked_in, r.ticket_number, r.kind) for r in later] == [
        ("MP-LATER", False, None, "baru")
    ]
    assert not {"nik", "name", "applicant_id"} & {f.name for f in fields(AppointmentRow)}
    early = check_in(db, settings, "MP-LATER", now=MORNING)
    assert [w.key for w in early.warnings] == ["appointment.other_day"]
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Application)) == 5
        assert set(s.scalars(select(Application.booking_code))) >= {"MP-A-BARU", "MP-LATER"}


def test_check_in_is_all_or_nothing_and_safe_to_retry(db, settings, tmp_path):
    _import_day(db, settings, tmp_path)
    with pytest.raises(InputRejected):
        check_in(db, settings, "MP-A-BARU", priority="vip", now=MORNING)
    with db.session() as s:
        appt = s.scalar(select(Appointment).where(Appointment.booking_code == "MP-A-BARU"))
        assert appt is not None and appt.checked_in_at is None and appt.application_id is None
        assert s.scalar(select(func.count()).select_from(Ticket)) == 0

    # A check-in that saved the application but stopped before marking the appointment.
    with db.session() as s:
        a = s.scalar(
            select(Applicant).join(Appointment).where(Appointment.booking_code == "MP-B-HILANG")
        )
        assert a is not None
        form = RegistrationForm(
            nik=a.nik or "",
            name=a.name,
            birth_date=a.birth_date,
            sex=a.sex,
            kind="hilang",
            product="biasa",
            validity_years=5,
            booking_code="MP-B-HILANG",
        )
    first = register(db, settings, form, now=MORNING)
    retried = check_in(db, settings, "MP-B-HILANG", now=MORNING)
    assert (retried.application_id, retried.ticket.number) == (first.application_id, "B-001")
    assert retried.fee.total == first.fee.total and retried.collection_date == first.collection_date
    with pytest.raises(InputRejected):
        check_in(db, settings, "MP-B-HILANG", now=MORNING)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Application)) == 1
        appt = s.scalar(select(Appointment).where(Appointment.booking_code == "MP-B-HILANG"))
        assert (
            appt is not None and appt.application_id == first.application_id and appt.checked_in_at
        )


def test_four_counters_checking_in_one_booking_make_one_application(db, settings, tmp_path):
    _import_day(db, settings, tmp_path)
    start = threading.Barrier(4)

    def desk(counter: str) -> object:
        start.wait(timeout=30)
        try:
            return check_in(db, settings, "MP-A-BARU", counter=counter, now=MORNING)
        except InputRejected as exc:
            return exc

    with ThreadPoolExecutor(4) as pool:
        outcomes = list(pool.map(desk, ["1", "2", "3", "4"]))
    results = [o for o in outcomes if not isinstance(o, InputRejected)]
    refusals = [o for o in outcomes if isinstance(o, InputRejected)]
    # Whichever path a late counter takes, it never gets a second application or ticket.
    assert results and {r.ticket.number for r in results} == {"A-001"}  # type: ignore[attr-defined]
    assert all(r.problems[0].key == "appointment.checked_in" for r in refusals)
    assert all("A-001" in r.message("en") for r in refusals)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Application)) == 1
        assert s.scalar(select(func.count()).select_from(Ticket)) == 1


_field = st.text(alphabet="abcXYZ ,;\"'\n.-", max_size=12)


@hsettings(max_examples=60, deadline=None)
@given(
    names=st.lists(_field, min_size=1, max_size=8),
    delimiter=st.sampled_from([",", ";"]),
    bom=st.booleans(),
)
def test_every_data_row_is_accounted_once_with_its_spreadsheet_number(names, delimiter, bom):
    rows = [booking(i, name=n) for i, n in enumerate(names)]
    parsed = parse_appointments(csv_bytes(rows, delimiter, bom), "x.csv", DAY)
    seen = sorted([ln.row for ln in parsed.lines] + [r.row for r in parsed.rejected])
    assert seen == list(range(2, len(rows) + 2))
    for ln in parsed.lines:
        assert ln.name == " ".join(names[ln.row - 2].split()).upper()
