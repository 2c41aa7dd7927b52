"""The publicity and socialisation log: stored, listed by period, refused with reasons, audited."""

from __future__ import annotations

import hashlib
import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import func, select

from app.changes import Changes, changes_of
from app.db.models import AuditLog
from app.db.visit_models import Attachment
from app.figures.activities import (
    ActivityDraft,
    activity_photo,
    add_activity,
    delete_activity,
    get_activity,
    list_activities,
    remove_activity_photo,
    set_activity_photo,
    update_activity,
)
from app.figures.activity_model import ActivityInfo
from app.problems import InputRejected

OFFICE = "MUARAENIM"


def draft(**over) -> ActivityDraft:
    values = {"office_code": OFFICE, "activity_date": date(2024, 5, 2), "kind": "radio",
              "title": "Talkshow layanan e-Paspor di RRI", "place": "RRI Palembang",
              "audience": 1200, "note": None, "officer": "Rina"}  # fmt: skip
    values.update(over)
    return ActivityDraft(**values)


def photo_file(tmp_path: Path, name: str = "foto.png", colour=(30, 120, 200)) -> Path:
    path = tmp_path / name
    Image.new("RGB", (640, 480), colour).save(path)
    return path


def audit_rows(db) -> list[tuple[str, str]]:
    with db.session() as s:
        rows = s.scalars(select(AuditLog).where(AuditLog.entity == "socialization_activity")
                         .order_by(AuditLog.id))  # fmt: skip
        return [(r.action, r.entity_id or "") for r in rows]


def test_add_list_update_delete(db):
    added = add_activity(db, draft(audience="1.250", place="  RRI Palembang  "))
    assert isinstance(added, ActivityInfo)
    assert changes_of(added) == Changes(activities=True)
    assert (added.office_code, added.kind, added.place, added.audience) == (
        OFFICE, "radio", "RRI Palembang", 1250
    )  # fmt: skip
    second = add_activity(db, draft(activity_date=date(2024, 4, 20), kind="social_media",
                                    title="Instagram: cara daftar M-Paspor", place="Instagram",
                                    audience=None))  # fmt: skip
    listed = list_activities(db, OFFICE)
    assert [a.id for a in listed] == [second.id, added.id]  # oldest first
    assert listed[1].title == "Talkshow layanan e-Paspor di RRI"

    changed = update_activity(db, added.id, draft(kind="face_to_face", title="Sosialisasi SMA 1",
                                                  place="SMA Negeri 1 Muara Enim", audience=""))  # fmt: skip
    assert changes_of(changed) == Changes(activities=True)
    again = get_activity(db, added.id)
    assert (again.kind, again.title, again.audience) == ("face_to_face", "Sosialisasi SMA 1", None)

    assert delete_activity(db, second.id, actor="budi") == Changes(activities=True)
    assert [a.id for a in list_activities(db, OFFICE)] == [added.id]
    assert audit_rows(db) == [("activity_add", str(added.id)), ("activity_add", str(second.id)),
                              ("activity_update", str(added.id)),
                              ("activity_delete", str(second.id))]  # fmt: skip
    with db.session() as s:
        details = [json.loads(r.detail) for r in s.scalars(select(AuditLog).where(
            AuditLog.entity == "socialization_activity"))]  # fmt: skip
    assert details[0] == {"date": "2024-05-02", "kind": "radio", "office": OFFICE}
    with db.session() as s:
        actors = list(s.scalars(select(AuditLog.actor).where(
            AuditLog.entity == "socialization_activity").order_by(AuditLog.id)))  # fmt: skip
    assert actors == ["Rina", "Rina", "Rina", "budi"]


def test_period_filter_and_other_office(db):
    for d in (date(2024, 3, 31), date(2024, 4, 1), date(2024, 4, 30), date(2024, 5, 1)):
        add_activity(db, draft(activity_date=d))
    april = list_activities(db, OFFICE, date(2024, 4, 1), date(2024, 4, 30))
    assert [a.activity_date for a in april] == [date(2024, 4, 1), date(2024, 4, 30)]
    assert len(list_activities(db, OFFICE, first=date(2024, 4, 30))) == 2
    assert len(list_activities(db, OFFICE, last=date(2024, 3, 31))) == 1
    assert list_activities(db, "LAHAT") == []


REASONS = [
    ({"activity_date": None}, "activity_date", "Tanggal kegiatan wajib diisi."),
    ({"activity_date": date.today() + timedelta(days=1)}, "activity_date",
     f"Tanggal {(date.today() + timedelta(days=1)):%d/%m/%Y} belum terjadi (di masa depan)."),
    ({"activity_date": date(1999, 12, 31)}, "activity_date",
     "Tanggal 31/12/1999 sebelum tahun 2000."),
    ({"kind": "tv"}, "kind", "Jenis kegiatan tidak dikenal: tv. Pilih salah satu: mass_media, "
     "social_media, radio, face_to_face, outreach."),
    ({"title": "   "}, "title", "Judul kegiatan wajib diisi."),
    ({"title": "J" * 201}, "title", "Judul terlalu panjang (201 karakter; maks. 200)."),
    ({"place": "P" * 201}, "place", "Tempat atau saluran terlalu panjang (201 karakter; maks. 200)."),
    ({"note": "N" * 2001}, "note", "Catatan terlalu panjang (2001 karakter; maks. 2000)."),
    ({"officer": "O" * 61}, "officer", "Nama petugas terlalu panjang (61 karakter; maks. 60)."),
    ({"audience": -1}, "audience",
     "Khalayak harus berupa jumlah orang (bilangan bulat, 0 atau lebih), bukan -1."),
    ({"audience": "banyak"}, "audience",
     "Khalayak harus berupa jumlah orang (bilangan bulat, 0 atau lebih), bukan banyak."),
    ({"audience": "12,5"}, "audience",
     "Khalayak harus berupa jumlah orang (bilangan bulat, 0 atau lebih), bukan 12,5."),
    ({"audience": "12.5"}, "audience",
     "Khalayak harus berupa jumlah orang (bilangan bulat, 0 atau lebih), bukan 12.5."),
    ({"kind": ""}, "kind", "Pilih jenis kegiatan."),
    ({"office_code": "LAHAT"}, "office_code", "Kantor LAHAT tidak ada di basis data ini."),
]  # fmt: skip


@pytest.mark.parametrize(("over", "field", "reason"), REASONS,
                         ids=[f"{r[1]}-{i}" for i, r in enumerate(REASONS)])  # fmt: skip
def test_each_reason_in_indonesian_and_nothing_stored(db, over, field, reason):
    with pytest.raises(InputRejected) as caught:
        add_activity(db, draft(**over))
    assert caught.value.by_field() == {field: reason}
    assert list_activities(db, OFFICE) == [] and audit_rows(db) == []


def test_all_reasons_at_once_in_english(db):
    with pytest.raises(InputRejected) as caught:
        add_activity(db, draft(activity_date=None, kind="", title="", audience="x"))
    assert caught.value.by_field("en") == {
        "activity_date": "The date of the activity is required.",
        "kind": "Choose the kind of activity.",
        "title": "The title of the activity is required.",
        "audience": "The audience must be a whole number of people, 0 or more (not x).",
    }


def test_update_refused_leaves_the_activity_as_it_was(db):
    a = add_activity(db, draft())
    with pytest.raises(InputRejected):
        update_activity(db, a.id, draft(title=""))
    assert get_activity(db, a.id).title == "Talkshow layanan e-Paspor di RRI"
    with pytest.raises(InputRejected) as caught:
        delete_activity(db, 9999)
    assert caught.value.message() == "Kegiatan 9999 tidak ditemukan."


def _attachments(db) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(Attachment)) or 0


def test_photo_stored_once_by_sha256_and_read_back(db, tmp_path):
    one = add_activity(db, draft())
    two = add_activity(db, draft(title="Sosialisasi desa"))
    png = photo_file(tmp_path)
    with_photo = set_activity_photo(db, one.id, png)
    assert changes_of(with_photo) == Changes(activities=True)
    jpeg = activity_photo(db, one.id)
    assert jpeg is not None and jpeg[:3] == b"\xff\xd8\xff"  # re-encoded as JPEG
    with db.session() as s:
        stored = s.get(Attachment, with_photo.attachment_id)
        assert stored is not None and stored.sha256 == hashlib.sha256(jpeg).hexdigest()
        assert (stored.width, stored.height, stored.mime) == (640, 480, "image/jpeg")
    same = set_activity_photo(db, two.id, png)  # the same picture for another activity
    assert same.attachment_id == with_photo.attachment_id and _attachments(db) == 1
    remove_activity_photo(db, one.id)
    assert activity_photo(db, one.id) is None and _attachments(db) == 1  # still used by two
    delete_activity(db, two.id)
    assert _attachments(db) == 0  # nobody uses it any more


def test_photo_given_with_a_new_activity_and_a_bad_photo_stores_nothing(db, tmp_path):
    a = add_activity(db, draft(), photo=photo_file(tmp_path))
    assert a.attachment_id is not None and activity_photo(db, a.id) is not None
    bad = tmp_path / "bukan-foto.jpg"
    bad.write_bytes(b"not an image at all")
    with pytest.raises(InputRejected) as caught:
        add_activity(db, draft(title="Lain"), photo=bad)
    assert caught.value.by_field() == {
        "photo": "Berkas bukan-foto.jpg bukan gambar yang dapat dibaca (JPEG, PNG, …)."
    }
    assert len(list_activities(db, OFFICE)) == 1
    replaced = set_activity_photo(db, a.id, photo_file(tmp_path, "b.png", (200, 10, 10)))
    assert replaced.attachment_id != a.attachment_id and _attachments(db) == 1


def test_update_replaces_or_removes_the_photo_in_the_same_write(db, tmp_path):
    a = add_activity(db, draft(), photo=photo_file(tmp_path))
    bad = tmp_path / "rusak.png"
    bad.write_bytes(photo_file(tmp_path, "utuh.png").read_bytes()[:200])  # cut short
    with pytest.raises(InputRejected) as caught:
        update_activity(db, a.id, draft(title="Judul baru"), photo=bad)
    assert set(caught.value.by_field()) == {"photo"}
    kept = get_activity(db, a.id)
    assert (kept.title, kept.attachment_id) == (a.title, a.attachment_id)  # nothing written
    other = update_activity(db, a.id, draft(title="Judul baru"),
                            photo=photo_file(tmp_path, "lain.png", (0, 0, 0)))  # fmt: skip
    assert other.attachment_id not in (None, a.attachment_id) and _attachments(db) == 1
    gone = update_activity(db, a.id, draft(title="Tanpa foto"), remove_photo=True)
    assert gone.attachment_id is None and _attachments(db) == 0
    assert [r[0] for r in audit_rows(db)] == ["activity_add", "activity_update", "activity_update"]
    assert add_activity(db, draft(audience="1.250.000")).audience == 1_250_000


def test_a_picture_shared_by_a_visit_and_an_activity_survives_removing_either(db, tmp_path):
    """One stored image may be a visit's evidence and an activity's photo at once: taking it
    off the visit must neither fail on the activity's reference nor delete its picture."""
    from app.monev import visits as V

    from tests.app.monev.test_visits import draft as visit_draft

    png = photo_file(tmp_path)
    visit = V.create_visit(db, visit_draft())
    link = V.attach_photo(db, visit.id, png, "Ruang tunggu")
    activity = set_activity_photo(db, add_activity(db, draft()).id, png)
    assert activity.attachment_id == link.attachment_id and _attachments(db) == 1
    V.remove_photo(db, link.id)
    assert activity_photo(db, activity.id) is not None and _attachments(db) == 1
    remove_activity_photo(db, activity.id)
    assert _attachments(db) == 0
