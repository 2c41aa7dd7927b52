"""`kanimdesk audit list [--since D] [--until D] [--user NAME] [--action A] [--json] [--csv FILE]`:
the audit trail, newest first."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli.activities import day
from app.cli.database import positive
from app.i18n import _, number

if TYPE_CHECKING:
    from app.config import Settings
    from app.db.engine import Database

EXIT_OK = 0


def audit_list(args: argparse.Namespace, settings: Settings, lang: str, db: Database) -> int:
    from app.admin.audit import audit_rows, row_cells, write_audit_csv

    rows = audit_rows(db, since=args.since, until=args.until, actor=args.user,
                      action=args.action, limit=args.limit)  # fmt: skip
    if args.csv is not None:
        write_audit_csv(rows, args.csv, lang)
        print(_("{n} rows written to {path}", lang).format(n=number(len(rows), lang),
                                                         path=args.csv))  # fmt: skip
        return EXIT_OK
    if args.json:
        print(json.dumps([{"id": r.id, "at": r.at.isoformat(timespec="seconds"), "user": r.actor,
                           "workstation": r.workstation, "action": r.action, "entity": r.entity,
                           "entity_id": r.entity_id, "detail": r.detail} for r in rows],
                         ensure_ascii=False, indent=1))  # fmt: skip
        return EXIT_OK
    if not rows:
        print(_("No audit rows match.", lang))
        return EXIT_OK
    for r in rows:
        at, user, station, action, entity, detail = row_cells(r)
        line = f"{at}  {user:<12} {station:<14} {action:<22} {entity}"
        print(f"{line}  {detail}" if detail else line)
    return EXIT_OK


def add_audit_commands(top_level_subparsers: Any) -> None:
    ap = top_level_subparsers.add_parser("audit", help=_("the audit trail: who did what, when"))
    asub = ap.add_subparsers(dest="audit_command", required=True)
    sp = asub.add_parser("list", help=_("audit rows, newest first"))
    sp.add_argument("--since", type=day, metavar="YYYY-MM-DD")
    sp.add_argument("--until", type=day, metavar="YYYY-MM-DD")
    sp.add_argument("--user", metavar="NAME", help=_("only this user's rows"))
    sp.add_argument("--action", metavar="ACTION")
    sp.add_argument("--limit", type=positive, metavar="N")
    out = sp.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true")
    out.add_argument("--csv", type=Path, metavar="FILE", help=_("write the rows to a CSV file"))
    sp.set_defaults(handler=audit_list)
