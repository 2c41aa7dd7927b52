"""Accounts on SQLite and PostgreSQL: Argon2 hashes, the lock after five wrong passwords,
disabling instead of deleting, password changes, and an audit row for each change."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from app.admin.users import (
    LOCK_MINUTES,
    MAX_FAILURES,
    accounts_exist,
    add_user,
    authenticate,
    disable_user,
    list_users,
    set_password,
)
from app.db.admin_models import UserAccount
from app.db.models import AuditLog
from app.problems import InputRejected

SECRET = "rahasia-kantor-1"


def _reason(err) -> str:
    return err.value.message("id")


def test_an_account_is_stored_with_an_argon2id_hash_and_signs_in(db):
    assert not accounts_exist(db)
    info = add_user(db, " Rina.Lestari ", "Rina Lestari", "petugas_loket", SECRET, actor="admin")
    assert info.username == "rina.lestari" and accounts_exist(db)
    with db.session() as s:
        stored = s.scalar(select(UserAccount))
        audit = s.scalars(select(AuditLog).where(AuditLog.entity == "user_account")).all()
    assert stored.password_hash.startswith("$argon2id$") and SECRET not in stored.password_hash
    assert [a.action for a in audit] == ["user_add"] and SECRET not in (audit[0].detail or "")
    assert json.loads(audit[0].detail) == {"username": "rina.lestari", "role": "petugas_loket"}
    assert authenticate(db, "RINA.LESTARI", SECRET).role == "petugas_loket"


def test_five_wrong_passwords_lock_the_account_for_five_minutes(db):
    add_user(db, "rina", "Rina", "petugas_loket", SECRET)
    now = datetime(2026, 12, 2, 9, 0)
    for _ in range(MAX_FAILURES):
        with pytest.raises(InputRejected) as err:
            authenticate(db, "rina", "salah-salah", now=now)
        assert _reason(err) == "Nama pengguna atau kata sandi salah."
    with pytest.raises(InputRejected) as err:  # even the right password waits now
        authenticate(db, "rina", SECRET, now=now + timedelta(minutes=1))
    assert "menunggu sampai pukul 09:05" in _reason(err)
    later = now + timedelta(minutes=LOCK_MINUTES, seconds=1)
    assert authenticate(db, "rina", SECRET, now=later).username == "rina"
    with db.session() as s:
        actions = s.scalars(select(AuditLog.action).where(AuditLog.entity == "user_account")).all()
    assert actions == ["user_add", *["sign_in_failed"] * (MAX_FAILURES - 1), "sign_in_failed",
                       "user_locked", "sign_in"]  # fmt: skip


def test_unknown_names_are_answered_like_wrong_passwords(db):
    with pytest.raises(InputRejected) as err:
        authenticate(db, "siapa", SECRET)
    assert _reason(err) == "Nama pengguna atau kata sandi salah."


def test_a_disabled_account_stays_listed_and_cannot_sign_in(db):
    add_user(db, "admin", "Budi", "administrator", SECRET)
    add_user(db, "rina", "Rina", "petugas_loket", SECRET)
    with pytest.raises(InputRejected) as err:
        disable_user(db, "admin")
    assert "administrator aktif terakhir" in _reason(err)
    disable_user(db, "rina", actor="admin")
    assert [(u.username, u.active) for u in list_users(db)] == [("admin", True), ("rina", False)]
    with pytest.raises(InputRejected) as err:
        authenticate(db, "rina", SECRET)
    assert _reason(err) == "Akun rina dinonaktifkan."


def test_a_new_password_replaces_the_old_and_unlocks(db):
    add_user(db, "rina", "Rina", "petugas_loket", SECRET)
    now = datetime(2026, 12, 2, 9, 0)
    for _ in range(MAX_FAILURES):
        with pytest.raises(InputRejected):
            authenticate(db, "rina", "keliru-sekali", now=now)
    set_password(db, "rina", "kata-sandi-baru", actor="admin")
    assert authenticate(db, "rina", "kata-sandi-baru", now=now).username == "rina"
    with pytest.raises(InputRejected):
        authenticate(db, "rina", SECRET, now=now)


@pytest.mark.parametrize(
    ("name", "full", "role", "password", "reason"),
    [
        ("ab", "A", "supervisor", SECRET, "Nama pengguna harus 3–40 huruf"),
        ("rina lestari", "A", "supervisor", SECRET, "Nama pengguna harus 3–40 huruf"),
        ("rina", " ", "supervisor", SECRET, "Nama lengkap kosong"),
        ("rina", "Rina", "raja", SECRET, "Peran 'raja' tidak dikenal"),
        ("rina", "Rina", "supervisor", "pendek", "paling sedikit 8 karakter"),
        ("rina", "R" * 121, "supervisor", SECRET, "Nama lengkap terlalu panjang (121 karakter"),
    ],
)
def test_bad_accounts_are_refused_with_a_reason_and_nothing_is_stored(db, name, full, role,
                                                                      password, reason):  # fmt: skip
    with pytest.raises(InputRejected) as err:
        add_user(db, name, full, role, password)
    assert reason in _reason(err)
    assert not accounts_exist(db)


def test_a_name_is_taken_once(db):
    add_user(db, "rina", "Rina", "petugas_loket", SECRET)
    with pytest.raises(InputRejected) as err:
        add_user(db, "RINA", "Rina Dua", "supervisor", SECRET)
    assert _reason(err) == "Sudah ada pengguna bernama rina."
