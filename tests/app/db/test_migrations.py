"""Migrations never lose a row: from every earlier revision to head on both databases, a batch
rebuild on SQLite keeps the rows that point at the rebuilt table, two workstations may start at
the same moment, and a schema this program does not know is refused before anything is written."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    Integer,
    LargeBinary,
    MetaData,
    Numeric,
    String,
    Text,
    func,
    select,
    text,
)

from app.db.engine import Database
from app.db.migrate import MIGRATIONS, SEARCH_OBJECTS_PREFIX, alembic_config, upgrade
from app.db.setup import init_database
from app.problems import InputRejected

ROOT = Path(__file__).resolve().parents[3]


def _revisions_oldest_first() -> list[str]:
    script = ScriptDirectory.from_config(alembic_config())
    return [r.revision for r in reversed(list(script.walk_revisions()))]


def _value(column, i: int):
    """A plausible value of the column's type for the i-th row (distinct per row for unique keys)."""
    t = column.type
    if isinstance(t, Boolean):
        return i % 2 == 0
    if isinstance(t, DateTime):
        return datetime(2024, 7, 1 + i, 9, 30)
    if isinstance(t, Date):
        return date(2024, 7, 1 + i)
    if isinstance(t, Integer):
        return i
    if isinstance(t, Numeric) and not isinstance(t, Float):
        return Decimal(1000 * i)
    if isinstance(t, Float):
        return 0.5 * i
    if isinstance(t, JSON):
        return {"row": i}
    if isinstance(t, LargeBinary):
        return b"\x00\x01" * i
    if isinstance(t, String | Text):
        length = getattr(t, "length", None) or 40
        return f"{column.name[:6]}{i}"[-length:]  # the row number survives a short column
    raise AssertionError(f"no sample value for {column.table.name}.{column.name}: {t!r}")


def fill_every_table(db: Database, rows_per_table: int = 3) -> dict[str, int]:
    """Rows in every table the schema has at its current revision, found by reflection, so a
    migration written later is tested against data without anyone writing rows for it."""
    meta = MetaData()
    meta.reflect(db.engine)
    ids: dict[str, list[int]] = {}
    with db.engine.begin() as conn:
        for table in meta.sorted_tables:
            # The search index is filled by its triggers, never written directly.
            if table.name == "alembic_version" or table.name.startswith(SEARCH_OBJECTS_PREFIX):
                continue
            fks = {fk.parent.name: fk.column.table.name for fk in table.foreign_keys}
            for i in range(1, rows_per_table + 1):
                row = {}
                for column in table.columns:
                    if (
                        column.primary_key
                        and isinstance(column.type, Integer)
                        and len(table.primary_key) == 1
                    ):
                        continue
                    parent = fks.get(column.name)
                    if parent is not None:
                        if parent == table.name:  # a copy pointing at its original: leave empty
                            continue
                        row[column.name] = ids[parent][i - 1]
                    else:
                        row[column.name] = _value(column, i)
                result = conn.execute(table.insert().values(**row))
                if table.primary_key and len(table.primary_key) == 1:
                    ids.setdefault(table.name, []).append(result.inserted_primary_key[0])
        # The search index's own tables (FTS5 shadow tables) hold what its triggers made.
        return {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                for t in meta.sorted_tables if t.name != "alembic_version"
                and not t.name.startswith(SEARCH_OBJECTS_PREFIX)}  # fmt: skip


def row_counts(db: Database, tables) -> dict[str, int]:
    with db.engine.connect() as conn:
        return {
            name: conn.execute(text(f'SELECT COUNT(*) FROM "{name}"')).scalar_one()
            for name in tables
        }


@pytest.mark.parametrize("revision", _revisions_oldest_first()[:-1])
def test_upgrade_from_an_earlier_revision_keeps_every_row(db_url, revision):
    db = Database(db_url)
    try:
        upgrade(db.engine, revision)
        before = fill_every_table(db)
        assert before and all(n == 3 for n in before.values()), before
        upgrade(db.engine)
        assert row_counts(db, before) == before
        with db.engine.connect() as conn:
            if db.is_sqlite:
                assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
                assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        db.dispose()


_REBUILD_VISIT = '''"""Rebuild the visit table as a batch column change does."""
from alembic import op

revision = "9999_rebuild_visit"
down_revision = "{head}"


def upgrade():
    with op.batch_alter_table("visit", recreate="always"):
        pass


def downgrade():
    pass
'''


def _migrations_with_a_visit_rebuild(tmp_path: Path) -> Path:
    folder = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS, folder, ignore=shutil.ignore_patterns("__pycache__"))
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    (folder / "versions" / "9999_rebuild_visit.py").write_text(_REBUILD_VISIT.format(head=head))
    return folder


def _visit_rows(db: Database) -> dict[str, int]:
    return row_counts(
        db, ["visit", "visit_answer", "finding", "finding_follow_up", "visit_attachment"]
    )


def test_a_batch_rebuild_of_visit_keeps_its_answers_findings_and_photos(tmp_path, settings):
    from app.demo.visits import generate_demo_visits

    db = Database(f"sqlite:///{tmp_path / 'visits.sqlite'}")
    init_database(db, settings)
    generate_demo_visits(db, settings)
    before = _visit_rows(db)
    assert all(before.values()), before
    upgrade(db.engine, script_location=_migrations_with_a_visit_rebuild(tmp_path))
    assert _visit_rows(db) == before
    db.dispose()


def test_the_same_rebuild_with_foreign_keys_on_would_have_deleted_them(tmp_path, settings):
    """Why migrations run with keys off: the old way (keys on) loses the visit's rows."""
    from alembic import command

    from app.demo.visits import generate_demo_visits

    db = Database(f"sqlite:///{tmp_path / 'visits.sqlite'}")
    init_database(db, settings)
    generate_demo_visits(db, settings)
    before = _visit_rows(db)
    cfg = alembic_config(script_location=_migrations_with_a_visit_rebuild(tmp_path))
    with db.engine.begin() as conn:  # foreign_keys=ON, as every connection has it
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    after = _visit_rows(db)
    assert after["visit"] == before["visit"] and after["visit_answer"] < before["visit_answer"]
    db.dispose()


@pytest.mark.parametrize("version_rows", [["ffff_from_the_future"], ["0001", "0002"]],
                         ids=["newer", "two-rows"])  # fmt: skip
def test_a_schema_this_program_does_not_know_is_refused_and_nothing_written(
    db_url, settings, version_rows
):
    db = Database(db_url)
    try:
        init_database(db, settings)
        with db.engine.begin() as conn:
            conn.execute(text("DELETE FROM alembic_version"))
            for rev in version_rows:
                conn.execute(
                    text("INSERT INTO alembic_version (version_num) VALUES (:v)"), {"v": rev}
                )
        with db.engine.connect() as conn:
            tickets = conn.execute(text("SELECT COUNT(*) FROM ticket")).scalar_one()
        with pytest.raises(InputRejected) as exc:
            init_database(db, settings)
        key = exc.value.problems[0].key
        assert key == ("db.newer" if len(version_rows) == 1 else "db.foreign")
        assert version_rows[0] in exc.value.message("en")
        # The command line refuses too, with the words and exit code 2, and issues no number.
        env = dict(os.environ, KANIMDESK_DB=db_url)
        out = subprocess.run([sys.executable, "-m", "app.cli", "--lang", "en", "ticket", "issue", "--service", "A"],
                             cwd=ROOT, env=env, capture_output=True, text=True)  # fmt: skip
        assert out.returncode == 2, out.stderr
        assert "newer KanimDesk" in out.stderr or "schema" in out.stderr
        assert "Traceback" not in out.stderr
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT COUNT(*) FROM ticket")).scalar_one() == tickets
    finally:
        db.dispose()


@pytest.mark.postgres
@pytest.mark.parametrize("start_at", [None, "0001"], ids=["fresh", "older"])
def test_two_workstations_starting_at_once_on_postgres_both_open_it(pg_url, start_at):
    # PostgreSQL's race only: SQLite writers serialise with BEGIN IMMEDIATE.
    db_url = pg_url
    if start_at:
        db = Database(db_url)
        upgrade(db.engine, start_at)
        db.dispose()
    env = dict(os.environ, KANIMDESK_DB=db_url)
    procs = [subprocess.Popen([sys.executable, "-m", "app.cli", "init"], cwd=ROOT, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]  # fmt: skip
    results = [p.communicate(timeout=120) + (p.returncode,) for p in procs]
    assert [r[2] for r in results] == [0, 0], results
    db = Database(db_url)
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM alembic_version")).scalar_one() == 1
        assert conn.execute(text("SELECT COUNT(*) FROM office")).scalar_one() == 1
    db.dispose()
