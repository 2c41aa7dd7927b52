"""The first start on an empty database: the office profile and the first administrator, or
the office's choice to run without accounts for now (recorded, so it is not asked again)."""

from __future__ import annotations

from sqlalchemy import exists, select

from app.admin.audit import audit
from app.admin.users import UserInfo, add_user
from app.db.engine import Database
from app.db.models import Applicant, AuditLog, Ticket
from app.db.visit_models import Visit

SKIPPED = "first_start_skipped"


def is_first_start(db: Database) -> bool:
    """No account, no applicant, ticket or visit yet, and no earlier "not now"."""
    from app.db.admin_models import UserAccount

    with db.session() as s:
        return not any(s.scalar(select(exists().where(c))) for c in (
            UserAccount.id.is_not(None), Applicant.id.is_not(None), Ticket.id.is_not(None),
            Visit.id.is_not(None), AuditLog.action == SKIPPED))  # fmt: skip


def skip_accounts(db: Database) -> None:
    """The office runs without accounts until one is made (Settings or `kanimdesk user add`)."""
    with db.write() as s:
        audit(s, None, SKIPPED, "user_account")


def first_administrator(db: Database, username: str, full_name: str, password: str) -> UserInfo:
    """The first account, an administrator; from then on everyone signs in."""
    return add_user(db, username, full_name, "administrator", password)
