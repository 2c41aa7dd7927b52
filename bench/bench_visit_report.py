"""Benchmark: render the monev visit report with 80 checklist items and 30 photos.

    python bench/bench_visit_report.py [--runs 5] [--items 80] [--photos 30] [--lang id|en] [--out FILE.pdf]

The photos are 1600x1200 JPEGs (gradient, shapes and grain, ~0.5 MB each, like a phone
picture already reduced by the attachment service). Every timed run starts with an empty
photo cache, so it pays the full downscaling cost; the first run also pays font loading.
A second series shows re-renders with the cache warm (the preview after a small edit).
Prints min/median/max seconds, then one JSON line. Target: every cold run < 3 s.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

from app.monev.report.renderer import render_visit_report
from app.monev.report.sample import sample_visit_report_data
from app.reports import photos as report_photos

TARGET_S = 3.0


def _series(data: object, runs: int, cold: bool) -> tuple[list[float], bytes]:
    times, pdf = [], b""
    for _ in range(runs):
        if cold:
            report_photos._photo_cache.clear()
        t0 = time.perf_counter()
        pdf = render_visit_report(data)  # type: ignore[arg-type]
        times.append(time.perf_counter() - t0)
    return times, pdf


def _stats(times: list[float]) -> dict[str, float]:
    return {
        "min_s": round(min(times), 3),
        "median_s": round(statistics.median(times), 3),
        "max_s": round(max(times), 3),
    }


def run(runs: int, items: int, photos: int, lang: str, out: Path | None) -> dict[str, object]:
    t0 = time.perf_counter()
    data = sample_visit_report_data(n_items=items, n_photos=photos, lang=lang)
    prepare_s = time.perf_counter() - t0
    cold, pdf = _series(data, runs, cold=True)
    warm, _ = _series(data, runs, cold=False)
    if out:
        out.write_bytes(pdf)
    result: dict[str, object] = {
        "benchmark": "render_visit_report",
        "items": sum(len(s.items) for s in data.sections),
        "photos": len(data.photos),
        "photo_bytes_total": sum(len(p.jpeg) for p in data.photos),
        "lang": lang,
        "runs": runs,
        "cpus": os.cpu_count(),
        "python": sys.version.split()[0],
        "prepare_sample_s": round(prepare_s, 3),
        "first_run_s": round(cold[0], 3),
        "cold": _stats(cold),
        "warm": _stats(warm),
        "pdf_bytes": len(pdf),
        "target_s": TARGET_S,
        "meets_target": max(cold) < TARGET_S,
    }
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--items", type=int, default=80)
    parser.add_argument("--photos", type=int, default=30)
    parser.add_argument("--lang", choices=("id", "en"), default="id")
    parser.add_argument("--out", type=Path, help="keep the last PDF here")
    args = parser.parse_args(argv)
    result = run(args.runs, args.items, args.photos, args.lang, args.out)
    for series in ("cold", "warm"):
        s = result[series]
        assert isinstance(s, dict)
        print(
            f"{series:>5}: min {s['min_s']:.3f} s   median {s['median_s']:.3f} s   max {s['max_s']:.3f} s"
        )
    print(json.dumps(result))
    return 0 if result["meets_target"] else 1


if __name__ == "__main__":
    sys.exit(main())
