"""A visit report still prints when one stored photo cannot be decoded: a box says which one."""

from __future__ import annotations

import re
import subprocess
from datetime import date

from app.monev import visits as V
from app.monev.report.builder import render_visit_pdf

from tests.app.monev.damaged_photos import garbage_png, smuggle_photo, truncated_jpeg
from tests.app.monev.exchange.visit_samples import OFFICE, sample_photo


def _text(pdf: bytes, folder) -> str:
    path = folder / "laporan.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return re.sub(r"\s+", " ", out.stdout)


def test_a_bad_photo_already_stored_prints_as_a_named_placeholder(sqlite_db, settings, tmp_path):
    db = sqlite_db
    v = V.create_visit(db, V.VisitDraft(office_code=OFFICE, office_name=settings.office.name,
                                        start_date=date(2024, 7, 4)))  # fmt: skip
    V.attach_photo(db, v.id, sample_photo(tmp_path / "baik.png", (20, 120, 80)), "Loket prioritas")
    cut = smuggle_photo(db, v.id, truncated_jpeg(), "image/jpeg", "Ruang tunggu")
    garbage = smuggle_photo(db, v.id, garbage_png(), "image/png", "Papan informasi")

    text_id = _text(render_visit_pdf(db, settings, v.id, "id"), tmp_path)
    assert text_id.count("Foto tidak dapat dibaca") == 2
    assert f"Lampiran {cut}" in text_id and f"Lampiran {garbage}" in text_id
    assert "Foto 2. Ruang tunggu" in text_id and "Foto 3. Papan informasi" in text_id
    assert "Foto 1. Loket prioritas" in text_id  # the sound photo still prints

    text_en = _text(render_visit_pdf(db, settings, v.id, "en"), tmp_path)
    assert text_en.count("Photo cannot be read") == 2 and f"Attachment {cut}" in text_en
