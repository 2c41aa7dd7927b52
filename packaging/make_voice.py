"""Make the waiting-room sounds shipped in resources/sounds/: the chime and the voice clips.

    .venv/bin/python packaging/make_voice.py            # chime + every voice clip
    .venv/bin/python packaging/make_voice.py --chime    # the chime only (needs no speech engine)
    .venv/bin/python packaging/make_voice.py --voice    # the voice clips only

The chime is synthesised here (a two-tone "ding-dong" of bell-like notes with a decay
envelope). Each voice clip is spoken once by espeak-ng (Indonesian voice "id", English
voice "en", 140 words a minute; `apt-get install espeak-ng`) from the words that
app.queue.announce.clip_texts() lists, then made uniform: 16-bit mono at the engine's
22,050 Hz, silence trimmed to a short margin, loudness evened out, edges faded so that
joined clips do not click. The results are committed, so the program itself never needs a
speech engine; re-run this script after adding a clip to clip_texts(). Recorded human
clips can replace these files one for one (same names, 16-bit mono 22,050 Hz).
"""

from __future__ import annotations

import argparse
import array
import math
import shutil
import subprocess
import sys
import tempfile
import wave
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.queue.announce import clip_texts  # noqa: E402

SOUNDS = ROOT / "resources" / "sounds"
RATE = 22050  # what espeak-ng produces; the chime is made at the same rate so calls join
FULL = 32767
VOICES = {"id": "id", "en": "en"}  # our language → espeak-ng voice
SPEED = 140  # words per minute: a little slower than the engine's 175, for a hall with echo


def write_wav(path: Path, samples: array.array) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(samples.tobytes())


def to_pcm(values: list[float]) -> array.array:
    return array.array("h", (max(-FULL, min(FULL, round(v * FULL))) for v in values))


# --- the chime ---------------------------------------------------------------

# A bell-like note: the fundamental and two overtones that die away faster (their share,
# their decay time in seconds), so the note starts bright and ends as a soft pure tone.
PARTIALS = ((1.0, 1.0, 0.55), (2.0, 0.30, 0.25), (3.0, 0.10, 0.12))


def chime() -> list[float]:
    """'Ding-dong': E5 then C5 (a falling major third, the tone of station announcements)."""
    notes = ((659.25, 0.0), (523.25, 0.42))
    length = 1.75
    out = [0.0] * int(RATE * length)
    for freq, start in notes:
        first = int(start * RATE)
        for i in range(len(out) - first):
            t = i / RATE
            attack = min(1.0, t / 0.006)  # 6 ms rise: a struck bar, without a click
            out[first + i] += attack * sum(
                share * math.exp(-t / decay) * math.sin(2 * math.pi * freq * ratio * t)
                for ratio, share, decay in PARTIALS
            )
    fade = int(0.08 * RATE)
    for i in range(fade):
        out[-1 - i] *= i / fade
    peak = max(abs(v) for v in out)
    return [0.5 * v / peak for v in out]  # -6 dBFS: heard over a hall, softer than the voice


# --- the voice ---------------------------------------------------------------


def speak(espeak: str, lang: str, words: str, tmp: Path) -> array.array:
    target = tmp / "clip.wav"
    subprocess.run(
        [espeak, "-v", VOICES[lang], "-s", str(SPEED), "-w", str(target), words], check=True
    )
    with wave.open(str(target), "rb") as raw:
        if (raw.getnchannels(), raw.getsampwidth(), raw.getframerate()) != (1, 2, RATE):
            raise SystemExit(f"espeak-ng wrote {raw.getparams()}, expected 16-bit mono {RATE} Hz")
        samples = array.array("h")
        samples.frombytes(raw.readframes(raw.getnframes()))
    return samples


def tidy(samples: array.array) -> array.array:
    """Trim silence to a short margin, even out loudness, fade the edges."""
    peak = max(abs(s) for s in samples) or 1
    loud = [i for i, s in enumerate(samples) if abs(s) > peak * 0.02]
    first = max(0, loud[0] - int(0.015 * RATE))
    last = min(len(samples), loud[-1] + int(0.04 * RATE))  # keep the release of a final consonant
    values = [s / FULL for s in samples[first:last]]
    rms = math.sqrt(sum(v * v for v in values) / len(values))
    gain = min(0.16 / rms, 0.89 / (peak / FULL))  # about -16 dBFS RMS, peaks under -1 dBFS
    values = [v * gain for v in values]
    fade = int(0.005 * RATE)
    for i in range(min(fade, len(values) // 2)):
        values[i] *= i / fade
        values[-1 - i] *= i / fade
    return to_pcm(values)


def make_voice() -> None:
    espeak = shutil.which("espeak-ng")
    if espeak is None:
        raise SystemExit("espeak-ng is not installed: apt-get install -y espeak-ng")
    texts = clip_texts()
    with tempfile.TemporaryDirectory() as tmp:
        for name, words in texts.items():
            lang = name.split("/", 1)[0]
            write_wav(SOUNDS / "voice" / f"{name}.wav", tidy(speak(espeak, lang, words, Path(tmp))))
    # A clip that no call uses any more would only weigh down the installer.
    for old in (SOUNDS / "voice").glob("*/*.wav"):
        if f"{old.parent.name}/{old.stem}" not in texts:
            old.unlink()
    print(f"{len(texts)} voice clips in {SOUNDS / 'voice'}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chime", action="store_true", help="make the chime only")
    parser.add_argument("--voice", action="store_true", help="make the voice clips only")
    args = parser.parse_args(argv)
    both = not (args.chime or args.voice)
    if args.chime or both:
        write_wav(SOUNDS / "chime.wav", to_pcm(chime()))
        print(f"chime in {SOUNDS / 'chime.wav'}")
    if args.voice or both:
        make_voice()


if __name__ == "__main__":
    main()
