"""ruff over the tree and mypy over the core run with the tests, so style and types never drift."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def test_ruff_is_clean():
    out = subprocess.run([str(BIN / "ruff"), "check", "app", "ui", "tests", "bench", "packaging"],
                         cwd=ROOT, capture_output=True, text=True)  # fmt: skip
    assert out.returncode == 0, out.stdout[-4000:]


def test_ruff_format_is_clean():
    out = subprocess.run([str(BIN / "ruff"), "format", "--check", "app", "ui", "tests", "bench", "packaging"],
                         cwd=ROOT, capture_output=True, text=True)  # fmt: skip
    assert out.returncode == 0, out.stdout[-4000:]


def test_mypy_is_clean_on_the_core():
    out = subprocess.run(
        [str(BIN / "mypy"), "--no-incremental", "app"], cwd=ROOT, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stdout[-4000:]
