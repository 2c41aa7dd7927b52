"""For tests: fail when a message, a log line or a command's output shows personal data.

    from tests.pii import assert_no_personal_data
    assert_no_personal_data(result.stderr + result.stdout, names=["Siti Aminah"])

Personal data here is a NIK — any run of 16 digits — or one of the applicants' *names*
(compared case-insensitively; the program upper-cases names).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_SIXTEEN_DIGITS = re.compile(r"\d{16}")


def _around(text: str, start: int, end: int) -> str:
    """Where the find is, with the find itself masked (a failing test must not print it either)."""
    return repr(text[max(0, start - 60) : start] + "█" * (end - start) + text[end : end + 60])


def assert_no_personal_data(text: str | bytes, names: Iterable[str] = ()) -> None:
    """Raise AssertionError if *text* holds a 16-digit run or any of *names*."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", errors="replace")
    found = _SIXTEEN_DIGITS.search(text)
    if found:
        raise AssertionError(f"a 16-digit number (a NIK) is shown: {_around(text, *found.span())}")
    folded = text.casefold()
    for name in names:
        if not name.strip():
            continue
        at = folded.find(name.casefold())
        if at >= 0:
            raise AssertionError(
                f"an applicant's name is shown: {_around(text, at, at + len(name))}"
            )
