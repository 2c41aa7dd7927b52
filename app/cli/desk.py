"""`kanimdesk import-appointments`: the daily M-Paspor appointment list from the command line."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli.entry import EXIT_OK, EXIT_REJECTED_ROWS
from app.config import Settings
from app.i18n import _

if TYPE_CHECKING:
    from app.db.engine import Database


def add_desk_commands(sub: argparse._SubParsersAction) -> None:
    sp = sub.add_parser("import-appointments", help=_("import the daily M-Paspor appointment CSV"))
    sp.add_argument("file", type=Path)
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(handler=cmd_import_appointments)


def cmd_import_appointments(
    args: argparse.Namespace, settings: Settings, lang: str, db: Database
) -> int:
    from app.desk.appointment_import import import_appointments

    report = import_appointments(db, settings, args.file, lang=lang)
    if args.json:
        print(json.dumps(report.as_json(), ensure_ascii=False))
    else:
        print(report.summary(lang))
    return EXIT_OK if not report.rejected else EXIT_REJECTED_ROWS
