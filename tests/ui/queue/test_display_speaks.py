"""The waiting-room display chimes and speaks each call, in its own language, and stays readable on a TV."""

import logging
import sys
import wave
from datetime import date

import pytest

from app.changes import Changes
from app.desk.registration import RegistrationForm, register
from app.queue import tickets as queue
from app.queue.announce import call_words
from app.queue.call_sound import call_wav, wav_seconds

from tests.pii import assert_no_personal_data
from ui.context import DeskContext
from ui.queue.audio import RecordingSink, SystemSink
from ui.queue.display_window import QueueDisplayWindow

CODE = "MUARAENIM"


@pytest.fixture
def sink():
    return RecordingSink()


@pytest.fixture
def open_display(ctx, sink, show_page):
    def make(width=1920, height=1080):
        return show_page(QueueDisplayWindow(ctx, sink=sink), width, height)

    return make


def _call(ctx, counter, service="A"):
    """Call the next ticket as a counter would (on any workstation) and tell the display,
    as the change watcher does when the call comes from another PC."""
    ticket = queue.call_next(ctx.db, CODE, counter, [service], officer="test")
    ctx.changed.emit(Changes(tickets=True))
    return ticket


def test_a_call_is_shown_and_spoken_once_with_chime_and_no_personal_data(ctx, sqlite_db, settings, sink, open_display):  # fmt: skip
    form = RegistrationForm(nik="1603015507900001", name="Siti Aminah", birth_date=date(1990, 7, 15),
                            sex="P", kind="baru", product="epaspor", validity_years=10)  # fmt: skip
    register(sqlite_db, settings, form)
    queue.issue_ticket(sqlite_db, CODE, "A")
    display = open_display()
    assert display.number_label.text() == "—" and sink.played == []  # opening is silent

    ticket = _call(ctx, "2")
    assert display.number_label.text() == "A-001"
    assert display.counter_label.text() == "→ Loket 2"
    assert display.announce_label.text() == "Nomor antrean A satu, silakan ke loket 2."
    assert "A-002" in display.service_numbers["A"].text()
    assert sink.labels == ["Nomor antrean A satu, silakan ke loket dua"]
    wav, _label = sink.played[0]
    assert wav == call_wav("A-001", "2", "id")
    assert wav[:4] == b"RIFF" and 4 < wav_seconds(wav) < 10

    ctx.changed.emit(Changes(tickets=True))  # nothing new: nothing said again
    assert len(sink.played) == 1
    queue.act(sqlite_db, ticket.id, "recall", "2")  # a recall is announced again
    ctx.changed.emit(Changes(tickets=True))
    assert sink.labels == ["Nomor antrean A satu, silakan ke loket dua"] * 2
    queue.act(sqlite_db, ticket.id, "start", "2")  # serving is no call
    ctx.changed.emit(Changes(tickets=True))
    assert len(sink.played) == 2
    assert_no_personal_data(display.text_shown() + " ".join(sink.labels), names=["Siti Aminah"])


def test_two_calls_between_two_looks_are_both_spoken_oldest_first(ctx, sqlite_db, sink, open_display):  # fmt: skip
    for _n in range(3):
        queue.issue_ticket(sqlite_db, CODE, "A")
    queue.issue_ticket(sqlite_db, CODE, "C")
    display = open_display()
    queue.call_next(sqlite_db, CODE, "1", ["A"])
    queue.call_next(sqlite_db, CODE, "3", ["C"])
    ctx.changed.emit(Changes(tickets=True))
    assert sink.labels == [
        "Nomor antrean A satu, silakan ke loket satu",
        "Nomor antrean C satu, silakan ke loket tiga",
    ]
    assert display.number_label.text() == "C-001"
    assert "A-001" in display.previous_labels[0].text()


def test_sound_off_plays_nothing_but_still_shows_the_call(ctx, sqlite_db, settings, sink, open_display):  # fmt: skip
    queue.issue_ticket(sqlite_db, CODE, "A")
    queue.issue_ticket(sqlite_db, CODE, "A")
    settings.display_sound = False
    display = open_display()
    _call(ctx, "2")
    assert display.number_label.text() == "A-001"
    assert sink.played == [] and display.chimes == 0
    settings.display_sound = True  # the switch takes effect at the next call
    _call(ctx, "2")
    assert sink.labels == ["Nomor antrean A dua, silakan ke loket dua"]


def test_a_bilingual_display_shows_and_says_both_languages(ctx, sqlite_db, settings, sink, open_display):  # fmt: skip
    settings.display_language = "both"
    queue.issue_ticket(sqlite_db, CODE, "A")
    queue.issue_ticket(sqlite_db, CODE, "B")
    display = open_display()
    _call(ctx, "2")
    assert display.calling_title.text() == "Nomor dipanggil / Now calling"
    assert display.counter_label.text() == "→ Loket 2 · Counter 2"
    assert display.announce_label.text().splitlines() == [
        "Nomor antrean A satu, silakan ke loket 2.",
        "Number A one, please go to counter 2.",
    ]
    title = display.service_titles["B"].text()
    assert "Paspor hilang / rusak (wawancara)" in title and "Lost / damaged passport (interview)" in title  # fmt: skip
    assert sink.labels == [call_words("A-001", "2", "both")]
    assert sink.labels[0].endswith("Number A one, please go to counter two")
    assert sink.played[0][0] == call_wav("A-001", "2", "both")


def test_an_english_display_follows_its_own_setting_not_the_window(ctx, sqlite_db, settings, sink, open_display):  # fmt: skip
    settings.display_language = "en"
    queue.issue_ticket(sqlite_db, CODE, "D")
    display = open_display()
    _call(ctx, "4", "D")
    assert display.counter_label.text() == "→ Counter 4"
    assert display.waiting_title.text() == "Waiting"
    assert sink.labels == ["Number D one, please go to counter four"]
    # Switched in Settings: the next board is Indonesian again.
    settings.display_language = "id"
    ctx.changed.emit(Changes(settings=True))
    assert display.waiting_title.text() == "Menunggu"
    assert display.counter_label.text() == "→ Loket 4"


@pytest.mark.parametrize("lang", ["id", "en", "both"])
@pytest.mark.parametrize(("width", "height"), [(1920, 1080), (1366, 768)])
def test_type_is_sized_from_the_height_for_a_tv_across_the_room(ctx, sqlite_db, settings, open_display, lang, width, height):  # fmt: skip
    settings.display_language = lang
    for i in range(40):
        queue.issue_ticket(sqlite_db, CODE, "ABCD"[i % 4])
    display = open_display(width, height)
    for counter, service in (("1", "A"), ("2", "B"), ("3", "C"), ("4", "D"), ("2", "A")):
        _call(ctx, counter, service)
    assert display.size().toTuple() == (width, height)
    assert display.number_label.fontInfo().pixelSize() >= 0.15 * height
    for svc, title in display.service_titles.items():
        assert title.fontInfo().pixelSize() >= 0.04 * height, svc
        numbers = display.service_numbers[svc]
        # The next numbers fit their place (the rest are counted, "+7"), the first is shown.
        shown = numbers.text()
        assert numbers.fontMetrics().horizontalAdvance(shown) <= numbers.contentsRect().width()
        assert shown.startswith(f"{svc}-00")
    # Nothing is pushed off the window.
    for label in (display.number_label, display.counter_label, *display.service_numbers.values()):
        assert display.rect().contains(label.mapTo(display, label.rect().bottomRight()))


def test_calls_made_while_the_window_was_hidden_are_not_announced_late(ctx, sqlite_db, sink, open_display):  # fmt: skip
    queue.issue_ticket(sqlite_db, CODE, "A")
    queue.issue_ticket(sqlite_db, CODE, "A")
    display = open_display()
    display.hide()
    _call(ctx, "2")
    display.show()
    assert display.number_label.text() == "A-001" and sink.played == []
    _call(ctx, "2")
    assert sink.labels == ["Nomor antrean A dua, silakan ke loket dua"]


def test_a_call_at_another_workstation_is_spoken_within_a_second(qtbot, tmp_path, settings, ctx, sink, open_display):  # fmt: skip
    """Two workstations on one database file: the display's PC hears the other PC's call
    through its change watch, with no reload of its own."""
    from app.db.engine import Database

    other_db = Database(ctx.db.url)
    other = DeskContext(other_db, settings, runner=ctx.runner)
    queue.issue_ticket(ctx.db, CODE, "A")
    display = open_display()
    qtbot.waitUntil(lambda: ctx.watch.polls > 0, timeout=3000)  # the watch has its baseline
    other.run_op(lambda: queue.call_next(other_db, CODE, "5", ["A"]))
    qtbot.waitUntil(lambda: sink.labels == ["Nomor antrean A satu, silakan ke loket lima"], timeout=1000)  # fmt: skip
    assert display.number_label.text() == "A-001"
    other.close()
    other_db.dispose()


class HeldRunner:
    """Runs a task only when the test says so: a slow database, seen from the window."""

    def __init__(self):
        self.held = []

    def run(self, fn, on_done, on_error=None):
        self.held.append((fn, on_done))

    def finish_one(self):
        fn, on_done = self.held.pop(0)
        on_done(fn())


def test_a_change_seen_while_the_board_loads_is_not_lost(qtbot, sqlite_db, settings, sink):
    runner = HeldRunner()
    ctx = DeskContext(sqlite_db, settings, runner=runner)
    queue.issue_ticket(sqlite_db, CODE, "A")
    display = QueueDisplayWindow(ctx, sink=sink)
    qtbot.addWidget(display)
    display.show()
    while runner.held:  # the first boards (made and shown) set the mark
        runner.finish_one()
    display.refresh()
    queue.call_next(sqlite_db, CODE, "2", ["A"])
    ctx.changed.emit(Changes(tickets=True))  # arrives while that board is loading
    assert len(runner.held) == 1
    runner.finish_one()
    runner.finish_one()  # the second look, asked for by the change
    assert display.number_label.text() == "A-001"
    assert sink.labels == ["Nomor antrean A satu, silakan ke loket dua"]


def test_missing_sound_files_leave_the_display_working_and_silent(ctx, sqlite_db, sink, open_display, tmp_path, monkeypatch, caplog):  # fmt: skip
    monkeypatch.setattr("app.queue.call_sound.sounds_dir", lambda: tmp_path / "none")
    queue.issue_ticket(sqlite_db, CODE, "A")
    queue.issue_ticket(sqlite_db, CODE, "A")
    display = open_display()
    with caplog.at_level(logging.WARNING):
        _call(ctx, "2")
        _call(ctx, "2")
    assert display.number_label.text() == "A-002" and sink.played == []
    assert len([r for r in caplog.records if "cannot make the call sound" in r.message]) == 1


# --- the system sink ------------------------------------------------------------


def test_a_system_sink_without_any_player_is_silent_and_raises_nothing(tmp_path, monkeypatch, caplog):  # fmt: skip
    monkeypatch.setenv("PATH", str(tmp_path))  # no pw-play, paplay, aplay, afplay
    with caplog.at_level(logging.WARNING):
        sink = SystemSink(players=None if sys.platform != "win32" else [])
        sink.play(call_wav("A-001", "1"), "A-001")
        sink.play(call_wav("A-002", "1"), "A-002")
    assert not sink.available
    assert len([r for r in caplog.records if "no audio player" in r.message]) == 1


PLAYER = """
import sys, time, wave
with wave.open(sys.argv[-1], "rb") as sound:
    seconds = sound.getnframes() / sound.getframerate()
with open(sys.argv[1], "a") as log:
    log.write(f"start {time.monotonic()} {seconds:.3f}\\n")
time.sleep(0.3)
with open(sys.argv[1], "a") as log:
    log.write(f"end {time.monotonic()} {seconds:.3f}\\n")
"""


def test_the_system_sink_plays_one_call_after_the_other_off_the_calling_thread(tmp_path):
    script = tmp_path / "player.py"
    script.write_text(PLAYER)
    log = tmp_path / "played.log"
    sink = SystemSink(players=[[sys.executable, str(script), str(log)]])
    first, second = call_wav("A-001", "1", "id"), call_wav("A-002", "1", "both")
    sink.play(first, "first")
    sink.play(second, "second")  # arrives while the first is still playing
    assert not log.exists() or log.read_text().count("end") == 0  # play() did not wait
    assert sink.wait_idle(timeout=20)
    lines = [line.split() for line in log.read_text().splitlines()]
    assert [(kind, secs) for kind, _t, secs in lines] == [
        ("start", f"{wav_seconds(first):.3f}"), ("end", f"{wav_seconds(first):.3f}"),
        ("start", f"{wav_seconds(second):.3f}"), ("end", f"{wav_seconds(second):.3f}"),
    ]  # fmt: skip
    assert float(lines[2][1]) >= float(lines[1][1])  # never on top of each other
    assert not list(tmp_path.glob("kanimdesk-call-*"))  # temporary files are removed
    assert sink.failures == 0


def test_a_player_that_fails_is_noted_once_and_the_next_call_still_tries(tmp_path, caplog):
    sink = SystemSink(players=[[sys.executable, "-c", "import sys; sys.exit('no audio device')"]])
    with caplog.at_level(logging.WARNING):
        sink.play(call_wav("A-001", "1"), "A-001")
        sink.play(call_wav("A-002", "1"), "A-002")
        assert sink.wait_idle(timeout=20)
    assert sink.failures == 2
    notes = [r.message for r in caplog.records if "sound" in r.message]
    assert len(notes) == 1 and "no audio device" in notes[0]


def test_a_recording_sink_keeps_what_was_played():
    sink = RecordingSink()
    wav = call_wav("B-010", "3")
    sink.play(wav, "B-010")
    assert sink.played == [(wav, "B-010")] and sink.labels == ["B-010"]
    with wave.open(__import__("io").BytesIO(wav)) as sound:
        assert sound.getnchannels() == 1
