"""Demo data: exact e-Paspor figures, valid NIKs, gap-free tickets, fees from the tariffs, safe re-runs."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from app.db.integrity import check_database
from app.db.models import (
    Applicant,
    Application,
    ApplicationFee,
    ApplicationStage,
    QueueEvent,
    Tariff,
    Ticket,
    TicketSequence,
)
from app.demo.generator import EPASPOR_FIGURES, Cancelled, generate_demo
from app.desk.nik import check_nik
from app.desk.passport import compute_fee
from app.desk.registration import RegistrationForm, register, tariff_rows
from app.problems import InputRejected
from app.queue import tickets as queue
from app.queue.workdays import is_working_day

APPLICANTS = 300


def count(db, model) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def test_demo_history_is_realistic_and_sound(db, settings):
    """One generation per backend, then every check on it (the generation is the slow part)."""
    demo = generate_demo(db, settings, applicants=APPLICANTS, seed=11)
    check_counts_match_the_summary(db, demo)
    check_epaspor_figures_are_exact_and_share_rises(db, demo)
    check_applicants_look_real_and_niks_pass(db)
    check_tickets_are_gap_free_and_finished(db)
    check_fees_and_stages_follow_the_rules(db)
    check_running_again_adds_nothing_and_other_demos_are_refused(db, settings)


def check_counts_match_the_summary(db, demo):
    assert count(db, Applicant) == demo["applicants"] == APPLICANTS
    assert count(db, Application) == demo["applications"] >= APPLICANTS
    assert count(db, Ticket) == demo["tickets"] > demo["applications"]
    assert count(db, QueueEvent) == demo["queue_events"]
    yesterday = date.today() - timedelta(days=1)
    assert demo["last_day"] == yesterday.isoformat()
    assert demo["months"] == (yesterday.year - 2024) * 12 + yesterday.month
    assert demo["seconds"] > 0 and not demo.get("skipped")


def check_epaspor_figures_are_exact_and_share_rises(db, demo):
    with db.session() as s:
        rows = s.execute(select(Application.application_date, Application.product)).all()
    epaspor = Counter((d.year, d.month) for d, p in rows if p == "epaspor")
    for month, figure in EPASPOR_FIGURES.items():
        assert epaspor[month] == figure
    assert demo["epaspor"] == {"2024-04": 126, "2024-05": 186, "2024-06": 294}
    # The share rises (outside the three cited months, whose e-Paspor counts do not scale).
    early, late = Counter(), Counter()
    for d, p in rows:
        if d < date(2024, 4, 1):
            early[p] += 1
        elif d >= date(2025, 7, 1):
            late[p] += 1
    assert late["epaspor"] / late.total() > early["epaspor"] / early.total() + 0.2


def check_applicants_look_real_and_niks_pass(db):
    with db.session() as s:
        people = s.execute(select(Applicant.nik, Applicant.birth_date, Applicant.sex, Applicant.name,
                                  Applicant.phone)).all()  # fmt: skip
    niks = [p.nik for p in people]
    assert len(set(niks)) == len(niks)
    for p in people:
        result = check_nik(p.nik, p.birth_date, p.sex)
        assert result.ok and not result.warnings, (result.errors, result.warnings)
        assert date(1950, 1, 1) <= p.birth_date <= date(2024, 12, 31)
        assert p.name == p.name.upper() and len(p.name) >= 3
        assert p.phone is None or (p.phone.startswith("08") and 11 <= len(p.phone) <= 13)
    sexes = Counter(p.sex for p in people)
    assert sexes["L"] > APPLICANTS * 0.3 and sexes["P"] > APPLICANTS * 0.3
    regencies = Counter(p.nik[:4] for p in people)
    assert regencies.most_common(1)[0][0] == "1603"
    assert len(regencies) >= 8 and any(not r.startswith("16") for r in regencies)


def check_tickets_are_gap_free_and_finished(db):
    with db.session() as s:
        tickets = s.scalars(select(Ticket)).all()
        sequences = {
            (q.office_id, q.ticket_date, q.prefix): q.last
            for q in s.scalars(select(TicketSequence))
        }
    numbers = defaultdict(list)
    today = date.today()
    for t in tickets:
        numbers[(t.office_id, t.ticket_date, t.prefix)].append(t.sequence)
        assert is_working_day(t.ticket_date) and date(2024, 1, 1) <= t.ticket_date <= today
        if t.ticket_date < today:
            assert t.status in ("done", "no_show")
            assert t.issued_at < t.called_at < t.finished_at
            assert 2 <= (t.called_at - t.issued_at).total_seconds() / 60 <= 60
        if t.status == "done":
            assert 5 <= (t.finished_at - t.served_at).total_seconds() / 60 <= 30
    for key, seqs in numbers.items():
        assert sorted(seqs) == list(range(1, len(seqs) + 1)), key
    assert sequences == {key: len(seqs) for key, seqs in numbers.items()}
    no_show = sum(t.status == "no_show" for t in tickets) / len(tickets)
    assert 0.02 <= no_show <= 0.09
    assert any(t.priority for t in tickets)
    assert check_database(db).ok


def check_fees_and_stages_follow_the_rules(db):
    with db.session() as s:
        tariffs = tariff_rows(s)
        codes = {i: c for i, c in s.execute(select(Tariff.id, Tariff.code))}
        lines = defaultdict(list)
        for f in s.scalars(select(ApplicationFee)):
            lines[f.application_id].append((codes[f.tariff_id], f.component, f.amount))
        stages = defaultdict(list)
        for st in s.scalars(select(ApplicationStage).order_by(ApplicationStage.id)):
            stages[st.application_id].append((st.stage, st.at))
        applications = s.scalars(select(Application)).all()
    kinds = Counter(a.kind for a in applications)
    assert kinds["baru"] + kinds["penggantian"] > 0.8 * len(applications)
    for a in applications:
        fee = compute_fee(tariffs, a.application_date, a.kind, a.product, a.validity_years,
                          a.same_day, a.force_majeure)  # fmt: skip
        assert sorted(lines[a.id]) == sorted(
            (x.tariff_code, x.component, x.amount) for x in fee.lines
        )
        assert a.fee_total == fee.total
        assert is_working_day(a.application_date)
        times = [at for _, at in stages[a.id]]
        assert times == sorted(times) and stages[a.id][0][0] == "berkas"
        assert a.stage == stages[a.id][-1][0]
        assert all(at <= datetime.now() for at in times)


def check_running_again_adds_nothing_and_other_demos_are_refused(db, settings):
    before = count(db, Application), count(db, Ticket), count(db, Applicant)
    again = generate_demo(db, settings, applicants=APPLICANTS, seed=11)
    assert again["skipped"] is True and again["applications"] == 0
    assert (count(db, Application), count(db, Ticket), count(db, Applicant)) == before
    with pytest.raises(InputRejected) as exc:
        generate_demo(db, settings, applicants=APPLICANTS, seed=12)
    assert exc.value.problems[0].key == "demo.other_present"


def test_real_data_is_never_mixed_with_demo(db, settings):
    register(db, settings, RegistrationForm(nik="1603015507900001", name="Siti Aminah",
             birth_date=date(1990, 7, 15), sex="P"))  # fmt: skip
    with pytest.raises(InputRejected) as exc:
        generate_demo(db, settings, applicants=50)
    assert exc.value.problems[0].key == "demo.real_data"
    assert count(db, Application) == 1


def test_cancelled_run_is_whole_and_resumes(db, settings):
    calls = []

    def cancel_after_two() -> bool:
        calls.append(1)
        return len(calls) > 2

    with pytest.raises(Cancelled):
        generate_demo(db, settings, applicants=APPLICANTS, seed=5, cancelled=cancel_after_two)
    assert check_database(db).ok
    partial = count(db, Application)
    assert 0 < partial
    resumed = generate_demo(db, settings, applicants=APPLICANTS, seed=5)
    assert resumed["resumed"] is True
    assert count(db, Applicant) == APPLICANTS
    assert count(db, Application) == partial + resumed["applications"]
    with db.session() as s:
        months = Counter((d.year, d.month) for d in s.scalars(
            select(Application.application_date).where(Application.product == "epaspor")))  # fmt: skip
    assert all(months[m] == n for m, n in EPASPOR_FIGURES.items())
    assert check_database(db).ok


@pytest.mark.parametrize("clock", [(10, 30), (0, 5)], ids=["morning", "just-after-midnight"])
def test_today_has_people_waiting_and_the_counter_continues(db, settings, clock):
    now = datetime(2024, 2, 6, *clock)  # a Tuesday, early: a short history keeps the test quick
    assert is_working_day(now.date())
    generate_demo(db, settings, applicants=100, seed=3, now=now)
    with db.session() as s:
        today = s.scalars(select(Ticket).where(Ticket.ticket_date == now.date())).all()
    assert 3 <= len(today) <= 8
    assert all(
        t.status == "waiting" and now.date() == t.issued_at.date() and t.issued_at <= now
        for t in today
    )
    issued = queue.issue_ticket(db, settings.office.code, "A", now=now + timedelta(minutes=1))
    assert issued.sequence == sum(t.prefix == "A" for t in today) + 1
    assert issued.waiting_ahead == sum(t.prefix == "A" for t in today)
    assert check_database(db).ok
