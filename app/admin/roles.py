"""Roles and what each may do: one table of data that every service and page asks.

Pure rules (no database, no I/O). A service calls ``require(role, action)`` before it acts;
the window asks ``allowed(role, action)`` to hide what a role may not do, and the service
refuses it anyway. An action is named "area.verb"; PERMISSIONS lists every action there is,
so a misspelt action is an error, never a silent "no".
"""

from __future__ import annotations

from app.i18n import N_, register_messages
from app.problems import InputRejected, Problem

register_messages(
    {
        "roles.unknown": N_("Unknown role '{value}': use {known}."),
        "roles.denied": N_("The role {role} may not do this ({action})."),
    }
)

COUNTER = "petugas_loket"
SUPERVISOR = "supervisor"
HEAD = "kepala_kantor"
ADMIN = "administrator"

ROLES: dict[str, str] = {
    COUNTER: N_("Counter staff"),
    SUPERVISOR: N_("Supervisor"),
    HEAD: N_("Office head"),
    ADMIN: N_("Administrator"),
}

_ALL = frozenset(ROLES)
_NO_PERSONAL = frozenset({COUNTER, HEAD, ADMIN})  # the supervisor never sees applicants' data

# Every action and the roles that may do it.
PERMISSIONS: dict[str, frozenset[str]] = {
    # Applicants' personal data and the counter's work.
    "applicant.read_full": frozenset({COUNTER}),  # the whole NIK, on the form and the detail
    "applicant.read_masked": _NO_PERSONAL,  # lists and searches with the NIK masked
    "registration.write": frozenset({COUNTER}),
    "application.advance": frozenset({COUNTER}),
    "application.correct": frozenset({COUNTER}),
    "appointment.import": frozenset({COUNTER, ADMIN}),
    "queue.operate": frozenset({COUNTER}),
    "receipt.print": frozenset({COUNTER}),
    # Supervision visits.
    "visit.read": frozenset({SUPERVISOR, HEAD, ADMIN}),
    "visit.write": frozenset({SUPERVISOR}),
    "visit.exchange": frozenset({SUPERVISOR, ADMIN}),
    "template.write": frozenset({ADMIN}),
    # Figures and reports.
    "report.read": _ALL,
    "report.export": frozenset({SUPERVISOR, HEAD, ADMIN}),
    "figures.import": frozenset({HEAD, ADMIN}),
    "activity.write": frozenset({HEAD, ADMIN}),
    "finding.approve": frozenset({HEAD}),
    # The office's set-up.
    "settings.write": frozenset({ADMIN}),
    "tariff.write": frozenset({ADMIN}),
    "closure.write": frozenset({ADMIN}),
    "user.manage": frozenset({ADMIN}),
    "audit.read": frozenset({HEAD, ADMIN}),
    "backup.run": frozenset({ADMIN, HEAD}),
    "restore.run": frozenset({ADMIN}),
    "purge.run": frozenset({ADMIN}),
}


def check_role(role: str) -> str:
    """The role code, or InputRejected naming the known ones."""
    if role not in ROLES:
        known = ", ".join(ROLES)
        raise InputRejected([Problem("roles.unknown", "role", {"value": role, "known": known})])
    return role


def allowed(role: str | None, action: str) -> bool:
    """Whether *role* may do *action*. An unknown action is a programming error."""
    return role in PERMISSIONS[action]


def require(role: str | None, action: str) -> None:
    """Refuse (InputRejected) when *role* may not do *action*."""
    if not allowed(role, action):
        raise InputRejected(
            [Problem("roles.denied", "role", {"role": role or "-", "action": action})]
        )
