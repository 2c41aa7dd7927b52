"""A backup taken while four processes register applicants and issue tickets restores to a
sound database holding every row committed before the backup started, unchanged.

Real processes on one SQLite file (WAL), each registering walk-ins (applicant, application,
fee lines, stage step, ticket, audit row) and issuing collection tickets as fast as they can.
The rows committed before the backup are fixed by their highest ids, read just before it
starts; after the restore, each table's rows up to those ids are compared with the live
database's by count and by a SHA-256 of the rows.
"""

from __future__ import annotations

import hashlib
import multiprocessing as mp
import sqlite3
from datetime import datetime

from app.config import Settings
from app.db.engine import Database

PROCESSES = 4
WARM_UP = 15  # registrations per process before the backup is taken
CHECKED = ("applicant", "application", "application_fee", "application_stage", "ticket",
           "audit_log")  # fmt: skip


def _registering(url: str, worker: int, done, stop) -> None:
    from app.problems import InputRejected
    from app.queue.tickets import issue_ticket

    from tests.app.desk.walk_ins import register_walk_ins

    db, settings = Database(url, create=False), Settings()
    i = 0
    while not stop.is_set() and i < 2400:  # NIK serials stay within 4 digits
        try:
            register_walk_ins(db, settings, 1, datetime.now(), start=worker * 2400 + i)
            issue_ticket(db, settings.office.code, "D", officer=f"petugas{worker}")
        except InputRejected as exc:  # a busy database after its retries: say so and stop
            raise AssertionError(exc.message("en")) from None
        i += 1
        with done.get_lock():
            done.value += 1
    db.dispose()


def _snapshot(path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        conn.execute("BEGIN")  # one read transaction: the ids of one moment
        return {t: conn.execute(f"SELECT coalesce(max(id), 0) FROM {t}").fetchone()[0]
                for t in CHECKED}  # fmt: skip
    finally:
        conn.close()


def _rows(path, upto: dict[str, int]) -> dict[str, tuple[int, str]]:
    conn = sqlite3.connect(path)
    try:
        found = {}
        for t in CHECKED:
            digest = hashlib.sha256()
            n = 0
            for row in conn.execute(f"SELECT * FROM {t} WHERE id <= ? ORDER BY id", (upto[t],)):
                digest.update(repr(row).encode())
                n += 1
            found[t] = (n, digest.hexdigest())
        return found
    finally:
        conn.close()


def test_backup_while_four_processes_write_restores_every_committed_row(tmp_path, settings):
    from app.admin.backups import backup
    from app.admin.restore import restore
    from app.db.setup import init_database

    live = tmp_path / "live.sqlite"
    db = Database(f"sqlite:///{live}")
    init_database(db, settings)
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload([__name__])
    done, stop = ctx.Value("i", 0), ctx.Event()
    procs = [ctx.Process(target=_registering, args=(db.url, w, done, stop))
             for w in range(PROCESSES)]  # fmt: skip
    for p in procs:
        p.start()
    try:
        while done.value < WARM_UP * PROCESSES:  # each registration is a real commit
            assert all(p.is_alive() for p in procs), "a writer stopped before the backup"
            stop.wait(0.05)
        before = _snapshot(live)
        info = backup(db, tmp_path / "kanimdesk-under-load.sqlite", actor="test")
        at_backup = done.value
        while done.value < at_backup + 10 * PROCESSES:  # they go on writing after it
            assert all(p.is_alive() for p in procs), "a writer stopped during the backup"
            stop.wait(0.05)
    finally:
        stop.set()
        for p in procs:
            p.join(timeout=120)
    assert [p.exitcode for p in procs] == [0] * PROCESSES
    assert before["application"] >= WARM_UP * PROCESSES

    target = Database(f"sqlite:///{tmp_path / 'restored.sqlite'}")
    init_database(target, settings)
    restore(target, info.path, settings, actor="test")
    target.dispose()
    check = sqlite3.connect(tmp_path / "restored.sqlite")
    assert check.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    check.close()
    restored, original = _rows(tmp_path / "restored.sqlite", before), _rows(live, before)
    for t in CHECKED:
        assert restored[t][0] == original[t][0] >= 1, t
    assert restored == original
    db.dispose()
