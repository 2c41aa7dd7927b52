"""`kanimdesk user …`: the password only from a prompt or standard input, refusals exit 2."""

from __future__ import annotations

import io
import json
import sys

from app.admin.users import authenticate

from tests.app.cli.test_application_cli import cli


def _stdin(monkeypatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))


def test_add_list_passwd_disable(sqlite_db, capsys, monkeypatch):
    url = sqlite_db.url
    code, out, err = cli(capsys, url, "user", "list")
    assert (code, err) == (0, "") and "Belum ada akun" in out
    _stdin(monkeypatch, "rahasia-kantor-1\n")
    code, out, err = cli(capsys, url, "user", "add", "Admin", "--role", "administrator",
                         "--full-name", "Budi Santoso")  # fmt: skip
    assert (code, out, err) == (0, "admin · Administrator\n", "")
    _stdin(monkeypatch, "rahasia-loket-22\n")
    assert cli(capsys, url, "user", "add", "rina", "--role", "petugas_loket")[0] == 0
    code, out, _err = cli(capsys, url, "user", "list", "--json")
    assert [(u["username"], u["role"], u["active"]) for u in json.loads(out)] == [
        ("admin", "administrator", True), ("rina", "petugas_loket", True)]  # fmt: skip
    _stdin(monkeypatch, "kata-sandi-baru\n")
    assert cli(capsys, url, "user", "passwd", "rina")[:2] == (0, "Kata sandi rina sudah diganti.\n")
    assert authenticate(sqlite_db, "rina", "kata-sandi-baru").username == "rina"
    assert cli(capsys, url, "user", "disable", "rina")[:2] == (0, "rina dinonaktifkan.\n")
    code, out, _err = cli(capsys, url, "user", "list")
    assert "rina" in out and "(nonaktif)" in out


def test_refusals_exit_2_with_a_reason(sqlite_db, capsys, monkeypatch):
    url = sqlite_db.url
    _stdin(monkeypatch, "pendek\n")
    code, out, err = cli(capsys, url, "user", "add", "rina", "--role", "petugas_loket")
    assert (code, out) == (2, "") and "paling sedikit 8 karakter" in err
    _stdin(monkeypatch, "")
    code, _out, err = cli(capsys, url, "user", "add", "rina", "--role", "petugas_loket")
    assert code == 2 and "Tidak ada kata sandi" in err
    code, _out, err = cli(capsys, url, "user", "add", "rina", "--role", "raja")
    assert code == 2 and "peran 'raja' tidak dikenal" in err
    code, _out, err = cli(capsys, url, "user", "disable", "siapa")
    assert code == 2 and "Tidak ada pengguna bernama siapa." in err
    code, _out, err = cli(capsys, url, "user", "add", "rina", "--role", "supervisor",
                          "--password", "x")  # fmt: skip
    assert code == 2 and "--password" in err  # a password is never an argument
    assert cli(capsys, url, "user", "list", "--json")[1].strip() == "[]"
