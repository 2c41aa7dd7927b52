"""`kanimdesk ticket issue` and `kanimdesk slip`: queue numbers and their slips from the command line."""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli.entry import EXIT_OK, CliError
from app.config import Settings
from app.i18n import _
from app.queue.numbering import PRIORITIES

if TYPE_CHECKING:
    from app.db.engine import Database


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("date must be YYYY-MM-DD: {0}").format(repr(value))
        ) from None


def add_queue_commands(sub: argparse._SubParsersAction) -> None:
    tp = sub.add_parser("ticket", help=_("queue numbers"))
    tsub = tp.add_subparsers(dest="ticket_command", parser_class=type(tp), required=True)
    ti = tsub.add_parser("issue", help=_("issue a queue number and print it"))
    ti.add_argument("--service", required=True, help=_("service prefix: A, B, C or D"))
    ti.add_argument("--priority", choices=list(PRIORITIES))
    ti.add_argument("--json", action="store_true")
    ti.set_defaults(handler=cmd_ticket_issue)

    sp = sub.add_parser("slip", help=_("write a ticket's slip as PDF"))
    sp.add_argument("number")
    sp.add_argument("--date", type=_iso_date)
    sp.add_argument("--out", type=Path, required=True)
    sp.set_defaults(handler=cmd_slip)


def cmd_ticket_issue(args: argparse.Namespace, settings: Settings, lang: str, db: Database) -> int:
    from app.queue.tickets import issue_ticket

    info = issue_ticket(db, settings.office.code, args.service, args.priority, officer="cli")
    if args.json:
        print(json.dumps({"number": info.number, "id": info.id, "date": info.ticket_date.isoformat(),
                          "waiting_ahead": info.waiting_ahead}))  # fmt: skip
    else:
        print(info.number)
    return EXIT_OK


def cmd_slip(args: argparse.Namespace, settings: Settings, lang: str, db: Database) -> int:
    from app.queue.slip import render_slip
    from app.queue.tickets import find_ticket

    info = find_ticket(db, settings.office.code, args.number, args.date)
    pdf = render_slip(info, settings, lang=lang)
    try:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_bytes(pdf)
    except OSError as exc:
        message = _("Cannot write {path}: {reason}").format(path=args.out, reason=exc.strerror)
        raise CliError(message) from exc
    print(str(args.out))
    return EXIT_OK
