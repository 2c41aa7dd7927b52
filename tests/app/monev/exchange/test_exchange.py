"""Laptop ↔ office visit packages: round trip, idempotent re-import, conflicts kept as two, every bad file refused."""

import argparse
import json
import os
import zipfile
from datetime import date

import pytest
from sqlalchemy import create_engine, select, text

from app.cli.exchange import add_visit_exchange_commands
from app.db.engine import Database
from app.db.setup import init_database
from app.db.visit_models import ChecklistTemplate, Visit
from app.monev import findings as F
from app.monev import visits as V
from app.monev.exchange.package_file import MANIFEST, VISIT_JSON
from app.monev.exchange.visit_packages import export_visit, import_visit, visit_exchange_content
from app.monev.templates import import_template
from app.problems import InputRejected

from tests.app.monev.exchange.visit_samples import (
    OFFICE,
    make_visit,
    row_counts,
    stamps,
    tampered_package,
    truncated_package,
    visit_items,
)

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
    items = visit_items(office, first.visit_id)
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
    assert mine.answers[visit_items(laptop, visit.id)["SP.02"].id].answer == "ya"
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
    V.save_answer(laptop, visit.id, visit_items(laptop, visit.id)["SP.03"].id, answer="ya")
    V.save_answer(
        office, first.visit_id, visit_items(office, first.visit_id)["SP.03"].id, answer="tidak"
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
    assert copy.answers[visit_items(laptop, outcome.visit_id)["SP.03"].id].answer == "tidak"
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
    items = visit_items(db, visit.id)
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
    truncated_package(package, tmp_path / "cut.kanimvisit")
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
    from app.cli.entry import main

    laptop, office = two_sqlite
    visit = make_visit(laptop, tmp_path)
    package = tmp_path / "kunjungan.kanimvisit"
    assert main(["--db", laptop.url, "visit", "export", str(visit.id), "--out", str(package)]) == 0
    capsys.readouterr()
    assert main(["--db", office.url, "visit", "import", str(package), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["status"] == "imported"
    assert main(["--db", office.url, "--lang", "en", "visit", "import", str(package)]) == 0
    assert capsys.readouterr().out.startswith("unchanged: ")
    bad = tampered_package(package, tmp_path / "ubah.kanimvisit")
    assert main(["--db", office.url, "--lang", "en", "visit", "import", str(bad), "--json"]) == 2
    captured = capsys.readouterr()
    assert json.loads(captured.out)["status"] == "refused" and "SHA-256" in captured.err
