"""`kanimdesk visit export|import` and `kanimdesk figures export|import-file|import`: exchange files and historical figures from the command line.

app/cli/main.py wires these in: `add_visit_exchange_commands(visit_subparsers)` adds
two verbs to the `visit` command, `add_figures_commands(top_level_subparsers)`
adds the `figures` command (`import` reads an office's historical month,metric,value
CSV). Every verb's parser carries its handler as
`args.handler`, called as `handler(args, settings, lang, db) -> exit code`.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli.access import officer
from app.cli.entry import EXIT_REJECTED_ROWS
from app.i18n import _, ngettext
from app.problems import InputRejected

if TYPE_CHECKING:  # the window starts through this module's parser: keep SQLAlchemy out of it
    from app.config import Settings
    from app.db.engine import Database

EXIT_OK, EXIT_REFUSED = 0, 2

Handler = Callable[[argparse.Namespace, "Settings", str, "Database"], int]


def year_month(value: str) -> tuple[int, int]:
    """argparse type for YYYY-MM."""
    try:
        year, month = (int(x) for x in value.split("-"))
        if len(value) != 7 or not 1 <= month <= 12 or not 1900 < year < 2200:
            raise ValueError(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("month must be YYYY-MM: {0}").format(repr(value))
        ) from None
    return year, month


def _refused(exc: InputRejected, lang: str, as_json: bool = False) -> int:
    message = exc.message(lang)
    if as_json:
        print(
            json.dumps(
                {"status": "refused", "visit_id": None, "message": message}, ensure_ascii=False
            )
        )
    print(f"kanimdesk: {message}", file=sys.stderr)
    return EXIT_REFUSED


def visit_export(args: argparse.Namespace, settings: Settings, lang: str, db: Database) -> int:
    from app.monev.exchange.visit_packages import export_visit

    try:
        info = export_visit(db, args.id, args.out, actor=officer())
    except InputRejected as exc:
        return _refused(exc, lang)
    print(str(info.path))
    photos = ngettext("{n} photo", "{n} photos", info.photos, lang).format(n=info.photos)
    print(
        f"{info.uuid} · {photos} · {info.size} byte · sha256 {info.content_sha256[:16]}",
        file=sys.stderr,
    )
    return EXIT_OK


def visit_import(args: argparse.Namespace, settings: Settings, lang: str, db: Database) -> int:
    from app.monev.exchange.visit_packages import import_visit

    try:
        outcome = import_visit(db, args.file, lang=lang, actor=officer())
    except InputRejected as exc:
        return _refused(exc, lang, args.json)
    if args.json:
        print(json.dumps(outcome.as_json(), ensure_ascii=False))
    else:
        print(f"{outcome.status}: {outcome.message}")
    return EXIT_OK


def figures_export(args: argparse.Namespace, settings: Settings, lang: str, db: Database) -> int:
    from app.figures.figures_file import export_figures

    office = args.office or settings.office.code
    try:
        months = export_figures(db, office, args.start, args.end, args.out)
    except InputRejected as exc:
        return _refused(exc, lang)
    print(str(args.out))
    print(
        f"{office}: " + ngettext("{n} month", "{n} months", months, lang).format(n=months),
        file=sys.stderr,
    )
    return EXIT_OK


def figures_import(args: argparse.Namespace, settings: Settings, lang: str, db: Database) -> int:
    from app.figures.figures_file import import_figures_file

    try:
        result = import_figures_file(db, args.file, actor=officer())
    except InputRejected as exc:
        return _refused(exc, lang, args.json)
    summary: dict[str, Any] = {"status": "imported", "office_code": result.office_code, "months": result.months,
                               "metrics": result.metrics, "changed": result.changed}  # fmt: skip
    if args.json:
        print(json.dumps(summary, ensure_ascii=False))
    else:
        print(
            f"{result.office_code}: "
            + _("{months} months, {metrics} figures ({changed} new/changed)", lang).format(
                months=result.months, metrics=result.metrics, changed=result.changed
            )
        )
    return EXIT_OK


def figures_import_history(
    args: argparse.Namespace, settings: Settings, lang: str, db: Database
) -> int:
    from app.figures.history_import import import_history_csv

    office = args.office or settings.office.code
    try:
        result = import_history_csv(
            db, office, args.file, all_or_nothing=args.all_or_nothing, actor=officer()
        )
    except InputRejected as exc:
        print(f"kanimdesk: {exc.message(lang)}", file=sys.stderr)
        return EXIT_REFUSED
    if args.json:
        print(json.dumps(result.as_json(lang), ensure_ascii=False))
    else:
        print(result.summary(lang))
    return EXIT_OK if not result.rejected else EXIT_REJECTED_ROWS


def add_visit_exchange_commands(visit_subparsers: Any) -> dict[str, Handler]:
    """Add `export` and `import` to the existing `visit` subparsers; returns verb -> handler."""
    sp = visit_subparsers.add_parser(
        "export", help=_("write one visit as an exchange package (.kanimvisit)")
    )
    sp.add_argument("id", type=int, help=_("visit id (see: kanimdesk visit list)"))
    sp.add_argument("--out", type=Path, required=True, metavar="FILE")
    sp.set_defaults(handler=visit_export)
    sp = visit_subparsers.add_parser("import", help=_("check and merge a visit package"))
    sp.add_argument("file", type=Path)
    sp.add_argument(
        "--json", action="store_true", help=_('print {"status", "visit_id", "message"}')
    )
    sp.set_defaults(handler=visit_import)
    return {"export": visit_export, "import": visit_import}


def add_figures_commands(top_level_subparsers: Any) -> dict[str, Handler]:
    """Add the `figures` command (export, import-file, import); returns verb -> handler."""
    fp = top_level_subparsers.add_parser(
        "figures", help=_("monthly service figures as a file of aggregates")
    )
    fsub = fp.add_subparsers(dest="figures_command", required=True)
    sp = fsub.add_parser(
        "export", help=_("write the office's monthly aggregates (no names, no NIK)")
    )
    sp.add_argument("--from", dest="start", type=year_month, required=True, metavar="YYYY-MM")
    sp.add_argument("--to", dest="end", type=year_month, required=True, metavar="YYYY-MM")
    sp.add_argument("--out", type=Path, required=True, metavar="FILE")
    sp.add_argument(
        "--office", metavar="CODE", help=_("office code (default: the office in settings)")
    )
    sp.set_defaults(handler=figures_export)
    sp = fsub.add_parser(
        "import-file", help=_("store the figures of a file made by `figures export`")
    )
    sp.add_argument("file", type=Path)
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(handler=figures_import)
    sp = fsub.add_parser(
        "import",
        help=_("store the office's figures from before KanimDesk (month,metric,value CSV)"),
    )
    sp.add_argument(
        "file",
        type=Path,
        metavar="FILE.csv",
        help=_("month,metric,value rows (see resources/samples/figures-history.csv)"),
    )
    sp.add_argument(
        "--json",
        action="store_true",
        help=_('print {"imported": n, "rejected": [{"row", "reason"}]}'),
    )
    sp.add_argument(
        "--all-or-nothing", action="store_true", help=_("store nothing when any row is rejected")
    )
    sp.add_argument(
        "--office", metavar="CODE", help=_("office code (default: the office in settings)")
    )
    sp.set_defaults(handler=figures_import_history)
    return {
        "export": figures_export,
        "import-file": figures_import,
        "import": figures_import_history,
    }
