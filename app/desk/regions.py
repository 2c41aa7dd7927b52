"""The Kemendagri region table a NIK is checked against: shipped resources/regions.csv plus the office's own additions.

The shipped table is read once, at the first NIK that needs it. An administrator may add
codes (older than 2015, or newer than the table) with ``regions-extra.csv`` in the data
folder, same columns; it is read again whenever it changes, so a counter that is running
sees it without a restart.
"""

from __future__ import annotations

import csv
import io
import logging
import re
from functools import cache, lru_cache
from pathlib import Path

from app.config import data_dir, resources_dir
from app.desk.nik import RegionCodes

EXTRA_FILE = "regions-extra.csv"
COLUMNS = ("code", "level", "name")
_CODE = {"province": re.compile(r"^\d{2}$"), "regency": re.compile(r"^\d{4}$")}

log = logging.getLogger(__name__)


def _rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    """The data rows of a region file by line number; '#' lines are comments."""
    raw = path.read_text(encoding="utf-8-sig")
    numbered = [(n, line) for n, line in enumerate(raw.splitlines(), 1) if not line.startswith("#")]
    numbered = [(n, line) for n, line in numbered if line.strip()]
    if not numbered:
        return []
    reader = csv.DictReader(io.StringIO("\n".join(line for _n, line in numbered)))
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or ())]
    if missing:
        raise ValueError(f"{path}: the header lacks {', '.join(missing)}")
    return [(n, row) for (n, _line), row in zip(numbered[1:], reader, strict=False)]


def _add(provinces: dict[str, str], regencies: dict[str, str], path: Path, strict: bool) -> None:
    for line, row in _rows(path):
        code, level = (row.get("code") or "").strip(), (row.get("level") or "").strip()
        name = (row.get("name") or "").strip()
        pattern = _CODE.get(level)
        ok = pattern is not None and pattern.match(code) is not None and bool(name)
        if ok and level == "regency" and code[:2] not in provinces:
            ok = False
        if not ok:
            if strict:  # the shipped table is the program's own: a bad row is a packaging fault
                raise ValueError(f"{path}, line {line}: not a province or regency row")
            log.warning("%s, line %d: skipped (code, level, name not usable)", path, line)
            continue
        (provinces if level == "province" else regencies)[code] = name


@cache
def shipped_regions() -> RegionCodes:
    """resources/regions.csv: every code of the Kemendagri lists 2015–2025."""
    provinces: dict[str, str] = {}
    regencies: dict[str, str] = {}
    _add(provinces, regencies, resources_dir() / "regions.csv", strict=True)
    return RegionCodes(provinces, regencies)


@lru_cache(maxsize=4)  # keyed by the file's stamp: a changed file is read again
def _with_extra(path: str, _stamp: tuple[int, int]) -> RegionCodes:
    base = shipped_regions()
    provinces, regencies = dict(base.provinces), dict(base.regencies)
    try:
        _add(provinces, regencies, Path(path), strict=False)
    except (OSError, UnicodeDecodeError, ValueError, csv.Error) as exc:
        # The office's file must not stop the desk: the shipped table still holds.
        log.warning("%s is not used: %s", path, exc)
        return base
    return RegionCodes(provinces, regencies)


def extra_regions_path() -> Path:
    return data_dir() / EXTRA_FILE


def known_regions() -> RegionCodes:
    """The codes a NIK may carry here: the shipped table plus regions-extra.csv when there is one."""
    path = extra_regions_path()
    try:
        st = path.stat()
    except OSError:
        return shipped_regions()
    return _with_extra(str(path), (st.st_mtime_ns, st.st_size))
