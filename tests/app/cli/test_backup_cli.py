"""`kanimdesk backup`: the file, its size and counts; refusals exit 2 with the reason."""

from __future__ import annotations

import json

from tests.app.cli.test_application_cli import cli


def test_backup_to_a_file_and_refusals(sqlite_db, capsys, tmp_path):
    out = tmp_path / "cadangan.sqlite"
    code, text, err = cli(capsys, sqlite_db.url, "backup", "--out", str(out))
    assert (code, err) == (0, "") and text.splitlines()[0] == str(out)
    assert "diperiksa: utuh" in text and out.stat().st_size > 0
    code, _text, err = cli(capsys, sqlite_db.url, "backup", "--out", str(out))
    assert code == 2 and "sudah ada" in err
    code, text, _err = cli(capsys, sqlite_db.url, "backup", "--out", str(tmp_path / "b.sqlite"),
                           "--json")  # fmt: skip
    assert code == 0 and json.loads(text)["counts"]["application"] == 0


def test_restore_shows_checks_asks_and_restores(sqlite_db, capsys, tmp_path, monkeypatch):
    from tests.app.figures.test_statistics import known_data

    known_data(sqlite_db)
    out = tmp_path / "kanimdesk-20261202-180000.sqlite"
    assert cli(capsys, sqlite_db.url, "backup", "--out", str(out))[0] == 0
    code, text, err = cli(capsys, sqlite_db.url, "restore", str(out), "--check")
    assert (code, err) == (0, "")
    assert "Dibuat: Rabu, 2 Desember 2026 pukul 18.00" in text
    assert "8 permohonan" in text and "pemeriksaan keutuhan: utuh" in text
    code, text, err = cli(capsys, sqlite_db.url, "restore", str(out))  # stdin is no terminal
    assert code == 2 and "--yes" in err and "Tidak ada yang dipulihkan" in err
    code, text, err = cli(capsys, sqlite_db.url, "restore", str(out), "--yes", "--json")
    assert (code, err) == (0, "")
    done = json.loads(text)
    assert done["counts"]["application"] == 8 and "replaced" in done["aside"]
    code, _text, err = cli(capsys, sqlite_db.url, "restore", str(tmp_path / "x.sqlite"), "--yes")
    assert code == 2 and "tidak ada" in err
