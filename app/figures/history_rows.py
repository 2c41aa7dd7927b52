"""The rules of a historical figures CSV (month,metric,value): the header, each row, duplicates.

Pure: the records come in already split by the CSV reader, the known metric codes and today's
date are handed in, so every rule is tested without a file or a database. Row numbers are the
ones a spreadsheet shows: the header is row 1, the first data row is row 2.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Final

from app.i18n import N_, register_messages, text
from app.problems import InputRejected, Problem

COLUMNS: Final = ("month", "metric", "value")
FIRST_YEAR: Final = 1990  # a year before this is a typo (0223-01, 1923-01), not a figure
MAX_VALUE: Final = 10_000_000  # far above any office's month; 1234567890 is a slip of the keys

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_LOOKS_LIKE_MONTH = re.compile(r"^\d{4}[-/.]\d{1,2}|^\d{1,2}[-/.]\d{4}$|^\d+$")
_DIGITS = re.compile(r"^[0-9]+$")
_NEGATIVE = re.compile(r"^[-−]\s*[0-9]")
_THOUSANDS = re.compile(r"^[0-9]{1,3}([.,][0-9]{3})+$|^[0-9]{1,3}( [0-9]{3})+$")
_DECIMAL = re.compile(r"^[0-9]*[.,][0-9]+$|^[0-9]+[.,]$")
_THREE_DIGITS = re.compile(r"^[0-9]{3}$")

register_messages({
    "history.header": N_("The header row must be month,metric,value (separated by commas or semicolons); it reads: {found}."),
    "history.header_missing": N_("The file has no header row: it begins with data ({found}). Add month,metric,value as row 1."),
    "history.no_rows": N_("The file has a header but no data rows."),
    "history.columns_split": N_("{n} columns, expected {expected}: the comma in the value splits it into two columns. Write digits only (for example 1234)."),
    "history.month_empty": N_("The month is empty."),
    "history.month_format": N_("The month must be written YYYY-MM (for example 2023-01), not {value}. If Excel changed it, format the column as Text."),
    "history.month_invalid": N_("{value} is not a month: the month number must be 01–12."),
    "history.month_early": N_("{value} is before {first}: write the year with four digits (for example 2023-01)."),
    "history.month_future": N_("{value} is after the current month ({current})."),
    "history.metric_empty": N_("The metric is empty."),
    "history.metric_unknown": N_("Unknown metric {value}. Known metrics: {known}."),
    "history.duplicate": N_("{month} {metric} is already in row {row}; each month and metric may appear only once."),
    "history.value_empty": N_("The value is empty."),
    "history.value_negative": N_("The value {value} is negative; a count cannot be below 0."),
    "history.value_thousands": N_("The value {value} has a thousands separator, which can be misread; write digits only (for example 1234)."),
    "history.value_decimal": N_("The value {value} is not a whole number; the figure is a count: write digits only (for example 1234)."),
    "history.value_not_number": N_("The value {value} is not a number; write digits only (for example 1234)."),
    "history.value_large": N_("The value {value} is too large for a monthly count (at most {max})."),
})  # fmt: skip


@dataclass(frozen=True)
class RowProblem:
    """A row that was not imported: its spreadsheet row number, and why (a message key + params)."""

    row: int
    reason_key: str
    params: dict[str, object] = field(default_factory=dict, hash=False, compare=False)
    column: str = ""  # month | metric | value, or "" for the row as a whole

    def reason(self, lang: str | None = None) -> str:
        """The reason in *lang* (default: the active language)."""
        return text(self.reason_key, lang, **self.params)


@dataclass(frozen=True)
class HistoryRow:
    """One good row: a count for one month and metric."""

    row: int
    year: int
    month: int
    metric: str
    value: int

    @property
    def month_label(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


@dataclass(frozen=True)
class Refusal:
    """Why one value is refused: a message key and its params."""

    key: str
    params: dict[str, object] = field(default_factory=dict, hash=False, compare=False)


@dataclass
class HistoryRows:
    """Every data row of a file, sorted out: the good ones and the rejected ones."""

    lines: list[HistoryRow] = field(default_factory=list)
    rejected: list[RowProblem] = field(default_factory=list)


def separator(header_line: str) -> str:
    """Semicolon when the header has more of them (Excel with an Indonesian list separator)."""
    return ";" if header_line.count(";") > header_line.count(",") else ","


def _refuse(key: str, **params: object) -> InputRejected:
    return InputRejected([Problem(key, "file", params)])


def _shown(value: str, limit: int = 40) -> str:
    value = value.strip()
    return value if len(value) <= limit else value[: limit - 1] + "…"


def _blank(values: Sequence[str]) -> bool:
    return not any(v.strip() for v in values)


def header_positions(values: Sequence[str], sep: str) -> dict[str, int]:
    """Where month, metric and value are (any order, any case); anything else refuses the file."""
    names = [v.strip().lower() for v in values]
    while names and not names[-1]:
        names.pop()  # Excel writes empty cells after the last column: month;metric;value;;
    if sorted(names) == sorted(COLUMNS):
        return {name: names.index(name) for name in COLUMNS}
    found = _shown(sep.join(v.strip() for v in values), 80)
    if values and _LOOKS_LIKE_MONTH.match(values[0].strip()):
        raise _refuse("history.header_missing", found=found)
    raise _refuse("history.header", found=found)


def read_month(value: str, today: date) -> tuple[int, int] | Refusal:
    """(year, month), or why it is refused."""
    value = value.strip()
    if not value:
        return Refusal("history.month_empty", {})
    m = _MONTH.match(value)
    if m is None:
        return Refusal("history.month_format", {"value": _shown(value)})
    year, month = int(m[1]), int(m[2])
    if not 1 <= month <= 12:
        return Refusal("history.month_invalid", {"value": value})
    if year < FIRST_YEAR:
        return Refusal("history.month_early", {"value": value, "first": f"{FIRST_YEAR}-01"})
    if (year, month) > (today.year, today.month):
        return Refusal("history.month_future", {"value": value, "current": f"{today:%Y-%m}"})
    return year, month


def read_count(value: str) -> int | Refusal:
    """A non-negative whole number written in digits, or why it is refused."""
    value = value.strip().replace("\u00a0", " ")
    shown = _shown(value)
    if not value:
        return Refusal("history.value_empty", {})
    if _DIGITS.match(value):
        count = int(value)
        if count > MAX_VALUE:
            return Refusal("history.value_large", {"value": shown, "max": MAX_VALUE})
        return count
    if _NEGATIVE.match(value):
        return Refusal("history.value_negative", {"value": shown})
    if _THOUSANDS.match(value):
        return Refusal("history.value_thousands", {"value": shown})
    if _DECIMAL.match(value):
        return Refusal("history.value_decimal", {"value": shown})
    return Refusal("history.value_not_number", {"value": shown})


def _split_number(values: Sequence[str], width: int, at: dict[str, int], sep: str) -> bool:
    """1,234 in a comma-separated file: the value column and one more, the last three digits."""
    return (
        sep == ","
        and len(values) == width + 1
        and at["value"] == width - 1
        and bool(_DIGITS.match(values[width - 1].strip()))
        and len(values[width - 1].strip()) <= 3
        and bool(_THREE_DIGITS.match(values[width].strip()))
    )


def check_history_rows(
    records: Sequence[Sequence[str]], sep: str, metrics: Collection[str], today: date
) -> HistoryRows:
    """Every record of the file (as the CSV reader split them) checked; file problems raise.

    The first non-blank record is the header. Each rejected row gets its first reason. A later
    row with the same month and metric as an earlier one is rejected naming the earlier row,
    even when the earlier row's value was refused: the file gives two figures for one month,
    and which one is meant cannot be told.
    """
    result = HistoryRows()
    at: dict[str, int] | None = None
    width = 0
    seen: dict[tuple[int, int, str], int] = {}
    data_rows = 0
    for row, values in enumerate(records, start=1):
        if _blank(values):
            continue  # blank lines, and the ;; lines Excel writes for empty rows
        if at is None:
            at = header_positions(values, sep)
            width = max(at.values()) + 1
            continue
        data_rows += 1

        def no(key: str, params: dict[str, object], column: str = "", row: int = row) -> None:
            result.rejected.append(RowProblem(row, key, params, column))

        if len(values) < width or not _blank(values[width:]):
            if _split_number(values, width, at, sep):
                no("history.columns_split", {"n": len(values), "expected": width}, "value")
            else:
                no("import.columns", {"n": len(values), "expected": width})
            continue
        month = read_month(values[at["month"]], today)
        if isinstance(month, Refusal):
            no(month.key, month.params, "month")
            continue
        year, number = month
        metric = values[at["metric"]].strip().lower()
        if not metric:
            no("history.metric_empty", {}, "metric")
            continue
        if metric not in metrics:
            known = ", ".join(metrics)
            no("history.metric_unknown", {"value": _shown(metric), "known": known}, "metric")
            continue
        key = (year, number, metric)
        if key in seen:
            label = f"{year:04d}-{number:02d}"
            no("history.duplicate", {"month": label, "metric": metric, "row": seen[key]}, "metric")
            continue
        seen[key] = row
        count = read_count(values[at["value"]])
        if isinstance(count, Refusal):
            no(count.key, count.params, "value")
            continue
        result.lines.append(HistoryRow(row, year, number, metric, count))
    if at is None:
        raise _refuse("import.empty")
    if data_rows == 0:
        raise _refuse("history.no_rows")
    return result
