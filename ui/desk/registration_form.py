"""The registration form: applicant fields and application fields, with reasons shown at each field."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from app.desk.documents import document_label, required_documents
from app.desk.nik import check_nik
from app.desk.passport import FORCE_MAJEURE_KINDS, KIND_LABELS, PRODUCT_LABELS, PURPOSE_LABELS
from app.desk.regions import known_regions
from app.desk.registration_data import ApplicantInfo, RegistrationForm
from app.i18n import _, label, plain_date, text
from app.problems import Problem
from app.queue.numbering import PRIORITIES

from ui.widgets.fields import DateField, FieldError, NikField, add_checked_row

DOC_CODE_ROLE = Qt.ItemDataRole.UserRole + 1


class RegistrationFormWidget(QWidget):
    """Fields of one walk-in registration; `edited` fires on any change that may alter the fee."""

    edited = Signal()

    def __init__(self, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.lang = lang
        self.errors: dict[str, FieldError] = {}
        self.nik = NikField()
        self.nik_status = QLabel()
        self.nik_status.setStyleSheet("color: #5f6368;")
        self.nik_warning = FieldError(warning=True)
        self.name = QLineEdit()
        self.name.setMaxLength(120)
        self.birth_place = QLineEdit()
        self.birth_place.setMaxLength(80)
        self.birth_date = DateField()
        self.sex = QComboBox()
        self.sex.addItem(_("— choose —"), "")
        self.sex.addItem(_("Male (L)"), "L")
        self.sex.addItem(_("Female (P)"), "P")
        self.married = QCheckBox(_("Married"))
        self.phone = QLineEdit()
        self.phone.setMaxLength(20)

        self.kind = QComboBox()
        for code in KIND_LABELS:
            self.kind.addItem(label(KIND_LABELS, code, lang), code)
        self.product = QComboBox()
        for code in PRODUCT_LABELS:
            self.product.addItem(label(PRODUCT_LABELS, code, lang), code)
        self.validity = QComboBox()
        self.validity.addItem(_("10 years"), 10)
        self.validity.addItem(_("5 years"), 5)
        self.same_day = QCheckBox(_("Same-day service (percepatan)"))
        self.force_majeure = QCheckBox(_("Force majeure (no lost/damaged charge)"))
        self.purpose = QComboBox()
        for code in PURPOSE_LABELS:
            self.purpose.addItem(label(PURPOSE_LABELS, code, lang), code)
        self.priority = QComboBox()
        self.priority.addItem(_("None"), None)
        for code in PRIORITIES:
            self.priority.addItem(label(PRIORITIES, code, lang), code)
        self.booking_code = QLineEdit()
        self.booking_code.setMaxLength(40)
        self.booking_code.setPlaceholderText(_("only for M-Paspor bookings"))

        self.documents = QStandardItemModel(self)
        self.documents_view = QListView()
        self.documents_view.setModel(self.documents)
        self.documents_view.setMinimumHeight(150)
        self.documents_view.setWordWrap(True)  # long document names wrap rather than run off
        self.documents_view.setResizeMode(QListView.ResizeMode.Adjust)

        self._layout()
        self.birth_date.textEdited.connect(self._on_basis_changed)
        self.married.toggled.connect(self._on_basis_changed)
        for combo in (self.kind, self.product, self.validity, self.purpose):
            combo.currentIndexChanged.connect(self._on_basis_changed)
        self.same_day.toggled.connect(self._on_basis_changed)
        self.force_majeure.toggled.connect(self._on_basis_changed)
        self.sex.currentIndexChanged.connect(self._on_basis_changed)
        for signal in (self.nik.textChanged, self.birth_date.textChanged,
                       self.sex.currentIndexChanged):  # fmt: skip
            signal.connect(self.show_nik_warnings)
        self._on_basis_changed()

    def _row(self, form: QFormLayout, caption: str, widget: QWidget, key: str,
             editor: QWidget | None = None) -> None:  # fmt: skip
        # Correcting a field hides its reason (add_checked_row watches the editor).
        self.errors[key] = add_checked_row(form, caption, widget, editor)

    def _layout(self) -> None:
        applicant = QGroupBox(_("Applicant"))
        f1 = QFormLayout(applicant)
        f1.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._row(f1, _("&NIK"), self.nik, "nik")
        f1.addRow("", self.nik_status)
        self._row(f1, _("Full &name"), self.name, "name")
        self._row(f1, _("Place of birth"), self.birth_place, "birth_place")
        self._row(f1, _("&Date of birth"), self.birth_date, "birth_date")
        sex_row = QHBoxLayout()
        sex_row.addWidget(self.sex)
        sex_row.addWidget(self.married)
        sex_row.addStretch()
        sex_holder = QWidget()
        sex_holder.setLayout(sex_row)
        sex_row.setContentsMargins(0, 0, 0, 0)
        self._row(f1, _("Se&x"), sex_holder, "sex", editor=self.sex)
        # The NIK holds the birth date and sex; a form that disagrees is said before saving.
        f1.addRow("", self.nik_warning)
        self._row(f1, _("&Phone"), self.phone, "phone")

        application = QGroupBox(_("Application"))
        f2 = QFormLayout(application)
        f2.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._row(f2, _("&Kind"), self.kind, "kind")
        self._row(f2, _("P&roduct"), self.product, "product")
        self._row(f2, _("&Validity"), self.validity, "validity_years")
        f2.addRow("", self.same_day)
        f2.addRow("", self.force_majeure)
        self._row(f2, _("P&urpose"), self.purpose, "purpose")
        self._row(f2, _("Pr&iority"), self.priority, "priority")
        self._row(f2, _("&Booking code"), self.booking_code, "booking_code")

        docs = QGroupBox(_("Documents checked (Space ticks)"))
        dl = QVBoxLayout(docs)
        dl.addWidget(self.documents_view)

        left = QVBoxLayout()
        left.addWidget(applicant)
        left.addStretch()
        right = QVBoxLayout()
        right.addWidget(application)
        right.addWidget(docs, 1)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addLayout(left, 1)
        row.addLayout(right, 1)
        self._set_tab_order()

    def _set_tab_order(self) -> None:
        chain = [
            self.nik, self.name, self.birth_place, self.birth_date, self.sex, self.married,
            self.phone, self.kind, self.product, self.validity, self.same_day, self.force_majeure,
            self.purpose, self.priority, self.booking_code, self.documents_view,
        ]  # fmt: skip
        for a, b in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(a, b)

    # --- state -----------------------------------------------------------

    def _on_basis_changed(self) -> None:
        birth = self.birth_date.date()
        today = date.today()
        if birth is not None and birth <= today:
            from app.desk.passport import allowed_validities

            allowed = allowed_validities(birth, today, self.married.isChecked())
            ten_ok = 10 in allowed
            item = self.validity.model().item(0)  # type: ignore[attr-defined]
            item.setEnabled(ten_ok)
            if not ten_ok and self.validity.currentData() == 10:
                self.validity.setCurrentIndex(1)
        self.force_majeure.setEnabled(self.kind.currentData() in FORCE_MAJEURE_KINDS)
        if not self.force_majeure.isEnabled():
            self.force_majeure.setChecked(False)
        self._refresh_documents(birth or date(1990, 1, 1), today)
        self.edited.emit()

    def _refresh_documents(self, birth: date, today: date) -> None:
        ticked = self.ticked_documents()
        codes = required_documents(
            self.kind.currentData(),
            birth,
            today,
            self.married.isChecked(),
            self.purpose.currentData(),
        )
        if [
            self.documents.item(i).data(DOC_CODE_ROLE) for i in range(self.documents.rowCount())
        ] == codes:
            return
        self.documents.clear()
        for code in codes:
            item = QStandardItem(document_label(code, self.lang))
            item.setData(code, DOC_CODE_ROLE)
            item.setCheckable(True)
            item.setEditable(False)
            item.setCheckState(
                Qt.CheckState.Checked if ticked.get(code) else Qt.CheckState.Unchecked
            )
            self.documents.appendRow(item)

    def ticked_documents(self) -> dict[str, bool]:
        out = {}
        for i in range(self.documents.rowCount()):
            item = self.documents.item(i)
            out[item.data(DOC_CODE_ROLE)] = item.checkState() == Qt.CheckState.Checked
        return out

    def fill_applicant(self, a: ApplicantInfo | None) -> None:
        if a is None:
            return
        self.name.setText(a.name)
        self.birth_place.setText(a.birth_place or "")
        self.birth_date.set_date(a.birth_date)
        self.sex.setCurrentIndex(max(0, self.sex.findData(a.sex)))
        self.married.setChecked(a.married)
        self.phone.setText(a.phone or "")
        for key in ("name", "birth_place", "birth_date", "sex", "phone"):
            self.errors[key].show_message("")  # filled from the record: nothing left to correct
        self._on_basis_changed()

    def show_nik_warnings(self) -> None:
        """Say, in amber and before saving, where the form disagrees with what the NIK encodes.

        Only a complete birth date is compared: "12/04/199" is still being typed.
        """
        digits = self.nik.digits()
        birth = self.birth_date.date()
        sex = self.sex.currentData() or None
        if len(digits) != 16 or (birth is None and sex is None):
            self.nik_warning.show_message("")
            return
        check = check_nik(digits, birth, sex, regions=known_regions())
        words = [self._warning_words(w) for w in check.warnings] if check.ok else []
        self.nik_warning.show_message(" ".join(words))

    def _warning_words(self, warning: Problem) -> str:
        # Dates as the clerk reads them ("12 April 1990"), not as the rule compares them.
        params = {}
        for key, value in warning.params.items():
            try:
                params[key] = plain_date(date.fromisoformat(str(value)), self.lang)
            except ValueError:
                params[key] = value
        return text(warning.key, self.lang, **params)

    def form(self) -> RegistrationForm:
        return RegistrationForm(
            nik=self.nik.text(),
            name=self.name.text(),
            birth_place=self.birth_place.text(),
            birth_date=self.birth_date.date(),
            sex=self.sex.currentData() or "",
            married=self.married.isChecked(),
            phone=self.phone.text(),
            kind=self.kind.currentData(),
            product=self.product.currentData(),
            validity_years=int(self.validity.currentData()),
            same_day=self.same_day.isChecked(),
            force_majeure=self.force_majeure.isChecked(),
            purpose=self.purpose.currentData(),
            documents=self.ticked_documents(),
            priority=self.priority.currentData(),
            booking_code=self.booking_code.text().strip() or None,
        )

    def show_errors(self, by_field: dict[str, str]) -> QWidget | None:
        """Show each reason at its field; return the first field to focus."""
        widgets = {
            "nik": self.nik, "name": self.name, "birth_place": self.birth_place,
            "birth_date": self.birth_date, "sex": self.sex, "phone": self.phone, "kind": self.kind,
            "product": self.product, "validity_years": self.validity, "purpose": self.purpose,
            "priority": self.priority, "booking_code": self.booking_code,
        }  # fmt: skip
        first = None
        for key, err in self.errors.items():
            message = by_field.get(key, "")
            if key == "birth_date" and message and not self.birth_date.is_blank():
                if self.birth_date.date() is None:  # typed, but half or not on the calendar
                    message = text("date.format", self.lang)
            err.show_message(message)
            if message and first is None:
                first = widgets.get(key)
        return first

    def clear(self) -> None:
        for w in (
            self.nik,
            self.name,
            self.birth_place,
            self.birth_date,
            self.phone,
            self.booking_code,
        ):
            w.clear()
        self.sex.setCurrentIndex(0)
        self.married.setChecked(False)
        for combo in (self.kind, self.product, self.validity, self.purpose, self.priority):
            combo.setCurrentIndex(0)
        self.same_day.setChecked(False)
        self.nik_status.setText("")
        self.nik_warning.show_message("")
        self.documents.clear()
        self.show_errors({})
        self._on_basis_changed()
        self.nik.setFocus()
