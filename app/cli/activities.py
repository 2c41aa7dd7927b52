"""`kanimdesk activity add|list`: the office's publicity and socialisation log.

Every verb's parser carries its handler as ``args.handler``, called as
``handler(args, settings, lang, db) -> exit code`` (see app/cli/entry.py).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli.access import officer
from app.figures.activity_model import ACTIVITY_KINDS, ActivityInfo
from app.i18n import _, label, ngettext, number, plain_date
from app.problems import InputRejected

if TYPE_CHECKING:  # the window starts through the parser: keep SQLAlchemy out of this import
    from app.config import Settings
    from app.db.engine import Database

EXIT_OK, EXIT_REFUSED = 0, 2

Handler = Callable[[argparse.Namespace, "Settings", str, "Database"], int]


def day(value: str) -> date:
    """argparse type for YYYY-MM-DD."""
    try:
        if len(value) != 10:
            raise ValueError(value)
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("date must be YYYY-MM-DD: {0}").format(repr(value))
        ) from None


def _kinds_named() -> str:
    return ", ".join(f"{code} ({label(ACTIVITY_KINDS, code)})" for code in ACTIVITY_KINDS)


def kind(value: str) -> str:
    """argparse type for an activity kind code (ACTIVITY_KINDS)."""
    code = value.strip().lower()
    if code not in ACTIVITY_KINDS:
        raise argparse.ArgumentTypeError(
            _("unknown kind of activity {0}; choose one of: {1}").format(
                repr(value), _kinds_named()
            )
        )
    return code


def _refused(exc: InputRejected, lang: str, as_json: bool) -> int:
    message = exc.message(lang)
    if as_json:
        problems = [{"field": p.field, "message": p.message(lang)} for p in exc.problems]
        print(json.dumps({"status": "refused", "problems": problems}, ensure_ascii=False))
    print(f"kanimdesk: {message}", file=sys.stderr)
    return EXIT_REFUSED


def activity_json(a: ActivityInfo) -> dict[str, Any]:
    return {"id": a.id, "uuid": a.uuid, "office_code": a.office_code,
            "date": a.activity_date.isoformat(), "kind": a.kind, "title": a.title,
            "place": a.place, "audience": a.audience, "note": a.note,
            "photo": a.attachment_id is not None, "officer": a.officer}  # fmt: skip


def activity_add(args: argparse.Namespace, settings: Settings, lang: str, db: Database) -> int:
    from app.figures.activities import ActivityDraft, add_activity

    draft = ActivityDraft(office_code=args.office or settings.office.code, activity_date=args.date,
                          kind=args.kind, title=args.title, place=args.place,
                          audience=args.audience, note=args.note, officer=officer())  # fmt: skip
    try:
        info = add_activity(db, draft, photo=args.photo)
    except InputRejected as exc:
        return _refused(exc, lang, args.json)
    if args.json:
        print(json.dumps({"status": "added", **activity_json(info)}, ensure_ascii=False))
    else:
        print(f"{info.id}: {plain_date(info.activity_date, lang)} · "
              f"{label(ACTIVITY_KINDS, info.kind, lang)} · {info.title}")  # fmt: skip
    return EXIT_OK


def _table(rows: list[list[str]], right: set[int]) -> list[str]:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for r in rows:
        cells = [
            c.rjust(w) if i in right else c.ljust(w)
            for i, (c, w) in enumerate(zip(r, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
    return lines


def activity_list(args: argparse.Namespace, settings: Settings, lang: str, db: Database) -> int:
    from app.figures.activities import list_activities

    office = args.office or settings.office.code
    if args.start and args.end and args.start > args.end:
        print("kanimdesk: " + _("--from is after --to.", lang), file=sys.stderr)
        return EXIT_REFUSED
    found = list_activities(db, office, args.start, args.end)
    if args.json:
        print(json.dumps([activity_json(a) for a in found], ensure_ascii=False, indent=1))
        return EXIT_OK
    if not found:
        print(_("No activities in this period.", lang))
        return EXIT_OK
    head = [_("Date", lang), _("Kind", lang), _("Title", lang), _("Place or channel", lang),
            _("Audience", lang)]  # fmt: skip
    rows = [head] + [
        [plain_date(a.activity_date, lang), label(ACTIVITY_KINDS, a.kind, lang), a.title,
         a.place or "–", number(a.audience, lang) if a.audience is not None else "–"]
        for a in found
    ]  # fmt: skip
    for line in _table(rows, right={4}):
        print(line)
    reached = sum(a.audience or 0 for a in found)
    n = len(found)
    print(
        ngettext("{n} activity", "{n} activities", n, lang).format(n=n)
        + " · "
        + _("{people} people reached", lang).format(people=number(reached, lang))
    )
    return EXIT_OK


def add_activity_commands(top_level_subparsers: Any) -> dict[str, Handler]:
    """Add the `activity` command (add, list); returns verb -> handler."""
    ap = top_level_subparsers.add_parser(
        "activity", help=_("the office's publicity and socialisation log")
    )
    asub = ap.add_subparsers(dest="activity_command", required=True)
    office_help = _("office code (default: the office in settings)")
    sp = asub.add_parser(
        "add",
        help=_("record a publicity or socialisation activity"),
        description=_("Kinds of activity: {0}.").format(_kinds_named()),
    )
    sp.add_argument("--date", type=day, required=True, metavar="YYYY-MM-DD")
    sp.add_argument("--kind", type=kind, required=True, metavar="KIND",
                    help=_("one of: {0}").format(_kinds_named()))  # fmt: skip
    sp.add_argument("--title", required=True, metavar="TEXT")
    sp.add_argument("--audience", metavar="N", help=_("people reached (a whole number)"))
    sp.add_argument("--place", metavar="TEXT", help=_("place or channel"))
    sp.add_argument("--note", metavar="TEXT")
    sp.add_argument("--photo", type=Path, metavar="FILE", help=_("a photo (JPEG, PNG, …)"))
    sp.add_argument("--office", metavar="CODE", help=office_help)
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(handler=activity_add)
    sp = asub.add_parser("list", help=_("list the office's activities, oldest first"))
    sp.add_argument("--from", dest="start", type=day, metavar="YYYY-MM-DD")
    sp.add_argument("--to", dest="end", type=day, metavar="YYYY-MM-DD")
    sp.add_argument("--office", metavar="CODE", help=office_help)
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(handler=activity_list)
    return {"add": activity_add, "list": activity_list}
