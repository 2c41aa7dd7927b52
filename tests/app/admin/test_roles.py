"""The permission table: data every service asks, with the issue's rules for each role."""

from __future__ import annotations

import pytest

from app.admin.roles import ADMIN, COUNTER, HEAD, PERMISSIONS, ROLES, SUPERVISOR, allowed, require
from app.problems import InputRejected

PERSONAL = ("applicant.read_full", "applicant.read_masked", "registration.write",
            "application.advance", "application.correct", "queue.operate", "receipt.print")  # fmt: skip
CHANGES = [a for a in PERMISSIONS if not a.endswith((".read", ".read_full", ".read_masked"))]


def test_every_action_names_known_roles_and_someone_may_do_it():
    for action, roles in PERMISSIONS.items():
        assert roles and roles <= set(ROLES), action


@pytest.mark.parametrize("action", PERSONAL)
def test_the_supervisor_never_touches_applicants_personal_data(action):
    assert not allowed(SUPERVISOR, action)


def test_only_the_counter_sees_a_whole_nik():
    assert [r for r in ROLES if allowed(r, "applicant.read_full")] == [COUNTER]


def test_the_office_head_reads_everything_and_changes_only_reports_and_approvals():
    reads = [a for a in PERMISSIONS if a.endswith(".read") or a == "applicant.read_masked"]
    assert all(allowed(HEAD, a) for a in reads)
    changes = {a for a in CHANGES if allowed(HEAD, a)}
    assert changes == {"report.export", "figures.import", "activity.write", "finding.approve",
                       "backup.run"}  # fmt: skip


def test_the_administrator_keeps_users_settings_templates_tariffs_and_closures():
    for action in ("user.manage", "settings.write", "template.write", "tariff.write",
                   "closure.write", "restore.run", "purge.run", "audit.read"):  # fmt: skip
        assert [r for r in ROLES if allowed(r, action)] in ([ADMIN], [HEAD, ADMIN])


def test_require_refuses_in_indonesian_and_an_unknown_action_is_an_error():
    with pytest.raises(InputRejected) as err:
        require(SUPERVISOR, "registration.write")
    assert err.value.message("id") == (
        "Peran supervisor tidak boleh melakukan ini (registration.write)."
    )
    require(COUNTER, "registration.write")
    assert not allowed(None, "report.read")
    with pytest.raises(KeyError):
        allowed(ADMIN, "registration.writ")
