"""The `kanimdesk` command: the window by default, and subcommands for administrators and scripts."""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date
from pathlib import Path

from app import __version__
from app.config import Settings, default_db_url, load_settings
from app.problems import InputRejected

EXIT_OK, EXIT_ERROR, EXIT_REFUSED, EXIT_REJECTED_ROWS = 0, 1, 2, 3


class CliError(Exception):
    """A reason to stop with a message (no traceback) and an exit code."""

    def __init__(self, message: str, code: int = EXIT_ERROR):
        super().__init__(message)
        self.code = code


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"kanimdesk: argumen tidak valid / invalid argument: {message}\n")
        sys.exit(EXIT_REFUSED)


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"tanggal harus YYYY-MM-DD / date must be YYYY-MM-DD: {value!r}"
        ) from None


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = -1
    if n < 1:
        raise argparse.ArgumentTypeError(f"harus bilangan bulat positif / must be a positive whole number: {value!r}")
    return n


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="kanimdesk", description="KanimDesk — meja layanan kantor imigrasi")
    p.add_argument("--version", action="version", version=f"KanimDesk {__version__}")
    p.add_argument("--db", metavar="URL", help="SQLAlchemy database URL (default: KANIMDESK_DB or the SQLite file)")
    p.add_argument("--lang", choices=["id", "en"], help="language of messages (default: settings)")
    sub = p.add_subparsers(dest="command", parser_class=_Parser)

    sub.add_parser("gui", help="open the window (default)")
    sub.add_parser("init", help="create or upgrade the database")
    sp = sub.add_parser("check", help="database integrity and migration state")
    sp.add_argument("--json", action="store_true")

    sp = sub.add_parser("demo", help="fill the database with realistic demo data")
    sp.add_argument("--applicants", type=_positive, default=20000)
    sp.add_argument("--seed", type=int, default=2024)

    sp = sub.add_parser("import-appointments", help="import the daily M-Paspor appointment CSV")
    sp.add_argument("file", type=Path)
    sp.add_argument("--json", action="store_true")

    tp = sub.add_parser("ticket", help="queue numbers")
    tsub = tp.add_subparsers(dest="ticket_command", parser_class=_Parser, required=True)
    ti = tsub.add_parser("issue", help="issue a queue number and print it")
    ti.add_argument("--service", required=True, help="service prefix: A, B, C or D")
    ti.add_argument("--priority", choices=["lansia", "disabilitas", "ibu_hamil", "anak"])
    ti.add_argument("--json", action="store_true")

    sp = sub.add_parser("slip", help="write a ticket's slip as PDF")
    sp.add_argument("number")
    sp.add_argument("--date", type=_iso_date)
    sp.add_argument("--out", type=Path, required=True)

    from app.cli.exchange import add_figures_commands, add_visit_exchange_commands
    from app.cli.visits import add_template_commands, add_visit_commands

    _visit_parser, visit_sub, _ = add_visit_commands(sub)
    add_visit_exchange_commands(visit_sub)
    add_template_commands(sub)
    add_figures_commands(sub)
    return p


def _database(args: argparse.Namespace, settings: Settings):
    from app.db.engine import Database

    url = args.db or os.environ.get("KANIMDESK_DB") or settings.db_url or default_db_url()
    return Database(url)


def _ready_database(args: argparse.Namespace, settings: Settings):
    """The database, created/upgraded on first use so that every command just works."""
    from app.db.setup import init_database

    db = _database(args, settings)
    init_database(db, settings)
    return db


def _cmd_init(args, settings, lang) -> int:
    from app.db.migrate import current_revision

    db = _ready_database(args, settings)
    print(f"OK: {db.engine.url.render_as_string(hide_password=True)} @ {current_revision(db.engine)}")
    return EXIT_OK


def _cmd_check(args, settings, lang) -> int:
    from app.db.integrity import check_database

    report = check_database(_database(args, settings))
    if args.json:
        print(json.dumps({"ok": report.ok, "revision": report.revision, "head": report.head,
                          "problems": report.problems}))  # fmt: skip
    else:
        print(("SEHAT / SOUND" if report.ok else "BERMASALAH / NOT SOUND") + f" (revision {report.revision})")
        for problem in report.problems:
            print(f"  - {problem}")
    return EXIT_OK if report.ok else EXIT_ERROR


def _cmd_demo(args, settings, lang) -> int:
    from app.demo.generator import generate_demo

    db = _ready_database(args, settings)

    def progress(fraction: float, message: str) -> None:
        print(f"\r{fraction:5.0%} {message}", end="", file=sys.stderr, flush=True)

    summary = generate_demo(db, settings, applicants=args.applicants, seed=args.seed, progress=progress)
    print(file=sys.stderr)
    from app.demo.visits import generate_demo_visits

    summary["visits"] = generate_demo_visits(db, settings)
    print(json.dumps(summary))
    return EXIT_OK


def _cmd_import(args, settings, lang) -> int:
    from app.desk.appointments import import_appointments

    db = _ready_database(args, settings)
    report = import_appointments(db, settings, args.file, lang=lang)
    if args.json:
        print(json.dumps(report.as_json(), ensure_ascii=False))
    else:
        print(report.summary(lang))
    return EXIT_OK if not report.rejected else EXIT_REJECTED_ROWS


def _cmd_ticket(args, settings, lang) -> int:
    from app.queue.tickets import issue_ticket

    db = _ready_database(args, settings)
    info = issue_ticket(db, settings.office.code, args.service, args.priority, officer="cli")
    if args.json:
        print(json.dumps({"number": info.number, "id": info.id, "date": info.ticket_date.isoformat(),
                          "waiting_ahead": info.waiting_ahead}))  # fmt: skip
    else:
        print(info.number)
    return EXIT_OK


def _cmd_slip(args, settings, lang) -> int:
    from app.queue.slip import render_slip
    from app.queue.tickets import find_ticket

    db = _ready_database(args, settings)
    info = find_ticket(db, settings.office.code, args.number, args.date)
    pdf = render_slip(info, settings, lang=lang)
    try:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_bytes(pdf)
    except OSError as exc:
        raise CliError(f"tidak dapat menulis / cannot write {args.out}: {exc.strerror}") from exc
    print(str(args.out))
    return EXIT_OK


def _cmd_with_database(args, settings, lang) -> int:
    """visit / template / figures: each verb's parser carries handler(args, settings, lang, db)."""
    return args.handler(args, settings, lang, _ready_database(args, settings))


COMMANDS = {
    "visit": _cmd_with_database,
    "template": _cmd_with_database,
    "figures": _cmd_with_database,
    "init": _cmd_init,
    "check": _cmd_check,
    "demo": _cmd_demo,
    "import-appointments": _cmd_import,
    "ticket": _cmd_ticket,
    "slip": _cmd_slip,
}


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    settings = load_settings()
    lang = args.lang or settings.language
    if args.command in (None, "gui"):
        from ui.main import run_gui  # the window is only imported when asked for

        return run_gui(db_url=args.db)
    try:
        return COMMANDS[args.command](args, settings, lang)
    except InputRejected as exc:
        print(f"kanimdesk: {exc.message(lang)}", file=sys.stderr)
        return EXIT_REFUSED
    except CliError as exc:
        print(f"kanimdesk: {exc}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        print("kanimdesk: dibatalkan / interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # the last guard: a reason, never a traceback
        from sqlalchemy.exc import OperationalError

        from app.i18n import text

        if isinstance(exc, OperationalError):
            print(f"kanimdesk: {text('db.unreachable', lang, reason=exc.orig)}", file=sys.stderr)
        else:
            print(f"kanimdesk: {exc.__class__.__name__}: {exc}", file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
