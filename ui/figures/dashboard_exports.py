"""Exports of the Reports page: each chart as a PNG (QWidget.grab), each table as CSV and
every table as one workbook (helper writers of app.figures.meeting), written on the worker."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from app.figures.statistics_model import Period
from app.i18n import _

from ui.context import DeskContext
from ui.figures.dashboard_chart_base import Chart


def file_name(what: str, period: Period, suffix: str) -> str:
    months = period.month_list()
    first, last = months[0], months[-1]
    span = f"{first[0]}-{first[1]:02d}" + (f"_{last[0]}-{last[1]:02d}" if last != first else "")
    return f"{what}-{span}{suffix}"


class DashboardExports(QObject):
    """`done(kind, message)` for the page's banner; the save_* methods skip the file dialogs."""

    done = Signal(str, str)

    def __init__(
        self, ctx: DeskContext, parent: QWidget, period: Callable[[], Period],
        dashboard: Callable[[], Any],
    ):  # fmt: skip
        super().__init__(parent)
        self.ctx = ctx
        self.parent_widget = parent
        self.period = period
        self.dashboard = dashboard

    def ask_save_chart(self, key: str, chart: Chart) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self.parent_widget, _("Save chart as image"), file_name(key, self.period(), ".png"),
            "PNG (*.png)",
        )  # fmt: skip
        if path:
            self.save_chart(chart, Path(path))

    def save_chart(self, chart: Chart, path: Path) -> bool:
        """The chart as it is on screen, as a PNG (painting is the UI thread's work)."""
        if path.suffix.lower() != ".png":
            path = path.with_name(path.name + ".png")
        saved = chart.grab().save(str(path), "PNG")
        if saved:
            self.done.emit("ok", _("Chart saved: {0}").format(path))
        else:
            self.done.emit("error", _("The file could not be saved: {0}").format(path))
        return bool(saved)

    def ask_save_table(self, table: Any) -> None:
        if table is None:
            return
        path, _filter = QFileDialog.getSaveFileName(
            self.parent_widget, _("Save table as CSV"), file_name(table.key, self.period(), ".csv"),
            "CSV (*.csv)",
        )  # fmt: skip
        if path:
            self.save_table(table, Path(path))

    def save_table(self, table: Any, path: Path) -> None:
        """Write one table (app.figures.meeting.tables.Table) as CSV on the worker."""
        from app.figures.meeting.csv_export import write_table_csv

        self.ctx.runner.run(
            lambda: write_table_csv(table, path),
            lambda _none: self.done.emit("ok", _("Table saved: {0}").format(path)),
            self._failed,
        )

    def ask_save_tables(self) -> None:
        if self.dashboard() is None:
            return
        path, _filter = QFileDialog.getSaveFileName(
            self.parent_widget, _("Save all tables as Excel"),
            file_name("tables", self.period(), ".xlsx"), "Excel (*.xlsx)",
        )  # fmt: skip
        if path:
            self.save_tables(Path(path))

    def save_tables(self, path: Path) -> None:
        """Every table of the page, one sheet each, as an .xlsx workbook (written on the worker)."""
        dashboard, lang = self.dashboard(), self.ctx.lang
        if dashboard is None:
            return

        def write() -> None:
            from app.figures.meeting.data import MeetingReport
            from app.figures.meeting.workbook import write_meeting_workbook

            report = MeetingReport(dashboard.statistics, dashboard.activities, [],
                                   datetime.now(), lang)  # fmt: skip
            write_meeting_workbook(report, path)

        self.ctx.runner.run(
            write,
            lambda _none: self.done.emit("ok", _("Tables saved: {0}").format(path)),
            self._failed,
        )

    def _failed(self, exc: BaseException) -> None:
        self.done.emit("error", self.ctx.reason(exc, _("The file could not be saved: {0}")))
