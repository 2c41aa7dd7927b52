"""One gettext catalogue for the core and the window: every marked string has a sound Indonesian
translation, the compiled .mo is current, and the program speaks Indonesian by default."""

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _tool():
    spec = importlib.util.spec_from_file_location(
        "translations_tool", ROOT / "packaging" / "translations.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_marked_string_has_a_sound_indonesian_translation_and_the_mo_is_current():
    out = subprocess.run([sys.executable, str(ROOT / "packaging" / "translations.py"), "--check"],
                         capture_output=True, text=True)  # fmt: skip
    assert out.returncode == 0, out.stdout[-6000:] + out.stderr[-2000:]


@pytest.mark.parametrize(
    ("source", "translated", "fault"),
    [
        # The entry that once showed "TempTemplate daftar periksa:amp;lat daftar periksa:".
        (
            "Check&list template:",
            "TempTemp&late daftar periksa:amp;lat daftar periksa:",
            "markup debris",
        ),
        ("Save && print", "Simpan &amp; cetak", "markup debris"),
        (
            "Calling {0} to counter {1}.",
            "Memanggil {0} ke loket.",
            "placeholders or accelerators differ",
        ),
        (
            "NIK must be 16 digits (it has {n}).",
            "NIK harus 16 angka (sekarang {jumlah} angka).",
            "placeholders or accelerators differ",
        ),
        ("&Counter:", "Loket:", "placeholders or accelerators differ"),
        ("&Counter:", "&Lo&ket:", "placeholders or accelerators differ"),
        ("%s rows", "baris", "placeholders or accelerators differ"),
    ],
)
def test_check_refuses_debris_and_changed_placeholders_or_accelerators(source, translated, fault):
    assert fault in _tool().translation_faults(source, translated)


@pytest.mark.parametrize(
    ("source", "translated"),
    [
        ("Check&list template:", "Template daftar &periksa:"),
        ("Calling {0} to counter {1}.", "Memanggil {0} ke loket {1}."),
        ("Tariffs & fees", "Tarif & biaya"),
        (("{n} item", "{n} items"), "{n} butir"),
    ],
)
def test_check_accepts_sound_translations(source, translated):
    assert _tool().translation_faults(source, translated) == []


def test_core_messages_follow_the_chosen_language():
    from app.i18n import language, set_language, text

    before = language()
    try:
        set_language("id")
        assert text("nik.length", n=3) == "NIK harus 16 angka (sekarang 3 angka)."
        set_language("en")
        assert text("nik.length", n=3) == "NIK must be 16 digits (it has 3)."
        assert text("nik.length", "id", n=3).startswith("NIK harus")
    finally:
        set_language(before)


def test_window_is_indonesian_by_default(qtbot, sqlite_db):
    from PySide6.QtWidgets import QApplication

    from app.config import Settings

    from ui.context import DeskContext
    from ui.main import install_translations
    from ui.main_window import MainWindow
    from ui.workers import TaskRunner

    settings = Settings()
    install_translations(QApplication.instance(), settings.language)
    window = MainWindow(DeskContext(sqlite_db, settings, runner=TaskRunner(synchronous=True)))
    qtbot.addWidget(window)
    titles = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert titles == [
        "Pendaftaran",
        "Permohonan",
        "Izin tinggal WNA",
        "Antrean",
        "Kunjungan monev",
        "Laporan",
        "Publikasi",
        "Pengaturan",
        "Audit",
    ]
    page = window.pages["registration"]
    assert "Simpan" in page.save_button.text()
