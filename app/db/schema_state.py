"""Which schema does a database hold? Answered without importing Alembic (it costs ~0.3 s at every start)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, inspect, text

VERSIONS = Path(__file__).resolve().parent / "migrations" / "versions"
_REVISION = re.compile(r'^revision\s*=\s*["\']([^"\']+)["\']', re.M)
_DOWN = re.compile(r'^down_revision\s*=\s*["\']([^"\']+)["\']', re.M)
# pg_advisory_lock key of schema set-up: "KDSK" — any constant all workstations share.
SETUP_LOCK = 0x4B44534B


def known_revisions() -> tuple[set[str], str | None]:
    """Every revision this program knows, and the one no other builds on (the head)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in VERSIONS.glob("*.py"):
        body = path.read_text(encoding="utf-8")
        if m := _REVISION.search(body):
            revisions.add(m.group(1))
        if m := _DOWN.search(body):
            parents.add(m.group(1))
    heads = revisions - parents
    return revisions, (heads.pop() if len(heads) == 1 else None)


def head_from_files() -> str | None:
    return known_revisions()[1]


@dataclass(frozen=True)
class SchemaState:
    """``kind``: empty (no schema yet), current, older (upgradable), newer (written by a newer
    KanimDesk: an unknown revision) or foreign (more than one version row)."""

    kind: str
    revision: str | None = None

    @property
    def writable(self) -> bool:
        return self.kind in ("empty", "current", "older")


def schema_state(engine: Engine) -> SchemaState:
    revisions, head = known_revisions()
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return SchemaState("empty")
        rows = [r[0] for r in conn.execute(text("SELECT version_num FROM alembic_version"))]
    if not rows:
        return SchemaState("empty")
    if len(rows) > 1:
        return SchemaState("foreign", ", ".join(sorted(rows)))
    if rows[0] == head:
        return SchemaState("current", rows[0])
    if rows[0] in revisions:
        return SchemaState("older", rows[0])
    return SchemaState("newer", rows[0])


def is_current(engine: Engine) -> bool:
    return schema_state(engine).kind == "current"


@contextmanager
def setup_lock(engine: Engine) -> Iterator[None]:
    """Serialise schema set-up between workstations starting at the same moment.

    PostgreSQL: a session advisory lock, so the second workstation waits and then finds
    the schema current. SQLite: writers already serialise with BEGIN IMMEDIATE.
    """
    if engine.dialect.name != "postgresql":
        yield
        return
    with engine.connect() as conn:
        conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": SETUP_LOCK})
        conn.commit()
        try:
            yield
        finally:
            conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": SETUP_LOCK})
            conn.commit()
