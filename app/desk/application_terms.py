"""What a search text may be: an application number, a NIK or its first digits, a passport number, a
booking code, or a piece of a name (pure rules; app.desk.application_search asks the database)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.desk.applicant import PASSPORT_NUMBER, normalize_passport
from app.desk.nik import normalize_nik
from app.desk.stages import parse_application_number
from app.i18n import N_, register_messages

NIK_DIGITS = 16
# Six digits name the province, regency and district: fewer would match a whole region.
NIK_PREFIX_MIN = 6
# Trigram indexes find a piece of three characters or more anywhere in a name. One or two
# letters cannot use them, and a scan of every name at each keystroke would cost ~100 ms on a
# million applicants for a list nobody reads; so a piece that short finds only a whole name
# that short ("LI"), and the clerk is asked for a third letter.
NAME_PIECE_MIN = 3
# The characters app.desk.applicant.check_name lets into a name, which is stored in upper case.
_NAME_PIECE = re.compile(r"[A-Z .,'\-]+")
BOOKING_MAX = 40

register_messages(
    {"search.short": N_("Type at least 3 letters to search inside names.")},
)


@dataclass(frozen=True)
class SearchTerms:
    """Every kind of key a search text can be; the search finds what matches any of them."""

    number: int | None = None  # an application number ("PMH-0001234", "1234")
    nik: str | None = None  # all 16 digits
    nik_prefix: str | None = None  # the first 6 to 15 digits
    passport: str | None = None
    booking: str | None = None
    name_piece: str | None = None  # found anywhere in the name
    exact_name: str | None = None  # a text too short for a piece: the whole name
    nothing: bool = False  # there is a text, and it can be no key at all

    @property
    def any(self) -> bool:
        """Whether the text adds a condition (an empty text finds every application)."""
        return self.nothing or any(
            v is not None
            for v in (
                self.number,
                self.nik,
                self.nik_prefix,
                self.passport,
                self.booking,
                self.name_piece,
                self.exact_name,
            )  # fmt: skip
        )


def search_terms(text: str | None) -> SearchTerms:
    """The keys *text* may be, as the database stores them (upper case, single spaces)."""
    raw = (text or "").strip()
    if not raw:
        return SearchTerms()
    number = parse_application_number(raw)
    digits = normalize_nik(raw)
    nik = digits if digits.isdigit() and len(digits) == NIK_DIGITS else None
    prefix = digits if digits.isdigit() and NIK_PREFIX_MIN <= len(digits) < NIK_DIGITS else None
    passport = normalize_passport(raw)
    booking = raw.upper()
    name = " ".join(raw.split()).upper()
    named = _NAME_PIECE.fullmatch(name) is not None
    terms = SearchTerms(
        number=number,
        nik=nik,
        nik_prefix=prefix,
        passport=passport if PASSPORT_NUMBER.match(passport) else None,
        booking=booking if len(booking) <= BOOKING_MAX and " " not in booking else None,
        name_piece=name if named and len(name) >= NAME_PIECE_MIN else None,
        exact_name=name if named and len(name) < NAME_PIECE_MIN else None,
    )
    return terms if terms.any else SearchTerms(nothing=True)


def too_short_for_names(text: str | None) -> bool:
    """Whether *text* is letters too few to search inside names (the clerk sees search.short)."""
    return search_terms(text).exact_name is not None
