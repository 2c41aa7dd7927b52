"""Restore: the backup is checked before anything is touched, the replaced database is kept
aside, an older or damaged current database is no obstacle, and the restore is audited."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import func, select

from app.admin.backups import backup, pg_dump_program
from app.admin.restore import describe_backup, latest_sound_backup, restore
from app.db.models import Application, AuditLog
from app.problems import InputRejected

from tests.app.figures.test_statistics import known_data


def _count(db, model) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(model)))


def _actions(db) -> list[str]:
    with db.session() as s:
        return list(s.scalars(select(AuditLog.action).order_by(AuditLog.id)))


def test_restore_brings_back_the_backup_and_keeps_the_replaced_one(db, settings, tmp_path):
    if not db.is_sqlite and pg_dump_program() is None:
        pytest.skip("pg_dump is not installed on this machine")
    known_data(db)
    out = tmp_path / ("kanimdesk-20261202-180000.sqlite" if db.is_sqlite else "k.pgdump")
    backup(db, out, actor="admin")
    with db.write() as s:  # after the backup: these rows are what the restore takes away
        for a in s.scalars(select(Application)).all()[:3]:
            s.delete(a)
    assert _count(db, Application) == 5
    shown = describe_backup(out, db)
    assert shown.counts["application"] == 8 and shown.size == out.stat().st_size
    if db.is_sqlite:
        assert shown.taken_at.isoformat() == "2026-12-02T18:00:00"
    done = restore(db, out, settings, actor="admin")
    assert _count(db, Application) == 8
    assert _actions(db)[-1] == "restore"
    assert done.aside.exists() and "replaced" in done.aside.name
    if db.is_sqlite:
        kept = sqlite3.connect(done.aside)
        assert kept.execute("SELECT count(*) FROM application").fetchone()[0] == 5
        kept.close()


def test_a_damaged_backup_is_refused_before_anything_changes(sqlite_db, settings, tmp_path):
    known_data(sqlite_db)
    out = tmp_path / "b.sqlite"
    backup(sqlite_db, out)
    raw = bytearray(out.read_bytes())
    for page in range(2, len(raw) // 4096):  # every page but the first: the header stays
        raw[page * 4096 + 100 : page * 4096 + 400] = b"\xa5" * 300
    out.write_bytes(bytes(raw))
    before = _actions(sqlite_db)
    with pytest.raises(InputRejected) as err:
        restore(sqlite_db, out, settings)
    assert "pemeriksaan keutuhan" in err.value.message("id")
    assert _actions(sqlite_db) == before and _count(sqlite_db, Application) == 8
    (tmp_path / "note.txt").write_text("bukan cadangan")
    with pytest.raises(InputRejected) as err:
        restore(sqlite_db, tmp_path / "note.txt", settings)
    assert "bukan cadangan KanimDesk" in err.value.message("id")
    with pytest.raises(InputRejected) as err:
        restore(sqlite_db, tmp_path / "none.sqlite", settings)
    assert "tidak ada" in err.value.message("id")


def damaged_after_backup(path, out, settings) -> bytes:
    """A database at *path* with known data, backed up to *out*, then three pages wrecked;
    its bytes as they are now."""
    from app.db.engine import Database
    from app.db.setup import init_database

    db = Database(f"sqlite:///{path}")
    init_database(db, settings)
    known_data(db)
    out.parent.mkdir(parents=True, exist_ok=True)
    backup(db, out)
    db.dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = bytearray(path.read_bytes())
    raw[4096 * 3 : 4096 * 6] = b"\x00\xff" * (4096 * 3 // 2)
    path.write_bytes(bytes(raw))
    return bytes(raw)


def test_a_damaged_database_is_replaced_and_kept_aside_as_it_was(tmp_path, settings):
    from app.db.engine import Database

    path = tmp_path / "live.sqlite"
    out = tmp_path / "b.sqlite"
    raw = damaged_after_backup(path, out, settings)
    damaged = Database(f"sqlite:///{path}", create=False)
    done = restore(damaged, out, settings, actor="admin")
    check = sqlite3.connect(path)
    assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert check.execute("SELECT count(*) FROM application").fetchone()[0] == 8
    check.close()
    assert done.aside.read_bytes()[: 4096 * 3] == bytes(raw[: 4096 * 3])


def test_an_older_backup_is_upgraded_after_the_restore(tmp_path, settings):
    from app.db.engine import Database
    from app.db.migrate import current_revision, head_revision, upgrade

    old = Database(f"sqlite:///{tmp_path / 'old.sqlite'}")
    upgrade(old.engine, "0008")  # before the statistics cache and the accounts
    old.dispose()
    db = Database(f"sqlite:///{tmp_path / 'live.sqlite'}")
    from app.db.setup import init_database

    init_database(db, settings)
    shown = describe_backup(tmp_path / "old.sqlite")
    assert shown.revision == "0008"
    restore(db, tmp_path / "old.sqlite", settings)
    assert current_revision(db.engine) == head_revision()


def test_the_latest_sound_backup_is_found(tmp_path, sqlite_db):
    folder = tmp_path / "b"
    folder.mkdir()
    assert latest_sound_backup(folder) is None
    backup(sqlite_db, folder / "kanimdesk-20261201-170000.sqlite")
    backup(sqlite_db, folder / "kanimdesk-20261202-170000.sqlite")
    (folder / "kanimdesk-20261203-170000.sqlite").write_bytes(b"SQLite format 3\x00" + b"x" * 5000)
    found = latest_sound_backup(folder)
    assert found is not None and found.path.name == "kanimdesk-20261202-170000.sqlite"
