"""Shared fixtures: headless Qt, isolated settings/data folders, real SQLite and PostgreSQL databases."""

from __future__ import annotations

import os
import uuid

# Before any Qt import anywhere in the test session.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from sqlalchemy import create_engine, text

from app.config import Settings
from app.db.engine import Database
from app.db.setup import init_database

PG_URL = os.environ.get("KANIMDESK_TEST_PG")


@pytest.fixture(autouse=True)
def _isolated_folders(tmp_path, monkeypatch):
    """Never touch the real user's settings or database."""
    monkeypatch.setenv("KANIMDESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("KANIMDESK_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("KANIMDESK_LOG_DIR", str(tmp_path / "logs"))
    monkeypatch.delenv("KANIMDESK_DB", raising=False)


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the program's default language (Indonesian), whatever the last one set."""
    from app.i18n import DEFAULT_LANGUAGE, set_language

    set_language(DEFAULT_LANGUAGE)
    yield
    set_language(DEFAULT_LANGUAGE)


@pytest.fixture
def settings() -> Settings:
    return Settings()


def _pg_database_url() -> str:
    name = "kd_" + uuid.uuid4().hex[:12]
    admin = create_engine(
        PG_URL.replace("postgresql://", "postgresql+psycopg://"), isolation_level="AUTOCOMMIT"
    )
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return PG_URL.rsplit("/", 1)[0] + "/" + name


def _pg_drop(url: str) -> None:
    name = url.rsplit("/", 1)[1]
    admin = create_engine(
        PG_URL.replace("postgresql://", "postgresql+psycopg://"), isolation_level="AUTOCOMMIT"
    )
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _require_pg() -> None:
    if not PG_URL:
        if os.environ.get("CI"):
            pytest.fail("KANIMDESK_TEST_PG is not set: .ci/run must start PostgreSQL")
        pytest.skip("no PostgreSQL server (set KANIMDESK_TEST_PG)")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, tmp_path):
    """An empty database URL on each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'kanimdesk.sqlite'}"
        return
    _require_pg()
    url = _pg_database_url()
    yield url
    _pg_drop(url)


@pytest.fixture
def pg_url():
    """An empty PostgreSQL database URL (for what only PostgreSQL has: its locks and races)."""
    _require_pg()
    url = _pg_database_url()
    yield url
    _pg_drop(url)


@pytest.fixture
def db(db_url, settings, tmp_path_factory):
    """An initialised database (schema + seed) on each backend."""
    from app.db.faults import sqlite_file

    path = sqlite_file(db_url)
    if path is not None:
        database = _initialised_copy(path, settings, tmp_path_factory)
    else:
        database = Database(db_url)
        init_database(database, settings)
    yield database
    database.dispose()


_INITIALISED: dict[tuple[str, str], object] = {}


def _initialised_copy(path, settings: Settings, factory) -> Database:
    """An initialised SQLite database at *path*: a copy (SQLite's backup API) of one made once
    per session by init_database for these office settings. Creating the schema took 0.16–0.22 s
    per test, three minutes of a CI run that must stay under twenty."""
    import sqlite3

    key = (settings.office.code, settings.office.name)
    template = _INITIALISED.get(key)
    if template is None:
        template = factory.mktemp("initialised") / "template.sqlite"
        made = Database(f"sqlite:///{template}")
        init_database(made, settings)
        made.dispose()
        _INITIALISED[key] = template
    source, target = sqlite3.connect(template), sqlite3.connect(path)
    try:
        source.backup(target)
    finally:
        source.close()
        target.close()
    return Database(f"sqlite:///{path}")


@pytest.fixture
def sqlite_db(tmp_path, settings, tmp_path_factory):
    """An initialised SQLite database only (for UI and report tests)."""
    database = _initialised_copy(tmp_path / "desk.sqlite", settings, tmp_path_factory)
    yield database
    database.dispose()
