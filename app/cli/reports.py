"""`kanimdesk report monthly|period`: the meeting report as PDF, Excel workbook or CSV."""

from __future__ import annotations

from typing import Any


def add_report_commands(top_level_subparsers: Any) -> None:
    """Add the `report` command (filled in by the meeting-report work)."""
