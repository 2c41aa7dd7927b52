"""Create or upgrade the schema with Alembic without losing a row, one workstation at a time."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


# Search objects that migration 0006 makes by hand and the ORM models do not describe:
# SQLite's FTS5 trigram table over application names (and its shadow tables), and the
# PostgreSQL pg_trgm index on applicant names.
SEARCH_OBJECTS_PREFIX = "application_name_fts"
SEARCH_INDEXES = frozenset({"ix_applicant_name_trgm"})


def described_by_models(name: str | None, type_: str, parent_names: object) -> bool:
    """Alembic's ``include_name``: leave out the search objects that live outside the models."""
    return not (name or "").startswith(SEARCH_OBJECTS_PREFIX) and name not in SEARCH_INDEXES


class ForeignKeysBroken(RuntimeError):
    """A migration left rows pointing at nothing; it was rolled back."""


def alembic_config(url: str | None = None, script_location: Path | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(script_location or MIGRATIONS))
    if url:
        cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def upgrade(engine: Engine, revision: str = "head", script_location: Path | None = None) -> None:
    """Bring the schema to *revision*; the caller holds `setup_lock` when others may start too."""
    cfg = alembic_config(script_location=script_location)
    if engine.dialect.name == "sqlite":
        _upgrade_sqlite(engine, cfg, revision)
        return
    with engine.begin() as conn:
        _run(conn, cfg, revision)


def _run(conn: Connection, cfg: Config, revision: str) -> None:
    cfg.attributes["connection"] = conn
    command.upgrade(cfg, revision)


def _upgrade_sqlite(engine: Engine, cfg: Config, revision: str) -> None:
    # Batch mode rebuilds a table as CREATE new / copy / DROP old / rename; with foreign keys
    # on, the DROP cascades and deletes every row pointing at the table (a visit's answers
    # and findings). Alembic's advice: keys off for the migration (the pragma is ignored
    # inside a transaction, so it goes first), foreign_key_check before commit, keys on again.
    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys=OFF")
        try:
            write = conn.execution_options(write=True)  # BEGIN IMMEDIATE: one upgrader at a time
            with write.begin():
                _run(write, cfg, revision)
                broken = write.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    tables = sorted({str(row[0]) for row in broken})
                    raise ForeignKeysBroken(
                        f"{len(broken)} rows in {', '.join(tables)} point at nothing"
                    )
        finally:
            raw.execute("PRAGMA foreign_keys=ON")


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()
