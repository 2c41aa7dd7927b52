"""`kanimdesk backup [--out FILE] [--json]` and `kanimdesk restore FILE [--check] [--yes]`:
checked backups of the office's database, and putting one back."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli.access import officer
from app.i18n import _, clock, long_date, number
from app.problems import InputRejected

if TYPE_CHECKING:
    from app.admin.restore import BackupContents
    from app.config import Settings
    from app.db.engine import Database

EXIT_OK, EXIT_REFUSED = 0, 2


def backup_command(args: argparse.Namespace, settings: Settings, lang: str, db: Database) -> int:
    from app.admin.backups import backup

    try:
        info = backup(db, args.out, actor=officer())
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
    sp = top_level_subparsers.add_parser(
        "restore", help=_("put a backup back (the replaced database is kept aside)")
    )
    sp.add_argument("file", type=Path, metavar="FILE")
    sp.add_argument("--check", action="store_true",
                    help=_("only show and check the backup; change nothing"))  # fmt: skip
    sp.add_argument("--yes", action="store_true", help=_("do not ask for confirmation"))
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(handler=restore_command, open_database=_as_found)


def describe_lines(contents: BackupContents, lang: str) -> list[str]:
    """The backup as an administrator reads it before restoring it."""
    from app.admin.restore import TABLE_WORDS

    lines = [
        _("Backup: {0}", lang).format(contents.path),
        _("Taken: {0}, {1}", lang).format(
            long_date(contents.taken_at, lang), clock(contents.taken_at, lang)
        ),
        _("Size: {0} bytes; integrity check: sound", lang).format(number(contents.size, lang)),
    ]
    if contents.counts:
        held = ", ".join(f"{number(n, lang)} {_(TABLE_WORDS[t], lang)}"
                         for t, n in contents.counts.items() if t in TABLE_WORDS)  # fmt: skip
        lines.append(_("Holds: {0}", lang).format(held))
    else:
        lines.append(_("Holds: (not recorded for this archive)", lang))
    return lines


def _confirmed(args: argparse.Namespace, lang: str) -> bool | None:
    """True to go on, False when the user said no, None when nobody can be asked."""
    if args.yes:
        return True
    if not sys.stdin.isatty():
        return None
    answer = input(_("Replace the current database with this backup? [y/N] ", lang))
    return answer.strip().lower() in ("y", "ya", "yes")


def restore_command(args: argparse.Namespace, settings: Settings, lang: str, db: Database) -> int:
    from app.admin.restore import describe_backup, restore

    try:
        contents = describe_backup(args.file, db)
    except InputRejected as exc:
        print(f"kanimdesk: {exc.message(lang)}", file=sys.stderr)
        return EXIT_REFUSED
    if not args.json:
        print("\n".join(describe_lines(contents, lang)))
    if args.check:
        if args.json:
            print(json.dumps(_contents_json(contents)))
        return EXIT_OK
    go_on = _confirmed(args, lang)
    if go_on is None:
        print("kanimdesk: " + _("Nothing was restored: add --yes to restore without being "
                                "asked (standard input is not a terminal).", lang),
              file=sys.stderr)  # fmt: skip
        return EXIT_REFUSED
    if not go_on:
        print(_("Nothing was restored.", lang))
        return EXIT_OK
    try:
        done = restore(db, args.file, settings, actor=officer())
    except InputRejected as exc:
        print(f"kanimdesk: {exc.message(lang)}", file=sys.stderr)
        return EXIT_REFUSED
    if args.json:
        print(json.dumps({**_contents_json(contents), "aside": str(done.aside)}))
    else:
        print(_("Restored. The replaced database was kept as {0}", lang).format(done.aside))
    return EXIT_OK


def _contents_json(contents: BackupContents) -> dict[str, object]:
    return {"path": str(contents.path), "kind": contents.kind,
            "taken_at": contents.taken_at.isoformat(timespec="seconds"),
            "size": contents.size, "counts": contents.counts,
            "revision": contents.revision}  # fmt: skip


def _as_found(args: argparse.Namespace, settings: Settings) -> Database:
    """The database as it is: a damaged one is what a restore is for, so it is not refused."""
    from app.cli.database import open_database

    return open_database(args, settings)
