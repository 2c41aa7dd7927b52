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
