"""`kanimdesk purge [--older-than YEARS] [--dry-run] [--json]`: anonymise the personal fields
of applicants whose last contact with the office is older than the retention period."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from app.cli.access import officer
from app.cli.database import positive
from app.i18n import _, long_date, number

if TYPE_CHECKING:
    from app.config import Settings
    from app.db.engine import Database

EXIT_OK = 0


def purge_command(args: argparse.Namespace, settings: Settings, lang: str, db: Database) -> int:
    from app.admin.retention import purge

    years = args.older_than or settings.retention_years
    result = purge(db, years, dry_run=args.dry_run, actor=officer())
    if args.json:
        print(json.dumps({"cutoff": result.cutoff.isoformat(), "count": result.count,
                          "done": result.done,
                          "applicants": [{"id": c.applicant_id, "id_masked": c.masked_id,
                                          "last_contact": c.last_contact.isoformat()}
                                         for c in result.shown]}, ensure_ascii=False))  # fmt: skip
        return EXIT_OK
    when = long_date(result.cutoff, lang)
    if result.done:
        print(_("{n} applicants last seen before {date} are anonymised.", lang).format(
            n=number(result.count, lang), date=when))  # fmt: skip
        return EXIT_OK
    print(_("Would anonymise {n} applicants last seen before {date} (nothing changed):",
            lang).format(n=number(result.count, lang), date=when))  # fmt: skip
    for c in result.shown:
        print(f"  #{c.applicant_id:<8} {c.masked_id:<18} {c.last_contact.isoformat()}")
    if result.count > len(result.shown):
        print("  " + _("… and {n} more", lang).format(n=number(result.count - len(result.shown),
                                                            lang)))  # fmt: skip
    return EXIT_OK


def add_purge_commands(top_level_subparsers: Any) -> None:
    sp = top_level_subparsers.add_parser(
        "purge", help=_("anonymise applicants not seen for the retention period")
    )
    sp.add_argument("--older-than", type=positive, metavar="YEARS",
                    help=_("years since the last contact (default: the retention setting)"))  # fmt: skip
    sp.add_argument(
        "--dry-run", action="store_true", help=_("list what would change; change nothing")
    )
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(handler=purge_command)
