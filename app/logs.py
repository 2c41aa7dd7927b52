"""The program's log file: rotating, in the platformdirs log folder, with personal data redacted.

A user reads the program's own words; the full detail of a fault (the exception, its SQL,
the traceback) goes here, for the office's IT. NIKs (16-digit numbers), SQL parameters
and the values PostgreSQL quotes back (``Key (nik)=(…)``, a COPY line, a failing row)
are blanked before a line is written, so the file can be handed on.
"""

from __future__ import annotations

import logging
import os
import re
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG_NAME = "kanimdesk.log"
MAX_BYTES = 1_000_000
BACKUPS = 4
FORMAT = "%(asctime)s %(levelname)s %(process)d %(name)s: %(message)s"

_REDACTIONS = [
    # SQLAlchemy's "[parameters: {...}]" (hide_parameters keeps them out; other engines may not).
    (re.compile(r"\[parameters: .*?\](?=\s*(?:\(Background|\n|$))", re.S), "[parameters: …]"),
    # PostgreSQL quotes the values it refused: unique keys, failing rows, COPY lines.
    (
        re.compile(r"(Key \([^)]*\))=\(.*?\)( already exists| is not present|\.|$)", re.M),
        r"\1=(…)\2",
    ),
    (re.compile(r"(Failing row contains )\(.*\)", re.M), r"\1(…)"),
    (re.compile(r"(COPY \w+, line \d+(?:, column \w+)?): .*", re.M), r"\1: …"),
    (re.compile(r"\d{16,}"), "[NIK]"),
]


def redact(text: str) -> str:
    """*text* without NIKs, SQL parameters and the values PostgreSQL quotes in its errors."""
    for pattern, replacement in _REDACTIONS:
        text = pattern.sub(replacement, text)
    return text


class RedactingFilter(logging.Filter):
    """Blanks personal data in a record before any handler formats it (message and traceback)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.getMessage())
        record.args = None
        if record.exc_info:
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


def log_folder() -> Path:
    """KANIMDESK_LOG_DIR (tests, portable installs) or the user's platformdirs log folder."""
    from app.config import log_dir

    override = os.environ.get("KANIMDESK_LOG_DIR")
    return Path(override) if override else log_dir()


def log_file() -> Path:
    """The file a message points the office's IT to."""
    return log_folder() / LOG_NAME


class _FileHandler(RotatingFileHandler):
    """Ours, so that configuring again finds it (and moves it when the folder changed)."""


def configure_logging() -> Path | None:
    """Send warnings and errors of the whole program to the log file; safe to call again.

    Returns the file, or None when its folder cannot be made (a read-only profile must
    not keep the counter from opening; the message still names where the log would be).
    """
    root = logging.getLogger()
    path = log_file()
    for handler in root.handlers:
        if isinstance(handler, _FileHandler):
            if Path(handler.baseFilename) == path.resolve():
                return path
            root.removeHandler(handler)
            handler.close()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = _FileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True
        )
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.addFilter(RedactingFilter())
    handler.setLevel(logging.WARNING)
    root.addHandler(handler)
    return path
