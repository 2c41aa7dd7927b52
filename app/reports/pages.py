"""Page furniture shared by the printed reports (visit report, meeting report)."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from app.reports.style import INK, MUTED, PAGE_MARGIN, RULE

PAGE_W, PAGE_H = A4


class NumberedCanvas(Canvas):
    """Holds every page back until the end so that the footer can say "Halaman X dari Y"."""

    def __init__(self, *args: Any, footer: Callable[[Canvas, int, int], None], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []
        self._footer = footer

    def showPage(self) -> None:  # noqa: N802 - ReportLab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._footer(self, self._pageNumber, total)
            super().showPage()
        super().save()


class A4Report:
    """The page furniture of an A4 report: one body frame; page one bare (the report's own
    heading is in the story), later pages with a running header (*running_left* at the left,
    *running_right* at the right, a rule under them); every page a footer (*footer_left*, and
    "Halaman X dari Y" at the right). A renderer subclasses it, gives ``fonts`` and ``t()``
    ("page" = the page-number words), and calls ``build_pdf``."""

    fonts: Any  # app.reports.style.FontSet

    def t(self, key: str, **params: object) -> str:
        raise NotImplementedError

    def running_left(self) -> str:
        raise NotImplementedError

    def running_right(self) -> str:
        raise NotImplementedError

    def footer_left(self) -> str:
        raise NotImplementedError

    def page_templates(self) -> list[PageTemplate]:
        frame = Frame(PAGE_MARGIN, PAGE_MARGIN, PAGE_W - 2 * PAGE_MARGIN, PAGE_H - 2 * PAGE_MARGIN,
                      id="body", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)  # fmt: skip
        return [
            PageTemplate("first", [frame], onPage=self.on_first_page, autoNextPageTemplate="later"),
            PageTemplate("later", [frame], onPage=self.on_later_page),
        ]

    def on_first_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        """Page one carries its heading in the story itself: no running header above it."""

    def on_later_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        y = PAGE_H - PAGE_MARGIN + 0.6 * cm
        canvas.setFont(self.fonts.regular, 7.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(PAGE_MARGIN, y, self.running_left())
        canvas.drawRightString(PAGE_W - PAGE_MARGIN, y, self.running_right())
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(PAGE_MARGIN, y - 4, PAGE_W - PAGE_MARGIN, y - 4)
        canvas.restoreState()

    def draw_footer(self, canvas: Canvas, page: int, total: int) -> None:
        canvas.saveState()
        y = PAGE_MARGIN - 0.9 * cm
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(PAGE_MARGIN, y + 10, PAGE_W - PAGE_MARGIN, y + 10)
        canvas.setFont(self.fonts.regular, 7.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(PAGE_MARGIN, y, self.footer_left())
        canvas.setFont(self.fonts.bold, 8)
        canvas.setFillColor(INK)
        canvas.drawRightString(PAGE_W - PAGE_MARGIN, y, self.t("page", page=page, total=total))
        canvas.restoreState()

    def build_pdf(self, story: list[Flowable], *, title: str, author: str, subject: str) -> bytes:
        out = io.BytesIO()
        doc = BaseDocTemplate(out, pagesize=A4, leftMargin=PAGE_MARGIN, rightMargin=PAGE_MARGIN,
                              topMargin=PAGE_MARGIN, bottomMargin=PAGE_MARGIN, title=title,
                              author=author, subject=subject, creator="KanimDesk")  # fmt: skip
        doc.addPageTemplates(self.page_templates())

        def canvasmaker(*args: Any, **kwargs: Any) -> NumberedCanvas:
            return NumberedCanvas(*args, footer=self.draw_footer, **kwargs)

        doc.build(story, canvasmaker=canvasmaker)
        return out.getvalue()
