"""Reading and checking the M-Paspor daily appointment CSV row by row, and the import report."""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from difflib import SequenceMatcher
from pathlib import Path

from app.changes import Changes
from app.desk.applicant import check_birth_date, check_name, check_phone
from app.desk.nik import RegionCodes, check_nik
from app.desk.passport import KINDS, PRODUCTS, check_validity
from app.desk.regions import known_regions
from app.i18n import N_, register_messages, text
from app.problems import InputRejected, Problem
from app.text_limits import max_length, too_long

COLUMNS = (
    "booking_code", "nik", "name", "birth_date", "sex", "phone",
    "application_kind", "product", "validity_years", "appointment_date",
)  # fmt: skip

_BOOKING = re.compile(rf"^[A-Za-z0-9-]{{4,{max_length('appointment.booking_code')}}}$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
# Excel with Indonesian settings writes day first; the four-digit year keeps it apart from ISO.
_DAY_FIRST_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
DATE_COLUMNS = ("birth_date", "appointment_date")
_LETTERS = re.compile(r"[^A-Z ]+")

register_messages(
    {
        "import.unreadable": N_("File {path} cannot be read: {reason}."),
        "import.csv": N_("The CSV file is damaged at row {row}: {reason}."),
        "import.summary": N_(
            "Appointment import: {imported} imported, {skipped} skipped (already present), {rejected} rejected."
        ),
        "import.summary_row": N_("Row {row} rejected — {reason}"),
        "import.summary_warning": N_("Row {row} imported, please check — {reason}"),
        # The stored name stays out of the reason: it may be read aloud or shown on a shared screen.
        "import.nik_mismatch": N_("The NIK is already registered to a different person."),
        "import.dates_mixed": N_(
            "The file writes dates both day first (row {day_row}) and month first (row {month_row}), "
            "so its dates cannot be read safely. Save it again with dates as DD/MM/YYYY or "
            "YYYY-MM-DD; nothing was imported."
        ),
        "import.dates_month_first": N_(
            "The file writes dates month first (MM/DD/YYYY, row {row}), so its other dates "
            "could be misread. Save it again with dates as DD/MM/YYYY or YYYY-MM-DD; "
            "nothing was imported."
        ),
    }
)


@dataclass
class RowRejection:
    """A row of the file that was not imported, by its spreadsheet row number (header = 1)."""

    row: int
    reason_key: str
    params: dict[str, object] = field(default_factory=dict)
    column: str = ""

    def message(self, lang: str | None = None) -> str:
        reason = text(self.reason_key, lang, **self.params)
        return f"{self.column}: {reason}" if self.column else reason


@dataclass
class RowWarning(RowRejection):
    """A row that was imported but deserves a look (NIK and form disagree)."""


@dataclass
class ImportReport:
    imported: int
    skipped: int
    rejected: list[RowRejection] = field(default_factory=list)
    warnings: list[RowWarning] = field(default_factory=list)
    lang: str | None = None  # the language of as_json's reasons (None: the active language)
    batch_id: int | None = None
    changes: Changes = Changes(applicants=True, appointments=True)

    def as_json(self) -> dict[str, object]:
        return {
            "imported": self.imported,
            "skipped": self.skipped,
            "rejected": [{"row": r.row, "reason": r.message(self.lang)} for r in self.rejected],
        }

    def summary(self, lang: str | None = None) -> str:
        lang = lang or self.lang
        counts = {
            "imported": self.imported,
            "skipped": self.skipped,
            "rejected": len(self.rejected),
        }
        lines = [text("import.summary", lang, **counts)]
        for r in self.rejected:
            lines.append(text("import.summary_row", lang, row=r.row, reason=r.message(lang)))
        for w in self.warnings:
            lines.append(text("import.summary_warning", lang, row=w.row, reason=w.message(lang)))
        return "\n".join(lines)


@dataclass(frozen=True)
class BookingLine:
    """One checked row, values normalised, ready to be written."""

    row: int
    booking_code: str
    nik: str
    name: str
    birth_date: date
    sex: str
    phone: str | None
    kind: str
    product: str
    validity_years: int
    appointment_date: date


@dataclass
class AppointmentFile:
    sha256: str
    filename: str
    lines: list[BookingLine] = field(default_factory=list)
    rejected: list[RowRejection] = field(default_factory=list)
    warnings: list[RowWarning] = field(default_factory=list)


def _refuse(key: str, **params: object) -> InputRejected:
    return InputRejected([Problem(key, "file", params)])


def read_bytes(path: Path) -> bytes:
    try:
        return Path(path).read_bytes()
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        raise _refuse("import.file_missing", path=str(path)) from None
    except OSError as exc:
        raise _refuse("import.unreadable", path=str(path), reason=exc.strerror or exc) from None


def decode(data: bytes) -> str:
    """UTF-8 with or without the BOM Excel writes; anything else refuses the whole file."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _refuse("import.encoding") from None


def sniff_delimiter(header_line: str) -> str:
    """Semicolon when the header has more of them (Excel with Indonesian list separator)."""
    return ";" if header_line.count(";") > header_line.count(",") else ","


def column_positions(header: list[str]) -> dict[str, int]:
    names = [h.strip().lower() for h in header]
    positions = {name: i for i, name in reversed(list(enumerate(names)))}
    missing = [c for c in COLUMNS if c not in positions]
    if missing:
        raise _refuse("import.header", missing=", ".join(missing))
    return {c: positions[c] for c in COLUMNS}


def read_date(value: str) -> date | None:
    """YYYY-MM-DD, or DD/MM/YYYY as Excel with Indonesian settings writes it; None otherwise."""
    try:
        if m := _ISO_DATE.match(value):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if m := _DAY_FIRST_DATE.match(value):
            return date(int(m[3]), int(m[2]), int(m[1]))
    except ValueError:
        return None
    return None


@dataclass
class DateOrder:
    """Which rows show the order of day and month: a first field over 12 is a day, a second a month."""

    day_first_row: int | None = None
    month_first_row: int | None = None

    def note(self, row: int, value: str) -> None:
        m = _DAY_FIRST_DATE.match(value.strip())
        if m is None:
            return
        first, second = int(m[1]), int(m[2])
        if first > 12 and second <= 12 and self.day_first_row is None:
            self.day_first_row = row
        if second > 12 and first <= 12 and self.month_first_row is None:
            self.month_first_row = row

    def check(self) -> None:
        """Refuse the file when any row can only be month first: its other dates may be misread."""
        if self.month_first_row is None:
            return
        if self.day_first_row is not None:
            raise _refuse(
                "import.dates_mixed", day_row=self.day_first_row, month_row=self.month_first_row
            )
        raise _refuse("import.dates_month_first", row=self.month_first_row)


def check_row(
    row: int, v: dict[str, str], today: date, regions: RegionCodes | None = None
) -> tuple[BookingLine | None, RowRejection | None, list[RowWarning]]:
    """A row's values → the line to write, or the first reason to refuse it; plus warnings."""

    def no(key: str, column: str, **params: object) -> tuple[None, RowRejection, list[RowWarning]]:
        return None, RowRejection(row, key, dict(params), column), []

    code = v["booking_code"].strip().upper()
    if not _BOOKING.match(code):
        return no("import.booking_code", "booking_code")
    birth = read_date(v["birth_date"].strip())
    if birth is None:
        return no("field.required" if not v["birth_date"].strip() else "date.format", "birth_date")
    sex = v["sex"].strip().upper()
    nik = check_nik(v["nik"], birth, sex, today, regions=regions or known_regions())
    if nik.errors:
        first = nik.errors[0]
        return no(first.key, "nik", **first.params)
    name = " ".join(v["name"].split()).upper()
    problem = (
        check_name(v["name"])
        or too_long("applicant.name", name, "name")
        or check_birth_date(birth, today)
    )
    if problem:
        return no(problem.key, problem.field, **problem.params)
    if sex not in ("L", "P"):
        return no("sex.invalid", "sex")
    phone = v["phone"].strip().replace(" ", "").replace("-", "")
    if check_phone(phone):
        return no("phone.format", "phone")
    kind = v["application_kind"].strip().lower().replace(" ", "_")
    if kind not in KINDS:
        return no("kind.invalid", "application_kind", value=v["application_kind"].strip())
    product = v["product"].strip().lower().replace("-", "").replace(" ", "")
    if product not in PRODUCTS:
        return no("product.invalid", "product", value=v["product"].strip())
    appointment = read_date(v["appointment_date"].strip())
    if appointment is None:
        key = "field.required" if not v["appointment_date"].strip() else "date.format"
        return no(key, "appointment_date")
    validity_text = v["validity_years"].strip()
    validity = int(validity_text) if validity_text.isascii() and validity_text.isdigit() else 0
    # Age is judged on the appointment day: that is when the application is made.
    problem = check_validity(validity, birth, appointment, married=False)
    if problem:
        return no(problem.key, "validity_years")
    line = BookingLine(
        row=row,
        booking_code=code,
        nik=nik.nik,
        name=name,
        birth_date=birth,
        sex=sex,
        phone=phone or None,
        kind=kind,
        product=product,
        validity_years=validity,
        appointment_date=appointment,
    )
    warnings = [RowWarning(row, w.key, dict(w.params), w.field) for w in nik.warnings]
    return line, None, warnings


def parse_appointments(
    data: bytes,
    filename: str,
    today: date,
    progress: Callable[[float], None] | None = None,
) -> AppointmentFile:
    """Every data row checked; file-level problems raise InputRejected."""
    content = decode(data)
    if not content.strip():
        raise _refuse("import.empty")
    first_line = content.lstrip("\r\n").splitlines()[0]
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=sniff_delimiter(first_line))
    filename = filename[-max_length("import_batch.filename") :]
    result = AppointmentFile(sha256=hashlib.sha256(data).hexdigest(), filename=filename)
    regions = known_regions()
    order = DateOrder()
    first_row: dict[str, int] = {}
    positions: dict[str, int] | None = None
    width = data_rows = record = 0
    physical_lines = max(content.count("\n"), 1)  # for progress only: records ≈ lines
    try:
        # A spreadsheet numbers records, not physical lines: a quoted name with a line
        # break is still one row, so the row number is the record index + 1.
        for record, values in enumerate(reader, start=1):
            if positions is None:
                if not any(x.strip() for x in values):
                    continue  # blank lines above the header
                positions = column_positions(values)
                width = len(values)
                continue
            if not any(x.strip() for x in values):
                continue
            data_rows += 1
            if progress and data_rows % 1000 == 0:
                progress(min(record / physical_lines, 1.0))
            if len(values) < width or any(x.strip() for x in values[width:]):
                result.rejected.append(
                    RowRejection(record, "import.columns", {"n": len(values), "expected": width})
                )
                continue
            row = {c: values[i] for c, i in positions.items()}
            for column in DATE_COLUMNS:
                order.note(record, row[column])
            code = row["booking_code"].strip().upper()
            if _BOOKING.match(code):
                if code in first_row:
                    result.rejected.append(
                        RowRejection(
                            record,
                            "import.duplicate_in_file",
                            {"code": code, "row": first_row[code]},
                            "booking_code",
                        )
                    )
                    continue
                first_row[code] = record
            line, rejection, warnings = check_row(record, row, today, regions)
            if rejection:
                result.rejected.append(rejection)
                continue
            assert line is not None
            result.lines.append(line)
            result.warnings.extend(warnings)
    except csv.Error as exc:
        raise _refuse("import.csv", row=record + 1, reason=str(exc)) from None
    if positions is None or data_rows == 0:
        raise _refuse("import.empty")
    order.check()
    return result


def _name_tokens(name: str) -> list[str]:
    return _LETTERS.sub(" ", name.upper()).split()


def _initial_of(initial: str, word: str) -> bool:
    return len(initial) == 1 and word.startswith(initial)


def _covered(short: list[str], long: list[str]) -> bool:
    """Every token of *short* matches a distinct token of *long* (an initial matches its word)."""
    pool = list(long)
    for token in short:
        match = next(
            (t for t in pool if t == token or _initial_of(token, t) or _initial_of(t, token)), None
        )
        if match is None:
            return False
        pool.remove(match)
    return True


def names_agree(a: str, b: str) -> bool:
    """Same person by name: equal, one name contained in the other, initials, or a small typo."""
    ta, tb = _name_tokens(a), _name_tokens(b)
    if not ta or not tb:
        return False
    short, long = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    if _covered(short, long):
        return True
    return SequenceMatcher(None, " ".join(ta), " ".join(tb)).ratio() >= 0.8
