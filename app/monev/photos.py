"""Photo evidence of a visit: checked, re-encoded to a sane JPEG, stored once by SHA-256."""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Final

from PIL import Image, ImageOps, UnidentifiedImageError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.admin.audit import audit
from app.admin.session import require as require_role
from app.changes import NOTHING, Changes
from app.db.engine import Database
from app.db.visit_models import Attachment, VisitAttachment
from app.i18n import N_, register_messages
from app.monev.findings import template_item_ids, visit_for_change
from app.problems import InputRejected, Problem
from app.text_limits import too_long

MAX_PHOTO_BYTES: Final = 15 * 1024 * 1024
MAX_PHOTO_PIXELS: Final = 80_000_000  # refuse decompression bombs before decoding
PHOTO_LONG_SIDE: Final = 1600
PHOTO_QUALITY: Final = 85

register_messages({
    "photo.too_large": N_("The photo is too large ({size_mb} MB; max {max_mb} MB)."),
    "photo.not_image": N_("File {name} is not a readable image (JPEG, PNG, …)."),
    "photo.too_many_pixels": N_("Image {name} is too large ({megapixels} MP)."),
    "photo.not_found": N_("Attachment {id} not found."),
})  # fmt: skip
# A photo written touches its visit's updated-at stamp too.
PHOTO_WRITTEN = Changes(photos=True, visits=True)


@dataclass(frozen=True)
class AttachmentInfo:
    id: int  # the photo's link to this visit (caption, item, position)
    uuid: str
    visit_id: int
    attachment_id: int  # the stored image; attachment_bytes() gives the JPEG
    sha256: str
    mime: str
    size: int
    width: int
    height: int
    caption: str
    item_id: int | None
    position: int
    already_attached: bool = False  # attach_photo found the same photo in this visit
    changes: Changes = field(default=NOTHING, compare=False)  # what the call that gave it wrote


def _link_info(
    link: VisitAttachment, already: bool = False, changes: Changes = NOTHING
) -> AttachmentInfo:
    a = link.attachment
    return AttachmentInfo(link.id, link.uuid, link.visit_id, a.id, a.sha256, a.mime, a.size, a.width,
                          a.height, link.caption or "", link.item_id, link.position, already, changes)  # fmt: skip


def attachments_in_session(s: Session, visit_id: int) -> list[AttachmentInfo]:
    rows = s.scalars(select(VisitAttachment).where(VisitAttachment.visit_id == visit_id)
                     .order_by(VisitAttachment.position, VisitAttachment.id))  # fmt: skip
    return [_link_info(x) for x in rows]


# What Pillow raises for a file that is not an image, or whose pixels cannot be decoded.
_UNREADABLE = (
    UnidentifiedImageError,
    Image.DecompressionBombError,
    OSError,
    ValueError,
    SyntaxError,
)


def _refuse_huge(im: Image.Image, name: str) -> None:
    if im.width * im.height > MAX_PHOTO_PIXELS:
        mp = round(im.width * im.height / 1e6)
        raise InputRejected(
            [Problem("photo.too_many_pixels", "photo", {"name": name, "megapixels": mp})]
        )


def decode_photo(raw: bytes, name: str = "") -> tuple[str, int, int]:
    """Decode every pixel of an image and say its format and size; InputRejected when it cannot.

    Pillow's verify() reads the headers and checksums only: a JPEG cut short or a PNG whose
    compressed pixels are garbage passes it, and then fails in every report that prints it.
    """
    try:
        with Image.open(io.BytesIO(raw)) as im:
            _refuse_huge(im, name)
            im.load()
            im.convert("RGB")  # what a printed report does with it
            return im.format or "", im.width, im.height
    except InputRejected:
        raise
    except _UNREADABLE as exc:
        raise InputRejected([Problem("photo.not_image", "photo", {"name": name})]) from exc


def reencode_photo(raw: bytes, name: str = "") -> tuple[bytes, int, int]:
    """JPEG bytes (upright by EXIF, long side ≤ 1600 px, quality 85, no metadata) and its size.

    Metadata is dropped on purpose: a phone photo's EXIF holds GPS position and device data.
    """
    try:
        with Image.open(io.BytesIO(raw)) as im:
            _refuse_huge(im, name)
            im.load()  # every pixel, not only the headers: a truncated file fails here
            upright = ImageOps.exif_transpose(im) or im
            if upright.mode in ("RGBA", "LA", "P", "PA"):
                rgba = upright.convert("RGBA")
                flat = Image.new("RGB", rgba.size, (255, 255, 255))
                flat.paste(rgba, mask=rgba.getchannel("A"))
                upright = flat
            elif upright.mode != "RGB":
                upright = upright.convert("RGB")
            upright.thumbnail((PHOTO_LONG_SIDE, PHOTO_LONG_SIDE), Image.Resampling.LANCZOS)
            out = io.BytesIO()
            upright.save(out, "JPEG", quality=PHOTO_QUALITY, optimize=True)
            return out.getvalue(), upright.width, upright.height
    except InputRejected:
        raise
    except _UNREADABLE as exc:
        raise InputRejected([Problem("photo.not_image", "photo", {"name": name})]) from exc


def _check_caption(caption: str) -> None:
    if problem := too_long("visit_attachment.caption", caption, "caption"):
        raise InputRejected([problem])


@dataclass(frozen=True)
class EncodedPhoto:
    """A photo file checked and re-encoded, ready to be stored (no database touched yet)."""

    data: bytes  # the JPEG
    width: int
    height: int
    sha256: str


def encode_photo_file(path: Path) -> EncodedPhoto:
    """Read a photo file: refused when missing, too large or not an image; else re-encoded."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputRejected([Problem("import.file_missing", "photo", {"path": str(path)})]) from exc
    if size > MAX_PHOTO_BYTES:
        raise InputRejected([Problem("photo.too_large", "photo", {
            "size_mb": f"{size / 1048576:.1f}", "max_mb": MAX_PHOTO_BYTES // 1048576})])  # fmt: skip
    data, width, height = reencode_photo(path.read_bytes(), path.name)
    return EncodedPhoto(data, width, height, hashlib.sha256(data).hexdigest())


def stored_attachment(s: Session, photo: EncodedPhoto, now: datetime | None = None) -> Attachment:
    """The Attachment row holding *photo* in session *s*: the one with its SHA-256, else a new one."""
    stored = s.scalar(select(Attachment).where(Attachment.sha256 == photo.sha256))
    if stored is None:
        stored = Attachment(sha256=photo.sha256, mime="image/jpeg", size=len(photo.data),
                            data=photo.data, width=photo.width, height=photo.height,
                            created_at=now or datetime.now())  # fmt: skip
        s.add(stored)
        s.flush()
    return stored


def attach_photo(
    db: Database, visit_id: int, path: Path, caption: str = "", item_id: int | None = None
) -> AttachmentInfo:
    """Attach a photo file as evidence: checked, re-encoded, stored once by SHA-256."""
    require_role("visit.write")
    _check_caption(caption.strip())
    photo = encode_photo_file(path)
    now = datetime.now()
    with db.write() as s:
        v = visit_for_change(s, visit_id)
        if item_id is not None and item_id not in template_item_ids(s, v.template_id):
            raise InputRejected(
                [Problem("visit.item_not_in_template", "item_id", {"item": item_id})]
            )
        stored = stored_attachment(s, photo, now)
        link = s.scalar(select(VisitAttachment).where(
            VisitAttachment.visit_id == v.id, VisitAttachment.attachment_id == stored.id))  # fmt: skip
        if link is not None:
            return _link_info(link, already=True)
        last = s.scalar(
            select(func.max(VisitAttachment.position)).where(VisitAttachment.visit_id == v.id)
        )
        link = VisitAttachment(visit_id=v.id, attachment_id=stored.id, item_id=item_id, caption=caption.strip(),
                               position=(last or 0) + 1, created_at=now, updated_at=now)  # fmt: skip
        link.attachment = stored
        s.add(link)
        v.updated_at = now
        s.flush()
        audit(s, None, "photo_attach", "visit", v.uuid, at=now, sha256=stored.sha256,
              caption=caption.strip(), item=item_id)  # fmt: skip
        return _link_info(link, changes=PHOTO_WRITTEN)


def _link(s: Session, link_id: int) -> VisitAttachment:
    link = s.get(VisitAttachment, link_id)
    if link is None:
        raise InputRejected([Problem("photo.not_found", "photo", {"id": link_id})])
    return link


def update_photo(
    db: Database, link_id: int, caption: str, item_id: int | None = None
) -> AttachmentInfo:
    require_role("visit.write")
    _check_caption(caption.strip())
    with db.write() as s:
        link = _link(s, link_id)
        v = visit_for_change(s, link.visit_id)
        if item_id is not None and item_id not in template_item_ids(s, v.template_id):
            raise InputRejected(
                [Problem("visit.item_not_in_template", "item_id", {"item": item_id})]
            )
        before = {"caption": link.caption, "item": link.item_id}
        link.caption, link.item_id = caption.strip(), item_id
        link.updated_at = v.updated_at = datetime.now()
        audit(s, None, "photo_edit", "visit", v.uuid, sha256=link.attachment.sha256,
              before=before, after={"caption": link.caption, "item": link.item_id})  # fmt: skip
        return _link_info(link, changes=PHOTO_WRITTEN)


def drop_attachment_if_unused(s: Session, attachment_id: int | None) -> None:
    """Delete a stored image that no visit and no publicity activity uses any more."""
    from app.db.figure_models import SocializationActivity

    if attachment_id is None:
        return
    s.flush()
    for link in (VisitAttachment.attachment_id, SocializationActivity.attachment_id):
        if s.scalar(select(func.count()).where(link == attachment_id)):
            return
    stored = s.get(Attachment, attachment_id)
    if stored is not None:
        s.delete(stored)


def remove_photo(db: Database, link_id: int) -> Changes:
    """Take a photo off the visit; the image goes too when no other visit uses it."""
    require_role("visit.write")
    with db.write() as s:
        link = _link(s, link_id)
        v = visit_for_change(s, link.visit_id)
        attachment_id = link.attachment_id
        audit(s, None, "photo_remove", "visit", v.uuid, sha256=link.attachment.sha256,
              caption=link.caption)  # fmt: skip
        s.delete(link)
        drop_attachment_if_unused(s, attachment_id)
        v.updated_at = datetime.now()
    return PHOTO_WRITTEN


def attachment_bytes(db: Database, attachment_id: int) -> bytes:
    with db.session() as s:
        a = s.get(Attachment, attachment_id)
        if a is None:
            raise InputRejected([Problem("photo.not_found", "photo", {"id": attachment_id})])
        return bytes(a.data)
