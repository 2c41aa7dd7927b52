"""The codes of supervision visits (stored as these strings): a visit's status, a finding's
status and priority, a team member's role."""

from __future__ import annotations

from enum import StrEnum


class VisitStatus(StrEnum):
    DRAFT = "draft"
    FINAL = "final"


class FindingStatus(StrEnum):
    OPEN = "terbuka"
    IN_PROGRESS = "dalam_proses"
    DONE = "selesai"
    VERIFIED = "diverifikasi"


class FindingPriority(StrEnum):
    LOW = "rendah"
    MEDIUM = "sedang"
    HIGH = "tinggi"
    CRITICAL = "kritis"


class TeamRole(StrEnum):
    LEADER = "ketua"
    MEMBER = "anggota"


# Open findings are carried forward to the next visit to the same office.
OPEN_STATUSES = (FindingStatus.OPEN, FindingStatus.IN_PROGRESS)
