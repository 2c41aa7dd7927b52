"""Database errors reach the user as the program's own words — never SQL, its parameters, a
NIK or a name — and their full detail goes, redacted, to the log file the message names."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from app.db.engine import Database
from app.db.faults import database_fault, fault_message
from app.db.models import Applicant
from app.logs import configure_logging, log_file, redact

from tests.pii import assert_no_personal_data

KANIMDESK = str(Path(sys.executable).with_name("kanimdesk"))
NIK = "1603011403880021"
NAME = "Budi Santoso"
HEADER = "booking_code;nik;name;birth_date;sex;phone;application_kind;product;validity_years;appointment_date\n"
SQL_WORDS = ("INSERT", "COPY", "SELECT", "[SQL", "parameters", "sqlalche.me", "Traceback")


def _no_sql(words: str) -> None:
    for sql in SQL_WORDS:
        assert sql not in words, words


def _applicant(name: str, nik: str = NIK) -> Applicant:
    now = datetime(2025, 1, 2, 8)
    return Applicant(citizenship="WNI", nik=nik, name=name, birth_date=date(1988, 3, 14),
                     sex="L", married=False, created_at=now, updated_at=now)  # fmt: skip


def _logged() -> str:
    for handler in __import__("logging").getLogger().handlers:
        handler.flush()
    return log_file().read_text(encoding="utf-8") if log_file().exists() else ""


def test_the_pii_check_finds_niks_and_names_and_passes_clean_text():
    assert_no_personal_data("Nomor A-001 diterbitkan pukul 08.15; 15 digits 123456789012345")
    with pytest.raises(AssertionError, match="16-digit"):
        assert_no_personal_data(f"Key (nik)=({NIK}) already exists")
    with pytest.raises(AssertionError, match="name"):
        assert_no_personal_data("row: BUDI SANTOSO, 1988", names=[NAME])
    with pytest.raises(AssertionError):
        assert_no_personal_data(b"x 12345678901234567 y")  # a longer run holds 16 digits too
    # The failure message itself masks what it found.
    try:
        assert_no_personal_data(f"nik {NIK}")
    except AssertionError as exc:
        assert NIK not in str(exc)


def test_redaction_blanks_niks_parameters_and_the_values_postgres_quotes():
    detail = (
        f"(psycopg.errors.UniqueViolation) duplicate key\nDETAIL:  Key (nik)=({NIK}) already exists.\n"
        f'CONTEXT:  COPY applicant, line 1, column name: "{NAME} {NIK}"\n'
        f"Failing row contains (7, WNI, {NIK}, {NAME}).\n"
        f"[parameters: {{'nik': '{NIK}', 'name': '{NAME}'}}]\n(Background on this error at: x)"
    )
    clean = redact(detail)
    assert_no_personal_data(clean, names=[NAME])
    assert (
        "Key (nik)=(…) already exists" in clean
        and "COPY applicant, line 1, column name: …" in clean
    )


@pytest.mark.postgres
def test_an_over_long_name_on_postgres_is_said_without_sql_or_data(pg_url, settings):
    from app.db.setup import init_database

    configure_logging()
    db = Database(pg_url)
    init_database(db, settings)
    long_name = (NAME + " Wijaya") * 10
    try:
        with pytest.raises(Exception) as caught:
            with db.write() as s:
                s.add(_applicant(long_name))
        # hide_parameters: not even SQLAlchemy's own text carries the row.
        assert_no_personal_data(str(caught.value), names=[long_name, NAME])
        assert database_fault(caught.value, db.url).key == "db.too_long"
        for lang in ("en", "id"):
            words = fault_message(caught.value, lang, db.url)
            assert_no_personal_data(words, names=[NAME])
            _no_sql(words)
            assert str(log_file()) in words
        assert "longer than the database allows" in fault_message(caught.value, "en", db.url)
        logged = _logged()
        assert "StringDataRightTruncation" in logged and "INSERT INTO applicant" in logged
        assert_no_personal_data(logged, names=[NAME])
        with db.session() as s:
            assert s.scalar(text("SELECT count(*) FROM applicant")) == 0  # nothing written
    finally:
        db.dispose()


@pytest.mark.postgres
def test_a_copy_error_is_said_without_the_row_it_quotes(pg_url, settings):
    """COPY (the import's writer) fails with the refused row in its CONTEXT line."""
    from app.db.setup import init_database
    from app.desk.appointment_import import _insert_rows

    configure_logging()
    db = Database(pg_url)
    init_database(db, settings)
    row = {"citizenship": "WNI", "nik": NIK, "name": NAME + " " + "X" * 130,
           "birth_date": date(1988, 3, 14), "sex": "L", "married": False,
           "created_at": datetime.now(), "updated_at": datetime.now()}  # fmt: skip
    try:
        with pytest.raises(Exception) as caught:
            with db.write() as s:
                _insert_rows(s, Applicant, [row])
        assert NAME in str(caught.value)  # the server's own text quotes the row…
        words = fault_message(caught.value, "en", db.url)
        assert "longer than the database allows" in words
        assert_no_personal_data(words, names=[NAME])  # …the user's message does not
        _no_sql(words)
        logged = _logged()
        assert "COPY applicant, line 1, column name: …" in logged
        assert_no_personal_data(logged, names=[NAME])
    finally:
        db.dispose()


def _pg_waiting_on_a_lock(admin_url: str, database: str, timeout: float = 30) -> bool:
    admin = create_engine(admin_url.replace("postgresql://", "postgresql+psycopg://"))
    try:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with admin.connect() as conn:
                waiting = conn.execute(
                    text("SELECT count(*) FROM pg_stat_activity "
                         "WHERE datname = :d AND wait_event_type = 'Lock'"), {"d": database}
                ).scalar_one()  # fmt: skip
            if waiting:
                return True
            time.sleep(0.05)
        return False
    finally:
        admin.dispose()


@pytest.mark.postgres
def test_two_imports_at_once_clash_in_words_that_name_no_one(pg_url, settings, tmp_path):
    """The second import's COPY meets the first one's uncommitted applicant: once that commits,
    PostgreSQL refuses with "Key (nik)=(…) already exists" — the CLI must not repeat it."""
    from app.db.setup import init_database

    db = Database(pg_url)
    init_database(db, settings)
    csv = tmp_path / "today.csv"
    csv.write_text(HEADER + f"MP-2611-7Q4K9;{NIK};{NAME};1988-03-14;L;081273445120;baru;epaspor;10;2026-12-01\n",
                   encoding="utf-8")  # fmt: skip
    first = db.engine.connect()
    try:
        tx = first.begin()
        first.execute(text("INSERT INTO applicant (citizenship, nik, name, birth_date, sex, married, "
                           "created_at, updated_at) VALUES ('WNI', :nik, :name, '1988-03-14', 'L', "
                           "false, now(), now())"), {"nik": NIK, "name": NAME.upper()})  # fmt: skip
        second = subprocess.Popen([KANIMDESK, "--lang", "en", "--db", pg_url, "import-appointments", str(csv)],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
        assert _pg_waiting_on_a_lock(os.environ["KANIMDESK_TEST_PG"], pg_url.rsplit("/", 1)[1])
        tx.commit()
        out, err = second.communicate(timeout=60)
    finally:
        first.close()
    assert second.returncode == 1, (out, err)
    assert_no_personal_data(out + err, names=[NAME])
    _no_sql(out + err)
    assert "Another counter saved the same record at the same moment" in err
    assert str(log_file()) in err
    logged = log_file().read_text(encoding="utf-8")
    assert "UniqueViolation" in logged and "Key (nik)=(…) already exists" in logged
    assert_no_personal_data(logged, names=[NAME])
    with db.session() as s:  # the first import's applicant, and nothing of the second
        assert s.scalar(text("SELECT count(*) FROM applicant")) == 1
        assert s.scalar(text("SELECT count(*) FROM appointment")) == 0
    db.dispose()


def test_a_unique_clash_on_sqlite_is_the_same_message(sqlite_db):
    with sqlite_db.write() as s:
        s.add(_applicant(NAME.upper()))
    with pytest.raises(Exception) as caught:
        with sqlite_db.write() as s:
            s.add(_applicant("SITI AMINAH"))
    assert_no_personal_data(str(caught.value), names=[NAME, "Siti Aminah"])
    words = fault_message(caught.value, "en", sqlite_db.url)
    assert words.startswith("Another counter saved the same record")
    assert_no_personal_data(words)
