"""`kanimdesk receipt NUMBER --out FILE.pdf`: an application's receipt (tanda terima) as a PDF file."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli.access import officer
from app.cli.entry import EXIT_OK, CliError
from app.config import Settings
from app.i18n import _
from app.problems import InputRejected, Problem

if TYPE_CHECKING:
    from app.db.engine import Database


def add_receipt_commands(sub: argparse._SubParsersAction) -> None:
    rp = sub.add_parser("receipt", help=_("write an application's receipt as PDF"))
    rp.add_argument("number", help=_("application number, e.g. PMH-0001234"))
    rp.add_argument("--out", type=Path, required=True, help=_("the PDF file to write"))
    # Its own dest: a subcommand's default would overwrite the global --lang given before it.
    rp.add_argument(
        "--lang",
        dest="receipt_lang",
        choices=["id", "en"],
        help=_("language of the receipt (default: the language of messages)"),
    )
    rp.set_defaults(handler=cmd_receipt)


def cmd_receipt(args: argparse.Namespace, settings: Settings, lang: str, db: Database) -> int:
    from app.desk.receipt import write_receipt
    from app.desk.stages import parse_application_number

    app_id = parse_application_number(args.number)
    if app_id is None:
        raise InputRejected([Problem("application.bad_number", "number")])
    try:
        write_receipt(db, settings, app_id, args.out, args.receipt_lang or lang, officer=officer())
    except OSError as exc:
        message = _("Cannot write {path}: {reason}").format(path=args.out, reason=exc.strerror)
        raise CliError(message) from exc
    print(str(args.out))
    return EXIT_OK
