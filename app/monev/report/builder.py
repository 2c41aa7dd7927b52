"""The printed visit report filled from the database: visit, answers, findings, figures, photos, signatories."""

from __future__ import annotations

from datetime import date

from app.config import Settings
from app.db.engine import Database
from app.figures.service_figures import ServiceFigures
from app.i18n import DEFAULT_LANGUAGE, LANGUAGES, N_, label, register_messages, text
from app.monev.findings import CarriedFinding, FindingInfo
from app.monev.photos import AttachmentInfo, attachment_bytes
from app.monev.report import data as R
from app.monev.report.renderer import render_visit_report
from app.monev.scoring import VisitScore, answer_fraction, answer_words
from app.monev.templates import ItemData, SectionData
from app.monev.visits import (
    TEAM_ROLES,
    AnswerInfo,
    VisitDetail,
    VisitInfo,
    service_figures,
    visit_detail,
)

# The regional office's division that carries out passport-service supervision.
SUPERVISING_DIVISION = "Bidang Perizinan dan Informasi Keimigrasian"
FIGURE_MONTHS = 6

register_messages({
    "visit_builder.source.database": N_("the office's KanimDesk records (aggregates, no NIK or names)"),
    "visit_builder.source.import": N_("an imported file of aggregate figures"),
    "visit_builder.source.office": N_("monthly figures recorded by the office"),
    "visit_builder.head_position": N_("Head of {office}"),
})  # fmt: skip


def visit_number(visit: VisitInfo) -> str:
    """A stable reference for the report: the same on the laptop and at the office (from the UUID)."""
    return f"MONEV/{visit.office_code}/{visit.start_date:%Y%m%d}/{visit.uuid[:8].upper()}"


def figure_months(visit_start: date, months: int = FIGURE_MONTHS) -> list[tuple[int, int]]:
    """The *months* whole months before the visit's month, oldest first.

    The visit's own month is left out: on the day of the visit it is incomplete, and the
    figures cited at a visit (July 2024: April, May, June) are those of the months before.
    """
    index = visit_start.year * 12 + visit_start.month - 1  # the visit's month, 0-based
    return [(i // 12, i % 12 + 1) for i in range(index - months, index)]


def _sections(detail: VisitDetail, score: VisitScore, lang: str) -> list[R.SectionResult]:
    by_code = {s.code: s for s in score.sections}
    out = []
    for sec in detail.template.sections:
        result = by_code.get(sec.code)
        out.append(R.SectionResult(
            sec.code, sec.title, result.score if result else None, bool(result and result.failed),
            [_item(i, detail.answers.get(i.id) if i.id is not None else None, lang) for i in sec.items],
        ))  # fmt: skip
    return out


def _item(item: ItemData, answer: AnswerInfo | None, lang: str) -> R.ItemResult:
    fraction = answer_fraction(item.answer_set, answer)
    return R.ItemResult(
        code=item.code, text=item.text, answer_label=answer_words(item.answer_set, answer, lang),
        note=(answer.note or "") if answer else "", critical=item.critical,
        failed=item.critical and fraction == 0.0, score=None if fraction is None else fraction * 100,
    )  # fmt: skip


def _finding_rows(findings: list[FindingInfo]) -> list[R.FindingRow]:
    own = [f for f in findings if f.carried_from is None]
    return [R.FindingRow(n, f.item_code or "", f.text, f.direction, f.priority, f.owner, f.due_date, f.status)
            for n, f in enumerate(own, 1)]  # fmt: skip


def _carried_rows(carried: list[CarriedFinding], visit: VisitInfo) -> list[R.CarriedFindingRow]:
    return [
        R.CarriedFindingRow(
            text=c.text,
            original_visit_date=c.original_visit_date or c.raised_on or visit.start_date,
            original_status=c.status_then,
            current_status=c.status_now,
            last_note=c.last_note,
            owner=c.owner,
            due_date=c.due_date,
        )
        for c in carried
    ]


def _source_note(figures: ServiceFigures, lang: str) -> str:
    sources: list[str] = []
    for m in figures.months:
        for src in (m.source, m.queue_source):
            if src and src not in sources:
                sources.append(src)
    return "; ".join(text(f"visit_builder.source.{s}", lang) for s in sources)


def _figures(db: Database, visit: VisitInfo, months: int, lang: str) -> R.ServiceFigures:
    figures = service_figures(db, visit.office_code, figure_months(visit.start_date, months))
    if not any(m.source or m.queue_source for m in figures.months):
        return R.ServiceFigures()  # the report says there is nothing, rather than a table of dashes
    rows = [
        R.MonthFigure(
            year=m.year,
            month=m.month,
            epaspor=m.epaspor,
            growth_pct=None if m.epaspor_growth is None else m.epaspor_growth * 100,
            applications_by_kind=dict(m.by_kind),
            avg_wait_minutes=m.avg_wait_minutes,
            no_show_rate=m.no_show_rate,
        )  # fmt: skip
        for m in figures.months
    ]
    return R.ServiceFigures(rows, _source_note(figures, lang))


def _photos(
    db: Database, attachments: list[AttachmentInfo], sections: list[SectionData]
) -> list[R.Photo]:
    codes = {i.id: i.code for sec in sections for i in sec.items}
    out = []
    for a in attachments:
        caption = a.caption
        if a.item_id in codes:
            caption = f"{caption} ({codes[a.item_id]})" if caption else codes[a.item_id]
        out.append(R.Photo(attachment_bytes(db, a.attachment_id), caption, str(a.attachment_id)))
    return out


def _is_own_office(visit: VisitInfo, settings: Settings) -> bool:
    return visit.office_code == settings.office.code


def _office_head(visit: VisitInfo, settings: Settings, office_name: str, lang: str) -> R.Signatory:
    """The office's head: from the settings at the own office, else the representative who heads it."""
    position = text("visit_builder.head_position", lang, office=office_name)
    if _is_own_office(visit, settings) and settings.office.head_name.strip():
        return R.Signatory(
            settings.office.head_name.strip(), settings.office.head_nip.strip(), position
        )
    reps = visit.office_reps
    head = next((r for r in reps if "kepala kantor" in r.position.lower()), None) or next(
        (r for r in reps if "kepala" in r.position.lower()), None)  # fmt: skip
    if head is None:
        return R.Signatory("", "", position)  # a line to sign by hand
    return R.Signatory(head.name, head.nip, head.position or position)


def _leader(visit: VisitInfo) -> R.Signatory:
    m = visit.team_leader
    return R.Signatory(m.name, m.nip, m.position) if m else R.Signatory("", "", "")


def build_visit_report_data(db: Database, settings: Settings, visit_id: int, lang: str | None = None,
                            months: int = FIGURE_MONTHS) -> R.VisitReportData:  # fmt: skip
    """Everything the printed report shows for one visit, read from the database."""
    lang = lang or settings.language
    lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    detail = visit_detail(db, visit_id)
    v = detail.visit
    own = _is_own_office(v, settings)
    office_name = settings.office.name if own else v.office_name
    return R.VisitReportData(
        supervising_office=settings.office.regional_office,
        supervising_division=SUPERVISING_DIVISION,
        visited_office=office_name,
        visited_office_address=settings.office.address if own else "",
        visit_number=visit_number(v),
        start_date=v.start_date,
        end_date=v.end_date,
        place=v.place or settings.office.city,
        basis=[line.strip() for line in v.basis.splitlines() if line.strip()],
        purposes=list(v.purposes),
        supervision_types=list(v.supervision_types),
        team=[
            R.TeamMember(m.name, m.nip, m.position, label(TEAM_ROLES, m.role, lang)) for m in v.team
        ],
        office_reps=[R.Person(r.name, r.nip, r.position) for r in v.office_reps],
        template_title=v.template_title,
        template_version=v.template_version,
        total_score=detail.score.total,
        sections=_sections(detail, detail.score, lang),
        findings=_finding_rows(detail.findings),
        previous_findings=_carried_rows(detail.carried, v),
        figures=_figures(db, v, months, lang),
        photos=_photos(db, detail.attachments, detail.template.sections),
        leader=_leader(v),
        office_head=_office_head(v, settings, office_name, lang),
        signed_on=v.end_date or v.start_date,
        lang=lang,
    )


def render_visit_pdf(
    db: Database, settings: Settings, visit_id: int, lang: str | None = None
) -> bytes:
    """The visit report as PDF bytes."""
    return render_visit_report(build_visit_report_data(db, settings, visit_id, lang))
