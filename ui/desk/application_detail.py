"""One application beside the list: its particulars, its stage timeline (corrections shown as such)
and the buttons of the steps open to it (F5…), a correction (F9) and the receipt (F11, F12)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.desk.application_view import ApplicationView, StepInfo
from app.desk.masking import mask_nik
from app.desk.passport import KIND_LABELS, PRODUCT_LABELS
from app.desk.stages import NOTE_REQUIRED, STAGE_LABELS, Stage
from app.i18n import _, date_time, label, long_date, ngettext, rupiah
from app.problems import InputRejected

from ui.context import DeskContext
from ui.desk.step_dialogs import NoteDialog, PaymentDialog
from ui.widgets.fields import Banner
from ui.widgets.row_table import RowTableModel

FIRST_STEP_KEY = 5  # F5, F6, … for the steps open, in the table's order
CORRECT_KEY, PREVIEW_KEY, PRINT_KEY = "F9", "F11", "F12"
_CORRECTION = QColor("#8a5300")


class StepTableModel(RowTableModel):
    """The stage history, oldest first: time, stage, officer, counter, note."""

    def __init__(self, lang: str | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.lang = lang

    def headers(self) -> list[str]:
        return [_("Time", self.lang), _("Stage", self.lang), _("Officer", self.lang),
                _("Counter", self.lang), _("Note", self.lang)]  # fmt: skip

    def cell(self, row: StepInfo, column: int, role: int) -> Any:
        correction = row.corrects_id is not None
        if role == Qt.ItemDataRole.DisplayRole:
            stage = label(STAGE_LABELS, row.stage, self.lang)
            return [
                date_time(row.at, self.lang),
                _("Correction: back to {0}", self.lang).format(stage) if correction else stage,
                row.officer or "",
                row.counter or "",
                row.note or "",
            ][column]
        if role == Qt.ItemDataRole.ForegroundRole and correction:
            return _CORRECTION
        if role == Qt.ItemDataRole.FontRole and correction:
            font = QFont()
            font.setItalic(True)
            return font
        return None


class ApplicationDetail(QWidget):
    """The application shown; its step buttons run the services through ``ctx.run_op``.

    ``stepped(view)`` follows every step or correction recorded here, with the new view.
    """

    stepped = Signal(object)

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.view: ApplicationView | None = None
        self.dialog: PaymentDialog | NoteDialog | None = None
        self.banner = Banner()
        self.title = QLabel(_("Choose an application in the list, or scan its number."))
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.steps = StepTableModel(ctx.lang, self)
        self.timeline = QTableView()
        self.timeline.setModel(self.steps)
        self.timeline.verticalHeader().hide()
        self.timeline.setWordWrap(False)
        self.timeline.setSelectionMode(QTableView.SelectionMode.NoSelection)
        self.timeline.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.timeline.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # a dozen rows
        header.setStretchLastSection(True)
        self.step_box = QGridLayout()
        self.step_buttons: list[QPushButton] = []
        self.correct_button = QPushButton(_("Correct last step  ({0})").format(CORRECT_KEY))
        self.correct_button.clicked.connect(self.correct_last_step)
        self.preview_button = QPushButton(_("Receipt  ({0})").format(PREVIEW_KEY))
        self.preview_button.clicked.connect(self.preview_receipt)
        self.print_button = QPushButton(_("Print receipt  ({0})").format(PRINT_KEY))
        self.print_button.clicked.connect(self.print_receipt)
        self._build()
        self.show_view(None)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.title)
        layout.addWidget(self.facts)
        layout.addLayout(self.step_box)
        others = QHBoxLayout()
        for button in (self.correct_button, self.preview_button, self.print_button):
            others.addWidget(button)
        others.addStretch(1)
        layout.addLayout(others)
        caption = QLabel(_("Stage history"))
        caption.setStyleSheet("font-weight: bold; margin-top: 6px;")
        layout.addWidget(caption)
        layout.addWidget(self.timeline, 1)

    # --- showing --------------------------------------------------------------

    def show_view(self, view: ApplicationView | None) -> None:
        self.view = view
        for button in self.step_buttons:
            self.step_box.removeWidget(button)
            button.deleteLater()
        self.step_buttons = []
        has = view is not None
        for button in (self.correct_button, self.preview_button, self.print_button):
            button.setEnabled(has)
        if view is None:
            self.facts.setText("")
            self.steps.set_rows([])
            return
        self.banner.show_message("")
        lang = self.ctx.lang
        self.title.setText(f"{view.number} · {view.name}")
        self.facts.setText(_facts(view, lang))
        self.steps.set_rows(view.steps)
        self.correct_button.setEnabled(view.correctable_step_id is not None)
        for i, code in enumerate(view.next_stages):
            key = f"F{FIRST_STEP_KEY + i}"
            button = QPushButton(f"{label(STAGE_LABELS, code, lang)}  ({key})")
            button.setMinimumHeight(36)
            if i == 0:
                button.setStyleSheet("font-weight: bold;")
            button.clicked.connect(lambda _checked=False, c=code: self.advance_to(c))
            self.step_box.addWidget(button, i // 2, i % 2)
            self.step_buttons.append(button)

    def next_stage(self, index: int) -> str | None:
        """The stage the *index*-th step key (F5 + index) moves to, if there is one."""
        if self.view is None or not 0 <= index < len(self.view.next_stages):
            return None
        return self.view.next_stages[index]

    # --- steps ----------------------------------------------------------------

    def advance_to(self, stage: str) -> None:
        view = self.view
        if view is None or self.dialog is not None:
            return
        if stage == Stage.PEMBAYARAN:
            dialog = PaymentDialog(view.number, view.fee_total, self)
            dialog.submitted.connect(lambda amount, code: self._advance(stage, None, amount, code))
            self._open(dialog)
        elif stage in NOTE_REQUIRED:
            words = label(STAGE_LABELS, stage, self.ctx.lang)
            dialog = NoteDialog(f"{words} — {view.number}",
                                _("Give the reason; it is kept in the stage history."),
                                _("&Reason"), self)  # fmt: skip
            dialog.submitted.connect(lambda note: self._advance(stage, note, None, None))
            self._open(dialog)
        else:
            self._advance(stage, None, None, None)

    def correct_last_step(self) -> None:
        view = self.view
        if view is None or self.dialog is not None or view.correctable_step_id is None:
            return
        dialog = NoteDialog(_("Correct last step — {0}").format(view.number),
                            _("The last step is undone by a correction in the history, "
                              "never erased. Say what was wrong."), _("&What was wrong"), self)  # fmt: skip
        dialog.submitted.connect(self._correct)
        self._open(dialog)

    def preview_receipt(self) -> None:
        if self.view is not None:
            from ui.desk.receipt_actions import preview_receipt

            preview_receipt(self.ctx, self.view.id, self)

    def print_receipt(self) -> None:
        if self.view is not None:
            from ui.desk.receipt_actions import print_receipt

            print_receipt(self.ctx, self.view.id, self)

    def _open(self, dialog: PaymentDialog | NoteDialog) -> None:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        dialog.open()  # not exec(): the worker's answer must reach the dialog

    def _dialog_closed(self, dialog: QWidget) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _advance(self, to: str, note: str | None, amount: int | None, code: str | None) -> None:
        from app.desk.application_steps import advance

        assert self.view is not None
        ctx, app_id, seen = self.ctx, self.view.id, self.view.stage
        db, settings, officer, counter = ctx.db, ctx.settings, ctx.officer, ctx.counter
        ctx.run_op(
            lambda: advance(
                db,
                settings,
                app_id,
                to,
                officer=officer,
                counter=counter,
                note=note,
                paid_amount=amount,
                billing_code=code,
                from_stage=seen,
            ),  # fmt: skip
            self._done,
            self._refused,
        )

    def _correct(self, note: str) -> None:
        from app.desk.application_steps import correct_last_step

        assert self.view is not None
        ctx, app_id, step = self.ctx, self.view.id, self.view.correctable_step_id
        db, settings, officer, counter = ctx.db, ctx.settings, ctx.officer, ctx.counter
        ctx.run_op(
            lambda: correct_last_step(
                db, settings, app_id, officer=officer, counter=counter, note=note, step_id=step
            ),  # fmt: skip
            self._done,
            self._refused,
        )

    def _done(self, view: ApplicationView) -> None:
        if self.dialog is not None:
            self.dialog.accept()
        self.show_view(view)
        stage = label(STAGE_LABELS, view.stage, self.ctx.lang)
        self.banner.show_message(f"{view.number}: {stage}", "ok")
        self.stepped.emit(view)

    def _refused(self, exc: BaseException) -> None:
        if self.dialog is not None and isinstance(exc, InputRejected):
            self.dialog.show_problems(exc, self.ctx.lang)
            return
        if self.dialog is not None:
            self.dialog.reject()
        self.banner.show_message(self.ctx.reason(exc), "error")


def _facts(view: ApplicationView, lang: str | None) -> str:
    years = ngettext("{n} year", "{n} years", view.validity_years, lang).format(
        n=view.validity_years
    )
    lines = [
        _("NIK {0}").format(mask_nik(view.nik))
        if view.nik
        else _("Passport {0}").format(view.passport_no or "-"),
        f"{label(KIND_LABELS, view.kind, lang)} · {label(PRODUCT_LABELS, view.product, lang)}"
        f" · {years}",
        _("Registered {0} · fee {1}").format(
            long_date(view.application_date, lang), rupiah(view.fee_total)
        ),  # fmt: skip
        _("Stage: {0}").format(label(STAGE_LABELS, view.stage, lang)),
    ]
    if view.booking_code:
        lines.append(_("Booking code {0}").format(view.booking_code))
    if view.paid_at is not None:
        lines.append(_("Paid {amount} (billing code {code}) at {when}").format(
            amount=rupiah(view.paid_amount or 0), code=view.billing_code,
            when=date_time(view.paid_at, lang)))  # fmt: skip
    if view.collection_date is not None:
        lines.append(_("Collection date: {0}").format(long_date(view.collection_date, lang)))
    return "\n".join(lines)
