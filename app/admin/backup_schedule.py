"""When the program backs the database up by itself, and which backups it lets go (pure rules).

Daily: the first check of a day that finds no backup taken that day takes one. End of the
working day: once the clock passes the set time (settings.backup_time, "15:30"), a backup
taken after it, so that the day's last registrations are in one. Kept: backups newer than
the set number of days; older ones are removed, the newest one never.
"""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta

# kanimdesk-YYYYmmdd-HHMMSS.sqlite, as app.admin.backups names them.
_NAME = re.compile(r"^kanimdesk-(\d{8})-(\d{6})\.sqlite$")
DAILY, END_OF_DAY = "daily", "end_of_day"


def taken_at(name: str) -> datetime | None:
    """When the backup of this file name was taken; None for any other file."""
    m = _NAME.match(name)
    if m is None:
        return None
    try:
        return datetime.strptime(m[1] + m[2], "%Y%m%d%H%M%S")
    except ValueError:
        return None


def parse_time(value: str) -> time:
    hours, minutes = value.split(":")
    return time(int(hours), int(minutes))


def due(taken: list[datetime], now: datetime, end_of_day: time) -> str | None:
    """Which backup is due now, given when the existing ones were taken; None: none."""
    today = [t for t in taken if t.date() == now.date()]
    close = datetime.combine(now.date(), end_of_day)
    if now >= close and not any(t >= close for t in today):
        return END_OF_DAY
    if not today:
        return DAILY
    return None


def expired(taken: list[datetime], now: datetime, keep_days: int) -> list[datetime]:
    """The backups older than *keep_days* days; never the newest one."""
    if not taken:
        return []
    newest = max(taken)
    limit = now - timedelta(days=keep_days)
    return sorted(t for t in taken if t < limit and t != newest)
