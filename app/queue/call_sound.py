"""The sound of a call: the chime, then the voice clips of app.queue.announce, joined into one WAV.

Joined with the standard library's `wave` (no audio library): every shipped clip is 16-bit
mono at one rate (packaging/make_voice.py makes them so), so joining is copying frames with
short silences between words and longer ones between phrases. The rules of what is said
live in app.queue.announce; this module only reads files and writes bytes.
"""

from __future__ import annotations

import io
import wave
from functools import cache
from pathlib import Path

from app.queue.announce import call_phrases

GAP_WORD = 0.03  # seconds between the words of one phrase ("dua · puluh · tiga")
GAP_PHRASE = 0.30  # before "silakan ke loket"
GAP_LANGUAGE = 0.70  # between the Indonesian and the English call
GAP_CHIME = 0.10  # the chime's own tail is its pause


def sounds_dir() -> Path:
    from app.config import resources_dir

    return resources_dir() / "sounds"


Format = tuple[int, int, int]  # channels, sample width, frame rate


@cache
def _read(path: Path) -> tuple[Format, bytes]:
    # Clips are small (the whole set is ~2 MB) and the display plays the same words all
    # day: read each file once.
    with wave.open(str(path), "rb") as clip:
        return (clip.getnchannels(), clip.getsampwidth(), clip.getframerate()), clip.readframes(
            clip.getnframes()
        )


def call_wav(number: str, counter: str, lang: str = "id", clips_dir: Path | None = None) -> bytes:
    """A WAV file's bytes: the chime, then the call spoken ("Nomor antrean A dua puluh tiga,
    silakan ke loket dua"; *lang* "id", "en" or "both").

    Raises FileNotFoundError for a missing clip and ValueError for a clip in another format.
    """
    base = clips_dir or sounds_dir()
    fmt, chime = _read(base / "chime.wav")
    channels, width, rate = fmt

    def silence(seconds: float) -> bytes:
        return bytes(int(seconds * rate) * channels * width)

    def clip(name: str) -> bytes:
        path = base / "voice" / f"{name}.wav"
        clip_fmt, frames = _read(path)
        if clip_fmt != fmt:
            raise ValueError(f"{path} is {clip_fmt} (channels, bytes, Hz); the chime is {fmt}")
        return frames

    pieces = [chime, silence(GAP_CHIME)]
    previous_lang = None
    for p, phrase in enumerate(call_phrases(number, counter, lang)):
        phrase_lang = phrase[0].split("/", 1)[0]
        if p:
            pieces.append(silence(GAP_LANGUAGE if phrase_lang != previous_lang else GAP_PHRASE))
        previous_lang = phrase_lang
        for w, name in enumerate(phrase):
            if w:
                pieces.append(silence(GAP_WORD))
            pieces.append(clip(name))
    out = io.BytesIO()
    with wave.open(out, "wb") as joined:
        joined.setnchannels(channels)
        joined.setsampwidth(width)
        joined.setframerate(rate)
        joined.writeframes(b"".join(pieces))
    return out.getvalue()


def wav_seconds(wav: bytes) -> float:
    """How long a WAV file's bytes play."""
    with wave.open(io.BytesIO(wav), "rb") as sound:
        return sound.getnframes() / sound.getframerate()
