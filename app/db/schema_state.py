"""Is the schema already current? Answered without importing Alembic (it costs ~0.3 s at every start)."""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import Engine, inspect, text

VERSIONS = Path(__file__).resolve().parent / "migrations" / "versions"
_REVISION = re.compile(r'^revision\s*=\s*["\']([^"\']+)["\']', re.M)
_DOWN = re.compile(r'^down_revision\s*=\s*["\']([^"\']+)["\']', re.M)


def head_from_files() -> str | None:
    """The one revision no other migration builds on."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in VERSIONS.glob("*.py"):
        body = path.read_text(encoding="utf-8")
        if m := _REVISION.search(body):
            revisions.add(m.group(1))
        if m := _DOWN.search(body):
            parents.add(m.group(1))
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def is_current(engine: Engine) -> bool:
    head = head_from_files()
    if head is None:
        return False
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return False
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == head
