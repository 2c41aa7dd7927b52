"""The office's figures on 1,000,000 applications: statistics, the 12-month meeting report (PDF) and
the Reports page's dashboard, each against the raw stack in the same run, alternating the two.

    python bench/bench_figures.py [--db bench/bench-1m-apps.sqlite | postgresql://…] [--runs 5] [--last 2026-11]
                                  [--window-runs 3] [--platform offscreen|xvfb] [--out FILE.pdf]

Series (in each run both sides once, the order alternating run by run so that neither side
always meets the warmer cache; one warm-up of each first):

- ``statistics_12_months``: `app.figures.statistics.statistics()` over the 12 months ending
  --last, by month, against plain sqlite3 running the bare GROUP BY (applications and
  e-Paspor per month of the office). Target ≤ 600 ms.
- ``statistics_month_by_day``: the same for the month --last by day (the dashboard's query).
  Target ≤ 250 ms.
- ``meeting_pdf_12_months``: `meeting_report()` + `render_meeting_pdf()` (statistics,
  activities, findings, every chart and table) against the bare GROUP BY drawn as twelve
  lines on a bare ReportLab canvas. Target < 1 s.
- ``dashboard_open``: in its own process, a 1366×768 window whose only page is the Reports
  page on the month --last, from creating the page to the dashboard shown (module loading,
  the body built a part per event-loop turn, the figures worked out on the worker), against
  a bare PySide6 window with a label that a thread fills from the bare GROUP BY by day. A
  10 ms heartbeat QTimer in both gives the longest UI stall. Targets: < 500 ms and no stall
  over 50 ms.

Output: per series min/median/max of both sides and the median ratio, then one JSON line;
exit 0 when every target is met. Aggregates only: nothing personal is read or printed.
"""

from __future__ import annotations

import argparse
import calendar
import io
import json
import os
import sqlite3
import statistics as stats
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
DEFAULT_DB = HERE / "bench-1m-apps.sqlite"
TARGETS_MS = {
    "statistics_12_months": 600.0,
    "statistics_month_by_day": 250.0,
    "meeting_pdf_12_months": 1000.0,
    "dashboard_open": 500.0,
}
STALL_GOAL_MS = 50.0

RAW_MONTHS = """
SELECT substr(application_date, 1, 7) AS m, count(*), sum(product = 'epaspor')
FROM application WHERE office_id = ? AND application_date BETWEEN ? AND ? GROUP BY m
"""
RAW_DAYS = """
SELECT application_date, count(*), sum(product = 'epaspor')
FROM application WHERE office_id = ? AND application_date BETWEEN ? AND ? GROUP BY application_date
"""
# The same on PostgreSQL (psycopg), for --db postgresql://…
RAW_PG = {
    RAW_MONTHS: "SELECT date_trunc('month', application_date) AS m, count(*), "
    "count(*) FILTER (WHERE product = 'epaspor') FROM application "
    "WHERE office_id = %s AND application_date BETWEEN %s AND %s GROUP BY m",
    RAW_DAYS: "SELECT application_date, count(*), count(*) FILTER (WHERE product = 'epaspor') "
    "FROM application WHERE office_id = %s AND application_date BETWEEN %s AND %s "
    "GROUP BY application_date",
}


def is_pg(target: str) -> bool:
    return target.startswith("postgresql")


def url_of(target: str) -> str:
    """The SQLAlchemy URL of --db: a SQLite file or a postgresql:// URL."""
    return target if is_pg(target) else f"sqlite:///{target}"


def _month(text: str) -> tuple[int, int]:
    year, month = text.split("-")
    return int(year), int(month)


def _months_back(last: tuple[int, int], n: int) -> tuple[int, int]:
    index = last[0] * 12 + last[1] - 1 - n
    return index // 12, index % 12 + 1


def _raw_connect(target: str):  # type: ignore[no-untyped-def]
    if is_pg(target):
        import psycopg

        return psycopg.connect(target.replace("postgresql+psycopg://", "postgresql://"))
    return sqlite3.connect(target)


def _office_id(target: str, code: str) -> int:
    conn = _raw_connect(target)
    try:
        mark = "%s" if is_pg(target) else "?"
        row = conn.execute(f"SELECT id FROM office WHERE code = {mark}", (code,)).fetchone()
    finally:
        conn.close()
    if row is None:
        raise SystemExit(f"office {code} is not in {target}")
    return int(row[0])


def raw_rows(target: str, sql: str, office_id: int, first: date, last: date) -> list[tuple]:
    """The bare GROUP BY through the driver itself (sqlite3 or psycopg), a new connection
    each time as the services open a session each time."""
    conn = _raw_connect(target)
    try:
        if is_pg(target):
            return conn.execute(RAW_PG[sql], (office_id, first, last)).fetchall()
        return conn.execute(sql, (office_id, first.isoformat(), last.isoformat())).fetchall()
    finally:
        conn.close()


def raw_pdf(rows: list[tuple]) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4)
    y = 780
    for month, n, e in rows:
        canvas.drawString(72, y, f"{month}  {n}  {e}")
        y -= 16
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def _summary(ms: list[float]) -> dict[str, float]:
    return {
        "min_ms": round(min(ms), 1),
        "median_ms": round(stats.median(ms), 1),
        "max_ms": round(max(ms), 1),
    }


def alternate(runs: int, ours, raw) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """Time *ours* and *raw* *runs* times each, alternating which goes first; one warm-up each."""
    ours()
    raw()
    mine: list[float] = []
    bare: list[float] = []
    for i in range(runs):
        order = ((ours, mine), (raw, bare)) if i % 2 == 0 else ((raw, bare), (ours, mine))
        for fn, into in order:
            t0 = time.perf_counter()
            fn()
            into.append((time.perf_counter() - t0) * 1000)
    return {
        "kanimdesk": _summary(mine),
        "raw": _summary(bare),
        "ratio_median": round(stats.median(mine) / max(stats.median(bare), 1e-6), 2),
        "_median": stats.median(mine),
    }


# --- the window, in its own process -------------------------------------------------------------


def _watch(last_beat: list[float]) -> None:
    """With BENCH_WHERE=1: where every thread was while the heartbeat was over 25 ms late
    (printed to stderr at exit), to find what holds the UI thread."""
    import atexit
    import threading
    import traceback

    main = threading.get_ident()
    seen: dict[str, float] = {}

    def where(frame) -> str:  # type: ignore[no-untyped-def]
        stack = traceback.extract_stack(frame)[-6:]
        return " <- ".join(f"{Path(f.filename).name}:{f.name}:{f.lineno}" for f in reversed(stack))

    def loop() -> None:
        while True:
            time.sleep(0.005)
            late = (time.perf_counter() - last_beat[0]) * 1000
            if late > 25:
                for tid, frame in sys._current_frames().items():
                    if tid == threading.get_ident():
                        continue
                    key = ("UI " if tid == main else "worker ") + where(frame)
                    seen[key] = max(seen.get(key, 0.0), late)

    threading.Thread(target=loop, daemon=True).start()
    atexit.register(lambda: print("\n".join(f"{ms:6.1f} ms  {k}" for k, ms in
                                            sorted(seen.items(), key=lambda kv: -kv[1])[:12]),
                                  file=sys.stderr))  # fmt: skip


def window_child(db_path: str, kind: str, month: str, office_code: str) -> None:
    """Open the Reports page (kind "kanimdesk") or a bare window (kind "raw"); print one JSON."""
    from PySide6.QtCore import QObject, QTimer, Signal
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication.instance() or QApplication([])
    year, mon = _month(month)
    gaps: list[float] = []
    last_beat = [time.perf_counter()]

    def beat() -> None:
        now = time.perf_counter()
        gaps.append((now - last_beat[0]) * 1000)
        last_beat[0] = now

    heart = QTimer()
    heart.setInterval(10)
    heart.timeout.connect(beat)
    window = QMainWindow()
    window.resize(1366, 768)
    result: dict[str, object] = {}

    def finish() -> None:
        result["open_ms"] = (time.perf_counter() - t0) * 1000
        # Keep beating a little after the dashboard is shown: its first paint counts too.
        QTimer.singleShot(300, app.quit)

    if kind == "kanimdesk":
        # What the running program has done before the Reports page is first opened: its
        # modules imported (ui.main imports the pages ahead on the worker at start-up) and
        # the locale data loaded by the first page's dates. Start-up itself is measured by
        # bench_startup.py and bench_ui_stalls.py.
        from sqlalchemy import text
        from sqlalchemy.orm import configure_mappers

        from app.config import Settings
        from app.db.engine import Database
        from app.i18n import long_date

        from ui.context import DeskContext
        from ui.figures.reports_page import ReportsPage, preload_modules

        preload_modules()
        long_date(date(year, mon, 1))
        # The program is connected long before a page is opened: so is this window.
        database = Database(url_of(db_path), create=False)
        with database.session() as s:
            s.execute(text("SELECT 1"))
        configure_mappers()  # done by the first page's queries in the running program
    else:
        # The bare side likewise has its driver loaded and its office looked up.
        office_id = _office_id(db_path, office_code)
    if os.environ.get("BENCH_WHERE"):
        _watch(last_beat)
    heart.start()
    last_beat[0] = t0 = time.perf_counter()
    if kind == "kanimdesk":
        settings = Settings()
        ctx = DeskContext(database, settings)
        today = date(year, mon, calendar.monthrange(year, mon)[1])
        page = ReportsPage(ctx, today=today)
        shown = page.show_dashboard

        def show_and_stop(dashboard) -> None:  # type: ignore[no-untyped-def]
            shown(dashboard)
            result["applications"] = dashboard.statistics.total.applications
            finish()

        page.show_dashboard = show_and_stop  # type: ignore[method-assign]
        window.setCentralWidget(page)
    else:
        import threading

        class Relay(QObject):
            rows = Signal(object)

        relay = Relay()
        label = QLabel("…")
        window.setCentralWidget(label)
        first = date(year, mon, 1)
        last = first.replace(day=calendar.monthrange(year, mon)[1])

        def show_rows(rows: list[tuple]) -> None:
            label.setText("\n".join(f"{d} {n} {e}" for d, n, e in rows))
            result["applications"] = sum(n for _d, n, _e in rows)
            finish()

        relay.rows.connect(show_rows)
        threading.Thread(
            target=lambda: relay.rows.emit(raw_rows(db_path, RAW_DAYS, office_id, first, last)),
            daemon=True,
        ).start()
    window.show()
    app.exec()
    heart.stop()
    result["max_stall_ms"] = round(max(gaps) if gaps else 0.0, 1)
    print(json.dumps(result))


def window_runs(
    db: Path, month: str, office_code: str, runs: int, platform: str
) -> dict[str, object]:
    env = {**os.environ, "QT_QPA_PLATFORM": platform, "PYTHONPATH": str(ROOT)}
    series: dict[str, list[dict]] = {"kanimdesk": [], "raw": []}

    def one(kind: str) -> dict:
        cmd = [sys.executable, __file__, "--child", kind, "--db", str(db), "--last", month]
        if platform == "xvfb":
            env["QT_QPA_PLATFORM"] = "xcb"
            cmd = ["xvfb-run", "-a", "-s", "-screen 0 1366x768x24", *cmd]
        out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
        return json.loads(out.stdout.strip().splitlines()[-1])

    one("kanimdesk")  # warm-up: the byte-code and the file cache
    for i in range(runs):
        for kind in ("kanimdesk", "raw") if i % 2 == 0 else ("raw", "kanimdesk"):
            series[kind].append(one(kind))
    mine = [r["open_ms"] for r in series["kanimdesk"]]
    bare = [r["open_ms"] for r in series["raw"]]
    return {
        "kanimdesk": _summary(mine),
        "raw": _summary(bare),
        "ratio_median": round(stats.median(mine) / max(stats.median(bare), 1e-6), 2),
        "max_stall_ms": max(r["max_stall_ms"] for r in series["kanimdesk"]),
        "raw_max_stall_ms": max(r["max_stall_ms"] for r in series["raw"]),
        "applications": series["kanimdesk"][0].get("applications"),
        "_median": stats.median(mine),
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    p.add_argument("--db", default=str(DEFAULT_DB),
                   help="the SQLite file, or a postgresql://… URL of a database made alike")  # fmt: skip
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--window-runs", type=int, default=3)
    p.add_argument("--last", default=None, help="the last month, YYYY-MM (default: last month)")
    p.add_argument("--platform", choices=("offscreen", "xvfb"), default="offscreen")
    p.add_argument("--out", type=Path, help="keep the meeting report PDF here")
    p.add_argument("--child", choices=("kanimdesk", "raw"), help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if not is_pg(args.db) and not Path(args.db).exists():
        p.error(f"{args.db} does not exist: make it with bench/generate.py --busy-day")
    today = date.today()
    before = _months_back((today.year, today.month), 1)
    last_month = args.last or f"{before[0]}-{before[1]:02d}"

    from app.config import Settings

    office_code = Settings().office.code
    if args.child:
        window_child(args.db, args.child, last_month, office_code)
        return 0

    from app.db.engine import Database
    from app.figures.meeting.builder import meeting_report
    from app.figures.meeting.pdf import render_meeting_pdf
    from app.figures.statistics import statistics
    from app.figures.statistics_model import Grain, Period

    last = _month(last_month)
    first = _months_back(last, 11)
    year12 = Period.months(first, last)
    month = Period.month(*last)
    db = Database(url_of(args.db), create=False)
    office_id = _office_id(args.db, office_code)
    pdf = [b""]
    results: dict[str, dict[str, object]] = {}
    try:
        results["statistics_12_months"] = alternate(
            args.runs,
            lambda: statistics(db, office_code, year12, Grain.MONTH),
            lambda: raw_rows(args.db, RAW_MONTHS, office_id, year12.first, year12.last),
        )
        results["statistics_month_by_day"] = alternate(
            args.runs,
            lambda: statistics(db, office_code, month, Grain.DAY),
            lambda: raw_rows(args.db, RAW_DAYS, office_id, month.first, month.last),
        )

        def ours_pdf() -> None:
            pdf[0] = render_meeting_pdf(meeting_report(db, office_code, year12, lang="id"))

        results["meeting_pdf_12_months"] = alternate(
            args.runs,
            ours_pdf,
            lambda: raw_pdf(raw_rows(args.db, RAW_MONTHS, office_id, year12.first, year12.last)),
        )
        total = statistics(db, office_code, year12).total
    finally:
        db.dispose()
    results["dashboard_open"] = window_runs(
        args.db, last_month, office_code, args.window_runs, args.platform
    )
    if args.out:
        args.out.write_bytes(pdf[0])
    medians = {k: float(r.pop("_median")) for k, r in results.items()}  # type: ignore[arg-type]
    ok = all(medians[k] < t for k, t in TARGETS_MS.items())
    ok = ok and float(results["dashboard_open"]["max_stall_ms"]) <= STALL_GOAL_MS  # type: ignore[arg-type]
    for name, r in results.items():
        k, raw = r["kanimdesk"], r["raw"]
        extra = (
            f"   longest stall {r['max_stall_ms']} ms (bare {r['raw_max_stall_ms']} ms)"
            if "max_stall_ms" in r
            else ""
        )
        print(
            f"{name:<26} KanimDesk median {k['median_ms']:>7.1f} ms (min {k['min_ms']:.1f}, "  # type: ignore[index]
            f"max {k['max_ms']:.1f})   raw median {raw['median_ms']:>6.1f} ms   "  # type: ignore[index]
            f"ratio {r['ratio_median']}   target {TARGETS_MS[name]:.0f} ms{extra}"
        )
    summary = {
        "benchmark": "figures",
        "db": str(args.db),
        "db_bytes": None if is_pg(args.db) else Path(args.db).stat().st_size,
        "office": office_code,
        "period": f"{year12.first.isoformat()}..{year12.last.isoformat()}",
        "applications_in_period": total.applications,
        "pdf_bytes": len(pdf[0]),
        "runs": args.runs,
        "window_runs": args.window_runs,
        "platform": args.platform,
        "cpus": os.cpu_count(),
        "results": results,
        "targets_ms": TARGETS_MS,
        "stall_goal_ms": STALL_GOAL_MS,
        "ok": ok,
    }
    print(json.dumps(summary))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
