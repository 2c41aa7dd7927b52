"""The scrolled body of the Reports page — notices, key-figure tiles, the period's activities,
the four charts and the tables — built a part at a time so that opening the page never holds
the UI thread for long (each part is one turn of the event loop)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.figures.statistics_model import Grain
from app.i18n import _, number, percent

from ui.figures.dashboard_chart_base import Chart
from ui.figures.dashboard_charts import BacklogChart, BarTimeChart, LineTimeChart, WaitChart
from ui.figures.dashboard_data import Dashboard
from ui.figures.dashboard_tables import TablesPane
from ui.figures.key_figures import KeyFigureTiles


class DashboardBody(QWidget):
    """`build_next()` adds the next part and says whether one is left; `show_dashboard()` fills them."""

    def __init__(
        self, lang: str, save_chart: Callable[[Chart], None], parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.lang = lang
        self.save_chart = save_chart
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 6, 0)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(
            "background: #fff4d6; border: 1px solid #e0b040; padding: 4px 8px; color: #5a4200;"
        )
        self.notice.setVisible(False)
        self.activities_line = QLabel()
        self.activities_line.setWordWrap(True)
        self.activities_line.setStyleSheet("color: #8a4b00;")
        self.activities_line.setVisible(False)
        self.column.addWidget(self.notice)
        self.charts: dict[str, Chart] = {}
        self.table_csv_button = QPushButton(_("Save this table as CSV…"))
        self.tables_xlsx_button = QPushButton(_("Save all tables as Excel…"))
        self._parts = [self._build_tiles, self._build_time_charts, self._build_other_charts,
                       self._build_tables]  # fmt: skip

    def build_next(self) -> bool:
        if self._parts:
            self._parts.pop(0)()
        return bool(self._parts)

    def build_all(self) -> None:
        while self.build_next():
            pass

    # --- the parts --------------------------------------------------------------------------

    def _build_tiles(self) -> None:
        self.tiles = KeyFigureTiles(self.lang)
        self.column.addWidget(self.tiles)
        self.column.addWidget(self.activities_line)
        self.chart_grid = QGridLayout()
        self.chart_grid.setSpacing(8)
        self.column.addLayout(self.chart_grid)

    def _build_time_charts(self) -> None:
        self.applications_chart = BarTimeChart(_("Applications per day"), self._count_axis)
        self.share_chart = LineTimeChart(_("e-Paspor share of applications"), self._share_axis)
        self.share_chart.fixed_top = 1.0
        self._add_chart("applications", self.applications_chart)
        self._add_chart("epaspor_share", self.share_chart)

    def _build_other_charts(self) -> None:
        self.wait_chart = WaitChart(_("Waiting time per service against the SOP target"),
                                    self._count_axis)  # fmt: skip
        self.backlog_chart = BacklogChart(
            _("Applications of the period not yet finished, by stage")
        )
        self._add_chart("waiting_time", self.wait_chart)
        self._add_chart("stage_backlog", self.backlog_chart)

    def _build_tables(self) -> None:
        bar = QHBoxLayout()
        heading = QLabel(_("Tables"))
        heading.setStyleSheet("font-weight: bold;")
        bar.addWidget(heading)
        bar.addStretch(1)
        bar.addWidget(self.table_csv_button)
        bar.addWidget(self.tables_xlsx_button)
        self.tables = TablesPane()
        self.tables.setMinimumHeight(280)
        self.column.addLayout(bar)
        self.column.addWidget(self.tables, 1)

    def _add_chart(self, key: str, chart: Chart) -> None:
        index = len(self.charts)
        self.charts[key] = chart
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        chart.setMinimumHeight(230)
        layout.addWidget(chart, 1)
        save = QPushButton(_("Save chart as image…"))
        save.setFlat(True)
        save.setStyleSheet("color: #2f5597; text-align: right;")
        save.clicked.connect(lambda: self.save_chart(chart))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(save)
        layout.addLayout(row)
        chart.save_button = save  # type: ignore[attr-defined]
        self.chart_grid.addWidget(box, index // 2, index % 2)

    def _count_axis(self, value: float) -> str:
        return number(round(value, 1), self.lang)

    def _share_axis(self, value: float) -> str:
        return percent(value, self.lang, digits=0)

    # --- the figures ------------------------------------------------------------------------

    def show_dashboard(self, dashboard: Dashboard) -> None:
        """Hand the prepared values to the widgets (texts were made on the worker)."""
        self.build_all()
        self.tiles.set_statistics(dashboard.statistics)
        by_day = dashboard.statistics.grain is Grain.DAY
        self.applications_chart.title = (
            _("Applications per day") if by_day else _("Applications per month")
        )
        self.share_chart.title = (
            _("e-Paspor share of applications per day")
            if by_day
            else _("e-Paspor share of applications per month")
        )
        self.applications_chart.set_series(dashboard.applications, dashboard.marks)
        self.share_chart.set_series(dashboard.epaspor_share, dashboard.marks)
        self.wait_chart.set_rows(dashboard.waits)
        self.backlog_chart.set_bars(dashboard.backlog)
        self.tables.set_tables(dashboard.tables, dashboard.table_texts)
        self.notice.setText("\n".join(dashboard.notices))
        self.notice.setVisible(bool(dashboard.notices))
        self.activities_line.setText("▲ " + dashboard.activity_line)
        self.activities_line.setVisible(bool(dashboard.activity_line))
