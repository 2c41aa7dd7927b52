"""The window survives a whole day of Qt calls: run in a subprocess, so an abort at any time,
shutdown included, fails the test (the old hook that ended pytest by hand hid exactly such an abort)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_main_window_with_display_survives_50000_round_trips_and_5000_resets(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KANIMDESK_DATA_DIR=str(tmp_path / "data"),
               KANIMDESK_CONFIG_DIR=str(tmp_path / "config"))  # fmt: skip
    out = subprocess.run(
        [sys.executable, "-m", "tests.ui.soak_window", "--db", f"sqlite:///{tmp_path / 'soak.sqlite'}",
         "--trips", "50000", "--resets", "5000"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert out.returncode == 0, f"exit {out.returncode}\n{out.stdout[-2000:]}\n{out.stderr[-4000:]}"
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    print(figures)
    assert figures["trips"] >= 50_000 and figures["resets"] >= 5_000 and figures["errors"] == 0
    assert figures["rss_growth_mb"] < 50, figures
