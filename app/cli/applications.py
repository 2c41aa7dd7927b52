"""`kanimdesk application|closure|collection-date`: stages to collection, office closures, collection dates.

Stages are given by their codes (berkas, wawancara, …; app.desk.stages.Stage); an application
by its number as the receipt prints it or a scanner types it (PMH-0001234, 1234).
"""

from __future__ import annotations

import argparse
import json
import re
from datetime import date
from typing import TYPE_CHECKING, Any

from app.cli.access import officer
from app.cli.entry import EXIT_OK
from app.cli.queue import _iso_date
from app.config import Settings
from app.i18n import _
from app.problems import InputRejected, Problem

if TYPE_CHECKING:
    from app.db.engine import Database
    from app.desk.application_view import ApplicationView


def _amount(value: str) -> int:
    """Rupiah as people write them: 650000, 650.000, Rp650.000, Rp 650,000."""
    digits = re.sub(r"[\s.,]", "", value.strip().removeprefix("Rp").removeprefix("rp"))
    if not digits.isdigit():
        raise argparse.ArgumentTypeError(
            _("the amount must be whole rupiah, e.g. 650000: {0}").format(repr(value))
        )
    return int(digits)


def _year(value: str) -> int:
    if not value.isdigit() or not 1900 <= int(value) <= 2999:
        raise argparse.ArgumentTypeError(_("the year must be four digits: {0}").format(repr(value)))
    return int(value)


def add_application_commands(sub: argparse._SubParsersAction) -> None:
    ap = sub.add_parser("application", help=_("an application's stages to collection"))
    asub = ap.add_subparsers(dest="application_command", parser_class=type(ap), required=True)
    from app.cli.find import add_find_command

    add_find_command(asub)
    number_help = _("application number, e.g. PMH-0001234")

    adv = asub.add_parser("advance", help=_("record the next stage of an application"))
    adv.add_argument("number", help=number_help)
    adv.add_argument("--to", required=True, metavar="STAGE", help=_("stage code, e.g. wawancara"))
    adv.add_argument("--amount", type=_amount, help=_("amount paid in rupiah (payment)"))
    adv.add_argument("--billing-code", help=_("billing code of the payment"))
    adv.add_argument("--note", help=_("note (required to cancel or defer)"))
    adv.add_argument("--counter", help=_("counter where the step is done"))
    adv.add_argument("--json", action="store_true")
    adv.set_defaults(handler=cmd_advance)

    cor = asub.add_parser("correct", help=_("undo the last stage by recording a correction"))
    cor.add_argument("number", help=number_help)
    cor.add_argument("--note", required=True, help=_("what was wrong"))
    cor.add_argument("--counter", help=_("counter where the step is done"))
    cor.add_argument("--json", action="store_true")
    cor.set_defaults(handler=cmd_correct)

    show = asub.add_parser("show", help=_("an application with its stage history"))
    show.add_argument("number", help=number_help)
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=cmd_show)

    over = asub.add_parser("overdue", help=_("passports ready and not collected in time"))
    over.add_argument("--json", action="store_true")
    over.set_defaults(handler=cmd_overdue)

    cancel = asub.add_parser("cancel-overdue", help=_("cancel every uncollected overdue passport"))
    cancel.add_argument("--reason", required=True, help=_("reason recorded with each"))
    cancel.set_defaults(handler=cmd_cancel_overdue)

    cp = sub.add_parser("closure", help=_("days the office is closed"))
    csub = cp.add_subparsers(dest="closure_command", parser_class=type(cp), required=True)
    add = csub.add_parser("add", help=_("record a day the office is closed"))
    add.add_argument("day", type=_iso_date, metavar="YYYY-MM-DD")
    add.add_argument("--reason", required=True, help=_("why the office is closed"))
    add.set_defaults(handler=cmd_closure_add)
    rm = csub.add_parser("remove", help=_("take back a closure recorded by mistake"))
    rm.add_argument("day", type=_iso_date, metavar="YYYY-MM-DD")
    rm.set_defaults(handler=cmd_closure_remove)
    ls = csub.add_parser("list", help=_("the recorded closures"))
    ls.add_argument("--year", type=_year)
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(handler=cmd_closure_list)

    cd = sub.add_parser("collection-date", help=_("the collection date of a payment on a day"))
    cd.add_argument("day", type=_iso_date, metavar="YYYY-MM-DD")
    cd.add_argument("--same-day", action="store_true", help=_("same-day service"))
    cd.set_defaults(handler=cmd_collection_date)


def _app_id(number: str) -> int:
    from app.desk.stages import parse_application_number

    app_id = parse_application_number(number)
    if app_id is None:
        raise InputRejected([Problem("application.bad_number", "number")])
    return app_id


def view_json(view: ApplicationView, personal: bool = False) -> dict[str, Any]:
    """The application for scripts; the name and the masked NIK only with *personal*."""
    out: dict[str, Any] = {
        "id": view.id, "number": view.number, "stage": view.stage,
        "application_date": view.application_date.isoformat(), "kind": view.kind,
        "product": view.product, "validity_years": view.validity_years,
        "same_day": view.same_day, "fee_total": view.fee_total,
        "paid_amount": view.paid_amount, "billing_code": view.billing_code,
        "paid_at": view.paid_at.isoformat(timespec="seconds") if view.paid_at else None,
        "collection_date": view.collection_date.isoformat() if view.collection_date else None,
        "next_stages": view.next_stages,
        "steps": [
            {"id": st.id, "stage": st.stage, "at": st.at.isoformat(timespec="seconds"),
             "officer": st.officer, "counter": st.counter, "corrects_id": st.corrects_id,
             "note": st.note}
            for st in view.steps
        ],
    }  # fmt: skip
    if personal:
        from app.desk.masking import mask_nik

        out["name"] = view.name
        out["nik"] = mask_nik(view.nik) if view.nik else None
    return out


def _print_step_result(view: ApplicationView, as_json: bool, lang: str) -> None:
    from app.desk.stages import STAGE_LABELS
    from app.i18n import label, long_date

    if as_json:
        print(json.dumps(view_json(view), ensure_ascii=False))
        return
    print(f"{view.number}: {label(STAGE_LABELS, view.stage, lang)}")
    if view.stage == "pembayaran" and view.collection_date is not None:
        print(_("Collection date: {0}").format(long_date(view.collection_date, lang)))


def cmd_advance(args: argparse.Namespace, settings: Settings, lang: str, db: Database) -> int:
    from app.desk.application_steps import advance

    view = advance(db, settings, _app_id(args.number), args.to, officer=officer(),
                   counter=args.counter, note=args.note, paid_amount=args.amount,
                   billing_code=args.billing_code)  # fmt: skip
    _print_step_result(view, args.json, lang)
    return EXIT_OK


def cmd_correct(args: argparse.Namespace, settings: Settings, lang: str, db: Database) -> int:
    from app.desk.application_steps import correct_last_step

    view = correct_last_step(
        db, settings, _app_id(args.number), officer=officer(), counter=args.counter, note=args.note
    )
    _print_step_result(view, args.json, lang)
    return EXIT_OK


def cmd_show(args: argparse.Namespace, settings: Settings, lang: str, db: Database) -> int:
    from app.desk.application_steps import application_view
    from app.desk.masking import mask_nik
    from app.desk.passport import KIND_LABELS, PRODUCT_LABELS
    from app.desk.stages import STAGE_LABELS
    from app.i18n import date_time, label, long_date, ngettext, rupiah

    view = application_view(db, _app_id(args.number))
    if args.json:
        print(json.dumps(view_json(view, personal=True), ensure_ascii=False))
        return EXIT_OK
    print(f"{view.number}  {view.name}  NIK {mask_nik(view.nik) if view.nik else '-'}")
    years = ngettext("{n} year", "{n} years", view.validity_years).format(n=view.validity_years)
    print(f"{label(KIND_LABELS, view.kind, lang)} · {label(PRODUCT_LABELS, view.product, lang)}"
          f" · {years}")  # fmt: skip
    print(_("Stage: {0}").format(label(STAGE_LABELS, view.stage, lang)))
    if view.paid_at is not None:
        paid = rupiah(view.paid_amount or 0)
        print(_("Paid {amount} (billing code {code}) at {when}").format(
            amount=paid, code=view.billing_code, when=date_time(view.paid_at, lang)))  # fmt: skip
    if view.collection_date is not None:
        print(_("Collection date: {0}").format(long_date(view.collection_date, lang)))
    for st in view.steps:
        what = label(STAGE_LABELS, st.stage, lang)
        if st.corrects_id is not None:
            what = _("correction, back to {0}").format(what)
        where = f" · {st.counter}" if st.counter else ""
        note = f" — {st.note}" if st.note else ""
        print(f"  {date_time(st.at, lang)}  {what} · {st.officer or '-'}{where}{note}")
    nexts = ", ".join(view.next_stages) or "-"
    print(_("Next: {0}").format(nexts))
    return EXIT_OK


def cmd_overdue(args: argparse.Namespace, settings: Settings, lang: str, db: Database) -> int:
    from app.desk.application_steps import overdue_for_cancellation

    rows = overdue_for_cancellation(db, settings)
    if args.json:
        print(json.dumps([{"id": r.id, "number": r.number, "days_overdue": r.days_overdue,
                           "collection_date": r.collection_date.isoformat()} for r in rows]))  # fmt: skip
        return EXIT_OK
    for r in rows:
        print(f"{r.number}  {r.collection_date.isoformat()}  +{r.days_overdue}")
    return EXIT_OK


def cmd_cancel_overdue(
    args: argparse.Namespace, settings: Settings, lang: str, db: Database
) -> int:
    from app.desk.application_steps import cancel_overdue, overdue_for_cancellation
    from app.i18n import ngettext

    rows = overdue_for_cancellation(db, settings)
    cancel_overdue(db, settings, [r.id for r in rows], args.reason, officer=officer())
    for r in rows:
        print(r.number)
    n = len(rows)
    print(ngettext("{n} application cancelled", "{n} applications cancelled", n).format(n=n))
    return EXIT_OK


def cmd_closure_add(args: argparse.Namespace, settings: Settings, lang: str, db: Database) -> int:
    from app.desk.closures import add_closure
    from app.i18n import long_date

    add_closure(db, settings, args.day, args.reason, officer())
    print(_("Closed: {0}").format(long_date(args.day, lang)))
    return EXIT_OK


def cmd_closure_remove(
    args: argparse.Namespace, settings: Settings, lang: str, db: Database
) -> int:
    from app.desk.closures import remove_closure
    from app.i18n import long_date

    remove_closure(db, settings, args.day, officer())
    print(_("Open again: {0}").format(long_date(args.day, lang)))
    return EXIT_OK


def cmd_closure_list(args: argparse.Namespace, settings: Settings, lang: str, db: Database) -> int:
    from app.desk.closures import list_closures
    from app.i18n import long_date

    rows = list_closures(db, settings, args.year)
    if args.json:
        print(json.dumps([{"day": c.day.isoformat(), "reason": c.reason, "officer": c.officer}
                          for c in rows], ensure_ascii=False))  # fmt: skip
        return EXIT_OK
    for c in rows:
        print(f"{c.day.isoformat()}  {long_date(c.day, lang)}  {c.reason}")
    return EXIT_OK


def cmd_collection_date(
    args: argparse.Namespace, settings: Settings, lang: str, db: Database
) -> int:
    from app.desk.closures import collection_date_on
    from app.i18n import long_date

    day: date = collection_date_on(db, settings, args.day, args.same_day)
    print(long_date(day, lang))
    print(day.isoformat())  # the last line, for scripts
    return EXIT_OK
