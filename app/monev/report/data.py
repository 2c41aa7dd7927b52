"""What the printed visit report (monev) shows: plain, frozen data that the visit services fill in.

Nothing here touches the database or ReportLab. Codes (statuses, priorities,
supervision types, application kinds) may be given as the service's codes or as
ready labels: the renderer translates the codes it knows and prints anything
else as given.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Person:
    """Someone met at the visited office (pejabat kantor yang ditemui)."""

    name: str
    nip: str
    position: str


@dataclass(frozen=True)
class TeamMember:
    """A member of the supervising team; role is e.g. "Ketua Tim", "Anggota"."""

    name: str
    nip: str
    position: str
    role: str


@dataclass(frozen=True)
class Signatory:
    """Who signs a block at the end: the team leader or the office head."""

    name: str
    nip: str
    position: str


@dataclass(frozen=True)
class ItemResult:
    """One answered checklist item.

    score is 0–100 for this item or None when not applicable / not scored;
    failed is True for a critical item whose answer fails its section.
    """

    code: str
    text: str
    answer_label: str
    note: str = ""
    critical: bool = False
    failed: bool = False
    score: float | None = None


@dataclass(frozen=True)
class SectionResult:
    """A checklist section with its score (0–100, None when nothing was scored)."""

    code: str
    title: str
    score: float | None
    failed: bool = False
    items: list[ItemResult] = field(default_factory=list)


@dataclass(frozen=True)
class FindingRow:
    """A finding and direction (temuan dan arahan) of this visit.

    priority: rendah/sedang/tinggi/kritis; status: terbuka/dalam_proses/selesai/diverifikasi
    (codes are translated, other text printed as given). ref names the item ("B.3") or is "".
    """

    number: int
    ref: str
    text: str
    direction: str
    priority: str
    owner: str
    due_date: date | None
    status: str


@dataclass(frozen=True)
class CarriedFindingRow:
    """An open finding of an earlier visit, brought forward: original and current status side by side."""

    text: str
    original_visit_date: date
    original_status: str
    current_status: str
    last_note: str = ""
    owner: str = ""
    due_date: date | None = None


@dataclass(frozen=True)
class MonthFigure:
    """Service figures of the visited office for one month; None where the data holds nothing.

    growth_pct is in percent points against the month before (47.6 means +47,6%);
    no_show_rate is a fraction (0.08 means 8%); applications_by_kind maps a kind code
    (baru, penggantian, hilang, rusak, perubahan_data) or label to a count.
    """

    year: int
    month: int
    epaspor: int | None
    growth_pct: float | None = None
    applications_by_kind: dict[str, int] = field(default_factory=dict)
    avg_wait_minutes: float | None = None
    no_show_rate: float | None = None


@dataclass(frozen=True)
class ServiceFigures:
    """The office's recent months, oldest first, and where the numbers come from."""

    months: list[MonthFigure] = field(default_factory=list)
    source_note: str = ""


@dataclass(frozen=True)
class Photo:
    """Photo evidence: JPEG bytes (already reduced to at most ~1600 px) and its caption."""

    jpeg: bytes
    caption: str
    ref: str = ""  # which stored photo (its attachment number), named if it cannot be printed


@dataclass(frozen=True)
class VisitReportData:
    """Everything the visit report prints, in the order of its chapters."""

    supervising_office: str
    supervising_division: str
    visited_office: str
    visited_office_address: str
    visit_number: str
    start_date: date
    end_date: date
    place: str
    basis: list[str]
    purposes: list[str]
    supervision_types: list[str]
    team: list[TeamMember]
    office_reps: list[Person]
    template_title: str
    template_version: int
    total_score: float | None
    sections: list[SectionResult]
    findings: list[FindingRow]
    previous_findings: list[CarriedFindingRow]
    figures: ServiceFigures
    photos: list[Photo]
    leader: Signatory
    office_head: Signatory
    signed_on: date
    lang: str = "id"
    # The closing paragraph; empty means the standard sentence in the report's language.
    closing_text: str = ""
