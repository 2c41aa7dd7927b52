"""`kanimdesk activity add|list`: the office's publicity and socialisation log."""

from __future__ import annotations

from typing import Any


def add_activity_commands(top_level_subparsers: Any) -> None:
    """Add the `activity` command (filled in by the publicity-log work)."""
