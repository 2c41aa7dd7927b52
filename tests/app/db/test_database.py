"""Data layer on SQLite and PostgreSQL: migrations, seed, registration, tickets, tariffs."""

from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from app.db.engine import Database
from app.db.integrity import check_database
from app.db.models import Application, ApplicationFee, Service, Tariff, Ticket
from app.db.setup import init_database
from app.desk.registration import RegistrationForm, find_by_nik, register
from app.problems import InputRejected
from app.queue import tickets as queue

NIK = "1603015507900001"  # woman born 15 July 1990


def form(**kw):
    base = dict(nik=NIK, name="Siti Aminah", birth_date=date(1990, 7, 15), sex="P",
                kind="baru", product="epaspor", validity_years=10)  # fmt: skip
    base.update(kw)
    return RegistrationForm(**base)


def test_init_is_idempotent_and_seeds(db, settings):
    init_database(db, settings)
    init_database(db, settings)
    with db.session() as s:
        assert sorted(s.scalars(select(Service.prefix))) == ["A", "B", "C", "D"]
        assert s.scalar(select(func.count()).select_from(Tariff)) == 14
    assert check_database(db).ok


def test_register_walk_in_then_found_again(db, settings):
    now = datetime(2025, 2, 3, 9, 15)
    result = register(db, settings, form(priority="lansia"), officer="petugas1", now=now)
    assert result.ticket.number == "B-001" if False else result.ticket.number == "A-001"
    assert result.fee.total == 950_000
    assert result.ticket.priority == "lansia"
    again = find_by_nik(db, NIK)
    assert again is not None and again.name == "SITI AMINAH" and again.sex == "P"
    second = register(db, settings, form(kind="hilang", validity_years=5), now=now)
    assert second.ticket.number == "B-001"
    assert second.applicant_id == result.applicant_id
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Application)) == 2
        assert s.scalar(select(func.count()).select_from(ApplicationFee)) == 3


def test_bad_form_saves_nothing(db, settings):
    with pytest.raises(InputRejected) as exc:
        register(
            db, settings, form(nik="123", name="", validity_years=10, birth_date=date(2015, 1, 1))
        )
    fields = exc.value.by_field("en")
    assert {"nik", "name", "validity_years"} <= set(fields)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Ticket)) == 0
        assert s.scalar(select(func.count()).select_from(Application)) == 0


def test_disagreeing_birth_date_is_a_warning(db, settings):
    result = register(db, settings, form(birth_date=date(1990, 7, 16)), now=datetime(2025, 1, 2, 8))
    assert [w.key for w in result.warnings] == ["nik.warn_birth"]


def test_ticket_numbers_are_per_day_and_prefix(db, settings):
    day1 = datetime(2025, 5, 5, 8, 0)
    numbers = [queue.issue_ticket(db, settings.office.code, "A", now=day1).number for _ in range(3)]
    assert numbers == ["A-001", "A-002", "A-003"]
    assert queue.issue_ticket(db, settings.office.code, "C", now=day1).number == "C-001"
    assert (
        queue.issue_ticket(db, settings.office.code, "A", now=datetime(2025, 5, 6, 8)).number
        == "A-001"
    )


def test_waiting_ahead_and_priority_order(db, settings):
    code = settings.office.code
    now = datetime.now()
    a1 = queue.issue_ticket(db, code, "A", now=now)
    a2 = queue.issue_ticket(db, code, "A", now=now)
    p3 = queue.issue_ticket(db, code, "A", priority="ibu_hamil", now=now)
    assert (a1.waiting_ahead, a2.waiting_ahead, p3.waiting_ahead) == (0, 1, 0)
    called = queue.call_next(db, code, counter="1")
    assert called.number == p3.number and called.status == "called"
    started = queue.act(db, called.id, "start")
    assert queue.act(db, started.id, "finish").status == "done"
    assert queue.call_next(db, code, counter="2").number == a1.number
    with pytest.raises(InputRejected):
        queue.act(db, p3.id, "start")


def test_unknown_service_is_refused(db, settings):
    with pytest.raises(InputRejected) as exc:
        queue.issue_ticket(db, settings.office.code, "Z")
    assert "Z" in exc.value.message("id")


def test_duplicate_number_is_blocked_by_constraint(db, settings):
    from sqlalchemy.exc import IntegrityError

    t = queue.issue_ticket(db, settings.office.code, "A")
    with pytest.raises(IntegrityError):
        with db.write() as s:
            s.add(
                Ticket(office_id=1, service_id=1, ticket_date=t.ticket_date, prefix="A", sequence=1)
            )


def test_database_url_errors_are_clear():
    with pytest.raises(InputRejected) as exc:
        Database("not a url")
    assert "tidak valid" in exc.value.message("id")


def test_migrations_build_exactly_the_models(db):
    """Every schema change goes through Alembic: the migrated database equals the ORM models."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    import app.db.admin_models  # noqa: F401
    import app.db.figure_models  # noqa: F401
    import app.db.visit_models  # noqa: F401
    from app.db.migrate import described_by_models
    from app.db.models import Base

    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": described_by_models})
        assert compare_metadata(context, Base.metadata) == []


def test_schema_state_agrees_with_alembic(db):
    from app.db.migrate import current_revision, head_revision
    from app.db.schema_state import head_from_files, is_current

    assert head_from_files() == head_revision() == current_revision(db.engine)
    assert is_current(db.engine)
