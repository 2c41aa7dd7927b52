"""Queue display window for the waiting room (second monitor / TV): the numbers being called, chimed and spoken.

Privacy: it shows queue numbers and counters only, never a name or NIK.
Each new call or recall plays the chime and the spoken call (app.queue.call_sound) through
an AudioSink (ui/queue/audio.py: the system's own player, no QtMultimedia); the display
has its own language (settings.display_language: "id", "en" or "both") and its own sound
switch (settings.display_sound). Type is sized from the window height so that a 43" TV
reads from 5 m: at 1080 lines the called number is ~18% of the height, service titles 4%.
It reloads when ctx.changed says tickets changed: the change watcher (ui/queue/change_watch)
turns other workstations' calls into that signal, so the window itself polls nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QHideEvent, QKeySequence, QResizeEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.changes import Changes
from app.db.engine import Database
from app.i18n import N_, _, clock, long_date
from app.queue import tickets as queue
from app.queue.announce import call_caption, call_words
from app.queue.board import Board, waiting_by_service
from app.queue.numbering import SERVICES
from app.queue.ticket_rows import CallShown
from app.queue.tickets import recent_calls

from ui.context import DeskContext
from ui.queue.audio import AudioSink, SystemSink

log = logging.getLogger(__name__)

PREVIOUS_SHOWN = 5
# The board's words, each shown in the display's own language (or both).
NOW_CALLING = N_("Now calling")
CALLED_BEFORE = N_("Called before")
WAITING = N_("Waiting")
COUNTER = N_("Counter {0}")
MORE = N_("+{0} more")
ALIGN_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
ALIGN_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def load_board(db: Database, office_code: str, day: date) -> Board:
    calls = recent_calls(db, office_code, day)
    nexts, totals = waiting_by_service(queue.tickets_on(db, office_code, day))
    return Board(calls, nexts, totals)


class WaitingNumbers(QLabel):
    """A service's next numbers, as many as fit its width at the size it is shown; "+N" counts the rest."""

    def __init__(self) -> None:
        super().__init__()
        self.setAlignment(ALIGN_RIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.numbers: list[str] = []
        self.total = 0
        self.more: Callable[[int], str] = lambda n: f"+{n}"

    def show_queue(self, numbers: list[str], total: int, more: Callable[[int], str]) -> None:
        self.numbers, self.total, self.more = numbers, total, more
        self._fit()

    def _fit(self) -> None:
        if not self.total:
            self.setText("—")
            return
        metrics, room = self.fontMetrics(), self.contentsRect().width()
        for shown in range(len(self.numbers), -1, -1):
            text = "  ".join(self.numbers[:shown])
            if self.total > shown:
                text = (text + "  " if text else "") + self.more(self.total - shown)
            if shown == 0 or metrics.horizontalAdvance(text) <= room:
                break
        self.setText(text)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit()


class QueueDisplayWindow(QWidget):
    """A separate top-level window; F11 toggles full screen, Esc leaves it."""

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None, *,
                 sink: AudioSink | None = None):  # fmt: skip
        super().__init__(parent, Qt.WindowType.Window)
        self.ctx = ctx
        self.sink: AudioSink = sink if sink is not None else SystemSink()
        self.last_event_id: int | None = None  # None: the next board only sets the mark
        self.loading = False
        self.load_again = False
        self.chimes = 0  # calls handed to the sink
        self.day = date.today()
        self._sound_fault_told = False
        self.setWindowTitle(_("Queue display"))
        # Closing the main window must still end the program while this window is open.
        self.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        self.setObjectName("QueueDisplay")
        self.resize(1280, 720)

        self.office_label = QLabel()
        self.clock_label = QLabel()
        self.clock_label.setAlignment(ALIGN_RIGHT)
        self.calling_title = QLabel()
        self.number_label = QLabel("—")
        self.number_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.counter_label = QLabel()
        self.counter_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.announce_label = QLabel()
        self.announce_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.announce_label.setWordWrap(True)
        self.previous_title = QLabel()
        self.previous_labels = [QLabel() for _row in range(PREVIOUS_SHOWN)]
        self.waiting_title = QLabel()
        self.service_titles = {svc.prefix: QLabel() for svc in SERVICES}
        self.service_numbers = {svc.prefix: WaitingNumbers() for svc in SERVICES}
        for label in self.service_titles.values():
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)  # a bilingual title is two lines
        # Long office names and big type must not push the window wider than the screen.
        for label in (self.office_label, *self.previous_labels, *self.service_titles.values(),
                      self.announce_label):  # fmt: skip
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._build()
        self._style(self.height())

        self.tick = QTimer(self)
        self.tick.setInterval(1000)
        self.tick.timeout.connect(self._show_clock)
        ctx.changed.connect(self._on_changed)
        # Calls at other workstations arrive through the change watch while this is shown.
        ctx.watch.follow(self)
        full = QShortcut(QKeySequence(Qt.Key.Key_F11), self)
        full.activated.connect(self._toggle_full_screen)
        leave = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        leave.activated.connect(self.showNormal)
        self._show_words()
        self._show_clock()
        self.refresh()

    def _build(self) -> None:
        head = QHBoxLayout()
        head.addWidget(self.office_label, 1)
        head.addWidget(self.clock_label)

        calling = QFrame()
        calling.setObjectName("Calling")
        cl = QVBoxLayout(calling)
        cl.addWidget(self.calling_title)
        cl.addStretch(1)
        cl.addWidget(self.number_label)
        cl.addWidget(self.counter_label)
        cl.addStretch(1)
        cl.addWidget(self.announce_label)

        previous = QFrame()
        previous.setObjectName("Previous")
        pl = QVBoxLayout(previous)
        pl.addWidget(self.previous_title)
        for label in self.previous_labels:
            pl.addWidget(label)
        pl.addStretch(1)

        self.middle = QHBoxLayout()
        self.middle.addWidget(calling, 3)
        self.middle.addWidget(previous, 2)

        # One row per service across the whole width: long service names fit on one line.
        waiting = QFrame()
        waiting.setObjectName("Waiting")
        wl = QGridLayout(waiting)
        wl.addWidget(self.waiting_title, 0, 0, 1, 2)
        for row, svc in enumerate(SERVICES, start=1):
            wl.addWidget(self.service_titles[svc.prefix], row, 0)
            wl.addWidget(self.service_numbers[svc.prefix], row, 1)
        wl.setColumnStretch(0, 11)
        wl.setColumnStretch(1, 9)

        self.layout_box = QVBoxLayout(self)
        # The type follows the window, so the window may be any size (a smaller one clips).
        self.layout_box.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.layout_box.addLayout(head)
        self.layout_box.addLayout(self.middle, 1)
        self.layout_box.addWidget(waiting)

    @property
    def lang(self) -> str:
        """The display's own language: "id", "en" or "both" (settings.display_language)."""
        return self.ctx.settings.display_language

    def _words(self, msg: str, sep: str = " / ") -> str:
        """*msg* in the display's language; a bilingual display says it in both."""
        if self.lang == "both":
            return _(msg, "id") + sep + _(msg, "en")
        return _(msg, self.lang)

    def _counter(self, counter: str) -> str:
        return self._words(COUNTER, " · ").format(counter)

    def _style(self, height: int) -> None:
        # Sizes follow the window height so the same layout reads on a laptop and on a TV;
        # a bilingual board needs two lines per service, so its calling block is smaller.
        u = max(5.0, height / 100)
        both = self.lang == "both"
        number = 15.5 if both else 19.0
        title = 4.4
        gap = round(u * 1.2)
        self.layout_box.setContentsMargins(round(u * 2), gap, round(u * 2), gap)
        self.layout_box.setSpacing(gap)
        self.middle.setSpacing(gap)

        def px(size: float) -> int:
            return max(8, round(u * size))

        self.setStyleSheet(
            f"""
            #QueueDisplay {{ background: #0b1f3a; }}
            QLabel {{ color: #f1f3f4; font-size: {px(3)}px; }}
            #Calling, #Previous, #Waiting {{ background: #12305a; border-radius: {px(1.2)}px; }}
            """
        )
        self.office_label.setStyleSheet(f"font-size: {px(3.6)}px; font-weight: bold;")
        self.clock_label.setStyleSheet(f"font-size: {px(3.6)}px;")
        for heading in (self.calling_title, self.previous_title, self.waiting_title):
            heading.setStyleSheet(f"font-size: {px(3.0)}px; color: #9ec1ff;")
        self.number_label.setStyleSheet(
            f"font-size: {px(number)}px; font-weight: bold; color: #ffd54f;"
        )
        self.counter_label.setStyleSheet(f"font-size: {px(7.0 if both else 8.0)}px; font-weight: bold;")  # fmt: skip
        self.announce_label.setStyleSheet(f"font-size: {px(2.8)}px; color: #c8d3e0;")
        for label in self.previous_labels:
            label.setStyleSheet(f"font-size: {px(3.8 if both else 4.6)}px;")
        self._title_px = px(title)
        for label in self.service_titles.values():
            label.setStyleSheet(f"font-size: {self._title_px}px; color: #d7e4ff;")
        for label in self.service_numbers.values():
            label.setStyleSheet(f"font-size: {px(title + 0.3)}px; font-weight: bold;")

    def _show_words(self) -> None:
        self.calling_title.setText(self._words(NOW_CALLING))
        self.previous_title.setText(self._words(CALLED_BEFORE))
        self.waiting_title.setText(self._words(WAITING))
        for svc in SERVICES:
            if self.lang == "both":
                # The second language a shade dimmer, on its own line, the same size.
                text = f"<b>{svc.prefix}</b> · {_(svc.name, 'id')}<br><span style='color:#9ec1ff'>{_(svc.name, 'en')}</span>"  # fmt: skip
            else:
                text = f"<b>{svc.prefix}</b> · {svc.label(self.lang)}"
            self.service_titles[svc.prefix].setText(text)

    # --- data --------------------------------------------------------------

    def refresh(self) -> None:
        if self.loading:
            self.load_again = True  # a change seen while loading is read right after
            return
        self.loading = True
        db, code = self.ctx.db, self.ctx.settings.office.code
        self.ctx.runner.run(lambda: load_board(db, code, date.today()), self._loaded, self._failed)

    def _loaded(self, board: Board) -> None:
        self.loading = False
        self.office_label.setText(self.ctx.settings.office.name)
        newest = board.calls[0] if board.calls else None
        if newest is None:
            self.number_label.setText("—")
            self.counter_label.setText("")
            self.announce_label.setText("")
        else:
            self.number_label.setText(newest.number)
            self.counter_label.setText("→ " + self._counter(newest.counter))
            self.announce_label.setText("\n".join(call_caption(newest.number, newest.counter, self.lang)))  # fmt: skip
        if self.last_event_id is not None:
            # Every call since the last board, oldest first: two counters calling at once
            # are both announced, one after the other.
            for call in reversed(board.calls):
                if call.event_id > self.last_event_id:
                    self.announce(call)
        newest_id = max((c.event_id for c in board.calls), default=0)
        self.last_event_id = max(newest_id, self.last_event_id or 0)
        # "+3" needs no words on a bilingual board; one language says "+3 lagi".
        more_words = _(MORE, self.lang) if self.lang != "both" else "+{0}"

        def more(n: int) -> str:
            return more_words.format(n)

        for label, call in zip(self.previous_labels, [*board.calls[1:], *[None] * PREVIOUS_SHOWN], strict=False):  # fmt: skip
            label.setText(f"{call.number}  →  {self._counter(call.counter)}" if call else "")
        for svc in SERVICES:
            self.service_numbers[svc.prefix].show_queue(
                board.waiting.get(svc.prefix, []), board.waiting_total.get(svc.prefix, 0), more
            )
        if self.load_again:
            self.load_again = False
            self.refresh()

    def _failed(self, exc: BaseException) -> None:
        # A display on the wall has nobody to read an error; keep the last board and retry.
        self.loading = False
        log.warning("queue display: refresh failed: %s", type(exc).__name__)
        if self.load_again:
            self.load_again = False
            self.refresh()

    def announce(self, call: CallShown) -> None:
        """Chime and speak *call* (unless the display's sound is off)."""
        if not self.ctx.settings.display_sound:
            return
        from app.queue.call_sound import call_wav

        try:
            wav = call_wav(call.number, call.counter, self.lang)
        except (OSError, ValueError, EOFError) as exc:  # a damaged install: show, stay silent
            if not self._sound_fault_told:
                self._sound_fault_told = True
                log.warning("queue display: cannot make the call sound: %s", exc)
            return
        self.chimes += 1
        self.sink.play(wav, call_words(call.number, call.counter, self.lang))

    def _on_changed(self, changes: Changes) -> None:
        if changes.settings or changes.office:
            # The display language or the office name may have changed.
            self._style(self.height())
            self._show_words()
        # The board shows tickets, the office name and the counter numbers.
        if (changes.tickets or changes.settings or changes.office) and self.isVisible():
            self.refresh()

    def _show_clock(self) -> None:
        now = datetime.now()
        lang = "id" if self.lang == "both" else self.lang
        self.clock_label.setText(f"{long_date(now.date(), lang)}   {clock(now, lang)}")
        if now.date() != self.day:  # midnight: a new day's queue starts empty
            self.day = now.date()
            self.refresh()

    def _toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    # --- window life -------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.tick.start()
        self.refresh()

    def hideEvent(self, event: QHideEvent) -> None:
        # Calls made while hidden are old news when the window comes back: not announced.
        self.last_event_id = None
        super().hideEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.tick.stop()
        super().closeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._style(event.size().height())

    def text_shown(self) -> str:
        """Everything the window shows as plain text (for tests and the privacy check)."""
        return "\n".join(label.text() for label in self.findChildren(QLabel))
