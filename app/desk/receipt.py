"""The applicant's receipt (tanda terima): one A5 portrait page with the application number as a QR code.

Shaped like the visit report's renderer (fonts, styles, page callback and story apart,
PDF bytes out) and built from the same pieces: app.reports.style for fonts and table
styles, the slip's QR matrix for the code the collection counter scans back.
"""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

from reportlab.lib.colors import white
from reportlab.lib.pagesizes import A5
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    HRFlowable,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from app.config import Settings
from app.db.engine import Database
from app.desk.documents import document_label
from app.desk.passport import FEE_COMPONENTS, KIND_LABELS, PRODUCT_LABELS, PURPOSE_LABELS
from app.desk.receipt_data import SAVED, ReceiptData, receipt_data, record_receipt
from app.desk.receipt_style import (
    AMOUNT_W,
    BODY_W,
    FOOTER_H,
    LABEL_W,
    MARGIN,
    PAGE_H,
    PAGE_W,
    QR_COLUMN,
    QR_SIDE,
    receipt_styles,
)
from app.desk.stages import STAGE_LABELS
from app.i18n import (
    LANGUAGES,
    N_,
    _,
    date_time,
    label,
    language,
    long_date,
    ngettext,
    plain_date,
    rupiah,
)
from app.queue.slip import QrMatrix, qr_modules
from app.reports.style import (
    HEAD_BG,
    INK,
    MUTED,
    RULE,
    FontSet,
    esc,
    fit_font_size,
    grid_table_style,
    label_table_style,
    register_fonts,
)

# The receipt's fixed words, in the language it is printed in.
LABELS: dict[str, str] = {
    "title": N_("PASSPORT APPLICATION RECEIPT"),
    "hours": N_("Service hours: {hours}"),
    "number": N_("Application number"),
    "date": N_("Application date"),
    "name": N_("Applicant's name"),
    "nik": N_("NIK"),
    "kind": N_("Application kind"),
    "product": N_("Passport type"),
    "validity": N_("Validity"),
    "purpose": N_("Purpose"),
    "stage": N_("Current stage"),
    "fees": N_("PNBP fees"),
    "total": N_("Total to pay"),
    "paid": N_("Paid"),
    "billing": N_("Billing code"),
    "payment": N_("Payment"),
    "not_paid": N_("not paid yet"),
    "collection": N_("Passport collection date"),
    "after_payment": N_("set after payment"),
    "received": N_("Documents received"),
    "missing": N_("Still to hand in"),
    "none_received": N_("No documents received yet."),
    "scan": N_("Scan at the collection counter"),
    "keep": N_(
        "Keep this receipt and show it when you collect your passport. "
        "Check your details; report any error to the counter at once."
    ),
    "printed": N_("Printed {when} by {officer}"),
    "printed_no_officer": N_("Printed {when}"),
    "pdf_title": N_("Passport application receipt {number}"),
}


class ReceiptRenderer:
    """Lays out one receipt from ReceiptData; one instance renders one PDF."""

    def __init__(self, data: ReceiptData, lang: str | None = None):
        self.data = data
        # Printed in the language asked for, whatever the window speaks.
        self.lang = lang if lang in LANGUAGES else language()
        self.fonts: FontSet = register_fonts()
        self.styles = receipt_styles(self.fonts)

    # -- set-up ---------------------------------------------------------------------------
    def page_templates(self) -> list[PageTemplate]:
        frame = Frame(
            MARGIN, MARGIN + FOOTER_H, BODY_W, PAGE_H - 2 * MARGIN - FOOTER_H, id="body",
            leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0,
        )  # fmt: skip
        return [PageTemplate("receipt", [frame], onPage=self.on_page)]

    # -- page callback --------------------------------------------------------------------
    def on_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        d = self.data
        when = date_time(d.printed_at, self.lang)
        if d.officer:
            printed = self.t("printed").format(when=when, officer=d.officer)
        else:
            printed = self.t("printed_no_officer").format(when=when)
        canvas.saveState()
        y = MARGIN
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, y + 10, PAGE_W - MARGIN, y + 10)
        canvas.setFillColor(MUTED)
        canvas.setFont(self.fonts.regular, 7)
        canvas.drawString(MARGIN, y, printed)
        canvas.setFont(self.fonts.bold, 7.5)
        canvas.setFillColor(INK)
        canvas.drawRightString(PAGE_W - MARGIN, y, d.number)
        canvas.restoreState()

    # -- the document ---------------------------------------------------------------------
    def render(self) -> bytes:
        out = io.BytesIO()
        d = self.data
        doc = BaseDocTemplate(
            out,
            pagesize=A5,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN,
            # The title names the print job and the saved file: the number, never the NIK.
            title=self.t("pdf_title").format(number=d.number),
            author=d.office.name,
            subject=d.number,
            creator="KanimDesk",
        )
        doc.addPageTemplates(self.page_templates())
        doc.build(self.story())
        return out.getvalue()

    def story(self) -> list[Flowable]:
        gap = Spacer(1, 3.5 * mm)
        return [
            *self.kop(),
            self.p(self.t("title"), "title"),
            Spacer(1, 3 * mm),
            self.identity(),
            gap,
            self.fees(),
            gap,
            self.collection(),
            gap,
            *self.documents(),
            Spacer(1, 3 * mm),
            self.p(esc(self.t("keep")), "note"),
        ]

    # -- parts ----------------------------------------------------------------------------
    def kop(self) -> list[Flowable]:
        office = self.data.office
        name = office.name.upper()
        kop = self.styles["kop_office"]
        size = fit_font_size(name, kop.fontName, kop.fontSize, BODY_W, smallest=8.5)
        kop_fit = ParagraphStyle("kop_fit", parent=kop, fontSize=size, leading=size * 1.22)
        items: list[Flowable] = []
        if office.regional_office.strip():
            items.append(self.p(esc(office.regional_office.upper()), "kop_region"))
        items.append(Paragraph(esc(name), kop_fit))
        # The default name already says the class ("Kantor Imigrasi Kelas II Non-TPI ...").
        if office.office_class.strip() and office.office_class.lower() not in office.name.lower():
            items.append(self.p(esc(office.office_class), "kop_address"))
        if office.address.strip():
            items.append(self.p(esc(office.address), "kop_address"))
        if office.hours.strip():
            items.append(self.p(esc(self.t("hours").format(hours=office.hours)), "kop_address"))
        items += [
            HRFlowable(width="100%", thickness=1.6, color=RULE, spaceBefore=4, spaceAfter=1.2),
            HRFlowable(width="100%", thickness=0.5, color=RULE, spaceAfter=6),
        ]
        return items

    def identity(self) -> Table:
        d, lang = self.data, self.lang
        validity = ngettext("{n} year", "{n} years", d.validity_years, lang)
        rows: list[tuple[str, Paragraph]] = [
            (self.t("number"), self.p(esc(d.number), "value_big")),
            (self.t("date"), self.p(esc(plain_date(d.application_date, lang)), "value")),
            (self.t("name"), self.p(esc(d.name), "value_bold")),
            (self.t("nik"), self.p(esc(d.masked_nik or "–"), "value")),
            (self.t("kind"), self.p(esc(label(KIND_LABELS, d.kind, lang)), "value")),
            (self.t("product"), self.p(esc(label(PRODUCT_LABELS, d.product, lang)), "value")),
            (self.t("validity"), self.p(esc(validity.format(n=d.validity_years)), "value")),
        ]
        if d.purpose and d.purpose != "umum":
            rows.append((self.t("purpose"), self.p(esc(label(PURPOSE_LABELS, d.purpose, lang)))))
        rows.append((self.t("stage"), self.p(esc(label(STAGE_LABELS, d.stage, lang)), "value")))
        left_w = BODY_W - QR_COLUMN
        facts = Table(
            [[self.p(esc(name), "label"), value] for name, value in rows],
            colWidths=[LABEL_W, left_w - LABEL_W],
            hAlign="LEFT",
        )
        facts.setStyle(label_table_style(self.fonts))
        qr = [
            QrMatrix(qr_modules(d.number), QR_SIDE),
            Spacer(1, 1 * mm),
            self.p(esc(d.number), "qr_number"),
            self.p(esc(self.t("scan")), "qr_caption"),
        ]
        block = Table([[facts, qr]], colWidths=[left_w, QR_COLUMN], hAlign="LEFT")
        block.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                    ("ALIGN", (1, 0), (1, 0), "CENTER"),
                ]
            )
        )
        return block

    def fees(self) -> KeepTogether:
        d, lang = self.data, self.lang
        rows: list[list[Flowable]] = []
        for fee in d.fees:
            words = esc(label(FEE_COMPONENTS, fee.component, lang))
            if fee.basis:
                words += f' <font size="7" color="#555555">({esc(fee.basis)})</font>'
            rows.append([self.p(words, "cell"), self.p(rupiah(fee.amount), "cell_r")])
        total_row = len(rows)
        rows.append([self.p(esc(self.t("total")), "cell_bold"),
                     self.p(rupiah(d.fee_total), "cell_bold_r")])  # fmt: skip
        if d.paid:
            words = esc(self.t("paid"))
            if d.billing_code:
                words += " · " + esc(self.t("billing")) + f" <b>{esc(d.billing_code)}</b>"
            rows.append([self.p(words, "cell"), self.p(rupiah(d.paid_amount or 0), "cell_r")])
        else:
            rows.append([self.p(esc(self.t("payment")), "cell"),
                         self.p(f"<i>{esc(self.t('not_paid'))}</i>", "cell_r")])  # fmt: skip
        table = Table(rows, colWidths=[BODY_W - AMOUNT_W, AMOUNT_W], hAlign="LEFT")
        style = grid_table_style(self.fonts, header_rows=0, zebra=False)
        style.add("LINEABOVE", (0, total_row), (-1, total_row), 0.9, RULE)
        style.add("BACKGROUND", (0, total_row), (-1, total_row), HEAD_BG)
        table.setStyle(style)
        return KeepTogether([self.p(esc(self.t("fees")), "h2"), table])

    def collection(self) -> Table:
        d, lang = self.data, self.lang
        if d.collection_date is not None:
            when = self.p(esc(long_date(d.collection_date, lang)), "collect_date")
        elif not d.paid:
            when = self.p(esc(self.t("after_payment")), "collect_pending")
        else:
            when = self.p("–", "collect_date")
        box = Table([[self.p(esc(self.t("collection")), "collect_label")], [when]],
                    colWidths=[BODY_W])  # fmt: skip
        box.setStyle(
            TableStyle(
                [
                    ("BOX", (0, 0), (-1, -1), 1.0, RULE),
                    ("BACKGROUND", (0, 0), (-1, -1), white),
                    ("TOPPADDING", (0, 0), (-1, 0), 4),
                    ("BOTTOMPADDING", (0, 0), (-1, 0), 0),
                    ("TOPPADDING", (0, 1), (-1, 1), 1),
                    ("BOTTOMPADDING", (0, 1), (-1, 1), 5),
                ]
            )
        )
        return box

    def documents(self) -> list[Flowable]:
        d, lang = self.data, self.lang
        ticked, empty = ("☑", "☐") if self.fonts.unicode else ("[x]", "[ ]")
        got = [esc(document_label(doc.code, lang)) for doc in d.documents if doc.received]
        missing = [esc(document_label(doc.code, lang)) for doc in d.documents if not doc.received]
        if got:
            lines = [self.p(f"{ticked}&nbsp;{words}", "doc") for words in got]
        else:
            lines = [self.p(f"<i>{esc(self.t('none_received'))}</i>", "doc")]
        items: list[Flowable] = [self.p(esc(self.t("received")), "h2"), *self.two_columns(lines)]
        if missing:
            # One run-on line: what is still to come matters less than what was handed in.
            words = f"{empty}&nbsp;<b>{esc(self.t('missing'))}:</b> " + "; ".join(missing)
            items += [Spacer(1, 1.5 * mm), self.p(words, "doc_missing")]
        return [KeepTogether(items)]

    def two_columns(self, lines: list[Flowable]) -> list[Flowable]:
        """Short lists stay one column; longer ones fill two, down the left column first."""
        if len(lines) <= 3:
            return lines
        half = (len(lines) + 1) // 2
        left, right = lines[:half], lines[half:]
        right += [Spacer(1, 1)] * (len(left) - len(right))
        table = Table([list(pair) for pair in zip(left, right, strict=True)],
                      colWidths=[BODY_W / 2, BODY_W / 2], hAlign="LEFT")  # fmt: skip
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                    ("TOPPADDING", (0, 0), (-1, -1), 0.8),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0.8),
                ]
            )
        )
        return [table]

    # -- building blocks ------------------------------------------------------------------
    def t(self, key: str) -> str:
        return _(LABELS[key], self.lang)

    def p(self, markup: str, style: str = "value") -> Paragraph:
        return Paragraph(markup, self.styles[style])


def render_receipt(
    db: Database,
    settings: Settings,
    app_id: int,
    lang: str | None = None,
    *,
    officer: str | None = None,
    now: datetime | None = None,
) -> bytes:
    """The receipt of application *app_id* as A5 PDF bytes, in *lang* (default: the active language).

    *officer* is who prints it (default: who registered the application); raises
    InputRejected(application.not_found) for an unknown application.
    """
    data = receipt_data(db, settings, app_id, officer=officer, now=now)
    return ReceiptRenderer(data, lang).render()


def write_receipt(
    db: Database,
    settings: Settings,
    app_id: int,
    path: Path,
    lang: str | None = None,
    *,
    officer: str,
) -> Path:
    """Render the receipt, write it to *path* and note the save in the audit log; returns *path*.

    OSError when the file cannot be written (nothing is recorded then).
    """
    pdf = render_receipt(db, settings, app_id, lang, officer=officer)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pdf)
    record_receipt(db, app_id, SAVED, officer)
    return path
