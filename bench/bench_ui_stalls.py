"""The longest UI stall (a 10 ms heartbeat QTimer's largest gap) during start-up and a busy hour of the
real window, against a bare PySide6 window with the same heartbeat in the same run (goal: none > 50 ms).

    python bench/bench_ui_stalls.py [--db bench/bench-1m-apps.sqlite] [--runs 2] [--busy-seconds 60]
                                    [--burst 40] [--platform xvfb|offscreen]

Each run starts a bare window, then the real one (`ui.main.run_gui` on the database, as
`kanimdesk --db` does), in their own processes. Phases, each ended once the worker has been
quiet for a second: "startup" (from the event loop's first turn: the first page loads),
"open_queue" (the Queue page is opened), then "busy": another process — a second
workstation — issues, calls, starts and finishes tickets, one verb a second, then a burst of
--burst verbs back to back, while the window's clerk presses Call / Finish on the queue page
every 2 s. The bare window lives through the same phases with the same other process
running, so both share the machine's load. Today is made afresh before each run
(bench/make_today.py: 2,000 tickets as at 11:00).

A watchdog thread samples the Python stacks whenever the heartbeat is 25 ms late, so the
longest gaps come with where the UI thread was (and what the worker was doing).
Output: one JSON line; exit 0 when no gap of the real window is over 50 ms.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
GOAL_MS = 50.0
BEAT_MS = 10
LATE_S = 0.025  # the watchdog samples stacks once the heartbeat is this late
KEEP_MS = 30.0  # gaps at least this long keep their samples


# --- in the window's process ---------------------------------------------------------------


def _where(frame, depth: int = 4) -> str:  # type: ignore[no-untyped-def]
    """The innermost frame plus the project's frames under it: 'lib:fn ← ui/x.py:fn:12 ← …'."""
    parts: list[str] = []
    if frame is not None and frame.f_code.co_name in ("run_gui", "child"):
        # No Python frame above app.exec(): Qt's own C++ (layout, painting, a proxy model),
        # or a slot (the heartbeat's too) waiting for the GIL that another thread holds.
        return "Qt C++ under app.exec() (or waiting for the GIL)"
    first = True
    while frame is not None and len(parts) < depth:
        path = frame.f_code.co_filename
        mine = path.startswith(str(ROOT)) and "/.venv/" not in path and "/bench/" not in path
        if first or mine:
            shown = os.path.relpath(path, ROOT) if mine else Path(path).name
            parts.append(f"{shown}:{frame.f_code.co_name}:{frame.f_lineno}")
        first = False
        frame = frame.f_back
    return " ← ".join(parts)


class Probe:
    """Heartbeat on the UI thread; a watchdog thread notes the stacks while a beat is late."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(BEAT_MS)
        self.timer.timeout.connect(self.beat)
        self.first = self.last = 0.0
        self.gaps: list[tuple[float, float, str]] = []  # (at, ms, phase)
        self.kept: list[dict] = []
        self.samples: dict[float, list[tuple[str, tuple[str, ...]]]] = {}
        self.phase, self.marks = "startup", [("startup", 0.0)]
        self.main_id, self.running = threading.get_ident(), True
        # Garbage collections of 5 ms or more: (start, ms, generation, thread); a collection
        # holds the GIL, so one on the worker stops the UI thread as well.
        self.collections: list[tuple[float, float, int, str]] = []
        self._collecting: dict[int, float] = {}

    def start(self) -> None:
        self.first = self.last = time.monotonic()
        self.timer.start()
        threading.Thread(target=self._watch, daemon=True).start()
        gc.callbacks.append(self._collected)

    def _collected(self, step: str, info: dict) -> None:
        now, me = time.monotonic(), threading.get_ident()
        if step == "start":
            self._collecting[me] = now
        elif (began := self._collecting.pop(me, None)) is not None and now - began >= 0.005:
            who = "ui" if me == self.main_id else threading.current_thread().name
            self.collections.append((began, (now - began) * 1000, info["generation"], who))

    def mark(self, phase: str) -> None:
        self.phase = phase
        self.marks.append((phase, round(time.monotonic() - self.first, 3)))

    def beat(self) -> None:
        now, last = time.monotonic(), self.last
        self.last = now
        ms = (now - last) * 1000
        self.gaps.append((last - self.first, ms, self.phase))
        samples = self.samples.pop(last, [])
        if ms >= KEEP_MS:
            main = Counter(m for m, _w in samples).most_common(2)
            worker = Counter(w for _m, ws in samples for w in ws).most_common(2)
            self.kept.append({"at_s": round(last - self.first, 3), "ms": round(ms, 1),
                              "phase": self.phase, "samples": len(samples),
                              "ui_thread": [f"{n}× {s}" for s, n in main],
                              "worker": [f"{n}× {s}" for s, n in worker], "span": (last, now)})  # fmt: skip

    def _watch(self) -> None:
        me = threading.get_ident()
        while self.running:
            time.sleep(0.002)
            last = self.last
            if time.monotonic() - last > LATE_S:
                frames = sys._current_frames()
                others = tuple(_where(f) for i, f in frames.items() if i not in (me, self.main_id))
                self.samples.setdefault(last, []).append((_where(frames.get(self.main_id)), others))

    def report(self, extra: dict) -> dict:
        self.running = False
        for k in self.kept:  # a collection's own end is noted after the beat it delayed
            last, now = k.pop("span")
            k["gc"] = [f"gen{g} {d:.0f} ms on {who}" for b, d, g, who in self.collections
                       if b < now and b + d / 1000 > last]  # fmt: skip
        out: dict = {"marks": self.marks, **extra, "phases": {}}
        bounds = [at for _p, at in self.marks[1:]] + [float("inf")]
        for (phase, at), end in zip(self.marks, bounds, strict=True):
            ms = sorted(g for _t, g, p in self.gaps if p == phase)
            gcs = [d for b, d, _g, _w in self.collections if at <= b - self.first < end]
            if ms:
                out["phases"][phase] = {
                    "beats": len(ms), "max_ms": round(ms[-1], 1),
                    "p99_ms": round(ms[int(len(ms) * 0.99) - 1 if len(ms) > 1 else 0], 1),
                    "over_50ms": sum(1 for g in ms if g > GOAL_MS),
                    "gc_over_5ms": len(gcs), "gc_max_ms": round(max(gcs, default=0.0), 1),
                    "longest": sorted((k for k in self.kept if k["phase"] == phase),
                                      key=lambda k: -k["ms"])[:3],
                }  # fmt: skip
        return out


def child(kind: str, db: str, busy_seconds: float, spawned: float, freeze: bool = False) -> None:
    """One window (real or bare) through the phases; prints BUSY, then its JSON report.

    *freeze*: gc.freeze() once start-up is over (what-if: the collector then no longer walks
    the objects of the imports and the built pages on every full collection)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    probe = Probe()
    tasks = Counter[str]()
    state: dict = {}

    def finish(error: str | None = None) -> None:
        report = probe.report({"kind": kind, "before_loop_s": round(probe.first - spawned, 3),
                               "first_monotonic": probe.first, "tasks": dict(tasks),
                               "watcher": state.get("watcher"), "error": error})  # fmt: skip
        print("RESULT " + json.dumps(report), flush=True)
        os._exit(0)  # no teardown: the worker may still hold a task

    def failed(kind_, exc, tb) -> None:  # type: ignore[no-untyped-def]
        """A slot raised (e.g. a page being rewritten right now): report it, do not hang."""
        import traceback

        traceback.print_exception(kind_, exc, tb)
        finish(f"{kind_.__name__}: {exc}")

    sys.excepthook = failed

    def quiet_then(then, seconds: float = 1.0, limit: float = 120.0) -> None:  # type: ignore[no-untyped-def]
        """Call *then* once the worker has had nothing to do for *seconds* (at most *limit* s)."""
        started, calm = time.monotonic(), [time.monotonic()]
        pool = state["runner"].pool if "runner" in state else None

        def poll() -> None:
            now = time.monotonic()
            if pool is not None and pool.activeThreadCount() > 0:
                calm[0] = now
            if now - calm[0] >= seconds and (pool is None or tasks[probe.phase] > 0 or now - started > 3) or now - started > limit:  # fmt: skip
                then()
            else:
                QTimer.singleShot(50, poll)

        QTimer.singleShot(50, poll)

    def busy() -> None:
        probe.mark("busy")
        print("BUSY", flush=True)
        page = state.get("queue")
        if page is not None:
            clerk = QTimer(app)
            state["clerk"] = clerk

            def press() -> None:  # the clerk at this window: Call, then Finish, every 2 s
                if page.busy:
                    return
                if page.current is not None and page.current.status in ("called", "serving"):
                    page.act("finish")
                else:
                    page.call_next()

            clerk.timeout.connect(press)
            clerk.start(2000)
        QTimer.singleShot(int(busy_seconds * 1000), finish)

    def open_queue() -> None:
        if freeze:
            gc.freeze()
        probe.mark("open_queue")
        if "window" in state:
            state["queue"] = state["window"].open_area("queue")
        quiet_then(busy)

    def begin() -> None:
        probe.start()
        if kind == "real":
            from ui.main_window import MainWindow

            window = next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow))
            state.update(window=window, runner=window.ctx.runner)
            window.ctx.runner.idle.connect(lambda: tasks.update([probe.phase]))
            state["watcher"] = hasattr(window.ctx, "watch")
        quiet_then(open_queue)

    QTimer.singleShot(0, begin)
    if kind == "real":
        from ui.main import run_gui

        run_gui(db)
    else:
        window = QMainWindow()
        window.setCentralWidget(QLabel("bare"))
        window.resize(1280, 860)
        window.show()
        app.exec()


# --- another workstation ------------------------------------------------------------------


def feeder(db_path: Path, seconds: float, burst: int) -> None:
    """Issue → call → start → finish at counter 9, one verb a second, then *burst* verbs at once."""
    from app.config import Settings
    from app.db.engine import Database
    from app.queue import tickets as queue

    code, db = Settings().office.code, Database(f"sqlite:///{db_path}", create=False)
    state: dict = {"ticket": None, "verbs": 0}

    def verb(n: int) -> None:
        step = n % 4
        if step == 0:
            queue.issue_ticket(db, code, "A", counter="9", officer="feeder")
        elif step == 1:
            state["ticket"] = queue.call_next(db, code, "9", ["A"], "feeder")
        elif state["ticket"] is not None:
            queue.act(db, state["ticket"].id, "start" if step == 2 else "finish", "9", "feeder")
        state["verbs"] += 1

    started, n = time.monotonic(), 0
    while time.monotonic() - started < seconds:
        verb(n)
        n += 1
        time.sleep(max(0.0, started + n - time.monotonic()))
    burst_at = time.monotonic()
    for _ in range(burst):
        verb(n)
        n += 1
    print(json.dumps({"verbs": state["verbs"], "burst_at": burst_at,
                      "burst_s": round(time.monotonic() - burst_at, 3)}), flush=True)  # fmt: skip


# --- the run ------------------------------------------------------------------------------


def one_window(kind: str, args: argparse.Namespace, env: dict[str, str]) -> dict:
    from make_today import make_today

    from app.config import Settings
    from app.db.engine import Database

    db = Database(f"sqlite:///{args.db}", create=False)
    today = make_today(db, Settings())
    db.dispose()
    me = [sys.executable, str(Path(__file__).resolve())]
    busy_for = args.busy_seconds + args.burst * 0.1 + 5
    spawned = time.monotonic()
    proc = subprocess.Popen([*me, "--child", kind, "--db", str(args.db), "--busy-for", str(busy_for),
                             "--spawned", str(spawned), *(["--gc-freeze"] if args.what_if_gc_freeze and kind == "real" else [])],
                            stdout=subprocess.PIPE, text=True, env=env)  # fmt: skip
    assert proc.stdout is not None
    # A window that never reports (a page stuck) is ended, so the run still prints its line.
    guard = threading.Timer(busy_for + 240, proc.kill)
    guard.start()
    report: dict = {"phases": {}, "error": "no report (killed after a timeout)"}
    feed = None
    for line in proc.stdout:
        if line.startswith("BUSY"):
            feed = subprocess.Popen([*me, "--feeder", "--db", str(args.db), "--busy-seconds",
                                     str(args.busy_seconds), "--burst", str(args.burst)],
                                    stdout=subprocess.PIPE, text=True, env=env)  # fmt: skip
        elif line.startswith("RESULT "):
            report = json.loads(line[7:])
    proc.wait(60)
    guard.cancel()
    if feed is not None:
        out, _err = feed.communicate(timeout=120)
        fed = json.loads(out.strip().splitlines()[-1])
        first = report.get("first_monotonic")
        report["feeder"] = {**fed, "burst_at": round(fed["burst_at"] - first, 3) if first else None}
    report["today"] = {k: today[k] for k in ("tickets", "status")}
    return report


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    p.add_argument("--db", type=Path, default=HERE / "bench-1m-apps.sqlite")
    p.add_argument("--runs", type=int, default=2)
    p.add_argument("--busy-seconds", type=float, default=60)
    p.add_argument("--burst", type=int, default=40)
    p.add_argument("--platform", choices=("xvfb", "offscreen"),
                   default="xvfb" if shutil.which("Xvfb") else "offscreen")  # fmt: skip
    p.add_argument("--child", choices=("real", "bare"), help=argparse.SUPPRESS)
    p.add_argument("--feeder", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--busy-for", type=float, help=argparse.SUPPRESS)
    p.add_argument("--spawned", type=float, help=argparse.SUPPRESS)
    p.add_argument("--gc-freeze", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--what-if-gc-freeze", action="store_true",
                   help="the real window calls gc.freeze() once start-up is over (not what it does today)")  # fmt: skip
    args = p.parse_args(argv)
    if args.child:
        child(args.child, f"sqlite:///{args.db}", args.busy_for, args.spawned, args.gc_freeze)
        return 0
    if args.feeder:
        feeder(args.db, args.busy_seconds, args.burst)
        return 0
    if not args.db.exists():
        print(f"{args.db} not found: run  python bench/generate.py --busy-day", file=sys.stderr)
        return 2
    from bench_startup import start_xvfb

    scratch = Path(tempfile.mkdtemp(prefix="kd-stalls-"))
    env = dict(os.environ, KANIMDESK_CONFIG_DIR=str(scratch / "config"),
               KANIMDESK_DATA_DIR=str(scratch / "data"))  # fmt: skip
    xvfb = None
    if args.platform == "xvfb":
        xvfb, env["DISPLAY"] = start_xvfb()
        env["QT_QPA_PLATFORM"] = "xcb"
    else:
        env["QT_QPA_PLATFORM"] = "offscreen"
    try:
        runs = [{kind: one_window(kind, args, env) for kind in ("bare", "real")} for _ in range(args.runs)]  # fmt: skip
    finally:
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait(10)
        shutil.rmtree(scratch, ignore_errors=True)
    result: dict = {"platform": args.platform, "runs": args.runs, "goal_ms": GOAL_MS,
                    "what_if": "gc.freeze() after start-up" if args.what_if_gc_freeze else None,
                    "busy_seconds": args.busy_seconds, "burst": args.burst}  # fmt: skip
    for kind in ("bare", "real"):
        phases: dict = {}
        for run in runs:
            for phase, got in run[kind]["phases"].items():
                mine = phases.setdefault(phase, {"max_ms": 0.0, "per_run_max_ms": [], "over_50ms": 0,
                                                 "gc_over_5ms": 0, "gc_max_ms": 0.0})  # fmt: skip
                mine["per_run_max_ms"].append(got["max_ms"])
                mine["over_50ms"] += got["over_50ms"]
                mine["gc_over_5ms"] += got["gc_over_5ms"]
                mine["gc_max_ms"] = max(mine["gc_max_ms"], got["gc_max_ms"])
                if got["max_ms"] >= mine["max_ms"]:
                    mine.update(max_ms=got["max_ms"], p99_ms=got["p99_ms"], longest=got["longest"])
        result[kind] = {"phases": phases, "before_loop_s": [r[kind].get("before_loop_s") for r in runs],
                        "tasks": [r[kind].get("tasks") for r in runs],
                        "change_watcher": [r[kind].get("watcher") for r in runs],
                        "feeder": [r[kind].get("feeder") for r in runs]}  # fmt: skip
        result[kind]["errors"] = [r[kind]["error"] for r in runs if r[kind].get("error")]
    worst = max((g["max_ms"] for g in result["real"]["phases"].values()), default=0.0)
    bare = max((g["max_ms"] for g in result["bare"]["phases"].values()), default=0.0)
    result.update(real_max_ms=worst, bare_max_ms=bare, ratio=round(worst / bare, 1) if bare else None,
                  ok=worst <= GOAL_MS and not result["real"]["errors"])  # fmt: skip
    print(json.dumps(result))
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
