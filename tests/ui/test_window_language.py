"""`kanimdesk --lang en` opens the window in English, all the way from the command line;
without it the window speaks the settings' language (Indonesian by default)."""

from __future__ import annotations

import pytest

from PySide6.QtCore import QEventLoop, QLocale, QTimer, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTableView,
    QTabWidget,
    QWidget,
)

from app.cli.entry import main
from app.i18n import catalogue, language

import ui.main_window

# Areas built by other parts of the window; "applications" is tested with its own page.
AREAS = ("registration", "foreigners", "queue", "visits", "reports", "activities", "settings")


@pytest.fixture
def opened(qapp, monkeypatch, sqlite_db):
    """Run `kanimdesk [args] --db URL` as the desktop would, up to the first page loaded;
    give back the window it opened (closed afterwards)."""
    windows: list[ui.main_window.MainWindow] = []

    class Recorded(ui.main_window.MainWindow):
        """The window run_gui opens; once its event loop runs, the clerk opens every area
        (each page is built on first opening, in the language of the run)."""

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            windows.append(self)
            self.seen: list[str] = []
            QTimer.singleShot(0, self.tour)

        def tour(self) -> None:
            for key in AREAS:
                self.open_area(key)
            self.seen = _texts(self)

    monkeypatch.setattr(ui.main_window, "MainWindow", Recorded)
    monkeypatch.setenv("KANIMDESK_EXIT_WHEN_READY", "1")  # quit once the first page has loaded
    # The application's own exec() may not run inside pytest-qt: once quit, it leaves every
    # later event loop (qtbot.wait, waitUntil) returning at once. A local loop stands in.
    loops: list[QEventLoop] = []

    def run_loop(*_args) -> int:
        loops.append(QEventLoop())
        return loops[-1].exec()

    monkeypatch.setattr(QApplication, "exec", run_loop)
    monkeypatch.setattr(QApplication, "quit", lambda *_args: [loop.exit(0) for loop in loops])
    locale = QLocale()

    def run(*args: str) -> ui.main_window.MainWindow:
        assert main([*args, "--db", sqlite_db.url]) == 0
        assert len(windows) == 1 and windows[0].seen
        return windows[0]

    yield run
    for window in windows:
        window.close()
        window.ctx.close()
    for translator in qapp.findChildren(QTranslator):  # Qt's own qtbase_id, for the next tests
        qapp.removeTranslator(translator)
    QLocale.setDefault(locale)


def _texts(window: QWidget) -> list[str]:
    """Every word the clerk can read in *window*: titles, labels, buttons, fields, lists, menus."""
    out = [window.windowTitle()]
    out += [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    for w in window.findChildren(QWidget):
        if isinstance(w, QLabel | QAbstractButton):
            out.append(w.text())
        if isinstance(w, QGroupBox):
            out.append(w.title())
        if isinstance(w, QLineEdit):
            out.append(w.placeholderText())
        if isinstance(w, QComboBox):
            out += [w.itemText(i) for i in range(w.count())]
        if isinstance(w, QTabWidget):
            out += [w.tabText(i) for i in range(w.count())]
        if isinstance(w, QTableView) and w.model() is not None:
            out += [str(w.model().headerData(c, w.horizontalHeader().orientation()))
                    for c in range(w.horizontalHeader().count())]  # fmt: skip
    out += [a.text() for a in window.findChildren(QAction)]
    return [t for t in out if t and t.strip()]


def _indonesian() -> dict[str, str]:
    """Indonesian translation → its English source, for translations that differ from it."""
    return {
        indonesian: english
        for english, indonesian in catalogue("id")._catalog.items()  # type: ignore[attr-defined]
        if isinstance(english, str) and english and indonesian != english
    }


def test_lang_en_opens_the_window_in_english(opened):
    window = opened("--lang", "en")
    assert window.ctx.lang == "en" and language() == "id"  # --lang held for that run only
    texts = window.seen
    assert len(texts) > 150
    indonesian = _indonesian()
    left = sorted({t for t in texts if t in indonesian})
    assert not left, f"Indonesian in the English window: {left}"
    sidebar = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert sidebar[:2] == ["Registration", "Applications"] and "Settings" in sidebar
    assert window.menuBar().actions()[0].text() == "&File"
    page = window.pages["registration"]
    assert page.save_button.text() == "Save && Print  (Ctrl+Enter)"
    assert page.form.nik.placeholderText() == "16 digits"
    assert page.tickets.headerData(0, window.pages["registration"].tickets_view
                                   .horizontalHeader().orientation()) == "Number"  # fmt: skip


def test_without_lang_the_window_follows_the_settings(opened):
    window = opened()
    assert window.ctx.lang == "id"
    texts = set(window.seen)
    assert {"Pendaftaran", "Permohonan", "Antrean", "Pengaturan"} <= texts
    assert "Registration" not in texts and "Settings" not in texts
