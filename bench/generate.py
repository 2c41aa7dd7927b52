"""Build the large benchmark database: `python bench/generate.py --applicants 1000000 --out bench/bench.sqlite`.

`--busy-day` builds the counters' database instead: 1,000,000 applications (about one
per applicant) in bench/bench-1m-apps.sqlite, with today's 2,000 tickets as at 11:00
(bench/make_today.py, which can also refresh today alone).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from pathlib import Path

from sqlalchemy import event

from app.config import Settings
from app.db.engine import Database
from app.db.setup import init_database
from app.demo.generator import generate_demo

HERE = Path(__file__).resolve().parent
BUSY_DAY_DB = HERE / "bench-1m-apps.sqlite"
# 1.0 gives 974,760 applications: the three e-Paspor months cited in DOMAIN.md keep their exact
# counts (606 in all) instead of scaling up; 1.026 makes the rest reach 1,000,000.
BUSY_DAY_PER_APPLICANT = 1.026


def _tune_for_bulk(db: Database) -> None:
    """A throwaway file may skip fsync and use a big page cache (random NIK index inserts)."""

    @event.listens_for(db.engine, "connect")
    def _pragmas(dbapi_conn, _record):  # type: ignore[no-untyped-def]
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA synchronous=OFF")
        cur.execute("PRAGMA cache_size=-262144")  # 256 MB
        cur.execute("PRAGMA temp_store=MEMORY")
        cur.close()


def build(out: Path, applicants: int, per_applicant: float, seed: int) -> dict:
    # Built under a temporary name: an interrupted build is resumed, never mistaken for a finished one.
    part = out.with_name(out.name + ".part")
    db = Database(f"sqlite:///{part}")
    _tune_for_bulk(db)
    settings = Settings()
    started = time.perf_counter()
    init_database(db, settings)
    last = [0.0]

    def progress(fraction: float, message: str) -> None:
        now = time.perf_counter()
        if now - last[0] >= 2 or fraction >= 1:
            last[0] = now
            print(
                f"\r{fraction:6.1%} {message:<40} {now - started:6.0f} s",
                end="",
                file=sys.stderr,
                flush=True,
            )

    summary = generate_demo(db, settings, applicants=applicants, seed=seed, progress=progress,
                            per_applicant=per_applicant)  # fmt: skip
    print(file=sys.stderr)
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.exec_driver_sql("ANALYZE")
    db.dispose()
    os.replace(part, out)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    summary.update(
        total_seconds=round(time.perf_counter() - started, 1),
        cpu_seconds=round(usage.ru_utime + usage.ru_stime, 1),
        max_rss_mb=round(usage.ru_maxrss / 1024),
        file_mb=round(out.stat().st_size / 2**20),
        cpus=os.cpu_count(),
    )
    return summary


def add_today(out: Path, tickets: int) -> dict:
    """Today's tickets as at 11:00 on a busy day (bench/make_today.py)."""
    from make_today import make_today  # bench/ is the script's folder, first on sys.path

    db = Database(f"sqlite:///{out}", create=False)
    try:
        return make_today(db, Settings(), tickets)
    finally:
        db.dispose()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--applicants", type=int, default=1_000_000)
    p.add_argument("--out", type=Path, default=None,
                   help=f"default {HERE / 'bench.sqlite'} ({BUSY_DAY_DB} with --busy-day)")  # fmt: skip
    p.add_argument(
        "--per-applicant",
        type=float,
        default=None,
        help="applications per applicant over the period (the lookup needs applicants): 0.2, "
        f"{BUSY_DAY_PER_APPLICANT} with --busy-day",
    )
    p.add_argument("--busy-day", action="store_true",
                   help="1,000,000 applications and today's 2,000 tickets (issue 8's benchmarks)")  # fmt: skip
    p.add_argument("--today-tickets", type=int, default=None,
                   help="then make today's tickets with bench/make_today.py (2000 with --busy-day)")  # fmt: skip
    p.add_argument("--seed", type=int, default=2024)
    p.add_argument("--force", action="store_true", help="rebuild even if --out exists")
    args = p.parse_args(argv)
    args.out = args.out or (BUSY_DAY_DB if args.busy_day else HERE / "bench.sqlite")
    if args.per_applicant is None:
        args.per_applicant = BUSY_DAY_PER_APPLICANT if args.busy_day else 0.2
    if args.today_tickets is None:
        args.today_tickets = 2000 if args.busy_day else 0
    if args.out.exists() and not args.force:
        skipped: dict = {"skipped": True, "out": str(args.out), "reason": "exists (use --force)"}
        if args.today_tickets:  # the history stays; today is made afresh
            skipped["today"] = add_today(args.out, args.today_tickets)
        print(json.dumps(skipped))
        return 0
    if args.force:
        for suffix in ("", "-wal", "-shm", ".part", ".part-wal", ".part-shm"):
            Path(str(args.out) + suffix).unlink(missing_ok=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    summary = build(args.out, args.applicants, args.per_applicant, args.seed)
    summary["out"] = str(args.out)
    if args.today_tickets:
        summary["today"] = add_today(args.out, args.today_tickets)
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
