"""Fonts, colours, paragraph and table styles shared by the A4 reports."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, FrameBreak, Table, TableStyle

from app.i18n import number

# Debian's fonts-dejavu-core has Sans and Sans-Bold; the oblique faces come with
# fonts-dejavu-extra, so they are optional. resources/fonts lets a Windows build bundle them.
_FONT_DIRS = (
    os.environ.get("KANIMDESK_FONT_DIR", ""),
    str(Path(__file__).resolve().parents[2] / "resources" / "fonts"),
    "/usr/share/fonts/truetype/dejavu",
    "/usr/share/fonts/dejavu",
    "/usr/share/fonts/TTF",
)

INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#555555")
RULE = colors.HexColor("#1f3864")
HEAD_BG = colors.HexColor("#dde4ee")
ZEBRA = colors.HexColor("#f5f7fa")
GRID = colors.HexColor("#9aa5b1")
FAIL = colors.HexColor("#b00020")
FAIL_BG = colors.HexColor("#fbe4e6")
BAR = colors.HexColor("#2f5597")
BAR_LIGHT = colors.HexColor("#8faadc")

PAGE_MARGIN = 2 * cm


@dataclass(frozen=True)
class FontSet:
    regular: str
    bold: str
    italic: str
    unicode: bool  # False for the Helvetica fallback: no ☑ or ★ glyphs


_fonts: FontSet | None = None


def _find(name: str) -> Path | None:
    for folder in _FONT_DIRS:
        if folder and (Path(folder) / name).is_file():
            return Path(folder) / name
    return None


def register_fonts() -> FontSet:
    """DejaVu Sans when installed (Indonesian text and symbols), else the built-in Helvetica."""
    global _fonts
    if _fonts is not None:
        return _fonts
    regular, bold = _find("DejaVuSans.ttf"), _find("DejaVuSans-Bold.ttf")
    if regular is None or bold is None:
        _fonts = FontSet("Helvetica", "Helvetica-Bold", "Helvetica-Oblique", unicode=False)
        return _fonts
    pdfmetrics.registerFont(TTFont("KD-Sans", str(regular)))
    pdfmetrics.registerFont(TTFont("KD-Sans-Bold", str(bold)))
    oblique = _find("DejaVuSans-Oblique.ttf")
    italic = "KD-Sans"
    if oblique is not None:
        pdfmetrics.registerFont(TTFont("KD-Sans-Oblique", str(oblique)))
        italic = "KD-Sans-Oblique"
    pdfmetrics.registerFontFamily(
        "KD-Sans", normal="KD-Sans", bold="KD-Sans-Bold", italic=italic, boldItalic="KD-Sans-Bold"
    )
    _fonts = FontSet("KD-Sans", "KD-Sans-Bold", italic, unicode=True)
    return _fonts


def report_styles(fonts: FontSet) -> dict[str, ParagraphStyle]:
    """The named paragraph styles of an official A4 report."""
    base = ParagraphStyle("body", fontName=fonts.regular, fontSize=9.5, leading=12.5, textColor=INK)
    return {
        "body": base,
        "body_j": ParagraphStyle("body_j", parent=base, alignment=TA_JUSTIFY),
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10),
        "small_muted": ParagraphStyle(
            "small_muted", parent=base, fontSize=7.5, leading=9.5, textColor=MUTED
        ),
        "small_muted_c": ParagraphStyle(
            "small_muted_c",
            parent=base,
            fontSize=7.5,
            leading=9.5,
            textColor=MUTED,
            alignment=TA_CENTER,
        ),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8, leading=10),
        "cell_c": ParagraphStyle(
            "cell_c", parent=base, fontSize=8, leading=10, alignment=TA_CENTER
        ),
        "cell_r": ParagraphStyle("cell_r", parent=base, fontSize=8, leading=10, alignment=TA_RIGHT),
        "cell_head": ParagraphStyle(
            "cell_head",
            parent=base,
            fontName=fonts.bold,
            fontSize=8,
            leading=10,
            alignment=TA_CENTER,
        ),
        "cell_band": ParagraphStyle(
            "cell_band", parent=base, fontName=fonts.bold, fontSize=9, leading=11.5
        ),
        "kop_office": ParagraphStyle(
            "kop_office",
            parent=base,
            fontName=fonts.bold,
            fontSize=13,
            leading=16,
            alignment=TA_CENTER,
        ),
        "kop_division": ParagraphStyle(
            "kop_division",
            parent=base,
            fontName=fonts.bold,
            fontSize=10.5,
            leading=13,
            alignment=TA_CENTER,
        ),
        "kop_address": ParagraphStyle(
            "kop_address",
            parent=base,
            fontSize=8.5,
            leading=11,
            alignment=TA_CENTER,
            textColor=MUTED,
        ),
        "title": ParagraphStyle(
            "title",
            parent=base,
            fontName=fonts.bold,
            fontSize=12,
            leading=15.5,
            alignment=TA_CENTER,
            spaceBefore=4,
            spaceAfter=2,
        ),
        "subtitle": ParagraphStyle(
            "subtitle", parent=base, fontSize=9.5, leading=12.5, alignment=TA_CENTER
        ),
        "h1": ParagraphStyle(
            "h1",
            parent=base,
            fontName=fonts.bold,
            fontSize=10.5,
            leading=13.5,
            spaceBefore=12,
            spaceAfter=5,
            textColor=RULE,
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontName=fonts.bold,
            fontSize=9.5,
            leading=12,
            spaceBefore=8,
            spaceAfter=3,
        ),
        "score_big": ParagraphStyle(
            "score_big",
            parent=base,
            fontName=fonts.bold,
            fontSize=30,
            leading=34,
            alignment=TA_CENTER,
            textColor=RULE,
        ),
        "center": ParagraphStyle("center", parent=base, alignment=TA_CENTER),
        "left": ParagraphStyle("left", parent=base, alignment=TA_LEFT),
        "sign": ParagraphStyle("sign", parent=base, alignment=TA_CENTER, leading=13),
        "sign_name": ParagraphStyle(
            "sign_name", parent=base, fontName=fonts.bold, alignment=TA_CENTER
        ),
    }


def grid_table_style(
    fonts: FontSet, header_rows: int = 1, zebra: bool = True, rows: int = 0
) -> TableStyle:
    """A ruled table with a shaded header row and, for long tables, light zebra striping."""
    cmds: list[tuple] = [
        ("FONTNAME", (0, 0), (-1, -1), fonts.regular),
        ("FONTSIZE", (0, 0), (-1, -1), 8),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("BOX", (0, 0), (-1, -1), 0.8, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 3.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3.5),
    ]
    if header_rows:
        cmds += [
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEAD_BG),
            ("VALIGN", (0, 0), (-1, header_rows - 1), "MIDDLE"),
        ]
    if zebra:
        cmds += [("BACKGROUND", (0, r), (-1, r), ZEBRA) for r in range(header_rows + 1, rows, 2)]
    return TableStyle(cmds)


def label_table_style(fonts: FontSet) -> TableStyle:
    """Label : value rows without a grid, as in the identity block of an official letter."""
    return TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), fonts.regular),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ]
    )


def score_text(value: float | None, lang: str | None = None) -> str:
    """'78,5' (one decimal; a comma in Indonesian, a point in English); '–' when there is no score."""
    if value is None:
        return "–"
    return number(value, lang, "#,##0.0")


def fit_font_size(text: str, font: str, size: float, width: float, smallest: float = 8) -> float:
    """The largest size <= *size* at which *text* fits on one line of *width* points."""
    while size > smallest and pdfmetrics.stringWidth(text, font, size) > width:
        size -= 0.5
    return size


def esc(value: str) -> str:
    """User text made safe for a Paragraph; line breaks kept."""
    return escape(value or "").replace("\n", "<br/>")


class RowKeepingTable(Table):
    """A table whose page breaks leave at least two rows on each side (give rowSplitRange).

    ReportLab honours rowSplitRange by splitting higher up, but then tries to fit the rest in
    the space freed on the same page and splits it again, alone row and all; ending the frame
    after the first part stops that.
    """

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803 - ReportLab's names
        parts = super().split(availWidth, availHeight)
        if len(parts) == 2:
            return [parts[0], FrameBreak(), parts[1]]
        return parts
