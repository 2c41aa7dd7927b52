"""The meeting report as an Excel workbook (XlsxWriter): a "Summary" sheet with the office,
the period, the printing date and the key figures, then one sheet per table of
``app.figures.meeting.tables`` — real numbers and dates with number formats, the header row
frozen and filtered — and a native chart of e-Paspor applicants per month (columns) with the
e-Paspor share (a line on the second axis) on the monthly sheet.

Every text goes in with ``write_string`` after ``safe_cell`` (the workbook is opened with
``strings_to_formulas`` off too): a title typed as "=HYPERLINK(...)" stays text.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.worksheet import Worksheet

from app.figures.meeting.csv_export import safe_cell
from app.figures.meeting.data import MeetingReport
from app.figures.meeting.tables import Cell, ColumnKind, Table, key_figures, report_tables
from app.i18n import _, plain_date

# Excel's locale prefixes: month names in the report's language whatever Excel's own is.
_LOCALE = {"id": "[$-421]", "en": "[$-809]"}
NUMBER_FORMATS: dict[ColumnKind, str] = {
    ColumnKind.INT: "#,##0",
    ColumnKind.SHARE: "0.0%",
    ColumnKind.GROWTH: '+0.0%;"\u2212"0.0%;0.0%',  # a true minus, as the PDF shows it
    ColumnKind.MINUTES: "0.0",
    ColumnKind.DATE: "d mmmm yyyy",
    ColumnKind.MONTH: "mmmm yyyy",
    ColumnKind.TEXT: "@",
}
NUMERIC_KINDS = (ColumnKind.INT, ColumnKind.SHARE, ColumnKind.GROWTH, ColumnKind.MINUTES)
HEADER_ROW = 2  # row 0: the table's title, row 1: office and period
WIDE_TEXT = 48  # characters; longer texts wrap
_INVALID_SHEET_CHARS = str.maketrans({c: " " for c in "[]:*?/\\"})


def _display_width(value: Cell, kind: ColumnKind) -> int:
    """Roughly how many characters the cell shows (for the column width)."""
    if value is None:
        return 0
    if isinstance(value, str):
        return max((len(line) for line in value.splitlines()), default=0)
    if kind is ColumnKind.MONTH:
        return 14  # "September 2024"
    if isinstance(value, date):
        return 17  # "30 September 2024"
    if kind in (ColumnKind.SHARE, ColumnKind.GROWTH):
        return 7
    if isinstance(value, int):
        return len(f"{value:,}")
    return len(f"{value:,.1f}")


def _lines(value: Cell, width: int) -> int:
    """How many lines a wrapped text takes in a column *width* characters wide."""
    if not isinstance(value, str):
        return 1
    usable = max(width - 2, 1)
    return sum(max(1, -(-len(line) // usable)) for line in value.splitlines() or [""])


class MeetingWorkbook:
    """Writes one report to one file; a class so the formats are made once per workbook."""

    def __init__(self, report: MeetingReport, path: Path) -> None:
        self.report = report
        self.lang = report.lang
        self.book = xlsxwriter.Workbook(
            str(path),
            {
                "strings_to_formulas": False,
                "strings_to_urls": False,
                "strings_to_numbers": False,
                "default_date_format": "d mmmm yyyy",
            },
        )
        self.book.set_properties({"title": self.report_title(), "comments": "KanimDesk"})
        self.sheet_names: set[str] = set()
        self._formats: dict[tuple[Any, ...], Any] = {}

    # -- formats -------------------------------------------------------------------------
    def fmt(self, kind: ColumnKind | None = None, **extra: Any) -> Any:
        key = (kind, tuple(sorted(extra.items())))
        if key not in self._formats:
            props: dict[str, Any] = {"font_name": "Calibri", "font_size": 10, "valign": "top"}
            if kind is not None:
                code = NUMBER_FORMATS[kind]
                if kind is not ColumnKind.TEXT:
                    code = _LOCALE.get(self.lang, "") + code
                props["num_format"] = code
            props.update(extra)
            self._formats[key] = self.book.add_format(props)
        return self._formats[key]

    # -- texts ---------------------------------------------------------------------------
    def report_title(self) -> str:
        return _("Office figures for the meeting", self.report.lang)

    def period_text(self) -> str:
        p = self.report.statistics.period
        return f"{plain_date(p.first, self.lang)} – {plain_date(p.last, self.lang)}"

    def sheet_name(self, wanted: str) -> str:
        base = wanted.translate(_INVALID_SHEET_CHARS).strip(" '")[:31] or "Sheet"
        name, n = base, 2
        while name.lower() in self.sheet_names:
            suffix = f" {n}"
            name, n = base[: 31 - len(suffix)] + suffix, n + 1
        self.sheet_names.add(name.lower())
        return name

    def new_sheet(self, wanted: str) -> Worksheet:
        ws = self.book.add_worksheet(self.sheet_name(wanted))
        ws.set_paper(9)  # A4
        ws.set_landscape()
        ws.fit_to_pages(1, 0)
        ws.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
        ws.set_footer("&L" + _("KanimDesk", self.lang) + "&R" + _("Page &P of &N", self.lang))
        return ws

    # -- cells ---------------------------------------------------------------------------
    def write(self, ws: Worksheet, row: int, col: int, value: Cell, kind: ColumnKind,
              **extra: Any) -> None:  # fmt: skip
        if kind in (ColumnKind.DATE, ColumnKind.MONTH):
            extra = {"align": "left", **extra}
        if value is None:
            ws.write_blank(row, col, None, self.fmt(kind, **extra))
        elif isinstance(value, str):
            wrap = {"text_wrap": True} if len(value) > WIDE_TEXT or "\n" in value else {}
            ws.write_string(row, col, safe_cell(value), self.fmt(None, **extra, **wrap))
        elif isinstance(value, datetime):
            ws.write_datetime(row, col, value, self.fmt(kind, **extra))
        elif isinstance(value, date):
            ws.write_datetime(row, col, datetime(value.year, value.month, value.day),
                              self.fmt(kind, **extra))  # fmt: skip
        else:
            ws.write_number(row, col, value, self.fmt(kind, **extra))

    def heading(self, ws: Worksheet, title: str, width: int) -> None:
        ws.write_string(0, 0, safe_cell(title), self.fmt(None, bold=True, font_size=13))
        office = self.report.statistics.office_name or self.report.statistics.office_code
        subtitle = f"{office} · {self.period_text()}"
        ws.write_string(1, 0, safe_cell(subtitle), self.fmt(None, italic=True))
        ws.set_row(0, 20)

    # -- sheets --------------------------------------------------------------------------
    def summary_sheet(self) -> None:
        s = self.report.statistics
        ws = self.new_sheet(_("Summary", self.lang))
        ws.set_portrait()
        ws.set_column(0, 0, 34)
        ws.set_column(1, 1, 40)
        ws.write_string(0, 0, safe_cell(self.report_title()), self.fmt(None, bold=True,
                                                                       font_size=14))  # fmt: skip
        ws.set_row(0, 22)
        label = self.fmt(None, bold=True)
        lines: list[tuple[str, Cell, ColumnKind]] = [
            (_("Office", self.lang), s.office_name or s.office_code, ColumnKind.TEXT),
            (_("Period", self.lang), self.period_text(), ColumnKind.TEXT),
            (_("From", self.lang), s.period.first, ColumnKind.DATE),
            (_("To", self.lang), s.period.last, ColumnKind.DATE),
            (_("Printed", self.lang), self.report.printed_at.date(), ColumnKind.DATE),
        ]
        row = 2
        for title, value, kind in lines:
            ws.write_string(row, 0, title, label)
            self.write(ws, row, 1, value, kind, align="left")
            row += 1
        row += 1
        ws.write_string(
            row, 0, _("Key figures", self.lang), self.fmt(None, bold=True, font_size=12)
        )
        row += 1
        head = self.fmt(None, bold=True, bottom=1, bg_color="#DCE6F1")
        ws.write_string(row, 0, _("Figure", self.lang), head)
        ws.write_string(row, 1, _("Period", self.lang), head)
        row += 1
        figures = [(f.title, f.value, f.kind) for f in key_figures(s, self.lang)]
        figures += [
            (_("Publicity activities", self.lang), len(self.report.activities), ColumnKind.INT),
            (
                _("Open supervision findings", self.lang),
                len(self.report.open_findings),
                ColumnKind.INT,
            ),
        ]
        for title, value, kind in figures:
            ws.write_string(row, 0, title, self.fmt(None))
            self.write(ws, row, 1, value, kind, align="left")
            row += 1
        note = _("Growth compares with the previous period of the same length. "
                 "An empty cell means nothing is known.", self.lang)  # fmt: skip
        ws.merge_range(
            row + 1,
            0,
            row + 1,
            1,
            note,
            self.fmt(None, italic=True, font_color="#555555", text_wrap=True),
        )
        ws.set_row(row + 1, 28)  # fmt: skip

    def table_sheet(self, table: Table) -> tuple[Worksheet, int]:
        """Write *table* on its own sheet; returns the sheet and the row after the table."""
        ws = self.new_sheet(table.sheet)
        ncols = len(table.columns)
        self.heading(ws, table.title, ncols)
        head = {"bold": True, "text_wrap": True, "bottom": 1, "bg_color": "#DCE6F1",
                "valign": "bottom"}  # fmt: skip
        all_rows = [*table.rows, *([table.total] if table.total is not None else [])]
        header_lines, widths = 1, []
        for c, column in enumerate(table.columns):
            values = [_display_width(r[c], column.kind) for r in all_rows]
            data = max(values, default=0)
            width = max(min(data, WIDE_TEXT), min(len(column.title), 11), 8) + 2
            if column.kind is ColumnKind.TEXT:
                width = (WIDE_TEXT + 2 if data > WIDE_TEXT else width) + 1  # the indent
            ws.set_column(c, c, width)
            widths.append(width)
            header_lines = max(header_lines, -(-len(column.title) // (width - 1)))
            align = "right" if column.kind in NUMERIC_KINDS else "left"
            pad = {"indent": 1} if c and column.kind is ColumnKind.TEXT else {}
            ws.write_string(HEADER_ROW, c, column.title, self.fmt(None, align=align, **head, **pad))
        ws.set_row(HEADER_ROW, 14 * header_lines + 2)
        if sum(widths) < 100:
            ws.set_portrait()
        row = HEADER_ROW + 1
        for cells in table.rows:
            for c, (value, column) in enumerate(zip(cells, table.columns, strict=True)):
                pad = {"indent": 1} if c and column.kind is ColumnKind.TEXT else {}
                self.write(ws, row, c, value, column.kind, **pad)
            lines = max(_lines(v, w) for v, w in zip(cells, widths, strict=True))
            if lines > 1:  # XlsxWriter cannot autofit: give wrapped texts their height
                ws.set_row(row, 13.5 * lines)
            row += 1
        if not table.rows and table.empty:
            ws.write_string(row, 0, table.empty, self.fmt(None, italic=True))
            row += 1
        ws.freeze_panes(HEADER_ROW + 1, 1 if ncols > 4 else 0)
        ws.autofilter(HEADER_ROW, 0, max(HEADER_ROW + len(table.rows), HEADER_ROW), ncols - 1)
        ws.repeat_rows(HEADER_ROW)
        if table.total is not None:
            for c, (value, column) in enumerate(zip(table.total, table.columns, strict=True)):
                self.write(ws, row, c, value, column.kind, bold=True, top=1)
            row += 1
        return ws, row

    def trend_chart(self, ws: Worksheet, table: Table, below: int) -> None:
        """e-Paspor applicants per month as columns, their share as a line (second axis)."""
        if not table.rows:
            return
        sheet = ws.get_name().replace("'", "''")
        first, last = HEADER_ROW + 1, HEADER_ROW + len(table.rows)
        cats = [f"'{sheet}'", first, 0, last, 0]
        count_col, share_col = table.column("epaspor"), table.column("epaspor_share")
        columns = self.book.add_chart({"type": "column"})
        assert columns is not None
        columns.add_series({
            "name": _("e-Passport applicants", self.lang),
            "categories": cats,
            "values": [f"'{sheet}'", first, count_col, last, count_col],
            "fill": {"color": "#1F4E79"},
            "data_labels": {"value": True, "num_format": "#,##0"},
        })  # fmt: skip
        line = self.book.add_chart({"type": "line"})
        assert line is not None
        line.add_series({
            "name": _("e-Passport share", self.lang),
            "categories": cats,
            "values": [f"'{sheet}'", first, share_col, last, share_col],
            "y2_axis": True,
            "line": {"color": "#C55A11", "width": 2.25},
            "marker": {"type": "circle", "size": 6, "fill": {"color": "#C55A11"}},
        })  # fmt: skip
        columns.combine(line)
        columns.set_title({"name": _("e-Passport applicants per month", self.lang),
                           "name_font": {"size": 12}})  # fmt: skip
        columns.set_x_axis({"num_format": _LOCALE.get(self.lang, "") + "mmm yyyy",
                            "date_axis": False})  # fmt: skip
        columns.set_y_axis({"name": _("Applicants", self.lang), "num_format": "#,##0",
                            "major_gridlines": {"visible": True, "line": {"color": "#DDDDDD"}}})  # fmt: skip
        line.set_y2_axis({"name": _("e-Passport share", self.lang), "num_format": "0%", "min": 0})
        columns.set_legend({"position": "bottom"})
        columns.set_size({"width": 900, "height": 380})
        ws.insert_chart(below + 1, 1, columns, {"x_offset": 4, "y_offset": 4})

    def write_all(self) -> None:
        self.summary_sheet()
        for table in report_tables(self.report):
            ws, after = self.table_sheet(table)
            if table.key == "monthly":
                self.trend_chart(ws, table, after)
        self.book.close()


def write_meeting_workbook(report: MeetingReport, path: Path) -> None:
    """Write *report* as an .xlsx workbook to *path* (replacing the file)."""
    MeetingWorkbook(report, path).write_all()
