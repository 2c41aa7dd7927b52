"""The office's publicity and socialisation log: add, change, remove, list, and one photo each.

Activities hold no personal data of applicants: a date, a kind, a title, a place or channel,
how many people it reached, a note, and the name of the officer who wrote it down.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.admin.session import require as require_role
from app.changes import NOTHING, Changes
from app.db.engine import Database
from app.db.figure_models import SocializationActivity
from app.db.models import AuditLog, Office
from app.db.visit_models import Attachment
from app.figures.activity_model import ACTIVITY_KINDS, ActivityInfo
from app.figures.activity_rules import ActivityDraft, CleanActivity, check_activity
from app.monev.photos import drop_attachment_if_unused, encode_photo_file, stored_attachment
from app.problems import InputRejected, Problem

__all__ = [
    "ACTIVITY_KINDS", "ActivityDraft", "ActivityInfo", "SavedActivity", "ACTIVITIES_WRITTEN",
    "add_activity", "update_activity", "delete_activity", "set_activity_photo",
    "remove_activity_photo", "activity_photo", "list_activities", "get_activity",
]  # fmt: skip

ACTIVITIES_WRITTEN = Changes(activities=True)
_ENTITY = "socialization_activity"


@dataclass(frozen=True)
class SavedActivity(ActivityInfo):
    """An ActivityInfo as a write hands it back, carrying what the write changed."""

    changes: Changes = field(default=NOTHING, compare=False)


def _info(row: SocializationActivity, changes: Changes = NOTHING) -> SavedActivity:
    return SavedActivity(row.id, row.uuid, row.office_code, row.activity_date, row.kind, row.title,
                         row.place, row.audience, row.note, row.attachment_id, row.officer,
                         changes)  # fmt: skip


def _plain(info: ActivityInfo) -> ActivityInfo:
    return ActivityInfo(info.id, info.uuid, info.office_code, info.activity_date, info.kind,
                        info.title, info.place, info.audience, info.note, info.attachment_id,
                        info.officer)  # fmt: skip


def _clean(s: Session, draft: ActivityDraft) -> CleanActivity:
    checked = check_activity(draft, date.today())
    problems = list(checked) if isinstance(checked, list) else []
    code = (draft.office_code or "").strip()
    if s.scalar(select(Office.id).where(Office.code == code)) is None:
        problems.append(Problem("activity.office.unknown", "office_code", {"code": code}))
    if problems:
        raise InputRejected(problems)
    assert isinstance(checked, CleanActivity)
    return checked


def _row(s: Session, activity_id: int) -> SocializationActivity:
    row = s.get(SocializationActivity, activity_id)
    if row is None:
        raise InputRejected([Problem("activity.not_found", "activity", {"id": activity_id})])
    return row


def _audit(s: Session, action: str, row: SocializationActivity, actor: str | None) -> None:
    # What changed, without any person's data: activities hold none, and the officer is in actor.
    detail = {"date": row.activity_date.isoformat(), "kind": row.kind, "office": row.office_code}
    s.add(AuditLog(actor=(actor or "-")[:60], action=action, entity=_ENTITY,
                   entity_id=str(row.id), at=datetime.now(), detail=json.dumps(detail)))  # fmt: skip


def _fill(row: SocializationActivity, clean: CleanActivity) -> None:
    row.office_code, row.activity_date, row.kind = (
        clean.office_code,
        clean.activity_date,
        clean.kind,
    )
    row.title, row.place, row.audience = clean.title, clean.place, clean.audience
    row.note, row.officer = clean.note, clean.officer


def add_activity(db: Database, draft: ActivityDraft, *, photo: Path | None = None) -> ActivityInfo:
    """Store a new activity (with its photo, when given, in the same write); InputRejected with
    a reason per field when the draft or the photo is refused, and then nothing is stored."""
    require_role("activity.write")
    encoded = encode_photo_file(Path(photo)) if photo is not None else None
    with db.write() as s:
        clean = _clean(s, draft)
        now = datetime.now()
        row = SocializationActivity(created_at=now, updated_at=now)
        _fill(row, clean)
        if encoded is not None:
            row.attachment_id = stored_attachment(s, encoded, now).id
        s.add(row)
        s.flush()
        _audit(s, "activity_add", row, clean.officer)
        return _info(row, ACTIVITIES_WRITTEN)


def update_activity(
    db: Database,
    activity_id: int,
    draft: ActivityDraft,
    *,
    photo: Path | None = None,
    remove_photo: bool = False,
) -> ActivityInfo:
    """Change an activity to what the draft says; its photo stays unless *photo* replaces it or
    *remove_photo* takes it off — all in one write, so a refusal leaves the activity as it was."""
    require_role("activity.write")
    encoded = encode_photo_file(Path(photo)) if photo is not None else None
    with db.write() as s:
        row = _row(s, activity_id)
        clean = _clean(s, draft)
        _fill(row, clean)
        previous = row.attachment_id
        if encoded is not None:
            row.attachment_id = stored_attachment(s, encoded).id
        elif remove_photo:
            row.attachment_id = None
        row.updated_at = datetime.now()
        if previous != row.attachment_id:
            _drop_if_unused(s, previous)
        s.flush()
        _audit(s, "activity_update", row, clean.officer)
        return _info(row, ACTIVITIES_WRITTEN)


def _drop_if_unused(s: Session, attachment_id: int | None) -> None:
    """Delete a stored image nobody uses any more (no activity, no visit)."""
    drop_attachment_if_unused(s, attachment_id)


def delete_activity(db: Database, activity_id: int, *, actor: str | None = None) -> Changes:
    """Remove an activity, and its photo when nothing else uses that image; *actor* is who
    removed it, for the audit log."""
    require_role("activity.write")
    with db.write() as s:
        row = _row(s, activity_id)
        attachment_id = row.attachment_id
        _audit(s, "activity_delete", row, actor or row.officer)
        s.delete(row)
        _drop_if_unused(s, attachment_id)
    return ACTIVITIES_WRITTEN


def set_activity_photo(db: Database, activity_id: int, path: Path) -> ActivityInfo:
    """Give the activity a photo: checked, re-encoded and stored once by SHA-256, like visit photos."""
    require_role("activity.write")
    photo = encode_photo_file(Path(path))  # before the write: decoding is slow
    with db.write() as s:
        row = _row(s, activity_id)
        previous = row.attachment_id
        stored = stored_attachment(s, photo)
        row.attachment_id = stored.id
        row.updated_at = datetime.now()
        if previous != stored.id:
            _drop_if_unused(s, previous)
        _audit(s, "activity_photo", row, row.officer)
        return _info(row, ACTIVITIES_WRITTEN)


def remove_activity_photo(db: Database, activity_id: int) -> ActivityInfo:
    require_role("activity.write")
    with db.write() as s:
        row = _row(s, activity_id)
        previous = row.attachment_id
        if previous is None:
            return _info(row)
        row.attachment_id = None
        row.updated_at = datetime.now()
        _drop_if_unused(s, previous)
        _audit(s, "activity_photo_remove", row, row.officer)
        return _info(row, ACTIVITIES_WRITTEN)


def activity_photo(db: Database, activity_id: int) -> bytes | None:
    """The JPEG of the activity's photo, or None when it has none."""
    with db.session() as s:
        row = _row(s, activity_id)
        if row.attachment_id is None:
            return None
        stored = s.get(Attachment, row.attachment_id)
        return bytes(stored.data) if stored is not None else None


def get_activity(db: Database, activity_id: int) -> ActivityInfo:
    with db.session() as s:
        return _plain(_info(_row(s, activity_id)))


def list_activities(
    db: Database, office_code: str, first: date | None = None, last: date | None = None
) -> list[ActivityInfo]:
    """The office's activities from *first* to *last* (both included, either open), oldest first."""
    q = select(SocializationActivity).where(SocializationActivity.office_code == office_code)
    if first is not None:
        q = q.where(SocializationActivity.activity_date >= first)
    if last is not None:
        q = q.where(SocializationActivity.activity_date <= last)
    q = q.order_by(SocializationActivity.activity_date, SocializationActivity.id)
    with db.session() as s:
        return [_plain(_info(row)) for row in s.scalars(q)]
