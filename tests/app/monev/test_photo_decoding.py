"""Photos are decoded to the last pixel on attach, not only checked by their headers."""

from __future__ import annotations

from datetime import date

import pytest

from app.monev import visits as V
from app.problems import InputRejected

from tests.app.monev.damaged_photos import garbage_png, passes_verify, truncated_jpeg
from tests.app.monev.exchange.visit_samples import OFFICE, row_counts, sample_photo

DAMAGED = {
    "truncated JPEG": (truncated_jpeg, "loket.jpg"),
    "garbage PNG": (garbage_png, "loket.png"),
}


def _visit(db):
    return V.create_visit(db, V.VisitDraft(office_code=OFFICE, office_name="Kantor Imigrasi Muara Enim",
                                           start_date=date(2024, 7, 4)))  # fmt: skip


@pytest.mark.parametrize("case", DAMAGED)
def test_a_damaged_photo_is_refused_on_attach_and_nothing_is_written(db, tmp_path, case):
    make, name = DAMAGED[case]
    data = make()
    assert passes_verify(data)  # the fault: Pillow's verify() alone lets it through
    v = _visit(db)
    path = tmp_path / name
    path.write_bytes(data)
    before = row_counts(db)
    with pytest.raises(InputRejected) as refused:
        V.attach_photo(db, v.id, path, "Loket")
    assert [p.key for p in refused.value.problems] == ["photo.not_image"]
    assert refused.value.message("en") == f"File {name} is not a readable image (JPEG, PNG, …)."
    assert row_counts(db) == before
    assert V.attach_photo(db, v.id, sample_photo(tmp_path / "baik.png", (20, 120, 80)), "Loket").id


def test_an_over_long_caption_is_refused_on_attach_and_on_edit(db, tmp_path):
    v = _visit(db)
    photo = sample_photo(tmp_path / "a.png", (20, 120, 80))
    before = row_counts(db)
    with pytest.raises(InputRejected) as refused:
        V.attach_photo(db, v.id, photo, "Ruang tunggu " * 40)
    assert [(p.key, p.field) for p in refused.value.problems] == [
        ("visit_attachment.caption.too_long", "caption")
    ]
    assert (
        refused.value.message("id") == "Keterangan foto terlalu panjang (519 karakter; maks. 500)."
    )
    assert row_counts(db) == before
    link = V.attach_photo(db, v.id, photo, "Ruang tunggu")
    with pytest.raises(InputRejected):
        V.update_photo(db, link.id, "x" * 501)
    assert V.visit_detail(db, v.id).attachments[0].caption == "Ruang tunggu"
