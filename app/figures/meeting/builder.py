"""Assemble the meeting report of a period: the statistics by month, the publicity activities
in the period and the supervision findings still open for the office.

The providers (statistics, the publicity log) are imported when a report is built, so that
this module loads on its own and the command line's parser stays light.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import exists, select
from sqlalchemy.orm import aliased

from app.db.engine import Database
from app.figures.meeting.data import MeetingReport, OpenFinding
from app.figures.statistics_model import Grain, Period
from app.i18n import LANGUAGES, language
from app.progress import CancelCheck, ProgressCallback, step

# Statistics are nearly all of the work: their steps are reported as these many of the whole.
STATISTICS_STEPS = 90
TOTAL_STEPS = 100


def meeting_report(
    db: Database,
    office_code: str,
    period: Period,
    *,
    lang: str | None = None,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
    now: datetime | None = None,
) -> MeetingReport:
    """The meeting report of *office_code* over *period* (by month), in *lang* (default: the active language).

    Raises InputRejected for an unknown office or a bad period (from the statistics) and
    app.progress.Cancelled when *cancelled()* turns true between steps.
    """
    from app.figures.activities import list_activities
    from app.figures.statistics import statistics

    def statistics_progress(done: int, total: int) -> None:
        if progress is not None and total:
            progress(done * STATISTICS_STEPS // total, TOTAL_STEPS)

    step(0, TOTAL_STEPS, progress, cancelled)
    stats = statistics(
        db, office_code, period, Grain.MONTH, progress=statistics_progress, cancelled=cancelled
    )
    step(STATISTICS_STEPS, TOTAL_STEPS, progress, cancelled)
    activities = list_activities(db, office_code, period.first, period.last)
    step(95, TOTAL_STEPS, progress, cancelled)
    findings = open_findings(db, office_code)
    step(TOTAL_STEPS, TOTAL_STEPS, progress, None)
    return MeetingReport(
        statistics=stats,
        activities=activities,
        open_findings=findings,
        printed_at=now or datetime.now(),
        lang=lang if lang in LANGUAGES else language(),
    )


def open_findings(db: Database, office_code: str) -> list[OpenFinding]:
    """Findings of supervision visits to the office not yet done, oldest visit first.

    A finding carried forward into a later visit is listed once, as its newest copy, and
    the conflict copies an exchange import keeps aside are left out (as when findings are
    carried forward, app.monev.findings).
    """
    from app.db.visit_models import Finding, Visit
    from app.monev.codes import OPEN_STATUSES

    later = aliased(Finding)
    q = (
        select(Finding, Visit.start_date)
        .join(Visit, Finding.visit_id == Visit.id)
        .where(
            Visit.office_code == office_code,
            Visit.conflict_of.is_(None),
            Finding.status.in_(OPEN_STATUSES),
            ~exists().where(later.carried_from == Finding.uuid),
        )
        .order_by(Visit.start_date, Finding.created_at, Finding.id)
    )
    with db.session() as s:
        return [
            OpenFinding(visit_date=visit_date, text=f.text, direction=f.direction or "", priority=f.priority,
                        owner=f.owner or "", due_date=f.due_date, status=f.status)
            for f, visit_date in s.execute(q).all()
        ]  # fmt: skip
