"""statistics: a cache of closed days' figures, kept true by triggers

Revision ID: 0009
Revises: 0008

app.figures.statistics_cache keeps each closed day's counts and spreads (figure_day) and each
closed month's spreads and seconds histogram (figure_month, figure_month_hist), so that a
year's figures are read from a few thousand rows instead of a million. The database itself
marks a day dirty (figure_dirty) whenever a row those figures come from is inserted, changed
or deleted: an application, its applicant's sex or birth date, a stage step, a ticket, a
stay-permit request. A changed SOP target throws the whole cache away. Only days before
today (UTC) are marked: today's busy queue never writes here, and days are cached only once
they are two days old (app.figures.statistics_cache.CLOSED_DAYS).
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

CACHE = ("figure_day", "figure_month", "figure_month_hist")

# (table, trigger name part, the office and day of a row given its alias NEW or OLD)
SOURCES = (
    ("application", "application", "{r}.office_id", "{r}.application_date"),
    ("ticket", "ticket", "{r}.office_id", "{r}.ticket_date"),
    ("stay_permit_request", "permit", "{r}.office_id", "{r}.request_date"),
)


def _tables() -> None:
    op.create_table(
        "figure_dirty",
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("office_id", "day", name=op.f("pk_figure_dirty")),
    )
    for name, period in (("figure_day", "day"), ("figure_month", "month")):
        op.create_table(
            name,
            sa.Column("office_id", sa.Integer(), nullable=False),
            sa.Column(period, sa.Date(), nullable=False),
            sa.Column("key", sa.String(length=60), nullable=False),
            sa.Column("value", sa.BigInteger(), nullable=False),
            sa.PrimaryKeyConstraint("office_id", period, "key", name=op.f(f"pk_{name}")),
        )
    op.create_table(
        "figure_month_hist",
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("measure", sa.String(length=1), nullable=False),
        sa.Column("service_id", sa.Integer(), nullable=False),
        sa.Column("v", sa.Integer(), nullable=False),
        sa.Column("c", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            "office_id", "month", "measure", "service_id", "v", name=op.f("pk_figure_month_hist")
        ),
    )


# --- SQLite ------------------------------------------------------------------------------------


def _sqlite_mark(office: str, day: str) -> str:
    return (
        f"INSERT INTO figure_dirty (office_id, day, seq) SELECT {office}, {day}, 1 "
        f"WHERE {day} < date('now') "
        "ON CONFLICT (office_id, day) DO UPDATE SET seq = seq + 1;"
    )


def _sqlite_mark_application(application_id: str) -> str:
    return (
        "INSERT INTO figure_dirty (office_id, day, seq) SELECT office_id, application_date, 1 "
        f"FROM application WHERE id = {application_id} AND application_date < date('now') "
        "ON CONFLICT (office_id, day) DO UPDATE SET seq = seq + 1;"
    )


def _sqlite_up() -> None:
    for table, part, office, day in SOURCES:
        new, old = (
            (office.format(r="NEW"), day.format(r="NEW")),
            (
                office.format(r="OLD"),
                day.format(r="OLD"),
            ),
        )
        op.execute(
            f"CREATE TRIGGER figure_dirty_{part}_insert AFTER INSERT ON {table} "
            f"BEGIN {_sqlite_mark(*new)} END"
        )
        op.execute(
            f"CREATE TRIGGER figure_dirty_{part}_update AFTER UPDATE ON {table} "
            f"BEGIN {_sqlite_mark(*old)} {_sqlite_mark(*new)} END"
        )
        op.execute(
            f"CREATE TRIGGER figure_dirty_{part}_delete AFTER DELETE ON {table} "
            f"BEGIN {_sqlite_mark(*old)} END"
        )
    for event, ref in (("INSERT", "NEW"), ("DELETE", "OLD")):
        op.execute(
            f"CREATE TRIGGER figure_dirty_stage_{event.lower()} AFTER {event} ON application_stage "
            f"BEGIN {_sqlite_mark_application(f'{ref}.application_id')} END"
        )
    op.execute(
        "CREATE TRIGGER figure_dirty_stage_update AFTER UPDATE ON application_stage BEGIN "
        f"{_sqlite_mark_application('OLD.application_id')} "
        f"{_sqlite_mark_application('NEW.application_id')} END"
    )
    op.execute(
        "CREATE TRIGGER figure_dirty_applicant AFTER UPDATE OF sex, birth_date ON applicant BEGIN "
        "INSERT INTO figure_dirty (office_id, day, seq) SELECT office_id, application_date, 1 "
        "FROM application WHERE applicant_id = NEW.id AND application_date < date('now') "
        "ON CONFLICT (office_id, day) DO UPDATE SET seq = seq + 1; END"
    )
    op.execute(
        "CREATE TRIGGER figure_cache_sop AFTER UPDATE OF sop_minutes ON service BEGIN "
        + " ".join(f"DELETE FROM {t};" for t in CACHE)
        + " END"
    )


def _sqlite_down() -> None:
    names = [f"figure_dirty_{part}_{e}" for _t, part, *_ in SOURCES for e in ("insert", "update", "delete")]  # fmt: skip
    names += [f"figure_dirty_stage_{e}" for e in ("insert", "update", "delete")]
    names += ["figure_dirty_applicant", "figure_cache_sop"]
    for name in names:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")


# --- PostgreSQL --------------------------------------------------------------------------------

_PG_MARK = """
CREATE FUNCTION figure_mark_dirty(office integer, d date) RETURNS void LANGUAGE sql AS $$
  INSERT INTO figure_dirty (office_id, day, seq)
  SELECT office, d, 1 WHERE d < (now() AT TIME ZONE 'UTC')::date
  ON CONFLICT (office_id, day) DO UPDATE SET seq = figure_dirty.seq + 1
$$
"""


def _pg_row_function(part: str, office: str, day: str) -> str:
    return f"""
CREATE FUNCTION figure_dirty_{part}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM figure_mark_dirty({office.format(r="OLD")}, {day.format(r="OLD")});
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM figure_mark_dirty({office.format(r="NEW")}, {day.format(r="NEW")});
  END IF;
  RETURN NULL;
END $$
"""


_PG_STAGE = """
CREATE FUNCTION figure_dirty_stage() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM figure_mark_dirty(a.office_id, a.application_date)
      FROM application a WHERE a.id = OLD.application_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM figure_mark_dirty(a.office_id, a.application_date)
      FROM application a WHERE a.id = NEW.application_id;
  END IF;
  RETURN NULL;
END $$
"""

_PG_APPLICANT = """
CREATE FUNCTION figure_dirty_applicant() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM figure_mark_dirty(a.office_id, a.application_date)
    FROM application a WHERE a.applicant_id = NEW.id;
  RETURN NULL;
END $$
"""

_PG_SOP = f"""
CREATE FUNCTION figure_cache_sop() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  {" ".join(f"DELETE FROM {t};" for t in CACHE)}
  RETURN NULL;
END $$
"""


def _pg_up() -> None:
    op.execute(_PG_MARK)
    for table, part, office, day in SOURCES:
        op.execute(_pg_row_function(part, office, day))
        op.execute(
            f"CREATE TRIGGER figure_dirty_{part} AFTER INSERT OR UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION figure_dirty_{part}()"
        )
    op.execute(_PG_STAGE)
    op.execute(
        "CREATE TRIGGER figure_dirty_stage AFTER INSERT OR UPDATE OR DELETE ON application_stage "
        "FOR EACH ROW EXECUTE FUNCTION figure_dirty_stage()"
    )
    op.execute(_PG_APPLICANT)
    op.execute(
        "CREATE TRIGGER figure_dirty_applicant AFTER UPDATE OF sex, birth_date ON applicant "
        "FOR EACH ROW EXECUTE FUNCTION figure_dirty_applicant()"
    )
    op.execute(_PG_SOP)
    op.execute(
        "CREATE TRIGGER figure_cache_sop AFTER UPDATE OF sop_minutes ON service "
        "FOR EACH STATEMENT EXECUTE FUNCTION figure_cache_sop()"
    )


def _pg_down() -> None:
    for table, part, *_ in SOURCES:
        op.execute(f"DROP TRIGGER IF EXISTS figure_dirty_{part} ON {table}")
        op.execute(f"DROP FUNCTION IF EXISTS figure_dirty_{part}()")
    for trigger, table in (("figure_dirty_stage", "application_stage"),
                           ("figure_dirty_applicant", "applicant"), ("figure_cache_sop", "service")):  # fmt: skip
        op.execute(f"DROP TRIGGER IF EXISTS {trigger} ON {table}")
        op.execute(f"DROP FUNCTION IF EXISTS {trigger}()")
    op.execute("DROP FUNCTION IF EXISTS figure_mark_dirty(integer, date)")


def upgrade() -> None:
    _tables()
    if op.get_bind().dialect.name == "postgresql":
        _pg_up()
    else:
        _sqlite_up()


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _pg_down()
    else:
        _sqlite_down()
    for table in ("figure_month_hist", "figure_month", "figure_day", "figure_dirty"):
        op.drop_table(table)
