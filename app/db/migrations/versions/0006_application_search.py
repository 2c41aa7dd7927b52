"""finding any application: a trigram index of the applicants' names

Revision ID: 0006
Revises: 0005

Name-piece search over a million applications answers from an index, not from a scan of every
name (LIKE '%…%' over 1,000,000 names costs about 100 ms on SQLite).

SQLite: an FTS5 table with the trigram tokenizer (SQLite ≥ 3.34, which every supported Python
ships) holding the applicant's name of every *application*, rowid = application.id. Keyed by
the application rather than the applicant, the index itself gives the list's default order
(newest number first): a page of the applications whose name holds a piece is read from it
until 200 are found, in about a millisecond whether the piece is rare or in every tenth name.
It is an external-content table over the view application_name (application id, applicant
name), so it stores no second copy of the names and can be checked and rebuilt from them.
Triggers keep it in step, whoever writes: an application added, removed or moved to another
applicant, and an applicant renamed (the renamed person's applications are indexed again). The
migration fills it for the rows already there ('rebuild', then 'optimize' into one segment:
a rare piece is then found in ~1.5 ms instead of ~8). detail=full (the default) lets a quoted
phrase match a piece exactly; columnsize=0 drops the per-row sizes only ranking needs.

Beware: a later batch migration that rebuilds applicant or application on SQLite
(op.batch_alter_table: create new / copy / drop old / rename) drops that table's triggers with
the old table. Such a migration must create them again as below and run the 'rebuild'.

PostgreSQL: the pg_trgm extension and a GIN index (gin_trgm_ops) on applicant.name, which
ILIKE '%…%' uses; PostgreSQL's planner joins it to the applications from its statistics.
Creating the extension needs, on PostgreSQL 13 and later, only the CREATE privilege on the
database (pg_trgm is a trusted extension; the database owner has it) and the contrib modules
on the server (Debian/Ubuntu: part of the postgresql-NN package; the Windows installer has
them). What an office DBA does where the KanimDesk role may not create it (PostgreSQL 12 or
older, or a restricted role): once, as a superuser, in the KanimDesk database:

    CREATE EXTENSION IF NOT EXISTS pg_trgm;

before KanimDesk is first started on it (or `kanimdesk init`). If the extension cannot be
created the upgrade still completes, without the index — search then works by a slower scan,
and the log's warning names the statements — and after the statement above the index is made
by hand:

    CREATE INDEX ix_applicant_name_trgm ON applicant USING gin (name gin_trgm_ops);

None of these objects is in the ORM models (app/db/models.py): they belong to one engine each.
"""

import logging

from alembic import op
from sqlalchemy.exc import DBAPIError

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

log = logging.getLogger("alembic.runtime.migration")

FTS = "application_name_fts"
VIEW = "application_name"
TRGM_INDEX = "ix_applicant_name_trgm"


def _index(app_id: str, name: str) -> str:
    return f"INSERT INTO {FTS}(rowid, name) VALUES ({app_id}, {name});"


def _unindex(app_id: str, name: str) -> str:
    # External content: the index is told the old value it must forget (FTS5 docs, 4.4.3).
    return f"INSERT INTO {FTS}({FTS}, rowid, name) VALUES ('delete', {app_id}, {name});"


_NAME_OF = "(SELECT name FROM applicant WHERE id = {0}.applicant_id)"
TRIGGERS = {
    f"{FTS}_application_insert": "AFTER INSERT ON application BEGIN "
    + _index("new.id", _NAME_OF.format("new"))
    + " END",
    f"{FTS}_application_delete": "AFTER DELETE ON application BEGIN "
    + _unindex("old.id", _NAME_OF.format("old"))
    + " END",
    f"{FTS}_application_update": "AFTER UPDATE OF id, applicant_id ON application BEGIN "
    + _unindex("old.id", _NAME_OF.format("old"))
    + " "
    + _index("new.id", _NAME_OF.format("new"))
    + " END",
    f"{FTS}_applicant_rename": "AFTER UPDATE OF name ON applicant BEGIN "
    f"INSERT INTO {FTS}({FTS}, rowid, name) "
    "SELECT 'delete', id, old.name FROM application WHERE applicant_id = old.id; "
    f"INSERT INTO {FTS}(rowid, name) "
    "SELECT id, new.name FROM application WHERE applicant_id = new.id; END",
}


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _upgrade_sqlite()
    elif dialect == "postgresql":
        _upgrade_postgresql()


def _upgrade_sqlite() -> None:
    op.execute(
        f"CREATE VIEW {VIEW} AS SELECT application.id AS id, applicant.name AS name "
        "FROM application JOIN applicant ON applicant.id = application.applicant_id"
    )
    op.execute(
        f"CREATE VIRTUAL TABLE {FTS} USING fts5(name, content='{VIEW}', content_rowid='id', "
        "tokenize='trigram', columnsize=0)"
    )
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")
    op.execute(f"INSERT INTO {FTS}({FTS}) VALUES ('rebuild')")
    op.execute(f"INSERT INTO {FTS}({FTS}) VALUES ('optimize')")


def _upgrade_postgresql() -> None:
    bind = op.get_bind()
    try:
        # A savepoint: a refused CREATE EXTENSION must not abort the whole upgrade.
        with bind.begin_nested():
            bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except DBAPIError as exc:
        log.warning(
            "pg_trgm could not be created (%s); name search will scan the applicant table. "
            "A superuser runs once in this database: CREATE EXTENSION IF NOT EXISTS pg_trgm; "
            "then: CREATE INDEX %s ON applicant USING gin (name gin_trgm_ops);",
            exc.orig.__class__.__name__ if exc.orig is not None else exc.__class__.__name__,
            TRGM_INDEX,
        )
        return
    op.execute(f"CREATE INDEX {TRGM_INDEX} ON applicant USING gin (name gin_trgm_ops)")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for name in TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute(f"DROP TABLE IF EXISTS {FTS}")
        op.execute(f"DROP VIEW IF EXISTS {VIEW}")
    elif dialect == "postgresql":
        # The extension stays: other objects, or the DBA, may use it.
        op.execute(f"DROP INDEX IF EXISTS {TRGM_INDEX}")
