"""The counter's verbs and the ticket's statuses: which verb may follow which status, and the
status it leads to. The service enforces this table; the window reads it to enable buttons."""

from __future__ import annotations

from enum import StrEnum


class TicketStatus(StrEnum):
    WAITING = "waiting"
    CALLED = "called"
    SERVING = "serving"
    DONE = "done"
    NO_SHOW = "no_show"
    CANCELLED = "cancelled"


class Verb(StrEnum):
    CALL = "call"
    RECALL = "recall"
    START = "start"
    FINISH = "finish"
    NO_SHOW = "no_show"
    REQUEUE = "requeue"
    TRANSFER = "transfer"  # keeps the number, waits again at the other service


S = TicketStatus
ALLOWED_FROM: dict[Verb, frozenset[TicketStatus]] = {
    Verb.CALL: frozenset({S.WAITING}),
    Verb.RECALL: frozenset({S.CALLED}),
    Verb.START: frozenset({S.CALLED}),
    Verb.FINISH: frozenset({S.SERVING, S.CALLED}),
    Verb.NO_SHOW: frozenset({S.CALLED}),
    Verb.REQUEUE: frozenset({S.NO_SHOW, S.CALLED}),
    # A finished ticket may go on to another service (e.g. collection); a cancelled one not.
    Verb.TRANSFER: frozenset({S.WAITING, S.CALLED, S.SERVING, S.NO_SHOW, S.DONE}),
}
LEADS_TO: dict[Verb, TicketStatus] = {
    Verb.CALL: S.CALLED,
    Verb.RECALL: S.CALLED,
    Verb.START: S.SERVING,
    Verb.FINISH: S.DONE,
    Verb.NO_SHOW: S.NO_SHOW,
    Verb.REQUEUE: S.WAITING,
    Verb.TRANSFER: S.WAITING,
}


def may(verb: str, status: str | None) -> bool:
    """Whether *verb* can be done to a ticket in *status*."""
    allowed = ALLOWED_FROM.get(verb)  # type: ignore[call-overload]  # a StrEnum key is found by its str
    return allowed is not None and status in allowed
