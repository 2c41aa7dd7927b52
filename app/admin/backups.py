"""Backups of the office's database, checked right after they are written.

SQLite: SQLite's online backup API (``sqlite3.Connection.backup``) copies a consistent
snapshot while the program and other processes keep working — never a file copy of a live
database. The copy is written under a temporary name, checked with ``PRAGMA
integrity_check``, its row counts taken, and only then given its final name; an audit row
records its date, size and counts. PostgreSQL: ``pg_dump --format=custom`` when it is
installed (the office server's own backup is described in the README).
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.admin.session import require as require_role
from app.config import Settings, data_dir
from app.db.engine import Database
from app.db.models import AuditLog
from app.i18n import N_, register_messages
from app.problems import InputRejected, Problem

register_messages(
    {
        "backup.folder": N_("The folder {path} does not exist."),
        "backup.exists": N_("{path} already exists; choose another name."),
        "backup.unsound": N_(
            "The backup {path} failed its integrity check ({detail}); it was removed."
        ),
        "backup.no_pg_dump": N_(
            "pg_dump is not installed: back up the PostgreSQL server as the README describes."
        ),
        "backup.pg_dump_failed": N_("pg_dump failed: {detail}"),
    }
)

AUTOMATIC = "otomatis"  # the audit row's actor of the program's own backups

# The tables whose rows a backup's record counts (the office's history).
COUNTED = ("applicant", "application", "application_stage", "ticket", "queue_event",
           "stay_permit_request", "visit", "finding", "audit_log", "user_account")  # fmt: skip


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime
    size: int
    counts: dict[str, int]


def backup_folder() -> Path:
    return data_dir() / "backups"


def _target(out: Path | None, suffix: str, now: datetime) -> Path:
    if out is None:
        folder = backup_folder()
        folder.mkdir(parents=True, exist_ok=True)
        out = folder / f"kanimdesk-{now:%Y%m%d-%H%M%S}{suffix}"
    if not out.parent.is_dir():
        raise InputRejected([Problem("backup.folder", "out", {"path": str(out.parent)})])
    if out.exists():
        raise InputRejected([Problem("backup.exists", "out", {"path": str(out)})])
    return out


def row_counts(conn: sqlite3.Connection) -> dict[str, int]:
    present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return {t: int(conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0])
            for t in COUNTED if t in present}  # fmt: skip


def _record(db: Database, actor: str | None, info: BackupInfo) -> None:
    if not actor:
        from app.admin.session import actor_name

        actor = actor_name()
    with db.write() as s:
        s.add(AuditLog(actor=actor[:60], action="backup", entity="database",
                       entity_id=info.path.name[:40],
                       detail=json.dumps({"size": info.size, "counts": info.counts})))  # fmt: skip


def backup_sqlite(db: Database, out: Path | None = None, *, actor: str | None = None,
                  now: datetime | None = None) -> BackupInfo:  # fmt: skip
    assert db.path is not None
    now = now or datetime.now()
    target = _target(out, ".sqlite", now)
    part = target.with_name(target.name + ".part")
    source = sqlite3.connect(db.path, timeout=30)
    try:
        copy = sqlite3.connect(part)
        try:
            source.backup(copy)
            verdict = [r[0] for r in copy.execute("PRAGMA integrity_check")]
            counts = row_counts(copy)
        finally:
            copy.close()
    finally:
        source.close()
    if verdict != ["ok"]:
        part.unlink(missing_ok=True)
        raise InputRejected([Problem("backup.unsound", "out",
                                     {"path": str(target), "detail": "; ".join(verdict[:3])})])  # fmt: skip
    os.replace(part, target)
    info = BackupInfo(target, now, target.stat().st_size, counts)
    _record(db, actor, info)
    return info


def pg_dump_program() -> str | None:
    found = shutil.which("pg_dump")
    if found:
        return found
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_dump"), key=lambda p: p.parts)
    return str(versions[-1]) if versions else None


def backup_postgresql(db: Database, out: Path | None = None, *, actor: str | None = None,
                      now: datetime | None = None) -> BackupInfo:  # fmt: skip
    now = now or datetime.now()
    program = pg_dump_program()
    if program is None:
        raise InputRejected([Problem("backup.no_pg_dump", "out")])
    target = _target(out, ".pgdump", now)
    part = target.with_name(target.name + ".part")
    u = db.engine.url
    # The password goes in the environment, never on the command line (the process list).
    env = {**os.environ, **({"PGPASSWORD": u.password} if u.password else {})}
    args = [program, "--format=custom", "--file", str(part), "--dbname", u.database or ""]
    for flag, value in (("--host", u.host), ("--port", u.port), ("--username", u.username)):
        if value:
            args += [flag, str(value)]
    done = subprocess.run(args, capture_output=True, text=True, env=env)
    if done.returncode != 0:
        part.unlink(missing_ok=True)
        detail = (
            done.stderr.strip().splitlines()[-1] if done.stderr.strip() else str(done.returncode)
        )
        raise InputRejected([Problem("backup.pg_dump_failed", "out", {"detail": detail})])
    os.replace(part, target)
    from sqlalchemy import text

    counts = {}
    with db.session() as s:
        for t in COUNTED:
            counts[t] = int(s.execute(text(f'SELECT count(*) FROM "{t}"')).scalar_one())
    info = BackupInfo(target, now, target.stat().st_size, counts)
    _record(db, actor, info)
    return info


def backup(db: Database, out: Path | None = None, *, actor: str | None = None) -> BackupInfo:
    """A checked backup of *db* to *out* (default: the data folder's backups/)."""
    require_role("backup.run")
    if db.is_sqlite:
        return backup_sqlite(db, out, actor=actor)
    return backup_postgresql(db, out, actor=actor)


@dataclass(frozen=True)
class AutoBackup:
    kind: str  # backup_schedule.DAILY or END_OF_DAY
    info: BackupInfo
    removed: list[Path]


def chosen_folder(settings: Settings) -> Path:
    """The folder automatic backups go to: the administrator's choice, else the data folder's."""
    return Path(settings.backup_folder).expanduser() if settings.backup_folder else backup_folder()


def automatic_backup(
    db: Database, settings: Settings, now: datetime | None = None
) -> AutoBackup | None:
    """The program's own backup when one is due (daily, end of day), then the expired ones
    removed; None when none is due. SQLite only: a PostgreSQL server backs itself up.

    The program does this itself, whoever is signed in (no role is asked); the audit row names
    "otomatis". A folder that is missing or full is InputRejected/OSError for the caller to say.
    """
    from app.admin import backup_schedule as schedule

    if not db.is_sqlite:
        return None
    now = now or datetime.now()
    folder = chosen_folder(settings)
    if not folder.is_dir():
        if settings.backup_folder:  # a USB disk or a share that is not there: say so
            raise InputRejected([Problem("backup.folder", "backup_folder", {"path": str(folder)})])
        folder.mkdir(parents=True, exist_ok=True)
    found = {t: p for p in folder.iterdir() if (t := schedule.taken_at(p.name)) is not None}
    kind = schedule.due(list(found), now, schedule.parse_time(settings.backup_time))
    if kind is None:
        return None
    info = backup_sqlite(db, folder / f"kanimdesk-{now:%Y%m%d-%H%M%S}.sqlite", actor=AUTOMATIC,
                         now=now)  # fmt: skip
    found[now] = info.path
    removed = []
    for t in schedule.expired(list(found), now, settings.backup_keep_days):
        found[t].unlink(missing_ok=True)
        removed.append(found[t])
    return AutoBackup(kind, info, removed)
