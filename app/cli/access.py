"""Who runs a command, and whether their role may: once accounts exist, every command that
reads personal data or changes anything names a user (``--user NAME`` before the command, or
KANIMDESK_USER) whose password comes from KANIMDESK_PASSWORD or a prompt at a terminal.

COMMAND_ACTIONS is the table (data): each command, and each verb of a command group, with the
action of app.admin.roles it needs, or None for one that neither changes anything nor shows
personal data (``check``, ``queue status``, ``closure list``, ``collection-date``). A database
without accounts runs open (app.admin.session): nothing is asked.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import TYPE_CHECKING

from app.admin import session
from app.i18n import N_, register_messages, text

if TYPE_CHECKING:
    from app.db.engine import Database

register_messages(
    {
        "access.who": N_(
            "Accounts exist: name yourself with --user NAME before the command (or set "
            "KANIMDESK_USER). Nothing was done."
        ),
        "access.password": N_(
            "No password: set KANIMDESK_PASSWORD or run the command at a terminal. "
            "Nothing was done."
        ),
    }
)

COMMAND_ACTIONS: dict[str, str | None] = {
    "init": "settings.write",
    "check": None,
    "demo": "settings.write",
    "import-appointments": "appointment.import",
    "ticket issue": "queue.operate",
    "slip": "queue.operate",
    **{f"queue {v}": "queue.operate"
       for v in ("call-next", "start", "finish", "no-show", "recall", "requeue", "transfer")},
    "queue status": None,
    "application find": "applicant.read_masked",
    "application show": "applicant.read_masked",
    "application overdue": "applicant.read_masked",
    "application advance": "application.advance",
    "application correct": "application.correct",
    "application cancel-overdue": "application.correct",
    "closure add": "closure.write",
    "closure remove": "closure.write",
    "closure list": None,
    "collection-date": None,
    "receipt": "receipt.print",
    "visit list": "visit.read",
    "visit report": "visit.read",
    "visit export": "visit.exchange",
    "visit import": "visit.exchange",
    "template export": "visit.read",
    "template import": "template.write",
    "figures export": "report.export",
    "figures import-file": "figures.import",
    "figures import": "figures.import",
    "activity add": "activity.write",
    "activity list": "report.read",
    "report monthly": "report.export",
    "report period": "report.export",
    "user add": "user.manage",
    "user list": "user.manage",
    "user disable": "user.manage",
    "user passwd": "user.manage",  # or one's own password
    "backup": "backup.run",
    "restore": "restore.run",
    "purge": "purge.run",
    "audit list": "audit.read",
}  # fmt: skip


def command_name(args: argparse.Namespace) -> str:
    """'queue call-next', 'backup': the command and, for a group, its verb."""
    verb = getattr(args, f"{args.command}_command", None)
    return f"{args.command} {verb}" if verb else args.command


def _no_accounts(db: Database, command: str) -> bool:
    from sqlalchemy.exc import DBAPIError

    from app.admin.users import accounts_exist

    try:
        return not accounts_exist(db)
    except DBAPIError:
        if command in ("init", "restore", "check"):
            # A schema from before accounts, or a file too damaged to read: upgrading or
            # restoring it is what is being asked, and nobody can be checked against it.
            return True
        raise


def authorize(args: argparse.Namespace, db: Database | None, lang: str) -> None:
    """Sign the command's user in and check the role; CliError (exit 2) when refused."""
    from app.admin.roles import require
    from app.admin.users import authenticate
    from app.cli.entry import EXIT_REFUSED, CliError

    command = command_name(args)
    action = COMMAND_ACTIONS[command]
    if db is None or _no_accounts(db, command):
        session.run_open()
        return
    name = args.as_user or os.environ.get("KANIMDESK_USER")
    if action is None and not name:
        session.sign_out()  # nothing protected: anyone at the machine may ask
        return
    if not name:
        raise CliError(text("access.who", lang), EXIT_REFUSED)
    password = os.environ.get("KANIMDESK_PASSWORD")
    if password is None:
        if not sys.stdin.isatty():
            raise CliError(text("access.password", lang), EXIT_REFUSED)
        from app.i18n import _

        password = getpass.getpass(_("Password of {0}: ", lang).format(name))
    user = authenticate(db, name, password)  # InputRejected: wrong, locked, disabled → exit 2
    session.sign_in(session.Actor(user.username, user.full_name, user.role))
    own_password = command == "user passwd" and _same(getattr(args, "name", ""), user.username)
    if action is not None and not own_password:
        require(user.role, action)


def _same(name: str, username: str) -> bool:
    return name.strip().lower() == username


def officer() -> str:
    """Who a command's steps, events and audit rows name: the signed-in account, or "cli"
    on a database without accounts."""
    who = session.current()
    return who.username if who is not None else "cli"
