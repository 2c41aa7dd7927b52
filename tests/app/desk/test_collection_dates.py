"""Collection dates across Idul Fitri 2024 (holidays and cuti bersama), Maulid 2024 and office closures."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import holidays
import pytest

from app.desk.closures import add_closure, collection_date_on, list_closures, remove_closure
from app.desk.stages import collection_day
from app.problems import InputRejected
from app.queue.workdays import add_working_days, is_working_day

KANIMDESK = str(Path(sys.executable).with_name("kanimdesk"))
PAID_FRIDAY = date(2024, 4, 5)


def test_the_holidays_package_knows_idul_fitri_2024_and_its_cuti_bersama():
    public = holidays.country_holidays("ID", years=2024, categories=("public",))
    joint = holidays.country_holidays("ID", years=2024, categories=("government",))
    assert {date(2024, 4, 10), date(2024, 4, 11)} <= set(public)
    assert {date(2024, 4, 8), date(2024, 4, 9), date(2024, 4, 12), date(2024, 4, 15)} <= set(joint)
    assert date(2024, 9, 16) in public  # Maulid Nabi Muhammad
    assert "Idul Fitri" in public[date(2024, 4, 10)]


def test_idul_fitri_2024():
    for day in (8, 9, 10, 11, 12, 15):
        assert not is_working_day(date(2024, 4, day)), day
    assert is_working_day(date(2024, 4, 16))
    # Fri 5 April: 8–12 and 15 April closed, 13–14 the weekend; 16, 17, 18, 19 April.
    assert add_working_days(PAID_FRIDAY, 4) == date(2024, 4, 19)
    # An office that works on cuti bersama: 8, 9, 12, 15 April.
    assert add_working_days(PAID_FRIDAY, 4, joint_leave=False) == date(2024, 4, 15)
    # Paid on the last day before the holidays, or on the first day after them.
    assert add_working_days(date(2024, 4, 4), 4) == date(2024, 4, 18)
    assert add_working_days(date(2024, 4, 16), 4) == date(2024, 4, 22)


def test_maulid_2024():
    assert not is_working_day(date(2024, 9, 16))
    # Thu 12 September: 13, (weekend, Maulid on Monday 16), 17, 18, 19 September.
    assert add_working_days(date(2024, 9, 12), 4) == date(2024, 9, 19)
    assert add_working_days(date(2024, 9, 12), 4, closed=frozenset({date(2024, 9, 17)})) == date(
        2024, 9, 20
    )


def test_same_day_service():
    assert collection_day(PAID_FRIDAY, 4, same_day=True) == PAID_FRIDAY
    # Paid on a day the office is closed (online, during the holidays): the first open day.
    assert collection_day(date(2024, 4, 10), 4, same_day=True) == date(2024, 4, 16)
    assert collection_day(date(2024, 4, 10), 4, same_day=True, joint_leave=False) == date(
        2024, 4, 12
    )
    closed = frozenset({PAID_FRIDAY})
    assert collection_day(PAID_FRIDAY, 4, same_day=True, closed=closed) == date(2024, 4, 16)


def test_an_added_office_closure_moves_the_collection_date(db, settings):
    assert collection_date_on(db, settings, PAID_FRIDAY) == date(2024, 4, 19)
    changes = add_closure(db, settings, date(2024, 4, 18), "Kerja bakti kantor", "admin")
    assert changes.office
    # 16, 17, (18 closed), 19, 22 April.
    assert collection_date_on(db, settings, PAID_FRIDAY) == date(2024, 4, 22)
    open_on_joint_leave = dataclasses.replace(settings, collection_skips_joint_leave=False)
    assert collection_date_on(db, open_on_joint_leave, PAID_FRIDAY) == date(2024, 4, 15)
    shorter = dataclasses.replace(settings, collection_working_days=2)
    assert collection_date_on(db, shorter, PAID_FRIDAY) == date(2024, 4, 17)
    # Maulid week with a local closure on the Tuesday.
    add_closure(db, settings, date(2024, 9, 17), "HUT Kabupaten Muara Enim", "admin")
    assert collection_date_on(db, settings, date(2024, 9, 12)) == date(2024, 9, 20)
    assert collection_date_on(db, settings, date(2024, 9, 12), same_day=True) == date(2024, 9, 12)

    assert [(c.day, c.reason, c.officer) for c in list_closures(db, settings)] == [
        (date(2024, 4, 18), "Kerja bakti kantor", "admin"),
        (date(2024, 9, 17), "HUT Kabupaten Muara Enim", "admin"),
    ]
    assert list_closures(db, settings, 2025) == []
    remove_closure(db, settings, date(2024, 4, 18), "admin")
    assert collection_date_on(db, settings, PAID_FRIDAY) == date(2024, 4, 19)
    assert [c.day for c in list_closures(db, settings, 2024)] == [date(2024, 9, 17)]


@pytest.mark.parametrize(
    ("day", "reason", "key"),
    [
        (date(2024, 9, 17), "Lagi", "closure.exists"),
        (date(2024, 9, 18), "  ", "closure.reason_required"),
        (date(2024, 9, 18), "x" * 201, "closure.reason_long"),
    ],
)
def test_a_closure_is_refused_with_its_reason(sqlite_db, settings, day, reason, key):
    add_closure(sqlite_db, settings, date(2024, 9, 17), "HUT Kabupaten", "admin")
    with pytest.raises(InputRejected) as refused:
        add_closure(sqlite_db, settings, day, reason, "admin")
    assert [p.key for p in refused.value.problems] == [key]
    assert len(list_closures(sqlite_db, settings)) == 1
    if key == "closure.exists":
        assert refused.value.message("en") == (
            "2024-09-17 is already recorded as an office closure (HUT Kabupaten)."
        )
    with pytest.raises(InputRejected) as missing:
        remove_closure(sqlite_db, settings, date(2024, 1, 2), "admin")
    assert missing.value.problems[0].key == "closure.not_found"


def test_registration_shows_the_date_with_the_closures(sqlite_db, settings):
    from app.desk.registration import register

    from tests.app.desk.walk_ins import register_walk_ins, walk_in

    add_closure(sqlite_db, settings, date(2024, 4, 17), "Rapat", "admin")
    result = register(sqlite_db, settings, walk_in(1), now=datetime(2024, 4, 5, 9, 0))
    assert result.collection_date == date(2024, 4, 22)
    assert register_walk_ins(sqlite_db, settings, 1, datetime(2024, 4, 5, 10, 0), start=2)


# --- the command line --------------------------------------------------------------------


def test_collection_date_command(sqlite_db, capsys):
    from tests.app.cli.test_application_cli import cli

    url = sqlite_db.url
    assert cli(capsys, url, "collection-date", "2024-04-05") == (
        0, "Jumat, 19 April 2024\n2024-04-19\n", ""
    )  # fmt: skip
    code, out, _ = cli(capsys, url, "--lang", "en", "collection-date", "2024-09-12")
    assert out.splitlines() == ["Thursday, 19 September 2024", "2024-09-19"]
    assert cli(capsys, url, "collection-date", "2024-04-05", "--same-day")[1].endswith(
        "2024-04-05\n"
    )

    code, out, err = cli(capsys, url, "closure", "add", "2024-04-18", "--reason", "Kerja bakti")
    assert code == 0 and "Kamis, 18 April 2024" in out, err
    assert cli(capsys, url, "collection-date", "2024-04-05")[1].splitlines()[-1] == "2024-04-22"
    code, _, err = cli(capsys, url, "closure", "add", "2024-04-18", "--reason", "Lagi")
    assert code == 2 and "sudah tercatat" in err
    code, out, _ = cli(capsys, url, "closure", "list", "--year", "2024", "--json")
    assert json.loads(out) == [{"day": "2024-04-18", "reason": "Kerja bakti", "officer": "cli"}]
    assert "Kerja bakti" in cli(capsys, url, "closure", "list")[1]
    assert cli(capsys, url, "closure", "remove", "2024-04-18")[0] == 0
    assert cli(capsys, url, "closure", "list", "--json")[1].strip() == "[]"

    for bad in (("collection-date", "2024-13-01"), ("closure", "add", "5 April", "--reason", "x"),
                ("closure", "list", "--year", "24"), ("closure", "remove", "2024-01-02")):  # fmt: skip
        code, _, err = cli(capsys, url, *bad)
        assert code == 2 and err and "Traceback" not in err, bad


def test_the_installed_command_prints_the_date_on_its_last_line(sqlite_db):
    out = subprocess.run([KANIMDESK, "--db", sqlite_db.url, "collection-date", "2024-04-05"],
                         capture_output=True, text=True, timeout=120)  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines()[-1] == "2024-04-19"
