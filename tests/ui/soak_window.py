"""A whole day of Qt calls in minutes: the real main window, the queue display open, tens of
thousands of task-runner round trips and thousands of ticket-model resets; prints one JSON line.

    python -m tests.ui.soak_window --db sqlite:////tmp/soak.sqlite [--trips 50000] [--resets 5000]

Exit 0 only when every round trip came back and the window closed normally. Run by
tests/ui/test_soak.py in a subprocess so that a crash (an abort, a segfault) fails the test.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def rss_mb() -> float:
    """Resident set size now (not the peak), from /proc."""
    with open("/proc/self/statm") as fh:
        pages = int(fh.read().split()[1])
    return pages * resource.getpagesize() / 2**20


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--db", required=True)
    p.add_argument("--trips", type=int, default=50_000)
    p.add_argument("--resets", type=int, default=5_000)
    p.add_argument("--warmup", type=int, default=2_000)
    args = p.parse_args(argv)

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from app.config import Settings
    from app.db.engine import Database
    from app.db.setup import init_database
    from app.queue.tickets import issue_ticket, tickets_on

    from ui.context import DeskContext
    from ui.main import install_translations
    from ui.main_window import MainWindow
    from ui.queue.display_window import QueueDisplayWindow

    settings = Settings()
    db = Database(args.db)
    init_database(db, settings)
    for i in range(60):
        issue_ticket(db, settings.office.code, "A" if i % 3 else "C", None, officer="soak")
    rows = tickets_on(db, settings.office.code)
    halves = (rows[:30], rows[30:])  # different ticket ids: each switch is a model reset

    app = QApplication.instance() or QApplication(sys.argv)
    install_translations(app, settings.language)
    ctx = DeskContext(db, settings)  # the real threaded TaskRunner
    window = MainWindow(ctx)
    window.resize(1366, 698)
    window.show()
    display = QueueDisplayWindow(ctx)
    display.resize(1366, 768)
    display.show()
    model = window.pages["registration"].tickets
    every = max(1, args.trips // args.resets)
    state = {"trips": 0, "resets": 0, "rss_start": 0.0, "t0": time.perf_counter(), "errors": 0}
    code = settings.office.code

    def work(n: int):
        # Mostly a bare round trip; every 50th does real database work.
        return tickets_on(db, code) if n % 50 == 0 else n

    def failed(exc: BaseException) -> None:
        state["errors"] += 1
        print(f"task failed: {exc!r}", file=sys.stderr)
        app.exit(3)

    def done(_result) -> None:
        n = state["trips"] = state["trips"] + 1
        if n == args.warmup:
            state["rss_start"] = rss_mb()
        if n % every == 0 and state["resets"] < args.resets:
            model.set_rows(halves[state["resets"] % 2])
            state["resets"] += 1
        if n >= args.trips and state["resets"] >= args.resets:
            QTimer.singleShot(0, finish)
            return
        ctx.runner.run(lambda: work(n), done, failed)

    def finish() -> None:
        ctx.runner.wait()
        state["rss_end"] = rss_mb()
        display.close()
        window.close()
        app.quit()

    QTimer.singleShot(0, lambda: ctx.runner.run(lambda: work(0), done, failed))
    code_ = app.exec()
    ctx.runner.wait()
    print(json.dumps({
        "trips": state["trips"], "resets": state["resets"], "errors": state["errors"],
        "rss_start_mb": round(state["rss_start"], 1), "rss_end_mb": round(state.get("rss_end", 0.0), 1),
        "rss_growth_mb": round(state.get("rss_end", 0.0) - state["rss_start"], 1),
        "seconds": round(time.perf_counter() - state["t0"], 1), "exit": code_,
    }), flush=True)  # fmt: skip
    db.dispose()
    return code_


if __name__ == "__main__":
    sys.exit(main())
