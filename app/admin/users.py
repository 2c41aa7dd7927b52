"""Accounts: add, list, disable, change a password, sign in (with a lock after failures).

Passwords are hashed with Argon2id (argon2-cffi's recommended parameters); a hash made with
older parameters is replaced at the next successful sign-in. After MAX_FAILURES wrong
passwords in a row an account waits LOCK_MINUTES before it may try again. Accounts are never
deleted — the history keeps their names — only disabled. Every change is audited; the audit
row never holds a password or its hash.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select

from app.admin.roles import ROLES, check_role
from app.admin.session import require as require_role
from app.changes import Changes
from app.db.admin_models import UserAccount
from app.db.engine import Database
from app.db.models import AuditLog
from app.i18n import N_, register_messages
from app.problems import InputRejected, Problem
from app.text_limits import too_long

register_messages(
    {
        "users.name": N_(
            "The user name must be 3–40 letters, digits, dots, hyphens or underscores."
        ),
        "users.full_name": N_("The full name is empty."),
        "users.password_short": N_("The password must be at least {n} characters long."),
        "users.password_long": N_("The password may be at most 200 characters long."),
        "users.exists": N_("There is already a user named {name}."),
        "users.unknown": N_("There is no user named {name}."),
        "users.wrong": N_("Wrong user name or password."),
        "users.locked": N_(
            "Too many wrong passwords: the account {name} waits until {until} before it may "
            "try again."
        ),
        "users.disabled": N_("The account {name} is disabled."),
        "users.last_admin": N_("{name} is the last active administrator and cannot be disabled."),
    }
)

MIN_PASSWORD = 8
MAX_FAILURES = 5
LOCK_MINUTES = 5
_NAME_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789._-")
_hasher = PasswordHasher()


@dataclass(frozen=True)
class UserInfo:
    id: int
    username: str
    full_name: str
    role: str
    active: bool
    locked_until: datetime | None


def _info(u: UserAccount) -> UserInfo:
    return UserInfo(u.id, u.username, u.full_name, u.role, u.active, u.locked_until)


def normal_name(name: str) -> str:
    """The stored form of a user name (trimmed, lower-case), or InputRejected."""
    clean = (name or "").strip().lower()
    if not 3 <= len(clean) <= 40 or not set(clean) <= _NAME_CHARS:
        raise InputRejected([Problem("users.name", "username")])
    return clean


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise InputRejected([Problem("users.password_short", "password", {"n": MIN_PASSWORD})])
    if len(password) > 200:
        raise InputRejected([Problem("users.password_long", "password")])


def _audit(s: Any, actor: str | None, action: str, user: UserAccount, detail: dict) -> None:
    if not actor:
        from app.admin.session import actor_name

        actor = actor_name()
    s.add(AuditLog(actor=actor[:60], action=action, entity="user_account",
                   entity_id=str(user.id),
                   detail=json.dumps(detail, ensure_ascii=False) if detail else None))  # fmt: skip


def _get(s: Any, name: str) -> UserAccount:
    user = s.scalar(select(UserAccount).where(UserAccount.username == normal_name(name)))
    if user is None:
        raise InputRejected([Problem("users.unknown", "username", {"name": name})])
    return user


def accounts_exist(db: Database) -> bool:
    """Whether any account was made: from then on every session and command needs one."""
    with db.session() as s:
        return bool(s.scalar(select(func.count()).select_from(UserAccount)))


def add_user(db: Database, username: str, full_name: str, role: str, password: str,
             *, actor: str | None = None) -> UserInfo:  # fmt: skip
    require_role("user.manage")
    name = normal_name(username)
    check_role(role)
    full = (full_name or "").strip()
    if not full:
        raise InputRejected([Problem("users.full_name", "full_name")])
    if (long := too_long("user_account.full_name", full, "full_name")) is not None:
        raise InputRejected([long])
    _check_password(password)
    with db.write() as s:
        if s.scalar(select(UserAccount.id).where(UserAccount.username == name)) is not None:
            raise InputRejected([Problem("users.exists", "username", {"name": name})])
        user = UserAccount(username=name, full_name=full, role=role,
                           password_hash=_hasher.hash(password), active=True, failed_attempts=0)  # fmt: skip
        s.add(user)
        s.flush()
        _audit(s, actor, "user_add", user, {"username": name, "role": role})
        return _info(user)


def list_users(db: Database) -> list[UserInfo]:
    require_role("user.manage")
    with db.session() as s:
        return [_info(u) for u in s.scalars(select(UserAccount).order_by(UserAccount.username))]


def disable_user(db: Database, username: str, *, actor: str | None = None) -> Changes:
    require_role("user.manage")
    with db.write() as s:
        user = _get(s, username)
        if user.role == "administrator" and user.active:
            others = s.scalar(select(func.count()).select_from(UserAccount).where(
                UserAccount.role == "administrator", UserAccount.active.is_(True),
                UserAccount.id != user.id))  # fmt: skip
            if not others:
                raise InputRejected(
                    [Problem("users.last_admin", "username", {"name": user.username})]
                )
        if user.active:
            user.active = False
            _audit(s, actor, "user_disable", user, {"username": user.username,
                                                    "before": {"active": True}, "after": {"active": False}})  # fmt: skip
    return Changes(users=True)


def set_password(
    db: Database, username: str, password: str, *, actor: str | None = None
) -> Changes:
    """A new password (the user's own change, or an administrator's reset); unlocks the account."""
    from app.admin import session

    me = session.current()
    if me is None or me.username != normal_name(username):
        require_role("user.manage")
    _check_password(password)
    with db.write() as s:
        user = _get(s, username)
        user.password_hash = _hasher.hash(password)
        user.password_changed_at = datetime.now()
        user.failed_attempts, user.locked_until = 0, None
        _audit(s, actor, "user_password", user, {"username": user.username})
    return Changes(users=True)


def authenticate(
    db: Database, username: str, password: str, *, now: datetime | None = None
) -> UserInfo:
    """The account when the password is right; InputRejected (wrong, locked, disabled) else.

    A wrong password counts towards the lock, and the failure is committed even though the
    sign-in is refused."""
    now = now or datetime.now()
    try:
        name = normal_name(username)
    except InputRejected:
        raise InputRejected([Problem("users.wrong", "password")]) from None
    refusal: Problem | None = None
    with db.write() as s:
        user = s.scalar(select(UserAccount).where(UserAccount.username == name))
        if user is None:
            _hasher.hash(password)  # as long as a real check: the answer does not tell who exists
            refusal = Problem("users.wrong", "password")
            # Not the name typed: it may be a password typed in the wrong field.
            s.add(AuditLog(actor="-", action="sign_in_failed", entity="user_account"))
        elif not user.active:
            refusal = Problem("users.disabled", "username", {"name": user.username})
        elif user.locked_until is not None and user.locked_until > now:
            until = user.locked_until.strftime("%H:%M")
            refusal = Problem("users.locked", "username", {"name": user.username, "until": until})
        else:
            try:
                _hasher.verify(user.password_hash, password)
            except (VerificationError, InvalidHashError):
                user.failed_attempts += 1
                _audit(s, user.username, "sign_in_failed", user,
                       {"attempts": user.failed_attempts})  # fmt: skip
                if user.failed_attempts >= MAX_FAILURES:
                    user.locked_until = now + timedelta(minutes=LOCK_MINUTES)
                    user.failed_attempts = 0
                    _audit(s, user.username, "user_locked", user, {"username": user.username})
                refusal = Problem("users.wrong", "password")
            else:
                if _hasher.check_needs_rehash(user.password_hash):
                    user.password_hash = _hasher.hash(password)
                user.failed_attempts, user.locked_until = 0, None
                _audit(s, user.username, "sign_in", user, {})
                info = _info(user)
    if refusal is not None:
        raise InputRejected([refusal])
    return info


__all__ = ["ROLES", "UserInfo", "accounts_exist", "add_user", "authenticate", "disable_user",
           "list_users", "normal_name", "set_password"]  # fmt: skip
