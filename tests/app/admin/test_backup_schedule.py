"""The program's own backups: one a day, one after the end of the working day, kept N days,
in the folder the administrator chose; each checked and recorded like any backup."""

from __future__ import annotations

import dataclasses
from datetime import datetime, time

import pytest

from app.admin import backup_schedule as schedule
from app.admin.audit import audit_rows
from app.admin.backups import AUTOMATIC, automatic_backup
from app.problems import InputRejected

CLOSE = time(15, 30)


def at(day: int, hh: int, mm: int = 0) -> datetime:
    return datetime(2026, 12, day, hh, mm)


def test_what_is_due():
    assert schedule.due([], at(2, 8), CLOSE) == schedule.DAILY
    assert schedule.due([at(2, 8)], at(2, 12), CLOSE) is None
    assert schedule.due([at(2, 8)], at(2, 15, 30), CLOSE) == schedule.END_OF_DAY
    assert schedule.due([at(2, 8), at(2, 15, 31)], at(2, 16), CLOSE) is None
    assert schedule.due([at(1, 16)], at(2, 7), CLOSE) == schedule.DAILY
    assert schedule.due([], at(2, 17), CLOSE) == schedule.END_OF_DAY  # started late: one is enough


def test_what_expires():
    taken = [at(1, 8), at(10, 8), at(20, 8)]
    assert schedule.expired(taken, at(20, 9), 14) == [at(1, 8)]
    assert schedule.expired([at(1, 8)], at(30, 9), 14) == []  # never the newest
    assert schedule.taken_at("kanimdesk-20261202-153000.sqlite") == at(2, 15, 30)
    assert schedule.taken_at("kanimdesk-replaced-20261202-153000.sqlite") is None
    assert schedule.taken_at("catatan.txt") is None


def test_automatic_backups_in_the_chosen_folder(sqlite_db, settings, tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    chosen = dataclasses.replace(settings, backup_folder=str(folder), backup_keep_days=14)
    first = automatic_backup(sqlite_db, chosen, now=at(2, 8))
    assert first is not None and first.kind == schedule.DAILY
    assert first.info.path.parent == folder and first.info.counts["application"] == 0
    assert automatic_backup(sqlite_db, chosen, now=at(2, 12)) is None
    late = automatic_backup(sqlite_db, chosen, now=at(2, 15, 45))
    assert late is not None and late.kind == schedule.END_OF_DAY
    (folder / "kanimdesk-20261101-080000.sqlite").write_bytes(b"old")
    (folder / "catatan.txt").write_text("milik kantor")
    nextday = automatic_backup(sqlite_db, chosen, now=at(3, 8))
    assert nextday is not None and [p.name for p in nextday.removed] == [
        "kanimdesk-20261101-080000.sqlite"]  # fmt: skip
    assert (folder / "catatan.txt").exists()
    assert [r.actor for r in audit_rows(sqlite_db, action="backup")] == [AUTOMATIC] * 3
    gone = dataclasses.replace(settings, backup_folder=str(tmp_path / "tidak-ada"))
    with pytest.raises(InputRejected) as err:
        automatic_backup(sqlite_db, gone, now=at(4, 8))
    assert "tidak ada" in err.value.message("id")
