"""One batch of demo days as plain rows: walk-ins, their applications, fees, stages, tickets and events."""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from app.demo import people
from app.desk.documents import required_documents
from app.desk.passport import KINDS, Fee, age_on, compute_fee, is_minor
from app.queue.numbering import service_for_kind
from app.queue.workdays import add_working_days

Row = dict[str, Any]

_KIND_WEIGHTS = (52, 38, 4, 2, 4)  # baru, penggantian, hilang, rusak, perubahan_data
_OFFICERS = ("andi.p", "rina.s", "dedi.h", "maya.l", "fajar.r", "sri.w", "yusuf.a", "lia.m")
_IF_ANY = {"name_change", "parents_passports", "custody"}  # mostly not applicable
_OPENING = time(7, 30)
_COUNTERS = {"A": ("1", "2", "3"), "B": ("4",), "C": ("5",)}
# The note a cancellation of an uncollected passport carries (stored data, in the office's language).
_UNCOLLECTED = "Tidak diambil dalam batas waktu pengambilan"


@dataclass
class DayPlan:
    day: date
    products: list[str]  # one per application, in arrival order
    live: bool = False  # today: the last walk-ins are still waiting


@dataclass
class BatchRows:
    applicants: list[Row] = field(default_factory=list)
    applications: list[Row] = field(default_factory=list)
    fees: list[Row] = field(default_factory=list)
    stages: list[Row] = field(default_factory=list)
    tickets: list[Row] = field(default_factory=list)
    events: list[Row] = field(default_factory=list)
    sequences: list[Row] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(len(v) for v in vars(self).values())


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _minutes(m: float) -> timedelta:
    return timedelta(seconds=round(m * 60))


class _DayBuilder:
    """Rows reference each other by position in their list; the writer swaps in database ids."""

    def __init__(self, rng: random.Random, ctx: Any, now: datetime):
        self.rng, self.ctx, self.now = rng, ctx, now
        self.rows = BatchRows()
        self.people: list[tuple[date, str, bool]] = []  # birth, sex, married by applicant row
        self._fees: dict[tuple, Fee] = {}
        self._eras: dict[date, date] = {}
        self._later: dict[tuple[date, int], date] = {}

    # --- people ------------------------------------------------------------
    def new_applicant(self, day: date, at: datetime) -> int:
        rng = self.rng
        sex = "P" if rng.random() < 0.5 else "L"
        birth = people.birth_date_for(rng, day, people.age_at_application(rng))
        married = people.married_at(rng, age_on(birth, day))
        region = people.pick_region(rng)
        self.rows.applicants.append({
            "citizenship": "WNI", "nik": self.ctx.niks.issue(rng, region, birth, sex),
            "passport_no": None, "nationality": None, "name": people.person_name(rng, sex, birth),
            "birth_place": people.birth_place(rng, region, birth), "birth_date": birth, "sex": sex,
            "married": married, "phone": people.phone_number(rng), "created_at": at, "updated_at": at,
        })  # fmt: skip
        self.people.append((birth, sex, married))
        return len(self.people) - 1

    # --- rules with caches (the same few answers a million times) --------------
    def fee(self, day: date, *key: Any) -> Fee:
        era = self._eras.get(day)
        if era is None:
            era = self._eras[day] = max(
                t.valid_from for t in self.ctx.tariffs if t.valid_from <= day
            )
        if (era, *key) not in self._fees:
            self._fees[(era, *key)] = compute_fee(self.ctx.tariffs, day, *key)
        return self._fees[(era, *key)]

    def later(self, day: date, n: int) -> date:
        if (day, n) not in self._later:
            self._later[(day, n)] = add_working_days(day, n)
        return self._later[(day, n)]

    def at(self, day: date, start: time, end: time) -> datetime:
        lo = start.hour * 60 + start.minute
        hi = end.hour * 60 + end.minute
        return datetime.combine(day, time()) + _minutes(self.rng.uniform(lo, hi))

    # --- a day ------------------------------------------------------------------
    def day(self, plan: DayPlan, firsts: set[int], position: int) -> int:
        rng = self.rng
        k = len(plan.products)
        no_shows = 0 if plan.live else int(k * 0.053 + rng.random())
        foreigners = 0 if plan.live else int(k * 0.02 + rng.random())
        visits = list(plan.products) + ["no_show"] * no_shows + ["wna"] * foreigners
        rng.shuffle(visits)
        opening = datetime.combine(plan.day, _OPENING)
        if plan.live:
            start = max(opening, self.now - timedelta(minutes=45))
            if start >= self.now:  # run before opening time: they queued a moment ago
                start = max(datetime.combine(plan.day, time()), self.now - timedelta(minutes=20))
            span = (self.now - start).total_seconds() / 60
            arrivals = sorted(start + _minutes(rng.uniform(0, span)) for _ in visits)
        else:
            # Most people come in the first two hours; the desk stops issuing at 14.00.
            arrivals = sorted(opening + _minutes(rng.triangular(0, 390, 60)) for _ in visits)
        self.desk = rng.choice(_OFFICERS)
        self.officer_at = {c: rng.choice(_OFFICERS) for cs in _COUNTERS.values() for c in cs}
        self.sequence: dict[str, int] = {}
        self.bookings = 0
        self.ticket_day = plan.day
        for visit, issued in zip(visits, arrivals, strict=True):
            if visit == "no_show":
                self.ticket("A", issued, None, None, "no_show")
            elif visit == "wna":
                self.ticket("C", issued, None, None, "done")
            else:
                first = position in firsts or not self.people
                who = (
                    self.new_applicant(plan.day, issued)
                    if first
                    else rng.randrange(len(self.people))
                )
                self.application(who, visit, plan.day, issued, plan.live)
                position += 1
        for prefix, last in self.sequence.items():
            self.rows.sequences.append({"office_id": self.ctx.office_id, "ticket_date": plan.day,
                                        "prefix": prefix, "last": last})  # fmt: skip
        return position

    def ticket(self, prefix: str, issued: datetime, priority: str | None, application: int | None,
               outcome: str) -> dict[str, datetime]:  # fmt: skip
        rng = self.rng
        self.sequence[prefix] = self.sequence.get(prefix, 0) + 1
        index = len(self.rows.tickets)
        times = {"issued": issued}
        events: list[tuple[str, datetime, str | None, str]] = [
            ("issued", issued, None, self.desk),
            ("printed", issued + timedelta(seconds=3), None, self.desk),
        ]
        counter = None
        if outcome != "waiting":
            counter = rng.choice(_COUNTERS[prefix])
            officer = self.officer_at[counter]
            wait = rng.uniform(2, 15) if priority else rng.triangular(5, 60, 18)
            times["called"] = called = issued + _minutes(wait)
            events.append(("call", called, counter, officer))
            if outcome == "no_show" or rng.random() < 0.05:
                events.append(("recall", called + _minutes(1.5), counter, officer))
            if outcome == "no_show":
                times["finished"] = called + _minutes(5)
                events.append(("no_show", times["finished"], counter, officer))
            else:
                times["served"] = served = called + _minutes(rng.uniform(0.5, 3))
                service = rng.uniform(10, 30) if prefix == "B" else rng.uniform(5, 25)
                times["finished"] = served + _minutes(service)
                events.append(("start", served, counter, officer))
                events.append(("finish", times["finished"], counter, officer))
        self.rows.tickets.append({
            "uuid": _uuid(rng), "office_id": self.ctx.office_id, "service_id": self.ctx.services[prefix],
            "ticket_date": self.ticket_day, "prefix": prefix, "sequence": self.sequence[prefix],
            "priority": priority, "status": outcome, "issued_at": issued,
            "called_at": times.get("called"), "served_at": times.get("served"),
            "finished_at": times.get("finished"), "counter": counter, "application_id": application,
            "printed_count": 1,
        })  # fmt: skip
        self.rows.events.extend(
            {"ticket_id": index, "event": e, "at": at, "counter": c, "officer": o, "detail": None}
            for e, at, c, o in events
        )
        return times

    def application(self, who: int, product: str, day: date, issued: datetime, live: bool) -> None:
        rng = self.rng
        birth, sex, married = self.people[who]
        age = age_on(birth, day)
        kind = rng.choices(KINDS, _KIND_WEIGHTS)[0]
        if age >= 45:
            purpose = rng.choices(("umum", "umrah", "haji"), (70, 24, 6))[0]
        elif 20 <= age <= 40:
            purpose = rng.choices(("umum", "umrah", "pmi"), (85, 7, 8))[0]
        else:
            purpose = "umum" if rng.random() < 0.93 else "umrah"
        minor = is_minor(birth, day, married)
        dearer_ten = (
            self.fee(day, "baru", product, 10).total > self.fee(day, "baru", product, 5).total
        )
        validity = 5 if minor or rng.random() > (0.7 if dearer_ten else 0.95) else 10
        same_day = not live and rng.random() < 0.02
        force_majeure = kind in ("hilang", "rusak") and rng.random() < 0.05
        fee = self.fee(day, kind, product, validity, same_day, force_majeure)
        priority = None
        if age >= 60 and rng.random() < 0.6:
            priority = "lansia"
        elif age < 5 and rng.random() < 0.5:
            priority = "anak"
        elif sex == "P" and 20 <= age <= 40 and rng.random() < 0.03:
            priority = "ibu_hamil"
        elif rng.random() < 0.005:
            priority = "disabilitas"
        booking = None
        # Most book in M-Paspor; priority walk-ins need not.
        if priority is None and rng.random() < 0.88:
            self.bookings += 1
            booking = f"MP-{day:%Y%m%d}-{self.bookings:04d}"
        index = len(self.rows.applications)
        times = self.ticket(
            service_for_kind(kind), issued, priority, index, "waiting" if live else "done"
        )
        wanted = required_documents(kind, birth, day, married, purpose)
        stages = [("berkas", issued, self.desk)]
        paid_at, ready = None, None
        if not live:
            paid_at, ready = self.progress(stages, times, booking is not None, same_day)
        stages = [s for s in stages if s[1] <= self.now]
        for stage, at, officer in stages:
            # Every row with the same keys: the writer inserts them in one executemany.
            note = _UNCOLLECTED if stage == "batal" else None
            self.rows.stages.append({"application_id": index, "stage": stage, "at": at,
                                     "officer": officer, "counter": None, "note": note})  # fmt: skip
        paid = any(s[0] == "pembayaran" for s in stages)
        self.rows.applications.append({
            "uuid": _uuid(rng), "office_id": self.ctx.office_id, "applicant_id": who,
            "application_date": day, "kind": kind, "product": product, "validity_years": validity,
            "same_day": same_day, "force_majeure": force_majeure, "purpose": purpose,
            "fee_total": fee.total,
            "documents": {c: c not in _IF_ANY or rng.random() < 0.1 for c in wanted},
            "booking_code": booking, "stage": stages[-1][0], "paid_at": paid_at if paid else None,
            "paid_amount": fee.total if paid else None,
            "billing_code": self.billing_code(paid_at) if paid else None,
            "collection_date": ready if paid else None, "officer": self.desk,
            "created_at": issued, "updated_at": stages[-1][1],
        })  # fmt: skip
        self.rows.fees.extend(
            {"application_id": index, "tariff_id": self.ctx.tariff_ids[line.tariff_code],
             "component": line.component, "amount": line.amount}
            for line in fee.lines
        )  # fmt: skip

    def billing_code(self, paid_at: datetime | None) -> str:
        """A SIMPONI-like billing code: 15 digits, the payment date in it."""
        day = paid_at.date() if paid_at else self.ticket_day
        return f"8{day:%y%m%d}{self.rng.randrange(10**8):08d}"

    def progress(self, stages: list, times: dict[str, datetime], prepaid: bool, same_day: bool
                 ) -> tuple[datetime, date]:  # fmt: skip
        """Interview, payment, verification, printing and collection (or cancellation) times."""
        rng = self.rng
        counter_officer = rng.choice(_OFFICERS)
        stages.append(("wawancara", times["served"], counter_officer))
        finished = times["finished"]
        if prepaid and rng.random() < 0.9:  # paid online before coming; the desk confirms it
            paid_at = finished - timedelta(days=rng.randint(1, 14), minutes=rng.randint(0, 600))
            confirmed = finished + _minutes(1)
        elif rng.random() < 0.8:  # billing code paid at the bank the same day
            paid_at = confirmed = finished + _minutes(rng.uniform(10, 120))
        else:
            paid_at = confirmed = self.at(self.later(finished.date(), 1), time(8, 0), time(12, 0))
        stages.append(("pembayaran", confirmed, counter_officer))
        pay_day = confirmed.date()
        if same_day:
            checked = confirmed + _minutes(rng.uniform(20, 40))
            printed = checked + _minutes(rng.uniform(40, 90))
            ready_at = printed + _minutes(rng.uniform(5, 15))
            stages += [
                ("verifikasi", checked, rng.choice(_OFFICERS)),
                ("pencetakan", printed, rng.choice(_OFFICERS)),
                ("siap", ready_at, rng.choice(_OFFICERS)),
            ]
            stages.append(("penyerahan", ready_at + _minutes(rng.uniform(15, 60)), self.desk))
            return paid_at, pay_day
        working_days = self.ctx.settings.collection_working_days
        ready = self.later(pay_day, working_days)
        checked = self.at(self.later(pay_day, 1), time(8, 0), time(11, 0))
        printed = self.at(self.later(pay_day, max(1, working_days - 1)), time(11, 0), time(15, 0))
        # Printed passports are checked and shelved at the collection counter the same day.
        ready_at = printed + _minutes(rng.uniform(20, 60))
        stages += [
            ("verifikasi", checked, rng.choice(_OFFICERS)),
            ("pencetakan", printed, rng.choice(_OFFICERS)),
            ("siap", ready_at, rng.choice(_OFFICERS)),
        ]
        if rng.random() < 0.03:  # never collected: cancelled once the set number of days passed
            cancel_day = ready + timedelta(days=self.ctx.settings.uncollected_cancel_days + 1)
            stages.append(("batal", datetime.combine(cancel_day, time(16, 0)), "sistem"))
        else:
            extra = 0 if rng.random() < 0.45 else rng.randint(1, 6)
            handed = self.at(
                self.later(ready, extra) if extra else ready, time(13, 0), time(15, 30)
            )
            stages.append(
                ("penyerahan", max(handed, ready_at + _minutes(10)), rng.choice(_OFFICERS))
            )
        return paid_at, ready


def build_batch(rng: random.Random, ctx: Any, days: list[DayPlan], new_applicants: int,
                now: datetime) -> BatchRows:  # fmt: skip
    """All rows of whole days; *new_applicants* people first appear here, the rest come back."""
    builder = _DayBuilder(rng, ctx, now)
    total = sum(len(d.products) for d in days)
    if new_applicants >= total:
        firsts = set(range(total))
    else:
        firsts = {0} | set(rng.sample(range(1, total), max(new_applicants - 1, 0)))
    position = 0
    for plan in days:
        position = builder.day(plan, firsts, position)
    # More people than applications (the large benchmark): registered, not yet served.
    for _ in range(max(new_applicants - total, 0)):
        plan = rng.choice(days)
        builder.new_applicant(plan.day, builder.at(plan.day, time(7, 30), time(15, 0)))
    return builder.rows
