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
    # From now on every command that changes anything names its user.
    _stdin(monkeypatch, "rahasia-loket-22\n")
    code, _out, err = cli(capsys, url, "user", "add", "rina", "--role", "petugas_loket")
    assert code == 2 and "--user" in err
    monkeypatch.setenv("KANIMDESK_PASSWORD", "rahasia-kantor-1")
    _stdin(monkeypatch, "rahasia-loket-22\n")
    assert cli(capsys, url, "--user", "admin", "user", "add", "rina", "--role",
               "petugas_loket")[0] == 0  # fmt: skip
    code, out, _err = cli(capsys, url, "--user", "admin", "user", "list", "--json")
    assert [(u["username"], u["role"], u["active"]) for u in json.loads(out)] == [
        ("admin", "administrator", True), ("rina", "petugas_loket", True)]  # fmt: skip
    _stdin(monkeypatch, "kata-sandi-baru\n")
    assert cli(capsys, url, "--user", "admin", "user", "passwd", "rina")[:2] == (
        0, "Kata sandi rina sudah diganti.\n")  # fmt: skip
    assert authenticate(sqlite_db, "rina", "kata-sandi-baru").username == "rina"
    # One's own password, without the administrator's role.
    monkeypatch.setenv("KANIMDESK_PASSWORD", "kata-sandi-baru")
    _stdin(monkeypatch, "kata-sandi-rina\n")
    assert cli(capsys, url, "--user", "rina", "user", "passwd", "rina")[0] == 0
    monkeypatch.setenv("KANIMDESK_PASSWORD", "kata-sandi-rina")
    _stdin(monkeypatch, "x-x-x-x-x-x-x-x\n")
    code, _out, err = cli(capsys, url, "--user", "rina", "user", "passwd", "admin")
    assert code == 2 and "tidak boleh" in err
    monkeypatch.setenv("KANIMDESK_PASSWORD", "rahasia-kantor-1")
    assert cli(capsys, url, "--user", "admin", "user", "disable", "rina")[:2] == (
        0, "rina dinonaktifkan.\n")  # fmt: skip
    code, out, _err = cli(capsys, url, "--user", "admin", "user", "list")
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


def test_audit_list_filters_and_exports(sqlite_db, settings, capsys, tmp_path):
    import csv
    import json
    from datetime import datetime

    from tests.app.cli.test_application_cli import cli
    from tests.app.desk.walk_ins import register_walk_ins

    register_walk_ins(sqlite_db, settings, 2, datetime(2026, 11, 30, 9, 0))
    code, text, err = cli(capsys, sqlite_db.url, "audit", "list", "--action", "register",
                          "--json")  # fmt: skip
    rows = json.loads(text)
    assert (code, err, len(rows)) == (0, "", 2) and rows[0]["user"] == "desk"
    assert rows[0]["workstation"]
    code, text, err = cli(capsys, sqlite_db.url, "audit", "list", "--since", "2026-12-01",
                          "--action", "register")  # fmt: skip
    assert (code, text.strip()) == (0, "Tidak ada baris audit yang cocok.")
    code, text, err = cli(capsys, sqlite_db.url, "audit", "list", "--user", "desk")
    assert code == 0 and text.count("register") == 2
    out = tmp_path / "audit.csv"
    code, text, err = cli(capsys, sqlite_db.url, "audit", "list", "--csv", str(out))
    assert code == 0 and "ditulis" in text
    with out.open(encoding="utf-8-sig") as fh:
        table = list(csv.reader(fh))
    assert table[0][:3] == ["Waktu", "Pengguna", "Stasiun kerja"]
    assert sum(1 for r in table if r[4] == "register" and r[3] == "Pendaftaran") == 2
    code, _text, err = cli(capsys, sqlite_db.url, "audit", "list", "--since", "2026-13-01")
    assert code == 2 and "YYYY-MM-DD" in err


def test_once_accounts_exist_commands_name_a_user_whose_role_may(sqlite_db, capsys,
                                                                 monkeypatch, tmp_path):  # fmt: skip
    from app.admin.audit import audit_rows
    from app.admin.users import add_user

    url = sqlite_db.url
    add_user(sqlite_db, "admin", "Admin", "administrator", "rahasia-kantor-1")
    add_user(sqlite_db, "rina", "Rina", "petugas_loket", "rahasia-loket-22")
    tickets_before = len(audit_rows(sqlite_db, action="ticket_issue"))
    code, _out, err = cli(capsys, url, "ticket", "issue", "--service", "A")
    assert code == 2 and "--user" in err and "Tidak ada yang dilakukan" in err
    monkeypatch.setenv("KANIMDESK_PASSWORD", "salah-sekali")
    code, _out, err = cli(capsys, url, "--user", "rina", "ticket", "issue", "--service", "A")
    assert code == 2 and "salah" in err
    monkeypatch.delenv("KANIMDESK_PASSWORD")  # and stdin is no terminal: nobody to ask
    code, _out, err = cli(capsys, url, "--user", "rina", "ticket", "issue", "--service", "A")
    assert code == 2 and "KANIMDESK_PASSWORD" in err
    monkeypatch.setenv("KANIMDESK_PASSWORD", "rahasia-loket-22")
    code, _out, err = cli(capsys, url, "--user", "rina", "backup", "--out", str(tmp_path / "b"))
    assert code == 2 and "petugas_loket tidak boleh" in err and not (tmp_path / "b").exists()
    assert len(audit_rows(sqlite_db, action="ticket_issue")) == tickets_before
    code, out, err = cli(capsys, url, "--user", "rina", "ticket", "issue", "--service", "A")
    assert (code, err) == (0, "")
    assert audit_rows(sqlite_db, action="ticket_issue")[0].actor == "rina"
    # Nothing protected: no name needed.
    assert cli(capsys, url, "queue", "status")[0] == 0


def test_every_command_is_in_the_permission_table():
    import argparse

    from app.admin.roles import PERMISSIONS
    from app.cli.access import COMMAND_ACTIONS
    from app.cli.entry import build_parser

    def subs(parser):
        for a in parser._actions:
            if isinstance(a, argparse._SubParsersAction):
                return a.choices
        return {}

    names = set()
    for name, sp in subs(build_parser()).items():
        inner = subs(sp)
        names |= {f"{name} {v}" for v in inner} if inner else {name}
    names.discard("gui")
    assert sorted(names - set(COMMAND_ACTIONS)) == []
    assert {a for a in COMMAND_ACTIONS.values() if a} <= set(PERMISSIONS)
