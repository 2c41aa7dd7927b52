"""`kanimdesk user add|list|disable|passwd`: the accounts of the people who use KanimDesk.

A password is never an argument (it would stay in the shell's history and the process list):
it is asked twice at a terminal, or read as the first line of standard input.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from app.admin.roles import ROLES
from app.cli.access import officer
from app.i18n import _, label
from app.problems import InputRejected

if TYPE_CHECKING:
    from app.config import Settings
    from app.db.engine import Database

EXIT_OK, EXIT_REFUSED = 0, 2

Handler = Callable[[argparse.Namespace, "Settings", str, "Database"], int]


class _NoPassword(Exception):
    pass


def read_password(lang: str, confirm: bool = True) -> str:
    """The password from a prompt (twice when *confirm*), or the first line of stdin."""
    if not sys.stdin.isatty():
        line = sys.stdin.readline()
        if not line:
            raise _NoPassword(_("No password was given on standard input.", lang))
        return line.rstrip("\r\n")
    first = getpass.getpass(_("Password: ", lang))
    if confirm and getpass.getpass(_("Password again: ", lang)) != first:
        raise _NoPassword(_("The two passwords differ.", lang))
    return first


def _refused(message: str) -> int:
    print(f"kanimdesk: {message}", file=sys.stderr)
    return EXIT_REFUSED


def role(value: str) -> str:
    code = value.strip().lower()
    if code not in ROLES:
        known = ", ".join(f"{c} ({label(ROLES, c)})" for c in ROLES)
        raise argparse.ArgumentTypeError(
            _("unknown role {0}; choose one of: {1}").format(repr(value), known)
        )
    return code


def user_add(args: argparse.Namespace, settings: Settings, lang: str, db: Database) -> int:
    from app.admin.users import add_user

    try:
        password = read_password(lang)
        info = add_user(db, args.name, args.full_name or args.name, args.role, password,
                        actor=officer())  # fmt: skip
    except _NoPassword as exc:
        return _refused(str(exc))
    except InputRejected as exc:
        return _refused(exc.message(lang))
    print(f"{info.username} · {label(ROLES, info.role, lang)}")
    return EXIT_OK


def user_list(args: argparse.Namespace, settings: Settings, lang: str, db: Database) -> int:
    from app.admin.users import list_users

    users = list_users(db)
    if args.json:
        print(json.dumps([{"username": u.username, "full_name": u.full_name, "role": u.role,
                           "active": u.active} for u in users], ensure_ascii=False, indent=1))  # fmt: skip
        return EXIT_OK
    if not users:
        print(
            _("No accounts yet: KanimDesk runs without sign-in until the first one is made.", lang)
        )
        return EXIT_OK
    for u in users:
        state = "" if u.active else "  (" + _("disabled", lang) + ")"
        print(f"{u.username:<20} {label(ROLES, u.role, lang):<18} {u.full_name}{state}")
    return EXIT_OK


def user_disable(args: argparse.Namespace, settings: Settings, lang: str, db: Database) -> int:
    from app.admin.users import disable_user

    try:
        disable_user(db, args.name, actor=officer())
    except InputRejected as exc:
        return _refused(exc.message(lang))
    print(_("{0} is disabled.", lang).format(args.name))
    return EXIT_OK


def user_passwd(args: argparse.Namespace, settings: Settings, lang: str, db: Database) -> int:
    from app.admin.users import set_password

    try:
        set_password(db, args.name, read_password(lang), actor=officer())
    except _NoPassword as exc:
        return _refused(str(exc))
    except InputRejected as exc:
        return _refused(exc.message(lang))
    print(_("The password of {0} is changed.", lang).format(args.name))
    return EXIT_OK


def add_user_commands(top_level_subparsers: Any) -> dict[str, Handler]:
    """Add the `user` command (add, list, disable, passwd); returns verb -> handler."""
    up = top_level_subparsers.add_parser("user", help=_("accounts of the people who use KanimDesk"))
    usub = up.add_subparsers(dest="user_command", required=True)
    roles = ", ".join(ROLES)
    sp = usub.add_parser(
        "add", help=_("make an account (the password is asked, never an argument)")
    )
    sp.add_argument("name", metavar="NAME")
    sp.add_argument("--role", type=role, required=True, metavar="ROLE",
                    help=_("one of: {0}").format(roles))  # fmt: skip
    sp.add_argument("--full-name", metavar="TEXT")
    sp.set_defaults(handler=user_add)
    sp = usub.add_parser("list", help=_("list the accounts"))
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(handler=user_list)
    sp = usub.add_parser("disable", help=_("disable an account (accounts are never deleted)"))
    sp.add_argument("name", metavar="NAME")
    sp.set_defaults(handler=user_disable)
    sp = usub.add_parser("passwd", help=_("set a new password (asked, never an argument)"))
    sp.add_argument("name", metavar="NAME")
    sp.set_defaults(handler=user_passwd)
    return {"add": user_add, "list": user_list, "disable": user_disable, "passwd": user_passwd}
