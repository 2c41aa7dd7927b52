"""`kanimdesk queue …`: every counter verb from the command line, exit 4 when nobody waits,
exit 2 with the reason for a refused verb or an unknown number."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

KANIMDESK = [str(Path(sys.executable).with_name("kanimdesk"))]


def run(url: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*KANIMDESK, "--db", url, *args], capture_output=True, text=True,
                          timeout=120)  # fmt: skip


@pytest.fixture
def url(db_url) -> str:
    assert run(db_url, "init").returncode == 0
    return db_url


def test_call_next_prints_the_number_and_exit_4_when_nobody_waits(url):
    empty = run(url, "queue", "call-next", "--counter", "2")
    assert empty.returncode == 4 and empty.stdout == ""
    assert "Tidak ada antrean menunggu" in empty.stderr and "loket 2" in empty.stderr
    assert run(url, "ticket", "issue", "--service", "A").stdout == "A-001\n"
    assert run(url, "ticket", "issue", "--service", "B", "--priority", "lansia").stdout == "B-001\n"
    only_a = run(url, "queue", "call-next", "--counter", "2", "--service", "a", "--json")
    assert only_a.returncode == 0, only_a.stderr
    called = json.loads(only_a.stdout)
    assert called["number"] == "A-001" and called["counter"] == "2" and called["status"] == "called"
    none_for_a = run(url, "--lang", "en", "queue", "call-next", "--counter", "2", "--service", "A")
    assert none_for_a.returncode == 4 and "Nobody is waiting for A (counter 2)" in none_for_a.stderr
    assert run(url, "queue", "call-next", "--counter", "3", "--service", "A,B").stdout == "B-001\n"


def test_every_verb_and_the_status(url):
    for service in ("A", "A", "C"):
        assert run(url, "ticket", "issue", "--service", service).returncode == 0
    assert run(url, "queue", "call-next", "--counter", "1").stdout == "A-001\n"
    assert run(url, "queue", "call-next", "--counter", "2").stdout == "A-002\n"
    steps = [
        ("recall", "A-001", "1", "called"),
        ("start", "A-001", "1", "serving"),
        ("finish", "A-001", "1", "done"),
        ("no-show", "A-002", "2", "no_show"),
        ("requeue", "A-002", "2", "waiting"),
    ]
    for verb, number, counter, status in steps:
        done = run(url, "queue", verb, number, "--counter", counter, "--json")
        assert done.returncode == 0, (verb, done.stderr)
        assert json.loads(done.stdout)["status"] == status, verb
    plain = run(url, "--lang", "en", "queue", "finish", "A-002", "--counter", "2")
    assert plain.returncode == 2  # waiting again: nothing to finish
    moved = run(url, "queue", "transfer", "A-001", "--to", "d", "--json")
    assert moved.returncode == 0, moved.stderr
    assert json.loads(moved.stdout) | {"id": 0} == {"number": "A-001", "id": 0, "status": "waiting",
        "service": "D", "priority": None, "counter": "1"}  # fmt: skip
    assert run(url, "queue", "call-next", "--counter", "4", "--service", "C").stdout == "C-001\n"

    status = run(url, "queue", "status", "--json")
    assert status.returncode == 0, status.stderr
    report = json.loads(status.stdout)
    assert report["waiting"] == {"A": 1, "B": 0, "C": 0, "D": 1}
    assert report["next"]["D"] == ["A-001"]
    assert report["serving"] == {"4": [{"number": "C-001", "status": "called", "service": "C"}]}
    words = run(url, "--lang", "en", "queue", "status")
    assert "Waiting: A: 1  B: 0  C: 0  D: 1" in words.stdout
    assert "Counter 4: C-001 (Called)" in words.stdout


REFUSALS = [
    (("queue", "finish", "A-009", "--counter", "1"), "A-009 tidak ditemukan"),
    (("queue", "recall", "A-001", "--counter", "1"), "A-001 berstatus Menunggu"),
    (("queue", "no-show", "nomor", "--counter", "1"), "Nomor antrean"),
    (("queue", "transfer", "A-001", "--to", "Z"), "Layanan Z tidak dikenal"),
    (("queue", "finish", "A-001"), "--counter"),
]


def test_refusals_exit_2_with_the_reason(url):
    assert run(url, "ticket", "issue", "--service", "A").returncode == 0
    for args, needle in REFUSALS:
        refused = run(url, *args)
        assert refused.returncode == 2, (args, refused.stderr)
        assert needle in refused.stderr and "Traceback" not in refused.stderr, args
        assert refused.stdout == ""


def test_the_walk_in_priority_quota_from_settings(url, tmp_path):
    config = Path(os.environ["KANIMDESK_CONFIG_DIR"])
    config.mkdir(parents=True, exist_ok=True)
    (config / "settings.toml").write_text("walk_in_priority_quota = 1\n", encoding="utf-8")
    assert run(url, "ticket", "issue", "--service", "A", "--priority", "lansia").returncode == 0
    refused = run(url, "ticket", "issue", "--service", "A", "--priority", "anak")
    assert refused.returncode == 2 and "(1)" in refused.stderr and "kuota" in refused.stderr.lower()
    assert run(url, "ticket", "issue", "--service", "A").stdout == "A-002\n"
