"""Every bad visit package is refused with a clear reason and the office database untouched."""

import json
import os
import shutil
import warnings
import zipfile

import pytest

from app.config import Settings
from app.db.engine import Database
from app.db.setup import init_database
from app.monev.exchange.package_file import MANIFEST, VISIT_JSON, sha256_hex
from app.monev.exchange.visit_packages import export_visit, import_visit
from app.problems import InputRejected

from tests.app.monev.exchange.visit_samples import (
    make_visit,
    package_parts,
    rezip,
    row_counts,
    tampered_package,
    truncated_package,
)


def _fix_manifest(parts, **changes):
    manifest = json.loads(parts[MANIFEST])
    manifest["parts"] = [
        {"path": n, "sha256": sha256_hex(d), "size": len(d)}
        for n, d in parts.items()
        if n != MANIFEST
    ]
    manifest.update(changes)
    parts[MANIFEST] = json.dumps(manifest).encode()
    return parts


def _with_extra(name, data=b"x", listed=True):
    def build(src, dst):
        parts = package_parts(src)
        parts[name] = data
        return rezip(dst, _fix_manifest(parts) if listed else parts)

    return build


def _symlink(src, dst):
    parts = package_parts(src)
    link = zipfile.ZipInfo(next(n for n in parts if n.startswith("attachments/")))
    link.external_attr = 0o120777 << 16
    return rezip(dst, parts, {link.filename: link})


def _oversized(src, dst):
    data = b"\xff\xd8" + bytes(15 * 1024 * 1024)  # one byte past the 15 MB limit
    return _with_extra(f"attachments/{sha256_hex(data)}.jpg", data)(src, dst)


def _bomb(src, dst):
    parts = package_parts(src)
    doc = json.loads(parts[VISIT_JSON])
    doc["visit"]["basis"] = " " * (8 * 1024 * 1024)
    parts[VISIT_JSON] = json.dumps(doc).encode()
    return rezip(dst, _fix_manifest(parts))


def _foreign(src, dst):
    return rezip(dst, {"readme.txt": b"laporan", "data/visit.json": b"{}"})


def _newer(src, dst):
    return rezip(dst, _fix_manifest(package_parts(src), format_version=2))


def _other_format(src, dst):
    return rezip(dst, _fix_manifest(package_parts(src), format="kanimdesk-figures"))


def _missing_photo(src, dst):
    parts = package_parts(src)
    del parts[next(n for n in parts if n.startswith("attachments/"))]
    return rezip(dst, parts)


def _not_an_image(src, dst):
    parts = package_parts(src)
    name = next(n for n in parts if n.startswith("attachments/"))
    fake = b"GIF89a not a photo" * 10
    del parts[name]
    parts[f"attachments/{sha256_hex(fake)}.jpg"] = fake
    return rezip(dst, _fix_manifest(parts))


def _visit_json_edit(edit):
    def build(src, dst):
        parts = package_parts(src)
        doc = json.loads(parts[VISIT_JSON])
        edit(doc)
        parts[VISIT_JSON] = json.dumps(doc).encode()
        return rezip(dst, _fix_manifest(parts))

    return build


def _set(path, value):
    def edit(doc):
        target = doc
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return edit


def _duplicate_name(src, dst):
    parts = package_parts(src)
    with warnings.catch_warnings(), zipfile.ZipFile(rezip(dst, parts), "a") as zf:
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate we want
        zf.writestr(VISIT_JSON, parts[VISIT_JSON])
    return dst


def _too_many_photos(src, dst):
    parts = package_parts(src)
    for n in range(501):
        parts[f"attachments/{sha256_hex(str(n).encode())}.jpg"] = b"x"
    return rezip(dst, _fix_manifest(parts))


def _huge_visit_json(src, dst):
    parts = package_parts(src)
    parts[VISIT_JSON] = os.urandom(5_300_000).hex().encode()  # 10.6 MB that does not compress
    return rezip(dst, _fix_manifest(parts))


REFUSALS = {
    "tampered byte": (tampered_package, "exchange.hash_mismatch"),
    "truncated": (truncated_package, "exchange.not_zip"),
    "not a zip": (lambda src, dst: (dst.write_text("bukan zip"), dst)[1], "exchange.not_zip"),
    "../ path": (_with_extra("../evil", listed=False), "exchange.unsafe_path"),
    "nested ../ path": (_with_extra("attachments/../../evil.jpg", listed=False), "exchange.unsafe_path"),
    "absolute path": (_with_extra("/etc/evil", listed=False), "exchange.unsafe_path"),
    "backslash path": (_with_extra("attachments\\evil.jpg", listed=False), "exchange.unsafe_path"),
    "drive letter": (_with_extra("C:/evil.jpg", listed=False), "exchange.unsafe_path"),
    "symlink": (_symlink, "exchange.link"),
    "duplicate name": (_duplicate_name, "exchange.duplicate_part"),
    "too many photos": (_too_many_photos, "exchange.too_many_attachments"),
    "visit.json too large": (_huge_visit_json, "exchange.part_too_large"),
    "unknown part": (_with_extra("notes.txt"), "exchange.unsafe_path"),
    "unlisted part": (_with_extra("attachments/" + "0" * 64 + ".jpg", listed=False), "exchange.unlisted_part"),
    "missing part": (_missing_photo, "exchange.missing_part"),
    "oversized attachment": (_oversized, "exchange.part_too_large"),
    "compression bomb": (_bomb, "exchange.bomb"),
    "foreign zip": (_foreign, "exchange.no_manifest"),
    "newer format": (_newer, "exchange.newer_version"),
    "other format": (_other_format, "exchange.format"),
    "not an image": (_not_an_image, "exchange.not_image"),
    "edited content, manifest redone": (_visit_json_edit(_set(["visit", "place"], "Palembang")), "exchange.content_hash"),
    "unknown priority": (_visit_json_edit(lambda d: d["findings"][0].update(priority="urgent")), "exchange.field_value"),
    "bad date": (_visit_json_edit(_set(["visit", "start_date"], "04/07/2024")), "exchange.field_type"),
    "unknown item": (_visit_json_edit(lambda d: d["answers"].update({"ZZ.99": d["answers"]["SP.01"]})), "exchange.unknown_item"),
    "answer not in set": (_visit_json_edit(lambda d: d["answers"]["SP.01"].update(answer="mungkin")), "exchange.field_value"),
    "unknown key": (_visit_json_edit(_set(["visit", "nik"], "1603015507900001")), "exchange.unknown_field"),
    "duplicate uuid": (_visit_json_edit(lambda d: d["findings"][1].update(uuid=d["findings"][0]["uuid"])), "exchange.duplicate_uuid"),
}  # fmt: skip


@pytest.fixture(scope="module")
def machines(tmp_path_factory):
    """A sound package from a laptop, and an initialised empty office database file to copy."""
    folder = tmp_path_factory.mktemp("machines")
    laptop = Database(f"sqlite:///{folder / 'laptop.sqlite'}")
    init_database(laptop, Settings())
    package = export_visit(laptop, make_visit(laptop, folder).id, folder / "asli.kanimvisit").path
    laptop.dispose()
    office = Database(f"sqlite:///{folder / 'office.sqlite'}")
    init_database(office, Settings())
    office.dispose()  # the last connection checkpoints the WAL into the file
    return package, folder / "office.sqlite"


@pytest.mark.parametrize("case", REFUSALS)
def test_bad_packages_are_refused_with_the_database_untouched(case, machines, tmp_path):
    sound_package, empty_office = machines
    build, key = REFUSALS[case]
    bad = build(sound_package, tmp_path / "rusak.kanimvisit")
    shutil.copy(empty_office, tmp_path / "office.sqlite")
    office = Database(f"sqlite:///{tmp_path / 'office.sqlite'}")
    before = row_counts(office)
    with pytest.raises(InputRejected) as exc:
        import_visit(office, bad)
    assert exc.value.problems[0].key == key, exc.value.message("en")
    assert "{" not in exc.value.message("id") and "{" not in exc.value.message("en")
    assert row_counts(office) == before
    assert import_visit(office, sound_package).status == "imported"  # the sound file still goes in
    office.dispose()
