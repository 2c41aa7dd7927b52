"""Start-to-usable-window time: a bare PySide6 window versus `kanimdesk` on the large database (target ≤ 2×)."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

# The baseline: the least a PySide6 program does before a window is on screen.
BARE_WINDOW = """
import sys, time
_START = time.perf_counter()
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not getattr(self, "seen", False):
            self.seen = True
            QTimer.singleShot(0, ready)
        return False

def ready():
    print(f"READY {time.perf_counter() - _START:.3f}", flush=True)
    app.quit()

app = QApplication(sys.argv)
window = QMainWindow()
window.setWindowTitle("bare")
window.resize(1024, 700)
watcher = FirstPaint()
window.installEventFilter(watcher)
window.show()
sys.exit(app.exec())
"""


def kanimdesk_command(db: Path) -> list[str]:
    script = Path(sys.executable).with_name("kanimdesk")
    exe = [str(script)] if script.exists() else [sys.executable, "-m", "app.cli"]
    return [*exe, "--db", f"sqlite:///{db}"]


def start_xvfb() -> tuple[subprocess.Popen, str]:
    """One X server for all runs, so that its own start-up is not counted in any of them."""
    read, write = os.pipe()
    proc = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
                            pass_fds=(write,), stderr=subprocess.DEVNULL)  # fmt: skip
    os.close(write)
    with os.fdopen(read) as fh:
        number = fh.readline().strip()  # written once the server accepts clients
    if not number:
        proc.kill()
        raise SystemExit("Xvfb did not start")
    return proc, f":{number}"


def one_run(cmd: list[str], env: dict[str, str], timeout: float) -> dict[str, float | None]:
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    ready_wall = reported = loaded_wall = None
    assert proc.stdout is not None
    for line in proc.stdout:  # the READY line arrives while the process is still running
        if line.startswith("READY"):
            ready_wall = time.perf_counter() - started
            reported = float(line.split()[1])
        elif line.startswith("LOADED"):  # kanimdesk only: the first page's data is in
            loaded_wall = time.perf_counter() - started
    try:
        proc.wait(timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    exit_wall = time.perf_counter() - started
    if ready_wall is None:
        err = proc.stderr.read() if proc.stderr else ""
        raise RuntimeError(f"no READY line from {cmd[0]} (exit {proc.returncode}): {err[-500:]}")
    return {
        "ready_wall_s": ready_wall,
        "exit_wall_s": exit_wall,
        "ready_reported_s": reported,
        "loaded_wall_s": loaded_wall,
    }


def measure(name: str, cmd: list[str], env: dict[str, str], runs: int, timeout: float) -> dict:
    one_run(cmd, env, timeout)  # warm-up: file cache, bytecode, a pending migration
    return summarize(name, [one_run(cmd, env, timeout) for _ in range(runs)])


def measure_pair(bare: list[str], ours: list[str], env: dict[str, str], runs: int, timeout: float):
    """Alternate the two programs run by run, so a burst of load on the shared machine hits both."""
    one_run(bare, env, timeout)
    one_run(ours, env, timeout)
    a, b = [], []
    for _ in range(runs):
        a.append(one_run(bare, env, timeout))
        b.append(one_run(ours, env, timeout))
    return (
        summarize("bare PySide6 window", a),
        summarize("kanimdesk", b),
        [round(y["ready_wall_s"] / x["ready_wall_s"], 2) for x, y in zip(a, b, strict=True)],
    )


def summarize(name: str, samples: list[dict]) -> dict:
    runs = len(samples)
    out: dict = {"name": name, "runs": runs}
    for key in ("ready_wall_s", "exit_wall_s", "ready_reported_s", "loaded_wall_s"):
        values = [s[key] for s in samples if s[key] is not None]
        if values:
            out[f"median_{key}"] = round(statistics.median(values), 3)
    out["samples"] = [{k: round(v, 3) for k, v in s.items() if v is not None} for s in samples]
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument(
        "--db", type=Path, default=HERE / "bench.sqlite", help="SQLite file from generate.py"
    )
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--platform", choices=("xvfb", "offscreen"),
                   default="xvfb" if shutil.which("Xvfb") else "offscreen")  # fmt: skip
    p.add_argument("--bare-only", action="store_true", help="measure the bare window only")
    p.add_argument("--timeout", type=float, default=120)
    args = p.parse_args(argv)

    scratch = Path(tempfile.mkdtemp(prefix="kd-startup-"))
    # Byte-code caching on (as on a counter PC), kept in the scratch folder, filled by the warm-up.
    env = dict(os.environ, KANIMDESK_EXIT_WHEN_READY="1", PYTHONPYCACHEPREFIX=str(scratch / "pycache"),
               KANIMDESK_CONFIG_DIR=str(scratch / "config"), KANIMDESK_DATA_DIR=str(scratch / "data"))  # fmt: skip
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    xvfb = None
    if args.platform == "xvfb":
        xvfb, env["DISPLAY"] = start_xvfb()
        env["QT_QPA_PLATFORM"] = "xcb"
    else:
        env["QT_QPA_PLATFORM"] = "offscreen"
    try:
        bare_script = scratch / "bare_window.py"
        bare_script.write_text(BARE_WINDOW)
        result: dict = {"platform": args.platform, "target_ratio": 2.0}
        bare_cmd = [sys.executable, str(bare_script)]
        if args.bare_only:
            result["bare"] = measure("bare PySide6 window", bare_cmd, env, args.runs, args.timeout)
            result["kanimdesk"] = None
        elif not (HERE.parent / "ui" / "main.py").exists():
            result["kanimdesk"] = {"skipped": "ui/main.py does not exist yet"}
        elif not args.db.exists():
            result["kanimdesk"] = {"skipped": f"{args.db} not found: run bench/generate.py first"}
        else:
            result["bare"], result["kanimdesk"], result["ratio_per_pair"] = measure_pair(
                bare_cmd, kanimdesk_command(args.db), env, args.runs, args.timeout
            )
            for key in ("ready_wall_s", "exit_wall_s"):
                result[f"ratio_{key}"] = round(
                    result["kanimdesk"][f"median_{key}"] / result["bare"][f"median_{key}"], 2
                )
            result["ok"] = result["ratio_ready_wall_s"] <= result["target_ratio"]
    finally:
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait(10)
        shutil.rmtree(scratch, ignore_errors=True)
    print(json.dumps(result))
    return 0 if result.get("ok", True) else 1


if __name__ == "__main__":
    sys.exit(main())
