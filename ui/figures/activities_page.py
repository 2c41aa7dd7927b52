"""Publicity and socialisation: the office's log of activities, a year at a time, and its form."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app.changes import Changes
from app.figures.activity_model import ActivityInfo
from app.i18n import _, ngettext, number
from app.problems import InputRejected

from ui.context import DeskContext
from ui.figures.activity_form import THUMB_SIDE, ActivityForm
from ui.figures.activity_table import (
    ACTIVITY_ROLE,
    COL_DATE,
    COL_PLACE,
    COL_TITLE,
    ActivityTableModel,
    YearFilter,
)
from ui.widgets.fields import Banner
from ui.widgets.tables import row_table_view


class ActivitiesPage(QWidget):
    """`ActivitiesPage(ctx)`: the table of the office's activities, newest first, and the form."""

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self._stale = False
        self._select_id: int | None = None
        self._all: list[ActivityInfo] = []
        self.confirm_box: QMessageBox | None = None
        self.banner = Banner()
        self.year = QComboBox()
        # Wide enough for "Semua tahun" / "All years" and any year, never cut.
        self.year.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.summary = QLabel()
        self.summary.setStyleSheet("color: #5f6368;")
        self.model = ActivityTableModel(ctx.lang, self)
        self.proxy = YearFilter(self)
        self.proxy.setSourceModel(self.model)
        self.view = row_table_view(self.proxy, stretch_column=COL_TITLE, sort_column=COL_DATE)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(COL_PLACE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(COL_PLACE, 190)  # the title gets the room; a long place is elided
        self.empty_label = QLabel(_("No activities recorded yet: fill in the form to add one."))
        self.empty_label.setStyleSheet("color: #5f6368;")
        self.form = ActivityForm(ctx.lang)
        self._build()
        self._connect()
        self.refresh()

    def page_title(self) -> str:
        return _("Publicity & socialisation")

    def _build(self) -> None:
        title = QLabel(_("Publicity and socialisation activities"))
        title.setStyleSheet("font-size: 16px; font-weight: bold;")
        year_label = QLabel(_("&Year shown"))
        year_label.setBuddy(self.year)
        bar = QHBoxLayout()
        bar.addWidget(title)
        bar.addStretch(1)
        bar.addWidget(self.summary)
        bar.addSpacing(12)
        bar.addWidget(year_label)
        bar.addWidget(self.year)
        left = QVBoxLayout()
        left.addLayout(bar)
        left.addWidget(self.empty_label)
        left.addWidget(self.view, 1)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        self.form.setMaximumWidth(500)
        body.addWidget(self.form)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(body, 1)
        QWidget.setTabOrder(self.year, self.view)
        QWidget.setTabOrder(self.view, self.form.first_field())

    def _connect(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save, context=context)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.new_activity, context=context)
        QShortcut(QKeySequence("Ctrl+Delete"), self, self.ask_delete, context=context)
        # Delete in the table (not in a text field, where it deletes a character).
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.view, self.ask_delete,
                  context=Qt.ShortcutContext.WidgetShortcut)  # fmt: skip
        self.form.save_button.clicked.connect(self.save)
        self.form.clear_button.clicked.connect(self.new_activity)
        self.form.delete_button.clicked.connect(self.ask_delete)
        self.year.currentIndexChanged.connect(self._year_chosen)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.view.activated.connect(lambda _index: self.form.first_field().setFocus())
        self.ctx.changed.connect(self._on_changed)

    # --- loading ----------------------------------------------------------------------

    def refresh(self) -> None:
        self._stale = False
        db, office = self.ctx.db, self.ctx.settings.office.code

        def load() -> list[ActivityInfo]:
            from app.figures.activities import list_activities

            return list_activities(db, office)

        self.ctx.runner.run(load, self._loaded, self._failed)

    def _loaded(self, activities: list[ActivityInfo]) -> None:
        self._all = activities
        editing = self.form.activity_id
        self._fill_years(activities)
        self.model.set_rows(activities)
        self.empty_label.setVisible(not activities)
        self._show_summary()
        chosen = self._select_id if self._select_id is not None else editing
        self._select_id = None
        if chosen is not None and self.model.row_of(chosen) >= 0:
            self._select(chosen)
        elif editing is not None:
            self.form.clear()  # the activity being changed was removed elsewhere

    def _fill_years(self, activities: list[ActivityInfo]) -> None:
        shown = self.year.currentData() if self.year.count() else None  # at first: every year
        years = sorted(
            {a.activity_date.year for a in activities} | {date.today().year}, reverse=True
        )
        self.year.blockSignals(True)
        self.year.clear()
        self.year.addItem(_("All years"), None)
        for y in years:
            self.year.addItem(str(y), y)
        self.year.setCurrentIndex(max(0, self.year.findData(shown)))
        self.year.blockSignals(False)
        self.proxy.set_year(self.year.currentData())

    def _year_chosen(self, _index: int) -> None:
        self.proxy.set_year(self.year.currentData())
        self._show_summary()

    def _show_summary(self) -> None:
        shown = [self.proxy.index(r, 0).data(ACTIVITY_ROLE) for r in range(self.proxy.rowCount())]
        reached = sum(a.audience or 0 for a in shown)
        lang = self.ctx.lang
        n = len(shown)
        self.summary.setText(
            ngettext("{n} activity", "{n} activities", n, lang).format(n=n)
            + " · "
            + _("{people} people reached", lang).format(people=number(reached, lang))
        )

    def _failed(self, exc: BaseException) -> None:
        self.banner.show_message(self.ctx.reason(exc), "error")

    def _on_changed(self, changes: Changes) -> None:
        if not (changes.activities or changes.office or changes.settings):
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        from app.admin import session

        # The log is for everyone to read; only the office head and the administrator keep it.
        self.form.setVisible(session.allowed("activity.write"))
        if self._stale:
            self.refresh()

    # --- choosing a row ------------------------------------------------------------------

    def selected_activity(self) -> ActivityInfo | None:
        index = self.view.currentIndex()
        return index.data(ACTIVITY_ROLE) if index.isValid() else None

    def _select(self, activity_id: int) -> None:
        row = self.model.row_of(activity_id)
        source = self.model.index(row, 0)
        index = self.proxy.mapFromSource(source)
        if not index.isValid():  # in another year: show every year
            self.year.setCurrentIndex(0)
            index = self.proxy.mapFromSource(source)
        self.view.selectRow(index.row())
        self.view.scrollTo(index)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        info = current.data(ACTIVITY_ROLE) if current.isValid() else None
        if info is None or info.id == self.form.activity_id:
            return
        self.form.load(info)
        if info.attachment_id is not None:
            db, attachment_id, wanted = self.ctx.db, info.attachment_id, info.id

            def thumbnail() -> bytes:  # made small on the worker; the pixmap is built here
                from ui.monev.photos_tab import thumbnail_jpeg

                return thumbnail_jpeg(db, attachment_id, THUMB_SIDE * 2)[1]

            def shown(data: bytes) -> None:
                if self.form.activity_id == wanted:
                    self.form.show_stored_photo(data)

            self.ctx.runner.run(thumbnail, shown, self._failed)

    # --- writing -------------------------------------------------------------------------

    def new_activity(self) -> None:
        """Esc: an empty form for a new activity (whatever row was chosen)."""
        self.view.clearSelection()
        self.view.setCurrentIndex(QModelIndex())
        self.form.clear()
        self.banner.show_message("")
        self.form.first_field().setFocus()

    def save(self) -> None:
        if not self.form.save_button.isEnabled():
            return
        local = self.form.local_problems()
        if local:
            self._refused(local)
            return
        ctx, form = self.ctx, self.form
        db, activity_id = ctx.db, form.activity_id
        draft = form.draft(ctx.settings.office.code, ctx.officer)
        photo, remove = form.photo_path, form.photo_removed

        def work() -> ActivityInfo:
            from app.figures.activities import add_activity, update_activity

            if activity_id is None:
                return add_activity(db, draft, photo=photo)
            return update_activity(db, activity_id, draft, photo=photo, remove_photo=remove)

        form.save_button.setEnabled(False)
        ctx.run_op(work, self._saved, self._save_failed)

    def _saved(self, info: ActivityInfo) -> None:
        self.form.save_button.setEnabled(True)
        added = self.form.activity_id is None
        self.form.clear()
        self.form.first_field().setFocus()
        self._select_id = None if added else info.id
        self.banner.show_message(
            (_("Activity added: {0}.") if added else _("Activity saved: {0}.")).format(info.title),
            "ok",
        )

    def _save_failed(self, exc: BaseException) -> None:
        self.form.save_button.setEnabled(True)
        if isinstance(exc, InputRejected):
            self._refused(exc.by_field(self.ctx.lang))
            return
        self.banner.show_message(self.ctx.reason(exc, _("Not saved: {0}")), "error")

    def _refused(self, problems: dict[str, str]) -> None:
        self.form.show_problems(problems)
        self.banner.show_message(_("Not saved: correct the fields marked in red."), "error")

    def ask_delete(self) -> None:
        """Delete: remove the activity being changed, once the clerk says yes."""
        activity_id = self.form.activity_id
        if activity_id is None:
            self.banner.show_message(_("Choose an activity in the table first."), "info")
            return
        info = next((a for a in self._all if a.id == activity_id), None)
        box = QMessageBox(QMessageBox.Icon.Question, _("Delete activity"),
                          _("Delete the activity “{0}”? This cannot be undone.").format(
                              info.title if info else activity_id),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                          self)  # fmt: skip
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.finished.connect(lambda result: self._delete_answered(activity_id, result))
        self.confirm_box = box
        box.open()

    def _delete_answered(self, activity_id: int, result: int) -> None:
        self.confirm_box = None
        if result != QMessageBox.StandardButton.Yes:
            return
        db, officer = self.ctx.db, self.ctx.officer

        def work() -> Changes:
            from app.figures.activities import delete_activity

            return delete_activity(db, activity_id, actor=officer)

        self.ctx.run_op(work, lambda _changes: self._deleted(), self._failed)

    def _deleted(self) -> None:
        self.form.clear()
        self.banner.show_message(_("Activity deleted."), "ok")
        self.form.first_field().setFocus()
