"""An applicant's own particulars, WNI or WNA: name, birth date, sex, phone and passport number."""

from __future__ import annotations

import re
from datetime import date

from app.problems import Problem

_NAME = re.compile(r"^[A-Za-z][A-Za-z .,'\-]*$")
_PHONE = re.compile(r"^\+?[0-9]{8,15}$")
# A passport number as the desk records it (normalize_passport first): 6–12 letters or digits.
PASSPORT_NUMBER = re.compile(r"^[A-Z0-9]{6,12}$")


def check_name(name: str) -> Problem | None:
    name = " ".join(name.split())
    if not name:
        return Problem("field.required", "name")
    if len(name) < 2:
        return Problem("name.short", "name")
    if not _NAME.match(name):
        return Problem("name.chars", "name")
    return None


def check_birth_date(d: date | None, today: date) -> Problem | None:
    if d is None:
        return Problem("field.required", "birth_date")
    if d > today:
        return Problem("birth.future", "birth_date")
    if d.year < today.year - 120:
        return Problem("birth.old", "birth_date")
    return None


def check_phone(phone: str) -> Problem | None:
    """An optional phone number: 8–15 digits, an optional +, spaces and dashes ignored."""
    digits = phone.strip().replace(" ", "").replace("-", "")
    return Problem("phone.format", "phone") if digits and not _PHONE.match(digits) else None


def check_person(
    name: str, birth_date: date | None, sex: str, phone: str, today: date
) -> list[Problem]:
    """The checks every applicant gets, WNI or WNA: name, birth date, sex, phone."""
    problems = [p for p in (check_name(name), check_birth_date(birth_date, today)) if p]
    if sex not in ("L", "P"):
        problems.append(Problem("sex.invalid", "sex"))
    if phone_problem := check_phone(phone):
        problems.append(phone_problem)
    return problems


def normalize_passport(raw: str) -> str:
    """Spaces out, letters upper case: the form the number is stored and matched in."""
    return "".join(raw.split()).upper()


def check_passport_no(raw: str) -> Problem | None:
    return (
        None
        if PASSPORT_NUMBER.match(normalize_passport(raw))
        else Problem("passport.format", "passport_no")
    )
