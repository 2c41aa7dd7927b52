"""Applicant lookup by NIK on the large database through `find_by_nik`: p50/p95/max (target < 10 ms)."""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import func, select

from app.db.engine import Database
from app.db.models import Applicant
from app.desk.nik import make_nik
from app.desk.registration import find_by_nik

HERE = Path(__file__).resolve().parent
TARGET_MS = 10.0


def existing_niks(db: Database, n: int, rng: random.Random) -> list[str]:
    with db.session() as s:
        top = s.scalar(select(func.max(Applicant.id))) or 0
        wanted = rng.sample(range(1, top + 1), min(n * 2, top))
        niks: list[str] = []
        for i in range(0, len(wanted), 500):
            niks += s.scalars(select(Applicant.nik).where(Applicant.id.in_(wanted[i : i + 500]),
                                                         Applicant.nik.is_not(None)))  # fmt: skip
    rng.shuffle(niks)
    return niks[:n]


def missing_niks(db: Database, n: int, rng: random.Random) -> list[str]:
    """Well-formed NIKs of Muara Enim that nobody in the database has (the walk-in newcomer)."""
    out: set[str] = set()
    with db.session() as s:
        while len(out) < n:
            birth = date(1950, 1, 1) + timedelta(days=rng.randrange(27_000))
            nik = make_nik(
                "16",
                "03",
                f"{rng.randint(1, 22):02d}",
                birth,
                rng.choice("LP"),
                rng.randint(9000, 9999),
            )
            if s.scalar(select(Applicant.id).where(Applicant.nik == nik)) is None:
                out.add(nik)
    return sorted(out)


def summary(ms: list[float]) -> dict[str, float]:
    ordered = sorted(ms)
    return {
        "n": len(ordered),
        "p50_ms": round(statistics.median(ordered), 3),
        "p95_ms": round(ordered[max(0, int(len(ordered) * 0.95) - 1)], 3),
        "max_ms": round(ordered[-1], 3),
        "mean_ms": round(statistics.fmean(ordered), 3),
    }


def run(db_path: Path, hits: int, misses: int, seed: int) -> dict:
    db = Database(f"sqlite:///{db_path}")
    rng = random.Random(seed)
    with db.session() as s:
        applicants = s.scalar(select(func.count()).select_from(Applicant))
    found, absent = existing_niks(db, hits, rng), missing_niks(db, misses, rng)
    for nik in found[:50] + absent[:10]:  # warm-up: connection pool, statement cache, pages
        find_by_nik(db, nik)
    probes = [(nik, True) for nik in found] + [(nik, False) for nik in absent]
    rng.shuffle(probes)
    timings: dict[bool, list[float]] = {True: [], False: []}
    for nik, exists in probes:
        started = time.perf_counter()
        result = find_by_nik(db, nik)
        timings[exists].append((time.perf_counter() - started) * 1000)
        if (result is not None) != exists or (result is not None and result.nik != nik):
            raise SystemExit("lookup returned the wrong applicant")  # never print the NIK itself
    db.dispose()
    overall = summary(timings[True] + timings[False])
    return {
        "database": str(db_path), "applicants": applicants, "target_ms": TARGET_MS,
        "found": summary(timings[True]), "missing": summary(timings[False]), "all": overall,
        "ok": overall["p95_ms"] < TARGET_MS and overall["max_ms"] < 10 * TARGET_MS,
    }  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument(
        "--db", type=Path, default=HERE / "bench.sqlite", help="SQLite file from generate.py"
    )
    p.add_argument("--hits", type=int, default=1000)
    p.add_argument("--misses", type=int, default=100)
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args(argv)
    if not args.db.exists():
        print(f"{args.db} not found: run  python bench/generate.py --applicants 1000000 --out {args.db}",
              file=sys.stderr)  # fmt: skip
        return 2
    result = run(args.db, args.hits, args.misses, args.seed)
    print(json.dumps(result))
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
