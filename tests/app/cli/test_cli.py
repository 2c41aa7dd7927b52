"""The `kanimdesk` command for administrators and scripts: numbers, slips, checks, and clear refusals."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

KANIMDESK = [str(Path(sys.executable).with_name("kanimdesk"))]


def run(*args: str, url: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*KANIMDESK, "--db", url, *args], capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def url(tmp_path) -> str:
    # Only `kanimdesk init` (or the default file) makes a database; other commands refuse a missing one.
    url = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    assert run("init", url=url).returncode == 0
    return url


def test_version():
    out = subprocess.run([*KANIMDESK, "--version"], capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.startswith("KanimDesk ")


def test_init_is_idempotent_and_check_is_sound(url):
    assert run("init", url=url).returncode == 0
    assert run("init", url=url).returncode == 0
    check = run("check", "--json", url=url)
    assert check.returncode == 0 and json.loads(check.stdout)["ok"] is True


def test_ticket_issue_prints_the_number_alone_and_slip_writes_a_pdf(url, tmp_path):
    assert run("ticket", "issue", "--service", "A", url=url).stdout == "A-001\n"
    assert (
        run("ticket", "issue", "--service", "a", "--priority", "lansia", url=url).stdout
        == "A-002\n"
    )
    out = tmp_path / "slip.pdf"
    result = run("slip", "A-002", "--out", str(out), url=url)
    assert result.returncode == 0, result.stderr
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True
    ).stdout
    assert "A-002" in text and "Lansia" in text


@pytest.mark.parametrize(
    "args,needle",
    [
        (("ticket", "issue", "--service", "Z"), "Layanan Z tidak dikenal"),
        (("slip", "A-999", "--out", "/tmp/x.pdf"), "A-999 tidak ditemukan"),
        (("slip", "hello", "--out", "/tmp/x.pdf"), "seperti A-001"),
        (("slip", "A-001", "--date", "2024-13-01", "--out", "/tmp/x.pdf"), "YYYY-MM-DD"),
        (("demo", "--applicants", "-5"), "positif"),
        (("import-appointments", "/no/such/file.csv"), "tidak ditemukan"),
    ],
)
def test_bad_arguments_get_a_reason_not_a_traceback(url, args, needle):
    result = run(*args, url=url)
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert needle in result.stderr
    assert "Traceback" not in result.stderr


def test_english_messages_on_request(url):
    result = run("--lang", "en", "ticket", "issue", "--service", "Z", url=url)
    assert result.returncode == 2 and "Unknown service Z" in result.stderr


def test_unreachable_database_is_explained():
    result = subprocess.run([*KANIMDESK, "--db", "postgresql://nobody@127.0.0.1:1/none", "check"],
                            capture_output=True, text=True, timeout=60)  # fmt: skip
    assert result.returncode != 0 and "Traceback" not in result.stderr


def test_unknown_database_kind_is_explained():
    result = subprocess.run([*KANIMDESK, "--db", "foo://x", "init"], capture_output=True, text=True)
    assert result.returncode == 2 and "Alamat basis data tidak valid" in result.stderr
