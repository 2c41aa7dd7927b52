"""Realistic demo data since January 2024: applicants, applications, fees, stages, tickets and queue events.

Written in day-aligned batches, one transaction each, with Core bulk inserts:
a batch owns whole days, so its tickets are numbered 1..n per day and prefix
and its TicketSequence rows are final. A kill between or inside batches
leaves whole days or nothing. Each committed batch leaves a marker row in the
audit log, so running the same demo again resumes where it stopped (and does
nothing once complete); demo data is never mixed into a database that
already holds real service data, nor into another demo (different seed or
size), because doubled months would break the e-Paspor figures.
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import Table, func, insert, select, text
from sqlalchemy.orm import Session

from app.config import Settings
from app.db.engine import Database
from app.db.models import (
    Applicant,
    Application,
    ApplicationFee,
    ApplicationStage,
    AuditLog,
    QueueEvent,
    Service,
    Tariff,
    Ticket,
    TicketSequence,
)
from app.db.setup import office_id
from app.demo.day import BatchRows, DayPlan, build_batch
from app.demo.people import NikBook
from app.desk.passport import TariffRow
from app.desk.registration import tariff_rows
from app.i18n import N_, month_name, register_messages
from app.i18n import text as message
from app.problems import InputRejected, Problem
from app.queue.workdays import is_working_day

register_messages({
    "demo.progress": N_("Generating demo data: {month}"),
    "demo.real_data": N_("This database already holds service data; no demo data was added. Use an empty database (--db)."),
    "demo.other_present": N_("Other demo data is present (seed {seed}, {applicants} applicants). Run with the same seed and size to resume it, or use an empty database."),
    "demo.complete": N_("The demo data is already complete; nothing was added."),
})  # fmt: skip

FIRST_DAY = date(2024, 1, 1)
# e-Paspor applicants cited at the July 2024 supervision visit (DOMAIN.md): exact at any size.
EPASPOR_FIGURES: dict[tuple[int, int], int] = {(2024, 4): 126, (2024, 5): 186, (2024, 6): 294}
APPLICATIONS_PER_APPLICANT = 1.08  # a few people come back (lost, damaged, data change)
BATCH_APPLICATIONS = 400  # ~6,000 rows per transaction
MARKER_ACTION = "demo_batch"

# At about this size the history looks like the real office: the cited e-Paspor months sit
# smoothly among their neighbours. Smaller demos keep those three months exact, so they stand out.
FULL_SIZE_APPLICANTS = 20_000
_PER_WORKING_DAY = 32  # applications per working day at full size
# Ramadan/Lebaran dips (Mar–Apr), school holidays and Umrah season peaks (Jun–Jul, Dec).
_MONTH_FACTOR = (0.9, 0.95, 0.9, 0.75, 1.0, 1.2, 1.15, 1.0, 0.95, 1.0, 1.0, 1.1)
_YEAR_GROWTH = {2024: 1.0, 2025: 1.07, 2026: 1.12}
# e-Paspor share of applications, rising after the 2024 socialisation push (anchored months
# are placed between these from the cited figures).
_SHARE_POINTS = {
    (2024, 1): 0.18,
    (2024, 12): 0.50,
    (2025, 6): 0.66,
    (2025, 12): 0.78,
    (2026, 12): 0.90,
}


class Cancelled(Exception):
    """The user stopped a long operation; what was committed so far stays whole."""


@dataclass
class Batch:
    index: int
    days: list[DayPlan]
    new_applicants: int = 0

    @property
    def applications(self) -> int:
        return sum(len(d.products) for d in self.days)


@dataclass
class DemoPlan:
    seed: int
    applicants: int
    per_applicant: float
    last_day: date
    now: datetime
    batches: list[Batch] = field(default_factory=list)
    epaspor: dict[str, int] = field(default_factory=dict)

    def marker(self) -> str:
        return json.dumps({
            "seed": self.seed, "applicants": self.applicants, "per_applicant": self.per_applicant,
            "last_day": self.last_day.isoformat(), "now": self.now.isoformat(timespec="seconds"),
            "batches": len(self.batches),
        })  # fmt: skip


def _months(first: date, last: date) -> list[tuple[int, int]]:
    out, (y, m) = [], (first.year, first.month)
    while (y, m) <= (last.year, last.month):
        out.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _share(month: tuple[int, int], anchors: dict[tuple[int, int], float]) -> float:
    points = sorted({**_SHARE_POINTS, **anchors}.items())
    index = month[0] * 12 + month[1]
    before = [(k[0] * 12 + k[1], v) for k, v in points if k[0] * 12 + k[1] <= index]
    after = [(k[0] * 12 + k[1], v) for k, v in points if k[0] * 12 + k[1] >= index]
    if not before or not after:
        return (before or after)[-1 if before else 0][1]
    (i0, v0), (i1, v1) = before[-1], after[0]
    return v0 if i1 == i0 else v0 + (v1 - v0) * (index - i0) / (i1 - i0)


def make_plan(
    applicants: int, seed: int, last_day: date, now: datetime, per_applicant: float
) -> DemoPlan:
    """Applications per working day and product, cut into day-aligned batches (deterministic)."""
    rng = random.Random(seed)
    plan = DemoPlan(seed, applicants, per_applicant, last_day, now)
    months = _months(FIRST_DAY, last_day)
    workdays: dict[tuple[int, int], list[date]] = {m: [] for m in months}
    d = FIRST_DAY
    while d <= last_day:
        if is_working_day(d):
            workdays[(d.year, d.month)].append(d)
        d += timedelta(days=1)
    volume = {
        m: _PER_WORKING_DAY
        * len(workdays[m])
        * _MONTH_FACTOR[m[1] - 1]
        * _YEAR_GROWTH.get(m[0], 1.15)
        for m in months
    }
    anchors = {m: n / volume[m] for m, n in EPASPOR_FIGURES.items() if volume.get(m)}
    scale = applicants * per_applicant / sum(volume.values())
    days: list[DayPlan] = []
    for m in months:
        if not workdays[m]:
            continue
        share = _share(m, anchors)
        epaspor = EPASPOR_FIGURES[m] if m in anchors else round(scale * volume[m] * share)
        products = ["epaspor"] * epaspor + ["biasa"] * round(scale * volume[m] * (1 - share))
        rng.shuffle(products)
        plan.epaspor[f"{m[0]}-{m[1]:02d}"] = epaspor
        # Mondays are busiest, Fridays are short (Friday prayers).
        weights = [(1.25, 1.1, 1.0, 1.0, 0.75)[wd.weekday()] for wd in workdays[m]]
        per_day = [0] * len(workdays[m])
        for i in rng.choices(range(len(per_day)), weights, k=len(products)):
            per_day[i] += 1
        start = 0
        for wd, n in zip(workdays[m], per_day, strict=True):
            days.append(DayPlan(wd, products[start : start + n]))
            start += n
    if is_working_day(now.date()) and now.date() > last_day:
        # Today: a few people already waiting.
        share = _share((now.year, now.month), anchors)
        waiting = ["epaspor" if rng.random() < share else "biasa" for _ in range(rng.randint(3, 8))]
        days.append(DayPlan(now.date(), waiting, live=True))
    batch = Batch(0, [])
    for day in days:
        batch.days.append(day)
        if batch.applications >= BATCH_APPLICATIONS or day.live:
            plan.batches.append(batch)
            batch = Batch(len(plan.batches), [])
    if batch.days:
        plan.batches.append(batch)
    _share_out_applicants(plan)
    return plan


def _share_out_applicants(plan: DemoPlan) -> None:
    """New applicants per batch in proportion to its applications, at least one per non-empty batch."""
    total = sum(b.applications for b in plan.batches) or 1
    running, given = 0, 0
    for b in plan.batches:
        running += b.applications
        target = round(plan.applicants * running / total)
        b.new_applicants = max(target - given, 1 if b.applications else 0)
        given += b.new_applicants


def _markers(s: Session) -> tuple[dict | None, set[int]]:
    rows = s.execute(
        select(AuditLog.entity_id, AuditLog.detail).where(AuditLog.action == MARKER_ACTION)
    ).all()
    if not rows:
        return None, set()
    return json.loads(rows[0][1] or "{}"), {int(r[0] or -1) for r in rows}


@dataclass
class _Context:
    office_id: int
    services: dict[str, int]
    tariffs: list[TariffRow]
    tariff_ids: dict[str, int]
    niks: NikBook
    settings: Settings


def _reserve_ids(s: Session, table: Table, n: int) -> list[int]:
    """Primary keys for *n* new rows, so that rows can point at each other before the insert.

    SQLite: the batch holds the write lock (BEGIN IMMEDIATE), so max(id)+1.. is ours.
    PostgreSQL: drawn from the table's sequence, so concurrent writers never collide.
    """
    if n == 0:
        return []
    if s.get_bind().dialect.name == "postgresql":
        stmt = text("SELECT nextval(pg_get_serial_sequence(:t, 'id')) FROM generate_series(1, :n)")
        return list(s.scalars(stmt, {"t": table.name, "n": n}))
    start = (s.scalar(select(func.max(table.c.id))) or 0) + 1
    return list(range(start, start + n))


def _insert_batch(s: Session, rows: BatchRows) -> None:
    """Insert one batch with Core executemany (the Table, not the ORM bulk path, which splits
    rows by which values are None; and no RETURNING, which SQLite would do row by row)."""

    def ids_for(model: type, items: list[dict]) -> list[int]:
        ids = _reserve_ids(s, model.__table__, len(items))  # type: ignore[attr-defined]
        for r, i in zip(items, ids, strict=True):
            r["id"] = i
        return ids

    def put(model: type, items: list[dict]) -> None:
        if items:
            s.execute(insert(model.__table__), items)  # type: ignore[attr-defined]

    applicant_ids = ids_for(Applicant, rows.applicants)
    application_ids = ids_for(Application, rows.applications)
    ticket_ids = ids_for(Ticket, rows.tickets)
    for r in rows.applications:
        r["applicant_id"] = applicant_ids[r["applicant_id"]]
    for r in rows.fees + rows.stages:
        r["application_id"] = application_ids[r["application_id"]]
    for r in rows.tickets:
        if r["application_id"] is not None:
            r["application_id"] = application_ids[r["application_id"]]
    for r in rows.events:
        r["ticket_id"] = ticket_ids[r["ticket_id"]]
    for model, items in ((Applicant, rows.applicants), (Application, rows.applications),
                         (ApplicationFee, rows.fees), (ApplicationStage, rows.stages),
                         (Ticket, rows.tickets), (QueueEvent, rows.events),
                         (TicketSequence, rows.sequences)):  # fmt: skip
        put(model, items)


def generate_demo(
    db: Database,
    settings: Settings,
    applicants: int = 2000,
    seed: int = 2024,
    progress: Callable[[float, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    *,
    per_applicant: float = APPLICATIONS_PER_APPLICANT,
    now: datetime | None = None,
) -> dict:
    """Fill the database with a demo office history; resumes an interrupted run of the same demo.

    *per_applicant* is applications per applicant over the period (the large-data
    benchmark uses less than one: many applicants only registered). Raises
    InputRejected when the database holds real data or another demo, Cancelled
    when *cancelled()* turns true (committed batches stay and can be resumed).
    """
    started = time.perf_counter()
    lang = settings.language
    with db.session() as s:
        stored, done = _markers(s)
        if stored is None and (
            s.scalar(select(func.count()).select_from(Application))
            or s.scalar(select(func.count()).select_from(Ticket))
        ):
            raise InputRejected([Problem("demo.real_data")])
    if stored is not None:
        if (stored.get("seed"), stored.get("applicants"), stored.get("per_applicant")) != (
            seed, applicants, per_applicant,
        ):  # fmt: skip
            raise InputRejected([Problem("demo.other_present", "", {
                "seed": stored.get("seed"), "applicants": stored.get("applicants")})])  # fmt: skip
        now = datetime.fromisoformat(stored["now"])
        last_day = date.fromisoformat(stored["last_day"])
    else:
        now = (now or datetime.now()).replace(microsecond=0)
        last_day = now.date() - timedelta(days=1)
    plan = make_plan(applicants, seed, last_day, now, per_applicant)
    summary: dict = {
        "applicants": 0, "applications": 0, "tickets": 0, "queue_events": 0, "rows": 0,
        "months": len(_months(FIRST_DAY, last_day)), "first_day": FIRST_DAY.isoformat(),
        "last_day": last_day.isoformat(), "batches": len(plan.batches),
        "epaspor": {k: v for k, v in plan.epaspor.items() if k in ("2024-04", "2024-05", "2024-06")},
    }  # fmt: skip
    todo = [b for b in plan.batches if b.index not in done]
    summary["resumed"] = bool(done) and bool(todo)
    if not todo:
        summary.update(skipped=True, reason=message("demo.complete", lang), seconds=0.0)
        return summary
    with db.session() as s:
        ctx = _Context(
            office_id=office_id(s, settings.office.code),
            services={p: i for p, i in s.execute(select(Service.prefix, Service.id))},
            tariffs=tariff_rows(s),
            tariff_ids={c: i for c, i in s.execute(select(Tariff.code, Tariff.id))},
            niks=NikBook(s.scalars(select(Applicant.nik).where(Applicant.nik.is_not(None)))),
            settings=settings,
        )
    marker = plan.marker()
    for n, batch in enumerate(todo):
        if cancelled and cancelled():
            raise Cancelled()
        first = batch.days[0].day
        if progress:
            progress(
                n / len(todo),
                message("demo.progress", lang, month=month_name(first.year, first.month, lang)),
            )
        rng = random.Random(seed * 1_000_003 + batch.index)
        rows = build_batch(rng, ctx, batch.days, batch.new_applicants, now)
        with db.write() as s:
            # Another run of the same demo may have written this batch meanwhile.
            if s.scalar(select(AuditLog.id).where(AuditLog.action == MARKER_ACTION,
                                                  AuditLog.entity_id == str(batch.index))):  # fmt: skip
                continue
            _insert_batch(s, rows)
            s.execute(insert(AuditLog), [{
                "at": now, "actor": "demo", "action": MARKER_ACTION, "entity": "demo",
                "entity_id": str(batch.index), "detail": marker}])  # fmt: skip
        summary["applicants"] += len(rows.applicants)
        summary["applications"] += len(rows.applications)
        summary["tickets"] += len(rows.tickets)
        summary["queue_events"] += len(rows.events)
        summary["rows"] += rows.count + 1
    seconds = time.perf_counter() - started
    summary["seconds"] = round(seconds, 2)
    summary["rows_per_second"] = round(summary["rows"] / seconds) if seconds else None
    if progress:
        progress(
            1.0,
            message("demo.progress", lang, month=month_name(last_day.year, last_day.month, lang)),
        )
    return summary
