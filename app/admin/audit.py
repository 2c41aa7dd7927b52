"""The audit trail: who did what, when, on which workstation, to which object — and, for an
edit, the fields before and after with personal fields masked in the log itself.

Every service that changes data calls ``audit()`` inside its own write, so that the row and
the change are committed together or not at all. The table is append-only in the database
(migration 0011): nothing in the program can edit or delete a row.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.admin.session import require as require_role
from app.atomic_file import write_atomically
from app.db.engine import Database
from app.db.models import AuditLog
from app.desk.masking import masked
from app.i18n import N_, _


def _plain(value: object) -> object:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


_NOT_COMPARED = frozenset({"id", "uuid", "created_at", "updated_at"})
PERSON_NOT_COMPARED = _NOT_COMPARED | {"nik", "citizenship"}  # how a person is found


def fields_of(row: Any, skip: frozenset[str] = _NOT_COMPARED) -> dict[str, object]:
    """A mapped row's columns as an edit's before/after compares them."""
    return {c.key: getattr(row, c.key) for c in row.__table__.columns if c.key not in skip}


def changes(before: Mapping[str, object], after: Mapping[str, object]) -> dict[str, list[object]]:
    """{field: [before, after]} for the fields that differ, personal ones masked."""
    return {f: [masked(f, _plain(before.get(f))), masked(f, _plain(after.get(f)))]
            for f in sorted(set(before) | set(after))
            if before.get(f) != after.get(f)}  # fmt: skip


def audit(
    s: Session,
    actor: str | None,
    action: str,
    entity: str,
    entity_id: object = None,
    *,
    before: Mapping[str, object] | None = None,
    after: Mapping[str, object] | None = None,
    at: datetime | None = None,
    **detail: object,
) -> AuditLog:
    """Add one audit row to the write in progress. *actor* defaults to the session's
    (app.admin.session); *before*/*after* give an edit's fields; *detail* anything else worth
    keeping (never a personal value unmasked)."""
    body: dict[str, object] = {k: _plain(v) for k, v in detail.items() if v is not None}
    if before is not None or after is not None:
        body["changes"] = changes(before or {}, after or {})
    if not actor:
        from app.admin.session import actor_name

        actor = actor_name()
    row = AuditLog(actor=actor[:60], action=action[:40], entity=entity[:40],
                   entity_id=None if entity_id is None else str(entity_id)[:40],
                   detail=json.dumps(body, ensure_ascii=False, default=str) if body else None)  # fmt: skip
    if at is not None:
        row.at = at
    s.add(row)
    return row


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    actor: str
    workstation: str
    action: str
    entity: str
    entity_id: str
    detail: dict[str, Any]


def audit_rows(db: Database, *, since: date | None = None, until: date | None = None,
               actor: str | None = None, action: str | None = None,
               limit: int | None = None) -> list[AuditRow]:  # fmt: skip
    """The audit trail, newest first, filtered by day range, user and action."""
    require_role("audit.read")
    q = select(AuditLog).order_by(AuditLog.at.desc(), AuditLog.id.desc())
    if since is not None:
        q = q.where(AuditLog.at >= datetime.combine(since, time.min))
    if until is not None:
        q = q.where(AuditLog.at <= datetime.combine(until, time.max))
    if actor:
        q = q.where(AuditLog.actor == actor.strip().lower())
    if action:
        q = q.where(AuditLog.action == action)
    if limit is not None:
        q = q.limit(limit)
    with db.session() as s:
        return [_row(r) for r in s.scalars(q)]


def _row(r: AuditLog) -> AuditRow:
    try:
        detail = json.loads(r.detail) if r.detail else {}
    except ValueError:
        detail = {"text": r.detail}
    if not isinstance(detail, dict):
        detail = {"value": detail}
    return AuditRow(r.id, r.at, r.actor, r.workstation or "", r.action, r.entity,
                    r.entity_id or "", detail)  # fmt: skip


def audit_actions(db: Database) -> list[str]:
    """Every action the trail holds (for the Audit page's filter)."""
    with db.session() as s:
        return sorted(s.scalars(select(AuditLog.action).distinct()))


def audit_actors(db: Database) -> list[str]:
    with db.session() as s:
        return sorted(s.scalars(select(AuditLog.actor).distinct()))


# What each action is called on the Audit page and in exports (an unknown one shows its code).
ACTION_LABELS: dict[str, str] = {
    "register": N_("Registration"),
    "appointment_check_in": N_("Booked applicant checked in"),
    "import_appointments": N_("Appointments imported"),
    "advance": N_("Application step"),
    "correct_step": N_("Step corrected"),
    "cancel_overdue": N_("Uncollected passport cancelled"),
    "receipt_printed": N_("Receipt printed"),
    "receipt_saved": N_("Receipt saved"),
    "closure_add": N_("Office closure added"),
    "closure_remove": N_("Office closure removed"),
    "ticket_issue": N_("Queue number issued"),
    "ticket_call": N_("Number called"),
    "ticket_recall": N_("Number called again"),
    "ticket_start": N_("Service started"),
    "ticket_finish": N_("Service finished"),
    "ticket_no_show": N_("No-show"),
    "ticket_requeue": N_("Back in the queue"),
    "ticket_transfer": N_("Sent to another service"),
    "ticket_printed": N_("Slip printed"),
    "ticket_reprinted": N_("Slip printed again"),
    "visit_create": N_("Visit created"),
    "visit_edit": N_("Visit changed"),
    "visit_finalize": N_("Visit finalised"),
    "visit_reopen": N_("Visit reopened"),
    "visit_answer": N_("Checklist answer"),
    "visit_export": N_("Visit package exported"),
    "visit_import": N_("Visit package imported"),
    "finding_add": N_("Finding added"),
    "finding_edit": N_("Finding changed"),
    "finding_delete": N_("Finding removed"),
    "finding_follow_up": N_("Finding followed up"),
    "photo_attach": N_("Photo attached"),
    "photo_edit": N_("Photo caption changed"),
    "photo_remove": N_("Photo removed"),
    "template_import": N_("Checklist template imported"),
    "template_edit": N_("Checklist template changed"),
    "activity_add": N_("Publicity activity added"),
    "activity_update": N_("Publicity activity changed"),
    "activity_delete": N_("Publicity activity removed"),
    "activity_photo": N_("Activity photo set"),
    "activity_photo_remove": N_("Activity photo removed"),
    "figure_set": N_("Monthly figure set"),
    "import_figures_file": N_("Figures file imported"),
    "import_history_figures": N_("Historical figures imported"),
    "office_settings": N_("Office profile changed"),
    "user_add": N_("Account made"),
    "user_disable": N_("Account disabled"),
    "user_password": N_("Password changed"),
    "user_locked": N_("Account locked (wrong passwords)"),
    "sign_in": N_("Signed in"),
    "sign_in_failed": N_("Sign-in refused"),
    "first_start_skipped": N_("Running without accounts"),
    "backup": N_("Backup"),
    "restore": N_("Restore"),
    "purge": N_("Applicants anonymised"),
}
ENTITY_LABELS: dict[str, str] = {
    "application": N_("Application"),
    "ticket": N_("Ticket"),
    "visit": N_("Visit"),
    "finding": N_("Finding"),
    "user_account": N_("Account"),
    "database": N_("Database"),
    "applicant": N_("Applicants"),
    "office_closure": N_("Closure"),
    "import_batch": N_("Import"),
    "stay_permit_request": N_("Stay permit"),
    "appointment": N_("Booking"),
    "checklist_template": N_("Template"),
    "monthly_figure": N_("Figure"),
    "office": N_("Office"),
}


def action_label(code: str, lang: str | None = None) -> str:
    return _(ACTION_LABELS[code], lang) if code in ACTION_LABELS else code


def object_label(row: AuditRow, lang: str | None = None) -> str:
    """'Permohonan PMH-0001048', 'Akun 2', 'Kunjungan 3f2a…': what the row acted on."""
    from app.desk.stages import format_application_number

    name = _(ENTITY_LABELS[row.entity], lang) if row.entity in ENTITY_LABELS else row.entity
    ident = row.entity_id
    if row.entity == "application" and ident.isdigit():
        ident = format_application_number(int(ident))
    elif len(ident) == 36 and ident.count("-") == 4:  # a UUID: its start is enough to tell
        ident = ident[:8]
    return f"{name} {ident}".strip()


# The columns of an exported audit trail (CSV, the Audit page's table).
COLUMNS = (N_("Time"), N_("User"), N_("Workstation"), N_("Action"), N_("Object"), N_("Details"))


def detail_text(row: AuditRow) -> str:
    """The row's details on one line: an edit's fields as 'field: before → after'."""
    parts = []
    for key, value in row.detail.items():
        if key == "changes" and isinstance(value, dict):
            parts += [f"{f}: {_shown(b)} → {_shown(a)}" for f, (b, a) in value.items()]
        else:
            parts.append(f"{key}: {_shown(value)}")
    return "; ".join(parts)


def _shown(value: object) -> str:
    if value is None or value == "":
        return "–"
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def row_cells(row: AuditRow, lang: str | None = None, *, shown: bool = False) -> list[str]:
    """The row's columns: for the screen (*shown*) the time in the language's form and the
    action in words; for a file the ISO time and the action's code, which sort and filter."""
    if shown:
        from app.i18n import date_time

        at = date_time(row.at, lang) + row.at.strftime(":%S" if lang == "en" else ".%S")
        action = action_label(row.action, lang)
    else:
        at, action = row.at.isoformat(sep=" ", timespec="seconds"), row.action
    return [at, row.actor, row.workstation, action, object_label(row, lang), detail_text(row)]


def write_audit_csv(rows: list[AuditRow], path: Path, lang: str | None = None) -> None:
    """The rows as CSV (UTF-8 with BOM, for Excel), written atomically."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([_(c, lang) for c in COLUMNS[:4]] + [_("Action code", lang)]
                    + [_(c, lang) for c in COLUMNS[4:]])  # fmt: skip
    for r in rows:
        at, actor, station, code, thing, detail = row_cells(r, lang)
        writer.writerow([at, actor, station, action_label(code, lang), code, thing, detail])
    write_atomically(path, ("\ufeff" + out.getvalue()).encode("utf-8"))
