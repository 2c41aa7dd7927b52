"""`kanimdesk application find TEXT`: any application by number, NIK, passport, booking code or a piece
of the name, newest first (the person at the terminal is staff; the NIK is masked all the same)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from app.cli.entry import EXIT_OK
from app.config import Settings
from app.i18n import _

if TYPE_CHECKING:
    from app.db.engine import Database

DEFAULT_LIMIT = 50


def _limit(value: str) -> int:
    if not value.isdigit() or not 1 <= int(value) <= 10_000:
        raise argparse.ArgumentTypeError(
            _("the limit must be a whole number from 1 to 10000: {0}").format(repr(value))
        )
    return int(value)


def add_find_command(application_sub: argparse._SubParsersAction) -> None:
    """Adds `find` to the `kanimdesk application` verbs."""
    fp = application_sub.add_parser(
        "find", help=_("find applications by number, NIK, passport, booking code or name")
    )
    fp.add_argument("text", metavar="TEXT", help=_("PMH-0001234, a NIK or its first 6+ digits, "
                                                   "a passport number, a booking code or 3+ letters of a name"))  # fmt: skip
    fp.add_argument("--stage", metavar="STAGE", help=_("only applications at this stage (code)"))
    fp.add_argument("--limit", type=_limit, default=DEFAULT_LIMIT,
                    help=_("at most this many, newest first (default {0})").format(DEFAULT_LIMIT))  # fmt: skip
    fp.add_argument("--json", action="store_true")
    fp.set_defaults(handler=cmd_find)


def cmd_find(args: argparse.Namespace, settings: Settings, lang: str, db: Database) -> int:
    from app.desk.application_search import office_query, search_applications
    from app.desk.application_terms import too_short_for_names
    from app.desk.stages import STAGE_LABELS
    from app.i18n import label
    from app.problems import InputRejected, Problem

    query = office_query(settings, text=args.text, stage=args.stage)
    rows = search_applications(db, query, limit=args.limit)
    if not rows and too_short_for_names(args.text):
        raise InputRejected([Problem("search.short", "text")])
    if args.json:
        print(json.dumps([{
            "id": r.id, "number": r.number, "application_date": r.application_date.isoformat(),
            "name": r.name, "nik": r.masked_nik or None, "stage": r.stage, "kind": r.kind,
            "product": r.product, "booking_code": r.booking_code,
            "collection_date": r.collection_date.isoformat() if r.collection_date else None,
        } for r in rows], ensure_ascii=False))  # fmt: skip
    else:
        for r in rows:
            stage = label(STAGE_LABELS, r.stage, lang)
            nik = r.masked_nik or "-"
            print(f"{r.number}  {r.application_date.isoformat()}  {r.name}  {nik}  {stage}")
    if not rows:
        print("kanimdesk: " + _("No application found.", lang), file=sys.stderr)
    elif len(rows) == args.limit:
        print("kanimdesk: " + _("The first {0} shown; say more, or give --limit.", lang).format(args.limit),
              file=sys.stderr)  # fmt: skip
    return EXIT_OK
