"""Update resources/translations/*.ts from the ui/ sources and compile them to .qm.

    python packaging/translations.py          # lupdate + lrelease
    python packaging/translations.py --check  # fail if a UI string has no Indonesian translation
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS_DIR = ROOT / "resources" / "translations"
LANGS = ["id"]


def _tool(name: str) -> str:
    exe = Path(sys.executable).with_name(name)
    return str(exe) if exe.exists() else (shutil.which(name) or name)


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))


def lupdate(ts: Path) -> None:
    subprocess.run([_tool("pyside6-lupdate"), *sources(), "-no-obsolete", "-ts", str(ts)],
                   cwd=ROOT, check=True, capture_output=True)  # fmt: skip


def lrelease(ts: Path) -> None:
    subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))],
                   cwd=ROOT, check=True, capture_output=True)  # fmt: skip


def untranslated(ts: Path) -> list[tuple[str, str]]:
    """(context, source) of every message without a finished translation."""
    out = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            tr = message.find("translation")
            texts = [tr.text or ""] + [n.text or "" for n in tr.iter("numerusform")] if tr is not None else []
            if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete") or not "".join(texts).strip():
                if tr is not None and tr.get("type") in ("vanished", "obsolete"):
                    continue
                out.append((name, message.findtext("source") or ""))
    return out


def check() -> int:
    """Compare a fresh lupdate of the sources with the committed .ts files."""
    missing = []
    for lang in LANGS:
        committed = TS_DIR / f"kanimdesk_{lang}.ts"
        with tempfile.TemporaryDirectory() as tmp:
            fresh = Path(tmp) / committed.name
            shutil.copy(committed, fresh)
            lupdate(fresh)
            missing += [(lang, *m) for m in untranslated(fresh)]
    for lang, context, source in missing:
        print(f"untranslated [{lang}] {context}: {source!r}")
    return 1 if missing else 0


def main() -> int:
    if "--check" in sys.argv:
        return check()
    for lang in LANGS:
        ts = TS_DIR / f"kanimdesk_{lang}.ts"
        lupdate(ts)
        lrelease(ts)
        left = untranslated(ts)
        print(f"{ts.name}: {len(left)} untranslated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
