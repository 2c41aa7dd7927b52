"""Queue numbers: services and their prefixes, priority categories, number format and words."""

from __future__ import annotations

import re
from dataclasses import dataclass

PRIORITIES: dict[str, tuple[str, str]] = {
    "lansia": ("Lansia (60+)", "Elderly (60+)"),
    "disabilitas": ("Penyandang disabilitas", "Person with disability"),
    "ibu_hamil": ("Ibu hamil", "Pregnant woman"),
    "anak": ("Anak / balita", "Child under 5"),
}

STATUSES = ("waiting", "called", "serving", "done", "no_show", "cancelled")
STATUS_LABELS = {
    "waiting": ("Menunggu", "Waiting"),
    "called": ("Dipanggil", "Called"),
    "serving": ("Dilayani", "Serving"),
    "done": ("Selesai", "Done"),
    "no_show": ("Tidak hadir", "No-show"),
    "cancelled": ("Batal", "Cancelled"),
}


@dataclass(frozen=True)
class ServiceSeed:
    prefix: str
    code: str
    name_id: str
    name_en: str
    kind: str  # wni_passport | wna_permit | collection | information
    sop_minutes: int


SERVICES: tuple[ServiceSeed, ...] = (
    ServiceSeed("A", "paspor", "Paspor baru / penggantian", "Passport new / replacement", "wni_passport", 30),
    ServiceSeed("B", "paspor_hilang_rusak", "Paspor hilang / rusak (wawancara)", "Lost / damaged passport (interview)", "wni_passport", 45),
    ServiceSeed("C", "izin_tinggal", "Izin tinggal WNA", "Foreigners' stay permits", "wna_permit", 30),
    ServiceSeed("D", "penyerahan", "Penyerahan paspor", "Passport collection", "collection", 10),
)  # fmt: skip

_NUMBER = re.compile(r"^\s*([A-Za-z])\s*-?\s*(\d{1,4})\s*$")


def format_number(prefix: str, sequence: int) -> str:
    return f"{prefix}-{sequence:03d}"


def parse_number(text: str) -> tuple[str, int] | None:
    m = _NUMBER.match(text or "")
    if not m:
        return None
    seq = int(m.group(2))
    if seq < 1:
        return None
    return m.group(1).upper(), seq


def service_for_kind(kind: str) -> str:
    """The ticket prefix an application kind queues under."""
    return "B" if kind in ("hilang", "rusak") else "A"


_ONES = ["", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
         "sepuluh", "sebelas"]  # fmt: skip


def number_in_words(n: int) -> str:
    """Indonesian words for 0..9999 ('dua puluh tiga'), for the call announcement."""
    if n == 0:
        return "nol"
    if n < 12:
        return _ONES[n]
    if n < 20:
        return f"{_ONES[n - 10]} belas"
    if n < 100:
        tens, ones = divmod(n, 10)
        return f"{_ONES[tens]} puluh" + (f" {_ONES[ones]}" if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        head = "seratus" if hundreds == 1 else f"{_ONES[hundreds]} ratus"
        return head + (f" {number_in_words(rest)}" if rest else "")
    thousands, rest = divmod(n, 1000)
    head = "seribu" if thousands == 1 else f"{number_in_words(thousands)} ribu"
    return head + (f" {number_in_words(rest)}" if rest else "")


def announcement(number: str, counter: str) -> str:
    """'Nomor antrean A dua puluh tiga, silakan ke loket 2.'"""
    parsed = parse_number(number)
    if not parsed:
        return number
    prefix, seq = parsed
    return f"Nomor antrean {prefix} {number_in_words(seq)}, silakan ke loket {counter}."
