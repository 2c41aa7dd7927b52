"""Time the start-up damage check: `app.db.integrity.quick_check` against plain sqlite3's
`PRAGMA quick_check` on the same file, alternating, and print one JSON line.

    python bench/bench_quick_check.py [--db bench/bench.sqlite] [--runs 5]

The first run of each is a warm-up (it fills the file cache); the medians of the other
runs are reported. ``overhead_s`` is what KanimDesk adds (engine, connect pragmas);
``ok`` is a program median under 2 s on the 1,000,000-applicant database, the time
a command or the window's worker may spend on it before the first write.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import sys
import time
from pathlib import Path

from app.db.engine import Database
from app.db.integrity import quick_check

HERE = Path(__file__).resolve().parent
TARGET_S = 2.0


def plain(path: Path) -> float:
    started = time.perf_counter()
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
    finally:
        conn.close()
    assert rows == [("ok",)], rows
    return time.perf_counter() - started


def program(path: Path) -> float:
    started = time.perf_counter()
    db = Database(f"sqlite:///{path}", create=False)
    try:
        assert quick_check(db) == []
    finally:
        db.dispose()
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--db", type=Path, default=HERE / "bench.sqlite")
    p.add_argument("--runs", type=int, default=5)
    args = p.parse_args(argv)
    if not args.db.exists():
        print(f"{args.db} not found: run bench/generate.py first", file=sys.stderr)
        return 2
    times: dict[str, list[float]] = {"plain": [], "program": []}
    for run in range(args.runs + 1):
        # Alternate which goes first, so that neither always meets the warmer cache.
        order = ("plain", "program") if run % 2 else ("program", "plain")
        for name in order:
            took = plain(args.db) if name == "plain" else program(args.db)
            if run:
                times[name].append(took)
    medians = {name: statistics.median(values) for name, values in times.items()}
    result = {
        "db": str(args.db),
        "file_mb": round(args.db.stat().st_size / 2**20),
        "runs": args.runs,
        "plain_sqlite3_median_s": round(medians["plain"], 3),
        "program_median_s": round(medians["program"], 3),
        "overhead_s": round(medians["program"] - medians["plain"], 3),
        "plain_s": [round(t, 3) for t in times["plain"]],
        "program_s": [round(t, 3) for t in times["program"]],
        "sqlite": sqlite3.sqlite_version,
        "ok": medians["program"] < TARGET_S,
    }
    print(json.dumps(result))
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
