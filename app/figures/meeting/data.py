"""What the meeting report holds, assembled once and read by every output (PDF, .xlsx, .csv,
the Reports page): the statistics of the period by month, the publicity activities in it,
and the supervision findings still open. Aggregates and activity titles only: no applicant's
name or NIK ever reaches it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from app.figures.activity_model import ActivityInfo
from app.figures.statistics_model import Statistics


@dataclass(frozen=True)
class OpenFinding:
    """A finding of a supervision visit to this office that is not yet closed."""

    visit_date: date
    text: str
    direction: str
    priority: str  # app.monev finding priority code
    owner: str  # a role or unit at the office, as the supervisor wrote it
    due_date: date | None
    status: str  # app.monev follow-up status code


@dataclass(frozen=True)
class MeetingReport:
    statistics: Statistics  # grain MONTH over the period
    activities: list[ActivityInfo]  # in the period, oldest first
    open_findings: list[OpenFinding]
    printed_at: datetime
    lang: str  # "id" | "en": every output of this report is in this language
