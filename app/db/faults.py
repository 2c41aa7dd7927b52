"""Database faults in the program's own words: never the SQL, its parameters or a NIK.

SQLAlchemy's error text carries the statement and, unless hidden, its bound values;
PostgreSQL adds the values it refused (``Key (nik)=(…)``, a COPY line). A user reads
instead one message per cause — locked, read-only, full, damaged, missing, unreachable,
a value too long, a clash with another counter — and the full detail goes, redacted,
to the log file the message names (app.logs).
"""

from __future__ import annotations

import errno
import logging
import os
import re
import shutil
import sqlite3
from collections.abc import Mapping
from pathlib import Path

from app.i18n import N_, register_messages, text

log = logging.getLogger(__name__)

register_messages(
    {
        "db.see_log": N_("Details for the office's IT are in the log file {path}."),
        "db.missing": N_(
            "The database file {where} does not exist. Nothing was created: check the address "
            "(--db, KANIMDESK_DB or db_url in the settings) and that the shared folder is "
            'connected. Only "kanimdesk init" makes a new database.'
        ),
        "db.folder_missing": N_(
            "The folder {folder} does not exist (is the shared drive connected?), so the "
            "database {where} cannot be opened. Nothing was created; only "
            '"kanimdesk init" makes a new database.'
        ),
        "db.not_folder": N_(
            "{folder} is a file, not a folder: the database {where} cannot be there. "
            "Check the address."
        ),
        "db.not_database": N_(
            "{where} is not a KanimDesk database (it is not an SQLite database file). "
            "Check the address; nothing was written to it."
        ),
        "db.corrupt": N_(
            "The database {where} is damaged. KanimDesk has stopped writing to it so that "
            "nothing more is lost. Restore the latest backup, or copy the file (with the -wal "
            "and -shm files beside it, if any) for the office's IT before anything else."
        ),
        "db.read_only": N_(
            "The database {where} is read-only (the file, its folder or the drive): KanimDesk "
            "cannot save in it, and nothing was saved. Ask IT for write access, or move the "
            "database to a folder that can be written."
        ),
        "db.full": N_(
            "The disk holding the database {where} is full: nothing was saved. Free some "
            "space on it (or ask IT) and try again."
        ),
        "db.locked": N_(
            "The database {where} is held by another program and stayed locked: nothing was "
            "saved. Close the other program or wait a moment, then try again."
        ),
        "db.busy": N_(
            "The database is busy (another program or counter is writing); "
            "retrying ({attempt} of {attempts})…"
        ),
        "db.cannot_open": N_(
            "The database {where} cannot be opened ({reason}). Check the address and that the "
            "drive is connected; nothing was written."
        ),
        "db.disk": N_(
            "The disk holding the database {where} reported an error ({reason}): nothing was "
            "saved. Check the drive, or ask IT."
        ),
        "db.server": N_(
            "The database server {where} cannot be reached or refused the connection "
            "({reason}). Check the network and the address, or ask IT; nothing was written."
        ),
        "db.login": N_(
            "The database server {where} refused the user name or password. Check the address "
            "in the settings, or ask IT; nothing was written."
        ),
        "db.pg_missing": N_(
            "The database {where} does not exist on its server. Check the address, or ask IT "
            "to create it; nothing was written."
        ),
        "db.port": N_("The port in the database address must be a number (it is {port})."),
        "db.driver": N_(
            'KanimDesk works with SQLite and PostgreSQL databases; "{scheme}" is not one of them.'
        ),
        "db.url_option": N_(
            "The database address has an option that is not valid ({option}). Correct the address."
        ),
        "db.too_long": N_(
            "A value is longer than the database allows (for example a very long name): "
            "nothing was saved. Shorten it and try again."
        ),
        "db.bad_value": N_(
            "The database refused a value it cannot store: nothing was saved. "
            "Check the entries and try again."
        ),
        "db.conflict": N_(
            "Another counter saved the same record at the same moment, so this change was not "
            "saved. Try again: the record saved first is kept."
        ),
        "db.refused": N_(
            "The database refused the change because it breaks one of its rules: nothing was saved."
        ),
        "db.failed": N_(
            "The database reported an error: nothing was saved. Try again; if it happens "
            "again, tell the office's IT."
        ),
    }
)

# The address itself is wrong: the command line refuses with exit code 2.
REFUSALS = frozenset({"db.url", "db.missing", "db.folder_missing", "db.not_folder",
                      "db.not_database", "db.port", "db.driver", "db.url_option",
                      "db.login", "db.pg_missing"})  # fmt: skip
# Writing more into a damaged file can only lose more of it.
STOPS_WRITING = frozenset({"db.corrupt", "db.not_database"})

# SQLite primary result codes (sqlite3.h); Python gives the extended code.
_PERM, _BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT = 3, 5, 6, 8, 10, 11
_FULL, _CANTOPEN, _TOOBIG, _CONSTRAINT, _NOTADB = 13, 14, 18, 19, 26
# Below this much free space an I/O error is the disk being full (the -shm file needs 32 KB).
_NEARLY_FULL = 1 << 20


class DatabaseFault(Exception):
    """A database that cannot do what was asked, as a reason key; ``message(lang)`` says it."""

    def __init__(
        self, key: str, params: Mapping[str, object] | None = None, *, logged: bool = False
    ):
        self.key = key
        self.params = dict(params or {})
        self.logged = logged  # the detail is in the log file, and the message says where
        super().__init__(key)

    @property
    def refusal(self) -> bool:
        return self.key in REFUSALS

    @property
    def stops_writing(self) -> bool:
        return self.key in STOPS_WRITING

    def message(self, lang: str | None = None) -> str:
        words = text(self.key, lang, **self.params)
        if self.logged:
            from app.logs import log_file

            words += "\n" + text("db.see_log", lang, path=log_file())
        return words

    def __str__(self) -> str:
        return self.message("en")


def sqlite_file(url: str | None) -> Path | None:
    """The file of a SQLite URL (None for PostgreSQL, memory, or an address that does not parse)."""
    if not url:
        return None
    from sqlalchemy.engine import make_url

    try:
        parsed = make_url(url)
    except Exception:
        return None
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def server_of(url: str | None) -> str:
    """host:port/database of a server URL, never its password."""
    if not url:
        return "-"
    from sqlalchemy.engine import make_url

    try:
        parsed = make_url(url)
    except Exception:
        return "-"
    return f"{parsed.host or 'localhost'}:{parsed.port or 5432}/{parsed.database or ''}"


def database_fault(exc: BaseException, url: str | None = None) -> DatabaseFault | None:
    """The fault *exc* stands for (against the database at *url*), or None if it is not one."""
    if isinstance(exc, DatabaseFault):
        return exc
    from sqlalchemy.exc import DBAPIError

    orig: BaseException | None = exc
    if isinstance(exc, DBAPIError):
        orig = exc.orig
    if isinstance(orig, sqlite3.Error):
        return _sqlite_fault(orig, sqlite_file(url))
    if orig is not None and type(orig).__module__.startswith("psycopg"):
        return _postgres_fault(orig, url)
    if isinstance(orig, OSError) and orig.errno in (errno.ENOSPC, errno.EROFS, errno.EACCES):
        where = str(sqlite_file(url) or server_of(url))
        key = "db.full" if orig.errno == errno.ENOSPC else "db.read_only"
        return DatabaseFault(key, {"where": where})
    if isinstance(exc, DBAPIError):
        return DatabaseFault("db.failed")
    return None


def fault_message(
    exc: BaseException, lang: str | None = None, url: str | None = None
) -> str | None:
    """The program's words for a database exception, its detail logged once; None if not one."""
    fault = database_fault(exc, url)
    if fault is None:
        return None
    if fault is not exc:
        if not getattr(exc, "_kanimdesk_logged", False):
            where = fault.params.get("where", "-")
            log.error("database fault %s at %s", fault.key, where, exc_info=exc)
            exc._kanimdesk_logged = True  # type: ignore[attr-defined]
        fault.logged = True
    return fault.message(lang)


def _sqlite_fault(e: sqlite3.Error, path: Path | None) -> DatabaseFault:
    code = getattr(e, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    words = str(e)
    where = {"where": str(path) if path else "-"}
    if primary in (_BUSY, _LOCKED) or "is locked" in words:
        return DatabaseFault("db.locked", where)
    if primary == _READONLY or "readonly database" in words:
        return DatabaseFault("db.read_only", where)
    if primary == _FULL:
        return DatabaseFault("db.full", where)
    if primary == _CORRUPT or "malformed" in words:
        return DatabaseFault("db.corrupt", where)
    if primary == _NOTADB or "not a database" in words:
        return DatabaseFault("db.not_database", where)
    if primary in (_CANTOPEN, _IOERR, _PERM) or "unable to open" in words:
        return _diagnose(path, words, primary == _IOERR)
    if primary == _CONSTRAINT or isinstance(e, sqlite3.IntegrityError):
        return DatabaseFault("db.conflict" if "UNIQUE" in words else "db.refused")
    if primary == _TOOBIG:
        return DatabaseFault("db.too_long")
    return DatabaseFault("db.failed")


def _diagnose(path: Path | None, reason: str, disk_error: bool) -> DatabaseFault:
    """An open or I/O failure: which of missing, read-only, full or broken is it?"""
    if path is None:
        return DatabaseFault("db.cannot_open", {"where": "-", "reason": reason})
    where = {"where": str(path)}
    if not path.exists():
        folder = path.parent
        if folder.exists():
            return DatabaseFault("db.missing", where)
        return DatabaseFault("db.folder_missing", {**where, "folder": str(folder)})
    if is_read_only(path):
        return DatabaseFault("db.read_only", where)
    try:
        free = shutil.disk_usage(path.parent).free
    except OSError:
        free = _NEARLY_FULL
    if free < _NEARLY_FULL:
        return DatabaseFault("db.full", where)
    return DatabaseFault("db.disk" if disk_error else "db.cannot_open", {**where, "reason": reason})


def is_read_only(path: Path) -> bool:
    """True when the file, its folder or its drive refuses writing (access() sees a
    read-only mount even for root; statvfs says so where it exists)."""
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        return True
    statvfs = getattr(os, "statvfs", None)
    if statvfs is None:
        return False
    try:
        return bool(statvfs(path.parent).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def _postgres_fault(e: BaseException, url: str | None) -> DatabaseFault:
    state = getattr(e, "sqlstate", None) or ""
    where = {"where": server_of(url)}
    if not state:  # refused before any SQL ran: the address, the network or the server
        first = (str(e).strip().splitlines() or [type(e).__name__])[0]
        option = re.search(r'(?:option|for) "?(\w+)"?', first)
        if type(e).__name__ == "ProgrammingError" or "connection option" in first:
            return DatabaseFault("db.url_option", {"option": option[1] if option else first})
        if "password authentication" in first or "no password" in first:
            return DatabaseFault("db.login", where)
        if re.search(r'database "[^"]*" does not exist', first):
            return DatabaseFault("db.pg_missing", where)
        from app.logs import redact

        return DatabaseFault("db.server", {**where, "reason": redact(first)})
    keys = {"23505": "db.conflict", "22001": "db.too_long", "53100": "db.full",
            "25006": "db.read_only", "55P03": "db.locked", "40P01": "db.locked",
            "40001": "db.conflict", "3D000": "db.pg_missing"}  # fmt: skip
    if state in keys:
        return DatabaseFault(keys[state], where)
    if state.startswith("23"):
        return DatabaseFault("db.refused", where)
    if state.startswith("22"):
        return DatabaseFault("db.bad_value", where)
    if state.startswith("28"):
        return DatabaseFault("db.login", where)
    if state.startswith(("08", "57P")):
        return DatabaseFault("db.server", {**where, "reason": state})
    return DatabaseFault("db.failed", where)
