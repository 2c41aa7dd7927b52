"""Accounts in the window: the administrator's box on the Settings page (make an account,
reset a password, disable one — never delete), and the dialog in which anyone signed in
changes their own password."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.admin.roles import ROLES
from app.i18n import _, label

from ui.context import DeskContext
from ui.widgets.row_table import RowTableModel
from ui.widgets.tables import row_table_view


def _password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(200)
    return field


class PasswordDialog(QDialog):
    """A new password typed twice (and, for one's own, the current one first)."""

    def __init__(self, title: str, *, ask_current: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.current = _password_field() if ask_current else None
        self.new, self.again = _password_field(), _password_field()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #a50e0e;")
        form = QFormLayout()
        if self.current is not None:
            form.addRow(_("Current password"), self.current)
        form.addRow(_("New password (8 or more characters)"), self.new)
        form.addRow(_("New password again"), self.again)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)  # fmt: skip
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.buttons.rejected.connect(self.reject)

    def typed(self) -> str | None:
        """The new password when both are the same; else says so and gives None."""
        if self.new.text() != self.again.text():
            self.message.setText(_("The two passwords differ."))
            return None
        return self.new.text()


def change_own_password(ctx: DeskContext, parent: QWidget) -> PasswordDialog:
    """File → Change my password: the current password first, then the new one twice."""
    from app.admin import session

    me = session.current()
    assert me is not None
    dialog = PasswordDialog(_("Change my password"), ask_current=True, parent=parent)

    def ok() -> None:
        new = dialog.typed()
        if new is None or dialog.current is None:
            return
        from app.admin.users import authenticate, set_password

        db, current = ctx.db, dialog.current.text()

        def work():  # type: ignore[no-untyped-def]
            authenticate(db, me.username, current)
            return set_password(db, me.username, new)

        ctx.run_op(work, lambda _c: dialog.accept(),
                   lambda exc: dialog.message.setText(ctx.reason(exc)))  # fmt: skip

    dialog.buttons.accepted.connect(ok)
    dialog.open()
    return dialog


class UserTableModel(RowTableModel):
    def headers(self) -> list[str]:
        return [_("User name"), _("Full name"), _("Role"), _("State")]

    def cell(self, row, column: int, role: int):  # type: ignore[no-untyped-def]
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        state = _("active") if row.active else _("disabled")
        return [row.username, row.full_name, label(ROLES, row.role), state][column]


class UsersBox(QGroupBox):
    """The administrator's accounts (shown to user.manage, and in an office without accounts
    to make the first one)."""

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None):
        super().__init__(_("Accounts"), parent)
        self.ctx = ctx
        self.model = UserTableModel(self)
        self.view = row_table_view(self.model, stretch_column=1, sort_column=0)
        self.view.setMinimumHeight(150)
        self.add_button = QPushButton(_("&Add an account…"))
        self.reset_button = QPushButton(_("Reset pass&word…"))
        self.disable_button = QPushButton(_("Disa&ble"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.dialog: QDialog | None = None
        buttons = QHBoxLayout()
        for b in (self.add_button, self.reset_button, self.disable_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.add_button.clicked.connect(self.ask_add)
        self.reset_button.clicked.connect(self.ask_reset)
        self.disable_button.clicked.connect(self.disable)
        ctx.changed.connect(lambda changes: changes.users and self.refresh())

    def tab_order(self) -> list[QWidget]:
        return [self.view, self.add_button, self.reset_button, self.disable_button]

    def refresh(self) -> None:
        from app.admin import session
        from app.admin.users import list_users

        if not session.allowed("user.manage"):
            self.hide()
            return
        self.show()
        db = self.ctx.db
        self.ctx.runner.run(lambda: list_users(db), self.model.set_rows, self._failed)

    def _chosen(self):  # type: ignore[no-untyped-def]
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        return self.model.row_at(rows[0].row()) if rows else None

    def _say(self, words: str, ok: bool = True) -> None:
        self.message.setStyleSheet("color: #0d652d;" if ok else "color: #a50e0e;")
        self.message.setText(words)

    def _failed(self, exc: BaseException) -> None:
        self._say(self.ctx.reason(exc), ok=False)

    def ask_add(self) -> None:
        dialog = PasswordDialog(_("Add an account"), ask_current=False, parent=self)
        name, full, role = QLineEdit(), QLineEdit(), QComboBox()
        name.setMaxLength(40)
        for code in ROLES:
            role.addItem(label(ROLES, code), code)
        form = dialog.layout().itemAt(0).layout()
        form.insertRow(0, _("User name"), name)
        form.insertRow(1, _("Full name"), full)
        form.insertRow(2, _("Role"), role)
        dialog.fields = (name, full, role)  # type: ignore[attr-defined]

        def ok() -> None:
            password = dialog.typed()
            if password is None:
                return
            from app.admin.users import add_user

            db, args = self.ctx.db, (name.text(), full.text(), role.currentData(), password)
            self.ctx.run_op(lambda: add_user(db, *args), lambda info: (
                dialog.accept(), self._say(_("Account {0} made.").format(info.username)),
                self.refresh()), lambda exc: dialog.message.setText(self.ctx.reason(exc)))  # fmt: skip

        dialog.buttons.accepted.connect(ok)
        self.dialog = dialog
        dialog.open()

    def ask_reset(self) -> None:
        user = self._chosen()
        if user is None:
            self._say(_("Choose an account first."), ok=False)
            return
        dialog = PasswordDialog(_("New password for {0}").format(user.username),
                                ask_current=False, parent=self)  # fmt: skip

        def ok() -> None:
            password = dialog.typed()
            if password is None:
                return
            from app.admin.users import set_password

            db = self.ctx.db
            self.ctx.run_op(lambda: set_password(db, user.username, password), lambda _c: (
                dialog.accept(), self._say(_("The password of {0} is changed.").format(
                    user.username))), lambda exc: dialog.message.setText(self.ctx.reason(exc)))  # fmt: skip

        dialog.buttons.accepted.connect(ok)
        self.dialog = dialog
        dialog.open()

    def disable(self) -> None:
        user = self._chosen()
        if user is None:
            self._say(_("Choose an account first."), ok=False)
            return
        from app.admin.users import disable_user

        db = self.ctx.db
        self.ctx.run_op(lambda: disable_user(db, user.username), lambda _c: (
            self._say(_("{0} is disabled.").format(user.username)), self.refresh()), self._failed)  # fmt: skip
