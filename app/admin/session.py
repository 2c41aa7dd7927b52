"""Who is working in this process: the signed-in account, or an office without accounts.

One holder per process (a workstation runs one person's session at a time): the window sets it
at sign-in and on lock, a command after ``--user`` is checked. Services ask ``require(action)``
before they act and ``actor()`` for the name their audit rows and events carry.

Three states: *open* — no account was ever made, every action is allowed and the officer is
the operating-system user (an office that does not want accounts yet, and scripts and tests
on such a database); *signed in* — the account's role decides; *locked* — accounts exist and
nobody is signed in (an idle lock, or before sign-in): every protected action is refused.
"""

from __future__ import annotations

import getpass
import threading
from dataclasses import dataclass

from app.admin import roles


@dataclass(frozen=True)
class Actor:
    username: str
    full_name: str
    role: str


_lock = threading.Lock()
_state: dict[str, object] = {"open": True, "actor": None}


def run_open() -> None:
    """No accounts yet: everything is allowed, the officer is the operating-system user."""
    with _lock:
        _state.update(open=True, actor=None)


def sign_in(actor: Actor) -> None:
    with _lock:
        _state.update(open=False, actor=actor)


def sign_out() -> None:
    """Accounts exist and nobody is signed in: protected actions are refused."""
    with _lock:
        _state.update(open=False, actor=None)


def current() -> Actor | None:
    return _state["actor"]  # type: ignore[return-value]


def is_open() -> bool:
    return bool(_state["open"])


def os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name (a service account, a container)
        return "petugas"


def actor_name() -> str:
    """The name recorded as who did it: the signed-in account, else the OS user (open mode)."""
    who = current()
    if who is not None:
        return who.username
    return os_user() if is_open() else "-"


def role() -> str | None:
    who = current()
    return who.role if who is not None else None


def allowed(action: str) -> bool:
    return is_open() or roles.allowed(role(), action)


def require(action: str) -> None:
    """Refuse (InputRejected) an action the signed-in role may not do; nothing in open mode."""
    if not is_open():
        roles.require(role(), action)
