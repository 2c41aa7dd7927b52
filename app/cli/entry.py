"""The `kanimdesk` command: the window by default, and subcommands for administrators and scripts.

Each command group adds its parsers with an ``add_*_commands(subparsers)`` function, one
module per group (database, desk, queue, visits, exchange). Every verb's parser carries
its handler as ``args.handler``, called as ``handler(args, settings, lang, db) -> exit code``
with the database opened by ``args.open_database`` (default: created or upgraded first).
"""

from __future__ import annotations

import argparse
import logging
import sys
from typing import NoReturn

from app import __version__
from app.config import Settings, load_settings
from app.i18n import _, language, set_language
from app.problems import InputRejected

EXIT_OK, EXIT_ERROR, EXIT_REFUSED, EXIT_REJECTED_ROWS, EXIT_NOBODY = 0, 1, 2, 3, 4
log = logging.getLogger(__name__)


class CliError(Exception):
    """A reason to stop with a message (no traceback) and an exit code."""

    def __init__(self, message: str, code: int = EXIT_ERROR):
        super().__init__(message)
        self.code = code


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        sys.stderr.write("kanimdesk: " + _("invalid argument: {0}").format(message) + "\n")
        sys.exit(EXIT_REFUSED)


def build_parser() -> argparse.ArgumentParser:
    from app.cli.activities import add_activity_commands
    from app.cli.applications import add_application_commands
    from app.cli.audit import add_audit_commands
    from app.cli.backups import add_backup_commands
    from app.cli.database import add_database_commands
    from app.cli.desk import add_desk_commands
    from app.cli.exchange import add_figures_commands, add_visit_exchange_commands
    from app.cli.queue import add_queue_commands
    from app.cli.receipt import add_receipt_commands
    from app.cli.reports import add_report_commands
    from app.cli.retention import add_purge_commands
    from app.cli.users import add_user_commands
    from app.cli.visits import add_template_commands, add_visit_commands

    p = _Parser(
        prog="kanimdesk", description=_("KanimDesk — the immigration office's service desk")
    )
    p.add_argument("--version", action="version", version=f"KanimDesk {__version__}")
    p.add_argument(
        "--db",
        metavar="URL",
        help=_("SQLAlchemy database URL (default: KANIMDESK_DB or the SQLite file)"),
    )
    p.add_argument(
        "--lang", choices=["id", "en"], help=_("language of messages (default: settings)")
    )
    p.add_argument("--user", dest="as_user", metavar="NAME",
                   help=_("who runs the command, once accounts exist (default: KANIMDESK_USER); "
                          "the password from KANIMDESK_PASSWORD or a prompt"))  # fmt: skip
    sub = p.add_subparsers(dest="command", parser_class=_Parser)

    sub.add_parser("gui", help=_("open the window (default)"))
    add_database_commands(sub)
    add_desk_commands(sub)
    add_queue_commands(sub)
    add_application_commands(sub)
    add_receipt_commands(sub)
    _visit_parser, visit_sub, _verbs = add_visit_commands(sub)
    add_visit_exchange_commands(visit_sub)
    add_template_commands(sub)
    add_figures_commands(sub)
    add_activity_commands(sub)
    add_report_commands(sub)
    add_user_commands(sub)
    add_backup_commands(sub)
    add_audit_commands(sub)
    add_purge_commands(sub)
    return p


def _language_asked(argv: list[str]) -> str | None:
    """The value of --lang, read before the parser exists (its help and errors need it)."""
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.partition("=")[2]
    return None


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    from app.logs import configure_logging

    configure_logging()
    # main() is also called in-process (tests, scripts): leave the caller's language as it was.
    previous = language()
    try:
        asked = _language_asked(argv)
        set_language(asked)
        try:
            settings = load_settings()
        except InputRejected as exc:  # app.config.SettingsError: a bad settings file
            print(f"kanimdesk: {exc.message(language())}", file=sys.stderr)
            return EXIT_REFUSED
        set_language(asked or settings.language)
        args = build_parser().parse_args(argv)
        lang = set_language(args.lang or settings.language)
        return _run(args, settings, lang)
    finally:
        set_language(previous)
        from app.admin import session

        session.run_open()  # main() in-process (tests, scripts): the next call starts anew


def _run(args: argparse.Namespace, settings: Settings, lang: str) -> int:
    if args.command in (None, "gui"):
        from ui.main import run_gui  # the window is only imported when asked for

        return run_gui(db_url=args.db, lang=args.lang)
    try:
        from app.cli.access import authorize
        from app.cli.database import ready_database

        open_database = getattr(args, "open_database", ready_database)
        db = open_database(args, settings)
        authorize(args, db, lang)
        return args.handler(args, settings, lang, db)
    except InputRejected as exc:
        print(f"kanimdesk: {exc.message(lang)}", file=sys.stderr)
        return EXIT_REFUSED
    except CliError as exc:
        print(f"kanimdesk: {exc}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        print("kanimdesk: " + _("interrupted"), file=sys.stderr)
        return 130
    except Exception as exc:  # the last guard: a reason, never a traceback, SQL or a NIK
        return _last_guard(exc, args, settings, lang)


def _last_guard(exc: Exception, args: argparse.Namespace, settings: Settings, lang: str) -> int:
    from app.cli.database import database_url
    from app.db.faults import database_fault, fault_message
    from app.logs import log_file, redact

    url = database_url(args, settings)
    words = fault_message(exc, lang, url)
    if words is not None:
        fault = database_fault(exc, url)
        print(f"kanimdesk: {words}", file=sys.stderr)
        return EXIT_REFUSED if fault is not None and fault.refusal else EXIT_ERROR
    log.error("kanimdesk %s failed", args.command, exc_info=exc)
    reason = redact(f"{exc.__class__.__name__}: {exc}")
    print("kanimdesk: " + _("{0}. Details are in the log file {1}.").format(reason, log_file()),
          file=sys.stderr)  # fmt: skip
    return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
