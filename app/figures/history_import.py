"""Import an office's figures from before KanimDesk (a month,metric,value CSV) in one transaction.

The rows are checked by app/figures/history_rows.py; this module reads the file, refuses a file
that cannot be read as CSV text, and stores the good rows as MonthlyFigure rows (source
"import") for the office, replacing a stored value of the same month and metric. Each import
is recorded as an ImportBatch with an AuditLog row naming who imported which file, and the
values it replaced (before → after).
"""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Final, cast

from sqlalchemy import Table, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from app.admin.session import require as require_role
from app.changes import NOTHING, Changes
from app.db.engine import Database
from app.db.models import AuditLog, ImportBatch, Office
from app.db.visit_models import MonthlyFigure
from app.figures.history_rows import HistoryRow, RowProblem, check_history_rows, separator
from app.figures.metrics import HISTORY_METRICS
from app.i18n import N_, ngettext, register_messages, text
from app.problems import InputRejected, Problem
from app.text_limits import max_length

BATCH_KIND: Final = "figures_history"
MAX_BYTES: Final = 2 * 1024 * 1024  # ten years of every metric is ~50 KB
WRITE_CHUNK: Final = 500  # rows per INSERT: 7 parameters each, well under both limits

register_messages({
    "history.unreadable": N_("File {path} cannot be read: {reason}."),
    "history.too_large": N_("File {path} is too large for a figures CSV ({size} bytes; at most {max})."),
    "history.not_text": N_("File {path} is not a CSV text file. Save it again as CSV UTF-8."),
    "history.workbook": N_("File {path} is an Excel workbook, not a CSV file. In Excel choose Save As → CSV UTF-8."),
    "history.quote_open": N_('Row {row} opens a quote (") that is never closed, so the rows after it cannot be read. Remove the quote or close it.'),
    "history.line_break": N_('Row {row} has a line break inside a quoted cell; a month, metric or value cannot hold one. Check the quotes (").'),
    "history.quote_inside": N_('Row {row} has text right after a closing quote ("); put the whole cell in quotes or remove the quotes.'),
    "history.csv": N_("The CSV file is damaged at row {row}: {reason}."),
    "history.office_unknown": N_("Office {code} is not in this database."),
    "history.summary": N_("Historical figures for {office}: {imported} stored ({replaced} replaced an earlier value), {rejected} rejected."),
    "history.summary_none": N_("Historical figures for {office}: nothing stored, because {rejected} rejected and --all-or-nothing was given."),
    "history.summary_row": N_("Row {row} rejected — {reason}"),
})  # fmt: skip


@dataclass
class HistoryImport:
    """What an import did: rows stored, the rows rejected (by spreadsheet row number)."""

    imported: int
    rejected: list[RowProblem] = field(default_factory=list)
    replaced: int = 0  # stored rows whose earlier value (or source) was different
    office_code: str = ""
    batch_id: int | None = None  # None: nothing was recorded (all-or-nothing refused the file)
    changes: Changes = NOTHING

    def as_json(self, lang: str | None = None) -> dict[str, object]:
        """{"imported": n, "rejected": [{"row": r, "reason": "..."}]} with reasons in *lang*."""
        return {
            "imported": self.imported,
            "rejected": [{"row": r.row, "reason": r.reason(lang)} for r in self.rejected],
        }

    def summary(self, lang: str | None = None) -> str:
        """A short summary line, then one line per rejected row."""
        rows = ngettext("{n} row", "{n} rows", len(self.rejected), lang).format(
            n=len(self.rejected)
        )
        if self.batch_id is None and self.rejected:
            head = text("history.summary_none", lang, office=self.office_code, rejected=rows)
        else:
            head = text("history.summary", lang, office=self.office_code, imported=self.imported,
                        replaced=self.replaced, rejected=rows)  # fmt: skip
        lines = [head]
        for r in self.rejected:
            lines.append(text("history.summary_row", lang, row=r.row, reason=r.reason(lang)))
        return "\n".join(lines)


def _refuse(key: str, **params: object) -> InputRejected:
    return InputRejected([Problem(key, "file", params)])


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise FileNotFoundError(path)
        if size > MAX_BYTES:
            raise _refuse("history.too_large", path=str(path), size=size, max=MAX_BYTES)
        return path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        raise _refuse("import.file_missing", path=str(path)) from None
    except OSError as exc:
        raise _refuse("history.unreadable", path=str(path), reason=exc.strerror or exc) from None


def read_records(path: Path) -> tuple[list[list[str]], str, str]:
    """The file's CSV records, its separator and its SHA-256; a file that is not CSV text raises."""
    data = _read_bytes(path)
    if data.startswith(b"PK\x03\x04"):
        raise _refuse("history.workbook", path=str(path))
    if b"\x00" in data:  # UTF-16, a spreadsheet's binary format, an image: not CSV text
        raise _refuse("history.not_text", path=str(path))
    try:
        content = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _refuse("import.encoding") from None
    if not content.strip():
        raise _refuse("import.empty")
    sep = separator(content.lstrip("\r\n\t ").splitlines()[0])
    # strict: a quote opened and never closed would otherwise swallow every later row silently.
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=sep, strict=True)
    records: list[list[str]] = []
    try:
        for values in reader:
            if any("\n" in v or "\r" in v for v in values):
                raise _refuse("history.line_break", row=len(records) + 1)
            records.append(values)
    except csv.Error as exc:
        if "unexpected end of data" in str(exc):
            raise _refuse("history.quote_open", row=len(records) + 1) from None
        if "expected after" in str(exc):
            raise _refuse("history.quote_inside", row=len(records) + 1) from None
        raise _refuse("history.csv", row=len(records) + 1, reason=str(exc)) from None
    return records, sep, hashlib.sha256(data).hexdigest()


def _office_known(db: Database, office_code: str) -> None:
    with db.session() as s:
        if s.scalar(select(Office.id).where(Office.code == office_code)) is None:
            raise InputRejected(
                [Problem("history.office_unknown", "office", {"code": office_code})]
            )


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def import_history_csv(
    db: Database,
    office_code: str,
    path: Path,
    *,
    all_or_nothing: bool = False,
    actor: str = "import",
    today: date | None = None,
) -> HistoryImport:
    """Store every good row of a month,metric,value CSV for the office in one transaction.

    File-level problems (missing, not CSV text, wrong header, no rows) and an office not in the
    database raise InputRejected and change nothing. With *all_or_nothing*, any rejected row
    means nothing is stored and nothing is recorded. Importing the same file again stores the
    same values again (nothing changes but the record of the import).
    """
    require_role("figures.import")
    path = Path(path)
    today = today or date.today()
    _office_known(db, office_code)
    records, sep, sha256 = read_records(path)
    checked = check_history_rows(records, sep, HISTORY_METRICS, today)
    rejected = checked.rejected
    if all_or_nothing and rejected:
        return HistoryImport(0, rejected, office_code=office_code)
    now = datetime.now()
    with db.write() as s:
        replaced = _store(s, office_code, checked.lines, now)
        batch = ImportBatch(kind=BATCH_KIND, sha256=sha256, imported_at=now,
                            filename=path.name[-max_length("import_batch.filename") :],
                            imported=len(checked.lines), rejected=len(rejected))  # fmt: skip
        s.add(batch)
        s.flush()
        months = sorted({ln.month_label for ln in checked.lines})
        span = f"{months[0]}..{months[-1]}" if months else "-"
        before_after = "; ".join(
            f"{m} {metric} {_number(old)}->{new}" for m, metric, old, new in replaced
        )
        detail = (f"office={office_code} file={batch.filename} sha256={sha256[:16]} months={span} "
                  f"imported={len(checked.lines)} replaced={len(replaced)} rejected={len(rejected)}"
                  + (f" before->after: {before_after}" if before_after else ""))  # fmt: skip
        s.add(AuditLog(actor=actor[:60], action="import_history_figures", entity="import_batch",
                       entity_id=str(batch.id), at=now, detail=detail))  # fmt: skip
        batch_id = batch.id
    changes = Changes(figures=True) if checked.lines else NOTHING
    return HistoryImport(
        len(checked.lines), rejected, len(replaced), office_code, batch_id, changes
    )


def _store(
    s: Session, office_code: str, lines: list[HistoryRow], now: datetime
) -> list[tuple[str, str, float, int]]:
    """Insert or overwrite each line's MonthlyFigure; returns (month, metric, before, after) of
    the stored values that were different (or entered at the office rather than imported).

    An upsert rather than read-then-insert: a figure another workstation stores meanwhile is
    overwritten instead of failing the whole import on the unique (office, month, metric).
    """
    if not lines:
        return []
    years = sorted({ln.year for ln in lines})
    stored = s.execute(
        select(MonthlyFigure.year, MonthlyFigure.month, MonthlyFigure.metric,
               MonthlyFigure.value, MonthlyFigure.source)
        .where(MonthlyFigure.office_code == office_code, MonthlyFigure.year.in_(years))
    )  # fmt: skip
    existing = {(y, m, metric): (value, source) for y, m, metric, value, source in stored}
    replaced = []
    for ln in lines:
        before = existing.get((ln.year, ln.month, ln.metric))
        if before is not None and (before[0] != ln.value or before[1] != "import"):
            replaced.append((ln.month_label, ln.metric, before[0], ln.value))
    table = cast(Table, MonthlyFigure.__table__)
    upsert = pg_insert if s.get_bind().dialect.name == "postgresql" else sqlite_insert
    for start in range(0, len(lines), WRITE_CHUNK):
        rows = [{"office_code": office_code, "year": ln.year, "month": ln.month,
                 "metric": ln.metric, "value": float(ln.value), "source": "import",
                 "updated_at": now} for ln in lines[start : start + WRITE_CHUNK]]  # fmt: skip
        statement = upsert(table).values(rows)
        s.execute(statement.on_conflict_do_update(
            index_elements=["office_code", "year", "month", "metric"],
            set_={"value": statement.excluded.value, "source": statement.excluded.source,
                  "updated_at": statement.excluded.updated_at},
        ))  # fmt: skip
    return replaced
