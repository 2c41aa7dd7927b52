"""Where a key is written in a TOML text, and a value as it is written there: for refusals that name the line."""

from __future__ import annotations

import json
import re


def toml_value(value: object) -> str:
    """A value as it stands in the TOML file: "80" with its quotes, 80, true."""
    if isinstance(value, bool):
        shown = "true" if value else "false"
    else:
        shown = json.dumps(value, ensure_ascii=False, default=str)
    return shown if len(shown) <= 60 else shown[:59] + "…"


_HEADER = re.compile(r"^\s*\[\[?([^\]]*)\]\]?\s*(#.*)?$")
_KEY = re.compile(
    r"""^\s*((?:[\w-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[\w-]+|"[^"]*"|'[^']*'))*)\s*="""
)
_KEY_PART = re.compile(r"""[\w-]+|"[^"]*"|'[^']*'""")
_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")


def syntax_error_place(exc: ValueError, source: str) -> tuple[int, int, str]:
    """(line, column, reason) of tomllib's error, which before Python 3.14 says them only in words."""
    found = _AT.search(str(exc))
    if found is None:  # "(at end of document)"
        return source.count("\n") + 1, 1, str(exc).removesuffix(" (at end of document)")
    return int(found[1]), int(found[2]), str(exc)[: found.start()]


def _key_path(dotted: str) -> tuple[str, ...]:
    return tuple(part.strip("\"'") for part in _KEY_PART.findall(dotted))


def line_of(source: str, path: tuple[str, ...]) -> int | None:
    """The line (from 1) where the key *path* is written, e.g. ("office", "name") under [office]."""
    section: tuple[str, ...] = ()
    in_string = False  # inside a multi-line string, a "key = value" look-alike is text
    enclosing = None
    for number, line in enumerate(source.splitlines(), start=1):
        quotes = line.count('"""') + line.count("'''")
        if in_string:
            in_string = quotes % 2 == 0
            continue
        in_string = quotes % 2 == 1
        header, key = _HEADER.match(line), _KEY.match(line)
        if header:
            section = _key_path(header.group(1))
            full = section
        elif key:
            full = section + _key_path(key.group(1))
        else:
            continue
        if full == path:
            return number
        if enclosing is None and key and path[: len(full)] == full:
            enclosing = number  # an inline table holding the key: office = {name = ""}
    return enclosing
