"""Photos tab: attach evidence from files, thumbnails, caption and item link, remove."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.changes import Changes
from app.db.engine import Database
from app.i18n import _, ngettext
from app.monev.templates import TemplateData
from app.monev.visits import (
    AttachmentInfo,
    attach_photo,
    attachment_bytes,
    remove_photo,
    update_photo,
)

from ui.context import DeskContext
from ui.monev.visit_panel import VisitPanel

THUMB_SIDE = 220
LINK_ROLE = Qt.ItemDataRole.UserRole + 1


def thumbnail_jpeg(db: Database, attachment_id: int, side: int = THUMB_SIDE) -> tuple[int, bytes]:
    """A small JPEG of a stored photo, made on the worker thread (no Qt objects there)."""
    with Image.open(io.BytesIO(attachment_bytes(db, attachment_id))) as im:
        im.thumbnail((side, side))
        out = io.BytesIO()
        im.convert("RGB").save(out, "JPEG", quality=80)
    return attachment_id, out.getvalue()


class ThumbnailCache(QObject):
    """Thumbnails by attachment id: bytes made on the worker, QPixmap built here on the UI thread."""

    ready = Signal(int)

    def __init__(self, ctx: DeskContext, parent: QObject | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.pixmaps: dict[int, QPixmap] = {}
        self._asked: set[int] = set()

    def request(self, attachment_ids: list[int]) -> None:
        db = self.ctx.db
        for attachment_id in attachment_ids:
            if attachment_id in self.pixmaps or attachment_id in self._asked:
                continue
            self._asked.add(attachment_id)
            self.ctx.runner.run(
                lambda a=attachment_id: thumbnail_jpeg(db, a), self._made, self._missing
            )

    def icon(self, attachment_id: int) -> QIcon | None:
        pixmap = self.pixmaps.get(attachment_id)
        return QIcon(pixmap) if pixmap is not None else None

    def _made(self, result: tuple[int, bytes]) -> None:
        attachment_id, data = result
        pixmap = QPixmap()
        pixmap.loadFromData(data, "JPEG")
        self.pixmaps[attachment_id] = pixmap
        self._asked.discard(attachment_id)
        self.ready.emit(attachment_id)

    def _missing(self, _exc: BaseException) -> None:
        # A photo removed meanwhile: it simply shows without a thumbnail.
        pass


class PhotosPanel(VisitPanel):
    """Attach (Ctrl+O), caption and item link (saved with Enter), remove (Del)."""

    attachments_changed = Signal(list)  # list[AttachmentInfo], for the checklist's item photos

    def __init__(self, ctx: DeskContext, thumbs: ThumbnailCache, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.thumbs = thumbs
        self.attachments: list[AttachmentInfo] = []
        self._removing: int | None = None
        self.add_button = QPushButton(_("Add photo…") + "  (Ctrl+O)")
        self.add_button.setMinimumHeight(36)
        self.count_label = QLabel()
        self.count_label.setStyleSheet("color: #5f6368;")
        self.view = QListWidget()
        self.view.setViewMode(QListView.ViewMode.IconMode)
        self.view.setIconSize(QSize(THUMB_SIDE, THUMB_SIDE * 3 // 4))
        self.view.setGridSize(QSize(THUMB_SIDE + 24, THUMB_SIDE * 3 // 4 + 48))
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setMovement(QListView.Movement.Static)
        self.view.setWordWrap(True)
        self.view.setUniformItemSizes(True)  # a long caption must not push the grid apart
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.caption = QLineEdit()
        self.caption.setMaxLength(300)
        self.caption.setPlaceholderText(_("What the photo shows"))
        self.item_combo = QComboBox()
        # Item texts are long: the combo shows what fits, the open list shows them whole.
        self.item_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.item_combo.setMinimumContentsLength(18)
        self.size_label = QLabel()
        self.size_label.setStyleSheet("color: #5f6368; font-size: 11px;")
        self.size_label.setWordWrap(True)
        self.save_button = QPushButton(_("Save caption"))
        self.remove_button = QPushButton(_("Remove photo"))
        self._build()
        self.add_button.clicked.connect(self.choose_photos)
        self.save_button.clicked.connect(self.save_caption)
        self.caption.returnPressed.connect(self.save_caption)
        self.remove_button.clicked.connect(lambda: self.remove_selected())
        self.view.currentItemChanged.connect(lambda *_args: self._show_selected())
        self.thumbs.ready.connect(self._thumb_ready)
        QShortcut(
            QKeySequence("Ctrl+O"),
            self,
            self.choose_photos,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        QShortcut(QKeySequence.StandardKey.Delete, self.view, lambda: self.remove_selected(),
                  context=Qt.ShortcutContext.WidgetShortcut)  # fmt: skip
        self._show_selected()

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.add_button)
        hint = QLabel(_("JPEG or PNG, up to 15 MB; stored once, resized to at most 1600 px."))
        hint.setStyleSheet("color: #5f6368; font-size: 11px;")
        top.addWidget(hint, 1)
        top.addWidget(self.count_label)
        details = QGroupBox(_("Selected photo"))
        form = QFormLayout(details)
        form.addRow(_("&Caption:"), self.caption)
        form.addRow(_("Checklist &item:"), self.item_combo)
        form.addRow("", self.size_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        form.addRow(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(details)

    # --- feeding -------------------------------------------------------------

    def set_visit(
        self, visit_id: int, template: TemplateData, attachments: list[AttachmentInfo], final: bool
    ) -> None:
        self.visit_id = visit_id
        self.item_combo.clear()
        self.item_combo.addItem(_("General (no item)"), None)
        for _section, item in template.items():
            short = item.text if len(item.text) <= 60 else item.text[:59] + "…"
            self.item_combo.addItem(f"{item.code} · {short}", item.id)
        self.set_final(final)
        self._set_attachments(attachments)

    def set_final(self, final: bool) -> None:
        self.final = final
        self.add_button.setEnabled(not final)
        self._show_selected()

    def _set_attachments(
        self, attachments: list[AttachmentInfo], select_link: int | None = None
    ) -> None:
        keep = select_link if select_link is not None else self.selected_link()
        self.attachments = list(attachments)
        self.view.clear()
        for info in self.attachments:
            entry = QListWidgetItem(info.caption or _("(no caption)"))
            entry.setData(LINK_ROLE, info.id)
            entry.setSizeHint(QSize(THUMB_SIDE + 16, THUMB_SIDE * 3 // 4 + 44))
            entry.setToolTip(info.caption)
            icon = self.thumbs.icon(info.attachment_id)
            if icon is not None:
                entry.setIcon(icon)
            self.view.addItem(entry)
            if info.id == keep:
                self.view.setCurrentItem(entry)
        self.thumbs.request([a.attachment_id for a in self.attachments])
        count = len(self.attachments)
        self.count_label.setText(ngettext("{n} photo", "{n} photos", count).format(n=count))
        self._show_selected()
        self.attachments_changed.emit(list(self.attachments))

    def _thumb_ready(self, attachment_id: int) -> None:
        icon = self.thumbs.icon(attachment_id)
        for row, info in enumerate(self.attachments):
            if info.attachment_id == attachment_id and icon is not None and self.view.item(row):
                self.view.item(row).setIcon(icon)

    def selected_link(self) -> int | None:
        entry = self.view.currentItem()
        return entry.data(LINK_ROLE) if entry is not None else None

    def _selected(self) -> AttachmentInfo | None:
        link = self.selected_link()
        return next((a for a in self.attachments if a.id == link), None)

    def _show_selected(self) -> None:
        info = self._selected()
        editable = info is not None and not self.final
        for widget in (self.caption, self.item_combo, self.save_button, self.remove_button):
            widget.setEnabled(editable)
        self.caption.setText(info.caption if info else "")
        self.item_combo.setCurrentIndex(
            max(0, self.item_combo.findData(info.item_id)) if info else 0
        )
        if info:
            self.size_label.setText(
                _("{0} × {1} px, {2} KB").format(
                    info.width, info.height, max(1, round(info.size / 1024))
                )
            )
        else:
            self.size_label.setText("")

    # --- actions -------------------------------------------------------------

    def choose_photos(self) -> None:
        if self.final or self.visit_id is None:
            return
        paths, _filter = QFileDialog.getOpenFileNames(
            self,
            _("Add photos"),
            "",
            _("Images (*.jpg *.jpeg *.png *.webp *.bmp *.gif *.tif *.tiff)"),
        )
        for path in paths:
            self.add_photo(path)

    def add_photo(self, path: str | Path, caption: str = "", item_id: int | None = None) -> None:
        """Attach the photo file at *path* (the file dialog is only a way to choose it)."""
        if self.visit_id is None:
            return
        db, visit_id = self.ctx.db, self.visit_id
        self.write(lambda: attach_photo(db, visit_id, Path(path), caption, item_id), self._attached)

    def _attached(self, info: AttachmentInfo) -> None:
        if info.already_attached:
            self.notice.emit(_("This photo is already attached to the visit."), "info")
        else:
            self.notice.emit(_("Photo attached."), "ok")
            self._set_attachments([*self.attachments, info], select_link=info.id)

    def save_caption(self) -> None:
        info = self._selected()
        if info is None or self.final:
            return
        db, caption, item_id = self.ctx.db, self.caption.text(), self.item_combo.currentData()
        self.write(lambda: update_photo(db, info.id, caption, item_id), self._updated)

    def _updated(self, info: AttachmentInfo) -> None:
        self._set_attachments(
            [info if a.id == info.id else a for a in self.attachments], select_link=info.id
        )
        self.notice.emit(_("Caption saved."), "ok")

    def remove_selected(self, ask: bool = True) -> None:
        info = self._selected()
        if info is None or self.final:
            return
        if ask:
            answer = QMessageBox.question(
                self, _("Remove photo"), _("Remove the selected photo from this visit?")
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        db, self._removing = self.ctx.db, info.id
        self.write(lambda: remove_photo(db, info.id), self._removed)

    def _removed(self, _changes: Changes) -> None:
        self._set_attachments([a for a in self.attachments if a.id != self._removing])
        self.notice.emit(_("Photo removed."), "ok")
