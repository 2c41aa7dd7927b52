"""Photos for printed reports: shrunk to their printed size at ~150 dpi, cached by content."""

from __future__ import annotations

import hashlib
import io
import threading
from collections import OrderedDict

from PIL import Image as PILImage

PHOTO_DPI = 150

# Downscaled photos by (sha256, pixel box): a report is often rendered again after a small
# edit, and re-encoding 30 photos is the slowest part of the whole report.
_photo_cache: OrderedDict[tuple[str, int, int], tuple[bytes, int, int]] = OrderedDict()
_PHOTO_CACHE_SIZE = 256
_photo_cache_lock = threading.Lock()  # photos shrink on several threads at once


def printable_photo(jpeg: bytes, box_w: float, box_h: float) -> tuple[bytes, float, float]:
    """The photo re-encoded at ~150 dpi for a box of box_w x box_h points, and its printed size."""
    px_w, px_h = int(box_w / 72 * PHOTO_DPI), int(box_h / 72 * PHOTO_DPI)
    key = (hashlib.sha256(jpeg).hexdigest(), px_w, px_h)
    with _photo_cache_lock:
        hit = _photo_cache.get(key)
        if hit is not None:
            _photo_cache.move_to_end(key)
    if hit is None:
        with PILImage.open(io.BytesIO(jpeg)) as img:
            fit = min(px_w / img.width, px_h / img.height, 1.0)
            # A JPEG decodes straight at 1/2, 1/4 or 1/8 scale: ask for the fitted size, not the box.
            img.draft("RGB", (max(1, round(img.width * fit)), max(1, round(img.height * fit))))
            small = img.convert("RGB")
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
