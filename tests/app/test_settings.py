"""settings.toml: a typo, a wrong type or a broken line is refused by file, line and field — never
quietly replaced by defaults — and the file is written atomically beside its last good copy."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.config import (
    OfficeProfile,
    Settings,
    SettingsError,
    last_good_path,
    load_settings,
    save_settings,
    settings_path,
)
from app.problems import InputRejected

GOOD = """\
language = "id"
db_url = "postgresql://kanim@10.0.0.5/kanimdesk"

slip_paper_mm = 58

[office]
code = "MUARAENIM"
city = "Muara Enim"
"""


def _write(body: str) -> Path:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(body, encoding="utf-8")
    return path


def _refusal(body: str) -> tuple[SettingsError, Path, bytes]:
    path = _write(body)
    before = path.read_bytes()
    with pytest.raises(SettingsError) as caught:
        load_settings()
    assert path.read_bytes() == before  # nothing written over the file
    assert not last_good_path(path).exists()  # and a bad file never becomes the "good" copy
    return caught.value, path, before


def test_missing_file_means_defaults_and_writes_nothing():
    assert load_settings() == Settings()
    assert not settings_path().parent.exists() or not any(settings_path().parent.iterdir())


def test_good_file_loads_and_is_kept_as_the_last_good_copy():
    path = _write(GOOD)
    loaded = load_settings()
    assert loaded.db_url == "postgresql://kanim@10.0.0.5/kanimdesk"
    assert loaded.slip_paper_mm == 58 and loaded.office.city == "Muara Enim"
    assert loaded.collection_skips_joint_leave is True  # the default when the file is silent
    assert last_good_path(path).name == "settings.last-good.toml"
    assert last_good_path(path).read_bytes() == path.read_bytes()


def test_wrong_type_is_refused_with_file_line_and_field():
    error, path, _ = _refusal(GOOD.replace("slip_paper_mm = 58", 'slip_paper_mm = "80"'))
    assert isinstance(error, InputRejected)  # the CLI's handler prints it and exits 2
    assert error.message("id").splitlines()[0] == (
        f'{path}, baris 4: slip_paper_mm harus angka 58 atau 80, bukan "80".'
    )
    assert error.message("en").splitlines()[0] == (
        f'{path}, line 4: slip_paper_mm must be the number 58 or 80, not "80".'
    )
    assert error.by_field("en") == {
        "slip_paper_mm": 'slip_paper_mm must be the number 58 or 80, not "80".'
    }


@pytest.mark.parametrize(
    "line, field, shown",
    [
        ("walk_in_priority_quota = true", "walk_in_priority_quota", "true"),  # bool is not an int
        ("collection_working_days = 4.0", "collection_working_days", "4.0"),
        ("counter = 2", "counter", "2"),  # a number where text belongs
        ("collection_skips_joint_leave = 1", "collection_skips_joint_leave", "1"),
    ],
)
def test_no_value_is_converted(line, field, shown):
    error, path, _ = _refusal(line + "\n")
    assert error.message("en").startswith(f"{path}, line 1: {field} must be ")
    assert f"not {shown}." in error.message("en")


def test_typo_in_a_key_is_refused_not_taken_as_a_new_option():
    error, path, _ = _refusal(GOOD.replace("slip_paper_mm", "slip_paper_m"))
    assert error.message("id").splitlines()[0] == (
        f"{path}, baris 4: slip_paper_m bukan pengaturan; maksud Anda slip_paper_mm?"
    )
    assert error.message("en").splitlines()[0] == (
        f"{path}, line 4: slip_paper_m is not a setting; did you mean slip_paper_mm?"
    )


def test_bad_key_is_found_within_its_section():
    # "code" is an office key: at the top it is unknown, under [office] it is fine.
    body = GOOD.replace('db_url = "postgresql', 'code = "X"\ndb_url = "postgresql')
    body += 'kota = "Lahat"\n'
    error, path, _ = _refusal(body)
    lines = error.message("en").splitlines()
    assert lines[0].startswith(f"{path}, line 2: code is not a setting")
    assert lines[1] == f"{path}, line 10: office.kota is not a setting KanimDesk knows (a typo?)."


def test_out_of_range_values_are_refused_in_both_languages():
    body = 'collection_working_days = 31\nlanguage = "jv"\n\n[office]\nname = "  "\n'
    error, path, _ = _refusal(body)
    assert error.message("id").splitlines()[:3] == [
        f"{path}, baris 1: collection_working_days harus bilangan bulat 1 sampai 30, bukan 31.",
        f'{path}, baris 2: language harus "id" (Bahasa Indonesia) atau "en" (Inggris), bukan "jv".',
        f"{path}, baris 5: office.name harus berisi nama kantor dalam tanda kutip "
        '(tidak boleh kosong), bukan "  ".',
    ]
    assert error.message("en").splitlines()[0] == (
        f"{path}, line 1: collection_working_days must be a whole number from 1 to 30, not 31."
    )
    assert set(error.by_field()) == {"collection_working_days", "language", "office.name"}


def test_toml_syntax_error_gives_the_line_from_the_parser():
    error, path, _ = _refusal(GOOD.replace('city = "Muara Enim"', 'city = "Muara Enim'))
    assert error.message("id").startswith(f"{path}, baris 8: penulisan TOML tidak sah (kolom ")
    assert error.message("en").startswith(f"{path}, line 8: this is not valid TOML (column ")


def test_refusal_names_the_last_good_copy_to_restore():
    path = _write(GOOD)
    load_settings()
    _write(GOOD.replace("58", "57"))
    with pytest.raises(SettingsError) as caught:
        load_settings()
    copy = last_good_path(path)
    assert f"{copy}" in caught.value.message("en") and f"{copy}" in caught.value.message("id")
    assert caught.value.message("en").endswith(
        f"copy {copy} (the last settings that worked) over it."
    )
    assert copy.read_text(encoding="utf-8") == GOOD  # the broken file did not replace it
    os.replace(copy, path)  # what the message tells the clerk to do
    assert load_settings().slip_paper_mm == 58


def test_save_is_atomic_and_keeps_the_last_good_copy():
    new = dataclasses.replace(Settings(), counter="3", collection_skips_joint_leave=False)
    save_settings(new)
    path = settings_path()
    assert load_settings() == new
    assert sorted(p.name for p in path.parent.iterdir()) == [
        "settings.last-good.toml",
        "settings.toml",
    ]  # no temporary file left behind
    assert last_good_path(path).read_bytes() == path.read_bytes()


def test_failed_replace_leaves_the_old_file_and_no_temporary(monkeypatch):
    save_settings(Settings())
    path = settings_path()
    before = path.read_bytes()

    def full_disk(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(OSError):
        save_settings(dataclasses.replace(Settings(), counter="9"))
    assert path.read_bytes() == before
    assert not [p for p in path.parent.iterdir() if p.suffix == ".tmp"]


def test_save_refuses_settings_that_would_not_load():
    with pytest.raises(SettingsError) as caught:
        save_settings(dataclasses.replace(Settings(), slip_paper_mm=81))
    assert not settings_path().exists()
    assert caught.value.message("en") == (
        f"{settings_path()}: slip_paper_mm must be the number 58 or 80, not 81.\n"
        f"Nothing was written to {settings_path()}."
    )


def test_validate_keeps_the_page_rules():
    assert Settings().validate() == {}
    bad = Settings(language="fr", slip_paper_mm=81, collection_working_days=0,
                   uncollected_cancel_days=0, walk_in_priority_quota=-1,
                   office=OfficeProfile(name=" "))  # fmt: skip
    assert bad.validate() == {
        "language": "settings.language",
        "slip_paper_mm": "settings.paper",
        "collection_working_days": "settings.working_days",
        "uncollected_cancel_days": "settings.cancel_days",
        "walk_in_priority_quota": "settings.quota",
        "office.name": "settings.office_name",
    }
    assert Settings(walk_in_priority_quota=True).validate() == {  # type: ignore[arg-type]
        "walk_in_priority_quota": "settings.quota"
    }


def test_settings_stay_plain_dataclasses():
    s = Settings()
    copy = dataclasses.replace(s, slip_paper_mm=58)
    assert copy.slip_paper_mm == 58 and s.slip_paper_mm == 80
    s.office.name = "Kanim Lahat"  # callers edit the profile in place
    assert s != Settings() and Settings().collection_skips_joint_leave is True


def test_cli_with_a_broken_settings_file_exits_2_and_issues_no_ticket(tmp_path):
    path = _write(GOOD)
    url = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    env = {**os.environ, "KANIMDESK_CONFIG_DIR": str(path.parent)}

    def kanimdesk(*args: str) -> subprocess.CompletedProcess:
        command = [sys.executable, "-m", "app.cli", *args]
        return subprocess.run(command, capture_output=True, text=True, timeout=120, env=env)

    assert kanimdesk("--db", url, "init").returncode == 0  # the good file is kept as last good
    _write(GOOD.replace("slip_paper_mm = 58", 'slip_paper_mm = "80"'))
    for lang, words in [
        ((), 'baris 4: slip_paper_mm harus angka 58 atau 80, bukan "80".'),
        (("--lang", "en"), 'line 4: slip_paper_mm must be the number 58 or 80, not "80".'),
    ]:
        result = kanimdesk(*lang, "--db", url, "ticket", "issue", "--service", "A")
        assert result.returncode == 2, result.stderr
        assert "Traceback" not in result.stderr
        assert f"{path}, {words}" in result.stderr
        assert str(last_good_path(path)) in result.stderr
        assert result.stdout == ""
    _write(GOOD)
    issued = kanimdesk("--db", url, "ticket", "issue", "--service", "A")
    assert issued.stdout == "A-001\n", issued.stderr  # the refused runs issued nothing
