"""`kanimdesk application …`: stages to collection from the command line, with clear refusals."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from app.desk.application_steps import advance, application_view

from tests.app.desk.walk_ins import register_walk_ins
from tests.pii import assert_no_personal_data

KANIMDESK = str(Path(sys.executable).with_name("kanimdesk"))
FRIDAY = datetime(2024, 4, 5, 9, 0)


def cli(capsys, url: str, *args: str) -> tuple[int, str, str]:
    """Run `kanimdesk --db URL ARGS` in this process: (exit code, stdout, stderr)."""
    from app.cli.entry import main

    capsys.readouterr()
    try:
        code = main(["--db", url, *args])
    except SystemExit as exc:  # argparse refusing an argument
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def one(sqlite_db, settings) -> tuple[str, int]:
    (app_id,) = register_walk_ins(sqlite_db, settings, 1, FRIDAY)
    return sqlite_db.url, app_id


def test_advance_to_collection(one, capsys, sqlite_db):
    url, app_id = one
    number = f"PMH-{app_id:07d}"
    code, out, err = cli(capsys, url, "application", "advance", number, "--to", "wawancara",
                         "--counter", "2")  # fmt: skip
    assert (code, out, err) == (0, f"{number}: Foto, sidik jari, dan wawancara\n", "")
    code, out, err = cli(capsys, url, "application", "advance", f"pmh-{app_id}", "--to",
                         "pembayaran", "--amount", "Rp650.000", "--billing-code", "820240405000123",
                         "--counter", "2", "--json")  # fmt: skip
    assert code == 0, err
    paid = json.loads(out)
    assert (paid["stage"], paid["paid_amount"], paid["billing_code"]) == (
        "pembayaran", 650_000, "820240405000123"
    )  # fmt: skip
    assert paid["collection_date"] is not None and paid["next_stages"] == ["verifikasi", "batal"]
    assert "name" not in paid and "nik" not in paid
    for stage in ("verifikasi", "pencetakan", "siap", "penyerahan"):
        assert cli(capsys, url, "application", "advance", str(app_id), "--to", stage)[0] == 0
    view = application_view(sqlite_db, app_id)
    assert view.stage == "penyerahan"
    assert [(s.officer, s.counter) for s in view.steps[1:3]] == [("cli", "2"), ("cli", "2")]

    code, out, _ = cli(capsys, url, "--lang", "en", "application", "show", number)
    assert code == 0
    assert "Collected" in out and "Paid Rp650.000 (billing code 820240405000123)" in out
    assert "1603" in out and "••••" in out
    assert_no_personal_data(out)  # the NIK masked; the name is what the officer looked up
    shown = json.loads(cli(capsys, url, "application", "show", number, "--json")[1])
    assert shown["name"] == view.name and "••••" in shown["nik"]
    assert [s["stage"] for s in shown["steps"]][-2:] == ["siap", "penyerahan"]


def test_payment_from_the_command_line_says_the_collection_date(one, capsys):
    url, app_id = one
    cli(capsys, url, "application", "advance", str(app_id), "--to", "wawancara")
    code, out, _ = cli(capsys, url, "application", "advance", str(app_id), "--to", "pembayaran",
                       "--amount", "650000", "--billing-code", "8202")  # fmt: skip
    assert code == 0
    assert out.splitlines()[0] == f"PMH-{app_id:07d}: Pembayaran"
    assert out.splitlines()[1].startswith("Tanggal pengambilan: ")


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("--to", "selesai"), "berkas, wawancara, pembayaran, verifikasi, pencetakan, siap"),
        (("--to", "pembayaran"), "tidak dapat dilanjutkan ke Pembayaran"),
        (("--to", "batal"), "Isi alasan"),
        (("--to", "wawancara", "--amount", "abc"), "650000"),
        (("--to", "wawancara", "--amount", "650000"), "hanya dicatat pada tahap pembayaran"),
    ],
)
def test_a_refused_step_exits_2_with_the_reason(one, capsys, args, needle):
    url, app_id = one
    code, out, err = cli(capsys, url, "application", "advance", str(app_id), *args)
    assert code == 2 and needle in err and out == "", err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("number", "needle"),
    [("hello", "PMH-0001234"), ("PMH-0099999", "PMH-0099999 tidak ditemukan")],
)
def test_an_unknown_number_exits_2(one, capsys, number, needle):
    url, _ = one
    for verb in (("advance", number, "--to", "wawancara"), ("show", number),
                 ("correct", number, "--note", "x")):  # fmt: skip
        code, _, err = cli(capsys, url, "application", *verb)
        assert code == 2 and needle in err, (verb, err)


def test_correct_the_last_step(one, capsys):
    url, app_id = one
    cli(capsys, url, "application", "advance", str(app_id), "--to", "wawancara")
    code, out, _ = cli(capsys, url, "application", "correct", str(app_id), "--note", "Salah tekan")
    assert (code, out) == (0, f"PMH-{app_id:07d}: Pemeriksaan berkas\n")
    code, _, err = cli(capsys, url, "application", "correct", str(app_id), "--note", "Lagi")
    assert code == 2 and "tidak memiliki tahap yang dapat dikoreksi" in err
    shown = cli(capsys, url, "application", "show", str(app_id))[1]
    assert "koreksi, kembali ke Pemeriksaan berkas" in shown and "Salah tekan" in shown


def test_overdue_and_cancel_overdue(sqlite_db, settings, capsys):
    ids = register_walk_ins(sqlite_db, settings, 2, FRIDAY)
    for app_id in ids:
        for i, stage in enumerate(("wawancara", "pembayaran", "verifikasi", "pencetakan", "siap")):
            pay = {"paid_amount": 650_000, "billing_code": "8202"} if stage == "pembayaran" else {}
            advance(sqlite_db, settings, app_id, stage, officer="andi",
                    now=FRIDAY + timedelta(minutes=i + 1), **pay)  # type: ignore[arg-type]  # fmt: skip
    url = sqlite_db.url
    listed = json.loads(cli(capsys, url, "application", "overdue", "--json")[1])
    assert [r["id"] for r in listed] == ids
    assert listed[0]["collection_date"] == "2024-04-19" and listed[0]["days_overdue"] > 30
    code, out, err = cli(capsys, url, "application", "cancel-overdue", "--reason",
                         "Tidak diambil lebih dari 30 hari")  # fmt: skip
    assert code == 0, err
    assert out.splitlines() == [f"PMH-{ids[0]:07d}", f"PMH-{ids[1]:07d}", "2 permohonan dibatalkan"]
    assert cli(capsys, url, "application", "overdue")[1] == ""
    assert application_view(sqlite_db, ids[0]).steps[-1].note == "Tidak diambil lebih dari 30 hari"
    code, _, err = cli(capsys, url, "application", "cancel-overdue", "--reason", " ")
    assert code == 2 and "Isi alasan pembatalan" in err


def test_the_installed_command_refuses_an_unknown_stage(one):
    url, app_id = one
    result = subprocess.run([KANIMDESK, "--db", url, "--lang", "en", "application", "advance",
                             str(app_id), "--to", "done"], capture_output=True, text=True,
                            timeout=120)  # fmt: skip
    assert result.returncode == 2
    assert "Unknown stage done. The stages are: berkas, wawancara" in result.stderr
    assert "Traceback" not in result.stderr
