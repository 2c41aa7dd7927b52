"""The visit itself: who went where and when, for which kind of supervision, with which checklist; draft or final."""

from __future__ import annotations

import platform
import re
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.admin.audit import audit, fields_of
from app.admin.session import require as require_role
from app.changes import NOTHING, Changes
from app.db.engine import Database
from app.db.visit_models import ChecklistTemplate, Finding, Visit, VisitAnswer, VisitAttachment
from app.i18n import N_, register_messages
from app.monev.codes import TeamRole, VisitStatus
from app.monev.findings import carry_forward_in_session, visit_for_change
from app.monev.templates import DEFAULT_TEMPLATE_CODE, ensure_default_template, latest_template
from app.problems import InputRejected, Problem

# The seed's words: pembinaan (guidance) and pengawasan (supervision) and their forms.
SUPERVISION_TYPES: dict[str, tuple[str, str]] = {
    "fasilitasi": ("pembinaan", N_("Facilitation")),
    "konsultasi": ("pembinaan", N_("Consultation")),
    "penelaahan_ulang": ("pengawasan", N_("Re-examination")),
    "monitoring": ("pengawasan", N_("Monitoring")),
    "evaluasi": ("pengawasan", N_("Evaluation")),
    "pemeriksaan_langsung": ("pengawasan", N_("Direct inspection")),
}
# "Coaching", not "Guidance": the catalogue has one translation per English source, and
# "Guidance" is already a checklist item's guidance (petunjuk).
SUPERVISION_GROUPS: dict[str, str] = {"pembinaan": N_("Coaching"), "pengawasan": N_("Supervision")}
TEAM_ROLES: dict[str, str] = {TeamRole.LEADER: N_("Team leader"), TeamRole.MEMBER: N_("Member")}
VISIT_STATUSES: dict[str, str] = {"draft": N_("Draft"), "final": N_("Final")}

NIP_PATTERN = re.compile(r"^\d{18}$")  # a civil servant's number (Nomor Induk Pegawai)

register_messages({
    "visit.end_before_start": N_("The end date cannot be before the start date."),
    "visit.supervision_type": N_("Unknown supervision type '{value}'."),
    "visit.nip": N_("The NIP of {name} must be 18 digits."),
    "visit.role": N_("Unknown team role '{value}' (ketua/anggota)."),
    "visit.two_leaders": N_("The team can have only one leader."),
    "visit.too_long": N_("'{field}' is too long (max {max} characters)."),
    "visit.template_missing": N_("Template {id} not found."),
    "visit.template_change": N_("The template cannot be changed once its items have answers, findings or photos."),
})  # fmt: skip


@dataclass
class TeamMember:
    name: str
    nip: str = ""
    position: str = ""
    role: str = TeamRole.MEMBER


@dataclass
class OfficeRep:
    name: str
    position: str = ""
    nip: str = ""


@dataclass
class VisitDraft:
    office_code: str
    office_name: str
    start_date: date
    end_date: date | None = None  # None: a one-day visit
    supervision_types: list[str] = field(default_factory=list)
    team: list[TeamMember] = field(default_factory=list)
    office_reps: list[OfficeRep] = field(default_factory=list)
    basis: str = ""  # legal / agenda basis (surat tugas, agenda), one per line
    purposes: list[str] = field(default_factory=list)  # aims of the visit, as the report lists them
    place: str = ""  # city written above the signatures
    template_id: int | None = None  # None: latest version of the default template
    origin: str = ""  # machine the visit was made on; default this computer's name


@dataclass(frozen=True)
class VisitInfo:
    id: int
    uuid: str
    office_code: str
    office_name: str
    start_date: date
    end_date: date
    supervision_types: tuple[str, ...]
    team: tuple[TeamMember, ...]
    office_reps: tuple[OfficeRep, ...]
    purposes: tuple[str, ...]
    basis: str
    place: str
    template_id: int
    template_code: str
    template_version: int
    template_title: str
    status: str
    origin: str
    conflict_of: str | None
    created_at: datetime
    updated_at: datetime
    finalized_at: datetime | None
    changes: Changes = field(default=NOTHING, compare=False)  # what the call that gave it wrote

    @property
    def team_leader(self) -> TeamMember | None:
        return next(
            (m for m in self.team if m.role == TeamRole.LEADER), self.team[0] if self.team else None
        )


def _check_draft(s: Session, d: VisitDraft) -> list[Problem]:
    p: list[Problem] = []
    for name, limit in (("office_code", 32), ("office_name", 200), ("place", 80), ("basis", 4000)):
        value = (getattr(d, name) or "").strip()
        if not value and name in ("office_code", "office_name"):
            p.append(Problem("field.required", name))
        elif len(value) > limit:
            p.append(Problem("visit.too_long", name, {"field": name, "max": limit}))
    if not isinstance(d.start_date, date):
        p.append(Problem("field.required", "start_date"))
    elif d.end_date is not None and (not isinstance(d.end_date, date) or d.end_date < d.start_date):
        p.append(Problem("visit.end_before_start", "end_date"))
    for value in d.supervision_types:
        if value not in SUPERVISION_TYPES:
            p.append(Problem("visit.supervision_type", "supervision_types", {"value": value}))
    for i, m in enumerate(d.team):
        if not m.name.strip():
            p.append(Problem("field.required", f"team.{i}.name"))
        if m.nip.strip() and not NIP_PATTERN.match(m.nip.replace(" ", "")):
            p.append(Problem("visit.nip", f"team.{i}.nip", {"name": m.name.strip() or i + 1}))
        if m.role not in TEAM_ROLES:
            p.append(Problem("visit.role", f"team.{i}.role", {"value": m.role}))
    if sum(m.role == TeamRole.LEADER for m in d.team) > 1:
        p.append(Problem("visit.two_leaders", "team"))
    for i, r in enumerate(d.office_reps):
        if not r.name.strip():
            p.append(Problem("field.required", f"office_reps.{i}.name"))
        if r.nip.strip() and not NIP_PATTERN.match(r.nip.replace(" ", "")):
            p.append(
                Problem("visit.nip", f"office_reps.{i}.nip", {"name": r.name.strip() or i + 1})
            )
    if any(len(x) > 500 for x in d.purposes):
        p.append(Problem("visit.too_long", "purposes", {"field": "purposes", "max": 500}))
    if d.template_id is not None and s.get(ChecklistTemplate, d.template_id) is None:
        p.append(Problem("visit.template_missing", "template_id", {"id": d.template_id}))
    return p


def _fill(v: Visit, d: VisitDraft) -> None:
    v.office_code = d.office_code.strip()
    v.office_name = d.office_name.strip()
    v.start_date = d.start_date
    v.end_date = d.end_date or d.start_date
    v.supervision_types = list(dict.fromkeys(d.supervision_types))
    v.team = [{"name": m.name.strip(), "nip": m.nip.replace(" ", ""), "position": m.position.strip(),
               "role": m.role} for m in d.team]  # fmt: skip
    v.office_reps = [{"name": r.name.strip(), "position": r.position.strip(), "nip": r.nip.replace(" ", "")}
                     for r in d.office_reps]  # fmt: skip
    v.purposes = [p.strip() for p in d.purposes if p.strip()]
    v.basis = d.basis.strip()
    v.place = d.place.strip()


def visit_info_of(v: Visit, changes: Changes = NOTHING) -> VisitInfo:
    t = v.template
    return VisitInfo(
        id=v.id, uuid=v.uuid, office_code=v.office_code, office_name=v.office_name,
        start_date=v.start_date, end_date=v.end_date,
        supervision_types=tuple(v.supervision_types or ()),
        team=tuple(TeamMember(m.get("name", ""), m.get("nip", ""), m.get("position", ""), m.get("role", TeamRole.MEMBER))
                   for m in v.team or ()),
        office_reps=tuple(OfficeRep(r.get("name", ""), r.get("position", ""), r.get("nip", ""))
                          for r in v.office_reps or ()),
        purposes=tuple(v.purposes or ()),
        basis=v.basis or "", place=v.place or "", template_id=t.id, template_code=t.code,
        template_version=t.version, template_title=t.title, status=v.status, origin=v.origin or "",
        conflict_of=v.conflict_of, created_at=v.created_at, updated_at=v.updated_at,
        finalized_at=v.finalized_at, changes=changes,
    )  # fmt: skip


def create_visit(db: Database, draft: VisitDraft) -> VisitInfo:
    """A new draft visit; the office's open findings from earlier visits are carried into it."""
    require_role("visit.write")
    template_id, template_changes = draft.template_id, NOTHING
    if template_id is None:
        latest = latest_template(db, DEFAULT_TEMPLATE_CODE) or ensure_default_template(db)
        template_id, template_changes = latest.id, latest.changes
    now = datetime.now()
    with db.write() as s:
        problems = _check_draft(s, draft)
        if problems:
            raise InputRejected(problems)
        v = Visit(template_id=template_id, status=VisitStatus.DRAFT, created_at=now, updated_at=now,
                  origin=(draft.origin or platform.node() or "")[:80])  # fmt: skip
        _fill(v, draft)
        s.add(v)
        s.flush()
        carried = carry_forward_in_session(s, v)
        s.flush()
        audit(s, None, "visit_create", "visit", v.uuid, at=now, after=fields_of(v),
              carried=carried)  # fmt: skip
        return visit_info_of(v, Changes(visits=True, findings=bool(carried)) | template_changes)


def _uses_items(s: Session, visit_id: int) -> bool:
    """Whether anything in the visit points at items of its template version."""
    return any(
        s.scalar(select(func.count()).select_from(model).where(model.visit_id == visit_id, *extra))
        for model, extra in (
            (VisitAnswer, ()),
            (Finding, (Finding.item_id.is_not(None),)),
            (VisitAttachment, (VisitAttachment.item_id.is_not(None),)),
        )
    )


def update_visit(db: Database, visit_id: int, draft: VisitDraft) -> VisitInfo:
    """Change the visit's identity; the template only while nothing is answered."""
    require_role("visit.write")
    with db.write() as s:
        v = visit_for_change(s, visit_id)
        problems = _check_draft(s, draft)
        if (
            draft.template_id is not None
            and draft.template_id != v.template_id
            and _uses_items(s, v.id)
        ):
            problems.append(Problem("visit.template_change", "template_id"))
        if problems:
            raise InputRejected(problems)
        before = fields_of(v)
        _fill(v, draft)
        if draft.template_id is not None:
            v.template_id = draft.template_id
        v.updated_at = datetime.now()
        s.flush()
        audit(s, None, "visit_edit", "visit", v.uuid, before=before, after=fields_of(v))
        s.refresh(v)
        return visit_info_of(v, Changes(visits=True))


def get_visit(db: Database, visit_id: int) -> VisitInfo:
    with db.session() as s:
        return visit_info_of(visit_for_change(s, visit_id, allow_final=True))


def _set_status(db: Database, visit_id: int, status: str) -> VisitInfo:
    require_role("visit.write")
    with db.write() as s:
        v = visit_for_change(s, visit_id, allow_final=True)
        if v.status == status:
            return visit_info_of(v)
        audit(s, None, "visit_finalize" if status == VisitStatus.FINAL else "visit_reopen",
              "visit", v.uuid, before={"status": v.status}, after={"status": status})  # fmt: skip
        v.status = status
        v.finalized_at = datetime.now() if status == VisitStatus.FINAL else None
        v.updated_at = datetime.now()
        return visit_info_of(v, Changes(visits=True))


def finalize_visit(db: Database, visit_id: int) -> VisitInfo:
    """Lock answers, identity and photos; findings keep taking follow-up."""
    return _set_status(db, visit_id, VisitStatus.FINAL)


def reopen_visit(db: Database, visit_id: int) -> VisitInfo:
    return _set_status(db, visit_id, VisitStatus.DRAFT)
