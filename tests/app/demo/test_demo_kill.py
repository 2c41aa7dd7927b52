"""`kanimdesk demo` killed with SIGKILL in the middle of a batch leaves a sound database."""

from __future__ import annotations

import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

from app.db.engine import Database
from app.db.integrity import check_database


def kanimdesk() -> list[str]:
    script = Path(sys.executable).with_name("kanimdesk")
    if script.exists():
        return [str(script)]
    found = shutil.which("kanimdesk")
    return [found] if found else [sys.executable, "-m", "app.cli"]


def committed_batches(path: Path) -> int:
    try:
        with sqlite3.connect(path, timeout=0.1) as conn:
            return conn.execute(
                "SELECT count(*) FROM audit_log WHERE action = 'demo_batch'"
            ).fetchone()[0]
    except sqlite3.OperationalError:  # not created yet, or busy
        return 0


def writer_is_inside_a_batch(path: Path) -> bool:
    """True while the demo holds the write lock, i.e. has a batch transaction open."""
    conn = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError:
        return True
    else:
        conn.execute("ROLLBACK")
        return False
    finally:
        conn.close()


def test_sigkill_inside_a_batch_leaves_a_sound_database(tmp_path):
    path = tmp_path / "x.sqlite"
    url = f"sqlite:///{path}"
    proc = subprocess.Popen([*kanimdesk(), "--db", url, "demo", "--applicants", "20000"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        started_batches = None
        while time.monotonic() < deadline and proc.poll() is None:
            if committed_batches(path) >= 2:
                started_batches = started_batches or time.monotonic()
                # Aim for the middle of a transaction; on a loaded machine settle for any moment.
                if writer_is_inside_a_batch(path) or time.monotonic() - started_batches > 0.5:
                    break
            time.sleep(0.005)
        assert proc.poll() is None, "the demo finished before it could be killed"
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait(10)
    assert proc.returncode == -signal.SIGKILL

    check = subprocess.run(
        [*kanimdesk(), "--db", url, "check"], capture_output=True, text=True, timeout=60
    )
    assert check.returncode == 0, check.stdout + check.stderr
    db = Database(url)
    try:
        assert check_database(db).ok
    finally:
        db.dispose()
    with sqlite3.connect(path) as conn:
        batches = committed_batches(path)
        assert batches >= 2
        # Whole days only: every day's numbers run 1..n and its counter says n.
        numbers = defaultdict(list)
        for day, prefix, seq in conn.execute("SELECT ticket_date, prefix, sequence FROM ticket"):
            numbers[(day, prefix)].append(seq)
        counters = dict(((d, p), n) for d, p, n in conn.execute(
            "SELECT ticket_date, prefix, last FROM ticket_sequence"))  # fmt: skip
        assert counters == {k: len(v) for k, v in numbers.items()}
        assert all(sorted(v) == list(range(1, len(v) + 1)) for v in numbers.values())
        orphans = conn.execute(
            "SELECT count(*) FROM application a LEFT JOIN application_fee f ON f.application_id = a.id "
            "WHERE f.id IS NULL").fetchone()[0]  # fmt: skip
        assert orphans == 0
