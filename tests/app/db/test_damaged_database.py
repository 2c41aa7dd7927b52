"""A damaged database file (2,000 bytes overwritten in the middle) is found before anything is
written: commands stop with what to do, nothing is written, and `check` always answers."""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.config import Settings, resources_dir
from app.db.engine import Database
from app.db.faults import DatabaseFault
from app.db.integrity import ensure_sound, quick_check
from app.db.setup import init_database
from app.demo.generator import generate_demo

from tests.pii import assert_no_personal_data

KANIMDESK = str(Path(sys.executable).with_name("kanimdesk"))
OFFSETS = [0.2, 0.35, 0.5, 0.65, 0.8]


@pytest.fixture(scope="module")
def sound_file(tmp_path_factory) -> Path:
    """A demo office database of about 5 MB, in one file (checkpointed, no -wal)."""
    path = tmp_path_factory.mktemp("sound") / "office.sqlite"
    db = Database(f"sqlite:///{path}")
    init_database(db, Settings())
    generate_demo(db, Settings(), applicants=2000, seed=7)
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    return path


def damaged_copy(sound: Path, folder: Path, offset: float) -> Path:
    """The file with 2,000 bytes overwritten at *offset* of its length (always the same bytes)."""
    path = folder / "office.sqlite"
    shutil.copy(sound, path)
    noise = random.Random(offset).randbytes(2000)
    with path.open("r+b") as fh:
        fh.seek(int(path.stat().st_size * offset))
        fh.write(noise)
    return path


def state(path: Path) -> tuple[str, int]:
    """The file's bytes and what waits in its -wal: unchanged means nothing was written."""
    wal = path.with_name(path.name + "-wal")
    return hashlib.sha256(path.read_bytes()).hexdigest(), wal.stat().st_size if wal.exists() else 0


def kanimdesk(*args: str) -> subprocess.CompletedProcess:
    result = subprocess.run([KANIMDESK, "--lang", "en", *args], capture_output=True, text=True,
                            timeout=120, env=dict(os.environ))  # fmt: skip
    assert_no_personal_data(result.stdout + result.stderr)
    assert "Traceback" not in result.stderr and "sqlalche.me" not in result.stderr
    return result


@pytest.mark.parametrize("offset", OFFSETS)
def test_commands_that_write_stop_with_what_to_do_and_write_nothing(sound_file, tmp_path, offset):
    path = damaged_copy(sound_file, tmp_path, offset)
    url = f"sqlite:///{path}"
    before = state(path)
    sample = resources_dir() / "samples" / "appointments-sample.csv"
    for command in (["ticket", "issue", "--service", "A"], ["import-appointments", str(sample)]):
        result = kanimdesk("--db", url, *command)
        assert result.returncode == 1, (command, result.stdout, result.stderr)
        assert result.stdout == ""
        assert f"The database {path} is damaged" in result.stderr
        assert "Restore the latest backup" in result.stderr and "office's IT" in result.stderr
        assert "log file" in result.stderr
        assert state(path) == before, command


@pytest.mark.parametrize("offset", OFFSETS)
def test_check_always_answers_with_what_it_found(sound_file, tmp_path, offset):
    path = damaged_copy(sound_file, tmp_path, offset)
    before = state(path)
    as_json = kanimdesk("--db", f"sqlite:///{path}", "check", "--json")
    assert as_json.returncode == 1, as_json.stderr
    report = json.loads(as_json.stdout)
    assert report["ok"] is False and report["fault"] == "db.corrupt" and report["problems"]
    assert any("Restore the latest backup" in p for p in report["problems"])
    plain = kanimdesk("--db", f"sqlite:///{path}", "check")
    assert plain.returncode == 1 and plain.stdout.startswith("NOT SOUND")
    assert state(path) == before


def test_quick_check_finds_the_damage_and_then_every_write_is_refused(sound_file, tmp_path):
    assert quick_check(Database(f"sqlite:///{sound_file}", create=False)) == []
    path = damaged_copy(sound_file, tmp_path, 0.5)
    db = Database(f"sqlite:///{path}", create=False)
    before = state(path)
    with pytest.raises(DatabaseFault) as caught:
        ensure_sound(db)
    assert caught.value.key == "db.corrupt"
    with pytest.raises(DatabaseFault):
        with db.write():
            pytest.fail("a write began in a damaged file")
    db.dispose()
    assert state(path) == before
