"""Settings file (TOML, validated, written atomically) and the platformdirs folders for data, config, logs and backups."""

from __future__ import annotations

import difflib
import logging
import os
import re
import tomllib
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, get_args, get_origin, get_type_hints

import platformdirs
import tomli_w

from app.atomic_file import write_atomically
from app.i18n import LANGUAGES, language, text
from app.problems import InputRejected, Problem
from app.toml_lines import line_of, syntax_error_place, toml_value

if TYPE_CHECKING:
    from pydantic_core import SchemaValidator
    from pydantic_core.core_schema import CoreSchema, TypedDictSchema

APP_NAME = "KanimDesk"
log = logging.getLogger(__name__)


def data_dir() -> Path:
    return Path(os.environ.get("KANIMDESK_DATA_DIR") or platformdirs.user_data_dir(APP_NAME))


def config_dir() -> Path:
    return Path(os.environ.get("KANIMDESK_CONFIG_DIR") or platformdirs.user_config_dir(APP_NAME))


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME))


def settings_path() -> Path:
    return config_dir() / "settings.toml"


def last_good_path(path: Path) -> Path:
    """The copy of the last settings file that loaded or saved cleanly: settings.last-good.toml."""
    return path.with_name(f"{path.stem}.last-good{path.suffix}")


def default_db_url() -> str:
    return f"sqlite:///{data_dir() / 'kanimdesk.sqlite'}"


@dataclass(frozen=True)
class Rule:
    """What one setting may hold beyond its type, and how a refusal of it is worded.

    ``Annotated`` metadata on the Settings fields; `_validator()` turns the fields into a
    pydantic validator that takes each value exactly as its type ("80" is not 80, true is not 1).
    """

    file_key: str  # the refusal for the settings file: "{field} must be …, not {value}."
    form_key: str = "settings.invalid"  # the reason shown at the field on the Settings page
    allowed: Callable[[Any], bool] | None = None


TEXT = Rule("settings.file.text")
OFFICE_NAME = Rule("settings.file.office_name", "settings.office_name", lambda v: bool(v.strip()))
LANGUAGE = Rule("settings.file.language", "settings.language", lambda v: v in LANGUAGES)
PAPER = Rule("settings.file.paper", "settings.paper", lambda v: v in (58, 80))
WORKING_DAYS = Rule("settings.file.working_days", "settings.working_days", lambda v: 1 <= v <= 30)
CANCEL_DAYS = Rule("settings.file.cancel_days", "settings.cancel_days", lambda v: 1 <= v <= 365)
QUOTA = Rule("settings.file.quota", "settings.quota", lambda v: v >= 0)
YES_NO = Rule("settings.file.yes_no")
PRIORITY_STREAK = Rule(
    "settings.file.priority_streak", "settings.priority_streak", lambda v: 0 <= v <= 20
)
DISPLAY_LANGUAGE = Rule(
    "settings.file.display_language",
    "settings.display_language",
    lambda v: v in ("id", "en", "both"),
)
SERVICE_LETTERS = Rule(
    "settings.file.service_letters",
    "settings.service_letters",
    lambda v: all(len(x) == 1 and "A" <= x <= "Z" for x in v) and len(set(v)) == len(v),
)
SECTION = Rule("settings.file.section")
IDLE_LOCK = Rule("settings.file.idle_lock", "settings.idle_lock", lambda v: 0 <= v <= 240)
RETENTION = Rule("settings.file.retention", "settings.retention", lambda v: 1 <= v <= 100)
BACKUP_DAYS = Rule("settings.file.cancel_days", "settings.backup_days", lambda v: 1 <= v <= 365)
BACKUP_TIME = Rule(
    "settings.file.backup_time",
    "settings.backup_time",
    lambda v: bool(re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", v)),
)


@dataclass
class OfficeProfile:
    """The office this workstation serves, as printed on slips and reports."""

    code: Annotated[str, TEXT] = "MUARAENIM"
    name: Annotated[str, OFFICE_NAME] = "Kantor Imigrasi Kelas II Non-TPI Muara Enim"
    office_class: Annotated[str, TEXT] = "Kelas II Non-TPI"
    address: Annotated[str, TEXT] = "Jl. Jenderal Sudirman, Muara Enim, Sumatera Selatan"
    city: Annotated[str, TEXT] = "Muara Enim"
    head_name: Annotated[str, TEXT] = ""
    head_nip: Annotated[str, TEXT] = ""
    regional_office: Annotated[str, TEXT] = (
        "Kantor Wilayah Direktorat Jenderal Imigrasi Sumatera Selatan"
    )
    # Reported as 1603 for Muara Enim; unconfirmed, hence a setting.
    regency_code: Annotated[str, TEXT] = "1603"
    # Printed on the receipt (tanda terima); offices set their own.
    hours: Annotated[str, TEXT] = "Senin–Jumat, 08.00–15.00 WIB"


@dataclass
class Settings:
    """This workstation's settings. Built freely in code; `validate()` and loading judge them."""

    language: Annotated[str, LANGUAGE] = "id"
    db_url: Annotated[str, TEXT] = ""
    slip_printer: Annotated[str, TEXT] = ""
    slip_paper_mm: Annotated[int, PAPER] = 80
    collection_working_days: Annotated[int, WORKING_DAYS] = 4
    uncollected_cancel_days: Annotated[int, CANCEL_DAYS] = 30
    walk_in_priority_quota: Annotated[int, QUOTA] = 5
    # Offices close on cuti bersama, so a passport cannot be collected on one.
    collection_skips_joint_leave: Annotated[bool, YES_NO] = True
    # Per PC: which counter this is (shown on the display and in the queue log).
    counter: Annotated[str, TEXT] = "1"
    # Per PC: the service letters this counter calls (empty: every service).
    counter_services: Annotated[list[str], SERVICE_LETTERS] = field(default_factory=list)
    # How many priority tickets may be called in a row while normal ones wait (0: no limit).
    priority_streak_cap: Annotated[int, PRIORITY_STREAK] = 3
    # The waiting-room display: "id", "en" or "both" (for offices with many foreign visitors).
    display_language: Annotated[str, DISPLAY_LANGUAGE] = "id"
    # The display's chime and spoken call; off for a display without speakers.
    display_sound: Annotated[bool, YES_NO] = True
    # Accounts: an idle workstation locks after this many minutes (0: never).
    idle_lock_minutes: Annotated[int, IDLE_LOCK] = 10
    # Applicants' personal fields are anonymised this many years after their last contact.
    retention_years: Annotated[int, RETENTION] = 10
    # Automatic backups of the SQLite database: where ("" = the data folder's backups), how
    # many days they are kept, and the time of the end-of-day backup.
    backup_folder: Annotated[str, TEXT] = ""
    backup_keep_days: Annotated[int, BACKUP_DAYS] = 14
    backup_time: Annotated[str, BACKUP_TIME] = "15:30"
    office: Annotated[OfficeProfile, SECTION] = field(default_factory=OfficeProfile)

    def validate(self) -> dict[str, str]:
        """Return field ("slip_paper_mm", "office.name") -> message key for values that cannot be used."""
        problems: dict[str, str] = {}
        for error in _errors(asdict(self)):
            name = _field_name(error["loc"])
            rule = rules().get(name)
            problems.setdefault(name, rule.form_key if rule else "settings.invalid")
        return problems


@cache
def rules() -> dict[str, Rule]:
    """Each setting's rule by its dotted name ("language", "office.name")."""
    out: dict[str, Rule] = {}
    for prefix, cls in (("", Settings), ("office.", OfficeProfile)):
        for name, hint in get_type_hints(cls, include_extras=True).items():
            out[prefix + name] = next(m for m in get_args(hint) if isinstance(m, Rule))
    return out


@cache
def _validator() -> SchemaValidator:
    """The validator of a settings file, built from the fields' types and rules.

    Built with pydantic-core, pydantic 2's validation engine, and only when a file is read:
    pydantic's own layer (TypeAdapter over these dataclasses) would add ~0.12 s to every start.
    """
    from pydantic_core import PydanticCustomError, SchemaValidator
    from pydantic_core import core_schema as cs

    exact: dict[type, Callable[..., CoreSchema]] = {
        int: cs.int_schema,
        str: cs.str_schema,
        bool: cs.bool_schema,
    }

    def checked(rule: Rule, schema: CoreSchema) -> CoreSchema:
        allowed = rule.allowed
        if allowed is None:
            return schema

        def check(value: Any) -> Any:
            if not allowed(value):
                raise PydanticCustomError("settings_rule", "value not allowed")
            return value

        return cs.no_info_after_validator_function(check, schema)

    def table(cls: type) -> TypedDictSchema:
        fields = {}
        for name, hint in get_type_hints(cls, include_extras=True).items():
            kind, rule = get_args(hint)[:2]
            schema: CoreSchema
            if kind is OfficeProfile:
                schema = table(kind)
            elif get_origin(kind) is list:
                item = exact[get_args(kind)[0]](strict=True)
                schema = cs.list_schema(item, strict=True)
            else:
                schema = exact[kind](strict=True)
            fields[name] = cs.typed_dict_field(checked(rule, schema), required=False)
        # A key the dataclass does not have is a typo, not a new option.
        return cs.typed_dict_schema(fields, extra_behavior="forbid")

    return SchemaValidator(table(Settings))


def _errors(data: object) -> list[Any]:
    """pydantic's errors for *data* (a settings file's tables), each with its loc, type and input."""
    from pydantic_core import ValidationError

    try:
        _validator().validate_python(data)
    except ValidationError as exc:
        return list(exc.errors())
    return []


def _field_name(loc: tuple[int | str, ...]) -> str:
    """The setting an error is about: "office.name"; an item of a list names its list."""
    return ".".join(str(part) for part in _setting_loc(loc))


def _setting_loc(loc: tuple[int | str, ...]) -> tuple[str, ...]:
    return tuple(str(part) for part in loc if not isinstance(part, int))


class SettingsError(InputRejected):
    """A settings file that cannot be used, told by file, line and field: never replaced by defaults."""

    def __init__(self, path: Path, problems: list[Problem], *, saving: bool = False):
        self.path = path
        self.saving = saving
        copy = last_good_path(path)
        self.last_good = copy if copy.exists() else None  # named so the clerk can restore it
        super().__init__(problems)
        self.args = (self.message(language()),)

    def message(self, lang: str | None = None) -> str:
        lines = []
        for p in self.problems:
            line = p.params.get("line")
            key = "settings.file.at_line" if line else "settings.file.at_file"
            lines.append(text(key, lang, file=self.path, line=line, problem=p.message(lang)))
        if self.saving:
            lines.append(text("settings.file.not_saved", lang, file=self.path))
        elif self.last_good is not None:
            lines.append(text("settings.file.restore", lang, copy=self.last_good))
        else:
            lines.append(text("settings.file.correct", lang))
        return "\n".join(lines)


def _nearest(loc: tuple[str, ...]) -> str | None:
    """The setting an unknown key was probably meant to be: a near name in its own section,
    or the same name in the other one (a key written above or below [office] by mistake)."""
    section = ".".join(loc[:-1])
    own: dict[str, str] = {}
    anywhere: dict[str, str] = {}
    for name in rules():
        head, _dot, leaf = name.rpartition(".")
        anywhere.setdefault(leaf, name)
        if head == section:
            own[leaf] = name
    for names, cutoff in ((own, 0.6), (anywhere, 0.8)):
        close = difflib.get_close_matches(loc[-1], list(names), n=1, cutoff=cutoff)
        if close:
            return names[close[0]]
    return None


def _problem(error: Any, line: int | None) -> Problem:
    """The refusal of one pydantic error, in the office's words; *line* is where it stands."""
    loc = _setting_loc(error["loc"])
    name = _field_name(error["loc"])
    params: dict[str, object] = {"field": name, "line": line}
    if error["type"] == "extra_forbidden":
        near = _nearest(loc)
        if near:
            return Problem("settings.file.unknown_near", name, {**params, "suggestion": near})
        return Problem("settings.file.unknown", name, params)
    rule = rules().get(name, TEXT)
    return Problem(rule.file_key, name, {**params, "value": toml_value(error["input"])})


def parse_settings(raw: bytes, path: Path) -> Settings:
    """The settings in *raw* (the bytes of *path*); SettingsError names each line that is wrong."""
    try:
        source = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise SettingsError(path, [Problem("settings.file.encoding", "", {"line": line})]) from None
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        line, column, reason = syntax_error_place(exc, source)
        params = {"line": line, "column": column, "reason": reason}
        raise SettingsError(path, [Problem("settings.file.syntax", "", params)]) from None
    errors = _errors(data)
    if errors:
        placed = [(line_of(source, _setting_loc(e["loc"])), e) for e in errors]
        placed.sort(key=lambda pair: pair[0] or 0)
        raise SettingsError(path, [_problem(e, line) for line, e in placed])
    office = OfficeProfile(**data.get("office", {}))
    return Settings(**{**data, "office": office})


def load_settings(path: Path | None = None) -> Settings:
    """The settings in force; a missing file (first start) means the defaults.

    A file that cannot be used is refused with SettingsError — never quietly replaced by
    defaults, which would open a local SQLite file instead of the office's database.
    """
    path = path or settings_path()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Settings()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        problem = Problem("settings.file.unreadable", "", {"reason": reason})
        raise SettingsError(path, [problem]) from None
    settings = parse_settings(raw, path)
    _keep_last_good(path, raw)
    return settings


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write *settings* atomically, and keep the result as the last good copy."""
    path = path or settings_path()
    problems = [_problem(e, None) for e in _errors(asdict(settings))]
    if problems:
        raise SettingsError(path, problems, saving=True)
    raw = tomli_w.dumps(asdict(settings)).encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, raw)
    _keep_last_good(path, raw)


def _keep_last_good(path: Path, raw: bytes) -> None:
    copy = last_good_path(path)
    try:
        if copy.exists() and copy.read_bytes() == raw:
            return
        write_atomically(copy, raw)
    except OSError as exc:  # a read-only folder must not keep the counter from opening
        log.warning("cannot keep %s: %s", copy, exc)


def resources_dir() -> Path:
    """The shipped resources/ folder (next to app/ in a checkout or an installed bundle)."""
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "resources", here / "resources"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("resources folder not found")
