"""A package carrying a photo that cannot be decoded is refused whole; the office database stays as it was."""

from __future__ import annotations

import pytest

from app.monev.exchange.visit_packages import export_visit, import_visit
from app.problems import InputRejected

from tests.app.monev.damaged_photos import garbage_png, passes_verify, smuggle_photo, truncated_jpeg
from tests.app.monev.exchange.visit_samples import make_visit, row_counts

DAMAGED = {"truncated JPEG": (truncated_jpeg, "image/jpeg", "jpg"),
           "garbage PNG": (garbage_png, "image/png", "png")}  # fmt: skip


@pytest.mark.parametrize("case", DAMAGED)
def test_a_package_with_a_damaged_photo_is_refused_with_the_database_untouched(
    db, sqlite_db, tmp_path, case
):
    make, mime, ext = DAMAGED[case]
    data = make()
    assert passes_verify(data)  # what the package check used to stop at
    laptop = sqlite_db
    visit = make_visit(laptop, tmp_path)
    # A laptop with an older KanimDesk stored it; its export carries it on.
    smuggle_photo(laptop, visit.id, data, mime, "Ruang arsip")
    package = export_visit(laptop, visit.id, tmp_path / "kunjungan.kanimvisit").path
    before = row_counts(db)
    with pytest.raises(InputRejected) as refused:
        import_visit(db, package)
    [problem] = refused.value.problems
    assert problem.key == "exchange.not_image"
    assert problem.params["path"].endswith(f".{ext}")
    assert "is not a valid JPEG/PNG image" in refused.value.message("en")
    assert "bukan gambar JPEG/PNG yang sah" in refused.value.message("id")
    assert row_counts(db) == before
