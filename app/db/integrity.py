"""Is the database sound? `PRAGMA quick_check` before writing, and `kanimdesk check` in full."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import func, select, text

from app.db.engine import Database
from app.db.faults import DatabaseFault, database_fault, fault_message
from app.db.migrate import current_revision, head_revision
from app.db.models import Ticket, TicketSequence
from app.i18n import _, ngettext
from app.logs import redact

log = logging.getLogger(__name__)
SHOWN_LINES = 20


@dataclass
class CheckReport:
    revision: str | None
    head: str | None
    problems: list[str] = field(default_factory=list)
    # The reason key of a fault that kept part of the check from running (e.g. db.corrupt).
    fault: str | None = None

    @property
    def ok(self) -> bool:
        return not self.problems


def quick_check(db: Database) -> list[str]:
    """SQLite's own account of damage (``PRAGMA quick_check``): empty when the file is sound.

    quick_check reads every page but skips comparing indexes with their tables, which
    ``integrity_check`` does; a damaged page is found either way (bench/bench_quick_check.py).
    """
    if not db.is_sqlite:
        return []  # a server keeps its own files sound
    with db.engine.connect() as conn:
        rows = _lines(str(r[0]) for r in conn.exec_driver_sql("PRAGMA quick_check"))
    return [] if rows == ["ok"] else rows


def _lines(rows: Iterable[str]) -> list[str]:
    """SQLite's findings one per line (it may put several in one row, under a heading).

    A damaged page's numbers are read from whatever bytes are there, so a "rowid" can be
    16 digits or more; they are blanked as a NIK would be (the findings reach the screen,
    the CLI and the log).
    """
    return [
        redact(line)
        for row in rows
        for line in row.splitlines()
        if line and not line.startswith("***")
    ]


def ensure_sound(db: Database) -> None:
    """Refuse a damaged database before anything is written: every later write is refused
    too (the window keeps showing what it has). Raises DatabaseFault("db.corrupt")."""
    try:
        problems = quick_check(db)
    except Exception as exc:
        fault = database_fault(exc, db.url)
        if fault is None or not fault.stops_writing:
            raise
        fault_message(exc, url=db.url)  # the detail goes to the log file, once
        fault.logged = True
        db.refuse_writes(fault)
        raise fault from exc
    if problems:
        log.error("quick_check of %s found damage: %s", db.path, "; ".join(problems[:SHOWN_LINES]))
        fault = DatabaseFault("db.corrupt", {"where": str(db.path)}, logged=True)
        db.refuse_writes(fault)
        raise fault


def _cannot_read(report: CheckReport, db: Database, exc: Exception) -> None:
    fault = database_fault(exc, db.url)
    words = fault_message(exc, url=db.url) or f"{exc.__class__.__name__}"
    report.fault = report.fault or (fault.key if fault else "db.failed")
    report.problems.append(_("Database cannot be read: {0}").format(words))


def check_database(db: Database) -> CheckReport:
    """Every check that can run, each answered: a damaged file is reported, never a silence."""
    report = CheckReport(revision=None, head=head_revision())
    try:
        report.revision = current_revision(db.engine)
    except Exception as exc:  # an unreadable file is exactly what check must report
        _cannot_read(report, db, exc)
        return report
    if report.revision != report.head:
        report.problems.append(
            _("Schema revision {0} is not the current {1}.").format(report.revision, report.head)
        )
        return report
    steps = [_sqlite_pages, _ticket_counters] if db.is_sqlite else [_ticket_counters]
    for step in steps:
        try:
            with db.session() as s:
                step(s, report)
        except Exception as exc:
            _cannot_read(report, db, exc)
    return report


def _sqlite_pages(s, report: CheckReport) -> None:
    result = _lines(str(r[0]) for r in s.execute(text("PRAGMA integrity_check")))
    if result != ["ok"]:
        report.fault = report.fault or "db.corrupt"
        report.problems.append(
            DatabaseFault("db.corrupt", {"where": s.get_bind().url.database}).message()
        )
        report.problems.extend(_("Integrity: {0}").format(r) for r in result[:SHOWN_LINES])
    fk = s.execute(text("PRAGMA foreign_key_check")).all()
    if fk:
        words = ngettext(
            "{n} row breaks foreign keys (first: {first})",
            "{n} rows break foreign keys (first: {first})",
            len(fk),
        )
        report.problems.append(words.format(n=len(fk), first=fk[0]))


def _ticket_counters(s, report: CheckReport) -> None:
    # Every issued ticket must be covered by its day counter, or numbers could repeat.
    behind = s.execute(
        select(Ticket.office_id, Ticket.ticket_date, Ticket.prefix, func.max(Ticket.sequence))
        .group_by(Ticket.office_id, Ticket.ticket_date, Ticket.prefix)
        .outerjoin(
            TicketSequence,
            (TicketSequence.office_id == Ticket.office_id)
            & (TicketSequence.ticket_date == Ticket.ticket_date)
            & (TicketSequence.prefix == Ticket.prefix),
        )
        .having(func.max(Ticket.sequence) > func.coalesce(func.max(TicketSequence.last), 0))
    ).all()
    for _office, day, prefix, top in behind[:SHOWN_LINES]:
        report.problems.append(
            _("Ticket counter {0} on {1} is behind issued number {2}.").format(prefix, day, top)
        )
