"""visit.json of a visit package, from the database: the visit as plain data and its content hash.

The same in-memory shape (dates as date/datetime objects) comes out of
exchange_schema.parse_document for an incoming file, so a visit read from the
database and the same visit read from a package give the same content hash.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.visit_models import ChecklistTemplate, Finding, Visit, VisitAnswer, VisitAttachment
from app.monev.exchange.package_file import canonical_json, sha256_hex
from app.monev.findings import template_item_ids


@dataclass(frozen=True)
class VisitDocument:
    """A checked visit.json: the content, its hash, and the sender's exchange history."""

    content: dict[str, Any]
    content_sha256: str
    history: tuple[str, ...]  # content hashes the sender had at its exports and imports


# --- from the database ---------------------------------------------------------------------


def template_block(t: ChecklistTemplate) -> dict[str, Any]:
    return {
        "code": t.code, "version": t.version, "title": t.title,
        "sections": [{"code": sec.code, "title": sec.title, "items": [
            {"code": i.code, "text": i.text, "guidance": i.guidance or "", "answer_set": i.answer_set,
             "weight": float(i.weight), "critical": bool(i.critical)} for i in sec.items]}
            for sec in t.sections],
    }  # fmt: skip


def sorted_findings(findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    for f in findings:
        f["follow_ups"].sort(key=lambda x: (x["at"], x["created_at"], x["uuid"]))
    return sorted(findings, key=lambda f: (f["created_at"], f["uuid"]))


def visit_content(s: Session, v: Visit) -> dict[str, Any]:
    """The visit as it travels: identity, template, answers by item code, findings, photo links."""
    codes = template_item_ids(s, v.template_id)
    answers = {
        codes[a.item_id]: {"answer": a.answer, "number": a.number_value, "text": a.text_value, "note": a.note,
                           "updated_at": a.updated_at}
        for a in s.scalars(select(VisitAnswer).where(VisitAnswer.visit_id == v.id))
    }  # fmt: skip
    findings = [
        {"uuid": f.uuid, "item_code": codes.get(f.item_id) if f.item_id else None, "text": f.text,
         "direction": f.direction or "", "priority": f.priority, "owner": f.owner or "", "due_date": f.due_date,
         "status": f.status, "carried_from": f.carried_from, "carried_status": f.carried_status,
         "raised_on": f.raised_on, "created_at": f.created_at, "updated_at": f.updated_at,
         "follow_ups": [{"uuid": x.uuid, "at": x.at, "status": x.status, "note": x.note or "", "by": x.by_name or "",
                         "created_at": x.created_at, "updated_at": x.updated_at} for x in f.follow_ups]}
        for f in s.scalars(select(Finding).where(Finding.visit_id == v.id))
    ]  # fmt: skip
    photos = [
        {"uuid": p.uuid, "sha256": p.attachment.sha256, "mime": p.attachment.mime, "caption": p.caption or "",
         "item_code": codes.get(p.item_id) if p.item_id else None, "position": p.position,
         "created_at": p.created_at, "updated_at": p.updated_at}
        for p in s.scalars(select(VisitAttachment).where(VisitAttachment.visit_id == v.id))
    ]  # fmt: skip
    visit = {
        "uuid": v.uuid, "office_code": v.office_code, "office_name": v.office_name,
        "start_date": v.start_date, "end_date": v.end_date,
        "supervision_types": list(v.supervision_types or []),
        "team": [{"name": m.get("name", ""), "nip": m.get("nip", ""), "position": m.get("position", ""),
                  "role": m.get("role", "anggota")} for m in v.team or []],
        "office_reps": [{"name": r.get("name", ""), "position": r.get("position", ""), "nip": r.get("nip", "")}
                        for r in v.office_reps or []],
        "basis": v.basis or "", "purposes": list(v.purposes or []), "place": v.place or "",
        "status": v.status, "origin": v.origin or "", "conflict_of": v.conflict_of,
        "created_at": v.created_at, "updated_at": v.updated_at, "finalized_at": v.finalized_at,
    }  # fmt: skip
    return {"visit": visit, "template": template_block(v.template), "answers": answers,
            "findings": sorted_findings(findings),
            "photos": sorted(photos, key=lambda p: (p["position"], p["uuid"]))}  # fmt: skip


def _plain(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON")


def content_json(content: dict[str, Any]) -> bytes:
    return canonical_json(content, default=_plain)


def template_digest(template: dict[str, Any]) -> str:
    """The template's content without its version number: the same checklist stored as v1 here and v3 there matches."""
    return sha256_hex(canonical_json({k: v for k, v in template.items() if k != "version"}))


def content_hash(content: dict[str, Any]) -> str:
    keyed = {**content, "template": {"code": content["template"]["code"],
                                     "sha256": template_digest(content["template"])}}  # fmt: skip
    return sha256_hex(content_json(keyed))
