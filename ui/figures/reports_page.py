"""Reports page: the office's figures of a chosen period (the current month by default) — key
figures, charts, tables, publicity activities — and the meeting report to preview, print and save.

Charts on screen are drawn with QPainter in our own small widgets (dashboard_charts.py).
QtCharts needs PySide6-Addons (161 MB installed) for four simple charts, and pyqtgraph brings
NumPy and a slow import at start-up; counter PCs are modest and installers travel on USB
sticks. The printed meeting report uses ReportLab's charts (app/figures/meeting/pdf.py).

All database and report work runs on ``ctx.runner``; the texts are prepared there too
(dashboard_data.py), so the UI thread only hands values to widgets and paints. Long work shows
the progress dialog after ~600 ms and can be cancelled (progress_dialog.py).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.changes import Changes
from app.figures.statistics_model import Period
from app.i18n import _

from ui.context import DeskContext
from ui.figures.dashboard_period import PeriodChooser
from ui.widgets.fields import Banner

if TYPE_CHECKING:
    from ui.figures.dashboard_body import DashboardBody
    from ui.figures.dashboard_data import Dashboard
    from ui.figures.dashboard_exports import DashboardExports
    from ui.figures.dashboard_import import HistoryImportAction
    from ui.figures.progress_dialog import LongTask
    from ui.figures.report_actions import MeetingReportActions

RELOAD_DELAY_MS = 1500  # a burst of changes (a busy queue) reloads the figures once


def preload_modules() -> None:
    """Import the page's heavier modules on the worker: the UI thread then finds them loaded
    (an import of them there took 100–150 ms on a busy two-core PC, a visible stall)."""
    import app.figures.activities  # noqa: F401
    import app.figures.meeting.tables  # noqa: F401
    import app.figures.statistics  # noqa: F401

    import ui.figures.dashboard_body  # noqa: F401
    import ui.figures.dashboard_exports  # noqa: F401
    import ui.figures.dashboard_import  # noqa: F401
    import ui.figures.report_actions  # noqa: F401


class ReportsPage(QWidget):
    """`ReportsPage(ctx)`: the page the main window adds as the "reports" area ("Laporan").

    The page opens at once with its period chooser; the body is built a part per turn of the
    event loop once the worker has loaded its modules, then the figures are loaded. `ready`
    turns true when the body is complete.
    """

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None, today: date | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.lang = ctx.lang
        self.dashboard: Dashboard | None = None
        self.task: LongTask | None = None
        self.body: DashboardBody | None = None
        self.report: MeetingReportActions | None = None
        self.history: HistoryImportAction | None = None
        self.exports: DashboardExports | None = None
        self.ready = False
        self._request = 0
        self._stale = False
        self.period_chooser = PeriodChooser(today or date.today(), self.lang)
        self.banner = Banner()
        self.status = QLabel(_("Opening…"))
        self.status.setStyleSheet("color: #555555;")
        self.preview_button = QPushButton(_("Meeting report preview"))
        self.preview_button.setMinimumHeight(32)
        self.print_button = QPushButton(_("Print meeting report…"))
        self.save_button = QPushButton(_("Save report (PDF, Excel, CSV)…"))
        self.import_button = QPushButton(_("Import historical figures…"))
        self.buttons = (
            self.preview_button,
            self.print_button,
            self.save_button,
            self.import_button,
        )
        for button in self.buttons:
            button.setEnabled(False)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        placeholder = QLabel(_("Opening…"))
        placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll.setWidget(placeholder)
        self.reload_timer = QTimer(self)
        self.reload_timer.setSingleShot(True)
        self.reload_timer.setInterval(RELOAD_DELAY_MS)
        self._build()
        self.period_chooser.chosen.connect(lambda _period: self.load())
        self.reload_timer.timeout.connect(self.load)
        self.ctx.changed.connect(self._on_changed)
        self.ctx.runner.run(preload_modules, lambda _none: self._build_next(), self._failed_open)

    def page_title(self) -> str:
        return _("Reports")

    def _build(self) -> None:
        title = QLabel(_("Office figures"))
        title.setStyleSheet("font-size: 16px; font-weight: bold;")
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(16)
        top.addWidget(self.period_chooser, 1)
        actions = QHBoxLayout()
        for button in (self.preview_button, self.print_button, self.save_button):
            actions.addWidget(button)
        actions.addSpacing(16)
        actions.addWidget(self.import_button)
        actions.addStretch(1)
        actions.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(actions)
        layout.addWidget(self.banner)
        layout.addWidget(self.scroll, 1)

    # --- building the body, a part per turn of the event loop --------------------------------

    def _build_next(self) -> None:
        if self.body is None:
            from ui.figures.dashboard_body import DashboardBody

            self.body = DashboardBody(self.lang, self._ask_save_chart)
            more = self.body.build_next()
            self.scroll.setWidget(self.body)
        else:
            more = self.body.build_next()
        if more:
            QTimer.singleShot(0, self._build_next)
        else:
            QTimer.singleShot(0, self._connect_actions)

    def _connect_actions(self) -> None:
        from ui.figures.dashboard_exports import DashboardExports
        from ui.figures.dashboard_import import HistoryImportAction
        from ui.figures.report_actions import MeetingReportActions

        assert self.body is not None
        body = self.body
        self.report = MeetingReportActions(self.ctx, self)
        self.history = HistoryImportAction(self.ctx, self)
        self.exports = DashboardExports(self.ctx, self, self.period, lambda: self.dashboard)
        report, history, exports = self.report, self.history, self.exports
        self.preview_button.clicked.connect(lambda: report.preview(self.period()))
        self.print_button.clicked.connect(lambda: report.print_report(self.period()))
        self.save_button.clicked.connect(lambda: report.ask_save(self.period()))
        self.import_button.clicked.connect(history.ask_import)
        body.table_csv_button.clicked.connect(
            lambda: exports.ask_save_table(body.tables.current_table())
        )
        body.tables_xlsx_button.clicked.connect(exports.ask_save_tables)
        for source in (report, history, exports):
            source.done.connect(lambda kind, words: self.banner.show_message(words, kind))
        for button in self.buttons:
            button.setEnabled(True)
        self.apply_role()
        self.ready = True
        self.load()

    def _ask_save_chart(self, chart: Any) -> None:
        if self.exports is not None and self.body is not None:
            key = next(k for k, c in self.body.charts.items() if c is chart)
            self.exports.ask_save_chart(key, chart)

    def _failed_open(self, exc: BaseException) -> None:
        self.status.setText("")
        self.banner.show_message(self.ctx.reason(exc), "error")

    # --- loading ----------------------------------------------------------------------------

    def period(self) -> Period:
        return self.period_chooser.period()

    def load(self) -> None:
        """Work out the figures of the chosen period on the worker; an older load is cancelled."""
        if not self.ready:
            return  # the body's last part loads the figures
        from ui.figures.dashboard_data import period_words
        from ui.figures.progress_dialog import run_with_progress

        self._stale = False
        self.reload_timer.stop()
        if self.task is not None and not self.task.finished:
            self.task.cancel()
        self._request += 1
        request, period = self._request, self.period()
        db, code, lang = self.ctx.db, self.ctx.settings.office.code, self.lang
        self.status.setText(_("Working out the figures of {0}…").format(period_words(period, lang)))

        def work(progress: Any, cancelled: Any) -> Dashboard:
            from ui.figures.dashboard_data import load_dashboard

            return load_dashboard(db, code, period, lang, progress, cancelled)

        self.task = run_with_progress(
            self.ctx, self, _("Working out the figures…"), work,
            lambda dashboard: self._loaded(request, dashboard),
            lambda exc: self._failed(request, exc),
            lambda: self._cancelled(request),
        )  # fmt: skip

    def _loaded(self, request: int, dashboard: Dashboard) -> None:
        if request != self._request:
            return  # an answer for a period no longer chosen
        self.show_dashboard(dashboard)

    def show_dashboard(self, dashboard: Dashboard) -> None:
        """Hand the prepared values to the widgets (the UI thread's only work)."""
        assert self.body is not None
        self.dashboard = dashboard
        self.status.setText(dashboard.period_words)
        self.body.show_dashboard(dashboard)

    def _failed(self, request: int, exc: BaseException) -> None:
        if request != self._request:
            return
        self.status.setText("")
        self.banner.show_message(self.ctx.reason(exc, _("The figures could not be worked out: {0}")),
                                 "error")  # fmt: skip

    def _cancelled(self, request: int) -> None:
        if request != self._request:
            return  # superseded by a newer period: nothing to say
        self.banner.show_message(_("Cancelled."), "info")
        if self.dashboard is not None:
            # The figures shown are still those of the earlier period: the chooser says so too.
            self.period_chooser.set_period(self.dashboard.statistics.period, announce=False)
            self.status.setText(self.dashboard.period_words)
        else:
            self.status.setText("")

    def _on_changed(self, changes: Changes) -> None:
        if not (changes.figures or changes.activities or changes.applications or changes.tickets):
            return
        if self.report is not None:
            self.report.forget()
        if self.isVisible():
            self.reload_timer.start()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.apply_role()
        if self._stale:
            self.load()

    def apply_role(self) -> None:
        """What the signed-in role may not do is not offered (the figures are for everyone)."""
        from app.admin import session

        export = session.allowed("report.export")
        self.print_button.setVisible(export)
        self.save_button.setVisible(export)
        self.import_button.setVisible(session.allowed("figures.import"))
        if self.body is not None:
            self.body.table_csv_button.setVisible(export)
            self.body.tables_xlsx_button.setVisible(export)
