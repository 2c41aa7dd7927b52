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
from app.admin.roles import ROLES
from app.changes import Changes
from app.i18n import _, label

from ui.admin.idle import IdleWatch
from ui.admin.lock_screen import LOCKED, SIGN_IN, WAITING, LockScreen
from ui.context import DeskContext
from ui.widgets.window_size import available_area, fit_to_screen

# The size the pages were laid out for; a smaller screen (1366×768 with a taskbar) gets less.
PREFERRED_WIDTH, PREFERRED_HEIGHT = 1280, 860
# The action of app.admin.roles an area needs to be shown (None: every role).
AREA_ACTIONS: dict[str, str | None] = {
    "registration": "registration.write",
    "applications": "applicant.read_masked",
    "foreigners": "registration.write",
    "queue": "queue.operate",
    "visits": "visit.read",
    "reports": "report.read",
    "activities": "report.read",
    "settings": None,
    "audit": "audit.read",
}


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
        self._add_area("audit", _("Audit"), self._make_audit)
        self.work = QWidget()
        layout = QHBoxLayout(self.work)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.stack.setContentsMargins(12, 12, 12, 12)
        # The lock screen covers the pages (sign-in, idle lock); they stay as they were behind it.
        self.shell = QStackedWidget()
        self.shell.addWidget(self.work)
        self.setCentralWidget(self.shell)
        self.lock_screen: LockScreen | None = None
        self.idle = IdleWatch(self.lock_now, self)
        self._area_actions: dict[str, QAction] = {}
        self._menus()
        self.status_label = QLabel()
        self.statusBar().addWidget(self.status_label)
        self._show_status()
        ctx.changed.connect(self._on_changed)
        self.sidebar.currentRowChanged.connect(self._open_row)
        self.sidebar.setCurrentRow(0)

    def _show_status(self) -> None:
        from app.admin import session

        counter = _("Counter {0}").format(self.ctx.counter)
        who = session.current()
        if who is not None:
            person = f"{who.full_name} ({label(ROLES, who.role)})"
        else:
            person = self.ctx.officer if session.is_open() else _("not signed in")
        self.status_label.setText(f"{self.ctx.settings.office.name}  ·  {counter}  ·  {person}")

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

    def _make_audit(self) -> QWidget:
        from ui.admin.audit_page import AuditPage

        return AuditPage(self.ctx)

    # --- accounts: sign-in, lock, what a role sees ----------------------------------

    def start_accounts(self) -> None:
        """At start (after the database opened): sign-in when accounts exist, the first-start
        wizard on an empty database, else the office runs without accounts."""
        from app.admin.first_start import is_first_start
        from app.admin.users import accounts_exist

        db = self.ctx.db
        self.show_locked(WAITING)
        self.ctx.runner.run(lambda: (accounts_exist(db), is_first_start(db)),
                            self._accounts_known, self._accounts_unknown)  # fmt: skip

    def _accounts_known(self, found: tuple[bool, bool]) -> None:
        from app.admin import session

        accounts, first = found
        if accounts:
            session.sign_out()
            self.show_locked(SIGN_IN)
            return
        session.run_open()
        self._show_work()
        if first:
            self.first_start()

    def _accounts_unknown(self, exc: BaseException) -> None:
        # The database did not open (that is said elsewhere) or cannot be read: nothing to
        # sign in against; the pages say what is wrong.
        self._show_work()

    def first_start(self) -> None:
        from ui.admin.first_start import FirstStartWizard

        self.wizard = FirstStartWizard(self.ctx, self)
        self.wizard.signed_in.connect(self._unlocked)
        self.wizard.open()

    def show_locked(self, mode: str, username: str = "") -> None:
        if self.lock_screen is None:
            self.lock_screen = LockScreen(self.ctx)
            self.lock_screen.unlocked.connect(self._unlocked)
            self.lock_screen.quit_requested.connect(self.close)
            self.shell.addWidget(self.lock_screen)
        self.lock_screen.show_mode(mode, username)
        self.shell.setCurrentWidget(self.lock_screen)
        self.menuBar().setEnabled(False)
        self.idle.stop()
        self._show_status()

    def lock_now(self) -> None:
        """Lock the workstation for the signed-in person (File → Lock, or idle)."""
        from app.admin import session

        who = session.current()
        if who is None:
            return  # an office without accounts has nothing to lock with
        session.sign_out()
        self.show_locked(LOCKED, who.username)

    def sign_out(self) -> None:
        from app.admin import session

        if session.current() is None:
            return
        session.sign_out()
        self.show_locked(SIGN_IN)

    def _change_password(self) -> None:
        from ui.admin.users_box import change_own_password

        self.password_dialog = change_own_password(self.ctx, self)

    def _unlocked(self, actor) -> None:
        self._show_work()
        self.apply_role(actor.role)
        self.idle.start(self.ctx.settings.idle_lock_minutes)

    def _show_work(self) -> None:
        self.shell.setCurrentWidget(self.work)
        self.menuBar().setEnabled(True)
        self._show_status()
        page = self.stack.currentWidget()
        if page is not None:
            page.setFocus()

    def apply_role(self, role: str | None) -> None:
        """Hide the areas *role* may not use (None: an office without accounts sees all)."""
        from app.admin.roles import allowed

        first_visible = None
        for row, (key, _title, _f) in enumerate(self.factories):
            needed = AREA_ACTIONS.get(key)
            visible = role is None or needed is None or allowed(role, needed)
            self.sidebar.setRowHidden(row, not visible)
            if key in self._area_actions:
                self._area_actions[key].setVisible(visible)
            if visible and first_visible is None:
                first_visible = row
        for action in (self.lock_action, self.sign_out_action, self.password_action):
            action.setVisible(role is not None)
        current = self.sidebar.currentRow()
        if first_visible is not None and (current < 0 or self.sidebar.isRowHidden(current)):
            self.sidebar.setCurrentRow(first_visible)

    def visible_areas(self) -> list[str]:
        return [k for row, (k, _t, _f) in enumerate(self.factories)
                if not self.sidebar.isRowHidden(row)]  # fmt: skip

    def open_area(self, key: str) -> QWidget:
        for row, (k, _title, _f) in enumerate(self.factories):
            if k == key:
                self.sidebar.setCurrentRow(row)
                return self.pages[key]
        raise KeyError(key)

    def _open_if_shown(self, row: int) -> None:
        if not self.sidebar.isRowHidden(row):
            self.sidebar.setCurrentRow(row)

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
        for i, (key, title, _f) in enumerate(self.factories, start=1):
            action = QAction(title, self)
            action.setShortcut(QKeySequence(f"Ctrl+{i}"))
            action.triggered.connect(lambda _checked=False, r=i - 1: self._open_if_shown(r))
            file_menu.addAction(action)
            self._area_actions[key] = action
        file_menu.addSeparator()
        self.lock_action = QAction(_("&Lock the workstation"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock_now)
        self.sign_out_action = QAction(_("Sign &out"), self)
        self.sign_out_action.triggered.connect(self.sign_out)
        self.password_action = QAction(_("Change my &password…"), self)
        self.password_action.triggered.connect(self._change_password)
        for action in (self.lock_action, self.sign_out_action, self.password_action):
            action.setVisible(False)  # shown once someone signs in
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
