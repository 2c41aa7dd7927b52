"""A mistyped database path or a bad address is refused by name — nothing is created, no
A-001 is handed out again — and only `kanimdesk init` or the default file makes a database."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.db.engine import Database
from app.db.faults import database_fault
from app.problems import InputRejected
from app.queue.tickets import issue_ticket

from tests.pii import assert_no_personal_data

KANIMDESK = str(Path(sys.executable).with_name("kanimdesk"))


def kanimdesk(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    result = subprocess.run([KANIMDESK, *args], capture_output=True, text=True, timeout=120,
                            env={**os.environ, **(env or {})})  # fmt: skip
    assert_no_personal_data(result.stdout + result.stderr)
    assert "Traceback" not in result.stderr and "sqlalche.me" not in result.stderr
    return result


def _point_at(how: str, url: str) -> tuple[list[str], dict[str, str]]:
    """The ways a user names the database: --db, KANIMDESK_DB, or db_url in the settings file."""
    if how == "--db":
        return ["--db", url], {}
    if how == "KANIMDESK_DB":
        return [], {"KANIMDESK_DB": url}
    folder = Path(os.environ["KANIMDESK_CONFIG_DIR"])
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "settings.toml").write_text(f'db_url = "{url}"\n', encoding="utf-8")
    return [], {}


@pytest.mark.parametrize("how", ["--db", "KANIMDESK_DB", "settings"])
@pytest.mark.parametrize("missing", ["file", "folder"])
def test_a_missing_database_is_refused_by_name_and_nothing_is_created(tmp_path, how, missing):
    share = tmp_path / "share" if missing == "folder" else tmp_path
    path = share / "kanimdesk.sqlite"
    url = f"sqlite:///{path}"
    where, env = _point_at(how, url)
    for command in (["ticket", "issue", "--service", "A"], ["import-appointments", "x.csv"]):
        result = kanimdesk("--lang", "en", *where, *command, env=env)
        assert result.returncode == 2, result.stderr
        assert result.stdout == ""
        assert str(path) in result.stderr
        expected = "does not exist" if missing == "file" else f"The folder {share} does not exist"
        assert expected in result.stderr and "kanimdesk init" in result.stderr
    check = kanimdesk("--lang", "en", *where, "check", "--json", env=env)
    assert check.returncode == 2
    report = json.loads(check.stdout)
    assert report["ok"] is False and report["fault"] in ("db.missing", "db.folder_missing")
    assert not list(tmp_path.rglob("kanimdesk.sqlite*"))
    assert share.exists() == (missing == "file")
    # `init` is how a new database is made; then the counter starts at A-001.
    assert kanimdesk(*where, "init", env=env).returncode == 0
    assert kanimdesk(*where, "ticket", "issue", "--service", "A", env=env).stdout == "A-001\n"


def test_the_default_database_is_made_where_it_belongs(tmp_path):
    default = Path(os.environ["KANIMDESK_DATA_DIR"]) / "kanimdesk.sqlite"
    assert not default.exists()
    assert kanimdesk("ticket", "issue", "--service", "A").stdout == "A-001\n"
    assert default.exists()


def test_a_file_that_vanishes_while_open_is_not_made_again(tmp_path, settings):
    """A share unmounted under a running program: the next connection refuses, by name."""
    path = tmp_path / "office.sqlite"
    assert kanimdesk("--db", f"sqlite:///{path}", "init").returncode == 0
    db = Database(f"sqlite:///{path}", create=False)
    issue_ticket(db, settings.office.code, "A")
    db.dispose()
    for leftover in tmp_path.glob("office.sqlite*"):
        leftover.unlink()
    with pytest.raises(Exception) as caught:
        issue_ticket(db, settings.office.code, "A")
    fault = database_fault(caught.value, db.url)
    assert fault is not None and fault.key == "db.missing"
    assert str(path) in fault.message("en")
    assert not path.exists()
    db.dispose()


def test_a_missing_file_is_refused_when_opened_without_create(tmp_path):
    with pytest.raises(InputRejected) as caught:
        Database(f"sqlite:///{tmp_path / 'typo.sqlite'}", create=False)
    assert caught.value.problems[0].key == "db.missing"
    assert not (tmp_path / "typo.sqlite").exists()


BAD_ADDRESSES = [
    ("sqlite:////etc/passwd/x.sqlite", "/etc/passwd is a file, not a folder", "bukan folder"),
    ("postgresql://u@localhost:54x/db", "must be a number (it is 54x)", "harus berupa angka"),
    ("mysql://u@localhost/db", '"mysql" is not one of them', "bukan salah satunya"),
    ("postgresql://u@127.0.0.1:1/db?connect_timeout=abc", "not valid (connect_timeout)", "opsi yang tidak valid"),
    ("TEXT", "is not a KanimDesk database", "bukan basis data KanimDesk"),
]  # fmt: skip


@pytest.mark.parametrize("url,english,indonesian", BAD_ADDRESSES,
                         ids=["file-as-folder", "port", "mysql", "connect_timeout", "text-file"])  # fmt: skip
def test_a_bad_address_gets_a_reason_in_the_users_language_and_exit_2(
    tmp_path, url, english, indonesian
):
    place = tmp_path / "place"
    place.mkdir()
    if url == "TEXT":
        notes = place / "notes.txt"
        notes.write_text("Daftar antrean hari ini\n", encoding="utf-8")
        url = f"sqlite:///{notes}"
    before = sorted(p.name for p in place.iterdir())
    en = kanimdesk("--lang", "en", "--db", url, "ticket", "issue", "--service", "A")
    assert en.returncode == 2 and english in en.stderr, en.stderr
    assert indonesian in kanimdesk("--db", url, "ticket", "issue", "--service", "A").stderr
    check = kanimdesk("--lang", "en", "--db", url, "check", "--json")
    assert check.returncode == 2 and english in json.loads(check.stdout)["problems"][0]
    assert sorted(p.name for p in place.iterdir()) == before  # nothing written beside it
