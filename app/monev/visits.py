"""Supervision visits (monev): create with carry-forward, identity, answers item by item, scores, lists."""

from __future__ import annotations

import math
import platform
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Final

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.engine import Database
from app.db.visit_models import ChecklistTemplate, Finding, Visit, VisitAnswer, VisitAttachment
from app.figures.service_figures import (
    METRICS,
    MonthFigures,
    ServiceFigures,
    record_monthly_figure,
    service_figures,
)
from app.i18n import register_messages
from app.monev.findings import (
    CarriedFinding,
    FindingInfo,
    carried_in_session,
    carry_forward_in_session,
    findings_in_session,
    visit_for_change,
)
from app.monev.photos import (
    AttachmentInfo,
    attach_photo,
    attachment_bytes,
    attachments_in_session,
    remove_photo,
    update_photo,
)
from app.monev.scoring import ANSWER_SETS, ScoredItem, ScoredSection, VisitScore, score_visit
from app.monev.templates import (
    DEFAULT_TEMPLATE_CODE,
    TemplateData,
    ensure_default_template,
    latest_template,
    template_data,
)
from app.problems import InputRejected, Problem

# The visit's whole API in one place for the UI, the report and the command line.
__all__ = [
    "METRICS", "SUPERVISION_GROUPS", "SUPERVISION_TYPES", "TEAM_ROLES", "UNCHANGED", "VISIT_STATUSES",
    "AnswerInfo", "AttachmentInfo", "MonthFigures", "OfficeRep", "SavedAnswer", "ServiceFigures",
    "TeamMember", "VisitDetail", "VisitDraft", "VisitInfo", "VisitSummary",
    "attach_photo", "attachment_bytes", "create_visit", "finalize_visit", "get_visit", "list_visits",
    "record_monthly_figure", "remove_photo", "reopen_visit", "save_answer", "score_for",
    "service_figures", "update_photo", "update_visit", "visit_detail", "visit_score",
]  # fmt: skip

# The seed's words: pembinaan (guidance) and pengawasan (supervision) and their forms.
SUPERVISION_TYPES: dict[str, tuple[str, str, str]] = {
    "fasilitasi": ("pembinaan", "Fasilitasi", "Facilitation"),
    "konsultasi": ("pembinaan", "Konsultasi", "Consultation"),
    "penelaahan_ulang": ("pengawasan", "Penelaahan ulang", "Re-examination"),
    "monitoring": ("pengawasan", "Monitoring", "Monitoring"),
    "evaluasi": ("pengawasan", "Evaluasi", "Evaluation"),
    "pemeriksaan_langsung": ("pengawasan", "Pemeriksaan langsung", "Direct inspection"),
}
SUPERVISION_GROUPS = {"pembinaan": ("Pembinaan", "Guidance"), "pengawasan": ("Pengawasan", "Supervision")}
TEAM_ROLES = {"ketua": ("Ketua Tim", "Team leader"), "anggota": ("Anggota", "Member")}
VISIT_STATUSES = {"draft": ("Draf", "Draft"), "final": ("Final", "Final")}

_NIP = re.compile(r"^\d{18}$")

register_messages({
    "visit.end_before_start": ("Tanggal selesai tidak boleh sebelum tanggal mulai.", "The end date cannot be before the start date."),
    "visit.supervision_type": ("Bentuk pembinaan/pengawasan '{value}' tidak dikenal.", "Unknown supervision type '{value}'."),
    "visit.nip": ("NIP {name} harus 18 angka.", "The NIP of {name} must be 18 digits."),
    "visit.role": ("Peran tim '{value}' tidak dikenal (ketua/anggota).", "Unknown team role '{value}' (ketua/anggota)."),
    "visit.two_leaders": ("Tim hanya boleh punya satu ketua.", "The team can have only one leader."),
    "visit.too_long": ("Isian '{field}' terlalu panjang (maks. {max} karakter).", "'{field}' is too long (max {max} characters)."),
    "visit.template_missing": ("Template {id} tidak ditemukan.", "Template {id} not found."),
    "visit.template_change": ("Template tidak dapat diganti setelah ada jawaban, temuan atau foto pada butirnya.", "The template cannot be changed once its items have answers, findings or photos."),
    "visit.answer_invalid": ("Jawaban '{value}' tidak sah untuk butir {item}; pilih: {allowed}.", "Answer '{value}' is not valid for item {item}; choose: {allowed}."),
    "visit.value_kind": ("Butir {item} diisi dengan {expected}.", "Item {item} takes {expected}."),
    "visit.number_invalid": ("Angka pada butir {item} tidak sah.", "The number for item {item} is not valid."),
})  # fmt: skip


@dataclass
class TeamMember:
    name: str
    nip: str = ""
    position: str = ""
    role: str = "anggota"  # ketua | anggota


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

    @property
    def team_leader(self) -> TeamMember | None:
        return next((m for m in self.team if m.role == "ketua"), self.team[0] if self.team else None)


@dataclass(frozen=True)
class AnswerInfo:
    item_id: int
    answer: str | None
    number: float | None
    text: str | None
    note: str | None
    updated_at: datetime


@dataclass(frozen=True)
class SavedAnswer:
    answer: AnswerInfo | None  # None when the item was cleared
    score: VisitScore


@dataclass(frozen=True)
class VisitDetail:
    visit: VisitInfo
    template: TemplateData
    answers: dict[int, AnswerInfo]  # by template item id
    findings: list[FindingInfo]  # all, including those carried forward
    carried: list[CarriedFinding]  # carried forward, original and current status
    attachments: list[AttachmentInfo]
    score: VisitScore


@dataclass(frozen=True)
class VisitSummary:
    id: int
    uuid: str
    office_code: str
    office_name: str
    start_date: date
    end_date: date
    status: str
    total_score: float | None
    template_version: int
    conflict_of: str | None
    updated_at: datetime


class _Unchanged:
    def __repr__(self) -> str:
        return "UNCHANGED"


UNCHANGED: Final = _Unchanged()


# --- the visit itself ---------------------------------------------------------------


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
        if m.nip.strip() and not _NIP.match(m.nip.replace(" ", "")):
            p.append(Problem("visit.nip", f"team.{i}.nip", {"name": m.name.strip() or i + 1}))
        if m.role not in TEAM_ROLES:
            p.append(Problem("visit.role", f"team.{i}.role", {"value": m.role}))
    if sum(m.role == "ketua" for m in d.team) > 1:
        p.append(Problem("visit.two_leaders", "team"))
    for i, r in enumerate(d.office_reps):
        if not r.name.strip():
            p.append(Problem("field.required", f"office_reps.{i}.name"))
        if r.nip.strip() and not _NIP.match(r.nip.replace(" ", "")):
            p.append(Problem("visit.nip", f"office_reps.{i}.nip", {"name": r.name.strip() or i + 1}))
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


def _visit_info(v: Visit) -> VisitInfo:
    t = v.template
    return VisitInfo(
        id=v.id, uuid=v.uuid, office_code=v.office_code, office_name=v.office_name,
        start_date=v.start_date, end_date=v.end_date,
        supervision_types=tuple(v.supervision_types or ()),
        team=tuple(TeamMember(m.get("name", ""), m.get("nip", ""), m.get("position", ""), m.get("role", "anggota"))
                   for m in v.team or ()),
        office_reps=tuple(OfficeRep(r.get("name", ""), r.get("position", ""), r.get("nip", ""))
                          for r in v.office_reps or ()),
        purposes=tuple(v.purposes or ()),
        basis=v.basis or "", place=v.place or "", template_id=t.id, template_code=t.code,
        template_version=t.version, template_title=t.title, status=v.status, origin=v.origin or "",
        conflict_of=v.conflict_of, created_at=v.created_at, updated_at=v.updated_at,
        finalized_at=v.finalized_at,
    )  # fmt: skip


def create_visit(db: Database, draft: VisitDraft) -> VisitInfo:
    """A new draft visit; the office's open findings from earlier visits are carried into it."""
    template_id = draft.template_id
    if template_id is None:
        latest = latest_template(db, DEFAULT_TEMPLATE_CODE) or ensure_default_template(db)
        template_id = latest.id
    now = datetime.now()
    with db.write() as s:
        problems = _check_draft(s, draft)
        if problems:
            raise InputRejected(problems)
        v = Visit(template_id=template_id, status="draft", created_at=now, updated_at=now,
                  origin=(draft.origin or platform.node() or "")[:80])  # fmt: skip
        _fill(v, draft)
        s.add(v)
        s.flush()
        carry_forward_in_session(s, v)
        s.flush()
        return _visit_info(v)


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
    with db.write() as s:
        v = visit_for_change(s, visit_id)
        problems = _check_draft(s, draft)
        if draft.template_id is not None and draft.template_id != v.template_id and _uses_items(s, v.id):
            problems.append(Problem("visit.template_change", "template_id"))
        if problems:
            raise InputRejected(problems)
        _fill(v, draft)
        if draft.template_id is not None:
            v.template_id = draft.template_id
        v.updated_at = datetime.now()
        s.flush()
        s.refresh(v)
        return _visit_info(v)


def get_visit(db: Database, visit_id: int) -> VisitInfo:
    with db.session() as s:
        return _visit_info(visit_for_change(s, visit_id, allow_final=True))


def _set_status(db: Database, visit_id: int, status: str) -> VisitInfo:
    with db.write() as s:
        v = visit_for_change(s, visit_id, allow_final=True)
        if v.status != status:
            v.status = status
            v.finalized_at = datetime.now() if status == "final" else None
            v.updated_at = datetime.now()
        return _visit_info(v)


def finalize_visit(db: Database, visit_id: int) -> VisitInfo:
    """Lock answers, identity and photos; findings keep taking follow-up."""
    return _set_status(db, visit_id, "final")


def reopen_visit(db: Database, visit_id: int) -> VisitInfo:
    return _set_status(db, visit_id, "draft")


# --- answers and scores -----------------------------------------------------------------


def _answer_info(a: VisitAnswer) -> AnswerInfo:
    return AnswerInfo(a.item_id, a.answer, a.number_value, a.text_value, a.note, a.updated_at)


def score_for(template: TemplateData, answers: dict[int, AnswerInfo]) -> VisitScore:
    """Scores of *answers* (by item id) on *template*, by the rules in app.monev.scoring."""
    sections = []
    for sec in template.sections:
        items = []
        for i in sec.items:
            a = answers.get(i.id) if i.id is not None else None
            kind = ANSWER_SETS[i.answer_set].kind if i.answer_set in ANSWER_SETS else "choice"
            answered = a is not None and (
                a.answer is not None if kind == "choice" else
                a.number is not None if kind == "number" else bool((a.text or "").strip())
            )  # fmt: skip
            items.append(ScoredItem(i.code, i.answer_set, i.weight, i.critical, a.answer if a else None, answered))
        sections.append(ScoredSection(sec.code, sec.title, items))
    return score_visit(sections)


def _answers(s: Session, visit_id: int) -> dict[int, AnswerInfo]:
    rows = s.scalars(select(VisitAnswer).where(VisitAnswer.visit_id == visit_id))
    return {a.item_id: _answer_info(a) for a in rows}


def save_answer(
    db: Database,
    visit_id: int,
    item_id: int,
    answer: str | None | _Unchanged = UNCHANGED,
    number: float | None | _Unchanged = UNCHANGED,
    text: str | None | _Unchanged = UNCHANGED,
    note: str | None | _Unchanged = UNCHANGED,
) -> SavedAnswer:
    """Save one item at once (its own short transaction). A value left out keeps what is
    stored; None clears it. Returns the stored answer and the visit's new scores."""
    now = datetime.now()
    with db.write() as s:
        v = visit_for_change(s, visit_id)
        template = template_data(v.template)
        item = template.item(item_id)
        if item is None:
            raise InputRejected([Problem("visit.item_not_in_template", "item_id", {"item": item_id})])
        aset = ANSWER_SETS[item.answer_set]
        row = s.scalar(select(VisitAnswer).where(VisitAnswer.visit_id == v.id, VisitAnswer.item_id == item_id))
        row = row or VisitAnswer(visit_id=v.id, item_id=item_id)
        problems: list[Problem] = []
        if not isinstance(answer, _Unchanged):
            if answer is not None and aset.kind != "choice":
                problems.append(Problem("visit.value_kind", "answer", {"item": item.code, "expected": aset.label_id}))
            elif answer is not None and aset.option(answer) is None:
                problems.append(Problem("visit.answer_invalid", "answer", {
                    "value": answer, "item": item.code, "allowed": ", ".join(o.code for o in aset.options)}))
            row.answer = answer
        if not isinstance(number, _Unchanged):
            if number is not None and aset.kind != "number":
                problems.append(Problem("visit.value_kind", "number", {"item": item.code, "expected": aset.label_id}))
            elif number is not None and (
                isinstance(number, bool) or not isinstance(number, int | float) or not math.isfinite(number)
            ):
                problems.append(Problem("visit.number_invalid", "number", {"item": item.code}))
            row.number_value = None if number is None else float(number)
        if not isinstance(text, _Unchanged):
            if text is not None and aset.kind != "text":
                problems.append(Problem("visit.value_kind", "text", {"item": item.code, "expected": aset.label_id}))
            row.text_value = text.strip() or None if text is not None else None
        if not isinstance(note, _Unchanged):
            row.note = note.strip() or None if note is not None else None
        if problems:
            raise InputRejected(problems)
        empty = row.answer is None and row.number_value is None and row.text_value is None and row.note is None
        saved: AnswerInfo | None = None
        if empty:
            if row.id is not None:
                s.delete(row)
        else:
            row.updated_at = now
            s.add(row)
            s.flush()
            saved = _answer_info(row)
        v.updated_at = now
        s.flush()
        return SavedAnswer(saved, score_for(template, _answers(s, v.id)))


def visit_score(db: Database, visit_id: int) -> VisitScore:
    with db.session() as s:
        v = visit_for_change(s, visit_id, allow_final=True)
        return score_for(template_data(v.template), _answers(s, v.id))


def visit_detail(db: Database, visit_id: int) -> VisitDetail:
    """Everything the visit page and the report show, read in one go."""
    with db.session() as s:
        v = visit_for_change(s, visit_id, allow_final=True)
        template = template_data(v.template)
        answers = _answers(s, v.id)
        return VisitDetail(
            visit=_visit_info(v),
            template=template,
            answers=answers,
            findings=findings_in_session(s, v),
            carried=carried_in_session(s, v),
            attachments=attachments_in_session(s, v.id),
            score=score_for(template, answers),
        )


def list_visits(db: Database, office_code: str | None = None) -> list[VisitSummary]:
    """All visits, newest first, with their total scores."""
    with db.session() as s:
        q = select(Visit).order_by(Visit.start_date.desc(), Visit.id.desc())
        if office_code:
            q = q.where(Visit.office_code == office_code)
        visits = s.scalars(q).all()
        by_visit: dict[int, dict[int, AnswerInfo]] = defaultdict(dict)
        for a in s.scalars(select(VisitAnswer).where(VisitAnswer.visit_id.in_([v.id for v in visits]))):
            by_visit[a.visit_id][a.item_id] = _answer_info(a)
        templates: dict[int, TemplateData] = {}
        out = []
        for v in visits:
            if v.template_id not in templates:
                templates[v.template_id] = template_data(v.template)
            total = score_for(templates[v.template_id], by_visit[v.id]).total
            out.append(VisitSummary(v.id, v.uuid, v.office_code, v.office_name, v.start_date, v.end_date,
                                    v.status, total, v.template.version, v.conflict_of, v.updated_at))  # fmt: skip
        return out


