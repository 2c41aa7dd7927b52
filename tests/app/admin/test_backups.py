"""Backups: SQLite's online backup API, checked and counted, recorded in the audit log;
pg_dump for PostgreSQL; refusals that leave nothing behind."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import func, select

from app.admin.backups import COUNTED, backup, pg_dump_program
from app.db.models import AuditLog
from app.problems import InputRejected

from tests.app.figures.test_statistics import known_data


def test_a_backup_is_checked_counted_and_recorded(db, tmp_path):
    if not db.is_sqlite and pg_dump_program() is None:
        pytest.skip("pg_dump is not installed on this machine")
    known_data(db)
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / ("copy.sqlite" if db.is_sqlite else "copy.pgdump")
    info = backup(db, out, actor="admin")
    assert info.path == out and out.stat().st_size == info.size > 0
    assert info.counts["application"] == 8 and info.counts["ticket"] == 8
    assert set(info.counts) == set(COUNTED)
    if db.is_sqlite:
        copy = sqlite3.connect(out)
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert copy.execute("SELECT count(*) FROM application").fetchone()[0] == 8
        copy.close()
    else:
        assert out.read_bytes()[:5] == b"PGDMP"
    with db.session() as s:
        assert (
            s.scalar(select(func.count()).select_from(AuditLog).where(AuditLog.action == "backup"))
            == 1
        )
    assert [p.name for p in out.parent.iterdir()] == [out.name]  # no .part left


def test_refusals_leave_nothing_behind(sqlite_db, tmp_path):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    with pytest.raises(InputRejected) as err:
        backup(sqlite_db, tmp_path / "no" / "b.sqlite")
    assert err.value.message("id") == f"Folder {tmp_path / 'no'} tidak ada."
    (tmp_path / "b.sqlite").write_bytes(b"lama")
    with pytest.raises(InputRejected) as err:
        backup(sqlite_db, tmp_path / "b.sqlite")
    assert "sudah ada" in err.value.message("id")
    assert (tmp_path / "b.sqlite").read_bytes() == b"lama"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.sqlite"]
