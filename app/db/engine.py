"""Engine and session factory for SQLite (default, WAL) and PostgreSQL (psycopg 3)."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from app.db.faults import DatabaseFault, database_fault, sqlite_file
from app.problems import InputRejected, Problem

# A lock held by another writer: wait this long per attempt, and try this often, saying
# "busy, retrying" in between — a few seconds, not the 30 s that looked like a hang.
BUSY_TIMEOUT_MS = 2000
WRITE_ATTEMPTS = 3
SQLITE_HEADER = b"SQLite format 3\x00"


def _shown(url: str) -> str:
    """The URL for a message: never with its password."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return url.split("@")[-1] if "@" in url else url


def _refused(key: str, **params: object) -> InputRejected:
    return InputRejected([Problem(key, "db", params)])


def normalize_url(url: str) -> str:
    """Accept plain postgresql:// URLs and route them to psycopg 3."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise _refused("db.url", url=_shown(url)) from exc
    except ValueError as exc:  # the port is read with int()
        port = re.search(r"@?[^/@:]*:([^/?]*)", url.partition("://")[2])
        raise _refused("db.port", port=port[1] if port else "?") from exc
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def _configure_sqlite(engine: Engine, path: Path | None, create: bool) -> None:
    # pysqlite's own transaction handling defers BEGIN and breaks SAVEPOINT and
    # locking; take it over (SQLAlchemy docs, "Serializable isolation / Savepoints").
    if path is not None and not create:

        @event.listens_for(engine, "do_connect")
        def _open_existing(_dialect, _record, cargs, cparams):
            # SQLite makes an empty file for a path that is not there (a mistyped --db, a
            # share that is not mounted) and the counter would hand out A-001 again: open
            # read-write only, so a missing file is an error, also when it vanishes later.
            cargs[0] = path.resolve().as_uri() + "?mode=rw"
            cparams["uri"] = True

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        # Writers take the lock at BEGIN so two counters never deadlock on upgrade.
        mode = "BEGIN IMMEDIATE" if conn.get_execution_options().get("write") else "BEGIN"
        conn.exec_driver_sql(mode)


def check_sqlite_file(path: Path, create: bool) -> None:
    """Refuse, naming it, a SQLite path that is not a database file (or, unless *create*, is
    not there); with *create*, make its folder."""
    folder = path.parent
    if folder.exists() and not folder.is_dir():
        raise _refused("db.not_folder", folder=folder, where=path)
    if path.is_dir():
        raise _refused("db.not_database", where=path)
    if not path.exists():
        if create:
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except (FileExistsError, NotADirectoryError):
                raise _refused("db.not_folder", folder=folder, where=path) from None
            except OSError as exc:
                reason = exc.strerror or str(exc)
                raise _refused("db.cannot_open", where=path, reason=reason) from None
            return
        if not folder.exists():
            raise _refused("db.folder_missing", folder=folder, where=path)
        raise _refused("db.missing", where=path)
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
    except OSError:
        return  # unreadable: SQLite's own error is diagnosed when it opens
    if head and head != SQLITE_HEADER:
        raise _refused("db.not_database", where=path)


def make_engine(url: str, create: bool = True) -> Engine:
    """An engine for *url*; a SQLite file is made only with *create* (else it must exist)."""
    url = normalize_url(url)
    try:
        return _make_engine(url, create)
    except (NoSuchModuleError, ArgumentError) as exc:
        raise _refused("db.url", url=_shown(url)) from exc
    except ImportError as exc:  # a dialect SQLAlchemy knows but whose driver is not installed
        raise _refused("db.driver", scheme=make_url(url).drivername) from exc


def _make_engine(url: str, create: bool) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = sqlite_file(url)
        if path is not None:
            check_sqlite_file(path, create)
        engine = create_engine(
            url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000}, hide_parameters=True
        )
        _configure_sqlite(engine, path, create)
        return engine
    if parsed.get_backend_name() != "postgresql":
        parsed.get_dialect()  # NoSuchModuleError: a scheme SQLAlchemy does not know at all
        raise _refused("db.driver", scheme=parsed.drivername)
    # hide_parameters: an error's text must never carry a NIK or a name (app.db.faults).
    return create_engine(url, pool_pre_ping=True, hide_parameters=True)


class Database:
    """One engine plus the session factories the services use.

    *create* (default True, for tools and tests that make databases) lets a missing
    SQLite file be made; what a user points the program at — --db, KANIMDESK_DB, the
    settings — is opened with ``create=False`` except the default file and ``kanimdesk
    init`` (app.cli.database, ui.context), so a wrong path is refused by name.
    """

    def __init__(self, url: str, *, create: bool = True):
        self.url = normalize_url(url)
        self.path = sqlite_file(self.url)
        self.engine = make_engine(self.url, create)
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        self._write = sessionmaker(
            self.engine.execution_options(write=True), expire_on_commit=False
        )
        # Called as on_busy(attempt, attempts) before another try at a locked database.
        self.on_busy: Callable[[int, int], None] | None = None
        # Set when the file was found damaged: every later write is refused with it.
        self.refused: DatabaseFault | None = None

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A read unit of work (rolled back at the end)."""
        try:
            with self._read() as s:
                yield s
        except Exception as exc:
            self._note(exc)
            raise

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A write unit of work: committed on success, rolled back on any error.

        A lock held elsewhere is waited for BUSY_TIMEOUT_MS, WRITE_ATTEMPTS times, telling
        ``on_busy`` before each new try; a damaged database refuses every write.
        """
        if self.refused is not None:
            raise DatabaseFault(self.refused.key, self.refused.params, logged=self.refused.logged)
        s = self._begin_writing()
        try:
            yield s
            s.commit()
        except Exception as exc:
            s.rollback()
            self._note(exc)
            raise
        finally:
            s.close()

    def _begin_writing(self) -> Session:
        for attempt in range(1, WRITE_ATTEMPTS + 1):
            s = self._write()
            try:
                s.begin()
                s.connection()  # BEGIN IMMEDIATE now: this is where a lock is met
                return s
            except OperationalError as exc:
                s.close()
                fault = database_fault(exc, self.url)
                if fault is None or fault.key != "db.locked" or attempt == WRITE_ATTEMPTS:
                    self._note(exc)
                    raise
                if self.on_busy is not None:
                    self.on_busy(attempt + 1, WRITE_ATTEMPTS)
                time.sleep(0.1 * attempt)
            except BaseException:
                s.close()
                raise
        raise AssertionError("unreachable")

    def _note(self, exc: BaseException) -> None:
        """Remember a damaged file, so that nothing more is written into it."""
        fault = database_fault(exc, self.url)
        if fault is not None and fault.stops_writing and self.refused is None:
            self.refused = fault

    def refuse_writes(self, fault: DatabaseFault) -> None:
        self.refused = fault

    def dispose(self) -> None:
        self.engine.dispose()
