"""`kanimdesk receipt NUMBER --out FILE.pdf`: the receipt as a file, the number as people and scanners
type it, and clear refusals for an unknown number or a path that cannot be written."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.cli.entry import main
from app.db.models import AuditLog
from app.desk.registration import register
from app.desk.registration_data import RegistrationForm
from app.i18n import text

from tests.pii import assert_no_personal_data

KANIMDESK = [str(Path(sys.executable).with_name("kanimdesk"))]
NIK = "1603015507900001"
NAME = "Siti Aminah"


def run(url: str, *args: str) -> subprocess.CompletedProcess:
    """The installed console script, as an administrator runs it."""
    return subprocess.run(
        [*KANIMDESK, "--db", url, *args], capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def kanimdesk(capsys):
    """The same command in this process (a second a call faster): returns (exit code, out, err)."""

    def call(url: str, *args: str) -> tuple[int, str, str]:
        code = main(["--db", url, *args])
        out = capsys.readouterr()
        return code, out.out, out.err

    return call


def pdf_text(path: Path) -> str:
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return " ".join(out.stdout.split())


@pytest.fixture
def app_id(db, settings) -> int:
    form = RegistrationForm(nik=NIK, name=NAME, birth_date=date(1990, 7, 15), sex="P",
                            documents={"ektp": True, "kk": True})  # fmt: skip
    return register(
        db, settings, form, officer="budi", now=datetime(2024, 7, 2, 9, 30)
    ).application_id


def receipts_saved(db) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).where(AuditLog.action == "receipt_saved")) or 0


def test_receipt_is_written_and_its_save_recorded(db, app_id, tmp_path):
    out = tmp_path / "out" / "receipt.pdf"
    result = run(db.url, "receipt", f"PMH-{app_id:07d}", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(out)
    words = pdf_text(out)
    assert "TANDA TERIMA PERMOHONAN PASPOR" in words and f"PMH-{app_id:07d}" in words
    assert "1603••••••••0001" in words and NIK not in words
    assert "Dicetak" in words and "oleh cli" in words
    assert_no_personal_data(result.stdout + result.stderr, names=[NAME])
    assert receipts_saved(db) == 1


@pytest.mark.parametrize("typed", ["pmh-{id}", "{id}", "  PMH-{id:07d} ", "PMH{id:07d}"])
def test_number_as_typed_or_scanned(db, app_id, tmp_path, typed, kanimdesk):
    out = tmp_path / "r.pdf"
    code, _out, err = kanimdesk(db.url, "receipt", typed.format(id=app_id), "--out", str(out))
    assert code == 0, err
    assert f"PMH-{app_id:07d}" in pdf_text(out)


@pytest.mark.parametrize("where", ["before", "after"])
def test_english_receipt_on_request(db, app_id, tmp_path, where, kanimdesk):
    out = tmp_path / "r.pdf"
    args = ["receipt", str(app_id), "--out", str(out)]
    args = ["--lang", "en", *args] if where == "before" else [*args, "--lang", "en"]
    code, _out, err = kanimdesk(db.url, *args)
    assert code == 0, err
    words = pdf_text(out)
    assert "PASSPORT APPLICATION RECEIPT" in words and "not paid yet" in words


def test_unknown_number_is_refused_with_exit_2(db, app_id, tmp_path, kanimdesk):
    out = tmp_path / "r.pdf"
    code, _out, err = kanimdesk(db.url, "receipt", "PMH-0999999", "--out", str(out))
    assert code == 2
    assert text("application.not_found", "id", number="PMH-0999999") in err
    assert "Traceback" not in err and not out.exists()


def test_not_a_number_is_refused_with_exit_2(db, tmp_path, kanimdesk):
    code, _out, err = kanimdesk(db.url, "receipt", "A-001", "--out", str(tmp_path / "r.pdf"))
    assert code == 2
    assert text("application.bad_number", "id") in err


def test_unwritable_path_is_explained_and_nothing_recorded(db, app_id, tmp_path, kanimdesk):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    out = blocker / "receipt.pdf"
    code, _out, err = kanimdesk(db.url, "receipt", str(app_id), "--out", str(out))
    assert code == 1
    assert f"Tidak dapat menulis {out}" in err
    assert "Traceback" not in err
    assert_no_personal_data(err, names=[NAME])
    assert receipts_saved(db) == 0
