"""NIK (Nomor Induk Kependudukan): the 16-digit national identity number.

Layout PP KK CC DD MM YY SSSS — province, regency/city, district, day of birth
(+40 for women), month, 2-digit year, serial. Format errors are hard; a birth
date or sex that disagrees with the form is only a warning, because the NIK is
permanent and may legitimately differ from the birth certificate.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from app.i18n import N_, register_messages
from app.problems import Problem

register_messages({
    "nik.regency_unknown": N_("Regency/city code {code} in the NIK is unknown (province {province})."),
})  # fmt: skip


@dataclass(frozen=True)
class RegionCodes:
    """The province and regency/city codes a NIK may carry, with their names (Kemendagri codes).

    The table is data (resources/regions.csv, extended by an administrator's file), read by
    app.desk.regions; the rules only receive it.
    """

    provinces: Mapping[str, str]  # "16" -> "Sumatera Selatan"
    regencies: Mapping[str, str]  # "1603" -> "Kabupaten Muara Enim"


@dataclass(frozen=True)
class NikFacts:
    province: str
    regency: str
    district: str
    sex: str  # "L" or "P"
    birth_day: int
    birth_month: int
    birth_yy: int
    serial: str

    def birth_date(self, today: date | None = None) -> date | None:
        """The birth date, choosing the century that puts it in the past."""
        today = today or date.today()
        for century in (2000, 1900):
            year = century + self.birth_yy
            try:
                d = date(year, self.birth_month, self.birth_day)
            except ValueError:
                return None
            if d <= today:
                return d
        return None


@dataclass
class NikCheck:
    nik: str
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    facts: NikFacts | None = None

    @property
    def ok(self) -> bool:
        return not self.errors


def normalize_nik(raw: str) -> str:
    """Strip spaces, dots and dashes that scanners and people add."""
    return "".join(ch for ch in raw.strip() if ch not in " .-\t")


def check_nik(
    raw: str,
    birth_date: date | None = None,
    sex: str | None = None,
    today: date | None = None,
    regions: RegionCodes | None = None,
) -> NikCheck:
    """Hard errors (format, region codes, day/month, serial) and warnings (form disagrees).

    Province and regency/city are looked up in *regions* (app.desk.regions.known_regions());
    without it only their shape is checked (a regency or district cannot be 00).
    """
    nik = normalize_nik(raw or "")
    result = NikCheck(nik=nik)
    err = result.errors.append
    if not nik:
        err(Problem("nik.empty", "nik"))
        return result
    if not nik.isascii() or not nik.isdigit():
        err(Problem("nik.digits", "nik"))
        return result
    if len(nik) != 16:
        err(Problem("nik.length", "nik", {"n": len(nik)}))
        return result
    prov, reg, dist = nik[0:2], nik[2:4], nik[4:6]
    dd, mm, yy, serial = int(nik[6:8]), int(nik[8:10]), int(nik[10:12]), nik[12:16]
    if reg == "00":
        err(Problem("nik.regency", "nik"))
    if regions is not None:
        if prov not in regions.provinces:
            err(Problem("nik.province", "nik", {"code": prov}))
        elif reg != "00" and prov + reg not in regions.regencies:
            province = regions.provinces[prov]
            err(Problem("nik.regency_unknown", "nik", {"code": prov + reg, "province": province}))
    if dist == "00":
        err(Problem("nik.district", "nik"))
    if not (1 <= dd <= 31 or 41 <= dd <= 71):
        err(Problem("nik.day", "nik", {"day": f"{dd:02d}"}))
    if not 1 <= mm <= 12:
        err(Problem("nik.month", "nik", {"month": f"{mm:02d}"}))
    if serial == "0000":
        err(Problem("nik.serial", "nik"))
    if result.errors:
        return result
    female = dd > 40
    facts = NikFacts(
        prov, reg, dist, "P" if female else "L", dd - 40 if female else dd, mm, yy, serial
    )
    nik_birth = facts.birth_date(today)
    if nik_birth is None:
        err(Problem("nik.date", "nik"))
        return result
    result.facts = facts
    if birth_date is not None and birth_date != nik_birth:
        result.warnings.append(
            Problem(
                "nik.warn_birth",
                "birth_date",
                {"form": birth_date.isoformat(), "nik": nik_birth.isoformat()},
            )
        )
    if sex and sex.upper() in ("L", "P") and sex.upper() != facts.sex:
        result.warnings.append(Problem("nik.warn_sex", "sex"))
    return result


def make_nik(province: str, regency: str, district: str, birth: date, sex: str, serial: int) -> str:
    """Build a NIK (for demo data and tests)."""
    day = birth.day + (40 if sex == "P" else 0)
    return (
        f"{province}{regency}{district}{day:02d}{birth.month:02d}{birth.year % 100:02d}{serial:04d}"
    )
