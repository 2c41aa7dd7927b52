"""The printed visit report filled from a real database and read back with pdftotext."""

import re
import subprocess
from dataclasses import replace
from datetime import date, datetime

import pytest
from PIL import Image

from app.config import Settings
from app.desk.registration import RegistrationForm, register
from app.monev import findings as F
from app.monev import visits as V
from app.monev.report.builder import (
    SUPERVISING_DIVISION,
    build_visit_report_data,
    figure_months,
    render_visit_pdf,
)

OFFICE = "MUARAENIM"
NIK = "1603015507900001"


def _draft(settings, day, end=None, office=OFFICE, office_name=None, reps=None, **kw):
    return V.VisitDraft(
        office_code=office, office_name=office_name or settings.office.name, start_date=day, end_date=end,
        supervision_types=["fasilitasi", "monitoring", "pemeriksaan_langsung"],
        team=[V.TeamMember("Rina Oktaviani, S.H.", "198505052010122002", "Analis Keimigrasian"),
              V.TeamMember("Drs. Ahmad Fauzi", "197001011990031001", "Kepala Bidang Perizinan", "ketua")],
        office_reps=reps if reps is not None else [
            V.OfficeRep("Dewi Lestari", "Kepala Subseksi Lalu Lintas", "198801112010122002"),
            V.OfficeRep("Bambang Wijaya", "Kepala Kantor Imigrasi Muara Enim", "197808202002121001")],
        basis="Surat Tugas Nomor W6-123\n\n  Agenda monev 2024  ", purposes=["Memastikan pelayanan sesuai SOP"], **kw,
    )  # fmt: skip


def _items(db, visit_id):
    return {i.code: i for _, i in V.visit_detail(db, visit_id).template.items()}


def _register(db, settings, when, product="epaspor", kind="baru"):
    form = RegistrationForm(nik=NIK, name="Siti Aminah", birth_date=date(1990, 7, 15), sex="P", kind=kind,
                            product=product, validity_years=10)  # fmt: skip
    register(db, settings, form, officer="petugas1", now=when)


def _pdftext(pdf: bytes, folder, *options: str) -> str:
    path = folder / "report.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", *options, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def _read_back(pdf: bytes, folder) -> tuple[str, str]:
    """The page layout (for table rows) and the reading order with spaces folded (for phrases in cells)."""
    return _pdftext(pdf, folder, "-layout"), re.sub(r"\s+", " ", _pdftext(pdf, folder))


@pytest.fixture
def own_visit(db, settings, tmp_path):
    """A two-day July 2024 visit with answers, findings, a carried finding, a photo and office figures."""
    # The office's own records: e-Paspor 2, 3, 4 in April, May, June 2024 (+ ordinary passports).
    plan = {4: ["epaspor", "epaspor", "biasa"], 5: ["epaspor"] * 3, 6: ["epaspor"] * 4 + ["biasa"]}
    for month, products in plan.items():
        for n, product in enumerate(products):
            _register(db, settings, datetime(2024, month, 3 + n, 9, 0), product)
    earlier = V.create_visit(db, _draft(settings, date(2024, 1, 18)))
    old = F.add_finding(db, earlier.id, F.FindingDraft("Kursi roda belum tersedia", "Sediakan kursi roda",
                                                       "sedang", "Kasubbag TU", date(2024, 3, 31)))  # fmt: skip
    V.finalize_visit(db, earlier.id)
    F.add_follow_up(db, old.id, F.FollowUp(date(2024, 3, 1), "dalam_proses", "Pengadaan diusulkan"))
    v = V.create_visit(db, _draft(settings, date(2024, 7, 4), date(2024, 7, 5)))
    items = _items(db, v.id)
    V.save_answer(db, v.id, items["SP.01"].id, answer="ya", note="Papan di ruang tunggu")
    V.save_answer(db, v.id, items["SP.02"].id, answer="tidak")
    V.save_answer(db, v.id, items["SP.08"].id, answer="cukup_patuh")  # weight 2, half score
    V.save_answer(db, v.id, items["SP.03"].id, answer="na")
    V.save_answer(
        db, v.id, items["RHAM.01"].id, answer="tidak_ada", note="Belum ada loket prioritas"
    )
    V.save_answer(db, v.id, items["RHAM.02"].id, answer="ada")
    V.save_answer(db, v.id, items["IP.07"].id, number=3)
    V.save_answer(db, v.id, items["ZI.07"].id, text="Sabtu Melayani")
    F.add_finding(db, v.id, F.FindingDraft(
        "Publikasi media massa belum rutin", "Publikasikan layanan keimigrasian melalui media massa", "tinggi",
        "Kasi Tikkim", date(2024, 9, 30), items["IP.03"].id))  # fmt: skip
    F.add_finding(
        db, v.id, F.FindingDraft("Petugas ramah", "Pertahankan", "rendah", "Kepala Kantor")
    )
    [carried] = F.carried_findings(db, v.id)
    F.add_follow_up(
        db, carried.finding_id, F.FollowUp(date(2024, 7, 4), "selesai", "Dua kursi roda tersedia")
    )
    photo = tmp_path / "loket.png"
    Image.new("RGB", (800, 600), (20, 120, 80)).save(photo)
    V.attach_photo(db, v.id, photo, "Loket prioritas", items["RHAM.01"].id)
    return v


def test_report_data_comes_from_the_visit_and_the_settings(db, settings, own_visit):
    data = build_visit_report_data(db, settings, own_visit.id)
    assert data.supervising_office == settings.office.regional_office
    assert data.supervising_division == SUPERVISING_DIVISION
    assert (data.visited_office, data.visited_office_address) == (
        settings.office.name,
        settings.office.address,
    )
    assert (data.start_date, data.end_date, data.signed_on) == (
        date(2024, 7, 4),
        date(2024, 7, 5),
        date(2024, 7, 5),
    )
    assert data.place == settings.office.city  # no place typed: the office's city
    assert data.basis == ["Surat Tugas Nomor W6-123", "Agenda monev 2024"]
    assert data.purposes == ["Memastikan pelayanan sesuai SOP"]
    assert data.supervision_types == ["fasilitasi", "monitoring", "pemeriksaan_langsung"]
    assert [(m.name, m.role) for m in data.team] == [
        ("Rina Oktaviani, S.H.", "Anggota"),
        ("Drs. Ahmad Fauzi", "Ketua Tim"),
    ]
    assert data.office_reps[1].position == "Kepala Kantor Imigrasi Muara Enim"
    assert (data.template_title, data.template_version) == (own_visit.template_title, 1)
    assert data.visit_number.startswith("MONEV/MUARAENIM/20240704/")
    # Scores: SP = (1 + 0 + 2×0,5) / 4; RHAM fails on its critical item and counts 0 in the total.
    sections = {s.code: s for s in data.sections}
    assert sections["SP"].score == pytest.approx(50.0) and not sections["SP"].failed
    assert sections["RHAM"].failed and sections["RHAM"].score == pytest.approx(
        100 / 3
    )  # RHAM.01 weighs 2
    assert data.total_score == pytest.approx(V.visit_score(db, own_visit.id).total)
    assert data.total_score == pytest.approx((1 + 0 + 1) / (4 + 2 + 1) * 100)
    items = {i.code: i for s in data.sections for i in s.items}
    assert len(items) == 70
    assert (items["SP.01"].answer_label, items["SP.01"].note, items["SP.01"].score) == (
        "Ya",
        "Papan di ruang tunggu",
        100.0,
    )
    assert (items["SP.08"].answer_label, items["SP.08"].score) == ("Cukup Patuh", 50.0)
    assert (items["SP.03"].answer_label, items["SP.03"].score) == ("N.A.", None)
    assert items["RHAM.01"].critical and items["RHAM.01"].failed and items["RHAM.01"].score == 0.0
    assert (items["IP.07"].answer_label, items["IP.07"].score) == ("3", None)
    assert items["ZI.07"].answer_label == "Sabtu Melayani" and items["SP.04"].answer_label == ""
    # The visit's own findings; the carried one is in the follow-up chapter only.
    assert [(f.number, f.ref, f.owner, f.priority, f.due_date) for f in data.findings] == [
        (1, "IP.03", "Kasi Tikkim", "tinggi", date(2024, 9, 30)),
        (2, "", "Kepala Kantor", "rendah", None),
    ]
    [prev] = data.previous_findings
    assert (prev.text, prev.original_visit_date, prev.original_status, prev.current_status) == (
        "Kursi roda belum tersedia",
        date(2024, 1, 18),
        "dalam_proses",
        "selesai",
    )
    assert (prev.owner, prev.due_date, prev.last_note) == (
        "Kasubbag TU",
        date(2024, 3, 31),
        "Dua kursi roda tersedia",
    )
    [photo] = data.photos
    assert photo.jpeg[:2] == b"\xff\xd8" and photo.caption == "Loket prioritas (RHAM.01)"
    # Signatures: the team leader (role ketua), and the head among the representatives met.
    assert (data.leader.name, data.leader.nip) == ("Drs. Ahmad Fauzi", "197001011990031001")
    assert (data.office_head.name, data.office_head.nip) == ("Bambang Wijaya", "197808202002121001")


def test_figures_are_the_six_months_before_the_visit(db, settings, own_visit):
    assert figure_months(date(2024, 7, 4)) == [(2024, m) for m in range(1, 7)]
    assert figure_months(date(2025, 2, 12), 3) == [(2024, 11), (2024, 12), (2025, 1)]
    figures = build_visit_report_data(db, settings, own_visit.id).figures
    assert [(m.year, m.month) for m in figures.months] == [(2024, m) for m in range(1, 7)]
    apr, may, jun = figures.months[3:]
    assert (apr.epaspor, may.epaspor, jun.epaspor) == (2, 3, 4)
    assert figures.months[0].epaspor is None and apr.growth_pct is None
    assert may.growth_pct == pytest.approx(50.0) and jun.growth_pct == pytest.approx(100 / 3)
    assert apr.applications_by_kind["baru"] == 3 and jun.no_show_rate is None
    assert figures.source_note == "data aplikasi KanimDesk kantor (agregat, tanpa NIK dan nama)"
    assert NIK not in repr(figures) and "SITI" not in repr(figures).upper()


def test_printed_report_holds_scores_findings_figures_and_signatures(
    db, settings, own_visit, tmp_path
):
    settings = replace(settings, office=replace(settings.office, head_name="Hendra Saputra, S.H.",
                                                head_nip="197912122003121001"))  # fmt: skip
    text, flat = _read_back(render_visit_pdf(db, settings, own_visit.id), tmp_path)
    total = V.visit_score(db, own_visit.id).total
    assert f"{total:.1f}".replace(".", ",") in text and "50,0" in text  # Indonesian decimal comma
    assert "GAGAL (butir kritis)" in text
    assert "Publikasikan layanan keimigrasian melalui media massa" in flat
    assert "Kasi Tikkim" in text and "30 September 2024" in flat and "Butir IP.03" in text
    assert "Kursi roda belum tersedia" in flat and "Diverifikasi" not in text and "Selesai" in text
    assert re.search(r"e-Paspor\s+–\s+–\s+–\s+2\s+3\s+4\b", text)
    assert "3 (+50,0%) → 4 (+33,3%)" in flat
    assert "Sumber data: data aplikasi KanimDesk kantor" in flat
    # Two-day visit: signed on its last day; the office head from the settings at the own office.
    assert (
        "Muara Enim, 5 Juli 2024" in text and "Kamis, 4 Juli 2024 s.d. Jumat, 5 Juli 2024" in flat
    )
    assert "Drs. Ahmad Fauzi" in text and "NIP. 197001011990031001" in text
    assert "Hendra Saputra, S.H." in text and "NIP. 197912122003121001" in text
    assert "Foto 1. Loket prioritas (RHAM.01)" in flat
    pages = int(re.search(r"Halaman 1 dari (\d+)", text).group(1))
    assert text.count("dari " + str(pages)) == pages


def test_english_report(db, settings, own_visit, tmp_path):
    data = build_visit_report_data(db, settings, own_visit.id, lang="en")
    items = {i.code: i for s in data.sections for i in s.items}
    assert (data.lang, items["SP.01"].answer_label, items["RHAM.01"].answer_label) == (
        "en",
        "Yes",
        "Absent",
    )
    assert data.team[1].role == "Team leader"
    _layout, text = _read_back(render_visit_pdf(db, settings, own_visit.id, lang="en"), tmp_path)
    assert "Page 1 of" in text and "Muara Enim, 5 July 2024" in text


def test_visit_to_another_office_uses_its_own_name_imported_figures_and_a_blank_head(
    db, settings, tmp_path
):
    for month, count in ((4, 126), (5, 186), (6, 294)):
        V.record_monthly_figure(
            db, "PALEMBANG", 2024, month, "epaspor_applications", count, "import"
        )
    name = "Kantor Imigrasi Kelas I TPI Palembang"
    v = V.create_visit(db, _draft(settings, date(2024, 7, 10), office="PALEMBANG", office_name=name,
                                  reps=[V.OfficeRep("Yusuf", "Kasi Lantaskim")], place="Palembang"))  # fmt: skip
    data = build_visit_report_data(db, settings, v.id)
    assert (data.visited_office, data.visited_office_address, data.place) == (name, "", "Palembang")
    assert [m.epaspor for m in data.figures.months][-3:] == [126, 186, 294]
    assert data.figures.source_note == "berkas data agregat yang diimpor"
    assert data.figures.months[-1].growth_pct == pytest.approx(58.06, abs=0.01)
    # "Kasi" is not "Kepala": a line to sign by hand under the head of the visited office.
    assert (data.office_head.name, data.office_head.position) == ("", f"Kepala {name}")
    text, _flat = _read_back(render_visit_pdf(db, settings, v.id), tmp_path)
    assert "Palembang, 10 Juli 2024" in text and "(......" in text
    # Nothing known about an office: the report says so instead of a table of dashes.
    other = V.create_visit(
        db, _draft(Settings(), date(2024, 7, 11), office="LAHAT", office_name="Kanim Lahat")
    )
    assert build_visit_report_data(db, settings, other.id).figures.months == []
