"""The command line's last guard: a bad settings file and database faults are said in the
user's language with exit code 2 or 1 — never a traceback — and their detail is logged."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli.entry import main
from app.logs import log_file

from tests.pii import assert_no_personal_data

KANIMDESK = str(Path(sys.executable).with_name("kanimdesk"))


def kanimdesk(*args: str) -> subprocess.CompletedProcess:
    result = subprocess.run([KANIMDESK, *args], capture_output=True, text=True, timeout=120,
                            env=dict(os.environ))  # fmt: skip
    assert_no_personal_data(result.stdout + result.stderr)
    assert "Traceback" not in result.stderr
    return result


def _settings_file(body: str) -> Path:
    folder = Path(os.environ["KANIMDESK_CONFIG_DIR"])
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "settings.toml"
    path.write_text(body, encoding="utf-8")
    return path


@pytest.mark.parametrize("body,english", [
    ('language = "id"\nslip_paper_mm = 81\n', "line 2"),
    ('language = "id\n', "line 1"),
], ids=["bad-value", "bad-toml"])  # fmt: skip
def test_a_bad_settings_file_is_said_with_exit_2_and_opens_no_database(body, english):
    path = _settings_file(body)
    for command in (["ticket", "issue", "--service", "A"], ["check", "--json"], ["init"]):
        result = kanimdesk("--lang", "en", *command)
        assert result.returncode == 2, (command, result.stderr)
        assert str(path) in result.stderr and english in result.stderr
        assert result.stdout == ""
    # Nothing was opened over the defaults: no default database appeared.
    assert not (Path(os.environ["KANIMDESK_DATA_DIR"]) / "kanimdesk.sqlite").exists()
    indonesian = kanimdesk("ticket", "issue", "--service", "A")
    assert indonesian.returncode == 2 and "baris" in indonesian.stderr


def test_in_process_main_says_a_bad_settings_file_too(capsys):
    _settings_file("counter = [1, 2\n")
    assert main(["--lang", "en", "ticket", "issue", "--service", "A"]) == 2
    assert "settings.toml" in capsys.readouterr().err


def test_an_unexpected_error_names_the_log_file_not_a_traceback(tmp_path, capsys, monkeypatch):
    """Not a database fault: one line with the log file, the traceback in the log."""
    import app.queue.tickets as tickets

    def broken(*_args, **_kwargs):
        raise RuntimeError("counter 1603011403880021 on fire")

    url = f"sqlite:///{tmp_path / 'office.sqlite'}"
    assert main(["--db", url, "init"]) == 0
    monkeypatch.setattr(tickets, "issue_ticket", broken)
    assert main(["--lang", "en", "--db", url, "ticket", "issue", "--service", "A"]) == 1
    err = capsys.readouterr().err
    assert "RuntimeError" in err and str(log_file()) in err and "Traceback" not in err
    assert_no_personal_data(err)
    logged = log_file().read_text(encoding="utf-8")
    assert "Traceback" in logged and "on fire" in logged
    assert_no_personal_data(logged)
