"""Imported historical figures as the statistics show them, and imports meeting other writers."""

from __future__ import annotations

import os
import threading
import time

import pytest
from sqlalchemy import create_engine, text

from app.db.engine import Database
from app.db.setup import init_database
from app.figures.history_import import import_history_csv

from tests.app.figures.test_history_import import OFFICE, SAMPLE, TODAY, _figures, _sample_values


def test_statistics_show_an_imported_month_as_source_import(db):
    from app.figures.statistics import statistics
    from app.figures.statistics_model import Period

    import_history_csv(db, OFFICE, SAMPLE, today=TODAY)
    figures = statistics(db, OFFICE, Period.months((2023, 1), (2023, 12)))
    sample = _sample_values()
    assert [b.source for b in figures.buckets] == ["import"] * 12
    assert [b.epaspor for b in figures.buckets] == [
        sample[(2023, m, "epaspor_applicants")] for m in range(1, 13)
    ]
    june = figures.buckets[5]
    assert (june.applications, june.ordinary, june.walk_in, june.booked, june.wna_services,
            june.tickets) == (582, 521, 47, 535, 10, 662)  # fmt: skip
    assert figures.total.epaspor == 727 and figures.differences == []


def _waiting_on_a_lock(database: str, timeout: float = 30) -> bool:
    admin = create_engine(
        os.environ["KANIMDESK_TEST_PG"].replace("postgresql://", "postgresql+psycopg://")
    )
    try:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with admin.connect() as conn:
                waiting = conn.execute(text("SELECT count(*) FROM pg_stat_activity "
                                            "WHERE datname = :d AND wait_event_type = 'Lock'"),
                                       {"d": database}).scalar_one()  # fmt: skip
            if waiting:
                return True
            time.sleep(0.05)  # polling a condition, not waiting a fixed time
        return False
    finally:
        admin.dispose()


@pytest.mark.postgres
def test_a_figure_another_workstation_stores_meanwhile_is_replaced_not_a_failure(pg_url, settings):
    """The import meets another transaction's uncommitted figure for the same month and metric:
    once that commits, the import overwrites it instead of failing on the unique key."""
    db = Database(pg_url)
    init_database(db, settings)
    other = db.engine.connect()
    outcome: list[object] = []
    try:
        tx = other.begin()
        other.execute(text("INSERT INTO monthly_figure (office_code, year, month, metric, value, source, "
                           "updated_at) VALUES ('MUARAENIM', 2023, 6, 'epaspor_applicants', 1, 'office', "
                           "now())"))  # fmt: skip
        worker = threading.Thread(target=lambda: outcome.append(
            import_history_csv(db, OFFICE, SAMPLE, today=TODAY)))  # fmt: skip
        worker.start()
        assert _waiting_on_a_lock(pg_url.rsplit("/", 1)[1])
        tx.commit()
        worker.join(timeout=60)
    finally:
        other.close()
    try:
        assert len(outcome) == 1 and outcome[0].imported == 84
        assert _figures(db)[(2023, 6, "epaspor_applicants")] == (61.0, "import")
        assert len(_figures(db)) == 84
    finally:
        db.dispose()
