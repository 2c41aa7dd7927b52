"""Demo supervision visits: two finished visits, the second carrying the first's open findings, made once."""

import re
import subprocess
from datetime import date

from PIL import Image
from sqlalchemy import func, select

from app.db.visit_models import Attachment, Visit
from app.demo.scenes import SCENES, draw_scene
from app.demo.visits import DEMO_ORIGIN, generate_demo_visits
from app.monev import visits as V
from app.monev.report.builder import render_visit_pdf


def _visits(db) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(Visit))


def test_two_finished_visits_with_carried_findings_made_once(db, settings, tmp_path):
    # The figures cited at the July 2024 visit, as the office's records would give them.
    for month, count in ((4, 126), (5, 186), (6, 294)):
        V.record_monthly_figure(
            db, settings.office.code, 2024, month, "epaspor_applications", count
        )
    summary = generate_demo_visits(db, settings)
    assert summary["created"] == 2 and not summary["skipped"]
    july, february = (V.visit_detail(db, i) for i in summary["visits"])
    assert (july.visit.start_date, february.visit.start_date) == (
        date(2024, 7, 4),
        date(2025, 2, 12),
    )
    for d in (july, february):
        assert d.visit.status == "final" and d.visit.origin == DEMO_ORIGIN
        assert d.visit.office_code == settings.office.code
        assert d.score.answered == d.score.total_items == 70  # every item answered
        assert d.visit.team_leader.position == "Kepala Bidang Perizinan dan Informasi Keimigrasian"
        assert len(d.visit.team_leader.nip) == 18 and d.visit.team_leader.nip.isdigit()
        assert any(r.position.startswith("Kepala Kantor") for r in d.visit.office_reps)
    assert {"fasilitasi", "konsultasi", "monitoring", "evaluasi", "pemeriksaan_langsung"} == set(
        july.visit.supervision_types
    )
    assert february.score.total > july.score.total
    directions = " ".join(f.direction for f in july.findings)
    assert "Publikasikan layanan keimigrasian melalui media massa" in directions
    assert "Sosialisasikan e-Paspor; minat masih rendah namun meningkat" in directions
    assert any("April 2024: 126, Mei 2024: 186, Juni 2024: 294" in f.text for f in july.findings)
    assert all(f.owner for f in july.findings) and any(f.follow_ups for f in july.findings)
    # February opens with July's still-open findings; statuses then and now side by side.
    july_uuids = {f.uuid for f in july.findings}
    assert february.carried and {c.carried_from for c in february.carried} <= july_uuids
    assert all(c.status_then in ("terbuka", "dalam_proses") for c in february.carried)
    assert any(c.status_now == "diverifikasi" for c in february.carried)
    assert not any(f.status == "selesai" and f.uuid == c.carried_from  # closed findings stay behind
                   for f in july.findings for c in february.carried)  # fmt: skip
    assert len(july.attachments) == 4 and len(february.attachments) == 3
    assert all(a.item_id for a in july.attachments + february.attachments)
    # Made once: a second run adds nothing.
    again = generate_demo_visits(db, settings)
    assert again["skipped"] and again["created"] == 0 and again["visits"] == summary["visits"]
    assert _visits(db) == 2
    # The July report, read back.
    path = tmp_path / "july.pdf"
    path.write_bytes(render_visit_pdf(db, settings, july.visit.id))
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = re.sub(r"\s+", " ", text)
    assert "Muara Enim, 4 Juli 2024" in flat and "Kamis, 4 Juli 2024" in flat
    assert "Rachmat Hidayat, S.H., M.H." in flat and "Ferdinand Siregar, S.H., M.H." in flat
    assert "Foto 4." in flat and "LOKET PRIORITAS" not in flat  # photos are pictures, not text


def test_an_interrupted_run_is_made_again(sqlite_db, settings, tmp_path):
    stray = V.create_visit(sqlite_db, V.VisitDraft(settings.office.code, settings.office.name, date(2024, 7, 4),
                                                   origin=DEMO_ORIGIN))  # fmt: skip
    photo = tmp_path / "half.png"
    Image.new("RGB", (640, 480), (200, 30, 30)).save(photo)
    V.attach_photo(sqlite_db, stray.id, photo, "Setengah jadi")
    summary = generate_demo_visits(sqlite_db, settings)
    assert summary["created"] == 2 and _visits(sqlite_db) == 2
    assert stray.uuid not in {V.get_visit(sqlite_db, i).uuid for i in summary["visits"]}
    with sqlite_db.session() as s:  # photos of removed visits do not linger
        assert s.scalar(select(func.count()).select_from(Attachment)) == 7


def test_removing_a_half_made_demo_visit_keeps_a_picture_an_activity_shows(
    sqlite_db, settings, tmp_path
):
    from app.figures.activities import activity_photo, add_activity, set_activity_photo

    from tests.app.figures.test_activities import draft, photo_file

    stray = V.create_visit(sqlite_db, V.VisitDraft(settings.office.code, settings.office.name, date(2024, 7, 4),
                                                   origin=DEMO_ORIGIN))  # fmt: skip
    shared = photo_file(tmp_path)
    V.attach_photo(sqlite_db, stray.id, shared, "Setengah jadi")
    activity = set_activity_photo(
        sqlite_db, add_activity(sqlite_db, draft(office_code=settings.office.code)).id, shared
    )
    assert generate_demo_visits(sqlite_db, settings)["created"] == 2
    assert activity_photo(sqlite_db, activity.id) is not None
    with sqlite_db.session() as s:  # the demo's 7 photos and the activity's one
        assert s.scalar(select(func.count()).select_from(Attachment)) == 8


def test_no_demo_visits_beside_real_ones(sqlite_db, settings):
    V.create_visit(
        sqlite_db, V.VisitDraft(settings.office.code, settings.office.name, date(2025, 1, 6))
    )
    summary = generate_demo_visits(sqlite_db, settings)
    assert (
        summary["skipped"]
        and summary["created"] == 0
        and "sudah berisi kunjungan" in summary["reason"]
    )
    assert _visits(sqlite_db) == 1


def test_every_scene_draws(tmp_path):
    sizes = set()
    for name in SCENES:
        path = draw_scene(name, tmp_path / f"{name}.png")
        sizes.add(path.stat().st_size)
    assert len(sizes) == len(SCENES)  # different pictures, stored as different attachments
