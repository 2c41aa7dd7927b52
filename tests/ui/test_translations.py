"""Every visible UI string has an Indonesian translation, and the window speaks Indonesian by default."""

import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from app.config import Settings

from ui.context import DeskContext
from ui.main import install_translations
from ui.main_window import MainWindow
from ui.workers import TaskRunner

ROOT = Path(__file__).resolve().parents[2]


def test_every_tr_string_is_translated_to_indonesian():
    out = subprocess.run([sys.executable, str(ROOT / "packaging" / "translations.py"), "--check"],
                         capture_output=True, text=True)  # fmt: skip
    assert out.returncode == 0, out.stdout + out.stderr


def test_compiled_translations_are_current(tmp_path):
    ts = ROOT / "resources" / "translations" / "kanimdesk_id.ts"
    fresh = tmp_path / "fresh.qm"
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), str(ts), "-qm", str(fresh)], check=True, capture_output=True)
    assert fresh.read_bytes() == ts.with_suffix(".qm").read_bytes(), "run packaging/translations.py"


def test_window_is_indonesian_by_default(qtbot, sqlite_db):
    settings = Settings()
    translators = install_translations(QApplication.instance(), settings.language)
    try:
        assert translators, "kanimdesk_id.qm did not load"
        window = MainWindow(DeskContext(sqlite_db, settings, runner=TaskRunner(synchronous=True)))
        qtbot.addWidget(window)
        titles = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
        assert titles == ["Pendaftaran", "Izin tinggal WNA", "Antrean", "Kunjungan monev", "Pengaturan"]
        page = window.pages["registration"]
        assert "Simpan" in page.save_button.text()
    finally:
        for t in translators:
            QApplication.instance().removeTranslator(t)
