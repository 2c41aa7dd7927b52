"""The form that adds or changes one publicity or socialisation activity, with its photo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QImageReader, QPixmap, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.figures.activity_model import ACTIVITY_KINDS, ActivityInfo
from app.figures.activity_rules import ACTIVITY_TEXT_LIMITS, ActivityDraft
from app.i18n import _, label, number, text

from ui.widgets.fields import DateField, FieldError

THUMB_SIDE = 150
IMAGE_FILTER = "*.jpg *.jpeg *.png *.webp *.bmp *.gif *.tif *.tiff"


def _checked_row(
    form: QFormLayout, caption: str, widget: QWidget, editor: QWidget | None = None
) -> FieldError:
    """A form row with its reason on a row of its own under the field, as wide as the field
    column: under a narrow field (a date) a reason nested beside it was cut off."""
    editor = editor or widget
    label = QLabel(caption)
    label.setBuddy(editor)
    form.addRow(label, widget)
    error = FieldError()
    error.clear_when_edited(editor)
    form.setWidget(form.rowCount(), QFormLayout.ItemRole.FieldRole, error)  # a new row
    return error


class ActivityForm(QGroupBox):
    """Date, kind, title, place, audience, note and a photo; the page saves what it says.

    ``photo_path`` is a file chosen for saving, ``photo_removed`` asks to take the stored
    photo off; ``activity_id`` is the activity being changed (None: a new one).
    """

    def __init__(self, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.lang = lang
        self.activity_id: int | None = None
        self.photo_path: Path | None = None
        self.photo_removed = False
        self._has_stored_photo = False
        self.errors: dict[str, FieldError] = {}
        self.activity_date = DateField()
        self.activity_date.setToolTip(_("DD/MM/YYYY"))
        self.kind = QComboBox()
        self.kind.addItem(_("— choose —"), "")
        for code in ACTIVITY_KINDS:
            self.kind.addItem(label(ACTIVITY_KINDS, code, lang), code)
        self.title_edit = QLineEdit()
        self.title_edit.setMaxLength(
            ACTIVITY_TEXT_LIMITS["title"][0] + 1
        )  # one more: refused with a reason
        self.title_edit.setPlaceholderText(_("e.g. Talk show on e-Passport services"))
        self.place = QLineEdit()
        self.place.setMaxLength(ACTIVITY_TEXT_LIMITS["place"][0] + 1)
        self.place.setPlaceholderText(_("e.g. RRI Palembang, Instagram, SMA Negeri 1"))
        self.audience = QLineEdit()
        self.audience.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"[0-9.]{0,13}"), self)
        )
        self.audience.setPlaceholderText(_("people reached, if known"))
        self.audience.setMaximumWidth(180)
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(64)
        self.photo_button = QPushButton(_("Choose &photo…"))
        self.remove_photo_button = QPushButton(_("Remove photo"))
        self.thumbnail = QLabel()
        self.thumbnail.setFixedSize(THUMB_SIDE, THUMB_SIDE * 3 // 4)
        self.thumbnail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thumbnail.setStyleSheet(
            "border: 1px solid #dadce0; border-radius: 4px; color: #5f6368;"
        )
        self.photo_name = QLabel()
        self.photo_name.setStyleSheet("color: #5f6368;")
        self.photo_name.setWordWrap(True)
        self.save_button = QPushButton()
        self.save_button.setMinimumHeight(38)
        self.save_button.setStyleSheet("font-weight: bold;")
        self.clear_button = QPushButton(_("New  (Esc)"))
        self.delete_button = QPushButton(_("Delete…  (Ctrl+Del)"))
        self._build()
        self.photo_button.clicked.connect(self.choose_photo)
        self.remove_photo_button.clicked.connect(self.remove_photo)
        self.clear()

    def _build(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        rows = [(_("&Date"), self.activity_date, "activity_date"), (_("Kind of &activity"), self.kind, "kind"),
                (_("&Title"), self.title_edit, "title"),
                (_("Place or &channel"), self.place, "place"),
                (_("&Audience"), self.audience, "audience"), (_("&Note"), self.note, "note")]  # fmt: skip
        for caption, widget, key in rows:
            self.errors[key] = _checked_row(form, caption, widget)
        photo_buttons = QVBoxLayout()
        photo_buttons.addWidget(self.photo_button)
        photo_buttons.addWidget(self.remove_photo_button)
        photo_buttons.addWidget(self.photo_name)
        photo_buttons.addStretch(1)
        photo_row = QHBoxLayout()
        photo_row.addWidget(self.thumbnail)
        photo_row.addLayout(photo_buttons, 1)
        holder = QWidget()
        holder.setLayout(photo_row)
        holder.layout().setContentsMargins(0, 0, 0, 0)
        self.errors["photo"] = _checked_row(form, _("Photo"), holder, self.photo_button)
        self.errors["office_code"] = FieldError()  # the office in settings is not in the database
        buttons = QHBoxLayout()
        buttons.addWidget(self.clear_button, 1)
        buttons.addWidget(self.delete_button, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors["office_code"])
        layout.addWidget(self.save_button)
        layout.addLayout(buttons)
        layout.addStretch(1)
        chain = [self.activity_date, self.kind, self.title_edit, self.place, self.audience,
                 self.note, self.photo_button, self.remove_photo_button, self.save_button,
                 self.clear_button, self.delete_button]  # fmt: skip
        for a, b in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(a, b)

    # --- what it says -----------------------------------------------------------------

    def draft(self, office_code: str, officer: str | None) -> ActivityDraft:
        return ActivityDraft(office_code=office_code, activity_date=self.activity_date.date(),
                             kind=self.kind.currentData() or "", title=self.title_edit.text(),
                             place=self.place.text(), audience=self.audience.text(),
                             note=self.note.toPlainText(), officer=officer)  # fmt: skip

    def local_problems(self) -> dict[str, str]:
        """What the form itself can tell before asking the service: a half-typed date."""
        if not self.activity_date.is_blank() and self.activity_date.date() is None:
            return {"activity_date": text("date.format", self.lang)}
        return {}

    def show_problems(self, problems: dict[str, str]) -> None:
        for key, error in self.errors.items():
            error.show_message(problems.get(key, ""))
        first = {"activity_date": self.activity_date, "kind": self.kind, "title": self.title_edit,
                 "place": self.place, "audience": self.audience, "note": self.note,
                 "photo": self.photo_button}  # fmt: skip
        for key, widget in first.items():
            if key in problems:
                widget.setFocus()
                break

    # --- filling it ---------------------------------------------------------------------

    def clear(self) -> None:
        """Empty, for a new activity."""
        self.activity_id = None
        for edit in (self.activity_date, self.title_edit, self.place, self.audience):
            edit.clear()
        self.note.clear()
        self.kind.setCurrentIndex(0)
        self.photo_removed = False
        self._set_photo(None, None, stored=False)
        self.show_problems({})
        self.setTitle(_("New activity"))
        self.save_button.setText(_("Add  (Ctrl+Enter)"))
        self.delete_button.setEnabled(False)

    def load(self, info: ActivityInfo) -> None:
        """Show *info* for changing (its photo arrives with ``show_stored_photo``)."""
        self.clear()
        self.activity_id = info.id
        self.activity_date.set_date(info.activity_date)
        self.kind.setCurrentIndex(max(0, self.kind.findData(info.kind)))
        self.title_edit.setText(info.title)
        self.place.setText(info.place or "")
        self.audience.setText("" if info.audience is None else number(info.audience, self.lang))
        self.note.setPlainText(info.note or "")
        self.setTitle(_("Change activity"))
        self.save_button.setText(_("Save  (Ctrl+Enter)"))
        self.delete_button.setEnabled(True)
        if info.attachment_id is not None:
            self.thumbnail.setText(_("Loading…"))
            self._has_stored_photo = True
            self.remove_photo_button.setEnabled(True)

    def show_stored_photo(self, data: bytes | None) -> None:
        pixmap = QPixmap()
        if data:
            pixmap.loadFromData(data, "JPEG")
        self._set_photo(pixmap if not pixmap.isNull() else None, None, stored=bool(data))

    def choose_photo(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Choose photo"), "", _("Images ({0})").format(IMAGE_FILTER)
        )
        if path:
            self.set_photo_file(Path(path))

    def set_photo_file(self, path: Path) -> None:
        """A photo file to store with the next save (the file dialog is one way to give it)."""
        # Decoded at thumbnail size (a 12-megapixel JPEG is not read whole), upright by EXIF.
        reader = QImageReader(str(path))
        reader.setAutoTransform(True)
        size = reader.size()
        if size.isValid():
            reader.setScaledSize(
                size.scaled(self.thumbnail.size() * 2, Qt.AspectRatioMode.KeepAspectRatio)
            )
        pixmap = QPixmap.fromImage(reader.read())
        self.errors["photo"].show_message("")
        self._set_photo(pixmap if not pixmap.isNull() else None, path, stored=False)

    def remove_photo(self) -> None:
        self.photo_removed = self._has_stored_photo
        self._set_photo(None, None, stored=False)
        self.errors["photo"].show_message("")

    def _set_photo(self, pixmap: QPixmap | None, path: Path | None, stored: bool) -> None:
        self.photo_path = path
        if path is not None or stored:
            self.photo_removed = False
        self._has_stored_photo = stored
        if pixmap is not None:
            self.thumbnail.setPixmap(pixmap.scaled(self.thumbnail.size(),
                                                   Qt.AspectRatioMode.KeepAspectRatio,
                                                   Qt.TransformationMode.SmoothTransformation))  # fmt: skip
        else:
            self.thumbnail.setPixmap(QPixmap())
            self.thumbnail.setText(_("No photo") if path is None else _("Preview unavailable"))
        self.photo_name.setText(path.name if path is not None else "")
        self.remove_photo_button.setEnabled(path is not None or stored)

    def first_field(self) -> QWidget:
        return self.activity_date

    def is_new(self) -> bool:
        return self.activity_id is None
