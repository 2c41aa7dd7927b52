"""`kanimdesk visit list|report` and `kanimdesk template export|import`: supervision visits from the command line.

Every verb's parser carries its handler as ``args.handler`` (as app.cli.exchange does),
called as ``handler(args, settings, lang, db) -> exit code``; the functions also return
verb -> handler. The parser is built after the entry point has chosen the language, so
its help is in that language; handlers give their messages in the *lang* they are passed. Bad input raises InputRejected, which the `kanimdesk` entry point
prints (no traceback) with exit code 2.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.i18n import N_, _, plain_date, register_messages, text
from app.problems import InputRejected, Problem

if TYPE_CHECKING:  # the parser is built on every start: services and ReportLab load only when run
    from app.config import Settings
    from app.db.engine import Database

Handler = Callable[[argparse.Namespace, "Settings", str, "Database"], int]

register_messages({
    "cli.write_failed": N_("Cannot write {path}: {reason}"),
    "cli.visits_none": N_("No visits yet."),
    "cli.report_written": N_("Visit report {id} written to {path}"),
    "cli.template_code_missing": N_("No template with code {code}."),
    "cli.template_exported": N_("Template {code} version {version} written to {path}"),
    "cli.template_outcome.created": N_("created"),
    "cli.template_outcome.unchanged": N_("unchanged"),
    "cli.template_outcome.updated": N_("updated"),
    "cli.template_outcome.new_version": N_("new version"),
    "cli.template_imported": N_("Template {code} version {version}: {outcome} ({items} items)"),
})  # fmt: skip


def _record_id(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(
            _("must be a positive whole number: {0}").format(repr(value))
        )
    return n


def _write(path: Path, data: bytes | str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    except OSError as exc:
        raise InputRejected(
            [Problem("cli.write_failed", "out", {"path": str(path), "reason": exc.strerror})]
        ) from exc


# --- visit ------------------------------------------------------------------------------


def visit_list(args: argparse.Namespace, settings: Settings, lang: str, db: Database) -> int:
    from app.monev.visits import list_visits
    from app.reports.style import score_text

    visits = list_visits(db)
    if args.json:
        print(json.dumps([{
            "id": v.id, "uuid": v.uuid, "office": {"code": v.office_code, "name": v.office_name},
            "start_date": v.start_date.isoformat(), "end_date": v.end_date.isoformat(), "status": v.status,
            "total_score": None if v.total_score is None else round(v.total_score, 2),
            "template_version": v.template_version, "conflict_of": v.conflict_of,
            "updated_at": v.updated_at.isoformat(timespec="seconds"),
        } for v in visits], ensure_ascii=False))  # fmt: skip
        return 0
    if not visits:
        print(text("cli.visits_none", lang))
        return 0
    for v in visits:
        when = plain_date(v.start_date, lang)
        if v.end_date != v.start_date:
            when += " – " + plain_date(v.end_date, lang)
        conflict = " !" if v.conflict_of else ""
        print(
            f"{v.id:>5}  {when:<28} {v.status:<6} {score_text(v.total_score, lang):>6}  {v.office_name}{conflict}"
        )
    return 0


def visit_report(args: argparse.Namespace, settings: Settings, lang: str, db: Database) -> int:
    from app.monev.report.builder import render_visit_pdf

    pdf = render_visit_pdf(db, settings, args.id, args.report_lang or lang)
    _write(args.out, pdf)
    print(text("cli.report_written", lang, id=args.id, path=args.out))
    return 0


VISIT_HANDLERS: dict[str, Handler] = {"list": visit_list, "report": visit_report}


def add_visit_commands(sub: Any) -> tuple[argparse.ArgumentParser, Any, dict[str, Handler]]:
    """Add `visit list|report` to the top-level subparsers; returns the parser, its subparsers
    (for `visit export|import`) and the handlers by `args.visit_command`."""
    vp = sub.add_parser("visit", help=_("supervision visits (monev)"))
    vsub = vp.add_subparsers(dest="visit_command", parser_class=type(vp), required=True)
    sp = vsub.add_parser("list", help=_("list the visits, newest first"))
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(handler=visit_list)
    sp = vsub.add_parser("report", help=_("write a visit's report as PDF"))
    sp.set_defaults(handler=visit_report)
    sp.add_argument("id", type=_record_id)
    sp.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    # Its own dest: the top-level --lang (messages) must not be overwritten by this default.
    sp.add_argument(
        "--lang", dest="report_lang", choices=["id", "en"], help=_("language of the report")
    )
    return vp, vsub, dict(VISIT_HANDLERS)


# --- template ---------------------------------------------------------------------------


def template_export(args: argparse.Namespace, settings: Settings, lang: str, db: Database) -> int:
    from app.monev.templates import (
        DEFAULT_TEMPLATE_CODE,
        ensure_default_template,
        get_template,
        latest_template,
        template_yaml,
    )

    if args.id is not None:
        template_id = args.id
    elif args.code:
        found = latest_template(db, args.code)
        if found is None:
            raise InputRejected([Problem("cli.template_code_missing", "code", {"code": args.code})])
        template_id = found.id
    else:
        template_id = (latest_template(db, DEFAULT_TEMPLATE_CODE) or ensure_default_template(db)).id
    data = get_template(db, template_id)
    _write(args.file, template_yaml(db, template_id))
    print(text("cli.template_exported", lang, code=data.code, version=data.version, path=args.file))
    return 0


def template_import(args: argparse.Namespace, settings: Settings, lang: str, db: Database) -> int:
    from app.monev.templates import import_template

    info = import_template(db, args.file)
    if args.json:
        print(json.dumps({"outcome": info.outcome, "id": info.id, "uuid": info.uuid, "code": info.code,
                          "version": info.version, "title": info.title, "sections": info.sections,
                          "items": info.items}, ensure_ascii=False))  # fmt: skip
    else:
        outcome = text(f"cli.template_outcome.{info.outcome}", lang)
        print(text("cli.template_imported", lang, code=info.code, version=info.version, outcome=outcome,
                   items=info.items))  # fmt: skip
    return 0


TEMPLATE_HANDLERS: dict[str, Handler] = {"export": template_export, "import": template_import}


def add_template_commands(sub: Any) -> tuple[argparse.ArgumentParser, Any, dict[str, Handler]]:
    """Add `template export|import` to the top-level subparsers; handlers by `args.template_command`."""
    tp = sub.add_parser("template", help=_("checklist templates (YAML files)"))
    tsub = tp.add_subparsers(dest="template_command", parser_class=type(tp), required=True)
    sp = tsub.add_parser(
        "export", help=_("write a template as YAML (default: the latest default template)")
    )
    sp.set_defaults(handler=template_export)
    sp.add_argument("file", type=Path)
    which = sp.add_mutually_exclusive_group()
    which.add_argument("--id", type=_record_id, help=_("template id"))
    which.add_argument("--code", help=_("latest version of this template code"))
    sp = tsub.add_parser("import", help=_("import a template YAML file"))
    sp.set_defaults(handler=template_import)
    sp.add_argument("file", type=Path)
    sp.add_argument("--json", action="store_true")
    return tp, tsub, dict(TEMPLATE_HANDLERS)
