"""The Settings page's database box: the database in use, the address for the next start
(an office's PostgreSQL server), and Test connection, which tries an address on the worker
and says in words whether it works."""

from __future__ import annotations

import dataclasses

from sqlalchemy.engine import make_url

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from app.config import Settings
from app.i18n import _

from ui.context import DeskContext
from ui.settings.queue_settings import note
from ui.widgets.fields import FieldError, checked_field

_OK_STYLE = "color: #0d652d;"
_BAD_STYLE = "color: #a50e0e;"


def shown_url(url: str) -> str:
    """An address without its password (an odd one is shown as it is rather than not at all)."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return str(url)


class DatabaseBox(QGroupBox):
    edited = Signal()

    def __init__(
        self, ctx: DeskContext, errors: dict[str, FieldError], parent: QWidget | None = None
    ):
        super().__init__(_("Database"), parent)
        self.ctx = ctx
        self.in_use = QLineEdit()
        self.in_use.setReadOnly(True)
        self.address = QLineEdit()
        self.address.setPlaceholderText("postgresql+psycopg://kanimdesk:…@192.168.1.10/kanimdesk")
        self.test_button = QPushButton(_("T&est connection"))
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.testing = False

        form = QFormLayout(self)
        form.addRow(_("In use:"), self.in_use)
        # One widget for the row, so that the label's mnemonic finds the address field.
        address_row = QWidget()
        row = QHBoxLayout(address_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(checked_field(self.address, errors, "db_url"), 1)
        row.addWidget(self.test_button, 0, Qt.AlignmentFlag.AlignTop)
        address_row.setFocusProxy(self.address)
        form.addRow(_("Address (&from the next start):"), address_row)
        form.addRow("", self.result)
        form.addRow("", note(_(
            "Empty: the database file on this PC. For several counters, the office's PostgreSQL "
            "server (see the README). The address takes effect when the program is opened "
            "again; --db URL or the KANIMDESK_DB variable win over it for one start."
        )))  # fmt: skip
        self.address.textChanged.connect(self.edited)
        self.address.textChanged.connect(lambda _text: self._say("", ok=True))
        self.test_button.clicked.connect(self.test)

    def tab_order(self) -> list[QWidget]:
        return [self.in_use, self.address, self.test_button]

    def fill(self, s: Settings) -> None:
        self.in_use.setText(shown_url(self.ctx.db.url))
        self.address.setText(s.db_url)
        self.address.setCursorPosition(0)

    def over(self, s: Settings) -> Settings:
        return dataclasses.replace(s, db_url=self.address.text().strip())

    def test(self) -> None:
        """Try the typed address (or, when empty, the one in use) on the worker; say how it went."""
        if self.testing:
            return
        url = self.address.text().strip() or str(self.ctx.db.url)
        lang = self.ctx.lang
        self.testing = True
        self.test_button.setEnabled(False)
        self._say(_("Connecting to {0}…").format(shown_url(url)), ok=True)

        def work():  # type: ignore[no-untyped-def]
            from app.db.connection_check import try_database

            return try_database(url, lang)

        self.ctx.runner.run(work, self._tested, self._test_failed)

    def _tested(self, check) -> None:  # type: ignore[no-untyped-def]  # ConnectionCheck
        self._end_test()
        self._say(("✓ " if check.ok else "✗ ") + check.message, check.ok)

    def _test_failed(self, exc: BaseException) -> None:
        self._end_test()
        self._say("✗ " + self.ctx.reason(exc), ok=False)

    def _end_test(self) -> None:
        self.testing = False
        self.test_button.setEnabled(True)

    def _say(self, words: str, ok: bool) -> None:
        self.result.setText(words)
        self.result.setStyleSheet(_OK_STYLE if ok else _BAD_STYLE)
        self.result.setVisible(bool(words))
