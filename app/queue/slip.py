"""The queue slip: a one-page roll-paper PDF (58 or 80 mm) with the number, service and a QR code."""

from __future__ import annotations

from io import BytesIO
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

import qrcode
from qrcode.constants import ERROR_CORRECT_M
from reportlab.lib.colors import black
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, HRFlowable, Paragraph, Spacer, Table, TableStyle

from app.config import Settings
from app.i18n import LANGUAGES, N_, _, clock, label, language, long_date, ngettext
from app.queue.numbering import PRIORITIES, SERVICE_NAMES

if TYPE_CHECKING:
    from app.queue.ticket_rows import TicketInfo

# Printable width of common thermal heads; the rest of the roll is the printer's own margin.
PRINTABLE_MM = {80: 72.0, 58: 48.0}
TOP_MM = 3.0
# Leave room above the cutter so the last line is not sliced off.
BOTTOM_MM = 8.0

# The slip's fixed words, translated into the language the slip is printed in.
LABELS: dict[str, str] = {
    "title": N_("QUEUE NUMBER"),
    "priority": N_("PRIORITY"),
    "reprint": N_("REPRINT"),
    "footer": N_("Keep this slip. Numbers are called on the queue display."),
}

QR_MASK = 0  # any of the eight masks is valid; see qr_modules
FONT = "Helvetica"
FONT_BOLD = "Helvetica-Bold"


def _label(key: str, lang: str) -> str:
    return _(LABELS[key], lang)


def waiting_text(n: int, lang: str | None = None) -> str:
    words = ngettext(
        "Waiting ahead of you: {n} person", "Waiting ahead of you: {n} people", n, lang
    )
    return words.format(n=n)


def qr_modules(value: str) -> list[list[bool]]:
    """The QR module matrix (quiet zone included) for *value*."""
    # Upper case keeps a UUID in alphanumeric mode: version 2 instead of 3, so bigger
    # modules on a 203-dpi thermal head. UUIDs compare case-insensitively.
    # A fixed mask skips the eight-way penalty search (about 4 of a slip's ~12 ms). Any
    # mask is valid QR; the search only lowers the odds of a harder-to-read pattern.
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=2, mask_pattern=QR_MASK)
    code.add_data(value.upper())
    code.make(fit=True)
    return code.get_matrix()


class QrMatrix(Flowable):
    """A QR code drawn as one filled path of horizontal runs (fast, and crisp at any dpi)."""

    def __init__(self, modules: list[list[bool]], side: float):
        super().__init__()
        self.modules = modules
        self.side = side
        self.hAlign = "CENTER"

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.side, self.side

    def draw(self) -> None:
        n = len(self.modules)
        cell = self.side / n
        path = self.canv.beginPath()
        for row, line in enumerate(self.modules):
            y = self.side - (row + 1) * cell
            col = 0
            while col < n:
                if not line[col]:
                    col += 1
                    continue
                start = col
                while col < n and line[col]:
                    col += 1
                path.rect(start * cell, y, (col - start) * cell, cell)
        self.canv.setFillColor(black)
        self.canv.drawPath(path, stroke=0, fill=1)


class SlipRenderer:
    """Lays out one slip; the page height is whatever the content needs."""

    def __init__(self, info: TicketInfo, settings: Settings, lang: str | None = None):
        self.info = info
        self.settings = settings
        # Printed in the language asked for, whatever the window speaks.
        self.lang = lang if lang is not None and lang in LANGUAGES else language()
        self.paper_mm = settings.slip_paper_mm if settings.slip_paper_mm in PRINTABLE_MM else 80
        self.page_width = self.paper_mm * mm
        self.content_width = PRINTABLE_MM[self.paper_mm] * mm
        self.narrow = self.paper_mm == 58
        self.styles = self._styles()

    # --- fonts and styles -------------------------------------------------

    def _styles(self) -> dict[str, ParagraphStyle]:
        small = 0.85 if self.narrow else 1.0

        def centred(
            name: str, size: float, font: str = FONT, leading: float = 1.2
        ) -> ParagraphStyle:
            s = size * small
            return ParagraphStyle(
                name, fontName=font, fontSize=s, leading=s * leading, alignment=TA_CENTER
            )

        return {
            "reprint": centred("reprint", 7, FONT_BOLD),
            "office": centred("office", 9.5, FONT_BOLD, 1.15),
            "title": centred("title", 9, FONT_BOLD),
            "number": self._number_style(),
            "service": centred("service", 11, FONT_BOLD, 1.15),
            "priority": centred("priority", 9, FONT_BOLD, 1.15),
            "when": centred("when", 9),
            "waiting": centred("waiting", 9.5),
            "footer": centred("footer", 7.5, FONT, 1.25),
        }

    def _number_style(self) -> ParagraphStyle:
        # As large as the printable width allows, capped so short numbers do not dwarf the slip.
        cap = 44 if self.narrow else 60
        unit_width = stringWidth(self.info.number, FONT_BOLD, 1) or 1
        size = min(cap, 0.94 * self.content_width / unit_width)
        return ParagraphStyle(
            "number", fontName=FONT_BOLD, fontSize=size, leading=size * 1.05, alignment=TA_CENTER
        )

    # --- story --------------------------------------------------------------

    def _para(self, text: str, style: str) -> Paragraph:
        return Paragraph(escape(text), self.styles[style])

    def _rule(self, thickness: float = 0.8) -> HRFlowable:
        return HRFlowable(
            width="100%", thickness=thickness, color=black, spaceBefore=0, spaceAfter=0
        )

    def _priority_tag(self) -> Table:
        category = label(PRIORITIES, self.info.priority, self.lang)
        words = f"{_label('priority', self.lang)} — {category}"
        tag = Table([[self._para(words, "priority")]], colWidths=[self.content_width * 0.92])
        tag.setStyle(
            TableStyle(
                [
                    ("BOX", (0, 0), (-1, -1), 1.2, black),
                    ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
                ]
            )
        )
        return tag

    def _qr(self) -> QrMatrix:
        return QrMatrix(qr_modules(self.info.uuid), (20 if self.narrow else 24) * mm)

    def story(self) -> list[Flowable]:
        info, lang = self.info, self.lang
        service = label(SERVICE_NAMES, info.service_prefix or info.prefix, lang)
        when = f"{long_date(info.issued_at.date(), lang)} · {clock(info.issued_at, lang)}"
        gap = 1.6 * mm if self.narrow else 2 * mm
        items: list[Flowable] = []
        if info.printed_count > 0:
            items += [self._para(_label("reprint", lang), "reprint"), Spacer(1, 1.5 * mm)]
        items += [
            self._para(self.settings.office.name, "office"),
            Spacer(1, gap),
            self._rule(),
            Spacer(1, gap * 1.5),
            self._para(_label("title", lang), "title"),
            Spacer(1, gap * 0.5),
            self._para(info.number, "number"),
            Spacer(1, gap),
            self._para(service, "service"),
        ]
        if info.priority:
            items += [Spacer(1, gap * 1.2), self._priority_tag()]
        items += [
            Spacer(1, gap * 1.2),
            self._para(when, "when"),
            Spacer(1, gap * 0.5),
            self._para(waiting_text(info.waiting_ahead, lang), "waiting"),
            Spacer(1, gap),
            self._qr(),
            Spacer(1, gap),
            self._rule(0.5),
            Spacer(1, gap),
            self._para(_label("footer", lang), "footer"),
        ]
        return items

    # --- page -------------------------------------------------------------

    def render(self) -> bytes:
        # One page, one column, nothing to break: measure each flowable once and stack
        # them top-down ourselves (a platypus Frame would wrap everything a second time).
        left = (self.page_width - self.content_width) / 2
        placed = [(f, *f.wrap(self.content_width, 10_000)) for f in self.story()]
        page_height = sum(h for _, _, h in placed) + (TOP_MM + BOTTOM_MM) * mm
        out = BytesIO()
        canvas = Canvas(out, pagesize=(self.page_width, page_height), pageCompression=1)
        canvas.setTitle(f"{_label('title', self.lang).title()} {self.info.number}")
        canvas.setAuthor("KanimDesk")
        y = page_height - TOP_MM * mm
        for flowable, width, height in placed:
            y -= height
            # Narrow flowables (QR code, priority tag) are centred; paragraphs fill the width.
            flowable.drawOn(canvas, left + (self.content_width - width) / 2, y)
        canvas.showPage()
        canvas.save()
        return out.getvalue()


def render_slip(info: TicketInfo, settings: Settings, lang: str | None = None) -> bytes:
    """The slip for *info* as PDF bytes, laid out for settings.slip_paper_mm roll paper."""
    return SlipRenderer(info, settings, lang).render()


def warm_up(settings: Settings) -> None:
    """Render a throw-away slip so the first real one skips loading locale data and font metrics.

    The first slip of a process costs ~0.25 s against ~10 ms after; call this from a worker
    once the desk window is up.
    """
    from datetime import datetime
    from uuid import uuid4

    from app.queue.ticket_rows import TicketInfo

    now = datetime.now()
    dummy = TicketInfo(0, str(uuid4()), "A-000", "A", 0, now.date(), "lansia", "waiting", now, 0)
    for lang in ("id", "en"):
        render_slip(dummy, settings, lang)
