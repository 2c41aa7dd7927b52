"""Stages to collection on both databases: steps, payment, refusals with reasons, corrections, cancellation."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from app.db.models import Application, ApplicationStage, AuditLog
from app.desk.application_steps import (
    advance,
    application_view,
    cancel_overdue,
    correct_last_step,
    overdue_for_cancellation,
)
from app.desk.stages import follows_table
from app.problems import InputRejected

from tests.app.desk.walk_ins import register_walk_ins
from tests.app.monev.exchange.visit_samples import row_counts
from tests.pii import assert_no_personal_data

FRIDAY = datetime(2024, 4, 5, 9, 0)  # before Idul Fitri 2024: collection on Friday 19 April
BILLING = "820240405000123"


def _at(minutes: int) -> datetime:
    return FRIDAY + timedelta(minutes=minutes)


def _to_payment(db, settings, app_id: int, **kw: object):
    advance(db, settings, app_id, "wawancara", officer="rina", counter="2", now=_at(10))
    return advance(db, settings, app_id, "pembayaran", officer="rina", counter="2",
                   paid_amount=650_000, billing_code=f"  {BILLING} ", now=_at(30), **kw)  # fmt: skip


def _to_ready(db, settings, app_id: int, day: datetime = FRIDAY) -> None:
    for i, stage in enumerate(("wawancara", "pembayaran", "verifikasi", "pencetakan", "siap")):
        pay = {"paid_amount": 650_000, "billing_code": BILLING} if stage == "pembayaran" else {}
        advance(db, settings, app_id, stage, officer="andi", counter="3",
                now=day + timedelta(minutes=10 * (i + 1)), **pay)  # type: ignore[arg-type]  # fmt: skip


def _refused(call, *args, **kw) -> list[tuple[str, str]]:
    with pytest.raises(InputRejected) as refused:
        call(*args, **kw)
    return [(p.key, p.field) for p in refused.value.problems]


def test_an_application_goes_to_collection_and_every_step_says_who_when_and_where(db, settings):
    (app_id,) = register_walk_ins(db, settings, 1, FRIDAY)
    first = application_view(db, app_id)
    assert first.stage == "berkas" and first.next_stages == ["wawancara", "ditunda", "batal"]
    assert first.steps[0].counter == "1" and first.steps[0].officer == "desk"
    assert first.collection_date is None and first.paid_at is None  # stored only at payment
    assert first.correctable_step_id is None and not first.changes

    paid = _to_payment(db, settings, app_id)
    assert paid.stage == "pembayaran" and paid.changes.applications
    assert (paid.paid_amount, paid.billing_code, paid.paid_at) == (650_000, BILLING, _at(30))
    # Friday 5 April + 4 working days: 8, 9, 12, 15 April are cuti bersama, 10-11 Idul Fitri.
    assert paid.collection_date == date(2024, 4, 19)

    for minutes, stage in ((60, "verifikasi"), (120, "pencetakan"), (180, "siap")):
        advance(db, settings, app_id, stage, officer="andi", counter="3", now=_at(minutes))
    done = advance(db, settings, app_id, "penyerahan", officer="maya", counter="5",
                   now=datetime(2024, 4, 19, 13, 0))  # fmt: skip
    assert done.stage == "penyerahan" and done.next_stages == []
    assert [s.stage for s in done.steps] == [
        "berkas", "wawancara", "pembayaran", "verifikasi", "pencetakan", "siap", "penyerahan"
    ]  # fmt: skip
    assert follows_table([s.stage for s in done.steps])
    assert [(s.officer, s.counter) for s in done.steps][-2:] == [("andi", "3"), ("maya", "5")]
    assert done.steps[-1].at == datetime(2024, 4, 19, 13, 0)
    assert done.collection_date == date(2024, 4, 19) and done.paid_amount == 650_000
    with db.session() as s:
        audit = s.execute(
            select(AuditLog.action, AuditLog.actor, AuditLog.detail)
            .where(AuditLog.entity == "application", AuditLog.entity_id == str(app_id))
            .order_by(AuditLog.id)
        ).all()
    assert [a.action for a in audit] == ["register"] + ["advance"] * 6
    assert audit[2].detail.startswith("wawancara -> pembayaran; paid 650000; billing " + BILLING)
    for a in audit:
        assert_no_personal_data(a.detail or "", names=[first.name])


def test_same_day_service_is_collected_the_day_it_is_paid(db, settings):
    (app_id,) = register_walk_ins(db, settings, 1, FRIDAY, same_day=True)
    assert _to_payment(db, settings, app_id).collection_date == FRIDAY.date()


# (to, keywords, the problems expected): each refused with its reason, nothing written.
REFUSED_STEPS = [
    ("pembayaran", {}, [("stage.not_next", "to")]),  # berkas → pembayaran skips the interview
    ("berkas", {}, [("stage.already", "to")]),
    ("selesai", {}, [("stage.unknown", "to")]),
    ("batal", {}, [("stage.note_required", "note")]),
    ("ditunda", {"note": "   "}, [("stage.note_required", "note")]),
    ("wawancara", {"paid_amount": 650_000}, [("payment.not_payment", "paid_amount")]),
    ("wawancara", {"note": "x" * 201}, [("step.note_long", "note")]),
    ("wawancara", {"officer": "o" * 61}, [("application_stage.officer.too_long", "officer")]),
    ("wawancara", {"counter": "Loket " * 5}, [("ticket.counter.too_long", "counter")]),
    ("wawancara", {"from_stage": "wawancara"}, [("stage.changed", "to")]),
]
REFUSED_PAYMENTS = [
    (None, None, [("payment.amount_missing", "paid_amount"), ("payment.billing_missing", "billing_code")]),
    (-1, BILLING, [("payment.amount_range", "paid_amount")]),
    (10**9, BILLING, [("payment.amount_range", "paid_amount")]),
    (650_000, "   ", [("payment.billing_missing", "billing_code")]),
    (650_000, "8" * 41, [("payment.billing_long", "billing_code")]),
]  # fmt: skip


def test_a_refused_step_names_its_reason_and_writes_nothing(db, settings):
    (app_id,) = register_walk_ins(db, settings, 1, FRIDAY)
    before = row_counts(db)
    for to, kw, problems in REFUSED_STEPS:
        kw = {"officer": "rina", **kw}
        assert _refused(advance, db, settings, app_id, to, now=_at(5), **kw) == problems, to
    assert row_counts(db) == before
    assert application_view(db, app_id).stage == "berkas"
    assert _refused(advance, db, settings, 99_999, "wawancara", officer="rina") == [
        ("application.not_found", "number")
    ]


def test_payment_needs_an_amount_and_a_billing_code(db, settings):
    (app_id,) = register_walk_ins(db, settings, 1, FRIDAY)
    advance(db, settings, app_id, "wawancara", officer="rina", now=_at(10))
    before = row_counts(db)
    for amount, billing, problems in REFUSED_PAYMENTS:
        kw = {"paid_amount": amount, "billing_code": billing}
        assert _refused(advance, db, settings, app_id, "pembayaran", officer="rina", **kw) == (
            problems
        ), (amount, billing)
    assert row_counts(db) == before


def test_the_reasons_read_well(db, settings):
    from app.i18n import set_language

    (app_id,) = register_walk_ins(db, settings, 1, FRIDAY)
    with pytest.raises(InputRejected) as in_indonesian:
        advance(db, settings, app_id, "pencetakan", officer="rina")
    assert in_indonesian.value.message("id") == (
        f"Permohonan PMH-{app_id:07d} berada pada tahap Pemeriksaan berkas dan tidak dapat "
        "dilanjutkan ke Pencetakan. Tahap berikutnya: Foto, sidik jari, dan wawancara, Ditunda, "
        "Batal."
    )
    # The stage names go in in the language active when the step is refused (the CLI's --lang).
    set_language("en")
    with pytest.raises(InputRejected) as refused:
        advance(db, settings, app_id, "pencetakan", officer="rina")
    assert refused.value.message("en") == (
        f"Application PMH-{app_id:07d} is at the stage Document check and cannot go to Printing. "
        "Next: Photo, fingerprints and interview, Deferred, Cancelled."
    )
    with pytest.raises(InputRejected) as unknown:
        advance(db, settings, app_id, "selesai", officer="rina")
    assert "berkas, wawancara, pembayaran" in unknown.value.message("en")
    with pytest.raises(InputRejected) as missing:
        advance(db, settings, 99_999, "wawancara", officer="rina")
    assert missing.value.message("id") == "Permohonan PMH-0099999 tidak ditemukan."


def test_a_free_payment_is_a_payment(db, settings):
    """Force majeure: the lost-passport charge is Rp0, the passport itself may be paid — or not."""
    (app_id,) = register_walk_ins(db, settings, 1, FRIDAY)
    advance(db, settings, app_id, "wawancara", officer="rina", now=_at(10))
    view = advance(db, settings, app_id, "pembayaran", officer="rina", paid_amount=0,
                   billing_code="FM-1", now=_at(20))  # fmt: skip
    assert view.paid_amount == 0 and view.paid_at == _at(20) and "verifikasi" in view.next_stages


def test_a_final_stage_has_no_next_step(db, settings):
    (app_id,) = register_walk_ins(db, settings, 1, FRIDAY)
    advance(db, settings, app_id, "batal", officer="rina", note="Pemohon mengundurkan diri")
    assert _refused(advance, db, settings, app_id, "wawancara", officer="rina") == [
        ("stage.final", "to")
    ]


def test_a_deferred_case_resumes_where_its_payment_says(db, settings):
    (unpaid, paid) = register_walk_ins(db, settings, 2, FRIDAY, kind="hilang")
    advance(db, settings, unpaid, "ditunda", officer="rina", note="Menunggu surat polisi")
    assert application_view(db, unpaid).next_stages == ["wawancara", "batal"]
    assert _refused(advance, db, settings, unpaid, "verifikasi", officer="rina") == [
        ("stage.not_next", "to")
    ]
    assert advance(db, settings, unpaid, "wawancara", officer="rina").stage == "wawancara"

    _to_payment(db, settings, paid)
    advance(db, settings, paid, "verifikasi", officer="adj", now=_at(60))
    advance(db, settings, paid, "ditunda", officer="adj", note="BAP diperiksa Kasi", now=_at(70))
    assert application_view(db, paid).next_stages == ["verifikasi", "batal"]
    assert advance(db, settings, paid, "verifikasi", officer="adj").stage == "verifikasi"


def test_a_correction_appends_and_restores(db, settings):
    (app_id,) = register_walk_ins(db, settings, 1, FRIDAY)
    paid = _to_payment(db, settings, app_id)
    payment_step = paid.steps[-1]
    assert paid.correctable_step_id == payment_step.id
    assert _refused(correct_last_step, db, settings, app_id, officer="rina", note=" ") == [
        ("correction.note_required", "note")
    ]
    assert _refused(correct_last_step, db, settings, app_id, officer="rina", note="salah",
                    step_id=payment_step.id - 1) == [("correction.changed", "number")]  # fmt: skip

    back = correct_last_step(db, settings, app_id, officer="kasi", counter="2",
                             note="Kode billing salah", step_id=payment_step.id, now=_at(40))  # fmt: skip
    assert back.stage == "wawancara" and back.changes.applications
    assert back.paid_at is None and back.paid_amount is None and back.billing_code is None
    assert back.collection_date is None
    fix = back.steps[-1]
    assert (fix.stage, fix.corrects_id, fix.note, fix.officer, fix.counter, fix.at) == (
        "wawancara", payment_step.id, "Kode billing salah", "kasi", "2", _at(40)
    )  # fmt: skip
    # The history keeps the wrong step as it was written.
    assert back.steps[:-1] == paid.steps
    assert back.next_stages == ["pembayaran", "ditunda", "batal"]

    again = advance(db, settings, app_id, "pembayaran", officer="rina", paid_amount=650_000,
                    billing_code="820240405000999", now=_at(50))  # fmt: skip
    assert again.billing_code == "820240405000999" and again.collection_date == date(2024, 4, 19)

    # Back two steps, then there is nothing left but the registration.
    correct_last_step(db, settings, app_id, officer="kasi", note="salah input")
    view = correct_last_step(db, settings, app_id, officer="kasi", note="belum wawancara")
    assert view.stage == "berkas" and view.correctable_step_id is None
    assert _refused(correct_last_step, db, settings, app_id, officer="kasi", note="x") == [
        ("correction.nothing", "number")
    ]
    with db.session() as s:
        rows = s.scalars(select(ApplicationStage).where(ApplicationStage.application_id == app_id)
                         .order_by(ApplicationStage.id)).all()  # fmt: skip
        audit = s.scalars(select(AuditLog.detail).where(AuditLog.action == "correct_step")
                          .order_by(AuditLog.id)).all()  # fmt: skip
    assert len(rows) == 7 and sum(r.corrects_id is not None for r in rows) == 3
    assert audit[0] == (
        f"corrects step {payment_step.id}: pembayaran -> wawancara; cleared paid 650000; "
        f"billing {BILLING}"
    )


def test_a_collected_passport_handed_to_the_wrong_person_is_corrected_back_to_ready(db, settings):
    (app_id,) = register_walk_ins(db, settings, 1, FRIDAY)
    _to_ready(db, settings, app_id)
    advance(db, settings, app_id, "penyerahan", officer="maya")
    view = correct_last_step(db, settings, app_id, officer="kasi", note="Salah permohonan")
    assert view.stage == "siap" and view.paid_amount == 650_000  # the payment stays
    assert view.next_stages == ["penyerahan", "batal"]


def test_uncollected_passports_are_listed_and_cancelled_in_one_action(db, settings):
    ids = register_walk_ins(db, settings, 4, FRIDAY)
    for app_id in ids[:3]:
        _to_ready(db, settings, app_id)
    advance(db, settings, ids[2], "penyerahan", officer="maya")  # collected in time
    collection = date(2024, 4, 19)
    cancel_days = settings.uncollected_cancel_days
    assert overdue_for_cancellation(db, settings, collection + timedelta(days=cancel_days)) == []
    today = collection + timedelta(days=cancel_days + 3)
    rows = overdue_for_cancellation(db, settings, today)
    assert [(r.id, r.collection_date, r.days_overdue) for r in rows] == [
        (ids[0], collection, 3), (ids[1], collection, 3)
    ]  # fmt: skip
    assert rows[0].number == f"PMH-{ids[0]:07d}"
    shorter = dataclasses.replace(settings, uncollected_cancel_days=10)
    assert len(overdue_for_cancellation(db, shorter, collection + timedelta(days=11))) == 2

    now = datetime.combine(today, datetime.min.time()).replace(hour=16)
    before = row_counts(db)
    assert _refused(cancel_overdue, db, settings, ids[:2], "  ", officer="kasi", now=now) == [
        ("cancel.reason_required", "reason")
    ]
    # One of them was collected meanwhile: nothing is cancelled, the reason names it.
    with pytest.raises(InputRejected) as refused:
        cancel_overdue(db, settings, ids[:3], "Tidak diambil", officer="kasi", now=now)
    assert refused.value.problems[0].key == "cancel.not_overdue"
    assert f"PMH-{ids[2]:07d}" in refused.value.message("en")
    assert f"PMH-{ids[0]:07d}" not in refused.value.message("en")
    assert row_counts(db) == before

    reason = "Tidak diambil lebih dari 30 hari"
    changes = cancel_overdue(db, settings, [ids[1], ids[0], ids[0]], reason, officer="kasi",
                             counter="5", now=now)  # fmt: skip
    assert changes.applications
    for app_id in ids[:2]:
        view = application_view(db, app_id)
        assert view.stage == "batal" and view.steps[-1].note == reason
        assert (view.steps[-1].officer, view.steps[-1].counter, view.steps[-1].at) == (
            "kasi",
            "5",
            now,
        )
        assert view.collection_date == collection  # kept: the history says when it was due
    assert overdue_for_cancellation(db, settings, today) == []
    with db.session() as s:
        actions = s.scalars(
            select(AuditLog.action).where(AuditLog.action == "cancel_overdue")
        ).all()
        stages = {a.id: a.stage for a in s.execute(select(Application.id, Application.stage))}
    assert len(actions) == 2
    assert stages == {ids[0]: "batal", ids[1]: "batal", ids[2]: "penyerahan", ids[3]: "berkas"}
    assert cancel_overdue(db, settings, [], reason, officer="kasi") == type(changes)()


def test_registration_stores_the_counter_and_shows_the_collection_date_with_closures(db, settings):
    from app.desk.closures import add_closure

    add_closure(db, settings, date(2024, 4, 22), "Rapat kerja", "admin")
    (app_id,) = register_walk_ins(db, settings, 1, datetime(2024, 4, 16, 9, 0))
    from app.desk.registration import register

    from tests.app.desk.walk_ins import walk_in

    result = register(db, settings, walk_in(7), officer="desk", counter="4",
                      now=datetime(2024, 4, 16, 9, 5))  # fmt: skip
    # Tue 16 April + 4 working days: 17, 18, 19, (22 closed), 23.
    assert result.collection_date == date(2024, 4, 23)
    assert application_view(db, result.application_id).steps[0].counter == "4"
    assert application_view(db, app_id).steps[0].counter == "1"


def test_demo_histories_follow_the_table(sqlite_db, settings):
    from app.demo.generator import generate_demo

    generate_demo(sqlite_db, settings, applicants=60, seed=8, now=datetime(2024, 3, 15, 12, 0))
    with sqlite_db.session() as s:
        steps: dict[int, list[str]] = {}
        for app_id, stage in s.execute(
            select(ApplicationStage.application_id, ApplicationStage.stage).order_by(
                ApplicationStage.id
            )
        ):
            steps.setdefault(app_id, []).append(stage)
        apps = s.execute(
            select(Application.id, Application.stage, Application.paid_at,
                   Application.paid_amount, Application.billing_code)
        ).all()  # fmt: skip
    assert apps
    for a in apps:
        assert follows_table(steps[a.id]), steps[a.id]
        assert steps[a.id][-1] == a.stage
        if "pembayaran" in steps[a.id]:
            assert a.paid_amount is not None and a.billing_code and a.paid_at is not None
    assert any(path[-2:] == ["siap", "penyerahan"] for path in steps.values())
