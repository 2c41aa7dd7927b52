"""How long each text a person types may be, in one table, checked before the database sees it.

A column of ``String(n)`` holds at most n characters on PostgreSQL, which aborts the whole
transaction on a longer value, while SQLite stores anything: so the limit is a rule, the
same on both, and a value over it is refused with the field's own reason. The limits of
``String`` columns equal the column lengths in app/db (tests/app/desk/test_text_limits.py
compares them); ``Text`` and JSON columns have no length in the database, and the limit
here is the office's: long enough for any real note, short enough that a paste of a whole
document is refused rather than printed over pages.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.i18n import N_, register_messages
from app.problems import Problem


@dataclass(frozen=True)
class TextLimit:
    max: int
    too_long: str  # the English reason, with {n} (characters given) and {max}


_OFFICER = N_("The officer's name is too long ({n} characters; at most {max}).")
_BOOKING = N_("The booking code is too long ({n} characters; at most {max}).")
_COUNTER = N_("The counter name is too long ({n} characters; at most {max}).")
_OFFICE_CODE = N_("The office code is too long ({n} characters; at most {max}).")

# "table.column" of the ORM model the value is stored in.
TEXT_LIMITS: dict[str, TextLimit] = {
    # Front desk: registration, foreigners' desk, M-Paspor appointment list.
    "applicant.name": TextLimit(120, N_("The name is too long ({n} characters; at most {max}).")),
    "applicant.birth_place": TextLimit(
        80, N_("The place of birth is too long ({n} characters; at most {max}).")
    ),
    "applicant.phone": TextLimit(
        20, N_("The phone number is too long ({n} characters; at most {max}).")
    ),
    "applicant.passport_no": TextLimit(
        12, N_("The passport number is too long ({n} characters; at most {max}).")
    ),
    "applicant.nationality": TextLimit(
        3, N_("The nationality code is too long ({n} characters; at most {max}).")
    ),
    "application.booking_code": TextLimit(40, _BOOKING),
    "application.officer": TextLimit(60, _OFFICER),
    "appointment.booking_code": TextLimit(40, _BOOKING),
    "stay_permit_request.permit_no": TextLimit(
        40, N_("The stay-permit number is too long ({n} characters; at most {max}).")
    ),
    "stay_permit_request.officer": TextLimit(60, _OFFICER),
    "import_batch.filename": TextLimit(
        255, N_("The file name is too long ({n} characters; at most {max}).")
    ),
    # Who and where, written with every registration and queue event.
    "application_stage.officer": TextLimit(60, _OFFICER),
    "application_stage.counter": TextLimit(20, _COUNTER),
    "application_stage.note": TextLimit(
        200, N_("The note is too long ({n} characters; at most {max}).")
    ),
    "application.billing_code": TextLimit(
        40, N_("The billing code is too long ({n} characters; at most {max}).")
    ),
    "office_closure.reason": TextLimit(
        200, N_("The reason is too long ({n} characters; at most {max}).")
    ),
    "office_closure.officer": TextLimit(60, _OFFICER),
    "audit_log.actor": TextLimit(60, _OFFICER),
    "queue_event.officer": TextLimit(60, _OFFICER),
    "ticket.counter": TextLimit(20, _COUNTER),
    "queue_event.counter": TextLimit(20, _COUNTER),
    # The office profile (settings), its tariff table and its monthly figures.
    "office.code": TextLimit(32, _OFFICE_CODE),
    "office.name": TextLimit(
        200, N_("The office name is too long ({n} characters; at most {max}).")
    ),
    "tariff.basis": TextLimit(
        80, N_("The legal basis of the tariff is too long ({n} characters; at most {max}).")
    ),
    "monthly_figure.office_code": TextLimit(32, _OFFICE_CODE),
    # Supervision visits: identity, findings, follow-ups, photo captions.
    "visit.office_code": TextLimit(32, _OFFICE_CODE),
    "visit.office_name": TextLimit(
        200, N_("The office name is too long ({n} characters; at most {max}).")
    ),
    "visit.place": TextLimit(80, N_("The place is too long ({n} characters; at most {max}).")),
    "visit.origin": TextLimit(
        80, N_("The computer name is too long ({n} characters; at most {max}).")
    ),
    "visit.basis": TextLimit(
        4000, N_("The basis of the visit is too long ({n} characters; at most {max}).")
    ),
    "visit.purposes": TextLimit(
        500, N_("A purpose of the visit is too long ({n} characters; at most {max}).")
    ),
    "finding.text": TextLimit(4000, N_("The finding is too long ({n} characters; at most {max}).")),
    "finding.direction": TextLimit(
        4000, N_("The direction is too long ({n} characters; at most {max}).")
    ),
    "finding.owner": TextLimit(
        120, N_("The person responsible is too long ({n} characters; at most {max}).")
    ),
    "finding_follow_up.note": TextLimit(
        4000, N_("The follow-up note is too long ({n} characters; at most {max}).")
    ),
    "finding_follow_up.by_name": TextLimit(
        120, N_("The name of who followed up is too long ({n} characters; at most {max}).")
    ),
    "visit_attachment.caption": TextLimit(
        500, N_("The photo caption is too long ({n} characters; at most {max}).")
    ),
    # Checklist templates (the template file an administrator loads).
    "checklist_template.code": TextLimit(
        40, N_("The template code is too long ({n} characters; at most {max}).")
    ),
    "checklist_template.title": TextLimit(
        200, N_("The template title is too long ({n} characters; at most {max}).")
    ),
    "template_section.code": TextLimit(
        40, N_("The section code is too long ({n} characters; at most {max}).")
    ),
    "template_section.title": TextLimit(
        200, N_("The section title is too long ({n} characters; at most {max}).")
    ),
    "template_item.code": TextLimit(
        40, N_("The item code is too long ({n} characters; at most {max}).")
    ),
    "template_item.text": TextLimit(
        2000, N_("The item text is too long ({n} characters; at most {max}).")
    ),
    "template_item.guidance": TextLimit(
        4000, N_("The item guidance is too long ({n} characters; at most {max}).")
    ),
    # The office's publicity and socialisation log.
    "socialization_activity.title": TextLimit(
        200, N_("The title is too long ({n} characters; at most {max}).")
    ),
    "socialization_activity.place": TextLimit(
        200, N_("The place or channel is too long ({n} characters; at most {max}).")
    ),
    "socialization_activity.officer": TextLimit(60, _OFFICER),
    # Accounts.
    "user_account.full_name": TextLimit(
        120, N_("The full name is too long ({n} characters; at most {max}).")
    ),
}

register_messages({f"{key}.too_long": limit.too_long for key, limit in TEXT_LIMITS.items()})


def max_length(key: str) -> int:
    return TEXT_LIMITS[key].max


def too_long(key: str, value: str | None, field: str) -> Problem | None:
    """The refusal of *value* (as it will be stored) for *field* when it exceeds the limit of *key*."""
    n = len(value or "")
    limit = TEXT_LIMITS[key].max
    return Problem(f"{key}.too_long", field, {"n": n, "max": limit}) if n > limit else None
