"""Merging an incoming visit into the database by UUID: insert, fast-forward, or keep both as a conflict.

The rule (see exchange.py for the whole story): every machine remembers, per
visit UUID, the content hashes the visit had whenever it was exported or
imported there (audit_log rows "visit_export" / "visit_import"); a package
carries the sender's list. The local copy was not edited since the common
version exactly when its current hash is in the sender's list.
"""

from __future__ import annotations

import json
import uuid as uuid_module
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import AuditLog
from app.db.visit_models import (
    Attachment,
    ChecklistTemplate,
    Finding,
    FindingFollowUp,
    TemplateItem,
    TemplateSection,
    Visit,
    VisitAnswer,
    VisitAttachment,
)
from app.i18n import N_, register_messages
from app.monev.exchange.document import (
    VisitDocument,
    content_hash,
    template_block,
    template_digest,
    visit_content,
)
from app.monev.exchange.package_file import Photo
from app.monev.findings import template_item_ids
from app.monev.photos import drop_attachment_if_unused
from app.problems import InputRejected, Problem

HISTORY_ACTIONS: Final = ("visit_export", "visit_import")
# Conflict copies get UUIDs derived from the original and the incoming content, so
# importing the same file again finds the copy instead of making another.
_CONFLICT_NAMESPACE: Final = uuid_module.UUID("6f1c1d4e-2b7a-4d6e-9a53-0c8f4e7b9a21")

register_messages({
    "exchange.uuid_taken": N_("Record {uuid} in the file already belongs to another visit in this database; the file was not imported."),
})  # fmt: skip


@dataclass(frozen=True)
class MergeResult:
    status: str  # imported | updated | unchanged | conflict
    visit_id: int
    reason: str  # new | same | local_newer | fast_forward | conflict | conflict_known
    original_id: int | None = None  # the visit a conflict copy stands beside
    template_created: tuple[str, int] | None = None  # (code, version) added to this database


# --- exchange history ----------------------------------------------------------------


def history_of(s: Session, visit_uuid: str) -> set[str]:
    """Content hashes this visit had here at each export and import."""
    out: set[str] = set()
    rows = s.scalars(select(AuditLog.detail).where(
        AuditLog.entity == "visit", AuditLog.entity_id == visit_uuid, AuditLog.action.in_(HISTORY_ACTIONS)))  # fmt: skip
    for detail in rows:
        try:
            hashes = json.loads(detail or "{}").get("history", [])
        except (ValueError, AttributeError):
            continue  # a hand-edited audit row costs at most a needless conflict copy
        out.update(h for h in hashes if isinstance(h, str))
    return out


def record_exchange(s: Session, visit_uuid: str, action: str, hashes: list[str], actor: str = "",
                    **detail: Any) -> None:  # fmt: skip
    s.add(AuditLog(at=datetime.now(), actor=(actor or "-")[:60], action=action, entity="visit",
                   entity_id=visit_uuid, detail=json.dumps({"history": sorted(set(hashes)), **detail})))  # fmt: skip


# --- templates and photos ----------------------------------------------------------------


def resolve_template(s: Session, block: dict[str, Any]) -> tuple[ChecklistTemplate, bool]:
    """A local template with exactly this content: the same (code, version), another version, or a new one."""
    digest = template_digest(block)
    same_code = s.scalars(select(ChecklistTemplate).where(ChecklistTemplate.code == block["code"])
                          .order_by(ChecklistTemplate.version)).all()  # fmt: skip
    for t in sorted(same_code, key=lambda t: t.version != block["version"]):
        if template_digest(template_block(t)) == digest:
            return t, False
    taken = {t.version for t in same_code}
    version = block["version"] if block["version"] not in taken else max(taken) + 1
    t = ChecklistTemplate(code=block["code"], version=version, title=block["title"], sections=[
        TemplateSection(position=pos, code=sec["code"], title=sec["title"], items=[
            TemplateItem(position=ipos, code=i["code"], text=i["text"], guidance=i["guidance"],
                         answer_set=i["answer_set"], weight=i["weight"], critical=i["critical"])
            for ipos, i in enumerate(sec["items"], start=1)])
        for pos, sec in enumerate(block["sections"], start=1)])  # fmt: skip
    s.add(t)
    s.flush()
    return t, True


def _stored_photo(s: Session, photo: Photo) -> Attachment:
    stored = s.scalar(select(Attachment).where(Attachment.sha256 == photo.sha256))
    if stored is None:
        stored = Attachment(sha256=photo.sha256, mime=photo.mime, size=len(photo.data), data=photo.data,
                            width=photo.width, height=photo.height, created_at=datetime.now())  # fmt: skip
        s.add(stored)
        s.flush()
    return stored


# --- writing a visit ----------------------------------------------------------------


def _check_uuids(s: Session, content: dict[str, Any], visit_id: int | None) -> None:
    """Refuse when a finding, follow-up or photo link of the file already lives in another visit here."""
    findings = [f["uuid"] for f in content["findings"]]
    follow_ups = [x["uuid"] for f in content["findings"] for x in f["follow_ups"]]
    links = [p["uuid"] for p in content["photos"]]
    owners = [
        *s.execute(select(Finding.uuid, Finding.visit_id).where(Finding.uuid.in_(findings))),
        *s.execute(select(FindingFollowUp.uuid, Finding.visit_id).join(Finding, FindingFollowUp.finding_id == Finding.id)
                   .where(FindingFollowUp.uuid.in_(follow_ups))),
        *s.execute(select(VisitAttachment.uuid, VisitAttachment.visit_id).where(VisitAttachment.uuid.in_(links))),
    ]  # fmt: skip
    for record_uuid, owner in owners:
        if owner != visit_id:
            raise InputRejected([Problem("exchange.uuid_taken", "file", {"uuid": record_uuid})])


def _fill_visit(v: Visit, cv: dict[str, Any]) -> None:
    for name in ("office_code", "office_name", "start_date", "end_date", "basis", "place", "status", "origin",
                 "conflict_of", "created_at", "updated_at", "finalized_at"):  # fmt: skip
        setattr(v, name, cv[name])
    v.supervision_types = list(cv["supervision_types"])
    v.team = [dict(m) for m in cv["team"]]
    v.office_reps = [dict(r) for r in cv["office_reps"]]
    v.purposes = list(cv["purposes"])


def _fill_finding(f: Finding, cf: dict[str, Any], item_ids: dict[str, int]) -> None:
    for name in ("text", "direction", "priority", "owner", "due_date", "status", "carried_from", "carried_status",
                 "raised_on", "created_at", "updated_at"):  # fmt: skip
        setattr(f, name, cf[name])
    f.item_id = item_ids[cf["item_code"]] if cf["item_code"] else None
    local = {x.uuid: x for x in f.follow_ups}
    wanted = {x["uuid"] for x in cf["follow_ups"]}
    for x in [x for x in f.follow_ups if x.uuid not in wanted]:
        f.follow_ups.remove(x)
    for cx in cf["follow_ups"]:
        found = local.get(cx["uuid"])
        x = found if found is not None else FindingFollowUp(uuid=cx["uuid"])
        if found is None:
            f.follow_ups.append(x)
        x.at, x.status, x.note, x.by_name = cx["at"], cx["status"], cx["note"], cx["by"]
        x.created_at, x.updated_at = cx["created_at"], cx["updated_at"]


def write_visit(
    s: Session, v: Visit, content: dict[str, Any], photos: dict[str, Photo]
) -> ChecklistTemplate | None:
    """Make *v* (new or existing) hold exactly *content*; children matched by UUID, answers by item code.

    Returns the template when it had to be added to this database.
    """
    template, created = resolve_template(s, content["template"])
    v.template = template
    _fill_visit(v, content["visit"])
    if v.id is None:
        s.add(v)
    s.flush()
    item_ids = {code: item_id for item_id, code in template_item_ids(s, template.id).items()}

    answers = {
        a.item_id: a for a in s.scalars(select(VisitAnswer).where(VisitAnswer.visit_id == v.id))
    }
    wanted = {item_ids[code]: ca for code, ca in content["answers"].items()}
    for item_id, a in answers.items():
        if item_id not in wanted:
            s.delete(a)
    for item_id, ca in wanted.items():
        a = answers.get(item_id) or VisitAnswer(visit_id=v.id, item_id=item_id)
        a.answer, a.number_value, a.text_value, a.note = (
            ca["answer"],
            ca["number"],
            ca["text"],
            ca["note"],
        )
        a.updated_at = ca["updated_at"]
        s.add(a)

    findings = {f.uuid: f for f in s.scalars(select(Finding).where(Finding.visit_id == v.id))}
    incoming = {cf["uuid"] for cf in content["findings"]}
    for f in findings.values():
        if f.uuid not in incoming:
            s.delete(f)
    for cf in content["findings"]:
        f = findings.get(cf["uuid"]) or Finding(uuid=cf["uuid"], visit_id=v.id)
        _fill_finding(f, cf, item_ids)
        s.add(f)

    links = {
        p.uuid: p
        for p in s.scalars(select(VisitAttachment).where(VisitAttachment.visit_id == v.id))
    }
    incoming = {cp["uuid"] for cp in content["photos"]}
    dropped = {p.attachment_id for p in links.values() if p.uuid not in incoming}
    for p in links.values():
        if p.uuid not in incoming:
            s.delete(p)
    s.flush()  # a photo taken off and put back under a new link must not meet itself
    for cp in content["photos"]:
        stored = _stored_photo(s, photos[cp["sha256"]])
        p = links.get(cp["uuid"]) or VisitAttachment(uuid=cp["uuid"], visit_id=v.id)
        p.attachment = stored
        p.item_id = item_ids[cp["item_code"]] if cp["item_code"] else None
        p.caption, p.position, p.created_at, p.updated_at = (
            cp["caption"],
            cp["position"],
            cp["created_at"],
            cp["updated_at"],
        )
        s.add(p)
        dropped.discard(stored.id)
    s.flush()
    for attachment_id in dropped:
        drop_attachment_if_unused(s, attachment_id)
    s.flush()
    return template if created else None


def _as_conflict_copy(
    content: dict[str, Any], original_uuid: str, incoming_hash: str
) -> dict[str, Any]:
    """The incoming content under fresh (deterministic) UUIDs, marked as a conflict of the original."""
    copy_uuid = str(uuid_module.uuid5(_CONFLICT_NAMESPACE, f"{original_uuid}:{incoming_hash}"))

    def fresh(old: str) -> str:
        return str(uuid_module.uuid5(_CONFLICT_NAMESPACE, f"{copy_uuid}:{old}"))

    return {
        **content,
        "visit": {**content["visit"], "uuid": copy_uuid, "conflict_of": original_uuid},
        "findings": [{**f, "uuid": fresh(f["uuid"]),
                      "follow_ups": [{**x, "uuid": fresh(x["uuid"])} for x in f["follow_ups"]]}
                     for f in content["findings"]],
        "photos": [{**p, "uuid": fresh(p["uuid"])} for p in content["photos"]],
    }  # fmt: skip


def _visit_by_uuid(s: Session, visit_uuid: str) -> Visit | None:
    return s.scalar(select(Visit).where(Visit.uuid == visit_uuid))


def merge_visit(s: Session, doc: VisitDocument, photos: dict[str, Photo], actor: str = "",
                file_name: str = "") -> MergeResult:  # fmt: skip
    """Bring *doc* into the database in the caller's transaction; see the module docstring for the rule."""
    incoming = doc.content_sha256
    visit_uuid = doc.content["visit"]["uuid"]
    local = _visit_by_uuid(s, visit_uuid)
    if local is not None:
        local_hash = content_hash(visit_content(s, local))
        seen_here = history_of(s, visit_uuid)
        if local_hash == incoming:
            if incoming not in seen_here:  # remember the common point for the next exchange
                record_exchange(
                    s,
                    visit_uuid,
                    "visit_import",
                    [incoming],
                    actor,
                    status="unchanged",
                    file=file_name,
                )
            return MergeResult("unchanged", local.id, "same")
        if incoming in seen_here:
            return MergeResult("unchanged", local.id, "local_newer")
        if local_hash not in doc.history:
            copy = _as_conflict_copy(doc.content, visit_uuid, incoming)
            known = _visit_by_uuid(s, copy["visit"]["uuid"])
            if known is not None:
                return MergeResult("unchanged", known.id, "conflict_known", original_id=local.id)
            _check_uuids(s, copy, None)
            v = Visit(uuid=copy["visit"]["uuid"])
            added = write_visit(s, v, copy, photos)
            record_exchange(s, copy["visit"]["uuid"], "visit_import_conflict", [], actor, conflict_of=visit_uuid,
                            incoming_sha256=incoming, file=file_name)  # fmt: skip
            return MergeResult("conflict", v.id, "conflict", local.id, _added(added))
        # The sender had seen our current content: theirs is a later state of the same visit.
        _check_uuids(s, doc.content, local.id)
        added = write_visit(s, local, doc.content, photos)
        status, reason, v = "updated", "fast_forward", local
    else:
        _check_uuids(s, doc.content, None)
        v = Visit(uuid=visit_uuid)
        added = write_visit(s, v, doc.content, photos)
        status, reason = "imported", "new"
    now_hash = content_hash(visit_content(s, v))
    record_exchange(
        s, visit_uuid, "visit_import", [incoming, now_hash], actor, status=status, file=file_name
    )
    return MergeResult(status, v.id, reason, template_created=_added(added))


def _added(t: ChecklistTemplate | None) -> tuple[str, int] | None:
    return (t.code, t.version) if t is not None else None
