"""What the waiting room and the counter header show of today's queue: the display board's
next numbers per service and the day's counts (pure: rows in, figures out)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.queue.numbering import SERVICES, STATUS_LABELS
from app.queue.ticket_rows import CallShown, TicketInfo

NEXT_PER_SERVICE = 4


@dataclass(frozen=True)
class Board:
    calls: list[CallShown]  # newest first, one per number
    waiting: dict[str, list[str]]  # service prefix -> next numbers in call order
    waiting_total: dict[str, int]


def call_order(t: TicketInfo) -> tuple[bool, int]:
    """The order counters call waiting tickets: priority class first, then the number given
    (the id follows the number within a service; app.queue.tickets.call_next sorts the same)."""
    return (t.priority is None, t.id)


def waiting_by_service(rows: Sequence[TicketInfo]) -> tuple[dict[str, list[str]], dict[str, int]]:
    """Next waiting numbers per service, in the order the counters will call them."""
    queues: dict[str, list[TicketInfo]] = {svc.prefix: [] for svc in SERVICES}
    for r in rows:
        if r.status == "waiting":
            # A transferred ticket keeps its number but waits in its new service.
            queues.setdefault(r.service_prefix or r.prefix, []).append(r)
    nexts = {
        p: [t.number for t in sorted(ts, key=call_order)[:NEXT_PER_SERVICE]]
        for p, ts in queues.items()
    }
    return nexts, {p: len(ts) for p, ts in queues.items()}


@dataclass(frozen=True)
class DaySummary:
    waiting: int
    serving: int
    done: int
    no_show: int
    average_wait_minutes: float | None


def summarize(rows: Sequence[TicketInfo]) -> DaySummary:
    """Counts for the counter's header line; the average wait is issue → first call."""
    count = dict.fromkeys(STATUS_LABELS, 0)
    waits: list[float] = []
    for r in rows:
        count[r.status] = count.get(r.status, 0) + 1
        if r.called_at is not None:
            waits.append((r.called_at - r.issued_at).total_seconds() / 60)
    return DaySummary(
        waiting=count["waiting"],
        serving=count["called"] + count["serving"],
        done=count["done"],
        no_show=count["no_show"],
        average_wait_minutes=sum(waits) / len(waits) if waits else None,
    )


def serving_by_counter(rows: Sequence[TicketInfo]) -> dict[str, list[TicketInfo]]:
    """The numbers each counter has called or is serving now, oldest call first."""
    out: dict[str, list[TicketInfo]] = {}
    for r in sorted(rows, key=lambda t: (t.called_at is None, t.called_at or t.issued_at, t.id)):
        if r.status in ("called", "serving") and r.counter:
            out.setdefault(r.counter, []).append(r)
    return dict(sorted(out.items(), key=lambda item: (len(item[0]), item[0])))
