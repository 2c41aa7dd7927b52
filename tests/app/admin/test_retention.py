"""Retention: applicants not seen for the period lose their personal fields, their
applications and the office's figures stay; a dry run changes nothing; the purge is audited."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from app.admin.audit import audit_rows
from app.admin.retention import ANONYMOUS_NAME, purge
from app.db.models import Applicant, Application
from app.problems import InputRejected

from tests.app.cli.test_application_cli import cli
from tests.app.desk.walk_ins import register_walk_ins


def _people(db):
    with db.session() as s:
        return {a.id: (a.nik, a.name, a.phone) for a in s.scalars(select(Applicant))}


def _backdate(db, ids, day):
    from sqlalchemy import update

    with db.write() as s:
        s.execute(update(Applicant).where(Applicant.id.in_(ids)).values(
            created_at=datetime.combine(day, datetime.min.time())))  # fmt: skip


def test_old_applicants_are_anonymised_and_their_applications_stay(db, settings):
    old = register_walk_ins(db, settings, 3, datetime(2025, 1, 10, 9, 0), phone="081234567890")
    recent = register_walk_ins(db, settings, 2, datetime(2026, 11, 2, 9, 0), start=10)
    with db.session() as s:
        owners = dict(s.execute(select(Application.id, Application.applicant_id)).all())
    _backdate(db, [owners[i] for i in old], date(2025, 1, 10))
    _backdate(db, [owners[i] for i in recent], date(2026, 11, 2))
    before = _people(db)
    dry = purge(db, 10, dry_run=True, today=date(2036, 6, 1))
    assert (dry.count, dry.done, dry.cutoff) == (3, False, date(2026, 6, 1))
    assert all("•" in c.masked_id for c in dry.shown)
    assert _people(db) == before and audit_rows(db, action="purge") == []
    done = purge(db, 10, dry_run=False, today=date(2036, 6, 1), actor="admin")
    assert done.count == 3
    after = _people(db)
    for app_id in old:
        assert after[owners[app_id]] == (None, ANONYMOUS_NAME, None)
    for app_id in recent:
        assert after[owners[app_id]] == before[owners[app_id]]
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Application)) == 5
    (row,) = audit_rows(db, action="purge")
    assert row.actor == "admin" and row.detail["anonymised"] == 3
    assert purge(db, 10, dry_run=False, today=date(2036, 6, 1)).count == 0  # once is enough
    with pytest.raises(InputRejected):
        purge(db, 0, dry_run=True)


def test_purge_command(sqlite_db, settings, capsys):
    register_walk_ins(sqlite_db, settings, 2, datetime(2026, 11, 2, 9, 0))
    code, out, err = cli(capsys, sqlite_db.url, "purge", "--older-than", "5", "--dry-run")
    assert (code, err) == (0, "") and "Akan menganonimkan 0 pemohon" in out
    code, out, err = cli(capsys, sqlite_db.url, "purge", "--json")
    assert code == 0 and json.loads(out)["count"] == 0 and json.loads(out)["done"] is True
    code, out, err = cli(capsys, sqlite_db.url, "purge", "--older-than", "nol")
    assert code == 2
