"""Queue page: the counter calls the next number, serves, finishes, returns or transfers it.

The counter number and the services it calls are this workstation's settings (kept in the
settings file as soon as they change). The list reloads on ctx.changed — after this
window's verbs, and when ctx.watch sees another workstation's — but only while the page is
shown; a hidden page reloads when it is shown again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.changes import NOTHING, Changes
from app.i18n import _, label, text
from app.problems import InputRejected
from app.queue import tickets as queue
from app.queue.numbering import SERVICE_NAMES
from app.queue.tickets import TICKET_CHANGES, TicketInfo

from ui.context import DeskContext
from ui.queue.counter_choice import CounterChoice
from ui.queue.counter_panel import CounterPanel, DaySummaryLabel
from ui.queue.ticket_table import (
    COL_ISSUED,
    COL_SERVICE,
    STATUS_ROLE,
    TICKET_ROLE,
    TicketFilterProxy,
    TicketTableModel,
    size_ticket_columns,
)
from ui.widgets.fields import Banner
from ui.widgets.tables import row_table_view

log = logging.getLogger(__name__)

__all__ = ["QueuePage"]


def _as_op(info: TicketInfo | None) -> tuple[TicketInfo | None, Changes]:
    """A verb's ticket with what it changed: the counter verbs change tickets, or nothing
    when nobody was waiting (app.queue.tickets pairs its TicketInfo results so)."""
    return info, TICKET_CHANGES if info is not None else NOTHING


class QueuePage(QWidget):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.current: TicketInfo | None = None
        self.busy = False
        self._stale = False
        self._loading = False  # a reload is on the worker
        self._reload_again = False  # ...and something changed since it was asked for
        self.display_window: QWidget | None = None

        self.banner = Banner()
        self.choice = CounterChoice(ctx, self._counter_not_saved)
        self.counter_edit, self.service_checks = (
            self.choice.counter_edit,
            self.choice.service_checks,
        )
        self.display_button = QPushButton(_("Queue &display"))

        self.panel = CounterPanel()
        # The page's own names for the panel's widgets, as before the panel was split out.
        p = self.panel
        self.number_label, self.service_label = p.number_label, p.service_label
        self.state_label, self.announce_label = p.state_label, p.announce_label
        self.call_button, self.recall_button = p.call_button, p.recall_button
        self.start_button, self.finish_button = p.start_button, p.finish_button
        self.no_show_button, self.requeue_button = p.no_show_button, p.requeue_button
        self.transfer_combo, self.transfer_button = p.transfer_combo, p.transfer_button
        self.verb_buttons = p.verb_buttons

        self.summary_label = DaySummaryLabel()
        self.filter_combo = QComboBox()
        self.model = TicketTableModel(ctx.lang, self)
        self.proxy = TicketFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterRole(STATUS_ROLE)
        self.view = row_table_view(self.proxy, stretch_column=COL_SERVICE, sort_column=COL_ISSUED)

        self._build()
        self._fill_texts()
        self._connect()
        self._show_current()
        self.refresh()
        ctx.watch.follow(self)  # calls at other counters show here while the page is shown

    def page_title(self) -> str:
        return _("Queue")

    # --- layout ------------------------------------------------------------

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.choice, 0, Qt.AlignmentFlag.AlignTop)
        top.addStretch(1)
        top.addWidget(self.display_button, 0, Qt.AlignmentFlag.AlignTop)

        filter_row = QHBoxLayout()
        filter_label = QLabel(_("&Show:"))
        filter_label.setBuddy(self.filter_combo)
        filter_row.addWidget(self.summary_label, 1)
        filter_row.addWidget(filter_label)
        filter_row.addWidget(self.filter_combo)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.panel)
        layout.addLayout(filter_row)
        layout.addWidget(self.view, 1)

        order: list[QWidget] = [
            *self.choice.tab_order(),
            *self.panel.tab_order(),
            self.filter_combo,
            self.view,
            self.display_button,
        ]
        for a, b in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(a, b)

    def _fill_texts(self) -> None:
        """Labels that come from the domain in the office language (service names)."""
        lang = self.ctx.lang
        self.choice.fill_texts(lang)
        self.panel.fill_services(lang)
        filters = [
            (_("All"), ""),
            (_("Waiting"), "^waiting$"),
            (_("Called / serving"), "^(called|serving)$"),
            (_("Done"), "^done$"),
            (_("No-show"), "^no_show$"),
        ]
        index = max(0, self.filter_combo.currentIndex())
        self.filter_combo.clear()
        for caption, pattern in filters:
            self.filter_combo.addItem(caption, pattern)
        self.filter_combo.setCurrentIndex(index)
        self.model.set_lang(lang)
        size_ticket_columns(self.view, lang)

    def _connect(self) -> None:
        self.ctx.changed.connect(self._on_changed)
        self.display_button.clicked.connect(self.open_display)
        self.call_button.clicked.connect(self.call_next)
        for verb, button in self.verb_buttons.items():
            button.clicked.connect(lambda _checked=False, v=verb: self.act(v))
        self.transfer_button.clicked.connect(self.transfer)
        self.filter_combo.currentIndexChanged.connect(
            lambda _index: self.proxy.setFilterRegularExpression(
                self.filter_combo.currentData() or ""
            )
        )
        self.view.activated.connect(self._choose)
        keys: list[tuple[Qt.Key, Callable[[], None]]] = [
            (Qt.Key.Key_F2, self.call_next),
            (Qt.Key.Key_F3, lambda: self.act("recall")),
            (Qt.Key.Key_F4, lambda: self.act("start")),
            (Qt.Key.Key_F5, lambda: self.act("finish")),
            (Qt.Key.Key_F6, lambda: self.act("no_show")),
        ]
        for key, slot in keys:
            # Page-scoped: F2 on the registration page must not call a number.
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # --- loading -----------------------------------------------------------

    def refresh(self) -> None:
        self._stale = False
        if self._loading:
            # One reload at a time: a burst of changes gives one more, not one each.
            self._reload_again = True
            return
        db, code = self.ctx.db, self.ctx.settings.office.code
        self._loading = True
        self.ctx.runner.run(
            lambda: queue.tickets_on(db, code, date.today()), self._loaded, self._load_failed
        )

    def _load_ended(self) -> bool:
        """The reload is back; True when another was asked for meanwhile (and is now on its way)."""
        self._loading = False
        if self._reload_again:
            self._reload_again = False
            self.refresh()
            return True
        return False

    def _loaded(self, rows: list[TicketInfo]) -> None:
        if self._load_ended():
            return  # these rows are already older than the change that came meanwhile
        self.model.set_rows(rows)
        if self.current is not None:
            fresh = self.model.row_of(self.current.id)
            self.current = self.model.ticket_at(fresh) if fresh >= 0 else None
        if self.current is None:
            # After a restart the clerk picks up the number still open at this counter.
            mine = [
                r
                for r in rows
                if r.counter == self.ctx.counter and r.status in ("called", "serving")
            ]
            self.current = mine[0] if mine else None
        self._show_current()
        self.summary_label.show_rows(rows)

    def _on_changed(self, changes: Changes) -> None:
        if changes.settings:
            self._fill_texts()
            self.choice.show_settings()
            self._show_current()
        if not (changes.tickets or changes.settings):
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True  # reload when the clerk comes back to this page

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    # --- verbs -------------------------------------------------------------

    def call_next(self) -> None:
        if self.busy:
            return
        self.choice.commit_counter()
        prefixes = self.choice.prefixes()
        if not prefixes:
            self.banner.show_message(_("Tick at least one service this counter serves."), "warn")
            return
        db, code, counter, officer = (
            self.ctx.db,
            self.ctx.settings.office.code,
            self.ctx.counter,
            self.ctx.officer,
        )
        cap = self.ctx.settings.priority_streak_cap
        self._start_work()
        self.ctx.run_op(
            lambda: _as_op(
                queue.call_next(db, code, counter, prefixes, officer, priority_streak_cap=cap)
            ),
            self._called,
            self._failed,
        )

    def _called(self, result: tuple[TicketInfo | None, Changes]) -> None:
        info, _changes = result
        self._end_work()
        if info is None:
            self.banner.show_message(text("queue.empty", self.ctx.lang), "info")
            return
        self.current = info
        self.banner.show_message(
            _("Calling {0} to counter {1}.").format(info.number, info.counter or self.ctx.counter),
            "ok",
        )
        self._show_current()

    def act(self, verb: str) -> None:
        if self.busy:
            return
        ticket = self.current
        if ticket is None:
            self.banner.show_message(self._pick_first(), "warn")
            return
        self.choice.commit_counter()
        db, counter, officer = self.ctx.db, self.ctx.counter, self.ctx.officer
        self._start_work()
        self.ctx.run_op(
            lambda: _as_op(queue.act(db, ticket.id, verb, counter, officer)),
            lambda result: self._acted(verb, result[0]),
            self._failed,
        )

    def _acted(self, verb: str, info: TicketInfo) -> None:
        self._end_work()
        messages = {
            "recall": _("{0} called again."),
            "start": _("Serving {0}."),
            "finish": _("{0} finished."),
            "no_show": _("{0} marked as no-show."),
            "requeue": _("{0} is back in the queue."),
        }
        self.banner.show_message(messages[verb].format(info.number), "ok")
        self.current = None if info.status == "waiting" else info
        self._show_current()

    def transfer(self) -> None:
        if self.busy:
            return
        ticket = self.current
        if ticket is None:
            self.banner.show_message(self._pick_first(), "warn")
            return
        prefix = self.transfer_combo.currentData()
        db, counter, officer = self.ctx.db, self.ctx.counter, self.ctx.officer
        self._start_work()
        self.ctx.run_op(
            lambda: _as_op(queue.transfer(db, ticket.id, prefix, counter, officer)),
            lambda result: self._transferred(result[0], prefix),
            self._failed,
        )

    def _transferred(self, info: TicketInfo, prefix: str) -> None:
        self._end_work()
        service = label(SERVICE_NAMES, info.service_prefix or prefix, self.ctx.lang)
        self.banner.show_message(
            _("{0} now waits for {1}; the number stays the same.").format(
                info.number, f"{prefix} · {service}"
            ),
            "ok",
        )
        self.current = None
        self._show_current()

    def _pick_first(self) -> str:
        return _(
            "No number at this counter: call the next one (F2) or double-click a ticket in the list."
        )

    def _choose(self, index) -> None:  # type: ignore[no-untyped-def]
        ticket = self.proxy.data(index, TICKET_ROLE)
        if ticket is not None:
            self.current = ticket
            self.banner.show_message(_("Selected {0}.").format(ticket.number), "info")
            self._show_current()

    def _start_work(self) -> None:
        self.busy = True
        self._enable_buttons()

    def _end_work(self) -> None:
        self.busy = False
        self._enable_buttons()

    def _failed(self, exc: BaseException) -> None:
        """A verb was refused or failed: say why, then show the queue as it really is now."""
        self._end_work()
        self._report(exc)
        if not isinstance(exc, InputRejected):
            return
        self.refresh()  # e.g. another counter took the number first

    def _counter_not_saved(self, exc: BaseException) -> None:
        fallback = _(
            "The counter and its services could not be kept in the settings file ({0}); "
            "they apply until the program is closed."
        )
        self.banner.show_message(self.ctx.reason(exc, fallback), "error")

    def _load_failed(self, exc: BaseException) -> None:
        if not self._load_ended():
            self._report(exc)

    def _report(self, exc: BaseException) -> None:
        fallback = _(
            "The queue could not be read or updated (is the database reachable?). Nothing was changed; try again."
        )
        self.banner.show_message(self.ctx.reason(exc, fallback), "error")

    # --- showing -----------------------------------------------------------

    def _show_current(self) -> None:
        self.panel.show_ticket(self.current, self.ctx.lang, self.ctx.counter)
        self._enable_buttons()

    def _enable_buttons(self) -> None:
        self.panel.enable_buttons(self.busy, self.current.status if self.current else None)

    def open_display(self) -> None:
        # Loaded on first use: most counters never open the display.
        from ui.queue.display_window import QueueDisplayWindow

        if self.display_window is None:
            self.display_window = QueueDisplayWindow(self.ctx, self)
        self.display_window.show()
        self.display_window.raise_()
        self.display_window.activateWindow()
