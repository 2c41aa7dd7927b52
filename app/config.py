"""Settings file (TOML) and the platformdirs folders for data, config, logs and backups."""

from __future__ import annotations

import os
import tomllib
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

import platformdirs
import tomli_w

APP_NAME = "KanimDesk"


def data_dir() -> Path:
    return Path(os.environ.get("KANIMDESK_DATA_DIR") or platformdirs.user_data_dir(APP_NAME))


def config_dir() -> Path:
    return Path(os.environ.get("KANIMDESK_CONFIG_DIR") or platformdirs.user_config_dir(APP_NAME))


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME))


def settings_path() -> Path:
    return config_dir() / "settings.toml"


def default_db_url() -> str:
    return f"sqlite:///{data_dir() / 'kanimdesk.sqlite'}"


@dataclass
class OfficeProfile:
    code: str = "MUARAENIM"
    name: str = "Kantor Imigrasi Kelas II Non-TPI Muara Enim"
    office_class: str = "Kelas II Non-TPI"
    address: str = "Jl. Jenderal Sudirman, Muara Enim, Sumatera Selatan"
    city: str = "Muara Enim"
    head_name: str = ""
    head_nip: str = ""
    regional_office: str = "Kantor Wilayah Direktorat Jenderal Imigrasi Sumatera Selatan"
    # Reported as 1603 for Muara Enim; unconfirmed, hence a setting.
    regency_code: str = "1603"


@dataclass
class Settings:
    language: str = "id"
    db_url: str = ""
    slip_printer: str = ""
    slip_paper_mm: int = 80
    collection_working_days: int = 4
    uncollected_cancel_days: int = 30
    walk_in_priority_quota: int = 5
    # Per PC: which counter this is (shown on the display and in the queue log).
    counter: str = "1"
    office: OfficeProfile = field(default_factory=OfficeProfile)

    def validate(self) -> dict[str, str]:
        """Return field -> message key for values that cannot be used."""
        problems: dict[str, str] = {}
        if self.language not in ("id", "en"):
            problems["language"] = "settings.language"
        if self.slip_paper_mm not in (58, 80):
            problems["slip_paper_mm"] = "settings.paper"
        if not self.office.name.strip():
            problems["office.name"] = "settings.office_name"
        if not (1 <= self.collection_working_days <= 30):
            problems["collection_working_days"] = "settings.working_days"
        return problems


def _from_dict(data: dict) -> Settings:
    office_keys = {f.name for f in fields(OfficeProfile)}
    office = OfficeProfile(**{k: v for k, v in data.get("office", {}).items() if k in office_keys})
    top_keys = {f.name for f in fields(Settings)} - {"office"}
    top = {k: v for k, v in data.items() if k in top_keys}
    return Settings(office=office, **top)


def load_settings(path: Path | None = None) -> Settings:
    path = path or settings_path()
    if not path.exists():
        return Settings()
    try:
        with path.open("rb") as fh:
            return _from_dict(tomllib.load(fh))
    except (tomllib.TOMLDecodeError, TypeError, ValueError):
        # A damaged settings file must not keep the counter from opening.
        return Settings()


def save_settings(settings: Settings, path: Path | None = None) -> None:
    path = path or settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(tomli_w.dumps(asdict(settings)).encode("utf-8"))
    os.replace(tmp, path)


def resources_dir() -> Path:
    """The shipped resources/ folder (next to app/ in a checkout or an installed bundle)."""
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "resources", here / "resources"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("resources folder not found")
