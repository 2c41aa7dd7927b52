"""`kanimdesk activity add|list`: the publicity log from the command line, with clear refusals."""

from __future__ import annotations

import json

from PIL import Image

from app.figures.activities import activity_photo, list_activities

from tests.app.cli.test_application_cli import cli


def test_add_and_list_as_table_and_json(sqlite_db, capsys, tmp_path):
    url = sqlite_db.url
    photo = tmp_path / "foto.png"
    Image.new("RGB", (300, 200), (10, 160, 90)).save(photo)
    code, out, err = cli(capsys, url, "activity", "add", "--date", "2024-05-02", "--kind", "radio",
                         "--title", "Talkshow e-Paspor", "--place", "RRI Palembang",
                         "--audience", "1.500", "--photo", str(photo))  # fmt: skip
    assert (code, err) == (0, "")
    assert out.endswith(": 2 Mei 2024 · Radio · Talkshow e-Paspor\n")
    code, out, err = cli(capsys, url, "activity", "add", "--date", "2024-06-12", "--kind",
                         "outreach", "--title", "Eazy Passport SMA 1", "--json")  # fmt: skip
    assert code == 0, err
    added = json.loads(out)
    assert (added["status"], added["kind"], added["audience"], added["photo"]) == (
        "added", "outreach", None, False
    )  # fmt: skip
    stored = list_activities(sqlite_db, "MUARAENIM")
    assert [a.title for a in stored] == ["Talkshow e-Paspor", "Eazy Passport SMA 1"]
    assert activity_photo(sqlite_db, stored[0].id) is not None

    code, out, err = cli(capsys, url, "activity", "list")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].split() == ["Tanggal", "Jenis", "Judul", "Tempat/saluran", "Khalayak"]
    assert "2 Mei 2024" in lines[1] and "Radio" in lines[1] and lines[1].endswith("1.500")
    assert "12 Juni 2024" in lines[2] and "Layanan di luar kantor" in lines[2]
    assert lines[3] == "2 kegiatan · 1.500 orang terjangkau"

    code, out, err = cli(capsys, url, "activity", "list", "--from", "2024-06-01", "--to",
                         "2024-06-30", "--json")  # fmt: skip
    assert code == 0, err
    assert [(a["date"], a["title"]) for a in json.loads(out)] == [
        ("2024-06-12", "Eazy Passport SMA 1")
    ]
    code, out, _err = cli(capsys, url, "--lang", "en", "activity", "list", "--to", "2024-01-31")
    assert (code, out) == (0, "No activities in this period.\n")


def test_bad_kind_date_and_values_exit_2_with_a_reason(sqlite_db, capsys):
    url = sqlite_db.url
    code, out, err = cli(capsys, url, "activity", "add", "--date", "2024-05-02", "--kind", "tv",
                         "--title", "x")  # fmt: skip
    assert code == 2 and out == ""
    assert "jenis kegiatan 'tv' tidak dikenal" in err and "radio (Radio)" in err
    assert "Traceback" not in err
    code, _out, err = cli(capsys, url, "activity", "add", "--date", "2024-13-02", "--kind",
                          "radio", "--title", "x")  # fmt: skip
    assert code == 2 and "tanggal harus YYYY-MM-DD: '2024-13-02'" in err
    code, _out, err = cli(capsys, url, "activity", "add", "--date", "2099-01-02", "--kind",
                          "radio", "--title", "x", "--audience", "-5")  # fmt: skip
    assert code == 2
    assert err == (
        "kanimdesk: Tanggal 02/01/2099 belum terjadi (di masa depan).\n"
        "Khalayak harus berupa jumlah orang (bilangan bulat, 0 atau lebih), bukan -5.\n"
    )
    code, out, err = cli(capsys, url, "activity", "add", "--date", "2024-01-02", "--kind",
                         "radio", "--title", " ", "--json")  # fmt: skip
    assert code == 2
    assert json.loads(out)["problems"] == [
        {"field": "title", "message": "Judul kegiatan wajib diisi."}
    ]
    assert list_activities(sqlite_db, "MUARAENIM") == []
    code, _out, err = cli(
        capsys, url, "activity", "list", "--from", "2024-02-01", "--to", "2024-01-01"
    )
    assert code == 2 and "--from lebih akhir daripada --to." in err


def test_help_lists_the_kinds_with_their_indonesian_names(capsys):
    from app.cli.entry import main

    try:
        main(["activity", "add", "--help"])
    except SystemExit as exc:
        assert exc.code == 0
    out = capsys.readouterr().out
    for shown in ("mass_media (Media massa)", "social_media (Media sosial)",
                  "face_to_face (Sosialisasi tatap", "outreach (Layanan di luar kantor)"):  # fmt: skip
        assert shown in " ".join(out.split()), shown
