"""Moving an application through its stages to collection: steps, payment, corrections, cancellation.

Every step is a new ApplicationStage row (when, officer, counter) and an audit_log row; nothing
is rewritten. Which step may follow which is app.desk.stages.NEXT_STAGES, enforced here.

Two counters acting on one application at the same moment give one step, never a skipped or
doubled one: on PostgreSQL the application row is locked (SELECT … FOR UPDATE) before its
stage is read, so the second waits and then sees the new stage; on SQLite every write
transaction starts with BEGIN IMMEDIATE (app.db.engine), so writers are serial already.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.admin.session import require as require_role
from app.changes import Changes
from app.config import Settings
from app.db.engine import Database
from app.db.models import Application, ApplicationStage, AuditLog
from app.db.setup import office_id
from app.desk.application_view import (
    ApplicationView,
    StepInfo,
    application_view,
    not_found,
    step_rows,
    view_in,
)
from app.desk.closures import collection_date_in
from app.desk.stages import (
    NOTE_REQUIRED,
    STAGE_LABELS,
    Stage,
    effective_steps,
    format_application_number,
    next_stages,
    stage_of,
)
from app.i18n import N_, label, register_messages, rupiah
from app.problems import InputRejected, Problem
from app.text_limits import too_long

__all__ = [
    "APPLICATION_CHANGES",
    "ApplicationView",
    "OverdueRow",
    "StepInfo",
    "advance",
    "application_view",
    "cancel_overdue",
    "correct_last_step",
    "overdue_for_cancellation",
]

APPLICATION_CHANGES = Changes(applications=True)
NOTE_MAX = ApplicationStage.__table__.c.note.type.length  # type: ignore[attr-defined]
BILLING_MAX = Application.__table__.c.billing_code.type.length  # type: ignore[attr-defined]
# The dearest application (e-Paspor 10 years, same-day, lost) is under Rp4.000.000: a bound well
# above any real payment catches a slipped key, and keeps the value in a 32-bit column.
PAYMENT_MAX = 100_000_000

register_messages(
    {
        "payment.amount_missing": N_("Enter the amount paid."),
        "payment.amount_range": N_("The amount paid must be from Rp0 to {max}, in whole rupiah."),
        "payment.billing_missing": N_("Enter the billing code of the payment."),
        "payment.billing_long": N_("The billing code is too long ({n} characters; at most {max})."),
        "payment.not_payment": N_(
            "An amount and a billing code are recorded at the payment step only."
        ),
        "step.note_long": N_("The note is too long ({n} characters; at most {max})."),
        "correction.nothing": N_(
            "Application {number} has no step to correct: the registration is its only step."
        ),
        "correction.note_required": N_("Say what was wrong: a correction needs a note."),
        "correction.changed": N_(
            "The last step of application {number} is no longer the one shown "
            "(another counter changed it). Look at it again."
        ),
        "cancel.reason_required": N_("Give the reason for the cancellation."),
        "cancel.not_overdue": N_(
            "Not waiting for cancellation any more: {numbers}. Load the list again."
        ),
    }
)


@dataclass(frozen=True)
class OverdueRow:
    id: int
    number: str
    collection_date: date
    days_overdue: int  # days past the cancellation deadline (collection date + the setting), ≥ 1


# --- input ---------------------------------------------------------------------


def _clean_note(note: str | None, problems: list[Problem], field: str = "note") -> str | None:
    text = " ".join((note or "").split())
    if len(text) > NOTE_MAX:
        problems.append(Problem("step.note_long", field, {"n": len(text), "max": NOTE_MAX}))
    return text or None


def _who(officer: str, counter: str | None, problems: list[Problem]) -> None:
    for problem in (
        too_long("application_stage.officer", officer, "officer"),
        too_long("ticket.counter", counter, "counter"),  # the same counter name as the queue's
    ):
        if problem:
            problems.append(problem)


def _payment(
    to: Stage, paid_amount: int | None, billing_code: str | None, problems: list[Problem]
) -> str | None:
    """The billing code to store (stripped), after checking the payment's two values."""
    if to is not Stage.PEMBAYARAN:
        if paid_amount is not None or (billing_code or "").strip():
            problems.append(Problem("payment.not_payment", "paid_amount"))
        return None
    if paid_amount is None:
        problems.append(Problem("payment.amount_missing", "paid_amount"))
    elif isinstance(paid_amount, bool) or not isinstance(paid_amount, int) or not (
        0 <= paid_amount <= PAYMENT_MAX
    ):  # fmt: skip
        problems.append(
            Problem("payment.amount_range", "paid_amount", {"max": rupiah(PAYMENT_MAX)})
        )
    code = (billing_code or "").strip()
    if not code:
        problems.append(Problem("payment.billing_missing", "billing_code"))
    elif len(code) > BILLING_MAX:
        params: dict[str, object] = {"n": len(code), "max": BILLING_MAX}
        problems.append(Problem("payment.billing_long", "billing_code", params))
    return code


def _target(to: str) -> Stage:
    stage = stage_of(to)
    if stage is None:
        listed = ", ".join(Stage)
        raise InputRejected([Problem("stage.unknown", "to", {"value": to, "stages": listed})])
    return stage


# --- the transaction -------------------------------------------------------------


def _locked(s: Session, app_id: int) -> Application:
    """The application, its row locked for this transaction on PostgreSQL (see the module doc)."""
    app = s.get(Application, app_id, with_for_update=True)
    if app is None:
        raise not_found(app_id)
    return app


def _refuse_step(app: Application, to: Stage, from_stage: str | None) -> None:
    number = format_application_number(app.id)
    here = label(STAGE_LABELS, app.stage)
    if from_stage is not None and stage_of(from_stage) != app.stage:
        # The officer decided looking at another stage: someone moved it meanwhile.
        raise InputRejected([Problem("stage.changed", "to", {"number": number, "stage": here})])
    allowed = next_stages(app.stage, paid=app.paid_at is not None)
    if to in allowed:
        return
    params: dict[str, object]
    if to == app.stage:
        key, params = "stage.already", {"number": number, "stage": here}
    elif not allowed:
        key, params = "stage.final", {"number": number, "stage": here}
    else:
        key, params = "stage.not_next", {
            "number": number, "stage": here, "to": label(STAGE_LABELS, to),
            "allowed": ", ".join(label(STAGE_LABELS, n) for n in allowed),
        }  # fmt: skip
    raise InputRejected([Problem(key, "to", params)])


def _record(
    s: Session,
    app: Application,
    stage: str,
    now: datetime,
    officer: str,
    counter: str | None,
    note: str | None,
    action: str,
    detail: str,
    corrects_id: int | None = None,
) -> None:
    s.add(ApplicationStage(application_id=app.id, stage=stage, at=now, officer=officer or None,
                           counter=counter, corrects_id=corrects_id, note=note))  # fmt: skip
    # Codes and numbers only in the audit detail: never the applicant's name or NIK.
    s.add(AuditLog(actor=officer or "-", action=action, entity="application",
                   entity_id=str(app.id), at=now, detail=detail))  # fmt: skip
    app.stage = stage
    app.updated_at = now


def advance(
    db: Database,
    settings: Settings,
    app_id: int,
    to: str,
    *,
    officer: str,
    counter: str | None = None,
    note: str | None = None,
    paid_amount: int | None = None,
    billing_code: str | None = None,
    from_stage: str | None = None,
    now: datetime | None = None,
) -> ApplicationView:
    """Record the next step of an application, as NEXT_STAGES allows.

    The payment step needs *paid_amount* (rupiah, ≥ 0) and *billing_code*, and stores them with
    the payment time and the collection date (app.desk.closures). Cancelling and deferring
    need a *note* (the reason). *from_stage*, when given, is the stage the officer saw: if the
    application has moved since, the step is refused instead of applied to the new stage.
    """
    require_role("application.advance")
    target = _target(to)
    problems: list[Problem] = []
    _who(officer, counter, problems)
    clean_note = _clean_note(note, problems)
    if target in NOTE_REQUIRED and clean_note is None:
        stage: dict[str, object] = {"stage": label(STAGE_LABELS, target)}
        problems.append(Problem("stage.note_required", "note", stage))
    code = _payment(target, paid_amount, billing_code, problems)
    now = now or datetime.now()
    with db.write() as s:
        app = _locked(s, app_id)
        # Whether the step is possible at all comes first: an amount is not asked for a payment
        # that cannot be recorded anyway.
        _refuse_step(app, target, from_stage)
        if problems:
            raise InputRejected(problems)
        detail = f"{app.stage} -> {target}"
        if target is Stage.PEMBAYARAN:
            app.paid_at, app.paid_amount, app.billing_code = now, paid_amount, code
            app.collection_date = collection_date_in(s, settings, now.date(), app.same_day)
            detail += f"; paid {paid_amount}; billing {code}; collection {app.collection_date}"
        _record(s, app, target, now, officer, counter, clean_note, "advance", detail)
        s.flush()
        return view_in(s, app, APPLICATION_CHANGES)


def correct_last_step(
    db: Database,
    settings: Settings,
    app_id: int,
    *,
    officer: str,
    counter: str | None = None,
    note: str,
    step_id: int | None = None,
    now: datetime | None = None,
) -> ApplicationView:
    """Undo the last step in effect by recording a correction: the application returns to the
    stage before it. A corrected payment clears the payment and collection date on the
    application; its step row and audit row keep what was recorded.

    *step_id*, when given, is the step the officer saw as the last: if another counter has
    added or corrected a step since, nothing is undone.
    """
    require_role("application.correct")
    problems: list[Problem] = []
    _who(officer, counter, problems)
    clean_note = _clean_note(note, problems)
    if clean_note is None:
        problems.append(Problem("correction.note_required", "note"))
    if problems:
        raise InputRejected(problems)
    now = now or datetime.now()
    with db.write() as s:
        app = _locked(s, app_id)
        number = format_application_number(app.id)
        in_effect = effective_steps((r.id, r.stage, r.corrects_id) for r in step_rows(s, app.id))
        if len(in_effect) < 2:
            raise InputRejected([Problem("correction.nothing", "number", {"number": number})])
        (wrong_id, wrong_stage), (_, back_to) = in_effect[-1], in_effect[-2]
        if step_id is not None and step_id != wrong_id:
            raise InputRejected([Problem("correction.changed", "number", {"number": number})])
        detail = f"corrects step {wrong_id}: {wrong_stage} -> {back_to}"
        if wrong_stage == Stage.PEMBAYARAN:
            detail += f"; cleared paid {app.paid_amount}; billing {app.billing_code}"
            app.paid_at = app.paid_amount = app.billing_code = app.collection_date = None
        _record(s, app, back_to, now, officer, counter, clean_note, "correct_step", detail,
                corrects_id=wrong_id)  # fmt: skip
        s.flush()
        return view_in(s, app, APPLICATION_CHANGES)


# --- uncollected passports -----------------------------------------------------------


def overdue_for_cancellation(
    db: Database, settings: Settings, today: date | None = None
) -> list[OverdueRow]:
    """Passports ready and not collected for longer than the setting, oldest first."""
    today = today or date.today()
    with db.session() as s:
        return _overdue(s, settings, today)


def _overdue(
    s: Session, settings: Settings, today: date, ids: Iterable[int] | None = None
) -> list[OverdueRow]:
    # collection_date + N < today  ⇔  collection_date < today - N (the index on stage, date).
    deadline = today - timedelta(days=settings.uncollected_cancel_days)
    q = select(Application.id, Application.collection_date).where(
        Application.office_id == office_id(s, settings.office.code),
        Application.stage == Stage.SIAP,
        Application.collection_date < deadline,
    )
    if ids is not None:
        q = q.where(Application.id.in_(list(ids)))
    rows = s.execute(q.order_by(Application.collection_date, Application.id)).all()
    return [
        OverdueRow(app_id, format_application_number(app_id), day, (deadline - day).days)
        for app_id, day in rows
        if day is not None  # the WHERE leaves none; the column is nullable for unpaid ones
    ]


def cancel_overdue(
    db: Database,
    settings: Settings,
    app_ids: Iterable[int],
    reason: str,
    *,
    officer: str,
    counter: str | None = None,
    now: datetime | None = None,
) -> Changes:
    """Cancel the listed uncollected applications in one action, each with *reason* as its note.

    All or nothing: when one of them is no longer overdue (collected meanwhile at another
    counter, or corrected), nothing is cancelled and the reason names it.
    """
    require_role("application.correct")
    problems: list[Problem] = []
    _who(officer, counter, problems)
    clean = _clean_note(reason, problems, "reason")
    if clean is None:
        problems.append(Problem("cancel.reason_required", "reason"))
    if problems:
        raise InputRejected(problems)
    wanted = sorted(set(app_ids))  # one lock order for every caller: no deadlock
    if not wanted:
        return Changes()
    now = now or datetime.now()
    with db.write() as s:
        apps = [_locked(s, app_id) for app_id in wanted]
        still = {r.id for r in _overdue(s, settings, now.date(), wanted)}
        gone = [format_application_number(a.id) for a in apps if a.id not in still]
        if gone:
            params: dict[str, object] = {"numbers": ", ".join(gone)}
            raise InputRejected([Problem("cancel.not_overdue", "app_ids", params)])
        for app in apps:
            _record(s, app, Stage.BATAL, now, officer, counter, clean, "cancel_overdue",
                    f"{app.stage} -> {Stage.BATAL}; collection {app.collection_date}")  # fmt: skip
    return APPLICATION_CHANGES
