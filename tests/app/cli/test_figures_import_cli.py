"""`kanimdesk figures import FILE.csv [--json] [--all-or-nothing] [--office CODE]`: the JSON a script
reads, exit 0 / 3 / 2, reasons in Indonesian by default and English with --lang en, no traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.cli.entry import main
from app.db.models import AuditLog
from app.db.visit_models import MonthlyFigure

KANIMDESK = [str(Path(sys.executable).with_name("kanimdesk"))]
SAMPLES = Path(__file__).resolve().parents[3] / "resources" / "samples"
SAMPLE = SAMPLES / "figures-history.csv"
BAD_SAMPLE = SAMPLES / "figures-history-bad.csv"
BAD_ROWS = list(range(3, 18))


@pytest.fixture
def kanimdesk(capsys):
    """The command in this process: returns (exit code, stdout, stderr)."""

    def call(url: str, *args: str) -> tuple[int, str, str]:
        code = main(["--db", url, *args])
        out = capsys.readouterr()
        assert "Traceback" not in out.err
        return code, out.out, out.err

    return call


def run(url: str, *args: str) -> subprocess.CompletedProcess:
    """The installed console script, as an administrator runs it."""
    return subprocess.run(
        [*KANIMDESK, "--db", url, *args], capture_output=True, text=True, timeout=120
    )


def _stored(db) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(MonthlyFigure)) or 0


def test_the_sample_prints_exactly_the_json_and_exits_0(db, kanimdesk):
    code, out, err = kanimdesk(db.url, "figures", "import", str(SAMPLE), "--json")
    assert (code, err) == (0, "")
    assert out == '{"imported": 84, "rejected": []}\n'
    assert _stored(db) == 84
    with db.session() as s:
        actor = s.scalar(select(AuditLog.actor).where(AuditLog.action == "import_history_figures"))
    assert actor == "cli"


def test_rejected_rows_exit_3_with_indonesian_reasons_by_default_and_english_on_request(
    db, kanimdesk
):
    code, out, _err = kanimdesk(db.url, "figures", "import", str(BAD_SAMPLE), "--json")
    result = json.loads(out)
    assert code == 3 and set(result) == {"imported", "rejected"} and result["imported"] == 2
    assert [r["row"] for r in result["rejected"]] == BAD_ROWS
    assert all(set(r) == {"row", "reason"} for r in result["rejected"])
    reasons = {r["row"]: r["reason"] for r in result["rejected"]}
    assert reasons[10] == "Nilai -3 negatif; jumlah tidak boleh kurang dari 0."
    assert reasons[15] == ("2023-01 epaspor_applicants sudah ada di baris 2; "
                           "setiap bulan dan metrik hanya boleh muncul sekali.")  # fmt: skip
    code, out, _err = kanimdesk(db.url, "--lang", "en", "figures", "import", str(BAD_SAMPLE),
                                "--json")  # fmt: skip
    english = {r["row"]: r["reason"] for r in json.loads(out)["rejected"]}
    assert code == 3 and english[12] == (
        "The value 1.234 has a thousands separator, which can be misread; "
        "write digits only (for example 1234)."
    )
    assert english[16] == "4 columns, expected 3."


def test_all_or_nothing_exits_3_and_stores_nothing(db, kanimdesk):
    code, out, _err = kanimdesk(db.url, "figures", "import", str(BAD_SAMPLE), "--json",
                                "--all-or-nothing")  # fmt: skip
    result = json.loads(out)
    assert code == 3 and result["imported"] == 0 and len(result["rejected"]) == 15
    assert _stored(db) == 0
    code, out, _err = kanimdesk(db.url, "figures", "import", str(SAMPLE), "--all-or-nothing")
    assert code == 0 and _stored(db) == 84


def test_the_human_summary_has_one_line_per_rejected_row(db, kanimdesk):
    code, out, _err = kanimdesk(db.url, "figures", "import", str(BAD_SAMPLE))
    lines = out.splitlines()
    assert code == 3
    assert lines[0] == (
        "Angka historis MUARAENIM: 2 disimpan (0 menggantikan nilai sebelumnya), 15 baris ditolak."
    )
    assert lines[1] == "Baris 3 ditolak — 2023-13 bukan bulan: nomor bulan harus 01–12."
    assert len(lines) == 16
    code, out, _err = kanimdesk(db.url, "--lang", "en", "figures", "import", str(BAD_SAMPLE),
                                "--all-or-nothing")  # fmt: skip
    assert out.splitlines()[0] == ("Historical figures for MUARAENIM: nothing stored, because "
                                   "15 rows rejected and --all-or-nothing was given.")  # fmt: skip
    code, out, _err = kanimdesk(db.url, "--lang", "en", "figures", "import", str(SAMPLE))
    assert (code, out) == (0, "Historical figures for MUARAENIM: 84 stored "
                              "(0 replaced an earlier value), 0 rows rejected.\n")  # fmt: skip


def test_a_refused_file_or_office_exits_2_with_the_reason_and_writes_nothing(
    db, kanimdesk, tmp_path
):
    header = tmp_path / "judul.csv"
    header.write_text("bulan;metrik;nilai\n2023-01;epaspor_applicants;38\n", encoding="utf-8")
    cases = [
        ((str(tmp_path / "hilang.csv"),), "tidak ditemukan"),
        ((str(header),), "Baris judul harus month,metric,value"),
        ((str(SAMPLE), "--office", "KANIMX"), "Kantor KANIMX tidak ada di basis data ini."),
        ((str(header), "--json"), "Baris judul harus month,metric,value"),
    ]
    for args, reason in cases:
        code, out, err = kanimdesk(db.url, "figures", "import", *args)
        assert (code, out) == (2, ""), args
        assert err.startswith("kanimdesk: ") and reason in err, err
    assert _stored(db) == 0


def test_the_console_script_exits_0_3_and_2_without_a_traceback(db, tmp_path):
    for args, code in (((str(SAMPLE), "--json"), 0), ((str(BAD_SAMPLE), "--json"), 3),
                       ((str(tmp_path / "hilang.csv"), "--json"), 2), ((), 2),
                       ((str(SAMPLE), "--office"), 2)):  # fmt: skip
        result = run(db.url, "figures", "import", *args)
        assert result.returncode == code, (args, result.stdout, result.stderr)
        assert "Traceback" not in result.stderr
        if code != 2:
            assert set(json.loads(result.stdout)) == {"imported", "rejected"}
        else:
            assert result.stdout == "" and result.stderr.strip().startswith(("kanimdesk", "usage"))
    english = run(db.url, "--lang", "en", "figures", "import", str(tmp_path / "hilang.csv"))
    assert english.returncode == 2 and "not found" in english.stderr


def test_export_and_import_file_still_work_beside_import(db, kanimdesk, tmp_path):
    kanimdesk(db.url, "figures", "import", str(SAMPLE))
    out = tmp_path / "angka.kanimfigures.json"
    code, _out, err = kanimdesk(db.url, "figures", "export", "--from", "2023-01", "--to",
                                "2023-12", "--out", str(out))  # fmt: skip
    assert code == 0, err
    code, printed, err = kanimdesk(db.url, "figures", "import-file", str(out), "--json")
    assert code == 0 and json.loads(printed)["status"] == "imported", err
