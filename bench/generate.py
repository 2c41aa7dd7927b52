"""Build the large benchmark database: `python bench/generate.py --applicants 1000000 --out bench/bench.sqlite`."""

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


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--applicants", type=int, default=1_000_000)
    p.add_argument("--out", type=Path, default=HERE / "bench.sqlite")
    p.add_argument(
        "--per-applicant",
        type=float,
        default=0.2,
        help="applications per applicant over the period (the lookup needs applicants)",
    )
    p.add_argument("--seed", type=int, default=2024)
    p.add_argument("--force", action="store_true", help="rebuild even if --out exists")
    args = p.parse_args(argv)
    if args.out.exists() and not args.force:
        print(json.dumps({"skipped": True, "out": str(args.out), "reason": "exists (use --force)"}))
        return 0
    if args.force:
        for suffix in ("", "-wal", "-shm", ".part", ".part-wal", ".part-shm"):
            Path(str(args.out) + suffix).unlink(missing_ok=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    summary = build(args.out, args.applicants, args.per_applicant, args.seed)
    summary["out"] = str(args.out)
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
