"""`kanimdesk ticket issue`, `kanimdesk slip` and `kanimdesk queue …`: queue numbers, their slips
and the counter verbs from the command line.

`queue call-next` exits with 4 when nobody waits (a script's "try again later"); a verb the
ticket's state does not allow, or an unknown number, exits with 2 and says why.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli.access import officer
from app.cli.entry import EXIT_NOBODY, EXIT_OK, CliError
from app.config import Settings
from app.i18n import N_, _, label
from app.queue.numbering import PRIORITIES, STATUS_LABELS

if TYPE_CHECKING:
    from app.queue.ticket_rows import TicketInfo

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

    qp = sub.add_parser(
        "queue", help=_("the counter verbs: call, finish, no-show, transfer, status")
    )
    qsub = qp.add_subparsers(dest="queue_command", parser_class=type(qp), required=True)
    call = qsub.add_parser("call-next", help=_("call the next waiting number to a counter"))
    call.add_argument("--counter", required=True, help=_("the counter that calls, e.g. 2"))
    call.add_argument("--service", action="append", metavar="A",
                      help=_("a service this counter calls (repeat, or A,B); default: every service"))  # fmt: skip
    call.add_argument("--json", action="store_true")
    call.set_defaults(handler=cmd_call_next)
    for verb, words in VERB_HELP.items():
        vp = qsub.add_parser(verb, help=_(words))
        vp.add_argument("number", help=_("today's queue number, e.g. A-001"))
        vp.add_argument("--counter", required=True)
        vp.add_argument("--json", action="store_true")
        vp.set_defaults(handler=cmd_verb, verb=verb.replace("-", "_"))
    tr = qsub.add_parser("transfer", help=_("send a number to another service, keeping the number"))
    tr.add_argument("number")
    tr.add_argument(
        "--to", required=True, metavar="SERVICE", help=_("service prefix: A, B, C or D")
    )
    tr.add_argument("--counter")
    tr.add_argument("--json", action="store_true")
    tr.set_defaults(handler=cmd_transfer)
    st = qsub.add_parser("status", help=_("waiting per service and serving per counter, today"))
    st.add_argument("--json", action="store_true")
    st.set_defaults(handler=cmd_status)


VERB_HELP = {
    "start": N_("start serving a called number"),
    "finish": N_("finish a number"),
    "no-show": N_("mark a called number as not present"),
    "recall": N_("call a number again"),
    "requeue": N_("put a number back in the queue"),
}


def cmd_ticket_issue(args: argparse.Namespace, settings: Settings, lang: str, db: Database) -> int:
    from app.queue.tickets import issue_ticket

    info = issue_ticket(db, settings.office.code, args.service, args.priority, officer=officer(),
                        priority_quota=settings.walk_in_priority_quota)  # fmt: skip
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


def _as_json(info: TicketInfo) -> dict[str, object]:
    return {"number": info.number, "id": info.id, "status": info.status,
            "service": info.service_prefix or info.prefix, "priority": info.priority,
            "counter": info.counter}  # fmt: skip


def _say(info: TicketInfo, as_json: bool, lang: str) -> int:
    if as_json:
        print(json.dumps(_as_json(info), ensure_ascii=False))
    else:
        print(f"{info.number}\t{label(STATUS_LABELS, info.status, lang)}")
    return EXIT_OK


def _services(values: list[str] | None) -> list[str] | None:
    letters = [p.strip().upper() for v in values or [] for p in v.split(",") if p.strip()]
    return letters or None


def cmd_call_next(args: argparse.Namespace, settings: Settings, lang: str, db: Database) -> int:
    from app.queue.tickets import call_next

    services = _services(args.service)
    info = call_next(db, settings.office.code, args.counter, services, officer=officer(),
                     priority_streak_cap=settings.priority_streak_cap)  # fmt: skip
    if info is None:
        if services:
            message = _("Nobody is waiting for {services} (counter {counter}).")
            raise CliError(message.format(services=", ".join(services), counter=args.counter),
                           EXIT_NOBODY)  # fmt: skip
        raise CliError(_("Nobody is waiting (counter {0}).").format(args.counter), EXIT_NOBODY)
    if args.json:
        print(json.dumps(_as_json(info), ensure_ascii=False))
    else:
        print(info.number)
    return EXIT_OK


def cmd_verb(args: argparse.Namespace, settings: Settings, lang: str, db: Database) -> int:
    from app.queue.tickets import act, find_ticket

    ticket = find_ticket(db, settings.office.code, args.number)
    return _say(act(db, ticket.id, args.verb, args.counter, officer=officer()), args.json, lang)


def cmd_transfer(args: argparse.Namespace, settings: Settings, lang: str, db: Database) -> int:
    from app.queue.tickets import find_ticket, transfer

    ticket = find_ticket(db, settings.office.code, args.number)
    info = transfer(db, ticket.id, args.to, args.counter, officer=officer())
    return _say(info, args.json, lang)


def cmd_status(args: argparse.Namespace, settings: Settings, lang: str, db: Database) -> int:
    from app.queue.board import serving_by_counter, waiting_by_service
    from app.queue.tickets import tickets_on

    day = date.today()
    rows = tickets_on(db, settings.office.code, day)
    nexts, totals = waiting_by_service(rows)
    serving = serving_by_counter(rows)
    if args.json:
        report = {
            "date": day.isoformat(),
            "waiting": totals,
            "next": nexts,
            "serving": {c: [{"number": t.number, "status": t.status,
                             "service": t.service_prefix or t.prefix} for t in ts]
                        for c, ts in serving.items()},
        }  # fmt: skip
        print(json.dumps(report, ensure_ascii=False))
        return EXIT_OK
    waiting = "  ".join(f"{p}: {n}" for p, n in totals.items())
    print(_("Waiting: {0}").format(waiting))
    for counter, tickets in serving.items():
        numbers = ", ".join(f"{t.number} ({label(STATUS_LABELS, t.status, lang)})" for t in tickets)
        print(_("Counter {0}").format(counter) + f": {numbers}")
    return EXIT_OK
