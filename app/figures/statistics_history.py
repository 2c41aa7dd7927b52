"""Stored monthly figures (MonthlyFigure) in the statistics: months before KanimDesk, and differences.

A month with no Application rows of the office is filled from its stored figures
(``source = "import"``); a month with live data keeps the live values, and every stored
figure that disagrees with its live value is recorded as a Difference.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from sqlalchemy import select

from app.db.visit_models import MonthlyFigure
from app.figures.metrics import METRIC_FIELDS
from app.figures.statistics_model import Bucket, Difference

# The Bucket fields that stored figures can fill, in METRIC_FIELDS order.
STORED_FIELDS: tuple[str, ...] = tuple(dict.fromkeys(METRIC_FIELDS.values()))
# Counted from tickets and stay-permit requests rather than applications: kept when live.
_NOT_FROM_APPLICATIONS = frozenset({"tickets", "wna_services"})

Month = tuple[int, int]


def stored_figures(s: Any, office_code: str, months: list[Month]) -> dict[Month, dict[str, float]]:
    """{(year, month): {metric: value}} of the office's stored figures that statistics read."""
    if not months:
        return {}
    first, last = months[0], months[-1]
    rows = s.execute(
        select(
            MonthlyFigure.year, MonthlyFigure.month, MonthlyFigure.metric, MonthlyFigure.value
        ).where(
            MonthlyFigure.office_code == office_code,
            MonthlyFigure.metric.in_(list(METRIC_FIELDS)),
            MonthlyFigure.year * 12 + MonthlyFigure.month >= first[0] * 12 + first[1],
            MonthlyFigure.year * 12 + MonthlyFigure.month <= last[0] * 12 + last[1],
        )
    ).all()
    out: dict[Month, dict[str, float]] = {}
    for year, month, metric, value in rows:
        out.setdefault((int(year), int(month)), {})[metric] = float(value)
    return out


def stored_values(stored: dict[str, float]) -> dict[str, int]:
    """Bucket field -> whole number, the first metric of METRIC_FIELDS that gives the field."""
    out: dict[str, int] = {}
    for metric, fld in METRIC_FIELDS.items():
        if metric in stored and fld not in out:
            out[fld] = int(round(stored[metric]))
    return out


def imported_bucket(live: Bucket, stored: dict[str, float]) -> Bucket:
    """A month without live applications: its stored figures; tickets and stay permits
    counted live are kept where no figure was stored."""
    values: dict[str, int | None] = {fld: None for fld in STORED_FIELDS}
    for fld in _NOT_FROM_APPLICATIONS:
        live_value = getattr(live, fld)
        if live_value:
            values[fld] = live_value
    values.update(stored_values(stored))
    return dataclasses.replace(live, **values, source="import")  # type: ignore[arg-type]


def differences(month: Month, live: Bucket, stored: dict[str, float]) -> list[Difference]:
    """Each stored figure of a live month whose value is not the live one."""
    out = []
    for metric, fld in METRIC_FIELDS.items():
        live_value = getattr(live, fld)
        if metric in stored and live_value is not None and float(live_value) != stored[metric]:
            out.append(Difference(month[0], month[1], metric, float(live_value), stored[metric]))
    return out


def month_value(
    month: Month, live: dict[Month, tuple[int, int]], stored: dict[Month, dict[str, float]]
) -> tuple[int | None, int | None]:
    """(applications, epaspor) of a month outside the period: live, else stored, else None."""
    if month in live and live[month][0]:
        return live[month]
    values = stored_values(stored.get(month, {}))
    return values.get("applications"), values.get("epaspor")
