"""The one gettext catalogue of KanimDesk — command line, PDFs and window alike — and
Indonesian dates, money and percentages (Babel).

Source strings are English and marked in the code with ``_()`` (translate now) or
``N_()`` (mark a constant, translate where it is shown); Indonesian, the default
language, comes from ``resources/translations/id/LC_MESSAGES/kanimdesk.mo``, compiled
from the ``.po`` beside it by ``python packaging/translations.py``. The core cannot use
Qt's ``tr()``, so the window uses this catalogue too (Qt's own ``qtbase_id`` still
translates the standard dialogs).

Reasons for refusing input travel as stable *reason keys* (``"nik.length"``) that
tests, JSON output and callers match on; each area registers the English words of its
keys once with ``register_messages``, and ``text(key)`` gives them in the user's
language.
"""

from __future__ import annotations

import gettext as _gettext
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from pathlib import Path

# Babel loads at the first formatted date or number, not at start-up.

DOMAIN = "kanimdesk"
LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"
SOURCE_LANGUAGE = "en"  # the language the msgids are written in
_active = DEFAULT_LANGUAGE


def translations_dir() -> Path:
    from app.config import resources_dir

    return resources_dir() / "translations"


@cache
def catalogue(lang: str) -> _gettext.NullTranslations:
    """The compiled catalogue of *lang*; English is the source language and needs none."""
    if lang == SOURCE_LANGUAGE:
        return _gettext.NullTranslations()
    # A missing .mo is a packaging fault that the tests catch: refuse loudly, never fall back.
    return _gettext.translation(DOMAIN, translations_dir(), languages=[lang])


def set_language(lang: str | None) -> str:
    """Make *lang* ("id" or "en") the language of every later message; returns it."""
    global _active
    _active = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    return _active


def language() -> str:
    """The language messages are given in now (set once at start by the CLI or the window)."""
    return _active


def _(message: str, lang: str | None = None) -> str:
    """*message* (English source) in *lang*, or in the active language."""
    return catalogue(lang or _active).gettext(message)


def ngettext(singular: str, plural: str, n: int, lang: str | None = None) -> str:
    return catalogue(lang or _active).ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark *message* for the catalogue without translating it yet (constants, tables)."""
    return message


def label(table: Mapping[str, str], code: str | None, lang: str | None = None) -> str:
    """The words for *code* from a table of code → English source; an unknown code is shown as it is."""
    if code is None:
        return ""
    source = table.get(code)
    return _(source, lang) if source is not None else code


# Reason keys → English source, filled by each area with register_messages.
MESSAGES: dict[str, str] = {}


def register_messages(messages: Mapping[str, str]) -> None:
    """Add an area's reason keys (key → English source marked with N_); a key may not change meaning."""
    clash = {k for k in messages if k in MESSAGES and MESSAGES[k] != messages[k]}
    if clash:
        raise ValueError(f"message keys defined twice: {sorted(clash)}")
    MESSAGES.update(messages)


def text(key: str, lang: str | None = None, **params: object) -> str:
    """The words for reason *key* in *lang* (default: the active language), with *params* filled in."""
    source = MESSAGES.get(key)
    if source is None:
        return key
    template = _(source, lang)
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


BABEL_LOCALES = {"id": "id_ID", "en": "en_GB"}


def babel_locale(lang: str | None = None) -> str:
    """The Babel locale of *lang* (default: the active language)."""
    return BABEL_LOCALES.get(lang or _active, "id_ID")


def long_date(d: date, lang: str | None = None) -> str:
    """'Kamis, 4 Juli 2024'."""
    from babel.dates import format_date

    return format_date(d, "EEEE, d MMMM y", locale=babel_locale(lang))


def plain_date(d: date, lang: str | None = None) -> str:
    """'4 Juli 2024'."""
    from babel.dates import format_date

    return format_date(d, "d MMMM y", locale=babel_locale(lang))


def month_name(year: int, month: int, lang: str | None = None) -> str:
    """'Juli 2024'."""
    from babel.dates import format_date

    return format_date(date(year, month, 1), "MMMM y", locale=babel_locale(lang))


def short_month(year: int, month: int, lang: str | None = None) -> str:
    """'Jul 2024'."""
    from babel.dates import format_date

    return format_date(date(year, month, 1), "MMM y", locale=babel_locale(lang))


_CLOCK = {"id": "HH.mm", "en": "HH:mm"}


def clock(t: datetime, lang: str | None = None) -> str:
    """'14.05' in Indonesian, '14:05' in English."""
    from babel.dates import format_time

    return format_time(t, _CLOCK[lang or _active], locale=babel_locale(lang))


def date_time(t: datetime, lang: str | None = None) -> str:
    from babel.dates import format_datetime

    return format_datetime(t, "d MMM y " + _CLOCK[lang or _active], locale=babel_locale(lang))


def rupiah(amount: int | Decimal) -> str:
    """'Rp650.000' — Indonesian grouping, no decimals, no space."""
    from babel.numbers import format_decimal

    return "Rp" + format_decimal(int(amount), "#,##0", locale="id_ID")


def percent(value: float, lang: str | None = None, digits: int = 1) -> str:
    """'47,6%' for 0.476."""
    from babel.numbers import format_percent

    pattern = "#,##0." + "0" * digits + "%" if digits else "#,##0%"
    return format_percent(value, pattern, locale=babel_locale(lang))


def growth(value: float, lang: str | None = None, digits: int = 1) -> str:
    """'+47,6%' for 0.476, '−25,0%' for −0.25 (a true minus sign), '0,0%' for no change."""
    shown = percent(abs(value), lang, digits)
    if shown == percent(0.0, lang, digits):
        return shown
    return ("+" if value > 0 else "\u2212") + shown


def number(
    value: int | float | Decimal, lang: str | None = None, pattern: str | None = None
) -> str:
    """'1.234,5' in Indonesian; *pattern* is a Babel/CLDR number pattern such as '#,##0.0'."""
    from babel.numbers import format_decimal

    return format_decimal(value, pattern, locale=babel_locale(lang))
