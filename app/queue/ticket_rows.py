"""Plain rows the queue services return (no database imports, so the window can load them cheaply)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class TicketInfo:
    """A ticket as shown; its service's words are ``label(SERVICE_NAMES, service_prefix or prefix)``."""

    id: int
    uuid: str
    number: str
    prefix: str
    sequence: int
    ticket_date: date
    priority: str | None
    status: str
    issued_at: datetime
    waiting_ahead: int
    counter: str | None = None
    application_id: int | None = None
    printed_count: int = 0
    called_at: datetime | None = None
    service_prefix: str = ""


@dataclass(frozen=True)
class CallShown:
    """One call or recall for the display screen: number and counter only, never a person."""

    event_id: int
    number: str
    counter: str
