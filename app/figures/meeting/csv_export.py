"""The meeting report's tables as CSV for Excel: ``write_meeting_csv`` writes the report's main
table — the monthly table, one row per month and the period's total last — and
``write_table_csv`` writes any one table of ``app.figures.meeting.tables``.

The file is UTF-8 with a byte-order mark (so Excel reads the accents) and, by default,
semicolon-separated with a decimal comma, which is what Excel and LibreOffice with Indonesian
regional settings read as numbers. With ``comma=True`` the separator is a comma and the
decimal mark a point (English settings). Numbers carry no thousands separator. Shares and
growth are written as percentage points with one decimal ("47,6" for 0.476; the header says
"(%)"), minutes with one decimal, dates as ISO "2024-04-30" and months as "2024-04", which
Excel reads in any language. An unknown value is an empty field, never 0.

Every text field is quoted and goes through ``safe_cell``: a text beginning with a character
that a spreadsheet takes as the start of a formula gets a leading apostrophe (OWASP, "CSV
Injection"), so an activity titled "=HYPERLINK(...)" stays text.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app.figures.meeting.data import MeetingReport
from app.figures.meeting.tables import Cell, ColumnKind, Table, bucket_table

# = + - @, tab and carriage return, and their full-width forms (Excel folds those too).
FORMULA_STARTS = frozenset("=+-@\t\r\n\uff1d\uff0b\uff0d\uff20")
PERCENT_KINDS = (ColumnKind.SHARE, ColumnKind.GROWTH)


def safe_cell(text: str) -> str:
    """*text* as a spreadsheet will show it and never evaluate it: a leading apostrophe when
    it begins like a formula."""
    if text and text[0] in FORMULA_STARTS:
        return "'" + text
    return text


def _quoted(text: str) -> str:
    return '"' + safe_cell(text).replace('"', '""') + '"'


def _decimal(value: float, decimal_mark: str) -> str:
    shown = f"{value:.1f}"
    return "0.0".replace(".", decimal_mark) if shown == "-0.0" else shown.replace(".", decimal_mark)


def csv_field(value: Cell, kind: ColumnKind, *, comma: bool = False) -> str:
    """One field as written: numbers bare (decimal comma unless *comma*), texts quoted."""
    mark = "." if comma else ","
    if value is None:
        return ""
    if isinstance(value, str):
        return _quoted(value)
    if isinstance(value, date):
        return value.strftime("%Y-%m") if kind is ColumnKind.MONTH else value.isoformat()
    if isinstance(value, bool):  # never expected; a bool is an int to Python
        return str(int(value))
    if kind in PERCENT_KINDS:
        return _decimal(value * 100, mark)
    if isinstance(value, int):
        return str(value)
    if kind is ColumnKind.INT and float(value).is_integer():
        return str(int(value))
    return _decimal(value, mark)


def _header(table: Table) -> list[str]:
    return [_quoted(c.title + (" (%)" if c.kind in PERCENT_KINDS else "")) for c in table.columns]


def table_lines(table: Table, *, comma: bool = False) -> list[str]:
    """The lines of *table* as CSV (header, rows, then the total line), without line ends."""
    sep = "," if comma else ";"
    lines = [sep.join(_header(table))]
    rows = [*table.rows, *([table.total] if table.total is not None else [])]
    for row in rows:
        fields = (
            csv_field(v, c.kind, comma=comma) for v, c in zip(row, table.columns, strict=True)
        )
        lines.append(sep.join(fields))
    return lines


def write_table_csv(table: Table, path: Path, *, comma: bool = False) -> None:
    """Write one table to *path* (UTF-8 with BOM, CRLF line ends as Excel writes them)."""
    text = "\r\n".join(table_lines(table, comma=comma)) + "\r\n"
    Path(path).write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))


def write_meeting_csv(report: MeetingReport, path: Path, *, comma: bool = False) -> None:
    """Write the report's monthly table (one row per month, the total last) to *path*."""
    write_table_csv(bucket_table(report.statistics, report.lang), path, comma=comma)
