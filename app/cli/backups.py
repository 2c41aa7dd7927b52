"""`kanimdesk backup [--out FILE] [--json]`: a checked backup of the office's database."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.i18n import _, number
from app.problems import InputRejected

if TYPE_CHECKING:
    from app.config import Settings
    from app.db.engine import Database

EXIT_OK, EXIT_REFUSED = 0, 2


def backup_command(args: argparse.Namespace, settings: Settings, lang: str, db: Database) -> int:
    from app.admin.backups import backup

    try:
        info = backup(db, args.out, actor="cli")
    except InputRejected as exc:
        print(f"kanimdesk: {exc.message(lang)}", file=sys.stderr)
        return EXIT_REFUSED
    if args.json:
        print(json.dumps({"path": str(info.path), "taken_at": info.taken_at.isoformat(timespec="seconds"),
                          "size": info.size, "counts": info.counts}))  # fmt: skip
    else:
        print(str(info.path))
        print(_("{size} bytes; checked: sound; {rows} rows in {tables} tables", lang).format(
            size=number(info.size, lang), rows=number(sum(info.counts.values()), lang),
            tables=len(info.counts)))  # fmt: skip
    return EXIT_OK


def add_backup_commands(top_level_subparsers: Any) -> None:
    sp = top_level_subparsers.add_parser(
        "backup", help=_("a checked backup of the database (default: the data folder's backups)")
    )
    sp.add_argument("--out", type=Path, metavar="FILE")
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(handler=backup_command)
