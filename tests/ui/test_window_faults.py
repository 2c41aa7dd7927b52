"""The window says database faults in the program's words too: a bad address or missing file
at start, a damaged file found after the first paint (writes refused), a lock's "busy,
retrying", a bad settings file (no window over defaults)."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest

from PySide6.QtWidgets import QApplication, QMessageBox

from app.config import Settings
from app.db.engine import Database
from app.db.faults import DatabaseFault
from app.db.models import Applicant
from app.db.setup import init_database
from app.queue.tickets import issue_ticket

from tests.pii import assert_no_personal_data
from ui.context import DeferredDatabase, DeskContext
from ui.main import _database_failed, check_soundness, run_gui
from ui.workers import TaskRunner

CODE = Settings().office.code


@pytest.fixture
def boxes(qapp, monkeypatch) -> dict[str, list]:
    """Message boxes and application exits, caught instead of shown."""
    caught: dict[str, list] = {"shown": [], "exit": []}
    monkeypatch.setattr(QMessageBox, "critical",
                        staticmethod(lambda _parent, _title, words, *a: caught["shown"].append(words)))  # fmt: skip
    monkeypatch.setattr(QApplication, "exit", lambda *args: caught["exit"].append(args[-1]))
    return caught


def open_in_window(url: str, boxes: dict[str, list]) -> DeskContext:
    """What run_gui does behind the window: open on the worker, then the soundness check."""
    db = DeferredDatabase(url, Settings())
    ctx = DeskContext(db, Settings(), runner=TaskRunner(synchronous=True), lang="en")
    ctx.runner.run(db.open, None, lambda exc: _database_failed(None, ctx, exc))
    check_soundness(None, ctx)
    for words in boxes["shown"]:
        assert_no_personal_data(words)
        assert "Traceback" not in words and "sqlalche.me" not in words
    return ctx


@pytest.mark.parametrize("url,english", [
    ("sqlite:////etc/passwd/x.sqlite", "/etc/passwd is a file, not a folder"),
    ("postgresql://u@localhost:54x/db", "must be a number (it is 54x)"),
    ("mysql://u@localhost/db", '"mysql" is not one of them'),
    ("postgresql://u@127.0.0.1:1/db?connect_timeout=abc", "not valid (connect_timeout)"),
    ("TEXT", "is not a KanimDesk database"),
    ("MISSING", "does not exist"),
], ids=["file-as-folder", "port", "mysql", "connect_timeout", "text-file", "missing"])  # fmt: skip
def test_a_bad_address_is_said_in_a_message_and_the_window_closes(tmp_path, boxes, url, english):
    if url == "TEXT":
        (tmp_path / "notes.txt").write_text("bukan basis data\n", encoding="utf-8")
        url = f"sqlite:///{tmp_path / 'notes.txt'}"
    if url == "MISSING":
        url = f"sqlite:///{tmp_path / 'typo.sqlite'}"
    open_in_window(url, boxes)
    assert len(boxes["shown"]) == 1 and english in boxes["shown"][0], boxes["shown"]
    assert boxes["exit"] == [2]
    assert not (tmp_path / "typo.sqlite").exists()


def test_the_default_database_is_made_by_the_window(boxes):
    default = Path(os.environ["KANIMDESK_DATA_DIR"]) / "kanimdesk.sqlite"
    ctx = open_in_window(f"sqlite:///{default}", boxes)
    assert boxes["shown"] == [] and default.exists()
    assert issue_ticket(ctx.db, CODE, "A").number == "A-001"


def test_a_damaged_file_is_said_after_start_and_every_write_is_refused(tmp_path, boxes):
    path = tmp_path / "office.sqlite"
    db = Database(f"sqlite:///{path}")
    init_database(db, Settings())
    stamp = datetime(2025, 1, 1)
    with db.write() as s:  # enough rows that the middle of the file is a table's page
        s.add_all(Applicant(citizenship="WNA", passport_no=f"X{i:07d}", nationality="MYS",
                            name=f"Tamu {i}", birth_date=date(1990, 1, 1), sex="L", married=False,
                            created_at=stamp, updated_at=stamp) for i in range(20000))  # fmt: skip
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    with path.open("r+b") as fh:
        fh.seek(path.stat().st_size // 2)
        fh.write(b"\xa5" * 2000)
    before = hashlib.sha256(path.read_bytes()).hexdigest()

    ctx = open_in_window(f"sqlite:///{path}", boxes)
    assert len(boxes["shown"]) == 1 and "is damaged" in boxes["shown"][0]
    assert "Restore the latest backup" in boxes["shown"][0] and boxes["exit"] == []
    failures: list[BaseException] = []
    ctx.run_op(lambda: issue_ticket(ctx.db, CODE, "A"), None, failures.append)
    assert len(failures) == 1 and isinstance(failures[0], DatabaseFault)
    banner = ctx.reason(failures[0])
    assert "is damaged" in banner and "log file" in banner
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_a_clash_reaches_the_banner_without_the_name_or_the_sql(sqlite_db, qapp):
    ctx = DeskContext(sqlite_db, Settings(), runner=TaskRunner(synchronous=True), lang="en")
    now = datetime(2025, 1, 2, 8)
    person = {"citizenship": "WNI", "nik": "1603011403880021", "birth_date": now.date(), "sex": "L",
              "married": False, "created_at": now, "updated_at": now}  # fmt: skip
    with sqlite_db.write() as s:
        s.add(Applicant(name="BUDI SANTOSO", **person))
    failures: list[BaseException] = []

    def clash() -> None:
        with sqlite_db.write() as s:
            s.add(Applicant(name="SITI AMINAH", **person))

    ctx.run_op(clash, None, failures.append)
    words = ctx.reason(failures[0])
    assert words.startswith("Another counter saved the same record")
    assert_no_personal_data(words, names=["Budi Santoso", "Siti Aminah"])
    assert "INSERT" not in words


def test_a_lock_is_retried_with_busy_in_the_status_line_then_explained(tmp_path, qtbot):
    path = tmp_path / "office.sqlite"
    db = Database(f"sqlite:///{path}")
    init_database(db, Settings())
    ctx = DeskContext(db, Settings(), runner=TaskRunner(), lang="en")  # a real worker thread
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    failures: list[BaseException] = []
    notices: list[str] = []
    ctx.busy.connect(notices.append)
    try:
        ctx.run_op(lambda: issue_ticket(db, CODE, "A"), None, failures.append)
        qtbot.waitUntil(lambda: bool(failures), timeout=30000)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert notices and "retrying (2 of 3)" in notices[0]
    words = ctx.reason(failures[0])
    assert "is held by another program and stayed locked" in words
    assert ctx.runner.wait()
    db.dispose()


@pytest.fixture
def keep_language():
    """run_gui sets the language of the whole process, as the window does: put it back."""
    from app.i18n import language, set_language

    before = language()
    yield
    set_language(before)


def test_a_bad_settings_file_shows_a_message_and_no_window(boxes, monkeypatch, keep_language):
    folder = Path(os.environ["KANIMDESK_CONFIG_DIR"])
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "settings.toml").write_text("slip_paper_mm = 81\n", encoding="utf-8")
    import ui.main_window

    monkeypatch.setattr(
        ui.main_window, "MainWindow", lambda *_a: pytest.fail("a window over defaults")
    )
    assert run_gui(lang="en") == 2
    assert len(boxes["shown"]) == 1 and "settings.toml, line 1" in boxes["shown"][0]
