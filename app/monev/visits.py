"""Supervision visits (monev): the whole visit read in one go and the list of visits.

The visit's identity lives in app.monev.visit_identity, its answers in app.monev.answers,
findings and photos in their own modules; this module also gathers their API, so the UI,
the report and the command line import a visit's words from one place.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from app.db.engine import Database
from app.db.visit_models import Visit, VisitAnswer
from app.figures.service_figures import (
    METRICS,
    MonthFigures,
    ServiceFigures,
    record_monthly_figure,
    service_figures,
)
from app.monev.answers import (
    UNCHANGED,
    AnswerInfo,
    SavedAnswer,
    answer_info,
    answers_in_session,
    save_answer,
    score_for,
    visit_score,
)
from app.monev.findings import (
    CarriedFinding,
    FindingInfo,
    carried_in_session,
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
from app.monev.scoring import VisitScore
from app.monev.templates import TemplateData, template_data
from app.monev.visit_identity import (
    SUPERVISION_GROUPS,
    SUPERVISION_TYPES,
    TEAM_ROLES,
    VISIT_STATUSES,
    OfficeRep,
    TeamMember,
    VisitDraft,
    VisitInfo,
    create_visit,
    finalize_visit,
    get_visit,
    reopen_visit,
    update_visit,
    visit_info_of,
)

# The visit's whole API in one place for the UI, the report and the command line.
__all__ = [
    "METRICS", "SUPERVISION_GROUPS", "SUPERVISION_TYPES", "TEAM_ROLES", "UNCHANGED", "VISIT_STATUSES",
    "AnswerInfo", "AttachmentInfo", "MonthFigures", "OfficeRep", "SavedAnswer", "ServiceFigures",
    "TeamMember", "VisitDetail", "VisitDraft", "VisitInfo", "VisitSummary",
    "attach_photo", "attachment_bytes", "create_visit", "finalize_visit", "get_visit", "list_visits",
    "record_monthly_figure", "remove_photo", "reopen_visit", "save_answer", "score_for",
    "service_figures", "update_photo", "update_visit", "visit_detail", "visit_score",
]  # fmt: skip


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


def visit_detail(db: Database, visit_id: int) -> VisitDetail:
    """Everything the visit page and the report show, read in one go."""
    with db.session() as s:
        v = visit_for_change(s, visit_id, allow_final=True)
        template = template_data(v.template)
        answers = answers_in_session(s, v.id)
        return VisitDetail(
            visit=visit_info_of(v),
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
        for a in s.scalars(
            select(VisitAnswer).where(VisitAnswer.visit_id.in_([v.id for v in visits]))
        ):
            by_visit[a.visit_id][a.item_id] = answer_info(a)
        templates: dict[int, TemplateData] = {}
        out = []
        for v in visits:
            if v.template_id not in templates:
                templates[v.template_id] = template_data(v.template)
            total = score_for(templates[v.template_id], by_visit[v.id]).total
            out.append(VisitSummary(v.id, v.uuid, v.office_code, v.office_name, v.start_date, v.end_date,
                                    v.status, total, v.template.version, v.conflict_of, v.updated_at))  # fmt: skip
        return out
