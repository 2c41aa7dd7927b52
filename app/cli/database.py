"""`kanimdesk init|check|demo`: create or upgrade the database, check it, fill it with demo data.

Also opens the database for every other command group (``open_database`` as it is,
``ready_database`` created or upgraded first, so that every command just works).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import TYPE_CHECKING

from app.cli.entry import EXIT_ERROR, EXIT_OK
from app.config import Settings, default_db_url
from app.i18n import _

if TYPE_CHECKING:  # the parser is built at every start: SQLAlchemy loads only when a command runs
    from app.db.engine import Database


def open_database(args: argparse.Namespace, settings: Settings) -> Database:
    """The database of --db, KANIMDESK_DB, the settings or the default SQLite file, as it is."""
    from app.db.engine import Database

    url = args.db or os.environ.get("KANIMDESK_DB") or settings.db_url or default_db_url()
    return Database(url)


def ready_database(args: argparse.Namespace, settings: Settings) -> Database:
    """The database, created/upgraded on first use."""
    from app.db.setup import init_database

    db = open_database(args, settings)
    init_database(db, settings)
    return db


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = -1
    if n < 1:
        raise argparse.ArgumentTypeError(
            _("must be a positive whole number: {0}").format(repr(value))
        )
    return n


def add_database_commands(sub: argparse._SubParsersAction) -> None:
    sp = sub.add_parser("init", help=_("create or upgrade the database"))
    sp.set_defaults(handler=cmd_init)
    sp = sub.add_parser("check", help=_("database integrity and migration state"))
    sp.add_argument("--json", action="store_true")
    # Checked as found: upgrading first would hide the state being asked about.
    sp.set_defaults(handler=cmd_check, open_database=open_database)
    sp = sub.add_parser("demo", help=_("fill the database with realistic demo data"))
    sp.add_argument("--applicants", type=_positive, default=20000)
    sp.add_argument("--seed", type=int, default=2024)
    sp.set_defaults(handler=cmd_demo)


def cmd_init(args: argparse.Namespace, settings: Settings, lang: str, db: Database) -> int:
    from app.db.migrate import current_revision

    print(
        f"OK: {db.engine.url.render_as_string(hide_password=True)} @ {current_revision(db.engine)}"
    )
    return EXIT_OK


def cmd_check(args: argparse.Namespace, settings: Settings, lang: str, db: Database) -> int:
    from app.db.integrity import check_database

    report = check_database(db)
    if args.json:
        print(json.dumps({"ok": report.ok, "revision": report.revision, "head": report.head,
                          "problems": report.problems}, ensure_ascii=False))  # fmt: skip
    else:
        verdict = _("SOUND (revision {0})") if report.ok else _("NOT SOUND (revision {0})")
        print(verdict.format(report.revision))
        for problem in report.problems:
            print(f"  - {problem}")
    return EXIT_OK if report.ok else EXIT_ERROR


def cmd_demo(args: argparse.Namespace, settings: Settings, lang: str, db: Database) -> int:
    from app.demo.generator import generate_demo
    from app.demo.visits import generate_demo_visits

    def progress(fraction: float, message: str) -> None:
        print(f"\r{fraction:5.0%} {message}", end="", file=sys.stderr, flush=True)

    summary = generate_demo(
        db, settings, applicants=args.applicants, seed=args.seed, progress=progress
    )
    print(file=sys.stderr)
    summary["visits"] = generate_demo_visits(db, settings)
    print(json.dumps(summary))
    return EXIT_OK
