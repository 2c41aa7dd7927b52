"""Replacing a file so that a crash or a power cut leaves the old file or the new one, never half of either."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO


def write_atomically(path: Path, content: bytes | Callable[[IO[bytes]], object]) -> None:
    """Replace *path* with *content* (bytes, or a function that writes into the open file).

    The temporary file is created beside *path*, because os.replace is atomic only within
    one file system, and is private (0600): a settings file's db_url may hold a password.
    The data is synced before the rename and the folder after it, so that the rename
    itself survives a power cut.
    """
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            if isinstance(content, bytes):
                fh.write(content)
            else:
                content(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    sync_folder(path.parent)


def sync_folder(folder: Path) -> None:
    """Make a rename in *folder* durable; Windows cannot open a folder for this, so it is skipped there."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError:  # some file systems (network shares) refuse; the file itself is written
        pass
    finally:
        os.close(fd)
