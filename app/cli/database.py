"""`kanimdesk init|check|demo`: create or upgrade the database, check it, fill it with demo data.

Also opens the database for every other command group (``open_database`` as it is,
``ready_database`` checked for damage and upgraded first). Only ``init``, ``demo`` and
the default file may create a database: any other missing file is refused by name.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import TYPE_CHECKING

from app.cli.entry import EXIT_ERROR, EXIT_OK, EXIT_REFUSED
from app.config import Settings, default_db_url
from app.i18n import _, text

if TYPE_CHECKING:  # the parser is built at every start: SQLAlchemy loads only when a command runs
    from app.db.engine import Database


def database_url(args: argparse.Namespace, settings: Settings) -> str:
    """--db, KANIMDESK_DB, the settings' db_url or the default SQLite file, in that order."""
    return args.db or os.environ.get("KANIMDESK_DB") or settings.db_url or default_db_url()


# The commands that make a database where there is none (besides the default file).
CREATING_COMMANDS = ("init", "demo")


def open_database(args: argparse.Namespace, settings: Settings) -> Database:
    """The database as it is; a SQLite file is made only for the default file and
    ``init``/``demo`` — a mistyped path or an unmounted share is refused by name."""
    from app.db.engine import Database

    url = database_url(args, settings)
    creating = url == default_db_url() or getattr(args, "command", None) in CREATING_COMMANDS
    db = Database(url, create=creating)
    db.on_busy = _say_busy
    return db


def _say_busy(attempt: int, attempts: int) -> None:
    words = text("db.busy", attempt=attempt, attempts=attempts)
    print(f"kanimdesk: {words}", file=sys.stderr, flush=True)


def ready_database(args: argparse.Namespace, settings: Settings) -> Database:
    """The database, checked for damage (SQLite) and created/upgraded on first use."""
    from app.db.integrity import ensure_sound
    from app.db.setup import init_database

    db = open_database(args, settings)
    ensure_sound(db)  # before the first write: nothing goes into a damaged file
    init_database(db, settings)
    return db


def positive(value: str) -> int:
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
    sp.set_defaults(handler=cmd_check, open_database=_no_database)
    sp = sub.add_parser("demo", help=_("fill the database with realistic demo data"))
    sp.add_argument("--applicants", type=positive, default=20000)
    sp.add_argument("--seed", type=int, default=2024)
    sp.set_defaults(handler=cmd_demo)


def cmd_init(args: argparse.Namespace, settings: Settings, lang: str, db: Database) -> int:
    from app.db.migrate import current_revision

    print(
        f"OK: {db.engine.url.render_as_string(hide_password=True)} @ {current_revision(db.engine)}"
    )
    return EXIT_OK


def _no_database(args: argparse.Namespace, settings: Settings) -> None:
    return None  # `check` opens it itself, so that even an unopenable database gets an answer


def cmd_check(args: argparse.Namespace, settings: Settings, lang: str, db: Database | None) -> int:
    """Always answers with what it found, on stdout (JSON with --json), damaged file or not."""
    from app.db.faults import REFUSALS, database_fault, fault_message
    from app.db.integrity import CheckReport, check_database
    from app.db.migrate import head_revision
    from app.problems import InputRejected

    try:
        db = db or open_database(args, settings)
        report = check_database(db)
    except InputRejected as exc:
        report = CheckReport(None, head_revision(), [exc.message(lang)], exc.problems[0].key)
    except Exception as exc:
        fault = database_fault(exc, database_url(args, settings))
        if fault is None:
            raise
        words = fault_message(exc, lang, database_url(args, settings)) or fault.key
        report = CheckReport(None, head_revision(), [words], fault.key)
    if args.json:
        print(json.dumps({"ok": report.ok, "revision": report.revision, "head": report.head,
                          "problems": report.problems, "fault": report.fault},
                         ensure_ascii=False))  # fmt: skip
    else:
        verdict = _("SOUND (revision {0})") if report.ok else _("NOT SOUND (revision {0})")
        print(verdict.format(report.revision or "—"))  # no schema found: a dash, not "None"
        for problem in report.problems:
            print(f"  - {problem}")
    if report.ok:
        return EXIT_OK
    return EXIT_REFUSED if report.fault in REFUSALS else EXIT_ERROR


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
