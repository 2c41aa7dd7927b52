"""A publicity or socialisation activity as services hand it out (no ORM rows)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.i18n import N_

ACTIVITY_KINDS: dict[str, str] = {
    "mass_media": N_("Mass media"),
    "social_media": N_("Social media"),
    "radio": N_("Radio"),
    "face_to_face": N_("Face-to-face socialisation"),
    "outreach": N_("Service outside the office"),  # e.g. "3 in 1 Si Mamat", Eazy Passport
}


@dataclass(frozen=True)
class ActivityInfo:
    id: int
    uuid: str
    office_code: str
    activity_date: date
    kind: str  # ACTIVITY_KINDS
    title: str
    place: str | None  # place or channel
    audience: int | None  # people reached, when known
    note: str | None
    attachment_id: int | None  # its photo, stored like a visit photo
    officer: str | None
