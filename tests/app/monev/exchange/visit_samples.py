"""A realistic visit with answers, findings, follow-ups and photos, and row counts to compare databases."""

import zipfile
from datetime import date, timedelta

from PIL import Image
from sqlalchemy import func, select

from app.db.models import Base
from app.db.visit_models import Visit
from app.monev import findings as F
from app.monev import visits as V
from app.monev.exchange.package_file import VISIT_JSON

OFFICE = "MUARAENIM"


def sample_photo(path, colour, size=(640, 480)):
    im = Image.new("RGB", size, colour)
    for x in range(0, size[0], 37):
        im.paste((250, 200, 10), (x, 0, x + 9, size[1]))
    im.save(path, "PNG")
    return path


def visit_items(db, visit_id):
    return {i.code: i for _, i in V.visit_detail(db, visit_id).template.items()}


def make_visit(db, tmp_path, day=date(2024, 7, 4)):
    """A visit as a supervisor leaves it: answers, notes, findings with follow-up, two photos."""
    v = V.create_visit(db, V.VisitDraft(
        office_code=OFFICE, office_name="Kantor Imigrasi Kelas II Non-TPI Muara Enim", start_date=day,
        end_date=day + timedelta(days=1), supervision_types=["fasilitasi", "monitoring", "evaluasi"],
        team=[V.TeamMember("Drs. Ahmad Fauzi", "197001011990031001", "Kepala Bidang", "ketua"),
              V.TeamMember("Rina Oktaviani", "", "Analis Keimigrasian")],
        office_reps=[V.OfficeRep("Hendra Saputra", "Kepala Kantor")], basis="Surat Tugas W6.IMI-123",
        purposes=["Memastikan pelayanan sesuai SOP"], place="Muara Enim", origin="laptop-kanwil",
    ))  # fmt: skip
    items = visit_items(db, v.id)
    V.save_answer(db, v.id, items["SP.01"].id, answer="ya", note="Papan di ruang tunggu")
    V.save_answer(db, v.id, items["SP.02"].id, answer="tidak")
    V.save_answer(db, v.id, items["RHAM.02"].id, answer="proses")
    V.save_answer(db, v.id, items["IP.07"].id, number=3)
    V.save_answer(db, v.id, items["ZI.07"].id, text="Layanan Sabtu")
    f1 = F.add_finding(db, v.id, F.FindingDraft("Maklumat pelayanan belum dipasang", "Pasang di loket", "tinggi",
                                                 "Kasubsi Lantaskim", day + timedelta(days=30), items["SP.02"].id))  # fmt: skip
    F.add_follow_up(
        db, f1.id, F.FollowUp(day + timedelta(days=2), "dalam_proses", "Sudah dicetak", "Hendra")
    )
    F.add_finding(
        db, v.id, F.FindingDraft("Sosialisasi e-Paspor perlu ditambah", priority="sedang")
    )
    V.attach_photo(
        db,
        v.id,
        sample_photo(tmp_path / "a.png", (30, 120, 200)),
        "Ruang tunggu",
        items["RHAM.02"].id,
    )
    V.attach_photo(db, v.id, sample_photo(tmp_path / "b.png", (200, 60, 60)), "Loket")
    return V.get_visit(db, v.id)


def row_counts(db):
    with db.session() as s:
        return {
            t.name: s.scalar(select(func.count()).select_from(t))
            for t in Base.metadata.sorted_tables
        }


def stamps(db):
    with db.session() as s:
        return sorted((v.uuid, v.updated_at) for v in s.scalars(select(Visit)))


# --- the round trip ---------------------------------------------------------------------


# --- packages changed on the way ---------------------------------------------------


def package_parts(path):
    with zipfile.ZipFile(path) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist()}


def rezip(dst, parts, infos=None):
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(infos.get(name, name) if infos else name, data)
    return dst


def tampered_package(src, dst):
    parts = package_parts(src)
    parts[VISIT_JSON] = parts[VISIT_JSON].replace(b"Muara Enim", b"Muara Enin", 1)
    return rezip(dst, parts)


def truncated_package(src, dst):
    data = src.read_bytes()
    dst.write_bytes(data[: len(data) * 2 // 3])
    return dst
