"""Trying a database address before a workstation is pointed at it (Settings: Test connection)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.engine import make_url

from app.i18n import N_, register_messages, text
from app.problems import InputRejected

register_messages(
    {
        "db.check.current": N_("Connected: a KanimDesk database, up to date ({where})."),
        "db.check.older": N_(
            "Connected: a KanimDesk database of an older version ({where}); KanimDesk "
            "upgrades it when it next starts with it."
        ),
        "db.check.empty": N_(
            "Connected: the database {where} is empty; KanimDesk sets it up when it first "
            "starts with it."
        ),
        "db.check.newer": N_(
            "Connected, but {where} was written by a newer KanimDesk: update this PC first."
        ),
        "db.check.foreign": N_(
            "Connected, but {where} is not a KanimDesk database (its version table is unknown)."
        ),
        "db.check.failed": N_("The database {where} could not be reached ({reason})."),
    }
)

# A server that does not answer: say so after this long, not after the system's TCP timeout.
CONNECT_TIMEOUT_S = 5


@dataclass(frozen=True)
class ConnectionCheck:
    ok: bool
    message: str


def _shown(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)


def _with_timeout(url: str) -> str:
    parsed = make_url(url)
    if parsed.get_backend_name() == "postgresql" and "connect_timeout" not in parsed.query:
        parsed = parsed.update_query_dict({"connect_timeout": str(CONNECT_TIMEOUT_S)})
    return parsed.render_as_string(hide_password=False)


def try_database(url: str, lang: str | None = None) -> ConnectionCheck:
    """Connect to *url* (a SQLite file is never made), read which schema it holds, and say in
    the office's words how it went; nothing is written."""
    from app.db.engine import make_engine, normalize_url
    from app.db.faults import fault_message
    from app.db.schema_state import schema_state

    try:
        url = normalize_url(url.strip())
        engine = make_engine(_with_timeout(url), create=False)
        try:
            state = schema_state(engine)
        finally:
            engine.dispose()
    except InputRejected as exc:
        return ConnectionCheck(False, exc.message(lang))
    except Exception as exc:  # a reason in words, never a traceback or the password
        words = fault_message(exc, lang, url)
        if words is None:
            reason = exc.__class__.__name__
            words = text("db.check.failed", lang, where=_shown(url), reason=reason)
        return ConnectionCheck(False, words)
    message = text(f"db.check.{state.kind}", lang, where=_shown(url))
    return ConnectionCheck(state.writable, message)
