"""The printed monev visit report: A4, Indonesian official style, "Halaman X dari Y" on every page.

The renderer follows pretix's invoice renderer in shape: fonts, styles, page templates,
page callbacks and the story are separate methods, a numbered canvas writes the page
count, and the result is PDF bytes. The chapters themselves live in app.monev.report.chapters.
"""

from __future__ import annotations

import io
import os
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from typing import Any

from reportlab import rl_config
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    HRFlowable,
    Image,
    Paragraph,
    Spacer,
    Table,
)

from app.desk.passport import KIND_LABELS
from app.i18n import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    _,
    label,
    long_date,
    number,
    percent,
    plain_date,
    short_month,
    text,
)
from app.monev.report import texts  # noqa: F401 - registers the report's words
from app.monev.report.chapters import chapters
from app.monev.report.data import VisitReportData
from app.monev.scoring import SKM_GRADES, skm_grade
from app.monev.visits import SUPERVISION_GROUPS, SUPERVISION_TYPES
from app.reports.charts import epaspor_chart, section_score_chart
from app.reports.pages import A4Report
from app.reports.photos import printable_photo_or_none, unreadable_photo_box
from app.reports.style import (
    PAGE_MARGIN,
    RULE,
    FontSet,
    RowKeepingTable,
    esc,
    fit_font_size,
    grid_table_style,
    label_table_style,
    register_fonts,
    report_styles,
    score_text,
)

PAGE_W, PAGE_H = A4
BODY_W = PAGE_W - 2 * PAGE_MARGIN
PHOTO_BOX = (BODY_W / 2 - 0.6 * cm, 5.0 * cm)  # printed size of one photo in the two-column grid


class VisitReportRenderer(A4Report):
    """Builds the report from VisitReportData; one instance renders one PDF."""

    def __init__(self, data: VisitReportData):
        self.data = data
        self.lang = data.lang if data.lang in LANGUAGES else DEFAULT_LANGUAGE
        self.fonts: FontSet = self.init_fonts()
        self.styles: dict[str, ParagraphStyle] = self.init_styles()

    # -- set-up -----------------------------------------------------------------------------
    def init_fonts(self) -> FontSet:
        return register_fonts()

    def init_styles(self) -> dict[str, ParagraphStyle]:
        styles = report_styles(self.fonts)
        styles["list"] = ParagraphStyle(
            "list", parent=styles["body"], leftIndent=14, firstLineIndent=-14
        )
        return styles

    # -- page furniture (app.reports.pages.A4Report) ---------------------------------------
    def running_left(self) -> str:
        return self.data.visited_office

    def running_right(self) -> str:
        return self.t("running_title", number=self.data.visit_number)

    def footer_left(self) -> str:
        return f"{self.data.template_title} · v{self.data.template_version}"

    def render(self) -> bytes:
        d = self.data
        # ASCII85 armour on images is pure Python without rl_accel: half a second for 30
        # photos, and binary streams are just as valid.
        saved_a85, rl_config.useA85 = rl_config.useA85, 0
        try:
            return self.build_pdf(
                self.story(), title=f"{self.t('title_line1')} {self.t('title_line2')} — "
                f"{d.visited_office}", author=d.supervising_office, subject=d.visit_number)  # fmt: skip
        finally:
            rl_config.useA85 = saved_a85

    def story(self) -> list[Flowable]:
        return self.kop() + chapters(self)

    def kop(self) -> list[Flowable]:
        d = self.data
        office = d.supervising_office.upper()
        kop = self.styles["kop_office"]
        size = fit_font_size(office, kop.fontName, kop.fontSize, BODY_W, smallest=10)
        kop_style = ParagraphStyle("kop_fit", parent=kop, fontSize=size, leading=size * 1.25)
        return [
            Paragraph(esc(office), kop_style),
            self.p(esc(d.supervising_division.upper()), "kop_division"),
            HRFlowable(width="100%", thickness=2, color=RULE, spaceBefore=5, spaceAfter=1.5),
            HRFlowable(width="100%", thickness=0.6, color=RULE, spaceAfter=12),
            self.p(self.t("title_line1"), "title"),
            self.p(self.t("title_line2"), "title"),
            self.p(esc(d.visited_office.upper()), "title"),
            self.p(esc(d.visited_office_address), "kop_address"),
            self.p(self.t("number", number=esc(d.visit_number)), "subtitle"),
            Spacer(1, 4),
        ]

    # -- building blocks for the chapters ----------------------------------------------------
    def t(self, key: str, **params: object) -> str:
        return text("visit_report." + key, self.lang, **params)

    def p(self, markup: str, style: str = "body") -> Paragraph:
        return Paragraph(markup, self.styles[style])

    def heading(self, roman: str, key: str, room: float = 4 * cm) -> list[Flowable]:
        """A chapter heading that starts a new page unless *room* is left below it.

        keepWithNext would glue the heading to the whole following table and push a table
        that fits on one page to the next, leaving half a page blank; this keeps the heading
        with the first rows only.
        """
        return [
            CondPageBreak(room),
            self.p(f"{roman}.&nbsp;&nbsp;{self.t('ch.' + key).upper()}", "h1"),
        ]

    def subheading(self, markup: str, room: float = 3 * cm) -> list[Flowable]:
        return [CondPageBreak(room), self.p(markup, "h2")]

    def empty(self, key: str) -> Paragraph:
        return self.p(f"<i>{self.t('empty.' + key)}</i>")

    def grid(
        self,
        header: Sequence[str],
        rows: list[list[Any]],
        widths: Sequence[float],
        extra: Sequence[tuple] = (),
        head: list[list[Any]] | None = None,
    ) -> Table:
        """A ruled table whose header rows repeat on every page it spans."""
        head = head or [[self.p(h, "cell_head") for h in header]]
        # A page break leaves at least two rows on each side: never a lone row under a
        # repeated header, nor a header with one row at the foot of a page.
        table = RowKeepingTable(
            head + rows,
            colWidths=list(widths),
            repeatRows=len(head),
            hAlign="LEFT",
            rowSplitRange=(len(head) + 2, -2) if len(rows) >= 4 else None,
        )
        style = grid_table_style(self.fonts, header_rows=len(head), rows=len(rows) + len(head))
        for cmd in extra:
            style.add(*cmd)
        table.setStyle(style)
        return table

    def label_rows(self, rows: list[tuple[str, Any]]) -> Table:
        """'Label : value' lines, the identity block of an official letter."""
        data = [[self.p(label), self.p(":"), value] for label, value in rows]
        table = Table(data, colWidths=[4.5 * cm, 0.4 * cm, BODY_W - 4.9 * cm], hAlign="LEFT")
        table.setStyle(label_table_style(self.fonts))
        return table

    def numbered(self, lines: Sequence[str]) -> list[Flowable]:
        if not lines:
            return [self.p("–")]
        if len(lines) == 1:
            return [self.p(esc(lines[0]))]
        return [self.p(f"{i}.&nbsp;&nbsp;{esc(line)}", "list") for i, line in enumerate(lines, 1)]

    def code_label(self, table: Mapping[str, str], code: str) -> str:
        """A status/priority code from *table* in the report's language; anything unknown printed as given."""
        key = code.strip().lower().replace(" ", "_")
        return label(table, key, self.lang) if key in table else code

    def kind_label(self, code: str) -> str:
        return label(KIND_LABELS, code, self.lang)

    def count(self, value: int) -> str:
        """'1.034' in Indonesian, '1,034' in English."""
        return number(value, self.lang, "#,##0")

    def score(self, value: float | None) -> str:
        return score_text(value, self.lang)

    def grade(self, value: float) -> str:
        """'Baik' for 80,5: the public-service index bands (PermenPANRB 14/2017), lowest band below 25 too."""
        found = skm_grade(value, self.lang)
        return found[1] if found else _(SKM_GRADES[-1][-1], self.lang)

    def growth(self, pct: float | None) -> str | None:
        if pct is None:
            return None
        return ("+" if pct > 0 else "") + percent(pct / 100, self.lang)

    def plain_date(self, value: date | None) -> str:
        return plain_date(value, self.lang) if value else "–"

    def long_date(self, value: date) -> str:
        return long_date(value, self.lang)

    def date_range(self) -> str:
        d = self.data
        if d.end_date == d.start_date:
            return long_date(d.start_date, self.lang)
        return f"{long_date(d.start_date, self.lang)} {self.t('until')} {long_date(d.end_date, self.lang)}"

    def month(self, year: int, month: int) -> str:
        return short_month(year, month, self.lang)

    def checkbox(self, ticked: bool) -> str:
        if self.fonts.unicode:
            return "☑" if ticked else "☐"
        return "[X]" if ticked else "[  ]"

    def supervision_groups(self) -> list[tuple[str, list[tuple[str, bool]]]]:
        """The six supervision types in their two groups, ticked where used; unknown ones last."""

        def norm(s: str) -> str:
            return s.strip().lower().replace(" ", "_")

        used = {norm(s) for s in self.data.supervision_types}
        groups = [
            (label(SUPERVISION_GROUPS, group, self.lang),
             [(_(name, self.lang), code in used) for code, (of, name) in SUPERVISION_TYPES.items() if of == group])
            for group in SUPERVISION_GROUPS
        ]  # fmt: skip
        others = [s for s in self.data.supervision_types if norm(s) not in SUPERVISION_TYPES]
        if others:
            groups.append((self.t("st.other"), [(o, True) for o in others]))
        return groups

    def section_chart(self) -> Flowable:
        sections = self.data.sections
        return section_score_chart(
            [f"{s.code}. {s.title}" for s in sections],
            [s.score for s in sections],
            [s.failed for s in sections],
            self.fonts,
            BODY_W,
            self.score,
        )

    def figures_chart(self) -> Flowable:
        months = self.data.figures.months
        return epaspor_chart(
            [self.month(m.year, m.month) for m in months],
            [m.epaspor for m in months],
            [self.growth(m.growth_pct) for m in months],
            self.fonts,
            BODY_W,
            self.count,
        )

    def photo_cells(self) -> list[list[Flowable]]:
        """Image and caption per photo; Pillow releases the GIL, so photos shrink in parallel."""
        photos = self.data.photos
        workers = min(4, os.cpu_count() or 1, len(photos))
        if workers > 1:
            with ThreadPoolExecutor(workers) as pool:
                printable = list(
                    pool.map(lambda p: printable_photo_or_none(p.jpeg, *PHOTO_BOX), photos)
                )
        else:
            printable = [printable_photo_or_none(p.jpeg, *PHOTO_BOX) for p in photos]
        cells = []
        for n, (photo, fitted) in enumerate(zip(photos, printable, strict=True), 1):
            picture: Flowable
            if fitted is None:
                # One damaged photo must not keep the whole report from printing: say which.
                words = [self.p(f"<b>{self.t('photo_unreadable')}</b>", "cell_c")]
                if photo.ref:
                    words.append(self.p(esc(self.t("photo_ref", ref=photo.ref)), "cell_c"))
                picture = unreadable_photo_box(*PHOTO_BOX, words)
            else:
                data, w, h = fitted
                picture = Image(io.BytesIO(data), width=w, height=h)
                picture.hAlign = "CENTER"
            caption = f"<b>{self.t('photo_n', n=n)}</b> {esc(photo.caption)}"
            cells.append([picture, Spacer(1, 3), self.p(caption, "cell_c")])
        return cells


def render_visit_report(data: VisitReportData) -> bytes:
    """The visit report as PDF bytes."""
    return VisitReportRenderer(data).render()
