"""Locked, read-only and full each get their own words: a lock a short "busy, retrying" wait
before it gives up, a read-only drive and a full disk what to do — and nothing is written."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.db.engine import BUSY_TIMEOUT_MS, WRITE_ATTEMPTS

from tests.pii import assert_no_personal_data

KANIMDESK = str(Path(sys.executable).with_name("kanimdesk"))
LOCKED = "is held by another program and stayed locked"
READ_ONLY = "is read-only (the file, its folder or the drive)"
FULL = "is full: nothing was saved"


def kanimdesk(*args: str) -> subprocess.CompletedProcess:
    result = subprocess.run([KANIMDESK, "--lang", "en", *args], capture_output=True, text=True,
                            timeout=120, env=dict(os.environ))  # fmt: skip
    assert_no_personal_data(result.stdout + result.stderr)
    assert "Traceback" not in result.stderr and "sqlalche.me" not in result.stderr
    return result


def tickets(path: Path) -> int:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT count(*) FROM ticket").fetchone()[0]
    finally:
        conn.close()


def test_a_lock_held_elsewhere_is_retried_briefly_then_explained(tmp_path):
    path = tmp_path / "office.sqlite"
    url = f"sqlite:///{path}"
    assert kanimdesk("--db", url, "init").returncode == 0
    other = sqlite3.connect(path, isolation_level=None)  # e.g. a database browser left open
    other.execute("BEGIN EXCLUSIVE")
    try:
        started = time.monotonic()
        result = kanimdesk("--db", url, "ticket", "issue", "--service", "A")
        took = time.monotonic() - started
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert result.returncode == 1 and result.stdout == ""
    for attempt in range(2, WRITE_ATTEMPTS + 1):
        assert (
            f"busy (another program or counter is writing); retrying ({attempt} of {WRITE_ATTEMPTS})"
            in result.stderr
        )
    assert f"The database {path} {LOCKED}" in result.stderr
    assert "cannot be opened" not in result.stderr
    # A few seconds (not the 30 s that looked like a hang), and no number was taken.
    assert took < WRITE_ATTEMPTS * BUSY_TIMEOUT_MS / 1000 + 8, took
    assert tickets(path) == 0
    assert kanimdesk("--db", url, "ticket", "issue", "--service", "A").stdout == "A-001\n"


def test_a_lock_released_while_waiting_lets_the_write_through(tmp_path):
    path = tmp_path / "office.sqlite"
    url = f"sqlite:///{path}"
    assert kanimdesk("--db", url, "init").returncode == 0
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    proc = subprocess.Popen([KANIMDESK, "--lang", "en", "--db", url, "ticket", "issue", "--service", "A"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
    time.sleep(BUSY_TIMEOUT_MS / 1000 + 1.5)  # let the first attempt time out
    other.execute("ROLLBACK")
    other.close()
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0 and out == "A-001\n", err
    assert "retrying (2 of" in err


@pytest.fixture
def small_drive(tmp_path) -> Iterator[Path]:
    """A 4 MB tmpfs mounted for the test (the tests run as root) and unmounted after it.

    Room for an initialised database and its write-ahead log (about 1 MB together since the
    statistics cache and the accounts, migrations 0009–0010); the tests fill the rest."""
    mount = tmp_path / "drive"
    mount.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)],
                          capture_output=True, text=True)  # fmt: skip
    if made.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {made.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill(drive: Path) -> None:
    fd = os.open(drive / "filler", os.O_WRONLY | os.O_CREAT)
    try:
        while os.write(fd, b"\0" * 4096):
            pass
    except OSError:
        pass  # ENOSPC: the drive is full
    finally:
        os.close(fd)


def test_a_read_only_drive_is_said_to_be_read_only(small_drive):
    path = small_drive / "office.sqlite"
    url = f"sqlite:///{path}"
    assert kanimdesk("--db", url, "init").returncode == 0
    assert kanimdesk("--db", url, "ticket", "issue", "--service", "A").stdout == "A-001\n"
    remount = subprocess.run(["mount", "-o", "remount,ro", str(small_drive)], capture_output=True)
    assert remount.returncode == 0, remount.stderr
    result = kanimdesk("--db", url, "ticket", "issue", "--service", "A")
    assert result.returncode == 1 and result.stdout == ""
    assert f"The database {path} {READ_ONLY}" in result.stderr
    assert LOCKED not in result.stderr and FULL not in result.stderr
    check = kanimdesk("--db", url, "check")
    assert check.stdout.startswith("NOT SOUND") and READ_ONLY in check.stdout
    subprocess.run(["mount", "-o", "remount,rw", str(small_drive)], check=True)
    assert tickets(path) == 1  # the number issued before, and no other


@pytest.mark.parametrize("when", ["before opening", "while writing"])
def test_a_full_disk_is_said_to_be_full(small_drive, when):
    path = small_drive / "office.sqlite"
    url = f"sqlite:///{path}"
    assert kanimdesk("--db", url, "init").returncode == 0
    # "while writing": a reader keeps the -wal and -shm files, so opening needs no space and
    # the write is what fails (SQLITE_FULL); else the -shm file cannot be made (an I/O error).
    keeper = sqlite3.connect(path) if when == "while writing" else None
    if keeper is not None:
        keeper.execute("SELECT count(*) FROM ticket").fetchone()
    _fill(small_drive)
    try:
        result = kanimdesk("--db", url, "ticket", "issue", "--service", "A")
    finally:
        if keeper is not None:
            keeper.close()
    assert result.returncode == 1 and result.stdout == ""
    assert f"The disk holding the database {path} {FULL}" in result.stderr, result.stderr
    assert READ_ONLY not in result.stderr and LOCKED not in result.stderr
    (small_drive / "filler").unlink()
    assert tickets(path) == 0
    assert kanimdesk("--db", url, "ticket", "issue", "--service", "A").stdout == "A-001\n"
