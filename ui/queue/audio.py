"""Where the display's sounds go: the computer's speakers through the system's own player, or a recorder in tests.

Why not QtMultimedia (QSoundEffect/QMediaPlayer): it comes only with PySide6-Addons, 161 MB
installed, for one WAV a call; the program ships PySide6-Essentials and PySide6-Pdf alone
(ARCHITECTURE.md, "Weight"). Every counter PC already has a player that takes a WAV file:
Windows' own `winsound` (standard library), `afplay` on macOS, and on Linux `pw-play`
(PipeWire), `paplay` (PulseAudio) or `aplay` (ALSA). A call's WAV is made by
app.queue.call_sound; this module only plays it.

Playback never holds the UI thread: `SystemSink.play` puts the sound in a queue and returns;
one worker thread plays the queue in order, each sound to its end, so a second call that
arrives while the first is still spoken waits its turn (never lost, never on top of the
other). Where there is no player or no audio device, the display stays silent: one log
line says why, nothing is raised.
"""

from __future__ import annotations

import logging
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Sequence
from typing import Protocol

log = logging.getLogger(__name__)

# Linux players in order of preference: the sound server's own client first, so the call
# goes through the user's mixer; plain ALSA last (it may find the device busy).
LINUX_PLAYERS: tuple[tuple[str, ...], ...] = (("pw-play",), ("paplay",), ("aplay", "-q"))
MAC_PLAYERS: tuple[tuple[str, ...], ...] = (("afplay",),)
PLAY_TIMEOUT = 60.0  # seconds; a player that hangs must not silence the rest of the day


class AudioSink(Protocol):
    """Something that plays a WAV file's bytes; *label* says in words what it is (for logs and tests).

    `play` returns at once; sounds given one after another play one after another.
    """

    def play(self, wav: bytes, label: str) -> None: ...


class RecordingSink:
    """Keeps what was played instead of playing it (tests)."""

    def __init__(self) -> None:
        self.played: list[tuple[bytes, str]] = []

    def play(self, wav: bytes, label: str) -> None:
        self.played.append((wav, label))

    @property
    def labels(self) -> list[str]:
        return [label for _wav, label in self.played]


class SilentSink:
    """Plays nothing (the display with its sound turned off, or a test that does not listen)."""

    def play(self, wav: bytes, label: str) -> None:
        pass


def _find_players(candidates: Sequence[tuple[str, ...]]) -> list[list[str]]:
    found = []
    for command in candidates:
        path = shutil.which(command[0])
        if path:
            found.append([path, *command[1:]])
    return found


class SystemSink:
    """Plays through the operating system's own player, on a worker thread, one sound at a time.

    *players* (commands that take a WAV file's path as their last argument) overrides the
    search of the system's players; ``players=[]`` means there is none.
    """

    def __init__(self, players: Sequence[Sequence[str]] | None = None) -> None:
        self._windows = players is None and sys.platform == "win32"
        if players is not None:
            self.players = [list(p) for p in players]
        elif sys.platform == "darwin":
            self.players = _find_players(MAC_PLAYERS)
        else:
            self.players = _find_players(LINUX_PLAYERS)
        self._queue: queue.Queue[tuple[bytes, str]] = queue.Queue()
        self._worker: threading.Thread | None = None
        self._lock = threading.Lock()
        self._told: set[str] = set()  # each fault is logged once, not at every call
        self.failures = 0
        if not self._windows and not self.players:
            self._note_once("no-player", "no audio player found (pw-play, paplay, aplay, afplay): the display is silent")  # fmt: skip

    @property
    def available(self) -> bool:
        return self._windows or bool(self.players)

    def play(self, wav: bytes, label: str) -> None:
        if not self.available:
            return
        self._queue.put((wav, label))
        with self._lock:
            if self._worker is None:
                # A daemon thread: a sound still queued must not keep the program from closing.
                self._worker = threading.Thread(target=self._run, name="display-audio", daemon=True)  # fmt: skip
                self._worker.start()

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Block until everything queued has been played (tests, and closing the display)."""
        done = threading.Event()

        def watch() -> None:
            self._queue.join()
            done.set()

        threading.Thread(target=watch, daemon=True).start()
        return done.wait(timeout)

    def _run(self) -> None:
        while True:
            wav, label = self._queue.get()
            try:
                self._play_now(wav, label)
            except Exception as exc:  # a broken player must not end the worker
                self._failed("error", f"cannot play the call sound: {type(exc).__name__}: {exc}")
            finally:
                self._queue.task_done()

    def _play_now(self, wav: bytes, label: str) -> None:
        log.debug("playing %s", label)
        if self._windows:
            self._play_windows(wav)
            return
        fd, name = tempfile.mkstemp(prefix="kanimdesk-call-", suffix=".wav")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(wav)
            for command in self.players:
                try:
                    done = subprocess.run(
                        [*command, name],
                        stdin=subprocess.DEVNULL,
                        stdout=subprocess.DEVNULL,
                        stderr=subprocess.PIPE,
                        timeout=PLAY_TIMEOUT,
                        check=False,
                    )
                except (OSError, subprocess.TimeoutExpired) as exc:
                    self._failed(command[0], f"{command[0]} cannot play: {type(exc).__name__}")
                    continue
                if done.returncode == 0:
                    return
                # No device, or no sound server running: try the next player.
                why = done.stderr.decode(errors="replace").strip().splitlines()[-1:] or ["?"]
                self._failed(command[0], f"{command[0]} failed ({done.returncode}): {why[0]}")
        finally:
            try:
                os.unlink(name)
            except OSError:
                pass

    def _play_windows(self, wav: bytes) -> None:
        import winsound  # type: ignore[import-not-found, unused-ignore]

        # SND_MEMORY cannot be combined with SND_ASYNC (winsound refuses it); playing
        # synchronously on this worker thread is asynchronous for the window.
        try:
            winsound.PlaySound(wav, winsound.SND_MEMORY | winsound.SND_NODEFAULT)
        except RuntimeError as exc:  # no audio device
            self._failed("winsound", f"winsound cannot play: {exc}")

    def _failed(self, key: str, message: str) -> None:
        self.failures += 1
        self._note_once(key, message)

    def _note_once(self, key: str, message: str) -> None:
        if key not in self._told:
            self._told.add(key)
            log.warning("queue display sound: %s", message)
