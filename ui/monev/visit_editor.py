"""One visit: identity, checklist, findings and photos tabs; report preview; finalize / reopen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from app.monev.codes import VisitStatus
from app.monev.scoring import VisitScore
from app.monev.templates import TemplateInfo, list_templates
from app.monev.visits import (
    VisitDetail,
    VisitInfo,
    finalize_visit,
    reopen_visit,
    update_visit,
    visit_detail,
)
from app.problems import InputRejected

from ui.context import DeskContext
from ui.monev.checklist_tab import ChecklistPanel
from ui.monev.findings_tab import FindingsPanel
from ui.monev.identity_form import VisitIdentityForm
from ui.monev.photos_tab import PhotosPanel, ThumbnailCache
from ui.monev.visit_list_model import date_span, score_text, visit_status_text
from ui.monev.visit_panel import VisitPanel
from ui.widgets.fields import Banner

TAB_IDENTITY, TAB_CHECKLIST, TAB_FINDINGS, TAB_PHOTOS = range(4)


class VisitEditor(VisitPanel):
    """One visit in four tabs; `back_requested` asks the page to show the list again."""

    back_requested = Signal()

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.visit: VisitInfo | None = None
        self.preview_dialog: QWidget | None = None
        self._open_tab: int | None = None  # tab to show once the visit has loaded
        self.banner = Banner()
        self.thumbs = ThumbnailCache(ctx, self)
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.title.setWordWrap(True)
        self.subtitle = QLabel()
        self.subtitle.setStyleSheet("color: #5f6368;")
        self.subtitle.setWordWrap(True)
        self.status_label = QLabel()
        self.score_label = QLabel()
        self.score_label.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.back_button = QPushButton("← " + _("Visits"))
        self.report_button = QPushButton(_("Preview report") + "  (Ctrl+P)")
        self.finalize_button = QPushButton(_("Finalize…"))
        self.reopen_button = QPushButton(_("Reopen…"))
        self.identity = VisitIdentityForm(ctx.lang)
        self.identity_save = QPushButton(_("Save identity") + "  (Ctrl+S)")
        self.checklist = ChecklistPanel(ctx, self.thumbs)
        self.findings = FindingsPanel(ctx)
        self.photos = PhotosPanel(ctx, self.thumbs)
        self.tabs = QTabWidget()
        self._build()
        self._connect()
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._before_quit)

    def _before_quit(self) -> None:
        # A note typed a moment ago is written before the program ends.
        self.checklist.flush()
        self.ctx.runner.wait(5000)

    def _build(self) -> None:
        identity_tab = QWidget()
        il = QVBoxLayout(identity_tab)
        il.setContentsMargins(0, 4, 0, 0)
        il.addWidget(self.identity, 1)
        bar = QHBoxLayout()
        bar.addStretch(1)
        bar.addWidget(self.identity_save)
        il.addLayout(bar)
        self.identity_tab = identity_tab
        self.tabs.addTab(identity_tab, _("Identity") + "  (Alt+1)")
        self.tabs.addTab(self.checklist, _("Checklist") + "  (Alt+2)")
        self.tabs.addTab(self.findings, _("Findings and directions") + "  (Alt+3)")
        self.tabs.addTab(self.photos, _("Photos") + "  (Alt+4)")

        head = QHBoxLayout()
        head.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignTop)
        names = QVBoxLayout()
        names.setSpacing(0)
        names.addWidget(self.title)
        names.addWidget(self.subtitle)
        head.addLayout(names, 1)
        head.addWidget(self.score_label)
        head.addSpacing(8)
        head.addWidget(self.status_label)
        head.addSpacing(8)
        head.addWidget(self.report_button)
        head.addWidget(self.finalize_button)
        head.addWidget(self.reopen_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)

    def _connect(self) -> None:
        for panel in (self, self.checklist, self.findings, self.photos):
            panel.notice.connect(self.banner.show_message)
        self.back_button.clicked.connect(self._back)
        self.report_button.clicked.connect(self.preview_report)
        self.finalize_button.clicked.connect(lambda: self.finalize())
        self.reopen_button.clicked.connect(lambda: self.reopen())
        self.identity_save.clicked.connect(self.save_identity)
        self.identity.submitted.connect(self.save_identity)
        self.checklist.score_changed.connect(self._show_score)
        self.checklist.attach_for_item.connect(lambda item_id: self.attach_photo_to_item(item_id))
        self.photos.attachments_changed.connect(self.checklist.set_attachments)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        QShortcut(
            QKeySequence.StandardKey.Save, self.identity_tab, self.save_identity, context=context
        )
        QShortcut(QKeySequence.StandardKey.Print, self, self.preview_report, context=context)
        for i in range(4):
            QShortcut(
                QKeySequence(f"Alt+{i + 1}"), self, lambda t=i: self.show_tab(t), context=context
            )

    def page_title(self) -> str:
        return self.visit.office_name if self.visit else _("Visit")

    # --- loading -------------------------------------------------------------

    def load(self, visit_id: int, tab: int | None = None) -> None:
        self.visit_id = visit_id
        self._open_tab = tab
        self.banner.show_message("")
        db = self.ctx.db
        self.run(lambda: (visit_detail(db, visit_id), list_templates(db)), self._loaded)

    def _loaded(self, result: tuple[VisitDetail, list[TemplateInfo]]) -> None:
        detail, templates = result
        v = detail.visit
        final = v.status == VisitStatus.FINAL
        self.identity.set_templates(templates, v.template_id)
        self.identity.fill(v)
        self.checklist.set_visit(
            v.id, detail.template, detail.answers, detail.score, detail.attachments, final
        )
        leader = v.team_leader
        self.findings.set_visit(
            v.id,
            detail.template,
            detail.findings,
            detail.carried,
            final,
            leader.name if leader else "",
        )
        self.photos.set_visit(v.id, detail.template, detail.attachments, final)
        self._show_visit(v)
        self._show_score(detail.score)
        if self._open_tab is not None:
            self.show_tab(self._open_tab)
            self._open_tab = None

    def _show_visit(self, v: VisitInfo) -> None:
        self.visit = v
        final = v.status == VisitStatus.FINAL
        self.final = final
        self.title.setText(v.office_name)
        self.subtitle.setText(
            f"{date_span(v.start_date, v.end_date, self.ctx.lang)} · "
            + _("{0}, version {1}").format(v.template_title, v.template_version)
        )
        self.status_label.setText(visit_status_text(v, self.ctx.lang))
        color = "#a50e0e" if v.conflict_of else "#0d652d" if final else "#5f6368"
        self.status_label.setStyleSheet(
            f"color: white; background: {color}; border-radius: 4px; padding: 3px 8px; font-weight: bold;"
        )
        self.identity.set_read_only(final)
        self.identity_save.setEnabled(not final)
        self.checklist.set_final(final)
        self.findings.set_final(final)
        self.photos.set_final(final)
        self.finalize_button.setVisible(not final)
        self.reopen_button.setVisible(final)

    def _show_score(self, score: VisitScore) -> None:
        text = _("Score {0}").format(score_text(score.total, self.ctx.lang))
        self.score_label.setText(text)
        self.score_label.setStyleSheet(
            "font-size: 16px; font-weight: bold;" + (" color: #b3261e;" if score.failed else "")
        )

    def show_tab(self, tab: int) -> None:
        self.tabs.setCurrentIndex(tab)
        if tab == TAB_CHECKLIST:
            self.checklist.view.setFocus()

    def _back(self) -> None:
        self.checklist.flush()
        self.back_requested.emit()

    # --- identity --------------------------------------------------------------

    def save_identity(self) -> None:
        if self.visit_id is None or self.final:
            return
        local = self.identity.local_problems()
        if local:
            self._identity_refused(local)
            return
        db, visit_id, draft = self.ctx.db, self.visit_id, self.identity.draft()
        self.write(
            lambda: update_visit(db, visit_id, draft), self._identity_saved, self._identity_failed
        )

    def _identity_saved(self, v: VisitInfo) -> None:
        self.identity.show_problems({})
        self._show_visit(v)
        self.banner.show_message(_("Visit identity saved."), "ok")

    def _identity_failed(self, exc: BaseException) -> None:
        if isinstance(exc, InputRejected):
            self._identity_refused(exc.by_field(self.ctx.lang))
        else:
            self.failed(exc)

    def _identity_refused(self, problems: dict[str, str]) -> None:
        rest = self.identity.show_problems(problems)
        message = _("Not saved: correct the fields marked in red.")
        self.banner.show_message(" ".join([message, *rest]), "error")
        self.show_tab(TAB_IDENTITY)
        self.identity.focus_first_problem(problems)

    # --- photos from the checklist ---------------------------------------------

    def attach_photo_to_item(self, item_id: int, path: str | Path | None = None) -> None:
        if path is None:
            path, _filter = QFileDialog.getOpenFileName(
                self,
                _("Add photo"),
                "",
                _("Images (*.jpg *.jpeg *.png *.webp *.bmp *.gif *.tif *.tiff)"),
            )
            if not path:
                return
        self.photos.add_photo(path, item_id=item_id)

    # --- report, finalize ---------------------------------------------------------

    def preview_report(self) -> None:
        if self.visit_id is None:
            return
        self.checklist.flush()
        try:
            # Loaded on first use: ReportLab and the report code stay out of start-up.
            from app.monev.report.builder import render_visit_pdf
        except ImportError:
            self.banner.show_message(
                _("The visit report is not available in this version."), "error"
            )
            return
        db, settings, visit_id, lang = self.ctx.db, self.ctx.settings, self.visit_id, self.ctx.lang
        self.banner.show_message(_("Preparing the report…"), "info")
        self.run(lambda: render_visit_pdf(db, settings, visit_id, lang), self._report_ready)

    def _report_ready(self, pdf: bytes) -> None:
        from ui.printing import PdfPreviewDialog

        self.banner.show_message("")
        v = self.visit
        name = (
            f"laporan-monev-{v.office_code}-{v.start_date:%Y%m%d}.pdf" if v else "laporan-monev.pdf"
        )
        title = _("Visit report — {0}").format(v.office_name if v else "")
        dialog = PdfPreviewDialog(pdf, title, name, self.ctx.lang, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.preview_dialog = dialog
        dialog.destroyed.connect(self._preview_closed)
        dialog.open()

    def _preview_closed(self) -> None:
        self.preview_dialog = None

    def finalize(self, ask: bool = True) -> None:
        if self.visit_id is None or self.final:
            return
        if ask:
            answer = QMessageBox.question(
                self,
                _("Finalize visit"),
                _(
                    "Finalize this visit? Answers, identity and photos are then locked; "
                    "findings keep taking follow-up. The visit can be reopened later."
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.checklist.flush()
        db, visit_id = self.ctx.db, self.visit_id
        self.write(lambda: finalize_visit(db, visit_id), self._finalized)

    def _finalized(self, v: VisitInfo) -> None:
        self._show_visit(v)
        self.banner.show_message(_("The visit is final. Findings can still take follow-up."), "ok")

    def reopen(self, ask: bool = True) -> None:
        if self.visit_id is None or not self.final:
            return
        if ask:
            answer = QMessageBox.question(
                self,
                _("Reopen visit"),
                _("Reopen this visit for changes? It becomes a draft again."),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        db, visit_id = self.ctx.db, self.visit_id
        self.write(lambda: reopen_visit(db, visit_id), self._reopened)

    def _reopened(self, v: VisitInfo) -> None:
        self._show_visit(v)
        self.banner.show_message(_("The visit is a draft again."), "info")
