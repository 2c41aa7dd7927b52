"""The office's statistics for a period, by day, week or month, computed in SQL.

Every figure is a GROUP BY over the office's rows of the period (counts and sums in the
database; the percentiles by a window function over a per-second histogram, see
app.figures.statistics_sql); Python only adds up the small grouped results and puts them
into the dataclasses of app.figures.statistics_model. Aggregates only: no name, no NIK.
The definitions (what counts as booked, wait, on time, growth) are in the model's module
and the issue-9 closing note; months without live applications take their stored figures
(app.figures.statistics_history).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import select

from app.db.engine import Database
from app.db.models import (
    Office,
    Service,
)
from app.desk.passport import KINDS, PRODUCTS
from app.desk.stay_permits import PERMIT_KINDS
from app.figures import statistics_cache as cache
from app.figures import statistics_history as history
from app.figures.statistics_model import (
    AGE_GROUPS,
    NORMAL_PRIORITY,
    Bucket,
    Difference,
    Grain,
    Period,
    ServiceRow,
    Spread,
    Statistics,
)
from app.figures.statistics_periods import (
    Month,
    bucket_starts,
    month_of,
    previous_bucket,
    previous_period,
    years_after,
)
from app.figures.statistics_queries import OPEN_STAGES
from app.figures.statistics_sql import (
    ticket_spreads,
)
from app.i18n import N_, register_messages
from app.problems import InputRejected, Problem
from app.progress import CancelCheck, ProgressCallback, step
from app.queue.numbering import PRIORITIES

register_messages(
    {
        "statistics.office": N_("Office '{code}' is not known."),
        "statistics.period_order": N_("The period starts on {first}, after its last day {last}."),
        "statistics.period_long": N_("The period may be at most 10 years long."),
        "statistics.grain": N_("Unknown grouping '{value}': use day, week or month."),
    }
)

MAX_YEARS = 10
STEPS = 7  # query groups, each followed by a progress step
_COUNTED = ("applications", "epaspor", "ordinary", "walk_in", "booked", "wna_services", "tickets")


def _check(office: Any, office_code: str, period: Period, grain: object) -> Grain:
    problems = []
    if office is None:
        problems.append(Problem("statistics.office", "office", {"code": office_code}))
    if period.first > period.last:
        params: dict[str, object] = {
            "first": period.first.isoformat(),
            "last": period.last.isoformat(),
        }
        problems.append(Problem("statistics.period_order", "period", params))
    elif period.last >= years_after(period.first, MAX_YEARS):
        problems.append(Problem("statistics.period_long", "period"))
    try:
        checked = Grain(str(grain))
    except ValueError:
        problems.append(Problem("statistics.grain", "grain", {"value": grain}))
    if problems:
        raise InputRejected(problems)
    return checked


def _rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _growth(here: int | None, before: int | None) -> float | None:
    if here is None or not before:
        return None
    return (here - before) / before


def _sum(values: Iterable[int | None]) -> int | None:
    known = [v for v in values if v is not None]
    return sum(known) if known else None


def _add(rows: Iterable[dict[str, int]]) -> dict[str, int]:
    out: dict[str, int] = {}
    for row in rows:
        for k, v in row.items():
            out[k] = out.get(k, 0) + v
    return out


def _empty_bucket(start: date) -> Bucket:
    return Bucket(start)


def _live_bucket(
    start: date,
    apps: dict[str, int],
    permits: dict[str, int],
    tickets: dict[str, int],
    ready: tuple[int, int],
    wait: Spread,
    service: Spread,
) -> Bucket:
    applications = apps.get("applications", 0)
    booked = apps.get("booked", 0)
    called = tickets.get("called", 0)
    return Bucket(
        start,
        applications=applications,
        epaspor=apps.get("epaspor", 0),
        ordinary=apps.get("ordinary", 0),
        walk_in=applications - booked,
        booked=booked,
        wna_services=sum(permits.values()),
        tickets=tickets.get("tickets", 0),
        wait=wait,
        service=service,
        no_show_rate=_rate(tickets.get("no_shows", 0), called),
        sop_share=_rate(tickets.get("in_sop", 0), called),
        ready_on_time_share=_rate(ready[1], ready[0]),
        source="live",
    )


def _with_growth(buckets: list[Bucket], before: tuple[int | None, int | None]) -> list[Bucket]:
    """Each bucket's growth against the one before it (the first: against *before*)."""
    out, prev_apps, prev_e = [], before[0], before[1]
    for b in buckets:
        out.append(
            dataclasses.replace(
                b,
                growth=_growth(b.applications, prev_apps),
                epaspor_growth=_growth(b.epaspor, prev_e),
            )
        )
        prev_apps, prev_e = b.applications, b.epaspor
    return out


def statistics(
    db: Database,
    office_code: str,
    period: Period,
    grain: Grain = Grain.MONTH,
    *,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
    today: date | None = None,
) -> Statistics:
    """The office's figures of *period* by *grain*; see app.figures.statistics_model.

    Days at least two days before *today* (default: the computer's date) are read from the
    cache of closed days (app.figures.statistics_cache), brought up to date first; the
    others are worked out from the rows. Raises InputRejected for an unknown office, a
    reversed or over-long period or an unknown grain; Cancelled when *cancelled* turns true
    between two query groups (the cache keeps what it stored).
    """
    done = 0

    def advance() -> None:
        nonlocal done
        done += 1
        step(done, STEPS, progress, cancelled)

    with db.session() as s:
        office = s.execute(select(Office.id, Office.name).where(Office.code == office_code)).first()
        grain = _check(office, office_code, period, grain)
    assert office is not None
    office_id, office_name = int(office.id), str(office.name or "")
    starts = bucket_starts(period, grain)
    prev_bucket = previous_bucket(starts[0], grain)
    prev = previous_period(period, grain)
    advance()
    closed: date | None = cache.closed_until(today or date.today())
    assert closed is not None
    covered = cache.covered_months(period, closed, grain)
    span = Period(min(prev_bucket.first, prev.first), period.last)
    if not cache.refresh(db, office_id, span, covered, closed, cancelled):
        closed, covered = None, None
    advance()
    with db.session() as s:
        now = cache.counts(s, office_id, period, grain, closed)
        apps, ready, permits, tickets = now.apps, now.ready, now.permits, now.tickets
        advance()
        in_bucket = cache.counts(s, office_id, prev_bucket, Grain.MONTH, closed).apps
        in_prev = cache.counts(s, office_id, prev, Grain.MONTH, closed).apps
        before = {
            month_of(m): (
                0,
                in_bucket.get(m, {}).get("applications", 0),
                in_bucket.get(m, {}).get("epaspor", 0),
                in_prev.get(m, {}).get("applications", 0),
                in_prev.get(m, {}).get("epaspor", 0),
            )
            for m in {*in_bucket, *in_prev}
        }
        advance()
        spreads = ticket_spreads(s, office_id, period, grain, covered)
        if covered is not None:
            spreads.update(cache.cached_spreads(s, office_id, covered, grain))
        advance()
        stored: dict[Month, dict[str, float]] = {}
        if grain == Grain.MONTH:
            stored = history.stored_figures(
                s, office_code, [*prev.month_list(), *period.month_list()]
            )
        advance()
        services = s.execute(
            select(
                Service.id, Service.prefix, Service.code, Service.name_en, Service.sop_minutes
            ).order_by(Service.prefix)
        ).all()
        advance()

    tickets_by_bucket: dict[date, dict[str, int]] = {}
    tickets_by_service: dict[int, dict[str, int]] = {}
    for (b, service_id), row in tickets.items():
        tickets_by_bucket[b] = _add([tickets_by_bucket.get(b, {}), row])
        tickets_by_service[service_id] = _add([tickets_by_service.get(service_id, {}), row])

    def live(start: date) -> Bucket:
        iso = start.isoformat()
        return _live_bucket(
            start,
            apps.get(start, {}),
            permits.get(start, {}),
            tickets_by_bucket.get(start, {}),
            ready.get(start, (0, 0)),
            spreads.get(("w", "b", iso), Spread()),
            spreads.get(("s", "b", iso), Spread()),
        )

    buckets: list[Bucket] = []
    found: list[Difference] = []
    if grain == Grain.MONTH:
        for start in starts:
            month = month_of(start)
            here = live(start)
            if apps.get(start, {}).get("applications"):
                buckets.append(here)
                found.extend(history.differences(month, here, stored.get(month, {})))
            elif stored.get(month):
                buckets.append(history.imported_bucket(here, stored[month]))
            elif start in permits or start in tickets_by_bucket:
                buckets.append(here)
            else:
                buckets.append(_empty_bucket(start))
        live_months = {m: (c[1], c[2]) for m, c in before.items()}
        first_before = history.month_value(month_of(prev_bucket.first), live_months, stored)
        prev_values = [
            history.month_value(m, {k: (c[3], c[4]) for k, c in before.items()}, stored)
            for m in prev.month_list()
        ]
        prev_total = (_sum(v[0] for v in prev_values), _sum(v[1] for v in prev_values))
    else:
        any_live = bool(apps or permits or tickets_by_bucket)
        buckets = [live(b) if any_live else _empty_bucket(b) for b in starts]
        first_before = (
            sum(c[1] for c in before.values()),
            sum(c[2] for c in before.values()),
        )
        prev_total = (
            sum(c[3] for c in before.values()),
            sum(c[4] for c in before.values()),
        )
    buckets = _with_growth(buckets, first_before)

    all_apps = _add(apps.values())
    all_tickets = _add(tickets_by_bucket.values())
    all_permits = _add(permits.values())
    reached = sum(r[0] for r in ready.values())
    on_time = sum(r[1] for r in ready.values())
    sources = {b.source for b in buckets}
    sums = {f: _sum(getattr(b, f) for b in buckets) for f in _COUNTED}
    total = Bucket(
        period.first,
        **sums,
        wait=spreads.get(("w", "t", ""), Spread()),
        service=spreads.get(("s", "t", ""), Spread()),
        no_show_rate=_rate(all_tickets.get("no_shows", 0), all_tickets.get("called", 0)),
        sop_share=_rate(all_tickets.get("in_sop", 0), all_tickets.get("called", 0)),
        ready_on_time_share=_rate(on_time, reached),
        growth=_growth(sums["applications"], prev_total[0]),
        epaspor_growth=_growth(sums["epaspor"], prev_total[1]),
        source="import" if "import" in sources else "live" if "live" in sources else "",
    )

    n_apps = all_apps.get("applications", 0)
    ages: dict[str, int] = {}
    below = 0
    for code, _low, high in AGE_GROUPS:
        upto = n_apps if high is None else all_apps.get(f"age<={high}", 0)
        ages[code] = upto - below
        below = upto
    priorities = {p: all_tickets.get(f"priority:{p}", 0) for p in PRIORITIES}
    priorities[NORMAL_PRIORITY] = all_tickets.get("tickets", 0) - sum(priorities.values())
    rows = []
    for service_id, prefix, code, name, sop in services:
        t = tickets_by_service.get(int(service_id), {})
        called = t.get("called", 0)
        rows.append(
            ServiceRow(
                prefix=prefix,
                code=code,
                name=name,
                sop_minutes=int(sop),
                tickets=t.get("tickets", 0),
                called=called,
                no_shows=t.get("no_shows", 0),
                wait=spreads.get(("w", "s", str(service_id)), Spread()),
                service=spreads.get(("s", "s", str(service_id)), Spread()),
                sop_share=_rate(t.get("in_sop", 0), called),
                no_show_rate=_rate(t.get("no_shows", 0), called),
            )
        )
    return Statistics(
        office_code=office_code,
        office_name=office_name,
        period=period,
        grain=grain,
        buckets=buckets,
        total=total,
        by_kind={k: all_apps.get(f"kind:{k}", 0) for k in KINDS},
        by_product={
            "epaspor": all_apps.get("epaspor", 0),
            "biasa": all_apps.get("ordinary", 0),
            **{p: 0 for p in PRODUCTS if p not in ("epaspor", "biasa")},
        },
        by_channel={
            "walk_in": n_apps - all_apps.get("booked", 0),
            "booked": all_apps.get("booked", 0),
        },
        by_sex={"L": all_apps.get("sex:L", 0), "P": all_apps.get("sex:P", 0)},
        by_age_group=ages,
        by_priority=priorities,
        foreign_services={k: all_permits.get(k, 0) for k in PERMIT_KINDS},
        services=rows,
        stage_backlog={st: all_apps.get(f"stage:{st}", 0) for st in OPEN_STAGES},
        differences=found,
    )
