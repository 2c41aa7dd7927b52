"""The historical monthly metrics an office may import or enter, and which statistic each one is.

Offices have figures from before KanimDesk. Each metric code is documented here (and in the
README); ``figures import FILE.csv`` accepts exactly these codes. The statistics use a stored
figure for a month without live data; where both exist, the live figure is shown and the
difference flagged. ``LEGACY_METRICS`` are the codes of the figures *file* (the supervisor's
exchange file, `figures export`), read as the same statistics.
"""

from __future__ import annotations

from typing import Final

from app.i18n import N_

# Metric code -> (its name, English source for the catalogue; the Bucket field it fills).
HISTORY_METRICS: Final[dict[str, tuple[str, str]]] = {
    "passport_applicants": (N_("Passport applicants (all)"), "applications"),
    "epaspor_applicants": (N_("e-Passport applicants"), "epaspor"),
    "ordinary_passport_applicants": (N_("Ordinary (non-electronic) passport applicants"), "ordinary"),
    "walkin_applicants": (N_("Walk-in applicants"), "walk_in"),
    "booked_applicants": (N_("Applicants booked through M-Paspor"), "booked"),
    "wna_services": (N_("Foreign nationals' stay-permit services"), "wna_services"),
    "tickets_issued": (N_("Queue tickets issued"), "tickets"),
}  # fmt: skip

# Codes of the figures file (app/figures/figures_file.py) that are the same statistics.
LEGACY_METRICS: Final[dict[str, str]] = {
    "epaspor_applications": "epaspor",
    "applications_total": "applications",
    "tickets_issued": "tickets",
}

# Every stored metric code that the statistics read, -> its Bucket field.
METRIC_FIELDS: Final[dict[str, str]] = {
    **{code: fld for code, (_name, fld) in HISTORY_METRICS.items()},
    **LEGACY_METRICS,
}
