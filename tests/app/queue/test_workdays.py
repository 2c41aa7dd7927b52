"""Working days: weekends, public holidays and cuti bersama (joint leave), the last one a setting."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime

from app.desk.nik import make_nik
from app.desk.registration import RegistrationForm, register
from app.queue.workdays import add_working_days, is_working_day

# Around Nyepi and Idul Fitri 2026: Nyepi Thu 19 March and Idul Fitri Sat–Sun 21–22 March are
# public holidays; Wed 18, Fri 20, Mon 23 and Tue 24 March are cuti bersama (SKB 2026).
PAID = date(2026, 3, 17)


def test_joint_leave_days_are_closed_by_default():
    for d in (date(2026, 3, 18), date(2026, 3, 20), date(2026, 3, 23), date(2026, 3, 24)):
        assert not is_working_day(d), d
        assert is_working_day(d, joint_leave=False), d
    assert not is_working_day(date(2026, 3, 19), joint_leave=False)  # Nyepi itself
    assert is_working_day(date(2026, 3, 25))


def test_four_working_days_after_17_march_2026():
    # Public holidays only: 18, 20, 23, 24 March. With cuti bersama closed: 25, 26, 27, 30 March.
    assert add_working_days(PAID, 4, joint_leave=False) == date(2026, 3, 24)
    assert add_working_days(PAID, 4) == date(2026, 3, 30)


def test_a_plain_week_is_unchanged():
    assert add_working_days(date(2024, 7, 4), 4) == date(2024, 7, 10)
    assert add_working_days(date(2024, 7, 4), 4, joint_leave=False) == date(2024, 7, 10)


def _walk_in() -> RegistrationForm:
    birth = date(1990, 7, 15)
    return RegistrationForm(nik=make_nik("16", "03", "01", birth, "P", 1), name="Siti Aminah",
                            birth_date=birth, sex="P", kind="baru", product="epaspor",
                            validity_years=10)  # fmt: skip


def test_the_collection_date_follows_the_setting(sqlite_db, settings):
    when = datetime(2026, 3, 17, 9, 0)
    closed = register(sqlite_db, settings, _walk_in(), now=when)
    assert settings.collection_skips_joint_leave is True
    assert closed.collection_date == date(2026, 3, 30)
    open_on_joint_leave = dataclasses.replace(settings, collection_skips_joint_leave=False)
    form = dataclasses.replace(
        _walk_in(), nik=make_nik("16", "03", "01", date(1990, 7, 15), "P", 2)
    )
    assert register(sqlite_db, open_on_joint_leave, form, now=when).collection_date == date(
        2026, 3, 24
    )
