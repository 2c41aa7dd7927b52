"""kill -9 at any moment of an appointment import leaves all of the file or none of it (SQLite)."""

from __future__ import annotations

import csv
import io
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest

from app.desk.appointment_csv import COLUMNS
from app.desk.nik import make_nik

ROWS = 20_000
KANIMDESK = str(Path(sys.executable).with_name("kanimdesk"))
KINDS = ("baru", "penggantian", "hilang", "rusak", "perubahan_data")


def big_appointment_file(path: Path, n: int) -> None:
    """An Excel-style (BOM, semicolons, CRLF) list of *n* valid, distinct bookings."""
    buf = io.StringIO(newline="")
    out = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    out.writerow(COLUMNS)
    for i in range(n):
        birth = date(1960, 1, 1) + timedelta(days=(i * 37) % 14_000)
        sex = "LP"[i % 2]
        nik = make_nik("16", "03", f"{1 + i // 9999:02d}", birth, sex, i % 9999 + 1)
        out.writerow(
            [
                f"KD-{i:06d}",
                nik,
                f"Pemohon {chr(65 + i % 26)}",
                birth.isoformat(),
                sex,
                f"0812{i:08d}",
                KINDS[i % 5],
                ("epaspor", "biasa")[i % 2],
                5,
                "2026-12-01",
            ]
        )
    path.write_bytes(b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8"))


def _counts(db_file: Path) -> tuple[int, int, int]:
    con = sqlite3.connect(db_file)
    try:
        return tuple(  # type: ignore[return-value]
            con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("appointment", "applicant", "import_batch")
        )
    finally:
        con.close()


def _wal_bytes(db_file: Path) -> int:
    try:
        return os.path.getsize(f"{db_file}-wal")
    except FileNotFoundError:
        return 0


def _after(seconds: float) -> Callable[[float, Path], bool]:
    return lambda elapsed, _db: elapsed >= seconds


def _writing(wal_bytes: int) -> Callable[[float, Path], bool]:
    # The uncommitted transaction spills pages into the WAL as it grows: a sure sign the
    # import is half-way through writing, which is the moment worth killing.
    return lambda _elapsed, db_file: _wal_bytes(db_file) >= wal_bytes


@pytest.mark.slow
def test_kill_during_import_leaves_all_or_nothing(tmp_path):
    db_file = tmp_path / "desk.sqlite"
    url = f"sqlite:///{db_file}"
    source = tmp_path / "janji-besar.csv"
    big_appointment_file(source, ROWS)
    assert (
        subprocess.run([KANIMDESK, "--db", url, "init"], capture_output=True, timeout=60).returncode
        == 0
    )

    moments = {
        "start-up": _after(0.3),
        "reading the file": _after(1.5),
        "writing": _writing(1024 * 1024),
    }
    outcomes: dict[str, tuple[str, int]] = {}
    for label, reached in moments.items():
        # `check` (the last to open the file) checkpointed and removed the killed run's WAL,
        # so WAL growth below is this run's own transaction.
        assert _wal_bytes(db_file) == 0, label
        proc = subprocess.Popen(
            [KANIMDESK, "--db", url, "import-appointments", str(source)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        started = time.monotonic()
        while proc.poll() is None and not reached(time.monotonic() - started, db_file):
            assert time.monotonic() - started < 60, f"import never reached {label}"
            time.sleep(0.002)
        killed = proc.poll() is None
        if killed:
            proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        check = subprocess.run(
            [KANIMDESK, "--db", url, "check"], capture_output=True, text=True, timeout=60
        )
        assert check.returncode == 0, f"{label}: {check.stdout}{check.stderr}"
        appointments, applicants, batches = _counts(db_file)
        assert appointments in (0, ROWS), f"{label}: {appointments} of {ROWS} appointments survived"
        assert applicants == appointments and (batches > 0) == (appointments > 0), label
        outcomes[label] = ("killed" if killed else "finished", appointments)
    # The early kills land before anything is written; the WAL-triggered ones mid-transaction.
    assert outcomes["start-up"] == ("killed", 0)

    started = time.monotonic()
    done = subprocess.run(
        [KANIMDESK, "--db", url, "import-appointments", str(source), "--json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    seconds = time.monotonic() - started
    assert done.returncode == 0, done.stderr
    assert _counts(db_file)[0] == ROWS
    print(
        f"\nkill outcomes: {outcomes}\n{ROWS} rows by CLI in {seconds:.1f} s ({ROWS / seconds:,.0f} rows/s)"
    )
