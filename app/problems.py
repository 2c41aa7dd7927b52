"""A reason a value was refused or flagged, carried as a message key plus parameters."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from app.i18n import N_, language, register_messages, text


@dataclass(frozen=True)
class Problem:
    key: str
    field: str = ""
    params: dict[str, object] = dataclasses.field(default_factory=dict, hash=False, compare=False)

    def message(self, lang: str | None = None) -> str:
        return text(self.key, lang, **self.params)


class InputRejected(ValueError):
    """Input that cannot be saved; `problems` says which field and why."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(p.message(language()) for p in problems))

    def by_field(self, lang: str | None = None) -> dict[str, str]:
        out: dict[str, str] = {}
        for p in self.problems:
            out.setdefault(p.field, p.message(lang))
        return out

    def message(self, lang: str | None = None) -> str:
        return "\n".join(p.message(lang) for p in self.problems)


# Reasons that more than one area gives (each area registers its own beside its rules).
register_messages(
    {
        "nik.empty": N_("NIK is required."),
        "nik.length": N_("NIK must be 16 digits (it has {n})."),
        "nik.digits": N_("NIK may contain digits only."),
        "nik.province": N_("Province code {code} in the NIK is unknown."),
        "nik.regency": N_("Regency code in the NIK cannot be 00."),
        "nik.district": N_("District code in the NIK cannot be 00."),
        "nik.day": N_("Day of birth in the NIK ({day}) must be 01–31 (male) or 41–71 (female)."),
        "nik.month": N_("Month of birth in the NIK ({month}) must be 01–12."),
        "nik.date": N_("The birth date in the NIK is not a calendar date."),
        "nik.serial": N_("The NIK serial cannot be 0000."),
        "nik.warn_birth": N_(
            "Birth date on the form ({form}) differs from the NIK ({nik}). Check the documents."
        ),
        "nik.warn_sex": N_("Sex on the form differs from the NIK. Check the documents."),
        "field.required": N_("Required."),
        "name.short": N_("Name is too short."),
        "name.chars": N_("Name contains characters that are not allowed."),
        "birth.future": N_("Birth date cannot be in the future."),
        "birth.old": N_("Birth date is not plausible."),
        "date.format": N_("Date must be DD/MM/YYYY or YYYY-MM-DD."),
        "sex.invalid": N_("Sex must be L or P."),
        "passport.format": N_("Passport number must be 6–12 letters/digits."),
        "nationality.format": N_("Nationality must be a 3-letter country code (e.g. MYS)."),
        "phone.format": N_("Phone number is not valid."),
        "kind.invalid": N_("Unknown application kind: {value}."),
        "product.invalid": N_("Unknown passport product: {value}."),
        "validity.invalid": N_("Validity must be 5 or 10 years."),
        "validity.minor": N_("10-year validity is only for applicants aged 17+ or married."),
        "tariff.missing": N_("No tariff for {product} on {date}."),
        "tariff.used": N_(
            "This tariff is used by applications; add a new dated tariff row instead."
        ),
        "service.unknown": N_("Unknown service {code}."),
        "priority.unknown": N_("Unknown priority category: {value}."),
        "ticket.not_found": N_("Queue number {number} not found."),
        "ticket.bad_number": N_("Queue number must look like A-001."),
        "ticket.state": N_("Number {number} is {status}; this action is not possible."),
        "queue.empty": N_("No one is waiting."),
        "printer.missing": N_(
            'Slip printer "{printer}" not found. The ticket is saved and can be reprinted.'
        ),
        "printer.unset": N_(
            "No slip printer set in Settings. The ticket is saved and can be reprinted."
        ),
        "printer.failed": N_(
            'Printing to "{printer}" failed: {reason}. The ticket is saved and can be reprinted.'
        ),
        "import.file_missing": N_("File {path} not found."),
        "import.encoding": N_("The file is not UTF-8 text. Save it again as CSV UTF-8."),
        "import.header": N_("The header row does not match. Missing columns: {missing}."),
        "import.empty": N_("The file is empty."),
        "import.columns": N_("{n} columns, expected {expected}."),
        "import.booking_code": N_("Booking code is empty or not valid."),
        "import.duplicate_in_file": N_("Booking code {code} already appears in row {row}."),
        "import.conflict": N_("Booking code {code} is already registered with other data."),
        "settings.language": N_("Language must be id or en."),
        "settings.paper": N_("Slip paper must be 58 or 80 mm."),
        "settings.office_name": N_("Office name is required."),
        "settings.working_days": N_("Collection working days must be 1–30."),
        # How a settings file or a Settings field is refused (app/config.py's Rules).
        "settings.cancel_days": N_(
            "Days until an uncollected passport is cancelled must be 1–365."
        ),
        "settings.quota": N_("The walk-in priority quota cannot be negative."),
        "settings.idle_lock": N_(
            "Minutes until an idle workstation locks must be 0–240 (0: never)."
        ),
        "settings.retention": N_("Years before applicants' data are anonymised must be 1–100."),
        "settings.backup_days": N_("Days a backup is kept must be 1–365."),
        "settings.backup_time": N_("The end-of-day backup time must be HH:MM, e.g. 15:30."),
        "settings.file.idle_lock": N_("{field} must be a whole number from 0 to 240, not {value}."),
        "settings.file.retention": N_("{field} must be a whole number from 1 to 100, not {value}."),
        "settings.file.backup_time": N_('{field} must be a time such as "15:30", not {value}.'),
        "settings.invalid": N_("This value cannot be used."),
        "settings.priority_streak": N_("Priority calls in a row must be 0–20 (0: no limit)."),
        "settings.display_language": N_("The display language must be id, en or both."),
        "settings.service_letters": N_(
            "Services of this counter are service letters (A–Z), each once."
        ),
        "settings.file.priority_streak": N_(
            "{field} must be a whole number from 0 to 20 (0: no limit), not {value}."
        ),
        "settings.file.display_language": N_(
            '{field} must be "id", "en" or "both" (Indonesian and English), not {value}.'
        ),
        "settings.file.service_letters": N_(
            '{field} must be a list of service letters such as ["A", "B"], not {value}.'
        ),
        "settings.file.text": N_("{field} must be text in quotes, not {value}."),
        "settings.file.office_name": N_(
            "{field} must be the office's name in quotes (not empty), not {value}."
        ),
        "settings.file.language": N_(
            '{field} must be "id" (Indonesian) or "en" (English), not {value}.'
        ),
        "settings.file.paper": N_("{field} must be the number 58 or 80, not {value}."),
        "settings.file.working_days": N_(
            "{field} must be a whole number from 1 to 30, not {value}."
        ),
        "settings.file.cancel_days": N_(
            "{field} must be a whole number from 1 to 365, not {value}."
        ),
        "settings.file.quota": N_("{field} must be a whole number, 0 or more, not {value}."),
        "settings.file.yes_no": N_("{field} must be true or false (without quotes), not {value}."),
        "settings.file.section": N_("{field} must be the [office] section, not {value}."),
        "settings.file.at_line": N_("{file}, line {line}: {problem}"),
        "settings.file.at_file": N_("{file}: {problem}"),
        "settings.file.syntax": N_(
            "this is not valid TOML (column {column}: {reason}). "
            "Check the quotes, the = signs and the [section] lines."
        ),
        "settings.file.encoding": N_("the file is not UTF-8 text. Save it again as UTF-8."),
        "settings.file.unreadable": N_("the file cannot be read ({reason})."),
        "settings.file.unknown": N_("{field} is not a setting KanimDesk knows (a typo?)."),
        "settings.file.unknown_near": N_("{field} is not a setting; did you mean {suggestion}?"),
        "settings.file.restore": N_(
            "Correct the file, or copy {copy} (the last settings that worked) over it."
        ),
        "settings.file.correct": N_("Correct the file and start again."),
        "settings.file.not_saved": N_("Nothing was written to {file}."),
        "db.unreachable": N_("The database cannot be opened: {reason}"),
        "db.not_initialised": N_("The database is not initialised. Run: kanimdesk init"),
        "db.url": N_("Database URL is not valid: {url}"),
        "db.newer": N_(
            "This database was written by a newer KanimDesk (schema revision {revision}). "
            "Update the program; nothing was written."
        ),
        "db.foreign": N_(
            "This database does not have a KanimDesk schema KanimDesk can trust "
            "(several schema revisions: {revision}). Nothing was written."
        ),
    }
)
