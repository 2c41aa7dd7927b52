"""app/ is the program without a screen: importing all of it must not load PySide6."""

import subprocess
import sys
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "app"


def test_app_imports_no_qt():
    modules = sorted(
        ".".join(p.relative_to(APP.parent).with_suffix("").parts)
        for p in APP.rglob("*.py")
        if "migrations" not in p.parts and p.name != "__main__.py"
    )
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}:\n"
        "    importlib.import_module(m)\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'ui'))]\n"
        "assert not bad, bad\n"
        "print(len(" + repr(modules) + "))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=APP.parent
    )
    assert out.returncode == 0, out.stderr
    assert int(out.stdout.strip()) >= 10
