"""Supervision visits: identity, answers and scores, findings carried forward, photo evidence, service figures."""

from datetime import date, datetime, timedelta

import pytest
from PIL import Image
from sqlalchemy import func, select, update

from app.db.models import Ticket
from app.db.visit_models import Attachment, Finding, MonthlyFigure, VisitAnswer, VisitAttachment
from app.desk.registration import RegistrationForm, register
from app.monev import findings as F
from app.monev import visits as V
from app.problems import InputRejected

OFFICE = "MUARAENIM"
OFFICE_NAME = "Kantor Imigrasi Kelas II Non-TPI Muara Enim"
NIK = "1603015507900001"


def draft(day=date(2024, 7, 4), office=OFFICE, **kw):
    base = dict(
        office_code=office, office_name=OFFICE_NAME, start_date=day, end_date=day + timedelta(days=1),
        supervision_types=["fasilitasi", "konsultasi", "monitoring", "evaluasi", "pemeriksaan_langsung"],
        team=[V.TeamMember("Drs. Ahmad Fauzi", "197001011990031001", "Kepala Bidang Perizinan dan Informasi", "ketua"),
              V.TeamMember("Rina Oktaviani", "198505052010122002", "Analis Keimigrasian")],
        office_reps=[V.OfficeRep("Hendra Saputra", "Kepala Kantor")],
        basis="Surat Tugas Kepala Divisi Keimigrasian Nomor W6.IMI-123 Tahun 2024",
        purposes=["Memastikan pelayanan sesuai SOP"], place="Muara Enim",
    )  # fmt: skip
    base.update(kw)
    return V.VisitDraft(**base)


def items_by_code(db, visit_id):
    return {i.code: i for _, i in V.visit_detail(db, visit_id).template.items()}


def test_create_visit_identity_and_validation(db):
    v = V.create_visit(db, draft())
    assert (v.template_code, v.template_version, v.status) == ("monev-paspor", 1, "draft")
    assert v.team_leader.name == "Drs. Ahmad Fauzi" and v.end_date == date(2024, 7, 5)
    assert v.supervision_types[0] == "fasilitasi" and v.office_reps[0].position == "Kepala Kantor"
    assert v.uuid and v.origin
    bad = draft(
        office_name=" ", end_date=date(2024, 7, 1), supervision_types=["inspeksi"],
        team=[V.TeamMember("A", "123", role="ketua"), V.TeamMember("B", role="ketua"), V.TeamMember("", role="kepala")],
    )  # fmt: skip
    with pytest.raises(InputRejected) as exc:
        V.create_visit(db, bad)
    fields = exc.value.by_field("en")
    assert {
        "office_name",
        "end_date",
        "supervision_types",
        "team.0.nip",
        "team",
        "team.2.name",
        "team.2.role",
    } <= set(fields)
    assert len(V.list_visits(db)) == 1
    changed = V.update_visit(db, v.id, draft(place="Palembang"))
    assert changed.place == "Palembang" and changed.updated_at >= v.updated_at


def test_answers_are_saved_at_once_and_scored(db):
    v = V.create_visit(db, draft())
    items = items_by_code(db, v.id)
    saved = V.save_answer(db, v.id, items["SP.01"].id, answer="ya", note="Papan di ruang tunggu")
    assert saved.answer.answer == "ya" and saved.score.total == 100.0
    V.save_answer(db, v.id, items["SP.02"].id, answer="tidak")  # weight 1
    V.save_answer(db, v.id, items["SP.08"].id, answer="cukup_patuh")  # weight 2
    V.save_answer(db, v.id, items["SP.03"].id, answer="na")
    result = V.save_answer(db, v.id, items["RHAM.02"].id, answer="proses")
    sp = result.score.sections[0]
    assert sp.score == pytest.approx((1 + 0 + 2 * 0.5) / 4 * 100) and not sp.failed
    assert sp.answered == 4 and sp.total_items == 12
    assert result.score.sections[2].score == pytest.approx(50.0)
    assert result.score.total == pytest.approx((2 + 0.5) / 5 * 100)
    # A note alone keeps the answer; None clears a value.
    V.save_answer(db, v.id, items["SP.01"].id, note="Diperbarui")
    detail = V.visit_detail(db, v.id)
    assert (
        detail.answers[items["SP.01"].id].answer == "ya"
        and detail.answers[items["SP.01"].id].note == "Diperbarui"
    )
    V.save_answer(db, v.id, items["SP.03"].id, answer=None)
    assert items["SP.03"].id not in V.visit_detail(db, v.id).answers
    # Unscored items: a number, a text.
    V.save_answer(db, v.id, items["IP.07"].id, number=3)
    V.save_answer(db, v.id, items["ZI.07"].id, text="Layanan paspor simpatik di hari Sabtu")
    score = V.visit_score(db, v.id)
    assert score.sections[4].answered == 1 and score.sections[4].score is None
    # A failed critical item fails its section and zeroes it in the total.
    failed = V.save_answer(db, v.id, items["SP.05"].id, answer="tidak").score
    assert failed.sections[0].failed and failed.sections[0].failed_items == ("SP.05",)
    assert failed.total == pytest.approx(0.5 / (4 + 3 + 1) * 100)
    summary = next(s for s in V.list_visits(db) if s.id == v.id)
    assert summary.total_score == pytest.approx(failed.total)
    assert V.get_visit(db, v.id).updated_at >= v.updated_at


def test_wrong_answers_are_refused_and_change_nothing(db):
    v = V.create_visit(db, draft())
    items = items_by_code(db, v.id)
    cases = [
        dict(item_id=items["SP.01"].id, answer="ada"),  # not a yn answer
        dict(item_id=items["SP.01"].id, number=4),  # a number on a choice item
        dict(item_id=items["IP.07"].id, answer="ya"),  # a choice on a number item
        dict(item_id=items["IP.07"].id, number=float("nan")),
        dict(item_id=items["SP.01"].id, text="x"),
        dict(item_id=999_999, answer="ya"),
    ]
    for case in cases:
        with pytest.raises(InputRejected):
            V.save_answer(db, v.id, **case)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(VisitAnswer)) == 0
    with pytest.raises(InputRejected) as exc:
        V.save_answer(db, v.id, items["SP.01"].id, answer="mungkin")
    assert "SP.01" in exc.value.message("id") and "ya, tidak, na" in exc.value.message("id")
    with pytest.raises(InputRejected) as exc:
        V.save_answer(db, v.id, items["SP.01"].id, number=3)
    # The kind of answer the item takes is named in the message's own language.
    assert exc.value.message("id") == "Butir SP.01 diisi dengan Ya / Tidak."
    assert exc.value.message("en") == "Item SP.01 takes Yes / No."


def test_final_visit_is_locked_but_findings_take_follow_up(db):
    v = V.create_visit(db, draft())
    items = items_by_code(db, v.id)
    f = F.add_finding(db, v.id, F.FindingDraft("Tarif lama masih dipajang", "Ganti papan tarif", "tinggi",
                                               "Kasubsi Lantaskim", date(2024, 8, 1), items["SP.04"].id))  # fmt: skip
    assert V.finalize_visit(db, v.id).status == "final"
    with pytest.raises(InputRejected) as exc:
        V.save_answer(db, v.id, items["SP.01"].id, answer="ya")
    assert "final" in exc.value.message("id")
    with pytest.raises(InputRejected):
        F.add_finding(db, v.id, F.FindingDraft("Lagi"))
    followed = F.add_follow_up(
        db, f.id, F.FollowUp(date(2024, 7, 20), "selesai", "Papan tarif baru dipasang", "Kasubsi")
    )
    assert (
        followed.status == "selesai" and followed.follow_ups[0].note == "Papan tarif baru dipasang"
    )
    assert followed.item_code == "SP.04"
    assert V.reopen_visit(db, v.id).status == "draft"
    V.save_answer(db, v.id, items["SP.01"].id, answer="ya")
    with pytest.raises(InputRejected):
        F.add_finding(db, v.id, F.FindingDraft("x", priority="darurat", status="tutup"))


def test_open_findings_are_carried_forward_with_original_and_current_status(db):
    first = V.create_visit(db, draft(day=date(2024, 7, 4)))
    items = items_by_code(db, first.id)
    open_one = F.add_finding(db, first.id, F.FindingDraft(
        "Publikasi layanan melalui media massa masih kurang", "Perbanyak publikasi melalui media massa",
        "sedang", "Kasi Tikkim", date(2024, 9, 30), items["IP.03"].id))  # fmt: skip
    in_progress = F.add_finding(
        db,
        first.id,
        F.FindingDraft(
            "Minat e-Paspor masih rendah",
            "Sosialisasikan e-Paspor",
            "tinggi",
            "Kasi Lantaskim",
            date(2024, 12, 31),
        ),
    )
    F.add_follow_up(
        db,
        in_progress.id,
        F.FollowUp(date(2024, 8, 15), "dalam_proses", "Sosialisasi di 2 kecamatan"),
    )
    done = F.add_finding(
        db, first.id, F.FindingDraft("Kursi roda rusak", "Perbaiki", "rendah", "Kasubbag TU")
    )
    F.add_follow_up(db, done.id, F.FollowUp(date(2024, 7, 10), "selesai", "Diganti"))
    other_office = V.create_visit(db, draft(day=date(2024, 7, 8), office="PALEMBANG"))
    F.add_finding(db, other_office.id, F.FindingDraft("Temuan kantor lain"))

    second = V.create_visit(db, draft(day=date(2024, 10, 10)))
    carried = F.carried_findings(db, second.id)
    assert [c.text for c in carried] == [open_one.text, in_progress.text]
    assert [(c.status_then, c.status_now) for c in carried] == [
        ("terbuka", "terbuka"),
        ("dalam_proses", "dalam_proses"),
    ]
    assert all(
        c.original_visit_date == date(2024, 7, 4) and c.original_visit_id == first.id
        for c in carried
    )
    assert carried[1].last_note == "Sosialisasi di 2 kecamatan"
    copy = next(f for f in F.findings_of(db, second.id) if f.carried_from == open_one.uuid)
    assert copy.item_code == "IP.03" and copy.raised_on == date(2024, 7, 4)
    # The office closes the media finding; the side by side view shows both statuses.
    F.add_follow_up(
        db, copy.id, F.FollowUp(date(2024, 11, 1), "selesai", "Rilis di 3 media daring")
    )
    carried = F.carried_findings(db, second.id)
    assert (carried[0].status_then, carried[0].status_now) == ("terbuka", "selesai")
    detail = V.visit_detail(db, second.id)
    assert len(detail.carried) == 2 and len(detail.findings) == 2

    # The third visit gets only the still-open copy, once, from the second visit.
    third = V.create_visit(db, draft(day=date(2025, 1, 15)))
    carried = F.carried_findings(db, third.id)
    assert [c.text for c in carried] == [in_progress.text]
    assert carried[0].original_visit_date == date(2024, 10, 10) and carried[0].raised_on == date(
        2024, 7, 4
    )
    with db.session() as s:
        assert (
            s.scalar(
                select(func.count())
                .select_from(Finding)
                .where(Finding.text == "Temuan kantor lain")
            )
            == 1
        )


def _photo(path, size=(3000, 2000), mode="RGB", fmt="PNG", exif_orientation=None):
    im = Image.new(mode, size, (30, 120, 200) if mode == "RGB" else (30, 120, 200, 128))
    for x in range(0, size[0], 97):  # some detail so the JPEG is not trivial
        im.paste((250, 200, 10) if mode == "RGB" else (250, 200, 10, 255), (x, 0, x + 20, size[1]))
    kwargs = {}
    if exif_orientation:
        exif = Image.Exif()
        exif[0x0112] = exif_orientation
        kwargs["exif"] = exif
    im.save(path, fmt, **kwargs)
    return path


def _count(db, model):
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_photos_are_reencoded_and_stored_once(db, tmp_path):
    first = V.create_visit(db, draft())
    second = V.create_visit(db, draft(day=date(2024, 10, 10)))
    items = items_by_code(db, first.id)
    png = _photo(tmp_path / "ruang tunggu.png", (2400, 1600))
    a = V.attach_photo(db, first.id, png, "Ruang tunggu", items["RHAM.11"].id)
    assert (a.width, a.height, a.mime) == (1600, 1067, "image/jpeg") and a.item_id == items[
        "RHAM.11"
    ].id
    data = V.attachment_bytes(db, a.attachment_id)
    assert data[:2] == b"\xff\xd8" and len(data) == a.size < 1_000_000
    again = V.attach_photo(db, first.id, png, "Lagi")
    assert again.already_attached and again.id == a.id and again.caption == "Ruang tunggu"
    elsewhere = V.attach_photo(db, second.id, png, "Ruang tunggu (Oktober)")
    assert elsewhere.attachment_id == a.attachment_id and elsewhere.id != a.id
    assert (_count(db, Attachment), _count(db, VisitAttachment)) == (1, 2)
    # A phone photo taken sideways comes out upright; transparency is flattened.
    rotated = V.attach_photo(
        db, first.id, _photo(tmp_path / "hp.jpg", (400, 200), fmt="JPEG", exif_orientation=6)
    )
    assert (rotated.width, rotated.height, rotated.position) == (200, 400, 2)
    clear = V.attach_photo(
        db, first.id, _photo(tmp_path / "logo.png", (300, 300), mode="RGBA"), "Logo"
    )
    assert clear.width == 300
    detail = V.visit_detail(db, first.id)
    assert [x.caption for x in detail.attachments] == ["Ruang tunggu", "", "Logo"]
    V.update_photo(db, clear.id, "Logo kantor")
    V.remove_photo(db, clear.id)
    assert _count(db, Attachment) == 2
    V.remove_photo(db, elsewhere.id)
    assert _count(db, Attachment) == 2  # still used by the first visit


def test_oversized_and_non_image_files_are_refused(db, tmp_path):
    v = V.create_visit(db, draft())
    big = tmp_path / "besar.jpg"
    with big.open("wb") as fh:
        fh.truncate(16 * 1024 * 1024)
    text = tmp_path / "catatan.jpg"
    text.write_text("bukan gambar", encoding="utf-8")
    broken = tmp_path / "rusak.png"
    broken.write_bytes(_photo(tmp_path / "ok.png", (50, 50)).read_bytes()[:60])
    expected = {big: "photo.too_large", text: "photo.not_image", broken: "photo.not_image",
                tmp_path / "hilang.png": "import.file_missing"}  # fmt: skip
    for path, key in expected.items():
        with pytest.raises(InputRejected) as exc:
            V.attach_photo(db, v.id, path)
        assert exc.value.problems[0].key == key
    assert "16.0 MB" in exc_message(db, v.id, big)
    assert (_count(db, Attachment), _count(db, VisitAttachment)) == (0, 0)


def exc_message(db, visit_id, path):
    with pytest.raises(InputRejected) as exc:
        V.attach_photo(db, visit_id, path)
    return exc.value.message("en")


def _register(db, settings, when, kind="baru", product="epaspor"):
    form = RegistrationForm(nik=NIK, name="Siti Aminah", birth_date=date(1990, 7, 15), sex="P", kind=kind,
                            product=product, validity_years=10)  # fmt: skip
    return register(db, settings, form, officer="petugas1", now=when)


def test_service_figures_from_the_office_records(db, settings):
    plan = {  # month -> (kind, product) list
        4: [("baru", "epaspor")] * 2 + [("penggantian", "epaspor")],
        5: [
            ("baru", "epaspor"),
            ("penggantian", "epaspor"),
            ("hilang", "epaspor"),
            ("baru", "biasa"),
        ],
        6: [("baru", "epaspor")] * 4 + [("rusak", "epaspor"), ("perubahan_data", "epaspor")],
    }
    for month, rows in plan.items():
        for n, (kind, product) in enumerate(rows):
            _register(db, settings, datetime(2024, month, 3 + n, 8, 0), kind, product)
    # Waiting time and no-shows come from the tickets: June's first three were called.
    with db.write() as s:
        june = s.scalars(
            select(Ticket).where(Ticket.ticket_date >= date(2024, 6, 1)).order_by(Ticket.id)
        ).all()
        for t, minutes in zip(june[:3], (10, 20, 30), strict=True):
            t.called_at = t.issued_at + timedelta(minutes=minutes)
        june[2].status = "no_show"
    figures = V.service_figures(db, OFFICE, [(2024, 4), (2024, 5), (2024, 6), (2024, 7)])
    apr, may, jun, jul = figures.months
    assert (apr.epaspor, may.epaspor, jun.epaspor) == (3, 3, 6)
    assert (
        apr.epaspor_growth is None
        and may.epaspor_growth == 0.0
        and jun.epaspor_growth == pytest.approx(1.0)
    )
    assert may.by_kind == {
        "baru": 2,
        "penggantian": 1,
        "hilang": 1,
        "rusak": 0,
        "perubahan_data": 0,
    }
    assert may.applications_total == 4 and apr.source == "database"
    assert jun.avg_wait_minutes == pytest.approx(20.0) and jun.no_show_rate == pytest.approx(1 / 3)
    assert apr.avg_wait_minutes is None and jun.queue_source == "database"
    assert (jul.epaspor, jul.source, jul.by_kind) == (None, "", {})
    # Aggregates only: no name or NIK anywhere in what the report gets.
    assert NIK not in repr(figures) and "SITI" not in repr(figures).upper()
    # The office's own records win over a stored aggregate for the same month.
    V.record_monthly_figure(db, OFFICE, 2024, 6, "epaspor_applications", 999, "import")
    assert V.service_figures(db, OFFICE, [(2024, 6)]).months[0].epaspor == 6


def test_service_figures_from_imported_aggregates(db):
    # The July 2024 visit's figures, as an office export would bring them to a laptop.
    for month, count in ((4, 126), (5, 186), (6, 294)):
        V.record_monthly_figure(db, OFFICE, 2024, month, "epaspor_applications", count, "import")
        V.record_monthly_figure(db, OFFICE, 2024, month, "applications_baru", count + 40, "import")
    V.record_monthly_figure(db, OFFICE, 2024, 6, "avg_wait_minutes", 17.5, "import")
    V.record_monthly_figure(db, OFFICE, 2024, 6, "avg_wait_minutes", 18.5, "import")  # replaces
    figures = V.service_figures(db, OFFICE, [(2024, 4), (2024, 5), (2024, 6)])
    apr, may, jun = figures.months
    assert (apr.epaspor, may.epaspor, jun.epaspor) == (126, 186, 294)
    assert may.epaspor_growth == pytest.approx(
        0.476, abs=1e-3
    ) and jun.epaspor_growth == pytest.approx(0.581, abs=1e-3)
    assert jun.by_kind == {"baru": 334} and jun.source == "import"
    assert (jun.avg_wait_minutes, jun.queue_source, jun.no_show_rate) == (18.5, "import", None)
    assert _count(db, MonthlyFigure) == 7
    for bad in (
        dict(metric="nama_pemohon"),
        dict(month=13),
        dict(value=-1),
        dict(source="internet"),
    ):
        args = dict(
            office_code=OFFICE,
            year=2024,
            month=6,
            metric="epaspor_applications",
            value=1,
            source="office",
        )
        args.update(bad)
        with pytest.raises(InputRejected):
            V.record_monthly_figure(db, **args)
    with pytest.raises(InputRejected):
        V.service_figures(db, OFFICE, [(2024, 0)])


def test_visit_list_and_detail_for_the_report(db, tmp_path):
    v = V.create_visit(db, draft())
    items = items_by_code(db, v.id)
    for code in ("SP.01", "SP.04", "SP.05"):
        V.save_answer(db, v.id, items[code].id, answer="ya")
    V.attach_photo(
        db, v.id, _photo(tmp_path / "a.png", (800, 600)), "Papan tarif", items["SP.04"].id
    )
    F.add_finding(db, v.id, F.FindingDraft("Sosialisasi e-Paspor belum rutin", priority="tinggi"))
    V.finalize_visit(db, v.id)
    [summary] = V.list_visits(db)
    assert (summary.id, summary.status, summary.total_score, summary.template_version) == (
        v.id,
        "final",
        100.0,
        1,
    )
    detail = V.visit_detail(db, v.id)
    assert detail.visit.finalized_at is not None and detail.visit.purposes == (
        "Memastikan pelayanan sesuai SOP",
    )
    assert (
        detail.score.total == 100.0
        and detail.score.answered == 3
        and detail.score.total_items == 70
    )
    assert (
        detail.attachments[0].caption == "Papan tarif" and detail.findings[0].priority == "tinggi"
    )
    assert V.list_visits(db, office_code="PALEMBANG") == []
    with pytest.raises(InputRejected):
        V.visit_detail(db, 12345)
    with db.write() as s:  # the findings of a finished visit still merge by UUID later
        s.execute(update(Finding).values(owner="Kasi Tikkim"))
    assert V.visit_detail(db, v.id).findings[0].owner == "Kasi Tikkim"


def test_template_can_change_only_while_nothing_points_at_its_items(db):
    from app.monev.templates import import_template

    other = import_template(db, "code: kecil\ntitle: Kecil\nsections:\n- code: A\n  title: A\n  items:\n"
                                "  - code: A.1\n    text: Satu\n")  # fmt: skip
    v = V.create_visit(db, draft())
    moved = V.update_visit(db, v.id, draft(template_id=other.id))
    assert (moved.template_code, moved.template_version) == ("kecil", 1)
    [item] = [i for _, i in V.visit_detail(db, v.id).template.items()]
    V.save_answer(db, v.id, item.id, answer="ya")
    with pytest.raises(InputRejected) as exc:
        V.update_visit(db, v.id, draft(template_id=v.template_id))
    assert exc.value.problems[0].key == "visit.template_change"
    V.finalize_visit(db, v.id)
    with pytest.raises(InputRejected):
        V.update_visit(db, v.id, draft(template_id=other.id, place="Lahat"))
