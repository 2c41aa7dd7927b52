"""The office's service figures as a file of aggregates: export, privacy, checked import, idempotence."""

import argparse
import json
import re
import shutil
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from app.cli.exchange import add_figures_commands
from app.config import Settings
from app.db.engine import Database
from app.db.models import Ticket
from app.db.setup import init_database
from app.db.visit_models import MonthlyFigure
from app.desk.registration import RegistrationForm, register
from app.figures.figures_file import export_figures, import_figures_file
from app.monev.exchange.package_file import canonical_json, sha256_hex
from app.monev.visits import service_figures
from app.problems import InputRejected

OFFICE = "MUARAENIM"
MONTHS = [(2024, 4), (2024, 5), (2024, 6)]
PEOPLE = [("1603015507900001", "Siti Aminah", "P"), ("1603011203850002", "Budi Santoso", "L"),
          ("1603014410920003", "Rahmawati", "P")]  # fmt: skip


def _register(db, settings, when, n, kind, product):
    nik, name, sex = PEOPLE[n % len(PEOPLE)]
    day = int(nik[6:8]) - (40 if sex == "P" else 0)
    form = RegistrationForm(nik=nik, name=name, birth_date=date(1900 + int(nik[10:12]), int(nik[8:10]), day),
                            sex=sex, kind=kind, product=product, validity_years=10)  # fmt: skip
    register(db, settings, form, officer="petugas1", now=when)


@pytest.fixture
def office(db, settings):
    """The office database with April–June 2024 applications and June's queue."""
    plan = {
        4: [("baru", "epaspor")] * 3 + [("penggantian", "biasa")],
        5: [
            ("baru", "epaspor"),
            ("penggantian", "epaspor"),
            ("hilang", "epaspor"),
            ("baru", "biasa"),
        ],
        6: [("baru", "epaspor")] * 4 + [("rusak", "epaspor"), ("perubahan_data", "epaspor")],
    }
    n = 0
    for month, rows in plan.items():
        for k, (kind, product) in enumerate(rows):
            _register(db, settings, datetime(2024, month, 3 + k, 8, 0), n, kind, product)
            n += 1
    with db.write() as s:
        june = s.scalars(
            select(Ticket).where(Ticket.ticket_date >= date(2024, 6, 1)).order_by(Ticket.id)
        ).all()
        for t, minutes in zip(june[:4], (10, 20, 30, 25), strict=True):
            t.called_at = t.issued_at + timedelta(minutes=minutes)
        june[3].status = "no_show"
    return db


@pytest.fixture
def laptop(tmp_path, settings):
    empty = Database(f"sqlite:///{tmp_path / 'laptop.sqlite'}")
    init_database(empty, settings)
    yield empty
    empty.dispose()


def _figures(db):
    return {(m.year, m.month): (m.epaspor, m.applications_total, m.by_kind, m.avg_wait_minutes, m.no_show_rate)
            for m in service_figures(db, OFFICE, MONTHS).months}  # fmt: skip


def _rows(db):
    with db.session() as s:
        return sorted(
            (f.year, f.month, f.metric, f.value, f.source, f.updated_at)
            for f in s.scalars(select(MonthlyFigure))
        )


def test_figures_travel_to_an_empty_laptop(office, laptop, tmp_path):
    out = tmp_path / "angka.kanimfigures.json"
    assert export_figures(office, OFFICE, (2024, 4), (2024, 6), out) == 3
    raw = out.read_text(encoding="utf-8")
    doc = json.loads(raw)
    assert doc["format"] == "kanimdesk-figures" and doc["format_version"] == 1
    assert doc["office"] == {"code": OFFICE, "name": "Kantor Imigrasi Kelas II Non-TPI Muara Enim"}
    assert [m["epaspor_applications"] for m in doc["months"]] == [3, 3, 6]
    assert [m["tickets_issued"] for m in doc["months"]] == [4, 4, 6]
    # Aggregates only: no NIK, no 16-digit number, no applicant's name anywhere.
    assert not re.search(r"\b\d{16}\b", raw)
    for nik, name, _sex in PEOPLE:
        assert nik not in raw and name.upper() not in raw.upper()
        assert all(part.upper() not in raw.upper() for part in name.split())

    assert _figures(laptop)[(2024, 5)][0] is None
    result = import_figures_file(laptop, out)
    assert (result.months, result.office_code) == (
        3,
        OFFICE,
    ) and result.metrics == result.changed > 0
    assert _figures(laptop) == _figures(office)
    assert [m.epaspor for m in service_figures(laptop, OFFICE, MONTHS).months] == [3, 3, 6]
    assert service_figures(laptop, OFFICE, MONTHS).months[2].source == "import"

    before = _rows(laptop)
    again = import_figures_file(laptop, out)
    assert again.changed == 0 and again.metrics == result.metrics and _rows(laptop) == before


def _rewrite(src, dst, edit, rehash=True):
    doc = json.loads(src.read_text(encoding="utf-8"))
    edit(doc)
    if rehash:
        doc["sha256"] = sha256_hex(canonical_json({k: v for k, v in doc.items() if k != "sha256"}))
    dst.write_text(json.dumps(doc), encoding="utf-8")
    return dst


BAD_FILES = {
    "tampered value": (lambda d: d["months"][0].update(epaspor_applications=126), False, "figures_file.hash"),
    "other format": (lambda d: d.update(format="kanimdesk-visit"), True, "figures_file.format"),
    "newer version": (lambda d: d.update(format_version=2), True, "figures_file.newer_version"),
    "month syntax": (lambda d: d["months"][0].update(month="April 2024"), True, "figures_file.field"),
    "month 13": (lambda d: d["months"][0].update(month="2024-13"), True, "figures_file.field"),
    "negative count": (lambda d: d["months"][0].update(applications_total=-4), True, "figures_file.field"),
    "rate above one": (lambda d: d["months"][0].update(no_show_rate=1.5), True, "figures_file.field"),
    "unknown kind": (lambda d: d["months"][0]["applications_by_kind"].update(nama="Siti"), True, "figures_file.field"),
    "e-Paspor above total": (lambda d: d["months"][0].update(epaspor_applications=99), True, "figures_file.field"),
    "month twice": (lambda d: d["months"].append(d["months"][0]), True, "figures_file.month_twice"),
    "per-person rows": (lambda d: d["months"][0].update(applicants=[{"nik": "1603015507900001"}]), True, "figures_file.field"),
}  # fmt: skip


@pytest.fixture(scope="module")
def sound_file(tmp_path_factory):
    """A figures file from an office with one April application, and an empty laptop database file."""
    folder = tmp_path_factory.mktemp("figures")
    source = Database(f"sqlite:///{folder / 'office.sqlite'}")
    init_database(source, Settings())
    _register(source, Settings(), datetime(2024, 4, 3, 8), 0, "baru", "epaspor")
    export_figures(source, OFFICE, (2024, 4), (2024, 6), folder / "sound.json")
    source.dispose()
    empty = Database(f"sqlite:///{folder / 'laptop.sqlite'}")
    init_database(empty, Settings())
    empty.dispose()
    return folder / "sound.json", folder / "laptop.sqlite"


@pytest.mark.parametrize("case", BAD_FILES)
def test_bad_figures_files_are_refused(case, sound_file, tmp_path):
    edit, rehash, key = BAD_FILES[case]
    sound, empty = sound_file
    shutil.copy(empty, tmp_path / "laptop.sqlite")
    target = Database(f"sqlite:///{tmp_path / 'laptop.sqlite'}")
    with pytest.raises(InputRejected) as exc:
        import_figures_file(target, _rewrite(sound, tmp_path / "bad.json", edit, rehash))
    assert exc.value.problems[0].key == key, exc.value.message("en")
    with target.session() as s:
        assert s.scalar(select(func.count()).select_from(MonthlyFigure)) == 0
    assert import_figures_file(target, sound).months == 1
    target.dispose()


def test_unreadable_files_and_bad_periods(sqlite_db, tmp_path):
    for content, key in ((b"\xff\xfe", "figures_file.not_json"), (b"[1, 2]", "figures_file.format"),
                         (b"{" * 5, "figures_file.not_json"), (b" " * 1_100_000, "figures_file.too_large")):  # fmt: skip
        path = tmp_path / "x.json"
        path.write_bytes(content)
        with pytest.raises(InputRejected) as exc:
            import_figures_file(sqlite_db, path)
        assert exc.value.problems[0].key == key
    with pytest.raises(InputRejected) as exc:
        import_figures_file(sqlite_db, tmp_path / "hilang.json")
    assert exc.value.problems[0].key == "figures_file.unreadable"
    out = tmp_path / "out.json"
    for start, end, office, key in (((2024, 6), (2024, 4), OFFICE, "figures_file.period"),
                                    ((2014, 1), (2024, 6), OFFICE, "figures_file.period"),
                                    ((2024, 4), (2024, 6), "KANIMX", "figures_file.office_unknown"),
                                    ((2024, 4), (2024, 6), OFFICE, "figures_file.empty")):  # fmt: skip
        with pytest.raises(InputRejected) as exc:
            export_figures(sqlite_db, office, start, end, out)
        assert exc.value.problems[0].key == key
    assert not out.exists()


def _parser():
    p = argparse.ArgumentParser(prog="kanimdesk")
    handlers = add_figures_commands(p.add_subparsers(dest="command"))
    assert set(handlers) == {"export", "import-file", "import"}
    return p


def test_cli_figures_export_and_import(sqlite_db, settings, tmp_path, capsys):
    _register(sqlite_db, settings, datetime(2024, 5, 6, 9), 0, "baru", "epaspor")
    out = tmp_path / "angka.json"
    args = _parser().parse_args(
        ["figures", "export", "--from", "2024-04", "--to", "2024-06", "--out", str(out)]
    )
    assert args.handler(args, settings, "id", sqlite_db) == 0 and out.exists()
    args = _parser().parse_args(["figures", "import-file", str(out), "--json"])
    target = Database(f"sqlite:///{tmp_path / 'laptop.sqlite'}")
    init_database(target, settings)
    capsys.readouterr()
    assert args.handler(args, settings, "en", target) == 0
    summary = json.loads(capsys.readouterr().out)
    assert (summary["status"], summary["months"], summary["office_code"]) == ("imported", 1, OFFICE)
    out.write_text(
        out.read_text().replace('"epaspor_applications": 1', '"epaspor_applications": 5')
    )
    args = _parser().parse_args(["figures", "import-file", str(out)])
    assert args.handler(args, settings, "en", target) == 2
    assert "fingerprint" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        _parser().parse_args(
            ["figures", "export", "--from", "2024-4", "--to", "2024-06", "--out", "x"]
        )
    target.dispose()


def test_kanimdesk_figures_commands(office, laptop, tmp_path, capsys):
    from app.cli.entry import main

    out = tmp_path / "angka.json"
    args = ["figures", "export", "--from", "2024-04", "--to", "2024-06", "--out", str(out)]
    assert main(["--db", office.url, *args]) == 0
    assert main(["--db", laptop.url, "figures", "import-file", str(out), "--json"]) == 0
    assert json.loads(capsys.readouterr().out.splitlines()[-1])["months"] == 3
    assert [m.epaspor for m in service_figures(laptop, OFFICE, MONTHS).months] == [3, 3, 6]
    assert main(["--db", laptop.url, "figures", "import-file", str(tmp_path / "hilang.json")]) == 2
