"""Create or upgrade the database and seed the office, services and tariff table (idempotent)."""

from __future__ import annotations

import tomllib
from pathlib import Path

from sqlalchemy import select

from app.admin.session import require as require_role
from app.changes import Changes
from app.config import Settings, resources_dir
from app.db.engine import Database
from app.db.models import Office, Service, Tariff
from app.db.schema_state import SchemaState, schema_state, setup_lock
from app.desk.passport import TariffRow
from app.problems import InputRejected, Problem
from app.queue.numbering import SERVICES


def refuse_unknown_schema(db: Database) -> SchemaState:
    """The schema state; a database this program cannot write is refused in plain words."""
    state = schema_state(db.engine)
    if state.kind == "newer":
        raise InputRejected([Problem("db.newer", "db", {"revision": state.revision})])
    if state.kind == "foreign":
        raise InputRejected([Problem("db.foreign", "db", {"revision": state.revision})])
    return state


def init_database(db: Database, settings: Settings) -> None:
    """Create or upgrade the schema and seed it; safe when several workstations start at once."""
    from app.monev.templates import ensure_default_template

    current = refuse_unknown_schema(db).kind == "current"
    # Seeding too is under the lock: a workstation that finds the schema current may start
    # while another is still seeding it (both would insert the office).
    with setup_lock(db.engine):
        # Another workstation may have upgraded while this one waited: look again.
        if not current and refuse_unknown_schema(db).kind != "current":
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
                    # The two columns predate the catalogue; the code's SERVICE_NAMES is what is shown.
                    name_id=svc.label("id"),
                    name_en=svc.name,
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


def apply_office(db: Database, settings: Settings) -> Changes:
    """Make the office named in settings exist (a new office code or name from the Settings page)."""
    require_role("settings.write")
    from app.admin.audit import audit

    with db.write() as s:
        seed(s, settings)
        audit(
            s,
            None,
            "office_settings",
            "office",
            settings.office.code,
            after={"code": settings.office.code, "name": settings.office.name},
        )
    return Changes(office=True)


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
