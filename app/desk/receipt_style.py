"""The receipt's page geometry and paragraph styles: the reports' styles, sized for an A5 sheet."""

from __future__ import annotations

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A5
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from app.reports.style import MUTED, RULE, FontSet, report_styles

PAGE_W, PAGE_H = A5
MARGIN = 12 * mm
FOOTER_H = 9 * mm  # room kept under the story for the printed-by line
BODY_W = PAGE_W - 2 * MARGIN
# A handheld scanner reads a 25 mm code from a hand's length; 32 mm (27 mm of symbol inside its quiet zone) leaves room for a crease.
QR_SIDE = 32 * mm
QR_COLUMN = QR_SIDE + 6 * mm
LABEL_W = 35 * mm
AMOUNT_W = 34 * mm


def receipt_styles(fonts: FontSet) -> dict[str, ParagraphStyle]:
    """The report styles plus the receipt's own, a point or two smaller than on A4."""
    styles = report_styles(fonts)
    base = styles["body"]
    bold = fonts.bold

    def style(name: str, **kw: object) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    styles.update(
        {
            "kop_region": style("kop_region", fontName=bold, fontSize=8, leading=10,
                                alignment=TA_CENTER, textColor=MUTED),
            "kop_office": style("kop_office", fontName=bold, fontSize=11.5, leading=14,
                                alignment=TA_CENTER),
            "kop_address": style("kop_address", fontSize=7.5, leading=9.5, alignment=TA_CENTER,
                                 textColor=MUTED),
            "title": style("title", fontName=bold, fontSize=11.5, leading=14, alignment=TA_CENTER,
                           textColor=RULE),
            "label": style("label", fontSize=8.5, leading=10.5, textColor=MUTED),
            "value": style("value", fontSize=8.5, leading=10.5),
            "value_big": style("value_big", fontName=bold, fontSize=12, leading=14),
            "value_bold": style("value_bold", fontName=bold, fontSize=8.5, leading=10.5),
            "h2": style("h2", fontName=bold, fontSize=9, leading=11.5, spaceBefore=0,
                        spaceAfter=2.5, textColor=RULE),
            "cell": style("cell", fontSize=8.5, leading=10.5),
            "cell_r": style("cell_r", fontSize=8.5, leading=10.5, alignment=TA_RIGHT),
            "cell_bold": style("cell_bold", fontName=bold, fontSize=8.5, leading=10.5),
            "cell_bold_r": style("cell_bold_r", fontName=bold, fontSize=8.5, leading=10.5,
                                 alignment=TA_RIGHT),
            "qr_number": style("qr_number", fontName=bold, fontSize=10, leading=12,
                               alignment=TA_CENTER),
            "qr_caption": style("qr_caption", fontSize=6.5, leading=8, alignment=TA_CENTER,
                                textColor=MUTED),
            "collect_label": style("collect_label", fontSize=8, leading=10, alignment=TA_CENTER,
                                   textColor=MUTED),
            "collect_date": style("collect_date", fontName=bold, fontSize=12.5, leading=15,
                                  alignment=TA_CENTER),
            "collect_pending": style("collect_pending", fontName=fonts.italic, fontSize=10,
                                     leading=13, alignment=TA_CENTER),
            "doc": style("doc", fontSize=8, leading=10, leftIndent=11, firstLineIndent=-11),
            "doc_missing": style("doc_missing", fontSize=8, leading=10, leftIndent=11,
                                 firstLineIndent=-11, textColor=MUTED),
            "note": style("note", fontSize=7.5, leading=9.5, textColor=MUTED),
        }
    )  # fmt: skip
    return styles
