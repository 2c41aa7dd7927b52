"""Laptop ↔ office visit packages: round trip, idempotent re-import, conflicts kept as two, every bad file refused."""

import argparse
import json
import os
import shutil
import warnings
import zipfile
from datetime import date, timedelta

import pytest
from PIL import Image
from sqlalchemy import create_engine, func, select, text

from app.cli_exchange import add_visit_exchange_commands
from app.config import Settings
from app.db.engine import Database
from app.db.models import Base
from app.db.visit_models import ChecklistTemplate, Visit
from app.domain.problems import InputRejected
from app.services import findings as F
from app.services import visits as V
from app.services.exchange import export_visit, import_visit, visit_exchange_content
from app.services.exchange_package import MANIFEST, VISIT_JSON, sha256_hex
from app.services.setup import init_database
from app.services.templates import import_template

OFFICE = "MUARAENIM"


# --- two machines -------------------------------------------------------------------


@pytest.fixture
def office_db(db, tmp_path, settings):
    """A second database ("the office") on the same backend as `db` ("the laptop")."""
    if db.is_sqlite:
        url, drop = f"sqlite:///{tmp_path / 'office.sqlite'}", None
    else:
        pg = os.environ["KANIMDESK_TEST_PG"].replace("postgresql://", "postgresql+psycopg://")
        name = "kd_office_" + os.urandom(5).hex()
        admin = create_engine(pg, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        url = pg.rsplit("/", 1)[0] + "/" + name

        def drop():
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()

    office = Database(url)
    init_database(office, settings)
    yield office
    office.dispose()
    if drop:
        drop()


def _photo(path, colour, size=(640, 480)):
    im = Image.new("RGB", size, colour)
    for x in range(0, size[0], 37):
        im.paste((250, 200, 10), (x, 0, x + 9, size[1]))
    im.save(path, "PNG")
    return path


def _items(db, visit_id):
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
    items = _items(db, v.id)
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
        db, v.id, _photo(tmp_path / "a.png", (30, 120, 200)), "Ruang tunggu", items["RHAM.02"].id
    )
    V.attach_photo(db, v.id, _photo(tmp_path / "b.png", (200, 60, 60)), "Loket")
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


def test_round_trip_laptop_office_laptop(db, office_db, tmp_path):
    laptop, office = db, office_db
    visit = make_visit(laptop, tmp_path)
    out = export_visit(laptop, visit.id, tmp_path / "kunjungan.kanimvisit")
    assert out.photos == 2 and out.path.stat().st_size == out.size
    with zipfile.ZipFile(out.path) as zf:
        names = sorted(zf.namelist())
        manifest = json.loads(zf.read(MANIFEST))
    assert MANIFEST in names and VISIT_JSON in names
    assert sum(n.startswith("attachments/") for n in names) == 2
    assert manifest["format"] == "kanimdesk-visit" and manifest["format_version"] == 1
    assert {p["path"] for p in manifest["parts"]} == set(names) - {MANIFEST}

    first = import_visit(office, out.path, lang="en")
    assert first.status == "imported" and "imported as visit" in first.message
    assert visit_exchange_content(office, first.visit_id) == visit_exchange_content(
        laptop, visit.id
    )
    on_office = V.visit_detail(office, first.visit_id)
    assert on_office.visit.uuid == visit.uuid and len(on_office.attachments) == 2
    assert on_office.score.total == V.visit_score(laptop, visit.id).total

    # Importing the same file again changes nothing at all.
    before, when = row_counts(office), stamps(office)
    again = import_visit(office, out.path)
    assert (again.status, again.visit_id) == ("unchanged", first.visit_id)
    assert row_counts(office) == before and stamps(office) == when

    # The office edits an answer and follows a finding up, then sends it back.
    items = _items(office, first.visit_id)
    V.save_answer(office, first.visit_id, items["SP.02"].id, answer="ya", note="Sudah dipasang")
    finding = next(f for f in on_office.findings if f.priority == "tinggi")
    F.add_follow_up(
        office,
        finding.id,
        F.FollowUp(date(2024, 7, 20), "selesai", "Terpasang di loket 1", "Hendra"),
    )
    back = export_visit(office, first.visit_id, tmp_path / "kembali.kanimvisit")
    updated = import_visit(laptop, back.path)
    assert (updated.status, updated.visit_id) == ("updated", visit.id)
    assert visit_exchange_content(laptop, visit.id) == visit_exchange_content(
        office, first.visit_id
    )
    mine = V.visit_detail(laptop, visit.id)
    assert mine.answers[_items(laptop, visit.id)["SP.02"].id].answer == "ya"
    assert [x.status for f in mine.findings for x in f.follow_ups] == ["dalam_proses", "selesai"]

    # Re-import, and the older first file, both leave the laptop as it is.
    before, when = row_counts(laptop), stamps(laptop)
    assert import_visit(laptop, back.path).status == "unchanged"
    older = import_visit(laptop, out.path, lang="en")
    assert older.status == "unchanged" and "newer" in older.message
    assert row_counts(laptop) == before and stamps(laptop) == when


def test_edits_on_both_sides_are_kept_as_two(db, office_db, tmp_path):
    laptop, office = db, office_db
    visit = make_visit(laptop, tmp_path)
    first = import_visit(office, export_visit(laptop, visit.id, tmp_path / "1.kanimvisit").path)
    V.save_answer(laptop, visit.id, _items(laptop, visit.id)["SP.03"].id, answer="ya")
    V.save_answer(
        office, first.visit_id, _items(office, first.visit_id)["SP.03"].id, answer="tidak"
    )
    mine_before = visit_exchange_content(laptop, visit.id)
    theirs = export_visit(office, first.visit_id, tmp_path / "2.kanimvisit")

    outcome = import_visit(laptop, theirs.path, lang="en")
    assert (
        outcome.status == "conflict"
        and outcome.conflict_of == visit.id
        and outcome.visit_id != visit.id
    )
    assert f"#{visit.id}" in outcome.message and "Nothing was overwritten" in outcome.message
    assert visit_exchange_content(laptop, visit.id) == mine_before  # the original is intact
    copy = V.visit_detail(laptop, outcome.visit_id)
    assert copy.visit.conflict_of == visit.uuid and copy.visit.uuid != visit.uuid
    assert copy.answers[_items(laptop, outcome.visit_id)["SP.03"].id].answer == "tidak"
    assert len(copy.findings) == 2 and len(copy.attachments) == 2
    listed = {s.id: s.conflict_of for s in V.list_visits(laptop)}
    assert listed == {visit.id: None, outcome.visit_id: visit.uuid}
    # The copy's content is the office's, under new UUIDs.
    theirs_content = visit_exchange_content(office, first.visit_id)
    copy_content = visit_exchange_content(laptop, outcome.visit_id)
    assert copy_content["answers"] == theirs_content["answers"]
    assert [f["text"] for f in copy_content["findings"]] == [
        f["text"] for f in theirs_content["findings"]
    ]
    assert {f["uuid"] for f in copy_content["findings"]}.isdisjoint(
        f["uuid"] for f in theirs_content["findings"]
    )

    before = row_counts(laptop)
    again = import_visit(laptop, theirs.path)
    assert (again.status, again.visit_id) == ("unchanged", outcome.visit_id)
    assert row_counts(laptop) == before


def test_missing_template_version_is_recreated(db, office_db, tmp_path):
    yaml_text = (
        "code: monev-uji\nversion: 3\ntitle: Monev uji\nsections:\n"
        "  - code: A\n    title: Bagian A\n    items:\n"
        "      - {code: A.1, text: Papan informasi ada, answers: yn, weight: 2}\n"
        "      - {code: A.2, text: Jumlah loket, answers: number}\n"
    )
    template = import_template(db, yaml_text)
    visit = V.create_visit(
        db, V.VisitDraft(OFFICE, "Kanim Muara Enim", date(2024, 8, 1), template_id=template.id)
    )
    items = _items(db, visit.id)
    V.save_answer(db, visit.id, items["A.1"].id, answer="ya")
    V.save_answer(db, visit.id, items["A.2"].id, number=4)
    package = export_visit(db, visit.id, tmp_path / "uji.kanimvisit").path
    # The office holds another "monev-uji" v3 with different content.
    import_template(office_db, yaml_text.replace("Jumlah loket", "Jumlah loket aktif"))
    outcome = import_visit(office_db, package, lang="en")
    assert (
        outcome.status == "imported" and "Template monev-uji version 4 was added" in outcome.message
    )
    with office_db.session() as s:
        versions = sorted(
            s.scalars(
                select(ChecklistTemplate.version).where(ChecklistTemplate.code == "monev-uji")
            )
        )
    assert versions == [3, 4]
    got = V.visit_detail(office_db, outcome.visit_id)
    assert (got.visit.template_version, got.score.total) == (4, 100.0)
    assert import_visit(office_db, package).status == "unchanged"


# --- refusals -------------------------------------------------------------------------------


def _parts(path):
    with zipfile.ZipFile(path) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist()}


def _rezip(dst, parts, infos=None):
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(infos.get(name, name) if infos else name, data)
    return dst


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


def _tampered(src, dst):
    parts = _parts(src)
    parts[VISIT_JSON] = parts[VISIT_JSON].replace(b"Muara Enim", b"Muara Enin", 1)
    return _rezip(dst, parts)


def _truncated(src, dst):
    data = src.read_bytes()
    dst.write_bytes(data[: len(data) * 2 // 3])
    return dst


def _with_extra(name, data=b"x", listed=True):
    def build(src, dst):
        parts = _parts(src)
        parts[name] = data
        return _rezip(dst, _fix_manifest(parts) if listed else parts)

    return build


def _symlink(src, dst):
    parts = _parts(src)
    link = zipfile.ZipInfo(next(n for n in parts if n.startswith("attachments/")))
    link.external_attr = 0o120777 << 16
    return _rezip(dst, parts, {link.filename: link})


def _oversized(src, dst):
    data = b"\xff\xd8" + bytes(15 * 1024 * 1024)  # one byte past the 15 MB limit
    return _with_extra(f"attachments/{sha256_hex(data)}.jpg", data)(src, dst)


def _bomb(src, dst):
    parts = _parts(src)
    doc = json.loads(parts[VISIT_JSON])
    doc["visit"]["basis"] = " " * (8 * 1024 * 1024)
    parts[VISIT_JSON] = json.dumps(doc).encode()
    return _rezip(dst, _fix_manifest(parts))


def _foreign(src, dst):
    return _rezip(dst, {"readme.txt": b"laporan", "data/visit.json": b"{}"})


def _newer(src, dst):
    return _rezip(dst, _fix_manifest(_parts(src), format_version=2))


def _other_format(src, dst):
    return _rezip(dst, _fix_manifest(_parts(src), format="kanimdesk-figures"))


def _missing_photo(src, dst):
    parts = _parts(src)
    del parts[next(n for n in parts if n.startswith("attachments/"))]
    return _rezip(dst, parts)


def _not_an_image(src, dst):
    parts = _parts(src)
    name = next(n for n in parts if n.startswith("attachments/"))
    fake = b"GIF89a not a photo" * 10
    del parts[name]
    parts[f"attachments/{sha256_hex(fake)}.jpg"] = fake
    return _rezip(dst, _fix_manifest(parts))


def _visit_json_edit(edit):
    def build(src, dst):
        parts = _parts(src)
        doc = json.loads(parts[VISIT_JSON])
        edit(doc)
        parts[VISIT_JSON] = json.dumps(doc).encode()
        return _rezip(dst, _fix_manifest(parts))

    return build


def _set(path, value):
    def edit(doc):
        target = doc
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return edit


def _duplicate_name(src, dst):
    parts = _parts(src)
    with warnings.catch_warnings(), zipfile.ZipFile(_rezip(dst, parts), "a") as zf:
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate we want
        zf.writestr(VISIT_JSON, parts[VISIT_JSON])
    return dst


def _too_many_photos(src, dst):
    parts = _parts(src)
    for n in range(501):
        parts[f"attachments/{sha256_hex(str(n).encode())}.jpg"] = b"x"
    return _rezip(dst, _fix_manifest(parts))


def _huge_visit_json(src, dst):
    parts = _parts(src)
    parts[VISIT_JSON] = os.urandom(5_300_000).hex().encode()  # 10.6 MB that does not compress
    return _rezip(dst, _fix_manifest(parts))


REFUSALS = {
    "tampered byte": (_tampered, "exchange.hash_mismatch"),
    "truncated": (_truncated, "exchange.not_zip"),
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


@pytest.fixture
def two_sqlite(sqlite_db, tmp_path, settings):
    office = Database(f"sqlite:///{tmp_path / 'office2.sqlite'}")
    init_database(office, settings)
    yield sqlite_db, office
    office.dispose()


def test_a_package_whose_records_belong_to_another_visit_is_refused(two_sqlite, tmp_path):
    db, office_db = two_sqlite
    # The office's copy gets a new visit UUID (a damaged database, a hand edit) but keeps
    # its findings' UUIDs; the laptop must not let that file take its records away.
    visit = make_visit(db, tmp_path)
    on_office = import_visit(office_db, export_visit(db, visit.id, tmp_path / "1.kanimvisit").path)
    with office_db.write() as s:
        s.get(Visit, on_office.visit_id).uuid = "00000000-0000-4000-8000-000000000000"
    thief = export_visit(office_db, on_office.visit_id, tmp_path / "2.kanimvisit").path
    before = row_counts(db)
    with pytest.raises(InputRejected) as exc:
        import_visit(db, thief)
    assert exc.value.problems[0].key == "exchange.uuid_taken"
    assert row_counts(db) == before


# --- command line ---------------------------------------------------------------------------


def _parser():
    p = argparse.ArgumentParser(prog="kanimdesk")
    sub = p.add_subparsers(dest="command")
    visit = sub.add_parser("visit").add_subparsers(dest="visit_command", required=True)
    handlers = add_visit_exchange_commands(visit)
    assert set(handlers) == {"export", "import"}
    return p


def test_cli_visit_export_and_import(two_sqlite, tmp_path, settings, capsys):
    db, office_db = two_sqlite
    visit = make_visit(db, tmp_path)
    package = tmp_path / "cli.kanimvisit"
    args = _parser().parse_args(["visit", "export", str(visit.id), "--out", str(package)])
    assert args.handler(args, settings, "id", db) == 0 and package.exists()
    assert capsys.readouterr().out.strip() == str(package)
    args = _parser().parse_args(["visit", "import", str(package), "--json"])
    assert args.handler(args, settings, "en", office_db) == 0
    result = json.loads(capsys.readouterr().out)
    assert (
        result["status"] == "imported" and isinstance(result["visit_id"], int) and result["message"]
    )
    assert args.handler(args, settings, "en", office_db) == 0
    assert json.loads(capsys.readouterr().out)["status"] == "unchanged"
    _truncated(package, tmp_path / "cut.kanimvisit")
    args = _parser().parse_args(["visit", "import", str(tmp_path / "cut.kanimvisit")])
    assert args.handler(args, settings, "en", office_db) == 2
    captured = capsys.readouterr()
    assert "not a complete KanimDesk visit package" in captured.err and captured.out == ""
    args = _parser().parse_args(
        ["visit", "export", "999", "--out", str(tmp_path / "none.kanimvisit")]
    )
    assert (
        args.handler(args, settings, "en", db) == 2 and not (tmp_path / "none.kanimvisit").exists()
    )


def test_kanimdesk_visit_export_and_import_commands(two_sqlite, tmp_path, capsys):
    from app.cli import main

    laptop, office = two_sqlite
    visit = make_visit(laptop, tmp_path)
    package = tmp_path / "kunjungan.kanimvisit"
    assert main(["--db", laptop.url, "visit", "export", str(visit.id), "--out", str(package)]) == 0
    capsys.readouterr()
    assert main(["--db", office.url, "visit", "import", str(package), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["status"] == "imported"
    assert main(["--db", office.url, "--lang", "en", "visit", "import", str(package)]) == 0
    assert capsys.readouterr().out.startswith("unchanged: ")
    bad = _tampered(package, tmp_path / "ubah.kanimvisit")
    assert main(["--db", office.url, "--lang", "en", "visit", "import", str(bad), "--json"]) == 2
    captured = capsys.readouterr()
    assert json.loads(captured.out)["status"] == "refused" and "SHA-256" in captured.err
