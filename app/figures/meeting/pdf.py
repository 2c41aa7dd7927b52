"""The printed meeting report: A4, the office's figures of a period for the meeting table.

Shaped like the visit report's renderer (app.monev.report.renderer): fonts, styles, page
templates, page callbacks and the story are separate methods, its numbered canvas writes
"Halaman X dari Y", and the result is PDF bytes. The sections live in pdf_sections and
pdf_groups; this module holds the page furniture and the number formats.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Paragraph,
)

from app.figures.meeting import pdf_texts  # noqa: F401 - registers the report's words
from app.figures.meeting.data import MeetingReport
from app.figures.statistics_model import Spread
from app.i18n import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    label,
    long_date,
    month_name,
    number,
    percent,
    plain_date,
    short_month,
    text,
)
from app.i18n import growth as growth_text
from app.reports.pages import A4Report
from app.reports.style import (
    MUTED,
    PAGE_MARGIN,
    RULE,
    FontSet,
    RowKeepingTable,
    grid_table_style,
    register_fonts,
    report_styles,
)

PAGE_W, PAGE_H = A4
BODY_W = PAGE_W - 2 * PAGE_MARGIN
DASH = "–"  # an unknown value; never printed as 0


class MeetingReportRenderer(A4Report):
    """Builds the PDF from a MeetingReport; one instance renders one PDF."""

    def __init__(self, report: MeetingReport):
        self.report = report
        self.stats = report.statistics
        self.lang = report.lang if report.lang in LANGUAGES else DEFAULT_LANGUAGE
        self.fonts: FontSet = self.init_fonts()
        self.styles: dict[str, ParagraphStyle] = self.init_styles()
        self._chapter = 0

    # -- set-up -----------------------------------------------------------------------------
    def init_fonts(self) -> FontSet:
        return register_fonts()

    def init_styles(self) -> dict[str, ParagraphStyle]:
        styles = report_styles(self.fonts)
        base = styles["body"]
        styles["period"] = ParagraphStyle(
            "period", parent=styles["title"], fontSize=15, leading=19, textColor=RULE
        )
        styles["tile_label"] = ParagraphStyle(
            "tile_label", parent=base, fontSize=7.5, leading=9.5, textColor=MUTED
        )
        styles["tile_value"] = ParagraphStyle(
            "tile_value",
            parent=base,
            fontName=self.fonts.bold,
            fontSize=17,
            leading=21,
            textColor=RULE,
        )
        styles["tile_note"] = ParagraphStyle(
            "tile_note", parent=base, fontSize=7.5, leading=9.5, textColor=MUTED
        )
        styles["caption"] = ParagraphStyle(
            "caption", parent=styles["center"], fontName=self.fonts.bold, fontSize=8.5, leading=11
        )
        return styles

    # -- page furniture (app.reports.pages.A4Report) ---------------------------------------
    def running_left(self) -> str:
        return self.stats.office_name

    def running_right(self) -> str:
        return self.t("running_title", period=self.period_text())

    def footer_left(self) -> str:
        return self.t("printed_by", date=self.printed_text())

    def render(self) -> bytes:
        return self.build_pdf(
            self.story(),
            title=f"{self.t('title').capitalize()} — {self.stats.office_name}, {self.period_text()}",
            author=self.stats.office_name, subject=self.period_text())  # fmt: skip

    def story(self) -> list[Flowable]:
        from app.figures.meeting.pdf_groups import breakdowns, findings, foreign, services
        from app.figures.meeting.pdf_sections import key_figures, monthly, title_block, trend

        # The e-Paspor trend with the publicity work comes right after the key figures: it is
        # what the meeting turns on (issue 9); the monthly tables back it up.
        out: list[Flowable] = []
        for section in (
            title_block,
            key_figures,
            trend,
            monthly,
            breakdowns,
            foreign,
            services,
            findings,
        ):
            out += section(self)
        return out

    # -- building blocks for the sections ---------------------------------------------------
    def t(self, key: str, **params: object) -> str:
        return text("meeting_report." + key, self.lang, **params)

    def p(self, markup: str, style: str = "body") -> Paragraph:
        return Paragraph(markup, self.styles[style])

    def heading(self, key: str, room: float = 5 * cm) -> list[Flowable]:
        """A numbered chapter heading that goes to the next page unless *room* is left below it
        (never a heading alone at the foot of a page)."""
        self._chapter += 1
        return [
            CondPageBreak(room),
            self.p(f"{self._chapter}.&nbsp;&nbsp;{self.t('ch.' + key).upper()}", "h1"),
        ]

    def subheading(self, key: str, room: float = 4 * cm) -> list[Flowable]:
        return [CondPageBreak(room), self.p(self.t(key), "h2")]

    def empty(self, key: str) -> Paragraph:
        return self.p(f"<i>{self.t('empty.' + key)}</i>")

    def grid(
        self,
        header: Sequence[str],
        rows: list[list[Any]],
        widths: Sequence[float],
        extra: Sequence[tuple] = (),
        right_from: int | None = 1,
    ) -> RowKeepingTable:
        """A ruled table, header repeated on every page it spans, numbers right-aligned from
        column *right_from* on, never a lone row on either side of a page break."""
        head = [[Paragraph(h, self.head_style(h, w)) for h, w in zip(header, widths, strict=True)]]
        table = RowKeepingTable(head + rows, colWidths=list(widths), repeatRows=1, hAlign="LEFT",
                                rowSplitRange=(3, -2) if len(rows) >= 4 else None)  # fmt: skip
        style = grid_table_style(self.fonts, header_rows=1, rows=len(rows) + 1)
        if right_from is not None:
            style.add("ALIGN", (right_from, 1), (-1, -1), "RIGHT")
        for cmd in extra:
            style.add(*cmd)
        table.setStyle(style)
        return table

    def number_widths(
        self, header: Sequence[str], first: float, total: float = BODY_W
    ) -> list[float]:
        """Widths for a first column of *first* points and number columns after it: each
        number column gets room for its longest head word, the rest is shared out evenly."""
        font = self.styles["cell_head"].fontName
        need = [
            max(36.0, max(stringWidth(w, font, 7.5) for w in h.split()) + 8) for h in header[1:]
        ]
        spare = (total - first - sum(need)) / len(need)
        if spare >= 0:
            return [first] + [n + spare for n in need]
        scale = (total - first) / sum(need)
        return [first] + [n * scale for n in need]

    def head_style(self, words: str, width: float) -> ParagraphStyle:
        """The column-head style at a size where the longest word fits *width*: Indonesian
        heads ("Persentase", "Permohonan") are never broken inside a word."""
        base = self.styles["cell_head"]
        longest = max((stringWidth(w, base.fontName, 8) for w in words.split()), default=0.0)
        size = 8.0
        while size > 6 and longest * size / 8 > width - 7.5:
            size -= 0.5
        key = f"cell_head_{size}"
        if key not in self.styles:
            self.styles[key] = ParagraphStyle(key, parent=base, fontSize=size, leading=size * 1.25)
        return self.styles[key]

    def code_label(self, table: Mapping[str, str], code: str) -> str:
        return label(table, code, self.lang)

    # -- numbers, in the report's language; None is a dash ----------------------------------
    def count(self, value: int | None) -> str:
        return DASH if value is None else number(value, self.lang, "#,##0")

    def pct(self, value: float | None) -> str:
        return DASH if value is None else percent(value, self.lang)

    def growth(self, value: float | None) -> str:
        return DASH if value is None else growth_text(value, self.lang)

    def minutes(self, value: float | None) -> str:
        return DASH if value is None else number(value, self.lang, "#,##0.0")

    def spread(self, spread: Spread) -> tuple[str, str]:
        return self.minutes(spread.median), self.minutes(spread.p90)

    def figure(self, value: float) -> str:
        """A stored or live figure: whole numbers as counts, others with one decimal."""
        return self.count(int(value)) if float(value).is_integer() else self.minutes(value)

    def share_of(self, part: int, whole: int) -> str:
        return self.pct(part / whole) if whole else DASH

    def month(self, start: date) -> str:
        return short_month(start.year, start.month, self.lang)

    def plain_date(self, value: date | None) -> str:
        return DASH if value is None else plain_date(value, self.lang)

    def printed_text(self) -> str:
        return long_date(self.report.printed_at.date(), self.lang)

    def period_text(self) -> str:
        """'April – Juni 2024', 'November 2023 – Februari 2024', 'Juli 2024'; days for a part-month."""
        period = self.stats.period
        first, last = period.first, period.last
        months = period.month_list()
        whole = first.day == 1 and period.month(*months[-1]).last == last
        if not whole:
            return f"{plain_date(first, self.lang)} – {plain_date(last, self.lang)}"
        if len(months) == 1:
            return month_name(first.year, first.month, self.lang)
        start = month_name(first.year, first.month, self.lang)
        if first.year == last.year:
            start = start.rsplit(" ", 1)[0]  # the year is said once, after the last month
        return f"{start} – {month_name(last.year, last.month, self.lang)}"


def render_meeting_pdf(report: MeetingReport) -> bytes:
    """The meeting report as PDF bytes."""
    return MeetingReportRenderer(report).render()
