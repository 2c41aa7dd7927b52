"""The office's service figures as a file of monthly aggregates, for a supervisor's laptop with no office database.

Only counts, averages and rates per month travel — never a name, an NIK or
a row per person. The file is JSON with a SHA-256 over its payload, so a
damaged or edited file is refused; importing stores the figures as
MonthlyFigure rows (source "import") in one transaction.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Final

from sqlalchemy import select

from app import __version__
from app.admin.audit import audit
from app.admin.session import require as require_role
from app.changes import Changes
from app.db.engine import Database
from app.db.models import Office, Ticket
from app.db.visit_models import MonthlyFigure
from app.desk.passport import KINDS
from app.figures.service_figures import service_figures
from app.i18n import N_, register_messages
from app.monev.exchange.package_file import canonical_json, sha256_hex, write_atomically
from app.problems import InputRejected, Problem

FIGURES_FORMAT: Final = "kanimdesk-figures"
FIGURES_VERSION: Final = 1
FIGURES_SUFFIX: Final = ".kanimfigures.json"
MAX_FIGURES_BYTES: Final = 1024 * 1024
MAX_MONTHS: Final = 120
MAX_COUNT: Final = 10_000_000
MAX_WAIT_MINUTES: Final = 24 * 60 * 31
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_COUNTS = ("epaspor_applications", "applications_total", "tickets_issued")
_ROW_KEYS = {*_COUNTS, "month", "applications_by_kind", "avg_wait_minutes", "no_show_rate"}
_TOP_KEYS = {
    "format",
    "format_version",
    "created_at",
    "app_version",
    "office",
    "period",
    "months",
    "sha256",
}

register_messages({
    "figures_file.period": N_("The period {start} to {end} is not valid (first month ≤ last month, at most {max} months)."),
    "figures_file.office_unknown": N_("Office {code} is not in this database."),
    "figures_file.empty": N_("There are no service figures for {code} from {start} to {end}."),
    "figures_file.unreadable": N_("File {name} is missing or cannot be read."),
    "figures_file.too_large": N_("File {name} is too large for a figures file ({size} bytes; max {max})."),
    "figures_file.not_json": N_("File {name} is not valid UTF-8 JSON."),
    "figures_file.format": N_("This file is not a KanimDesk figures file (format '{value}')."),
    "figures_file.newer_version": N_("The file was made by a newer KanimDesk (format version {version}; this one knows up to {known}). Update KanimDesk."),
    "figures_file.hash": N_("The figures file's content does not match its fingerprint (SHA-256); the file is damaged or was altered."),
    "figures_file.field": N_("Figures file: '{where}' is not valid ({value})."),
    "figures_file.month_twice": N_("Figures file: month {month} is listed twice."),
})  # fmt: skip


@dataclass(frozen=True)
class FiguresImport:
    months: int  # months in the file
    metrics: int  # figures stored or confirmed
    office_code: str
    office_name: str = ""
    changed: int = 0  # figures that were new or different
    changes: Changes = Changes(figures=True)


def _month_list(start: tuple[int, int], end: tuple[int, int]) -> list[tuple[int, int]]:
    ok = (
        all(isinstance(x, int) for x in (*start, *end))
        and 1 <= start[1] <= 12
        and 1 <= end[1] <= 12
    )
    span = (end[0] - start[0]) * 12 + end[1] - start[1] + 1 if ok else 0
    if not ok or not 1 <= span <= MAX_MONTHS or not 1900 < start[0] < 2200:
        raise InputRejected([Problem("figures_file.period", "period", {
            "start": _label(start), "end": _label(end), "max": MAX_MONTHS})])  # fmt: skip
    return [
        ((start[0] * 12 + start[1] - 1 + k) // 12, (start[1] - 1 + k) % 12 + 1) for k in range(span)
    ]


def _label(month: tuple[int, int]) -> str:
    try:
        return f"{int(month[0]):04d}-{int(month[1]):02d}"
    except (TypeError, ValueError, IndexError):
        return str(month)


def _tickets_issued(
    db: Database, office_code: str, months: list[tuple[int, int]]
) -> dict[tuple[int, int], int]:
    first = date(*months[0], 1)
    y, m = months[-1]
    after = date(y + m // 12, m % 12 + 1, 1)
    with db.session() as s:
        rows = s.execute(
            select(Ticket.ticket_date).join(Office, Ticket.office_id == Office.id)
            .where(Office.code == office_code, Ticket.ticket_date >= first, Ticket.ticket_date < after)
        ).scalars()  # fmt: skip
        counts: dict[tuple[int, int], int] = {}
        for day in rows:
            counts[(day.year, day.month)] = counts.get((day.year, day.month), 0) + 1
        stored = s.execute(select(MonthlyFigure.year, MonthlyFigure.month, MonthlyFigure.value).where(
            MonthlyFigure.office_code == office_code, MonthlyFigure.metric == "tickets_issued"))  # fmt: skip
        for year, month, value in stored:
            counts.setdefault((year, month), int(round(value)))
    return counts


def figures_payload(
    db: Database, office_code: str, start: tuple[int, int], end: tuple[int, int]
) -> dict[str, Any]:
    """What the figures file holds (without its hash): aggregates per month, nothing per person."""
    months = _month_list(start, end)
    with db.session() as s:
        office_name = s.scalar(select(Office.name).where(Office.code == office_code))
    if office_name is None:
        raise InputRejected(
            [Problem("figures_file.office_unknown", "office", {"code": office_code})]
        )
    figures = service_figures(db, office_code, months)
    tickets = _tickets_issued(db, office_code, months)
    rows = []
    for f in figures.months:
        issued = tickets.get((f.year, f.month))
        if not (f.source or f.queue_source or issued):
            continue  # nothing known about the month
        rows.append({
            "month": f"{f.year:04d}-{f.month:02d}", "epaspor_applications": f.epaspor,
            "applications_total": f.applications_total, "applications_by_kind": dict(f.by_kind),
            "avg_wait_minutes": None if f.avg_wait_minutes is None else round(f.avg_wait_minutes, 2),
            "no_show_rate": None if f.no_show_rate is None else round(f.no_show_rate, 4),
            "tickets_issued": issued if issued is not None else (0 if f.source == "database" else None),
        })  # fmt: skip
    if not rows:
        raise InputRejected([Problem("figures_file.empty", "period", {
            "code": office_code, "start": _label(start), "end": _label(end)})])  # fmt: skip
    return {
        "format": FIGURES_FORMAT, "format_version": FIGURES_VERSION,
        "created_at": datetime.now().isoformat(timespec="seconds"), "app_version": __version__,
        "office": {"code": office_code, "name": office_name},
        "period": {"from": _label(start), "to": _label(end)}, "months": rows,
    }  # fmt: skip


def export_figures(
    db: Database, office_code: str, start: tuple[int, int], end: tuple[int, int], out: Path
) -> int:
    """Write the office's monthly aggregates for start..end (inclusive) to *out*; returns the months written."""
    payload = figures_payload(db, office_code, start, end)
    document = {**payload, "sha256": sha256_hex(canonical_json(payload))}
    data = json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")
    write_atomically(Path(out), lambda fh: fh.write(data))
    return len(payload["months"])


# --- import ----------------------------------------------------------------------


def _read(path: Path) -> dict[str, Any]:
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_FIGURES_BYTES:
            raise InputRejected([Problem("figures_file.too_large", "file", {
                "name": name, "size": size, "max": MAX_FIGURES_BYTES})])  # fmt: skip
        raw = path.read_bytes()
    except OSError as exc:
        raise InputRejected(
            [Problem("figures_file.unreadable", "file", {"name": str(path)})]
        ) from exc

    def refuse_constant(value: str) -> Any:
        raise ValueError(value)

    try:
        document = json.loads(raw.decode("utf-8"), parse_constant=refuse_constant)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise InputRejected([Problem("figures_file.not_json", "file", {"name": name})]) from exc
    if not isinstance(document, dict):
        raise InputRejected(
            [Problem("figures_file.format", "file", {"value": type(document).__name__})]
        )
    return document


def _bad(where: str, value: object) -> Problem:
    return Problem("figures_file.field", where, {"where": where, "value": str(value)[:60]})


def _number(value: Any, high: float, whole: bool) -> bool:
    if value is None:
        return True
    if isinstance(value, bool) or not isinstance(value, int if whole else int | float):
        return False
    return math.isfinite(value) and 0 <= value <= high


def _check_month(row: Any, where: str, problems: list[Problem]) -> tuple[int, int] | None:
    if not isinstance(row, dict) or set(row) != _ROW_KEYS:
        problems.append(_bad(where, "keys"))
        return None
    match = _MONTH.match(row["month"]) if isinstance(row["month"], str) else None
    year, month = (int(match[1]), int(match[2])) if match else (0, 0)
    if not (1900 < year < 2200 and 1 <= month <= 12):
        problems.append(_bad(f"{where}.month", row["month"]))
    for key in _COUNTS:
        if not _number(row[key], MAX_COUNT, whole=True):
            problems.append(_bad(f"{where}.{key}", row[key]))
    if not _number(row["avg_wait_minutes"], MAX_WAIT_MINUTES, whole=False):
        problems.append(_bad(f"{where}.avg_wait_minutes", row["avg_wait_minutes"]))
    if not _number(row["no_show_rate"], 1.0, whole=False):
        problems.append(_bad(f"{where}.no_show_rate", row["no_show_rate"]))
    kinds = row["applications_by_kind"]
    if not isinstance(kinds, dict) or any(k not in KINDS or not _number(v, MAX_COUNT, True) or v is None
                                          for k, v in kinds.items()):  # fmt: skip
        problems.append(_bad(f"{where}.applications_by_kind", kinds))
    elif row["applications_total"] is not None and not problems:
        total = row["applications_total"]
        if sum(kinds.values()) > total or (row["epaspor_applications"] or 0) > total:
            problems.append(_bad(f"{where}.applications_total", total))
    return (year, month) if not problems else None


def check_figures(document: dict[str, Any]) -> list[tuple[tuple[int, int], dict[str, float]]]:
    """Every check of a figures file; the metrics per month to store."""
    fmt = document.get("format")
    if fmt != FIGURES_FORMAT:
        raise InputRejected([Problem("figures_file.format", "file", {"value": str(fmt)[:80]})])
    version = document.get("format_version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise InputRejected([_bad("format_version", version)])
    if version > FIGURES_VERSION:
        raise InputRejected(
            [
                Problem(
                    "figures_file.newer_version",
                    "file",
                    {"version": version, "known": FIGURES_VERSION},
                )
            ]
        )
    if set(document) != _TOP_KEYS:
        raise InputRejected([_bad("file", ", ".join(sorted(set(document) ^ _TOP_KEYS)))])
    payload = {k: v for k, v in document.items() if k != "sha256"}
    if document["sha256"] != sha256_hex(canonical_json(payload)):
        raise InputRejected([Problem("figures_file.hash", "file")])
    problems: list[Problem] = []
    office = document["office"]
    if not (isinstance(office, dict) and set(office) == {"code", "name"} and isinstance(office["code"], str)
            and 0 < len(office["code"].strip()) <= 32 and isinstance(office["name"], str) and len(office["name"]) <= 200):  # fmt: skip
        problems.append(_bad("office", office))
    rows = document["months"]
    if not isinstance(rows, list) or not 1 <= len(rows) <= MAX_MONTHS:
        raise InputRejected([*problems, _bad("months", type(rows).__name__)])
    out: list[tuple[tuple[int, int], dict[str, float]]] = []
    seen: set[tuple[int, int]] = set()
    for i, row in enumerate(rows):
        row_problems: list[Problem] = []
        month = _check_month(row, f"months[{i}]", row_problems)
        problems += row_problems
        if month is None:
            continue
        if month in seen:
            problems.append(Problem("figures_file.month_twice", "months", {"month": row["month"]}))
        seen.add(month)
        metrics = {key: float(row[key]) for key in _COUNTS if row[key] is not None}
        metrics.update(
            {f"applications_{k}": float(v) for k, v in row["applications_by_kind"].items()}
        )
        for key in ("avg_wait_minutes", "no_show_rate"):
            if row[key] is not None:
                metrics[key] = float(row[key])
        out.append((month, metrics))
    if problems:
        raise InputRejected(problems[:20])
    return out


def import_figures_file(db: Database, path: Path, *, actor: str | None = None) -> FiguresImport:
    """Check the whole file, then store its figures (source "import") in one transaction; re-import changes nothing."""
    require_role("figures.import")
    document = _read(Path(path))
    months = check_figures(document)
    code, name = document["office"]["code"].strip(), document["office"]["name"]
    stored = changed = 0
    now = datetime.now()
    with db.write() as s:
        existing = {(f.year, f.month, f.metric): f for f in s.scalars(
            select(MonthlyFigure).where(MonthlyFigure.office_code == code))}  # fmt: skip
        for (year, month), metrics in months:
            for metric, value in metrics.items():
                row = existing.get((year, month, metric))
                stored += 1
                if row is not None and row.value == value and row.source == "import":
                    continue
                if row is None:
                    row = MonthlyFigure(office_code=code, year=year, month=month, metric=metric)
                    s.add(row)
                row.value, row.source, row.updated_at = value, "import", now
                changed += 1
        audit(s, actor, "import_figures_file", "monthly_figure", code, at=now,
              file=Path(path).name, months=len(months), changed=changed)  # fmt: skip
    return FiguresImport(len(months), stored, code, name, changed, Changes(figures=changed > 0))
