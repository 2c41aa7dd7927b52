"""The sign-in panel that covers the window: at start (any account) and when the workstation
locks (the same account again, what was on screen kept behind it)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.admin import session
from app.i18n import _

from ui.context import DeskContext

SIGN_IN, LOCKED, WAITING = "sign_in", "locked", "waiting"


class LockScreen(QWidget):
    """Emits ``unlocked(Actor)`` once a password is right; the session is signed in then."""

    unlocked = Signal(object)
    quit_requested = Signal()

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.mode = WAITING
        self.setObjectName("lockScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("#lockScreen { background: #1f3a5f; }")
        card = QFrame()
        card.setObjectName("card")
        card.setStyleSheet("#card { background: white; border-radius: 10px; }")
        card.setFixedWidth(440)
        self.office = QLabel()
        self.office.setWordWrap(True)
        self.office.setStyleSheet("font-size: 13px; color: #555;")
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 20px; font-weight: 600; color: #1f3a5f;")
        self.title.setWordWrap(True)
        self.username = QLineEdit()
        self.username.setMaxLength(40)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(200)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #a50e0e;")
        self.sign_in_button = QPushButton(_("Sign in"))
        self.sign_in_button.setDefault(True)
        self.quit_button = QPushButton(_("Quit KanimDesk"))
        form = QFormLayout()
        form.addRow(_("User name"), self.username)
        form.addRow(_("Password"), self.password)
        buttons = QHBoxLayout()
        buttons.addWidget(self.quit_button)
        buttons.addStretch(1)
        buttons.addWidget(self.sign_in_button)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(28, 24, 28, 24)
        inner.setSpacing(12)
        inner.addWidget(self.office)
        inner.addWidget(self.title)
        inner.addLayout(form)
        inner.addWidget(self.message)
        inner.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.sign_in_button.clicked.connect(self.submit)
        self.password.returnPressed.connect(self.submit)
        self.username.returnPressed.connect(self.password.setFocus)
        self.quit_button.clicked.connect(self.quit_requested)
        self.show_mode(WAITING)

    def show_mode(self, mode: str, username: str = "") -> None:
        """WAITING (the database is opening), SIGN_IN (anyone) or LOCKED (*username* again)."""
        self.mode = mode
        self.office.setText(self.ctx.settings.office.name)
        self.title.setText({WAITING: _("Opening the database…"), SIGN_IN: _("Sign in to KanimDesk"),
                            LOCKED: _("This workstation is locked")}[mode])  # fmt: skip
        self.message.setText(
            _("Enter the password of {0} to go on where you were.").format(username)
            if mode == LOCKED else ""
        )  # fmt: skip
        self.message.setStyleSheet("color: #555;" if mode == LOCKED else "color: #a50e0e;")
        self.username.setText(username)
        self.username.setReadOnly(mode == LOCKED)
        self.password.clear()
        for w in (self.username, self.password, self.sign_in_button):
            w.setEnabled(mode != WAITING)
        (self.password if mode == LOCKED else self.username).setFocus()

    def submit(self) -> None:
        if self.mode == WAITING or not self.sign_in_button.isEnabled():
            return
        name, password = self.username.text().strip(), self.password.text()
        if not name or not password:
            self._refused(_("Enter your user name and password."))
            return
        from app.admin.users import authenticate

        db = self.ctx.db
        self.sign_in_button.setEnabled(False)
        self.ctx.runner.run(lambda: authenticate(db, name, password), self._signed_in,
                            lambda exc: self._refused(self.ctx.reason(exc)))  # fmt: skip

    def _signed_in(self, user) -> None:
        actor = session.Actor(user.username, user.full_name, user.role)
        session.sign_in(actor)
        self.password.clear()
        self.message.clear()
        self.sign_in_button.setEnabled(True)
        self.unlocked.emit(actor)

    def _refused(self, words: str) -> None:
        self.message.setStyleSheet("color: #a50e0e;")
        self.message.setText(words)
        self.password.clear()
        self.password.setFocus()
        self.sign_in_button.setEnabled(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignLeft)
