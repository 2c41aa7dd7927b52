"""The spoken call: its words in Indonesian and English, the clips that say them, and the joined WAV."""

import array
import io
import math
import shutil
import wave
from pathlib import Path

import pytest

from app.queue.announce import (
    ID_LETTERS,
    call_caption,
    call_clips,
    call_phrases,
    call_words,
    clip_texts,
    english_words,
)
from app.queue.call_sound import (  # fmt: skip
    GAP_CHIME,
    GAP_LANGUAGE,
    GAP_PHRASE,
    GAP_WORD,
    call_wav,
    sounds_dir,
    wav_seconds,
)
from app.queue.numbering import number_in_words

SOUNDS = sounds_dir()

WORDS = {
    1: ("satu", "one"),
    10: ("sepuluh", "ten"),
    11: ("sebelas", "eleven"),
    12: ("dua belas", "twelve"),
    19: ("sembilan belas", "nineteen"),
    20: ("dua puluh", "twenty"),
    23: ("dua puluh tiga", "twenty-three"),
    99: ("sembilan puluh sembilan", "ninety-nine"),
    100: ("seratus", "one hundred"),
    101: ("seratus satu", "one hundred and one"),
    110: ("seratus sepuluh", "one hundred and ten"),
    111: ("seratus sebelas", "one hundred and eleven"),
    123: ("seratus dua puluh tiga", "one hundred and twenty-three"),
    999: ("sembilan ratus sembilan puluh sembilan", "nine hundred and ninety-nine"),
}


@pytest.mark.parametrize("n", sorted(WORDS))
def test_numbers_are_read_in_indonesian_and_english_words(n):
    indonesian, english = WORDS[n]
    assert number_in_words(n) == indonesian
    assert english_words(n) == english
    assert (
        call_words(f"A-{n:03d}", "2", "id") == f"Nomor antrean A {indonesian}, silakan ke loket dua"
    )
    assert call_words(f"A-{n:03d}", "2", "en") == f"Number A {english}, please go to counter two"


def test_the_call_of_the_issue_and_its_bilingual_form():
    assert call_words("A-023", "2") == "Nomor antrean A dua puluh tiga, silakan ke loket dua"
    assert call_words("A-023", "2", "both") == (
        "Nomor antrean A dua puluh tiga, silakan ke loket dua. "
        "Number A twenty-three, please go to counter two"
    )
    # The screen writes the counter as it is written (the words are for the ear).
    assert call_caption("A-023", "2", "id") == [
        "Nomor antrean A dua puluh tiga, silakan ke loket 2."
    ]
    assert call_caption("C-105", "12", "both") == [
        "Nomor antrean C seratus lima, silakan ke loket 12.",
        "Number C one hundred and five, please go to counter 12.",
    ]


def test_counters_with_letters_and_numbers_beyond_999_are_still_spoken():
    assert call_words("B-007", "12B") == "Nomor antrean B tujuh, silakan ke loket dua belas B"
    assert call_words("A-1000", "1", "en") == "Number A one thousand, please go to counter one"
    assert (
        call_words("D-2024", "3")
        == "Nomor antrean D dua ribu dua puluh empat, silakan ke loket tiga"
    )
    # No counter: the call ends after the number rather than inviting to "loket" nothing.
    assert call_words("A-001", "") == "Nomor antrean A satu"
    assert call_clips("A-001", "") == ["id/nomor_antrean", "id/letter_a", "id/satu"]
    with pytest.raises(ValueError):
        call_words("A-001", "1", "fr")


def test_clip_lists_follow_the_words_letter_by_letter_and_word_by_word():
    assert call_clips("A-023", "2") == [
        "id/nomor_antrean", "id/letter_a", "id/dua", "id/puluh", "id/tiga",
        "id/silakan_ke_loket", "id/dua",
    ]  # fmt: skip
    assert call_clips("B-112", "10", "en") == [
        "en/number", "en/letter_b", "en/one", "en/hundred", "en/and", "en/twelve",
        "en/please_go_to_counter", "en/ten",
    ]  # fmt: skip
    assert call_phrases("C-001", "3", "both") == [
        ["id/nomor_antrean", "id/letter_c", "id/satu"],
        ["id/silakan_ke_loket", "id/tiga"],
        ["en/number", "en/letter_c", "en/one"],
        ["en/please_go_to_counter", "en/three"],
    ]
    assert call_clips("C-001", "3", "both") == [
        c for p in call_phrases("C-001", "3", "both") for c in p
    ]


def test_every_call_uses_only_clips_that_are_shipped():
    texts = clip_texts()
    used = set()
    for letter in ID_LETTERS:
        for n in range(1, 1000):
            used.update(call_clips(f"{letter}-{n:03d}", str(n % 20 + 1), "both"))
    assert used <= set(texts)
    shipped = {f"{p.parent.name}/{p.stem}" for p in (SOUNDS / "voice").glob("*/*.wav")}
    # Every clip is there, and no file lies unused in the installer.
    assert shipped == set(texts)
    assert (SOUNDS / "chime.wav").is_file()


def test_shipped_sounds_share_one_format_and_stay_small():
    formats = set()
    total = 0
    for path in SOUNDS.rglob("*.wav"):
        with wave.open(str(path), "rb") as clip:
            formats.add((clip.getnchannels(), clip.getsampwidth(), clip.getframerate()))
            seconds = clip.getnframes() / clip.getframerate()
        assert 0.1 < seconds < 2.0, path  # trimmed words and phrases, a short chime
        total += path.stat().st_size
    assert formats == {(1, 2, 22050)}
    assert total < 4_000_000
    readme = (SOUNDS / "README.md").read_text(encoding="utf-8")
    assert "espeak-ng" in readme and "make_voice.py" in readme and "licen" in readme.lower()


def _samples(wav: bytes) -> tuple[array.array, int]:
    with wave.open(io.BytesIO(wav), "rb") as sound:
        samples = array.array("h")
        samples.frombytes(sound.readframes(sound.getnframes()))
        return samples, sound.getframerate()


def _power(samples, rate, freq):
    """Goertzel: how much of *freq* the samples hold."""
    k = 2 * math.cos(2 * math.pi * freq / rate)
    s1 = s2 = 0.0
    for x in samples:
        s1, s2 = x + k * s1 - s2, s1
    return s1 * s1 + s2 * s2 - k * s1 * s2


def test_the_chime_is_a_decaying_ding_dong_not_a_beep():
    samples, rate = _samples((SOUNDS / "chime.wav").read_bytes())
    ding = samples[int(0.05 * rate) : int(0.35 * rate)]
    dong = samples[int(0.9 * rate) : int(1.2 * rate)]
    # The first note is E5, then C5 rings over what is left of it.
    assert _power(ding, rate, 659.25) > 20 * _power(ding, rate, 523.25)
    assert _power(dong, rate, 523.25) > 3 * _power(dong, rate, 659.25)

    def loudness(a, b):
        part = samples[int(a * rate) : int(b * rate)]
        return math.sqrt(sum(x * x for x in part) / len(part))

    assert loudness(0.45, 0.55) > 3 * loudness(1.5, 1.7)  # it rings out, it does not stop dead


def _clip_seconds(name):
    with wave.open(str(SOUNDS / "voice" / f"{name}.wav"), "rb") as clip:
        return clip.getnframes() / clip.getframerate()


@pytest.mark.parametrize("lang", ["id", "en", "both"])
def test_call_wav_is_the_chime_then_the_clips_with_short_pauses(lang):
    wav = call_wav("A-023", "2", lang)
    samples, rate = _samples(wav)
    phrases = call_phrases("A-023", "2", lang)
    words = sum(_clip_seconds(c) for p in phrases for c in p)
    gaps = sum(GAP_WORD * (len(p) - 1) for p in phrases) + GAP_PHRASE * (len(phrases) - 1)
    if lang == "both":
        gaps += GAP_LANGUAGE - GAP_PHRASE
    chime = _clip_seconds("../chime")
    assert wav_seconds(wav) == pytest.approx(chime + GAP_CHIME + gaps + words, abs=0.01)
    # Each word sits where it should, in order, with silence between: the chime, then
    # "nomor antrean", "a", "dua", "puluh", "tiga", pause, "silakan ke loket", "dua".
    timeline = [(0.0, "../chime"), (GAP_CHIME, None)]
    for i, phrase in enumerate(phrases):
        if i:
            same = phrase[0][:3] == phrases[i - 1][0][:3]
            timeline.append((GAP_PHRASE if same else GAP_LANGUAGE, None))
        for j, name in enumerate(phrase):
            if j:
                timeline.append((GAP_WORD, None))
            timeline.append((0.0, name))
    at = 0
    for gap, name in timeline:
        if name is None:
            assert not any(samples[at : at + int(gap * rate)]), at
            at += int(gap * rate)
            continue
        clip, _rate = _samples((SOUNDS / "voice" / f"{name}.wav").read_bytes())
        assert samples[at : at + len(clip)] == clip, name
        at += len(clip)
    assert at == len(samples)


def test_call_wav_refuses_a_missing_or_odd_clip(tmp_path):
    clips = tmp_path / "sounds"
    shutil.copytree(SOUNDS, clips)
    (clips / "voice" / "id" / "tiga.wav").unlink()
    with pytest.raises(FileNotFoundError):
        call_wav("A-023", "2", "id", clips_dir=clips)
    assert wav_seconds(call_wav("A-022", "2", "id", clips_dir=clips)) > 3
    with wave.open(str(clips / "voice" / "id" / "tiga.wav"), "wb") as odd:
        odd.setnchannels(1)
        odd.setsampwidth(2)
        odd.setframerate(44100)
        odd.writeframes(bytes(4410))
    with pytest.raises(ValueError, match="44100"):
        call_wav("A-003", "2", "id", clips_dir=Path(clips))
