"""Start the window: QApplication, translations, the main window; the database opens behind it."""

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


def _database_failed(window, lang: str, exc: BaseException) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from app.i18n import text
    from app.problems import InputRejected

    reason = exc.message(lang) if isinstance(exc, InputRejected) else text("db.unreachable", lang, reason=exc)
    QMessageBox.critical(window, "KanimDesk", reason)
    QApplication.instance().exit(1)


def run_gui(db_url: str | None = None) -> int:
    from PySide6.QtWidgets import QApplication

    from app.config import default_db_url, load_settings

    from ui.context import DeferredDatabase, DeskContext
    from ui.main_window import MainWindow

    settings = load_settings()
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("KanimDesk")
    app.setOrganizationName("KanimDesk")
    install_translations(app, settings.language)
    url = db_url or os.environ.get("KANIMDESK_DB") or settings.db_url or default_db_url()
    db = DeferredDatabase(url, settings)
    ctx = DeskContext(db, settings)
    # Paint the window before the worker starts importing SQLAlchemy (they share the GIL).
    ctx.runner.hold()
    # Open the database first on the worker thread; the pages' tasks queue behind it.
    window_holder: list = []
    ctx.runner.run(db.open, None, lambda exc: _database_failed(window_holder[0], settings.language, exc))
    window = MainWindow(ctx)
    window_holder.append(window)
    if os.environ.get("KANIMDESK_EXIT_WHEN_READY"):
        _report_start_up(app, ctx, window)
    _release_after_first_paint(window, ctx)
    window.show()
    return app.exec()


def _release_after_first_paint(window, ctx) -> None:
    """Start database work once the window has painted (or after 1 s if it never does)."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def eventFilter(self, obj, event) -> bool:
            if event.type() == QEvent.Type.Paint:
                window.removeEventFilter(self)
                QTimer.singleShot(0, ctx.runner.release)
            return False

    window.installEventFilter(FirstPaint(window))
    QTimer.singleShot(1000, ctx.runner.release)  # release() is idempotent


def _report_start_up(app, ctx, window) -> None:
    """For bench/bench_startup.py: READY when the window has painted (it takes typing from
    then on), LOADED when the first page's data has arrived, then quit."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        seen = False

        def eventFilter(self, obj, event) -> bool:
            if event.type() == QEvent.Type.Paint and not self.seen:
                self.seen = True
                QTimer.singleShot(0, ready)
            return False

    window.installEventFilter(FirstPaint(app))

    def ready() -> None:
        print(f"READY {time.perf_counter() - _START:.3f}", flush=True)
        QTimer.singleShot(0, loaded)

    def loaded() -> None:
        ctx.runner.wait()
        app.processEvents()
        print(f"LOADED {time.perf_counter() - _START:.3f}", flush=True)
        app.quit()
