"""Create or upgrade the database and seed the office, services and tariff table (idempotent)."""

from __future__ import annotations

import tomllib
from pathlib import Path

from sqlalchemy import select

from app.config import Settings, resources_dir
from app.db.engine import Database
from app.db.models import Office, Service, Tariff
from app.db.schema_state import is_current
from app.desk.passport import TariffRow
from app.queue.numbering import SERVICES


def init_database(db: Database, settings: Settings) -> None:
    from app.monev.templates import ensure_default_template

    if not is_current(db.engine):
        from app.db.migrate import upgrade

        upgrade(db.engine)
    with db.write() as s:
        seed(s, settings)
    ensure_default_template(db)


def seed(s, settings: Settings) -> None:
    office = s.scalar(select(Office).where(Office.code == settings.office.code))
    if office is None:
        s.add(Office(code=settings.office.code, name=settings.office.name))
    elif office.name != settings.office.name:
        office.name = settings.office.name
    known = set(s.scalars(select(Service.prefix)))
    for svc in SERVICES:
        if svc.prefix not in known:
            s.add(
                Service(
                    prefix=svc.prefix,
                    code=svc.code,
                    name_id=svc.name_id,
                    name_en=svc.name_en,
                    kind=svc.kind,
                    sop_minutes=svc.sop_minutes,
                    active=True,
                )
            )
    codes = set(s.scalars(select(Tariff.code)))
    for row in load_tariff_file(resources_dir() / "tariffs.toml"):
        if row.code not in codes:
            # New rows are added; existing rows are never rewritten from the file.
            s.add(
                Tariff(
                    code=row.code,
                    component=row.component,
                    product=row.product,
                    validity_years=row.validity_years,
                    amount=row.amount,
                    valid_from=row.valid_from,
                    basis=row.basis,
                )
            )


def office_id(s, code: str) -> int:
    oid = s.scalar(select(Office.id).where(Office.code == code))
    if oid is None:
        raise LookupError(f"office {code} not seeded")
    return int(oid)


def apply_office(db: Database, settings: Settings) -> None:
    """Make the office named in settings exist (a new office code or name from the Settings page)."""
    with db.write() as s:
        seed(s, settings)


def load_tariff_file(path: Path) -> list[TariffRow]:
    """The dated tariff rows shipped in resources/tariffs.toml."""
    with open(path, "rb") as fh:
        data = tomllib.load(fh)
    return [
        TariffRow(
            code=t["code"],
            component=t["component"],
            amount=int(t["amount"]),
            valid_from=t["valid_from"],
            basis=t["basis"],
            product=t.get("product"),
            validity_years=t.get("validity_years"),
        )
        for t in data["tariff"]
    ]
