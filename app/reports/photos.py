"""Photos for printed reports: shrunk to their printed size at ~150 dpi, cached by content."""

from __future__ import annotations

import hashlib
import io
import threading
from collections import OrderedDict

from PIL import Image as PILImage
from PIL import UnidentifiedImageError
from reportlab.lib import colors
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

PHOTO_DPI = 150


class UnreadablePhoto(ValueError):
    """Stored bytes that do not decode as an image (a report prints a placeholder box instead)."""


# Downscaled photos by (sha256, pixel box): a report is often rendered again after a small
# edit, and re-encoding 30 photos is the slowest part of the whole report.
_photo_cache: OrderedDict[tuple[str, int, int], tuple[bytes, int, int]] = OrderedDict()
_PHOTO_CACHE_SIZE = 256
_photo_cache_lock = threading.Lock()  # photos shrink on several threads at once


def printable_photo(jpeg: bytes, box_w: float, box_h: float) -> tuple[bytes, float, float]:
    """The photo re-encoded at ~150 dpi for a box of box_w x box_h points, and its printed size.

    Raises UnreadablePhoto when the bytes do not decode (cut short, garbage pixel data).
    """
    px_w, px_h = int(box_w / 72 * PHOTO_DPI), int(box_h / 72 * PHOTO_DPI)
    key = (hashlib.sha256(jpeg).hexdigest(), px_w, px_h)
    with _photo_cache_lock:
        hit = _photo_cache.get(key)
        if hit is not None:
            _photo_cache.move_to_end(key)
    if hit is None:
        try:
            with PILImage.open(io.BytesIO(jpeg)) as img:
                fit = min(px_w / img.width, px_h / img.height, 1.0)
                # A JPEG decodes straight at 1/2, 1/4 or 1/8 scale: ask for the fitted size, not the box.
                img.draft("RGB", (max(1, round(img.width * fit)), max(1, round(img.height * fit))))
                small = img.convert("RGB")
        except (UnidentifiedImageError, PILImage.DecompressionBombError, OSError, ValueError,
                SyntaxError, ZeroDivisionError) as exc:  # fmt: skip
            raise UnreadablePhoto(str(exc)) from exc
        small.thumbnail((px_w, px_h), PILImage.Resampling.BICUBIC)
        out = io.BytesIO()
        small.save(out, "JPEG", quality=82)
        hit = (out.getvalue(), small.width, small.height)
        with _photo_cache_lock:
            _photo_cache[key] = hit
            if len(_photo_cache) > _PHOTO_CACHE_SIZE:
                _photo_cache.popitem(last=False)
    data, w, h = hit
    scale = min(box_w / w, box_h / h)
    return data, w * scale, h * scale


def printable_photo_or_none(
    jpeg: bytes, box_w: float, box_h: float
) -> tuple[bytes, float, float] | None:
    """printable_photo, or None for bytes that do not decode (the report then prints a box)."""
    try:
        return printable_photo(jpeg, box_w, box_h)
    except UnreadablePhoto:
        return None


def unreadable_photo_box(box_w: float, box_h: float, lines: list[Paragraph]) -> Flowable:
    """A framed box of a photo's printed size that stands in for a photo that cannot be decoded."""
    box = Table([[lines]], colWidths=[box_w * 0.9], rowHeights=[box_h * 0.8])
    box.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.75, colors.HexColor("#555555")),
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#eeeeee")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
            ]
        )
    )
    box.hAlign = "CENTER"
    return box
