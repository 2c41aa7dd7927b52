"""Main window: a sidebar of areas and one page per area, created when first opened."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from app import __version__
from app.changes import Changes
from app.i18n import _

from ui.context import DeskContext
from ui.widgets.window_size import available_area, fit_to_screen

# The size the pages were laid out for; a smaller screen (1366×768 with a taskbar) gets less.
PREFERRED_WIDTH, PREFERRED_HEIGHT = 1280, 860


class MainWindow(QMainWindow):
    page_ready = Signal(str)

    def __init__(self, ctx: DeskContext):
        super().__init__()
        self.ctx = ctx
        self.setWindowTitle(_("KanimDesk — {0}").format(ctx.settings.office.name))
        # On a screen smaller than the preferred size the window starts filling the area the
        # taskbar leaves (run_gui then shows it maximised) instead of running off the bottom.
        self.fills_screen = fit_to_screen(self, PREFERRED_WIDTH, PREFERRED_HEIGHT)
        if self.fills_screen:
            self.move(available_area(self).topLeft())
        self.sidebar = QListWidget()
        self.sidebar.setFixedWidth(172)  # the longest area name and its padding
        self.sidebar.setStyleSheet(
            "QListWidget { background: #1f3a5f; color: white; border: none; font-size: 14px; }"
            "QListWidget::item { padding: 12px 14px; }"
            "QListWidget::item:selected { background: #2f5b8f; }"
        )
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = {}
        self.factories: list[tuple[str, str, Callable[[], QWidget]]] = []
        self._add_area("registration", _("Registration"), self._make_registration)
        self._add_area("applications", _("Applications"), self._make_applications)
        self._add_area("foreigners", _("Foreign nationals"), self._make_foreigners)
        self._add_area("queue", _("Queue"), self._make_queue)
        self._add_area("visits", _("Monev visits"), self._make_visits)
        self._add_area("reports", _("Reports"), self._make_reports)
        self._add_area("activities", _("Publicity"), self._make_activities)
        self._add_area("settings", _("Settings"), self._make_settings)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.stack.setContentsMargins(12, 12, 12, 12)
        self.setCentralWidget(central)
        self._menus()
        self.status_label = QLabel()
        self.statusBar().addWidget(self.status_label)
        self._show_status()
        ctx.changed.connect(self._on_changed)
        self.sidebar.currentRowChanged.connect(self._open_row)
        self.sidebar.setCurrentRow(0)

    def _show_status(self) -> None:
        counter = _("Counter {0}").format(self.ctx.counter)
        self.status_label.setText(
            f"{self.ctx.settings.office.name}  ·  {counter}  ·  {self.ctx.officer}"
        )

    def _on_changed(self, changes: Changes) -> None:
        # The counter number and the office name live in the settings.
        if changes.settings or changes.office:
            self.setWindowTitle(_("KanimDesk — {0}").format(self.ctx.settings.office.name))
            self._show_status()

    def _add_area(self, key: str, title: str, factory: Callable[[], QWidget]) -> None:
        self.factories.append((key, title, factory))
        item = QListWidgetItem(title)
        item.setData(Qt.ItemDataRole.UserRole, key)
        self.sidebar.addItem(item)

    def _make_registration(self) -> QWidget:
        from ui.desk.registration_page import RegistrationPage

        return RegistrationPage(self.ctx)

    def _make_applications(self) -> QWidget:
        from ui.desk.applications_page import ApplicationsPage

        return ApplicationsPage(self.ctx)

    def _make_foreigners(self) -> QWidget:
        from ui.desk.foreigners_page import ForeignersPage

        return ForeignersPage(self.ctx)

    def _make_queue(self) -> QWidget:
        from ui.queue.queue_page import QueuePage

        return QueuePage(self.ctx)

    def _make_visits(self) -> QWidget:
        from ui.monev.visits_page import VisitsPage  # PIL and the report code load on first use

        return VisitsPage(self.ctx)

    def _make_reports(self) -> QWidget:
        from ui.figures.reports_page import ReportsPage  # ReportLab charts load on first use

        return ReportsPage(self.ctx)

    def _make_activities(self) -> QWidget:
        from ui.figures.activities_page import ActivitiesPage

        return ActivitiesPage(self.ctx)

    def _make_settings(self) -> QWidget:
        from ui.settings.settings_page import SettingsPage

        return SettingsPage(self.ctx)

    def open_area(self, key: str) -> QWidget:
        for row, (k, _title, _f) in enumerate(self.factories):
            if k == key:
                self.sidebar.setCurrentRow(row)
                return self.pages[key]
        raise KeyError(key)

    def _open_row(self, row: int) -> None:
        if row < 0:
            return
        key, _title, factory = self.factories[row]
        page = self.pages.get(key)
        if page is None:
            # Pages are built on first use so that start-up stays fast.
            page = factory()
            self.pages[key] = page
            self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)
        self.page_ready.emit(key)

    def _menus(self) -> None:
        file_menu = self.menuBar().addMenu(_("&File"))
        for i, (_key, title, _f) in enumerate(self.factories, start=1):
            action = QAction(title, self)
            action.setShortcut(QKeySequence(f"Ctrl+{i}"))
            action.triggered.connect(lambda _checked=False, r=i - 1: self.sidebar.setCurrentRow(r))
            file_menu.addAction(action)
        file_menu.addSeparator()
        quit_action = QAction(_("&Quit"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(_("&Help"))
        about = QAction(_("&About KanimDesk"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            _("About KanimDesk"),
            _("KanimDesk {0}\nFront desk of the immigration office.").format(__version__),
        )

    def closeEvent(self, event) -> None:
        self.ctx.close()  # stops the change watcher's thread
        self.ctx.runner.wait(10000)
        super().closeEvent(event)
