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


def mask_name(name: str | None) -> str:
    """'S••• A•••••' for 'Siti Aminah': the first letter of each word (as the audit log keeps it)."""
    return " ".join(w[0] + MASK * (len(w) - 1) for w in (name or "").split())


def mask_tail(value: str | None, shown: int = 2) -> str:
    """'••••••••••12' for a phone or passport number: only its last *shown* characters."""
    clean = "".join((value or "").split())
    if len(clean) <= shown:
        return MASK * len(clean)
    return MASK * (len(clean) - shown) + clean[-shown:]


# How each personal field is written where a person's data must not be (the audit log).
PERSONAL_FIELDS = {
    "nik": mask_nik,
    "name": mask_name,
    "phone": mask_tail,
    "passport_no": mask_tail,
    "birth_place": lambda v: MASK * 3 if v else "",
    "birth_date": lambda v: MASK * 3 if v else "",
    "address": lambda v: MASK * 3 if v else "",
}


def masked(field: str, value: object) -> object:
    """*value* as the audit log may keep it: a personal field masked, anything else as it is."""
    mask = PERSONAL_FIELDS.get(field)
    if mask is None:
        return value
    return mask(None if value is None else str(value))
