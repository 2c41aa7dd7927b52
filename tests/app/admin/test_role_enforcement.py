"""Every role against every protected action, in the services: a role the permission table
does not list is refused (roles.denied) and nothing is written; a listed role gets through.
The window's side (what each role sees) is tested in tests/ui/admin/."""

from __future__ import annotations

from datetime import date

import pytest

from app.admin import session
from app.admin.roles import PERMISSIONS, ROLES, allowed
from app.problems import InputRejected

from tests.app.admin.test_audit_trail import CASES, World, _last_id


def _search(w: World) -> None:
    from app.desk.application_search import office_query, search_applications

    search_applications(w.db, office_query(w.settings, text="PEMOHON"))


def _backup(w: World) -> None:
    from app.admin.backups import backup

    backup(w.db, w.tmp / "b.sqlite")


def _restore_prepared(w: World) -> None:
    from app.admin.backups import backup

    backup(w.db, w.tmp / "kanimdesk-20261201-170000.sqlite")


def _restore(w: World) -> None:
    from app.admin.restore import restore

    restore(w.db, w.tmp / "kanimdesk-20261201-170000.sqlite", w.settings)


def _audit(w: World) -> None:
    from app.admin.audit import audit_rows

    audit_rows(w.db, since=date(2026, 1, 1))


def _purge(w: World) -> None:
    from app.admin.retention import purge

    purge(w.db, older_than_years=5, dry_run=True)


# Each protected action: (what is made first, the service call it guards).
GUARDED = {
    "registration.write": CASES["app/desk/registration.py:register"],
    "application.advance": CASES["app/desk/application_steps.py:advance"],
    "application.correct": CASES["app/desk/application_steps.py:correct_last_step"],
    "appointment.import": CASES["app/desk/appointment_import.py:import_appointments"],
    "queue.operate": CASES["app/queue/tickets.py:issue_ticket"],
    "receipt.print": CASES["app/desk/receipt_data.py:record_receipt"],
    "visit.write": CASES["app/monev/visit_identity.py:create_visit"],
    "visit.exchange": CASES["app/monev/exchange/visit_packages.py:export_visit"],
    "template.write": CASES["app/monev/templates.py:save_template_edit"],
    "figures.import": CASES["app/figures/service_figures.py:record_monthly_figure"],
    "activity.write": CASES["app/figures/activities.py:add_activity"],
    "settings.write": CASES["app/db/setup.py:apply_office"],
    "closure.write": CASES["app/desk/closures.py:add_closure"],
    "user.manage": CASES["app/admin/users.py:add_user"],
    "applicant.read_masked": (lambda w: w.app_id(), _search),
    "audit.read": (None, _audit),
    "backup.run": (None, _backup),
    "restore.run": (_restore_prepared, _restore),
    "purge.run": (None, _purge),
}
# Decided in the window alone (no service of their own yet), and tested there.
WINDOW_ONLY = {
    "applicant.read_full": "the full NIK on the form and the detail: the page masks it",
    "visit.read": "the visits page is hidden; the visit services change, not read",
    "report.read": "every role reads figures",
    "report.export": "the Reports page's export buttons",
    "finding.approve": "no approval step exists yet",
    "tariff.write": "tariffs are shipped in resources/tariffs.toml; no editor yet",
}


def test_every_action_is_guarded_or_named_as_the_windows():
    assert set(GUARDED) | set(WINDOW_ONLY) == set(PERMISSIONS)
    assert not set(GUARDED) & set(WINDOW_ONLY)


@pytest.mark.parametrize("role", sorted(ROLES))
@pytest.mark.parametrize("action", sorted(GUARDED))
def test_a_role_does_what_the_table_allows_and_nothing_else(action, role, sqlite_db, settings,
                                                            tmp_path):  # fmt: skip
    w = World(sqlite_db, settings, tmp_path)
    prepare, run = GUARDED[action]
    if prepare is not None:
        prepare(w)
    start = _last_id(sqlite_db)
    session.sign_in(session.Actor("uji", "Pengguna Uji", role))
    try:
        if allowed(role, action):
            run(w)
        else:
            with pytest.raises(InputRejected) as refused:
                run(w)
            assert refused.value.problems[0].key == "roles.denied"
            assert _last_id(sqlite_db) == start, "a refused action wrote something"
    finally:
        session.run_open()


def test_nobody_signed_in_is_refused_everything(sqlite_db, settings, tmp_path):
    w = World(sqlite_db, settings, tmp_path)
    session.sign_out()
    try:
        for prepare, run in GUARDED.values():
            if prepare is not None:
                session.run_open()
                prepare(w)
                session.sign_out()
            with pytest.raises(InputRejected):
                run(w)
    finally:
        session.run_open()
