"""Photos that pass Pillow's verify() but cannot be decoded, and a way to smuggle one into a visit."""

from __future__ import annotations

import hashlib
import io
import os
import struct
import zlib
from datetime import datetime

from PIL import Image
from sqlalchemy import func, select

from app.db.visit_models import Attachment, VisitAttachment


def _noise(size: tuple[int, int] = (640, 480)) -> Image.Image:
    return Image.effect_noise(size, 60).convert("RGB")


def truncated_jpeg() -> bytes:
    """A camera-like JPEG cut off halfway, as a copy interrupted on a USB stick leaves it."""
    out = io.BytesIO()
    _noise().save(out, "JPEG", quality=85)
    data = out.getvalue()
    return data[: len(data) // 2]


def garbage_png() -> bytes:
    """A PNG whose pixel data is random bytes under correct chunk checksums."""
    out = io.BytesIO()
    _noise().save(out, "PNG")
    png = out.getvalue()
    rebuilt, pos, first_idat = png[:8], 8, True
    while pos < len(png):
        (length,) = struct.unpack(">I", png[pos : pos + 4])
        kind, body = png[pos + 4 : pos + 8], png[pos + 8 : pos + 8 + length]
        pos += 12 + length
        if kind == b"IDAT":
            if not first_idat:
                continue
            first_idat, body = False, os.urandom(5000)
        rebuilt += struct.pack(">I", len(body)) + kind + body
        rebuilt += struct.pack(">I", zlib.crc32(kind + body))
    return rebuilt


def passes_verify(data: bytes) -> bool:
    """What the package check used to ask: headers and checksums only."""
    try:
        with Image.open(io.BytesIO(data)) as im:
            im.verify()
        return True
    except Exception:
        return False


def smuggle_photo(db, visit_id: int, data: bytes, mime: str, caption: str) -> int:
    """Store *data* as a photo of the visit straight in the database (as an old version did); its id."""
    now = datetime.now()
    with db.write() as s:
        a = Attachment(sha256=hashlib.sha256(data).hexdigest(), mime=mime, size=len(data),
                       data=data, width=640, height=480, created_at=now)  # fmt: skip
        s.add(a)
        s.flush()
        last = s.scalar(
            select(func.max(VisitAttachment.position)).where(VisitAttachment.visit_id == visit_id)
        )
        s.add(VisitAttachment(visit_id=visit_id, attachment_id=a.id, caption=caption,
                              position=(last or 0) + 1, created_at=now, updated_at=now))  # fmt: skip
        return a.id
