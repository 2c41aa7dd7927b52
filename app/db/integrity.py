"""`kanimdesk check`: is the database sound and its schema current?"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select, text

from app.db.engine import Database
from app.db.migrate import current_revision, head_revision
from app.db.models import Ticket, TicketSequence
from app.i18n import _, ngettext


@dataclass
class CheckReport:
    revision: str | None
    head: str | None
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def check_database(db: Database) -> CheckReport:
    report = CheckReport(revision=None, head=head_revision())
    try:
        report.revision = current_revision(db.engine)
    except Exception as exc:  # an unreadable file is exactly what check must report
        report.problems.append(
            _("Database cannot be read: {0}").format(f"{exc.__class__.__name__}: {exc}")
        )
        return report
    if report.revision != report.head:
        report.problems.append(
            _("Schema revision {0} is not the current {1}.").format(report.revision, report.head)
        )
        return report
    with db.session() as s:
        if db.is_sqlite:
            result = [r[0] for r in s.execute(text("PRAGMA integrity_check"))]
            if result != ["ok"]:
                report.problems.extend(_("Integrity: {0}").format(r) for r in result[:20])
            fk = s.execute(text("PRAGMA foreign_key_check")).all()
            if fk:
                words = ngettext(
                    "{n} row breaks foreign keys (first: {first})",
                    "{n} rows break foreign keys (first: {first})",
                    len(fk),
                )
                report.problems.append(words.format(n=len(fk), first=fk[0]))
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
        for _office, day, prefix, top in behind[:20]:
            report.problems.append(
                _("Ticket counter {0} on {1} is behind issued number {2}.").format(prefix, day, top)
            )
    return report
