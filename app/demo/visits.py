"""Two finished demo supervision visits to the office (July 2024 and February 2025), so the monev module shows itself.

The visits' content is in app.demo.visit_plans, their photos are drawn by app.demo.scenes;
this module writes them through the monev services. A marker row in the audit log makes a
second run do nothing; a run interrupted half-way leaves demo visits without the marker,
which the next run removes and makes again.
"""

from __future__ import annotations

import json
import tempfile
from datetime import datetime
from pathlib import Path

from sqlalchemy import delete, exists, select

from app.config import Settings
from app.db.engine import Database
from app.db.figure_models import SocializationActivity
from app.db.models import AuditLog
from app.db.visit_models import Attachment, Visit, VisitAttachment
from app.demo.scenes import draw_scene
from app.demo.visit_plans import (
    DEFAULT_ANSWER,
    HEAD,
    LEADER,
    MEMBERS,
    PURPOSES,
    REP_LANTASKIM,
    REP_TIKKIM,
    VisitPlan,
    february_visit,
    july_visit,
)
from app.i18n import N_, month_name, register_messages, text
from app.monev import findings as F
from app.monev import visits as V
from app.monev.scoring import ANSWER_SETS
from app.monev.templates import ItemData

DEMO_ORIGIN = "demo"
MARKER_ACTION = "demo_visits"

register_messages({
    "demo_visits.present": N_("The demo visits are already there; nothing was added."),
    "demo_visits.real_visits": N_("This database already holds supervision visits; no demo visits were added."),
})  # fmt: skip


def _epaspor_trend(db: Database, office_code: str) -> str:
    """' (April 2024: 126, …)' from the office's own figures, or '' when they are not there."""
    months = [(2024, 4), (2024, 5), (2024, 6)]
    figures = V.service_figures(db, office_code, months).months
    if any(m.epaspor is None for m in figures):
        return ""
    # The finding is written in Indonesian whatever the language of the screen.
    return (
        " ("
        + ", ".join(f"{month_name(m.year, m.month, 'id')}: {m.epaspor}" for m in figures)
        + " pemohon)"
    )


def _answer(db: Database, visit_id: int, item: ItemData, value: str | float, note: str) -> None:
    assert item.id is not None  # read from the database
    kind = ANSWER_SETS[item.answer_set].kind if item.answer_set in ANSWER_SETS else "choice"
    if kind == "number":
        V.save_answer(db, visit_id, item.id, number=float(value), note=note or None)
    elif kind == "text":
        V.save_answer(db, visit_id, item.id, text=str(value), note=note or None)
    else:
        V.save_answer(db, visit_id, item.id, answer=str(value), note=note or None)


def _carry_out(db: Database, settings: Settings, plan: VisitPlan, folder: Path) -> V.VisitInfo:
    office = settings.office
    reps = [V.OfficeRep(HEAD[0], f"Kepala {office.name}", HEAD[1]), REP_LANTASKIM, REP_TIKKIM]
    visit = V.create_visit(db, V.VisitDraft(
        office_code=office.code, office_name=office.name, start_date=plan.start, end_date=plan.start,
        supervision_types=plan.types, team=[LEADER, *MEMBERS], office_reps=reps, basis=plan.basis,
        purposes=PURPOSES, place=office.city, origin=DEMO_ORIGIN,
    ))  # fmt: skip
    items = {i.code: i for _section, i in V.visit_detail(db, visit.id).template.items()}
    for code, item in items.items():
        value, note = plan.answers.get(code, (DEFAULT_ANSWER.get(item.answer_set), ""))
        if value is not None:
            _answer(db, visit.id, item, value, note)
    for n, (scene, caption, code) in enumerate(plan.photos):
        path = folder / f"{plan.start:%Y%m%d}-{n}.png"
        draw_scene(scene, path)
        V.attach_photo(db, visit.id, path, caption, items[code].id if code in items else None)
    leader = LEADER.name
    for carried in F.carried_findings(db, visit.id):
        update = next(
            (u for start, u in plan.carried_updates.items() if carried.text.startswith(start)), None
        )
        if update:
            F.add_follow_up(
                db, carried.finding_id, F.FollowUp(plan.start, update[0], update[1], leader)
            )
    added = []
    for f in plan.findings:
        item_id = items[f.item].id if f.item in items else None
        added.append((F.add_finding(db, visit.id, F.FindingDraft(
            f.text, f.direction, f.priority, f.owner, f.due, item_id, f.status)), f))  # fmt: skip
    V.finalize_visit(db, visit.id)
    for info, f in added:
        for at, status, note in f.later:
            F.add_follow_up(db, info.id, F.FollowUp(at, status, note, reps[0].name))
    return visit


def _remove_leftovers(db: Database, office_code: str) -> None:
    """Demo visits of an interrupted run (no marker yet) go, with photos no other visit uses."""
    with db.write() as s:
        ids = list(
            s.scalars(
                select(Visit.id).where(
                    Visit.office_code == office_code, Visit.origin == DEMO_ORIGIN
                )
            )
        )
        if not ids:
            return
        s.execute(delete(Visit).where(Visit.id.in_(ids)))
        # Images no visit uses any more go, unless a publicity activity shows them.
        s.execute(
            delete(Attachment).where(
                ~exists().where(VisitAttachment.attachment_id == Attachment.id),
                ~exists().where(SocializationActivity.attachment_id == Attachment.id),
            )
        )


def generate_demo_visits(db: Database, settings: Settings) -> dict:
    """Create the two finished demo visits to the office; does nothing when they were made before."""
    code = settings.office.code
    lang = settings.language
    with db.session() as s:
        marker = s.scalar(
            select(AuditLog).where(AuditLog.action == MARKER_ACTION, AuditLog.entity_id == code)
        )
        real = s.scalar(
            select(exists().where(Visit.office_code == code, Visit.origin != DEMO_ORIGIN))
        )
    if marker is not None:
        done = json.loads(marker.detail or "{}")
        return {"created": 0, "visits": done.get("visits", []), "skipped": True,
                "reason": text("demo_visits.present", lang)}  # fmt: skip
    if real:
        return {
            "created": 0,
            "visits": [],
            "skipped": True,
            "reason": text("demo_visits.real_visits", lang),
        }
    _remove_leftovers(db, code)
    with tempfile.TemporaryDirectory(prefix="kanimdesk-demo-") as tmp:
        july = _carry_out(db, settings, july_visit(_epaspor_trend(db, code)), Path(tmp))
        february = _carry_out(db, settings, february_visit(), Path(tmp))
    ids = [july.id, february.id]
    with db.write() as s:
        s.add(AuditLog(at=datetime.now(), actor="demo", action=MARKER_ACTION, entity="visit", entity_id=code,
                       detail=json.dumps({"visits": ids})))  # fmt: skip
    details = [V.visit_detail(db, i) for i in ids]
    return {
        "created": 2, "visits": ids, "skipped": False,
        "findings": sum(len(d.findings) for d in details),
        "carried": sum(len(d.carried) for d in details),
        "photos": sum(len(d.attachments) for d in details),
        "scores": [None if d.score.total is None else round(d.score.total, 1) for d in details],
    }  # fmt: skip
