"""Queue numbers: services and their prefixes, priority categories, number format and words."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.i18n import N_, _

# Priority categories: these tickets are called before the others of their service.
PRIORITIES: dict[str, str] = {
    "lansia": N_("Elderly (60+)"),
    "disabilitas": N_("Person with disability"),
    "ibu_hamil": N_("Pregnant woman"),
    "anak": N_("Child under 5"),
}

STATUSES = ("waiting", "called", "serving", "done", "no_show", "cancelled")
STATUS_LABELS: dict[str, str] = {
    "waiting": N_("Waiting"),
    "called": N_("Called"),
    "serving": N_("Serving"),
    "done": N_("Done"),
    "no_show": N_("No-show"),
    "cancelled": N_("Cancelled"),
}


@dataclass(frozen=True)
class ServiceSeed:
    prefix: str
    code: str
    name: str  # English source; shown with label()
    kind: str  # wni_passport | wna_permit | collection | information
    sop_minutes: int

    def label(self, lang: str | None = None) -> str:
        return _(self.name, lang)


SERVICES: tuple[ServiceSeed, ...] = (
    ServiceSeed("A", "paspor", N_("Passport new / replacement"), "wni_passport", 30),
    ServiceSeed("B", "paspor_hilang_rusak", N_("Lost / damaged passport (interview)"), "wni_passport", 45),
    ServiceSeed("C", "izin_tinggal", N_("Foreigners' stay permits"), "wna_permit", 30),
    ServiceSeed("D", "penyerahan", N_("Passport collection"), "collection", 10),
)  # fmt: skip

# Ticket prefix → service name (English source), for showing a ticket's service.
SERVICE_NAMES: dict[str, str] = {svc.prefix: svc.name for svc in SERVICES}

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
