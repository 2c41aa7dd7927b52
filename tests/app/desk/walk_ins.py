"""For tests: walk-in applicants registered the way the desk does it, each with a unique NIK."""

from __future__ import annotations

from datetime import date, datetime

from app.config import Settings
from app.db.engine import Database
from app.desk.nik import make_nik
from app.desk.registration import RegistrationForm, register


def walk_in(i: int, **kw: object) -> RegistrationForm:
    """An adult e-Paspor applicant from Muara Enim; *i* makes the NIK unique."""
    birth = date(1980 + i % 20, 1 + i % 12, 1 + i % 28)
    sex = "LP"[i % 2]
    values: dict[str, object] = dict(
        nik=make_nik("16", "03", "01", birth, sex, i + 1), name=f"Pemohon Uji {chr(65 + i % 26)}",
        birth_date=birth, sex=sex, kind="baru", product="epaspor", validity_years=10,
    )  # fmt: skip
    values.update(kw)
    return RegistrationForm(**values)  # type: ignore[arg-type]


def register_walk_ins(
    db: Database, settings: Settings, n: int, now: datetime, start: int = 0, **kw: object
) -> list[int]:
    """Register *n* walk-ins at *now*; their application ids in order."""
    return [
        register(
            db, settings, walk_in(start + i, **kw), officer="desk", counter="1", now=now
        ).application_id
        for i in range(n)
    ]
