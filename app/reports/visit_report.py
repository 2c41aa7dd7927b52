"""The printed monev visit report: A4, Indonesian official style, "Halaman X dari Y" on every page.

The renderer follows pretix's invoice renderer in shape: fonts, styles, page templates,
page callbacks and the story are separate methods, a numbered canvas writes the page
count, and the result is PDF bytes. The chapters themselves live in visit_report_chapters.
"""

from __future__ import annotations

import hashlib
import io
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from typing import Any

from babel.numbers import format_decimal
from PIL import Image as PILImage
from reportlab import rl_config
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    HRFlowable,
    Image,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
)

from app.domain.passport import KIND_LABELS
from app.domain.scoring import SKM_GRADES, skm_grade
from app.i18n import MESSAGES, long_date, percent, plain_date, register_messages, short_month, text
from app.reports.charts import epaspor_chart, section_score_chart
from app.reports.report_style import (
    INK,
    MUTED,
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
from app.reports.visit_report_chapters import chapters
from app.reports.visit_report_data import VisitReportData

register_messages({
    "visit_report.page": ("Halaman {page} dari {total}", "Page {page} of {total}"),
    "visit_report.running_title": ("Laporan Monev {number}", "Monitoring report {number}"),
    "visit_report.title_line1": (
        "LAPORAN HASIL MONITORING DAN EVALUASI /", "REPORT ON THE MONITORING AND EVALUATION /"),
    "visit_report.title_line2": (
        "SUPERVISI TEKNIS PELAYANAN PASPOR", "TECHNICAL SUPERVISION OF PASSPORT SERVICES"),
    "visit_report.number": ("Nomor: {number}", "Number: {number}"),
    "visit_report.until": ("s.d.", "to"),
    "visit_report.ch.identity": ("Identitas kegiatan", "Identity of the visit"),
    "visit_report.ch.team": ("Tim dan pejabat kantor yang ditemui", "Team and office officials met"),
    "visit_report.ch.method": ("Metode", "Method"),
    "visit_report.ch.summary": ("Ringkasan hasil", "Summary of results"),
    "visit_report.ch.checklist": ("Hasil checklist per bagian", "Checklist results by section"),
    "visit_report.ch.findings": ("Temuan dan arahan", "Findings and directions"),
    "visit_report.ch.followup": (
        "Tindak lanjut temuan kunjungan sebelumnya", "Follow-up of findings from earlier visits"),
    "visit_report.ch.figures": ("Data pelayanan kantor", "Service figures of the office"),
    "visit_report.ch.photos": ("Dokumentasi", "Photo documentation"),
    "visit_report.ch.closing": ("Penutup", "Closing"),
    "visit_report.id.office": ("Kantor yang dikunjungi", "Office visited"),
    "visit_report.id.date": ("Tanggal", "Date"),
    "visit_report.id.place": ("Tempat", "Place"),
    "visit_report.id.basis": ("Dasar", "Basis"),
    "visit_report.id.purpose": ("Tujuan", "Purpose"),
    "visit_report.id.instrument": ("Instrumen", "Checklist"),
    "visit_report.id.instrument_value": ("{title}, versi {version}", "{title}, version {version}"),
    "visit_report.team": ("Tim supervisi", "Supervision team"),
    "visit_report.reps": ("Pejabat kantor yang ditemui", "Office officials met"),
    "visit_report.col.no": ("No.", "No."),
    "visit_report.col.name": ("Nama", "Name"),
    "visit_report.col.nip": ("NIP", "NIP"),
    "visit_report.col.position": ("Jabatan", "Position"),
    "visit_report.col.role": ("Peran", "Role"),
    "visit_report.empty.team": ("Tidak ada data tim.", "No team recorded."),
    "visit_report.empty.reps": (
        "Tidak ada pejabat kantor yang dicatat.", "No office officials recorded."),
    "visit_report.method.intro": (
        "Kegiatan dilaksanakan melalui pembinaan dan pengawasan berikut (☑ = dilaksanakan):",
        "The visit used the following guidance and supervision (☑ = carried out):"),
    "visit_report.method.intro_ascii": (
        "Kegiatan dilaksanakan melalui pembinaan dan pengawasan berikut ([X] = dilaksanakan):",
        "The visit used the following guidance and supervision ([X] = carried out):"),
    "visit_report.st.pembinaan": ("Pembinaan", "Guidance"),
    "visit_report.st.pengawasan": ("Pengawasan", "Supervision"),
    "visit_report.st.fasilitasi": ("Fasilitasi", "Facilitation"),
    "visit_report.st.konsultasi": ("Konsultasi", "Consultation"),
    "visit_report.st.penelaahan_ulang": ("Penelaahan ulang", "Re-examination"),
    "visit_report.st.monitoring": ("Monitoring", "Monitoring"),
    "visit_report.st.evaluasi": ("Evaluasi", "Evaluation"),
    "visit_report.st.pemeriksaan_langsung": ("Pemeriksaan langsung", "Direct inspection"),
    "visit_report.st.other": ("Lainnya", "Other"),
    "visit_report.summary.total": ("Nilai total", "Total score"),
    "visit_report.summary.scale": ("skala 0–100", "scale 0–100"),
    "visit_report.summary.sections": ("Jumlah bagian", "Sections"),
    "visit_report.summary.failed_sections": ("Bagian gagal (butir kritis)", "Sections failed (critical item)"),
    "visit_report.summary.items": ("Butir diperiksa", "Items checked"),
    "visit_report.summary.findings": ("Temuan dan arahan", "Findings and directions"),
    "visit_report.summary.followup": ("Temuan lama ditindaklanjuti", "Earlier findings followed up"),
    "visit_report.col.code": ("Kode", "Code"),
    "visit_report.col.section": ("Bagian", "Section"),
    "visit_report.col.items": ("Butir", "Items"),
    "visit_report.col.score": ("Nilai", "Score"),
    "visit_report.col.remark": ("Keterangan", "Remark"),
    "visit_report.failed_critical": ("GAGAL (butir kritis)", "FAILED (critical item)"),
    "visit_report.passed": ("Memenuhi", "Passed"),
    "visit_report.unscored": ("Tidak dinilai", "Not scored"),
    "visit_report.grade_note": (
        "Keterangan nilai menurut rentang indeks PermenPANRB 14/2017: Sangat Baik 88,31–100; "
        "Baik 76,61–88,30; Kurang Baik 65,00–76,60; Tidak Baik di bawah 65,00.",
        "Remarks follow the index bands of PermenPANRB 14/2017: Very good 88.31–100; "
        "Good 76.61–88.30; Poor 65.00–76.60; Very poor below 65.00."),
    "visit_report.empty.sections": ("Tidak ada hasil checklist.", "No checklist results."),
    "visit_report.empty.section_items": ("Bagian ini tidak berisi butir.", "This section has no items."),
    "visit_report.col.item": ("Butir pemeriksaan", "Item checked"),
    "visit_report.col.answer": ("Jawaban", "Answer"),
    "visit_report.col.note": ("Catatan", "Note"),
    "visit_report.critical": ("★ Butir kritis", "★ Critical item"),
    "visit_report.critical_ascii": ("* Butir kritis", "* Critical item"),
    "visit_report.critical_failed": ("— GAGAL", "— FAILED"),
    "visit_report.section_score": ("nilai {score}", "score {score}"),
    "visit_report.col.finding": ("Temuan", "Finding"),
    "visit_report.col.direction": ("Arahan", "Direction"),
    "visit_report.col.priority": ("Prioritas", "Priority"),
    "visit_report.col.owner": ("Penanggung jawab", "Owner"),
    "visit_report.col.due": ("Batas waktu", "Due date"),
    "visit_report.col.status": ("Status", "Status"),
    "visit_report.ref": ("Butir {ref}", "Item {ref}"),
    "visit_report.general": ("Umum", "General"),
    "visit_report.empty.findings": ("Tidak ada temuan.", "No findings."),
    "visit_report.col.visit_date": ("Tanggal kunjungan", "Visit date"),
    "visit_report.col.original": ("Status semula", "Original status"),
    "visit_report.col.current": ("Status sekarang", "Current status"),
    "visit_report.col.last_note": ("Catatan tindak lanjut terakhir", "Latest follow-up note"),
    "visit_report.empty.followup": (
        "Tidak ada temuan kunjungan sebelumnya yang perlu ditindaklanjuti.",
        "No findings from earlier visits to follow up."),
    "visit_report.col.item_figure": ("Uraian", "Figure"),
    "visit_report.col.epaspor": ("e-Paspor", "e-Passport"),
    "visit_report.col.growth": ("Pertumbuhan e-Paspor", "e-Passport growth"),
    "visit_report.col.by_kind": ("Permohonan paspor menurut jenis", "Passport applications by kind"),
    "visit_report.col.total": ("Jumlah", "Total"),
    "visit_report.col.wait": ("Rata-rata tunggu (menit)", "Average wait (min)"),
    "visit_report.col.no_show": ("Tidak hadir", "No-show"),
    "visit_report.figures.trend": ("Tren pemohon e-Paspor: {trend}", "e-Passport applicants: {trend}"),
    "visit_report.figures.chart": ("Grafik pemohon e-Paspor per bulan", "e-Passport applicants per month"),
    "visit_report.figures.source": ("Sumber data: {source}", "Source: {source}"),
    "visit_report.empty.figures": (
        "Tidak ada data pelayanan untuk periode ini.", "No service figures for this period."),
    "visit_report.photo_n": ("Foto {n}.", "Photo {n}."),
    "visit_report.empty.photos": ("Tidak ada dokumentasi foto.", "No photographs."),
    "visit_report.closing": (
        "Demikian laporan hasil monitoring dan evaluasi serta supervisi teknis pelayanan paspor "
        "ini dibuat untuk dipergunakan sebagaimana mestinya. Temuan dan arahan di atas agar "
        "ditindaklanjuti oleh {office} sesuai batas waktu yang ditetapkan dan dilaporkan pada "
        "kunjungan berikutnya.",
        "This report on the monitoring, evaluation and technical supervision of passport services "
        "is made to be used as appropriate. {office} is to act on the findings and directions "
        "above by the dates set and report on them at the next visit."),
    "visit_report.sign.leader": ("Ketua Tim,", "Team leader,"),
    "visit_report.sign.head": ("Kepala Kantor,", "Head of office,"),
    "visit_report.sign.nip": ("NIP. {nip}", "NIP {nip}"),
    "visit_report.status.terbuka": ("Terbuka", "Open"),
    "visit_report.status.dalam_proses": ("Dalam proses", "In progress"),
    "visit_report.status.selesai": ("Selesai", "Done"),
    "visit_report.status.diverifikasi": ("Diverifikasi", "Verified"),
    "visit_report.priority.rendah": ("Rendah", "Low"),
    "visit_report.priority.sedang": ("Sedang", "Medium"),
    "visit_report.priority.tinggi": ("Tinggi", "High"),
    "visit_report.priority.kritis": ("Kritis", "Critical"),
})

# The seed's words: pembinaan (fasilitasi, konsultasi) and pengawasan (the other four).
SUPERVISION_GROUPS = (
    ("pembinaan", ("fasilitasi", "konsultasi")),
    ("pengawasan", ("penelaahan_ulang", "monitoring", "evaluasi", "pemeriksaan_langsung")),
)

PAGE_W, PAGE_H = A4
BODY_W = PAGE_W - 2 * PAGE_MARGIN
PHOTO_BOX = (BODY_W / 2 - 0.6 * cm, 5.0 * cm)  # printed size of one photo in the two-column grid
PHOTO_DPI = 150

# Downscaled photos by (sha256, pixel box): a report is often rendered again after a small
# edit, and re-encoding 30 photos is the slowest part of the whole report.
_photo_cache: OrderedDict[tuple[str, int, int], tuple[bytes, int, int]] = OrderedDict()
_PHOTO_CACHE_SIZE = 256
_photo_cache_lock = threading.Lock()  # photos shrink on several threads at once


def printable_photo(jpeg: bytes, box_w: float, box_h: float) -> tuple[bytes, float, float]:
    """The photo re-encoded at ~150 dpi for a box of box_w x box_h points, and its printed size."""
    px_w, px_h = int(box_w / 72 * PHOTO_DPI), int(box_h / 72 * PHOTO_DPI)
    key = (hashlib.sha256(jpeg).hexdigest(), px_w, px_h)
    with _photo_cache_lock:
        hit = _photo_cache.get(key)
        if hit is not None:
            _photo_cache.move_to_end(key)
    if hit is None:
        with PILImage.open(io.BytesIO(jpeg)) as img:
            fit = min(px_w / img.width, px_h / img.height, 1.0)
            # A JPEG decodes straight at 1/2, 1/4 or 1/8 scale: ask for the fitted size, not the box.
            img.draft("RGB", (max(1, round(img.width * fit)), max(1, round(img.height * fit))))
            small = img.convert("RGB")
        small.thumbnail((px_w, px_h), PILImage.Resampling.BICUBIC)
        out = io.BytesIO()
        small.save(out, "JPEG", quality=82)
        hit = (out.getvalue(), small.width, small.height)
        with _photo_cache_lock:
            _photo_cache[key] = hit
            if len(_photo_cache) > _PHOTO_CACHE_SIZE:
                _photo_cache.popitem(last=False)
    data, w, h = hit
    scale = min(box_w / w, box_h / h)
    return data, w * scale, h * scale


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


class VisitReportRenderer:
    """Builds the report from VisitReportData; one instance renders one PDF."""

    def __init__(self, data: VisitReportData):
        self.data = data
        self.lang = "en" if data.lang == "en" else "id"
        self.fonts: FontSet = self.init_fonts()
        self.styles: dict[str, ParagraphStyle] = self.init_styles()

    # -- set-up -----------------------------------------------------------------------------
    def init_fonts(self) -> FontSet:
        return register_fonts()

    def init_styles(self) -> dict[str, ParagraphStyle]:
        styles = report_styles(self.fonts)
        styles["list"] = ParagraphStyle("list", parent=styles["body"], leftIndent=14, firstLineIndent=-14)
        return styles

    def page_templates(self) -> list[PageTemplate]:
        frame = Frame(PAGE_MARGIN, PAGE_MARGIN, BODY_W, PAGE_H - 2 * PAGE_MARGIN, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        return [
            PageTemplate("first", [frame], onPage=self.on_first_page, autoNextPageTemplate="later"),
            PageTemplate("later", [frame], onPage=self.on_later_page),
        ]

    # -- page callbacks ---------------------------------------------------------------------
    def on_first_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        """Page one carries the kop in the story itself; no running header above it."""

    def on_later_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        y = PAGE_H - PAGE_MARGIN + 0.6 * cm
        canvas.setFont(self.fonts.regular, 7.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(PAGE_MARGIN, y, self.data.visited_office)
        canvas.drawRightString(PAGE_W - PAGE_MARGIN, y,
                               self.t("running_title", number=self.data.visit_number))
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
        d = self.data
        canvas.drawString(PAGE_MARGIN, y, f"{d.template_title} · v{d.template_version}")
        canvas.setFont(self.fonts.bold, 8)
        canvas.setFillColor(INK)
        canvas.drawRightString(PAGE_W - PAGE_MARGIN, y, self.t("page", page=page, total=total))
        canvas.restoreState()

    # -- the document -----------------------------------------------------------------------
    def render(self) -> bytes:
        out = io.BytesIO()
        d = self.data
        doc = BaseDocTemplate(
            out, pagesize=A4, leftMargin=PAGE_MARGIN, rightMargin=PAGE_MARGIN,
            topMargin=PAGE_MARGIN, bottomMargin=PAGE_MARGIN,
            title=f"{self.t('title_line1')} {self.t('title_line2')} — {d.visited_office}",
            author=d.supervising_office, subject=d.visit_number, creator="KanimDesk",
        )
        doc.addPageTemplates(self.page_templates())

        def canvasmaker(*args: Any, **kwargs: Any) -> NumberedCanvas:
            return NumberedCanvas(*args, footer=self.draw_footer, **kwargs)

        # ASCII85 armour on images is pure Python without rl_accel: half a second for 30
        # photos, and binary streams are just as valid.
        saved_a85, rl_config.useA85 = rl_config.useA85, 0
        try:
            doc.build(self.story(), canvasmaker=canvasmaker)
        finally:
            rl_config.useA85 = saved_a85
        return out.getvalue()

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
        return [CondPageBreak(room), self.p(f"{roman}.&nbsp;&nbsp;{self.t('ch.' + key).upper()}", "h1")]

    def subheading(self, markup: str, room: float = 3 * cm) -> list[Flowable]:
        return [CondPageBreak(room), self.p(markup, "h2")]

    def empty(self, key: str) -> Paragraph:
        return self.p(f"<i>{self.t('empty.' + key)}</i>")

    def grid(self, header: Sequence[str], rows: list[list[Any]], widths: Sequence[float],
             extra: Sequence[tuple] = (), head: list[list[Any]] | None = None) -> Table:
        """A ruled table whose header rows repeat on every page it spans."""
        head = head or [[self.p(h, "cell_head") for h in header]]
        # A page break leaves at least two rows on each side: never a lone row under a
        # repeated header, nor a header with one row at the foot of a page.
        table = RowKeepingTable(head + rows, colWidths=list(widths), repeatRows=len(head), hAlign="LEFT",
                                rowSplitRange=(len(head) + 2, -2) if len(rows) >= 4 else None)
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

    def code_label(self, group: str, code: str) -> str:
        """A status/priority code in the report's language; anything unknown printed as given."""
        key = f"visit_report.{group}.{code.strip().lower().replace(' ', '_')}"
        return text(key, self.lang) if key in MESSAGES else code

    def kind_label(self, code: str) -> str:
        pair = KIND_LABELS.get(code)
        return (pair[1] if self.lang == "en" else pair[0]) if pair else code

    def count(self, value: int) -> str:
        """'1.034' in Indonesian, '1,034' in English."""
        return format_decimal(value, "#,##0", locale="en_GB" if self.lang == "en" else "id_ID")

    def score(self, value: float | None) -> str:
        return score_text(value, self.lang)

    def grade(self, value: float) -> str:
        """'Baik' for 80,5: the public-service index bands (PermenPANRB 14/2017), lowest band below 25 too."""
        found = skm_grade(value, self.lang)
        return found[1] if found else (SKM_GRADES[-1][3] if self.lang == "en" else SKM_GRADES[-1][2])

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
        known = {c for _, codes in SUPERVISION_GROUPS for c in codes}
        groups = [
            (self.t(f"st.{group}"), [(self.t(f"st.{c}"), c in used) for c in codes])
            for group, codes in SUPERVISION_GROUPS
        ]
        others = [s for s in self.data.supervision_types if norm(s) not in known]
        if others:
            groups.append((self.t("st.other"), [(o, True) for o in others]))
        return groups

    def section_chart(self) -> Flowable:
        sections = self.data.sections
        return section_score_chart(
            [f"{s.code}. {s.title}" for s in sections], [s.score for s in sections],
            [s.failed for s in sections], self.fonts, BODY_W, self.score,
        )

    def figures_chart(self) -> Flowable:
        months = self.data.figures.months
        return epaspor_chart(
            [self.month(m.year, m.month) for m in months], [m.epaspor for m in months],
            [self.growth(m.growth_pct) for m in months], self.fonts, BODY_W, self.count,
        )

    def photo_cells(self) -> list[list[Flowable]]:
        """Image and caption per photo; Pillow releases the GIL, so photos shrink in parallel."""
        photos = self.data.photos
        workers = min(4, os.cpu_count() or 1, len(photos))
        if workers > 1:
            with ThreadPoolExecutor(workers) as pool:
                printable = list(pool.map(lambda p: printable_photo(p.jpeg, *PHOTO_BOX), photos))
        else:
            printable = [printable_photo(p.jpeg, *PHOTO_BOX) for p in photos]
        cells = []
        for number, (photo, (data, w, h)) in enumerate(zip(photos, printable, strict=True), 1):
            image = Image(io.BytesIO(data), width=w, height=h)
            image.hAlign = "CENTER"
            caption = f"<b>{self.t('photo_n', n=number)}</b> {esc(photo.caption)}"
            cells.append([image, Spacer(1, 3), self.p(caption, "cell_c")])
        return cells


def render_visit_report(data: VisitReportData) -> bytes:
    """The visit report as PDF bytes."""
    return VisitReportRenderer(data).render()
