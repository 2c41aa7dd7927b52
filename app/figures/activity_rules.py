"""The rules a publicity or socialisation activity must pass before it is stored (pure: no I/O)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from app.figures.activity_model import ACTIVITY_KINDS
from app.i18n import N_, register_messages
from app.problems import Problem
from app.text_limits import TEXT_LIMITS

EARLIEST_ACTIVITY = date(2000, 1, 1)

# How long each typed text may be: the column lengths of socialization_activity (the note is
# Text: the office's limit). Keys "socialization_activity.<column>" like app/text_limits.py.
# Field -> (most characters, the English reason); the stored columns' limits are in TEXT_LIMITS.
ACTIVITY_TEXT_LIMITS: dict[str, tuple[int, str]] = {
    **{
        f: (
            TEXT_LIMITS[f"socialization_activity.{f}"].max,
            TEXT_LIMITS[f"socialization_activity.{f}"].too_long,
        )
        for f in ("title", "place", "officer")
    },  # fmt: skip
    "note": (2000, N_("The note is too long ({n} characters; at most {max}).")),
}
_WHOLE = re.compile(r"[0-9]+|[0-9]{1,3}(\.[0-9]{3})+", re.ASCII)
MAX_AUDIENCE = 100_000_000  # an Integer column; more people than Indonesia's half is a typo

register_messages(
    {
        "activity.date.required": N_("The date of the activity is required."),
        "activity.date.future": N_("The date {date} is in the future."),
        "activity.date.early": N_("The date {date} is before the year 2000."),
        "activity.kind.invalid": N_("Unknown kind of activity: {value}. Choose one of: {kinds}."),
        "activity.kind.required": N_("Choose the kind of activity."),
        "activity.title.required": N_("The title of the activity is required."),
        "activity.audience.invalid": N_(
            "The audience must be a whole number of people, 0 or more (not {value})."
        ),
        "activity.office.unknown": N_("Office {code} is not in this database."),
        "activity.not_found": N_("Activity {id} not found."),
        **{f"activity.{f}.too_long": message for f, (_n, message) in ACTIVITY_TEXT_LIMITS.items()},
    }
)


@dataclass(frozen=True)
class ActivityDraft:
    """What a person typed for an activity; audience may still be text from a form."""

    office_code: str
    activity_date: date | None
    kind: str
    title: str
    place: str | None = None
    audience: int | str | None = None  # people reached; "" or None when not known
    note: str | None = None
    officer: str | None = None


@dataclass(frozen=True)
class CleanActivity:
    """A draft that passed the rules, as it will be stored."""

    office_code: str
    activity_date: date
    kind: str
    title: str
    place: str | None
    audience: int | None
    note: str | None
    officer: str | None


def _text(value: str | None) -> str | None:
    stripped = (value or "").strip()
    return stripped or None


def parse_audience(value: int | str | None) -> int | None | Problem:
    """The audience as a whole number ≥ 0, None when empty, or the Problem refusing it."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        return Problem("activity.audience.invalid", "audience", {"value": value})
    if isinstance(value, int):
        number = value
    else:
        raw = value.strip()
        if not _WHOLE.fullmatch(raw):  # "1.250" is 1250 in Indonesian; "12.5" is no count
            return Problem("activity.audience.invalid", "audience", {"value": raw})
        number = int(raw.replace(".", ""))
    if number < 0 or number > MAX_AUDIENCE:
        return Problem("activity.audience.invalid", "audience", {"value": value})
    return number


def kinds_listed() -> str:
    return ", ".join(ACTIVITY_KINDS)


def check_activity(draft: ActivityDraft, today: date) -> CleanActivity | list[Problem]:
    """The draft cleaned, or every reason it is refused (one per field at most)."""
    problems: list[Problem] = []
    d = draft.activity_date
    if d is None:
        problems.append(Problem("activity.date.required", "activity_date"))
    elif d > today:
        problems.append(
            Problem("activity.date.future", "activity_date", {"date": d.strftime("%d/%m/%Y")})
        )
    elif d < EARLIEST_ACTIVITY:
        problems.append(
            Problem("activity.date.early", "activity_date", {"date": d.strftime("%d/%m/%Y")})
        )
    kind = (draft.kind or "").strip()
    if not kind:
        problems.append(Problem("activity.kind.required", "kind"))
    elif kind not in ACTIVITY_KINDS:
        problems.append(
            Problem("activity.kind.invalid", "kind", {"value": kind, "kinds": kinds_listed()})
        )
    title = _text(draft.title)
    if title is None:
        problems.append(Problem("activity.title.required", "title"))
    texts = {"title": title, "place": _text(draft.place), "note": _text(draft.note),
             "officer": _text(draft.officer)}  # fmt: skip
    for name, value in texts.items():
        limit = ACTIVITY_TEXT_LIMITS[name][0]
        if value is not None and len(value) > limit:
            problems.append(
                Problem(f"activity.{name}.too_long", name, {"n": len(value), "max": limit})
            )
    audience = parse_audience(draft.audience)
    if isinstance(audience, Problem):
        problems.append(audience)
    if problems or d is None or title is None or isinstance(audience, Problem):
        return problems
    return CleanActivity(draft.office_code.strip(), d, kind, title, texts["place"], audience,
                         texts["note"], texts["officer"])  # fmt: skip
