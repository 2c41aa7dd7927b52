"""Findings and directions (temuan dan arahan) of a visit, their follow-up, and carrying open ones forward."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import exists, select
from sqlalchemy.orm import Session, aliased

from app.admin.audit import audit, fields_of
from app.admin.session import require as require_role
from app.changes import NOTHING, Changes
from app.db.engine import Database
from app.db.visit_models import Finding, FindingFollowUp, TemplateItem, TemplateSection, Visit
from app.i18n import N_, register_messages
from app.monev.codes import OPEN_STATUSES, FindingPriority, FindingStatus, VisitStatus
from app.problems import InputRejected, Problem

PRIORITIES: dict[str, str] = {
    FindingPriority.LOW: N_("Low"),
    FindingPriority.MEDIUM: N_("Medium"),
    FindingPriority.HIGH: N_("High"),
    FindingPriority.CRITICAL: N_("Critical"),
}
# "Outstanding", not "Open": the catalogue has one translation per English source, and
# "Open" is also the verb on buttons.
FINDING_STATUSES: dict[str, str] = {
    FindingStatus.OPEN: N_("Outstanding"),
    FindingStatus.IN_PROGRESS: N_("In progress"),
    FindingStatus.DONE: N_("Done"),
    FindingStatus.VERIFIED: N_("Verified"),
}
# A finding written touches its visit's updated-at stamp too.
FINDING_WRITTEN = Changes(findings=True, visits=True)

register_messages({
    "visit.not_found": N_("Visit {id} not found."),
    "visit.final": N_("The visit is final; reopen it to change it."),
    "visit.item_not_in_template": N_("Item {item} is not part of this visit's template."),
    "finding.not_found": N_("Finding {id} not found."),
    "finding.priority": N_("Unknown priority '{value}'; choose rendah, sedang, tinggi or kritis."),
    "finding.status": N_("Unknown status '{value}'; choose terbuka, dalam_proses, selesai or diverifikasi."),
    "finding.too_long": N_("Text is too long (max {max} characters)."),
})  # fmt: skip


@dataclass
class FindingDraft:
    text: str
    direction: str = ""
    priority: str = FindingPriority.MEDIUM
    owner: str = ""
    due_date: date | None = None
    item_id: int | None = None
    status: str = FindingStatus.OPEN


@dataclass
class FollowUp:
    at: date
    status: str
    note: str = ""
    by: str = ""


@dataclass(frozen=True)
class FollowUpInfo:
    id: int
    uuid: str
    at: date
    status: str
    note: str
    by: str
    created_at: datetime


@dataclass(frozen=True)
class FindingInfo:
    id: int
    uuid: str
    visit_id: int
    item_id: int | None
    item_code: str | None
    text: str
    direction: str
    priority: str
    owner: str
    due_date: date | None
    status: str
    carried_from: str | None  # UUID of the finding of an earlier visit this one continues
    carried_status: str | None  # that finding's status when it was carried forward
    raised_on: date | None  # date of the visit where the finding was first raised
    created_at: datetime
    updated_at: datetime
    follow_ups: tuple[FollowUpInfo, ...] = ()
    changes: Changes = field(default=NOTHING, compare=False)  # what the call that gave it wrote

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


@dataclass(frozen=True)
class CarriedFinding:
    """An open finding of an earlier visit as it stood then, beside its status now."""

    finding_id: int  # the copy in this visit (update it, add follow-ups to it)
    uuid: str
    carried_from: str
    text: str  # as written at the earlier visit (when that record is here)
    direction: str
    priority: str
    owner: str
    due_date: date | None
    original_visit_id: int | None  # None when only the copy travelled to this machine
    original_visit_date: date | None
    raised_on: date | None
    status_then: str
    status_now: str
    last_note: str = ""  # the newest follow-up note on this copy, else on the original


def visit_for_change(s: Session, visit_id: int, allow_final: bool = False) -> Visit:
    """The visit to change, refused when unknown or (unless allowed) final."""
    v = s.get(Visit, visit_id)
    if v is None:
        raise InputRejected([Problem("visit.not_found", "visit", {"id": visit_id})])
    if v.status == VisitStatus.FINAL and not allow_final:
        raise InputRejected([Problem("visit.final", "visit")])
    return v


def template_item_ids(s: Session, template_id: int) -> dict[int, str]:
    """item id -> item code for one template version."""
    rows = s.execute(
        select(TemplateItem.id, TemplateItem.code)
        .join(TemplateSection, TemplateItem.section_id == TemplateSection.id)
        .where(TemplateSection.template_id == template_id)
    )
    return {int(i): str(c) for i, c in rows}


def _follow_up_info(f: FindingFollowUp) -> FollowUpInfo:
    return FollowUpInfo(f.id, f.uuid, f.at, f.status, f.note or "", f.by_name or "", f.created_at)


def _info(f: Finding, item_codes: dict[int, str], changes: Changes = NOTHING) -> FindingInfo:
    return FindingInfo(
        id=f.id, uuid=f.uuid, visit_id=f.visit_id, item_id=f.item_id,
        item_code=item_codes.get(f.item_id) if f.item_id else None,
        text=f.text, direction=f.direction or "", priority=f.priority, owner=f.owner or "",
        due_date=f.due_date, status=f.status, carried_from=f.carried_from,
        carried_status=f.carried_status, raised_on=f.raised_on,
        created_at=f.created_at, updated_at=f.updated_at,
        follow_ups=tuple(_follow_up_info(x) for x in f.follow_ups), changes=changes,
    )  # fmt: skip


def _check(s: Session, visit: Visit, draft: FindingDraft) -> list[Problem]:
    problems: list[Problem] = []
    if not draft.text.strip():
        problems.append(Problem("field.required", "text"))
    for name, limit in (("text", 4000), ("direction", 4000), ("owner", 120)):
        if len(getattr(draft, name) or "") > limit:
            problems.append(Problem("finding.too_long", name, {"max": limit}))
    if draft.priority not in PRIORITIES:
        problems.append(Problem("finding.priority", "priority", {"value": draft.priority}))
    if draft.status not in FINDING_STATUSES:
        problems.append(Problem("finding.status", "status", {"value": draft.status}))
    if draft.item_id is not None and draft.item_id not in template_item_ids(s, visit.template_id):
        problems.append(Problem("visit.item_not_in_template", "item_id", {"item": draft.item_id}))
    return problems


def _apply(f: Finding, draft: FindingDraft, now: datetime) -> None:
    f.text = draft.text.strip()
    f.direction = (draft.direction or "").strip()
    f.priority = draft.priority
    f.owner = (draft.owner or "").strip()
    f.due_date = draft.due_date
    f.item_id = draft.item_id
    f.status = draft.status
    f.updated_at = now


def add_finding(db: Database, visit_id: int, draft: FindingDraft) -> FindingInfo:
    require_role("visit.write")
    now = datetime.now()
    with db.write() as s:
        visit = visit_for_change(s, visit_id)
        problems = _check(s, visit, draft)
        if problems:
            raise InputRejected(problems)
        f = Finding(visit_id=visit.id, raised_on=visit.start_date, created_at=now)
        _apply(f, draft, now)
        s.add(f)
        visit.updated_at = now
        s.flush()
        audit(s, None, "finding_add", "finding", f.uuid, at=now, visit=visit.uuid,
              after=fields_of(f))  # fmt: skip
        return _info(f, template_item_ids(s, visit.template_id), FINDING_WRITTEN)


def _finding(s: Session, finding_id: int) -> Finding:
    f = s.get(Finding, finding_id)
    if f is None:
        raise InputRejected([Problem("finding.not_found", "finding", {"id": finding_id})])
    return f


def update_finding(db: Database, finding_id: int, draft: FindingDraft) -> FindingInfo:
    """Change a finding; allowed on a final visit too, since follow-up goes on after the report."""
    require_role("visit.write")
    now = datetime.now()
    with db.write() as s:
        f = _finding(s, finding_id)
        visit = visit_for_change(s, f.visit_id, allow_final=True)
        problems = _check(s, visit, draft)
        if problems:
            raise InputRejected(problems)
        before = fields_of(f)
        _apply(f, draft, now)
        visit.updated_at = now
        s.flush()
        audit(s, None, "finding_edit", "finding", f.uuid, at=now, visit=visit.uuid,
              before=before, after=fields_of(f))  # fmt: skip
        return _info(f, template_item_ids(s, visit.template_id), FINDING_WRITTEN)


def delete_finding(db: Database, finding_id: int) -> Changes:
    require_role("visit.write")
    with db.write() as s:
        f = _finding(s, finding_id)
        visit = visit_for_change(s, f.visit_id)
        audit(s, None, "finding_delete", "finding", f.uuid, visit=visit.uuid, before=fields_of(f))
        s.delete(f)
        visit.updated_at = datetime.now()
    return FINDING_WRITTEN


def add_follow_up(db: Database, finding_id: int, follow_up: FollowUp) -> FindingInfo:
    """Record a dated follow-up note; the finding takes the follow-up's status."""
    require_role("visit.write")
    problems: list[Problem] = []
    if follow_up.status not in FINDING_STATUSES:
        problems.append(Problem("finding.status", "status", {"value": follow_up.status}))
    if not isinstance(follow_up.at, date):
        problems.append(Problem("field.required", "at"))
    if len(follow_up.note or "") > 4000 or len(follow_up.by or "") > 120:
        problems.append(Problem("finding.too_long", "note", {"max": 4000}))
    if problems:
        raise InputRejected(problems)
    now = datetime.now()
    with db.write() as s:
        f = _finding(s, finding_id)
        visit = visit_for_change(s, f.visit_id, allow_final=True)
        f.follow_ups.append(FindingFollowUp(
            at=follow_up.at, status=follow_up.status, note=(follow_up.note or "").strip(),
            by_name=(follow_up.by or "").strip(), created_at=now, updated_at=now,
        ))  # fmt: skip
        f.status = follow_up.status
        f.updated_at = visit.updated_at = now
        s.flush()
        audit(s, None, "finding_follow_up", "finding", f.uuid, at=now, visit=visit.uuid,
              status=follow_up.status, on=follow_up.at)  # fmt: skip
        return _info(f, template_item_ids(s, visit.template_id), FINDING_WRITTEN)


def findings_in_session(s: Session, visit: Visit) -> list[FindingInfo]:
    rows = s.scalars(
        select(Finding).where(Finding.visit_id == visit.id).order_by(Finding.created_at, Finding.id)
    )
    codes = template_item_ids(s, visit.template_id)
    return [_info(f, codes) for f in rows]


def findings_of(db: Database, visit_id: int) -> list[FindingInfo]:
    with db.session() as s:
        return findings_in_session(s, visit_for_change(s, visit_id, allow_final=True))


def carry_forward_in_session(s: Session, visit: Visit) -> int:
    """Copy the office's still-open findings of earlier visits into *visit*; returns how many.

    Only the newest copy of a finding is carried (a finding already carried into a
    later visit has been superseded by that copy), and conflict copies of visits are
    left out so a finding does not arrive twice.
    """
    later = aliased(Finding)
    earlier = (
        select(Finding, Visit.start_date)
        .join(Visit, Finding.visit_id == Visit.id)
        .where(
            Visit.office_code == visit.office_code,
            Visit.id != visit.id,
            Visit.conflict_of.is_(None),
            Visit.start_date <= visit.start_date,
            Finding.status.in_(OPEN_STATUSES),
            ~exists().where(later.carried_from == Finding.uuid),
        )
        .order_by(Visit.start_date, Finding.created_at, Finding.id)
    )
    codes_here = {
        code: item_id for item_id, code in template_item_ids(s, visit.template_id).items()
    }
    now = datetime.now()
    count = 0
    for old, visit_date in s.execute(earlier).all():
        old_visit = s.get(Visit, old.visit_id)
        old_codes = template_item_ids(s, old_visit.template_id) if old.item_id and old_visit else {}
        s.add(Finding(
            visit_id=visit.id,
            # The same item in this visit's template version, matched by code.
            item_id=codes_here.get(old_codes.get(old.item_id, "")) if old.item_id else None,
            text=old.text, direction=old.direction, priority=old.priority, owner=old.owner,
            due_date=old.due_date, status=old.status, carried_from=old.uuid,
            carried_status=old.status, raised_on=old.raised_on or visit_date,
            created_at=now, updated_at=now,
        ))  # fmt: skip
        count += 1
    return count


def carried_findings(db: Database, visit_id: int) -> list[CarriedFinding]:
    with db.session() as s:
        visit = visit_for_change(s, visit_id, allow_final=True)
        return carried_in_session(s, visit)


def _last_note(f: Finding) -> str:
    notes = [
        x.note for x in sorted(f.follow_ups, key=lambda x: (x.at, x.created_at, x.id)) if x.note
    ]
    return notes[-1] if notes else ""


def carried_in_session(s: Session, visit: Visit) -> list[CarriedFinding]:
    rows = s.scalars(
        select(Finding).where(Finding.visit_id == visit.id, Finding.carried_from.is_not(None))
        .order_by(Finding.created_at, Finding.id)
    ).all()  # fmt: skip
    out: list[CarriedFinding] = []
    for f in rows:
        assert f.carried_from is not None
        original = s.scalar(select(Finding).where(Finding.uuid == f.carried_from))
        original_visit = s.get(Visit, original.visit_id) if original else None
        out.append(CarriedFinding(
            finding_id=f.id, uuid=f.uuid, carried_from=f.carried_from,
            text=original.text if original else f.text,
            direction=f.direction or "", priority=f.priority, owner=f.owner or "", due_date=f.due_date,
            original_visit_id=original_visit.id if original_visit else None,
            original_visit_date=original_visit.start_date if original_visit else None,
            raised_on=f.raised_on, status_then=f.carried_status or f.status, status_now=f.status,
            last_note=_last_note(f) or (_last_note(original) if original else ""),
        ))  # fmt: skip
    return out
