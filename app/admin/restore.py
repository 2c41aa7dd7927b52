"""Putting a backup back: described and checked before anything is touched, the replaced
database kept aside, the restore audited in the database it produced.

SQLite: the backup is opened read-only and checked (``PRAGMA integrity_check``, a KanimDesk
schema this program can use); the current database is copied aside through the online
backup API (a damaged one as its raw files); then the backup is copied *into* the live file
through the same API, so that other processes that have it open see the restored content
instead of a file swapped under them. An older schema is upgraded afterwards.
PostgreSQL: ``pg_restore --list`` checks the archive, a ``pg_dump`` keeps the current
database aside, then ``pg_restore --clean --if-exists --single-transaction`` replaces it —
all or nothing.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from app.admin.backups import (
    COUNTED,
    BackupInfo,
    backup_folder,
    backup_postgresql,
    pg_dump_program,
    row_counts,
)
from app.admin.session import require as require_role
from app.db.engine import SQLITE_HEADER, Database
from app.db.models import AuditLog
from app.i18n import N_, register_messages
from app.problems import InputRejected, Problem

if TYPE_CHECKING:
    from app.config import Settings

register_messages(
    {
        "restore.missing": N_("The backup {path} does not exist."),
        "restore.not_backup": N_("{path} is not a KanimDesk backup ({detail})."),
        "restore.unsound": N_(
            "The backup {path} failed its integrity check ({detail}); nothing was changed."
        ),
        "restore.newer": N_(
            "The backup {path} was made by a newer KanimDesk (schema {revision}); "
            "update this program first. Nothing was changed."
        ),
        "restore.no_pg_restore": N_(
            "pg_restore is not installed: restore the PostgreSQL server as the README describes."
        ),
        "restore.pg_failed": N_("pg_restore failed: {detail}. The database is as it was."),
        "restore.wrong_kind": N_(
            "{path} is a backup of a {kind} database; this database is {current}."
        ),
    }
)

# What a backup holds, in words (the counted tables).
TABLE_WORDS = {
    "applicant": N_("applicants"), "application": N_("applications"),
    "application_stage": N_("stage steps"), "ticket": N_("tickets"),
    "queue_event": N_("queue events"), "stay_permit_request": N_("stay-permit requests"),
    "visit": N_("visits"), "finding": N_("findings"), "audit_log": N_("audit rows"),
    "user_account": N_("accounts"),
}  # fmt: skip

# A backup's name says when it was taken: kanimdesk-YYYYmmdd-HHMMSS.<suffix>.
_TAKEN = re.compile(r"(\d{8})-(\d{6})")
_PG_CREATED = re.compile(r"^;\s+Archive created at (\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})", re.M)
PG_MAGIC = b"PGDMP"


@dataclass(frozen=True)
class BackupContents:
    """What a backup holds, as shown before it is restored."""

    path: Path
    kind: str  # "sqlite" | "postgresql"
    taken_at: datetime
    size: int
    counts: dict[str, int] = field(default_factory=dict)  # empty when unknown (pg archive)
    revision: str | None = None


@dataclass(frozen=True)
class RestoreResult:
    contents: BackupContents
    aside: Path  # where the replaced database was kept


def _taken_at(path: Path) -> datetime:
    if m := _TAKEN.search(path.name):
        try:
            return datetime.strptime(m[1] + m[2], "%Y%m%d%H%M%S")
        except ValueError:
            pass
    return datetime.fromtimestamp(path.stat().st_mtime)


def _reject(key: str, path: Path, **params: object) -> InputRejected:
    return InputRejected([Problem(key, "file", {"path": str(path), **params})])


def describe_backup(path: Path, db: Database | None = None) -> BackupContents:
    """The backup's date, size and contents, after checking that it is sound and usable.

    Refuses (InputRejected) a missing file, anything that is not a KanimDesk backup, a
    damaged one, and one written by a newer KanimDesk.
    """
    if not path.is_file():
        raise _reject("restore.missing", path)
    with path.open("rb") as fh:
        head = fh.read(len(SQLITE_HEADER))
    if head.startswith(PG_MAGIC):
        return _describe_pg(path, db)
    if head != SQLITE_HEADER:
        raise _reject("restore.not_backup", path, detail="?")
    return _describe_sqlite(path)


def _describe_sqlite(path: Path) -> BackupContents:
    from app.db.schema_state import known_revisions

    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise _reject("restore.not_backup", path, detail=str(exc)) from None
    try:
        try:
            verdict = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        except sqlite3.DatabaseError as exc:
            raise _reject("restore.unsound", path, detail=str(exc)) from None
        if verdict != ["ok"]:
            raise _reject("restore.unsound", path, detail="; ".join(verdict[:3]))
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not {"alembic_version", "application", "ticket"} <= tables:
            raise _reject("restore.not_backup", path, detail="no KanimDesk tables")
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        counts = row_counts(conn)
    finally:
        conn.close()
    revision = revision[0] if revision else None
    if revision not in known_revisions()[0]:
        raise _reject("restore.newer", path, revision=revision or "-")
    return BackupContents(path, "sqlite", _taken_at(path), path.stat().st_size, counts, revision)


def pg_restore_program() -> str | None:
    dump = pg_dump_program()
    if dump is None:
        return None
    found = Path(dump).with_name("pg_restore")
    return str(found) if found.exists() else shutil.which("pg_restore")


def _describe_pg(path: Path, db: Database | None) -> BackupContents:
    program = pg_restore_program()
    if program is None:
        raise InputRejected([Problem("restore.no_pg_restore", "file")])
    done = subprocess.run([program, "--list", str(path)], capture_output=True, text=True)
    if done.returncode != 0:
        raise _reject("restore.unsound", path, detail=_last_line(done.stderr, done.returncode))
    if not re.search(r"TABLE public application ", done.stdout):
        raise _reject("restore.not_backup", path, detail="no KanimDesk tables")
    taken = _PG_CREATED.search(done.stdout)
    taken_at = datetime.fromisoformat(taken[1]) if taken else _taken_at(path)
    return BackupContents(path, "postgresql", taken_at, path.stat().st_size,
                          _recorded_counts(db, path) if db is not None else {})  # fmt: skip


def _recorded_counts(db: Database, path: Path) -> dict[str, int]:
    """The row counts recorded when this archive was taken (a pg archive cannot be counted
    without restoring it); empty when this database did not take it."""
    from sqlalchemy import select

    try:
        with db.session() as s:
            detail = s.scalar(select(AuditLog.detail).where(
                AuditLog.action == "backup", AuditLog.entity_id == path.name[:40])
                .order_by(AuditLog.id.desc()).limit(1))  # fmt: skip
    except Exception:  # a database that cannot be read: the archive is described without
        return {}
    try:
        counts = json.loads(detail or "{}").get("counts", {})
    except ValueError:
        return {}
    return {t: int(n) for t, n in counts.items() if t in COUNTED}


def _last_line(stderr: str, code: int) -> str:
    lines = [ln for ln in stderr.strip().splitlines() if ln.strip()]
    return lines[-1] if lines else str(code)


def _aside_name(suffix: str, now: datetime) -> Path:
    folder = backup_folder()
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"kanimdesk-replaced-{now:%Y%m%d-%H%M%S}{suffix}"


def restore(db: Database, path: Path, settings: Settings, *, actor: str | None = None,
            now: datetime | None = None, damaged_at_start: bool = False) -> RestoreResult:  # fmt: skip
    """Replace *db*'s content by the backup at *path*; the replaced database is kept aside.

    *damaged_at_start*: the window found the database damaged before anyone could sign in
    (the accounts are in the damaged file) and offers its latest sound backup; whoever sits at
    the PC may accept — they could copy the file itself anyway.
    """
    if not damaged_at_start:
        require_role("restore.run")
    now = now or datetime.now()
    contents = describe_backup(path, db)
    current = "sqlite" if db.is_sqlite else "postgresql"
    if contents.kind != current:
        raise _reject("restore.wrong_kind", path, kind=contents.kind, current=current)
    if db.is_sqlite:
        aside = _restore_sqlite(db, contents, now)
    else:
        aside = _restore_pg(db, contents, now)
    _after_restore(db, settings, contents, aside, actor)
    return RestoreResult(contents, aside)


def _restore_sqlite(db: Database, contents: BackupContents, now: datetime) -> Path:
    assert db.path is not None
    db.engine.dispose()  # no pooled connection keeps reading the old pages
    aside = _aside_name(".sqlite", now)
    if not _copy_live(db.path, aside):
        _copy_files(db.path, aside)
    source = sqlite3.connect(contents.path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        target = sqlite3.connect(db.path, timeout=30)
        try:
            source.backup(target)
        finally:
            target.close()
    except sqlite3.DatabaseError:
        # A file too damaged to be written page by page: put a whole copy in its place (the
        # damaged one is aside already).
        _replace_file(contents.path, db.path)
    finally:
        source.close()
    db.refused = None
    return aside


def _copy_live(path: Path, aside: Path) -> bool:
    """A copy of a sound live database through the backup API; False when it is damaged
    (then it is kept as its raw files, exactly as it was found)."""
    part = aside.with_name(aside.name + ".part")
    try:
        source = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, timeout=30)
        try:
            if [r[0] for r in source.execute("PRAGMA quick_check")] != ["ok"]:
                return False
            copy = sqlite3.connect(part)
            try:
                source.backup(copy)
            finally:
                copy.close()
        finally:
            source.close()
    except sqlite3.DatabaseError:
        part.unlink(missing_ok=True)
        return False
    os.replace(part, aside)
    return True


def _copy_files(path: Path, aside: Path) -> None:
    """A damaged database kept aside as it is: the file and its write-ahead log."""
    shutil.copy2(path, aside)
    for extra in ("-wal",):
        if (side := path.with_name(path.name + extra)).exists():
            shutil.copy2(side, aside.with_name(aside.name + extra))


def _replace_file(backup: Path, path: Path) -> None:
    part = path.with_name(path.name + ".restoring")
    shutil.copy2(backup, part)
    for extra in ("-wal", "-shm"):
        path.with_name(path.name + extra).unlink(missing_ok=True)
    os.replace(part, path)


def _restore_pg(db: Database, contents: BackupContents, now: datetime) -> Path:
    program = pg_restore_program()
    if program is None:
        raise InputRejected([Problem("restore.no_pg_restore", "file")])
    kept: BackupInfo = backup_postgresql(db, _aside_name(".pgdump", now), actor="restore")
    db.engine.dispose()
    u = db.engine.url
    env = {**os.environ, **({"PGPASSWORD": u.password} if u.password else {})}
    args = [program, "--clean", "--if-exists", "--single-transaction", "--exit-on-error",
            "--no-owner", "--dbname", u.database or ""]  # fmt: skip
    for flag, value in (("--host", u.host), ("--port", u.port), ("--username", u.username)):
        if value:
            args += [flag, str(value)]
    done = subprocess.run([*args, str(contents.path)], capture_output=True, text=True, env=env)
    if done.returncode != 0:
        raise _reject("restore.pg_failed", contents.path,
                      detail=_last_line(done.stderr, done.returncode))  # fmt: skip
    return kept.path


def _after_restore(db: Database, settings: Settings, contents: BackupContents, aside: Path,
                   actor: str | None) -> None:  # fmt: skip
    """Bring an older schema up to date and record the restore in the restored database."""
    from app.db.setup import init_database

    init_database(db, settings)
    detail = {"taken_at": contents.taken_at.isoformat(timespec="seconds"),
              "size": contents.size, "counts": contents.counts, "aside": aside.name}  # fmt: skip
    with db.write() as s:
        s.add(AuditLog(actor=(actor or "-")[:60], action="restore", entity="database",
                       entity_id=contents.path.name[:40], detail=json.dumps(detail)))  # fmt: skip


def latest_sound_backup(folder: Path | None = None) -> BackupContents | None:
    """The newest SQLite backup in *folder* (default: the backups folder) that passes its
    checks — what the window offers when the database is found damaged at start."""
    folder = folder or backup_folder()
    if not folder.is_dir():
        return None
    found = [p for p in folder.glob("kanimdesk-*.sqlite") if "-replaced-" not in p.name]
    for path in sorted(found, key=_taken_at, reverse=True):
        try:
            return describe_backup(path)
        except InputRejected:
            continue
    return None
