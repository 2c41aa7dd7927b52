"""NIK (Nomor Induk Kependudukan): the 16-digit national identity number.

Layout PP KK CC DD MM YY SSSS — province, regency/city, district, day of birth
(+40 for women), month, 2-digit year, serial. Format errors are hard; a birth
date or sex that disagrees with the form is only a warning, because the NIK is
permanent and may legitimately differ from the birth certificate.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from app.problems import Problem

# Province codes (Kemendagri), including the Papua provinces created in 2022.
PROVINCES: dict[str, str] = {
    "11": "Aceh", "12": "Sumatera Utara", "13": "Sumatera Barat", "14": "Riau",
    "15": "Jambi", "16": "Sumatera Selatan", "17": "Bengkulu", "18": "Lampung",
    "19": "Kepulauan Bangka Belitung", "21": "Kepulauan Riau", "31": "DKI Jakarta",
    "32": "Jawa Barat", "33": "Jawa Tengah", "34": "DI Yogyakarta", "35": "Jawa Timur",
    "36": "Banten", "51": "Bali", "52": "Nusa Tenggara Barat", "53": "Nusa Tenggara Timur",
    "61": "Kalimantan Barat", "62": "Kalimantan Tengah", "63": "Kalimantan Selatan",
    "64": "Kalimantan Timur", "65": "Kalimantan Utara", "71": "Sulawesi Utara",
    "72": "Sulawesi Tengah", "73": "Sulawesi Selatan", "74": "Sulawesi Tenggara",
    "75": "Gorontalo", "76": "Sulawesi Barat", "81": "Maluku", "82": "Maluku Utara",
    "91": "Papua", "92": "Papua Barat", "93": "Papua Selatan", "94": "Papua Tengah",
    "95": "Papua Pegunungan", "96": "Papua Barat Daya",
}  # fmt: skip


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
) -> NikCheck:
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
    if prov not in PROVINCES:
        err(Problem("nik.province", "nik", {"code": prov}))
    if reg == "00":
        err(Problem("nik.regency", "nik"))
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
