"""Start the window: QApplication, translations, the main window; the database opens behind it."""

from __future__ import annotations

import os
import sys
import time

_START = time.perf_counter()


def install_translations(app, lang: str) -> list[object]:
    """Speak *lang* from now on: KanimDesk's gettext catalogue, QLocale, and Qt's own
    ``qtbase`` translations for the standard dialogs (English is the source language)."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    from app.i18n import set_language

    lang = set_language(lang)
    QLocale.setDefault(
        QLocale(QLocale.Language.Indonesian if lang == "id" else QLocale.Language.English)
    )
    loaded: list[object] = []
    qt = QTranslator(app)
    # Qt ships no qtbase_en: English dialogs need no translator.
    if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        loaded.append(qt)
    return loaded


def _database_failed(window, ctx, exc: BaseException) -> None:
    """The database could not be opened: say why in the program's words, then quit — unless
    it is damaged and a sound backup can be restored (ui.admin.start_checks)."""
    from ui.admin.start_checks import is_damage, offer_restore

    if is_damage(ctx, exc):
        offer_restore(window, ctx, exc, lambda: _say_and_quit(window, ctx, exc))
        return
    _say_and_quit(window, ctx, exc)


def _say_and_quit(window, ctx, exc: BaseException) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from app.db.faults import database_fault
    from app.problems import InputRejected

    fault = database_fault(exc, ctx.db.url)
    refused = isinstance(exc, InputRejected) or (fault is not None and fault.refusal)
    QMessageBox.critical(window, "KanimDesk", ctx.reason(exc))
    QApplication.instance().exit(2 if refused else 1)


def check_soundness(window, ctx) -> None:
    """Queue SQLite's quick_check on the worker (behind the first page's reads, before any
    write); a damaged file is said in a message and every later write is refused."""
    db = ctx.db

    def check() -> None:
        from app.db.integrity import ensure_sound

        if getattr(db, "is_open", True):  # a database that did not open has said so already
            ensure_sound(db.open() if hasattr(db, "open") else db)

    def unsound(exc: BaseException) -> None:
        from PySide6.QtWidgets import QMessageBox

        from ui.admin.start_checks import is_damage, offer_restore

        def say() -> None:
            QMessageBox.critical(window, "KanimDesk", ctx.reason(exc))

        if is_damage(ctx, exc):
            offer_restore(window, ctx, exc, say)
        else:
            say()

    ctx.runner.run(check, None, unsound)


def _settings_failed(exc: BaseException) -> int:
    """A settings file that cannot be used: its reasons in a message box, and no window."""
    from PySide6.QtWidgets import QMessageBox

    from app.problems import InputRejected

    words = exc.message() if isinstance(exc, InputRejected) else str(exc)
    QMessageBox.critical(None, "KanimDesk", words)
    return 2


def run_gui(db_url: str | None = None, lang: str | None = None) -> int:
    """The window over *db_url*; *lang* (the command line's ``--lang``) overrides the settings'
    language for this run only, without writing it to the settings file."""
    from PySide6.QtWidgets import QApplication

    from app.config import default_db_url, load_settings
    from app.i18n import DEFAULT_LANGUAGE, language
    from app.logs import configure_logging
    from app.problems import InputRejected

    from ui.context import DeferredDatabase, DeskContext
    from ui.main_window import MainWindow

    configure_logging()
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("KanimDesk")
    app.setOrganizationName("KanimDesk")
    try:
        settings = load_settings()
    except InputRejected as exc:  # app.config.SettingsError: never a window over defaults
        install_translations(app, lang or DEFAULT_LANGUAGE)
        return _settings_failed(exc)
    install_translations(app, lang or settings.language)
    url = db_url or os.environ.get("KANIMDESK_DB") or settings.db_url or default_db_url()
    db = DeferredDatabase(url, settings)
    # --lang holds for this run (as set_language checked it); without it the pages follow the settings.
    ctx = DeskContext(db, settings, lang=language() if lang else None)
    # Paint the window before the worker starts importing SQLAlchemy (they share the GIL).
    ctx.runner.hold()
    # Open the database first on the worker thread; the pages' tasks queue behind it.
    window_holder: list = []
    ctx.runner.run(db.open, None, lambda exc: _database_failed(window_holder[0], ctx, exc))
    window = MainWindow(ctx)
    window_holder.append(window)
    ctx.busy.connect(lambda words: window.statusBar().showMessage(words, 5000))
    check_soundness(window, ctx)
    # Sign-in (or the first-start wizard) once the database has answered; the pages wait
    # behind the lock screen meanwhile, so nobody's data shows before someone signs in.
    window.start_accounts()
    from ui.admin.start_checks import AutoBackups

    window.auto_backups = AutoBackups(
        ctx, lambda words: window.statusBar().showMessage(words, 8000), window
    )
    window.auto_backups.start()
    if os.environ.get("KANIMDESK_EXIT_WHEN_READY"):
        _report_start_up(app, ctx, window)
    _release_after_first_paint(window, ctx)
    if window.fills_screen:
        window.showMaximized()
    else:
        window.show()
    # Other workstations' calls and steps reach every page (registration list, display).
    ctx.watch.start()
    # The other pages' modules load on the worker, behind the first page's reads: imported on
    # the UI thread at a page's first opening they stalled it (bench/bench_ui_stalls.py).
    ctx.runner.run(_import_pages, None, _pages_not_imported)
    # The window, its first page and Qt's wrappers live until the end: freeze them with the
    # modules so that full collections stay short (see DeferredDatabase.open).
    import gc

    gc.freeze()
    return app.exec()


def _import_pages() -> None:
    """Import the pages built on first use (modules only: widgets are made on the UI thread)."""
    import ui.desk.applications_page  # noqa: F401
    import ui.desk.foreigners_page  # noqa: F401
    import ui.figures.activities_page  # noqa: F401
    import ui.figures.reports_page  # noqa: F401
    import ui.queue.queue_page  # noqa: F401
    import ui.settings.settings_page  # noqa: F401


def _pages_not_imported(exc: BaseException) -> None:
    # The page that cannot be imported says why when it is opened; here it is only noted.
    import logging

    logging.getLogger(__name__).warning("pages not imported ahead: %r", exc)


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
