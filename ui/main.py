"""Start the window: QApplication, translations, the database, the main window."""

from __future__ import annotations

import os
import sys
import time

_START = time.perf_counter()


def install_translations(app, lang: str) -> list[object]:
    """Load KanimDesk's and Qt's own translations for *lang*; English is the source language."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    from app.config import resources_dir

    QLocale.setDefault(QLocale(QLocale.Language.Indonesian if lang == "id" else QLocale.Language.English))
    loaded: list[object] = []
    if lang == "en":
        return loaded
    ours = QTranslator(app)
    if ours.load(str(resources_dir() / "translations" / f"kanimdesk_{lang}.qm")):
        app.installTranslator(ours)
        loaded.append(ours)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        loaded.append(qt)
    return loaded


def run_gui(db_url: str | None = None) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from app.config import default_db_url, load_settings
    from app.db.engine import Database
    from app.domain.problems import InputRejected
    from app.i18n import text
    from app.services.setup import init_database

    from ui.context import DeskContext
    from ui.main_window import MainWindow

    settings = load_settings()
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("KanimDesk")
    app.setOrganizationName("KanimDesk")
    install_translations(app, settings.language)
    url = db_url or os.environ.get("KANIMDESK_DB") or settings.db_url or default_db_url()
    try:
        db = Database(url)
        init_database(db, settings)
    except InputRejected as exc:
        QMessageBox.critical(None, "KanimDesk", exc.message(settings.language))
        return 2
    except Exception as exc:  # the counter must see a reason, not a crash
        QMessageBox.critical(None, "KanimDesk", text("db.unreachable", settings.language, reason=exc))
        return 1
    ctx = DeskContext(db, settings)
    window = MainWindow(ctx)
    window.show()
    if os.environ.get("KANIMDESK_EXIT_WHEN_READY"):
        # For bench/bench_startup.py: quit once the first page has loaded its data.
        def ready() -> None:
            ctx.runner.wait()
            app.processEvents()
            print(f"READY {time.perf_counter() - _START:.3f}", flush=True)
            app.quit()

        QTimer.singleShot(0, ready)
    return app.exec()
