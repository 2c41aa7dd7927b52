"""Laptop ↔ office exchange of visits: one package file out, a completely checked merge in.

A package (``.kanimvisit``, a zip) holds ``manifest.json`` (format, version,
SHA-256 and size of every part), ``visit.json`` (the visit, the full template
it was filled with, answers by item code, findings with follow-ups, photo
links — UUIDs and stamps everywhere) and ``attachments/<sha256>.jpg``.

Import checks the whole file before the database is touched, then merges in
one transaction by UUID:

* unknown visit UUID → inserted ("imported"); a missing template version is
  recreated from the package;
* same content → "unchanged" (nothing written);
* the local copy was not edited since the two machines last shared it →
  replaced by the incoming one ("updated"); findings, follow-ups and photo
  links are matched by UUID, answers by item code;
* the incoming copy is a state this machine already had → "unchanged";
* both sides edited → the incoming copy is kept beside the original as a new
  visit with ``conflict_of`` set ("conflict"); nothing is overwritten.

"Not edited since last shared" is decided by content hashes, not clocks
(laptops' clocks drift): each machine records the visit's content hash at
every export and import in the audit log, and a package carries the sender's
list, so the local copy is an ancestor of the incoming one exactly when its
hash is in that list. No schema change is needed; losing audit rows can only
turn an update into a conflict copy, never into an overwrite.
"""

from __future__ import annotations

import platform
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app import __version__
from app.admin.session import require as require_role
from app.changes import NOTHING, Changes
from app.db.engine import Database
from app.db.visit_models import Attachment, Visit
from app.i18n import N_, plain_date, register_messages, text
from app.monev.exchange.document import content_hash, content_json, visit_content
from app.monev.exchange.merge import MergeResult, history_of, merge_visit, record_exchange
from app.monev.exchange.package_file import PACKAGE_SUFFIX, read_package, write_package
from app.monev.exchange.schema import parse_document
from app.problems import InputRejected, Problem

__all__ = [
    "PACKAGE_SUFFIX",
    "ExportInfo",
    "ImportOutcome",
    "export_visit",
    "import_visit",
    "visit_exchange_content",
]

register_messages({
    "exchange.imported": N_("The visit to {office} on {date} was imported as visit #{id}."),
    "exchange.updated": N_("Visit #{id} ({office}, {date}) was updated with the version from the file."),
    "exchange.unchanged": N_("Visit #{id} ({office}, {date}) already matches the file; nothing changed."),
    "exchange.local_newer": N_("Visit #{id} ({office}, {date}) on this computer is newer than the file; nothing changed."),
    "exchange.conflict": N_("Visit #{original} ({office}, {date}) was changed on this computer and elsewhere too. The file's version was kept separately as visit #{id} (conflict with #{original}); compare the two and settle which is right. Nothing was overwritten."),
    "exchange.conflict_known": N_("This file was imported before as visit #{id} (conflict with #{original}); nothing changed."),
    "exchange.template_added": N_("Template {code} version {version} was added from the file."),
})  # fmt: skip


@dataclass(frozen=True)
class ExportInfo:
    path: Path
    visit_id: int
    uuid: str
    content_sha256: str
    size: int  # bytes of the package file
    photos: int
    parts: tuple[dict[str, Any], ...]  # as listed in the manifest: path, sha256, size


@dataclass(frozen=True)
class ImportOutcome:
    status: str  # imported | updated | unchanged | conflict
    visit_id: int  # the visit now holding the file's content (the copy, for a conflict)
    message: str
    conflict_of: int | None = None  # for a conflict copy: the local visit it stands beside
    changes: Changes = field(default=NOTHING, compare=False)  # nothing when unchanged

    def as_json(self) -> dict[str, Any]:
        return {"status": self.status, "visit_id": self.visit_id, "message": self.message,
                "conflict_of": self.conflict_of}  # fmt: skip


def visit_exchange_content(db: Database, visit_id: int) -> dict[str, Any]:
    """The visit as it travels, without local ids: what two machines compare to know they agree."""
    with db.session() as s:
        v = s.get(Visit, visit_id)
        if v is None:
            raise InputRejected([Problem("visit.not_found", "visit", {"id": visit_id})])
        return visit_content(s, v)


def export_visit(
    db: Database, visit_id: int, out: Path, origin: str | None = None, actor: str = ""
) -> ExportInfo:
    """Write the visit's package to *out* (atomically) and remember its content hash as shared."""
    require_role("visit.exchange")
    out = Path(out)
    with db.session() as s:
        v = s.get(Visit, visit_id)
        if v is None:
            raise InputRejected([Problem("visit.not_found", "visit", {"id": visit_id})])
        content = visit_content(s, v)
        digest = content_hash(content)
        history = sorted(history_of(s, v.uuid) | {digest})
        shas = [p["sha256"] for p in content["photos"]]
        stored = {
            a.sha256: a for a in s.scalars(select(Attachment).where(Attachment.sha256.in_(shas)))
        }
        photos = [(sha, stored[sha].mime, bytes(stored[sha].data)) for sha in shas]
        visit_uuid = v.uuid
    document = {**content, "exchange": {"content_sha256": digest, "history": history}}
    head = {"created_at": datetime.now().isoformat(timespec="seconds"), "app_version": __version__,
            "origin": (origin or platform.node() or "")[:80], "visit_uuid": visit_uuid}  # fmt: skip
    size, parts = write_package(out, head, content_json(document), photos)
    with db.write() as s:
        record_exchange(s, visit_uuid, "visit_export", [digest], actor, file=out.name)
    return ExportInfo(out, visit_id, visit_uuid, digest, size, len(photos), tuple(parts))


def _message(db: Database, result: MergeResult, lang: str | None) -> str:
    with db.session() as s:
        v = s.get(Visit, result.visit_id)
        assert v is not None
        params = {"id": v.id, "office": v.office_name, "date": plain_date(v.start_date, lang),
                  "original": result.original_id}  # fmt: skip
    key = {"new": "exchange.imported", "fast_forward": "exchange.updated", "same": "exchange.unchanged",
           "local_newer": "exchange.local_newer", "conflict": "exchange.conflict",
           "conflict_known": "exchange.conflict_known"}[result.reason]  # fmt: skip
    message = text(key, lang, **params)
    if result.template_created:
        code, version = result.template_created
        message += " " + text("exchange.template_added", lang, code=code, version=version)
    return message


def import_visit(
    db: Database, path: Path, lang: str | None = None, actor: str = ""
) -> ImportOutcome:
    """Check the package completely, then merge it in one transaction (see the module docstring).

    Raises InputRejected, with the database untouched, for any file that is not a
    sound package of a known format version. The message is in *lang* (default: the
    active language).
    """
    require_role("visit.exchange")
    path = Path(path)
    package = read_package(path)
    document = parse_document(package.visit, {sha: p.mime for sha, p in package.photos.items()})
    with db.write() as s:
        result = merge_visit(s, document, package.photos, actor=actor, file_name=path.name[:120])
    written = NOTHING
    if result.status != "unchanged":
        written = Changes(visits=True, findings=True, photos=True)
    if result.template_created:
        written = written | Changes(templates=True)
    return ImportOutcome(result.status, result.visit_id, _message(db, result, lang),
                         result.original_id, written)  # fmt: skip
