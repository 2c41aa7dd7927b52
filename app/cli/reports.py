"""`kanimdesk report monthly|period`: the meeting report as PDF, Excel workbook or CSV.

The format follows the file's extension (.pdf, .xlsx, .csv). The file is written
atomically: a refused or failed report leaves no file, and an old file of that name stays
as it was until the new one is whole.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli.exchange import EXIT_OK, EXIT_REFUSED, Handler, year_month
from app.i18n import _

if TYPE_CHECKING:  # the window starts through this module's parser: keep SQLAlchemy out of it
    from app.config import Settings
    from app.db.engine import Database
    from app.figures.meeting.data import MeetingReport

FORMATS = (".pdf", ".xlsx", ".csv")
MAX_MONTHS = 120


def _refuse(message: str) -> int:
    print(f"kanimdesk: {message}", file=sys.stderr)
    return EXIT_REFUSED


def _write(report: MeetingReport, out: Path, suffix: str, comma: bool) -> None:
    """Render the file whole (the workbook and CSV writers into a private folder), then replace *out* in one step."""
    from app.atomic_file import write_atomically

    if suffix == ".pdf":
        from app.figures.meeting.pdf import render_meeting_pdf

        write_atomically(out, render_meeting_pdf(report))
        return
    with tempfile.TemporaryDirectory(prefix="kanimdesk-report-") as folder:
        draft = Path(folder) / ("report" + suffix)
        if suffix == ".xlsx":
            from app.figures.meeting.workbook import write_meeting_workbook

            write_meeting_workbook(report, draft)
        else:
            from app.figures.meeting.csv_export import write_meeting_csv

            write_meeting_csv(report, draft, comma=comma)
        write_atomically(out, draft.read_bytes())


def _report(
    args: argparse.Namespace, settings: Settings, lang: str, db: Database,
    first: tuple[int, int], last: tuple[int, int],
) -> int:  # fmt: skip
    from app.figures.meeting.builder import meeting_report
    from app.figures.statistics_model import Period
    from app.problems import InputRejected

    out: Path = args.out
    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        return _refuse(_("the file must end in .pdf, .xlsx or .csv: {0}", lang).format(out.name))
    if first > last:
        return _refuse(_("the first month {0} is after the last month {1}", lang).format(
            f"{first[0]}-{first[1]:02d}", f"{last[0]}-{last[1]:02d}"))  # fmt: skip
    months = (last[0] - first[0]) * 12 + last[1] - first[1] + 1
    if months > MAX_MONTHS:
        return _refuse(
            _("a report covers at most {0} months; this period has {1}", lang).format(
                MAX_MONTHS, months
            )
        )
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        return _refuse(_("folder not found: {0}", lang).format(folder))
    office = args.office or settings.office.code
    try:
        report = meeting_report(db, office, Period.months(first, last), lang=lang)
    except InputRejected as exc:
        return _refuse(exc.message(lang))
    try:
        _write(report, out, suffix, args.csv_comma)
    except OSError as exc:
        return _refuse(_("cannot write {0}: {1}", lang).format(out, exc.strerror or exc))
    print(str(out))
    return EXIT_OK


def report_monthly(args: argparse.Namespace, settings: Settings, lang: str, db: Database) -> int:
    return _report(args, settings, lang, db, args.month, args.month)


def report_period(args: argparse.Namespace, settings: Settings, lang: str, db: Database) -> int:
    return _report(args, settings, lang, db, args.first, args.last)


def _common(sp: argparse.ArgumentParser) -> None:
    sp.add_argument("--out", type=Path, required=True, metavar="FILE",
                    help=_("the report file: .pdf, .xlsx or .csv"))  # fmt: skip
    sp.add_argument(
        "--office", metavar="CODE", help=_("office code (default: the office in settings)")
    )
    sp.add_argument("--csv-comma", action="store_true",
                    help=_("separate CSV fields with commas (default: semicolons, as Excel in Indonesian expects)"))  # fmt: skip


def add_report_commands(top_level_subparsers: Any) -> dict[str, Handler]:
    """Add the `report` command (monthly, period); returns verb -> handler."""
    rp = top_level_subparsers.add_parser(
        "report", help=_("the meeting report of a month or a period: PDF, Excel workbook or CSV")
    )
    rsub = rp.add_subparsers(dest="report_command", required=True)
    sp = rsub.add_parser("monthly", help=_("the meeting report of one month"))
    sp.add_argument("month", type=year_month, metavar="YYYY-MM", help=_("the month of the report"))
    _common(sp)
    sp.set_defaults(handler=report_monthly)
    sp = rsub.add_parser(
        "period", help=_("the meeting report from one month to another, both included")
    )
    sp.add_argument("first", type=year_month, metavar="YYYY-MM", help=_("the first month"))
    sp.add_argument("last", type=year_month, metavar="YYYY-MM", help=_("the last month"))
    _common(sp)
    sp.set_defaults(handler=report_period)
    return {"monthly": report_monthly, "period": report_period}
