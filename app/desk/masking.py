"""Personal numbers shown only in part, for papers that leave the office (receipts) and screens others see."""

from __future__ import annotations

MASK = "•"
# The regency code in front and the serial at the end let an applicant recognise their own
# number; the district and birth date between them stay hidden.
SHOWN_HEAD, SHOWN_TAIL = 4, 4


def mask_nik(nik: str | None) -> str:
    """'1603••••••••0001' for '1603015507900001'; a value too short to keep both ends is masked whole."""
    value = "".join((nik or "").split())
    if len(value) <= SHOWN_HEAD + SHOWN_TAIL:
        return MASK * len(value)
    hidden = len(value) - SHOWN_HEAD - SHOWN_TAIL
    return value[:SHOWN_HEAD] + MASK * hidden + value[-SHOWN_TAIL:]
