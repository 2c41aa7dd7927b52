"""What the waiting room hears for a call: the sentence in words and the voice clips that say it.

"A-023" at counter "2" is spoken "Nomor antrean A dua puluh tiga, silakan ke loket dua"
(English: "Number A twenty-three, please go to counter two"; bilingual: Indonesian, then
English). The voice is a set of short recorded clips (resources/sounds/voice/<lang>/<name>.wav),
one per word or fixed phrase, joined at call time by app.queue.call_sound, so the program
never needs a speech engine. `clip_texts()` is the one list of clips: packaging/make_voice.py
records each from its text, and a test checks that every call names only clips that exist.

The sentences are code, not gettext messages: each word must match a recorded clip, and a
translator changing the words in the catalogue would make the screen and the voice disagree.
"""

from __future__ import annotations

import re
from functools import cache

from app.queue.numbering import number_in_words

SPOKEN_LANGUAGES = ("id", "en")
DISPLAY_LANGUAGES = ("id", "en", "both")  # settings.display_language

# How an Indonesian reads the letters of the alphabet ("A-023" is "a dua puluh tiga").
ID_LETTERS = {
    "A": "a", "B": "be", "C": "ce", "D": "de", "E": "e", "F": "ef", "G": "ge", "H": "ha",
    "I": "i", "J": "je", "K": "ka", "L": "el", "M": "em", "N": "en", "O": "o", "P": "pe",
    "Q": "ki", "R": "er", "S": "es", "T": "te", "U": "u", "V": "ve", "W": "we", "X": "eks",
    "Y": "ye", "Z": "zet",
}  # fmt: skip
_EN_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
            "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
            "seventeen", "eighteen", "nineteen"]  # fmt: skip
_EN_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

# The fixed phrases around the number, as (clip name, words).
_PHRASES = {
    "id": (("nomor_antrean", "Nomor antrean"), ("silakan_ke_loket", "silakan ke loket")),
    "en": (("number", "Number"), ("please_go_to_counter", "please go to counter")),
}
_LARGEST = 9999  # numbers beyond are read digit by digit
_TOKEN = re.compile(r"[A-Za-z]|\d+")


def english_words(n: int) -> str:
    """English words for 0..9999, British style ('one hundred and twenty-three')."""
    if n < 20:
        return _EN_ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _EN_TENS[tens] + (f"-{_EN_ONES[ones]}" if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return f"{_EN_ONES[hundreds]} hundred" + (f" and {english_words(rest)}" if rest else "")
    thousands, rest = divmod(n, 1000)
    head = f"{_EN_ONES[thousands]} thousand"
    if not rest:
        return head
    return head + (" and " if rest < 100 else " ") + english_words(rest)


def _number_words(n: int, lang: str) -> str:
    return number_in_words(n) if lang == "id" else english_words(n)


def _letter_clip(letter: str, lang: str) -> str:
    return f"{lang}/letter_{letter.lower()}"


def _read(text: str, lang: str) -> tuple[list[str], list[str]]:
    """*text* (a ticket number or a counter name) as words shown and clips spoken.

    Letters are spelled, each run of digits is one number ("A-023" → A, twenty-three;
    "12B" → twelve, B); anything else (dashes, spaces) is not spoken.
    """
    words: list[str] = []
    clips: list[str] = []
    for token in _TOKEN.findall(text):
        if token.isalpha():
            words.append(token.upper())
            clips.append(_letter_clip(token, lang))
            continue
        value = int(token)
        parts = [_number_words(value, lang)] if value <= _LARGEST else []
        if not parts:  # a long digit string (a badly typed counter): digit by digit
            parts = [_number_words(int(d), lang) for d in token]
        words.extend(parts)
        for part in parts:
            clips.extend(f"{lang}/{w}" for w in re.split(r"[ -]", part))
    return words, clips


def _sentence(number: str, counter: str, lang: str, counter_as_written: bool) -> str:
    (_n, opening), (_c, middle) = _PHRASES[lang]
    said = " ".join(_read(number, lang)[0]) or number
    head = f"{opening} {said}"
    shown_counter = counter.strip() if counter_as_written else " ".join(_read(counter, lang)[0])
    return f"{head}, {middle} {shown_counter}" if shown_counter else head


def _languages(lang: str) -> tuple[str, ...]:
    if lang == "both":
        return SPOKEN_LANGUAGES
    if lang in SPOKEN_LANGUAGES:
        return (lang,)
    raise ValueError(f"display language must be one of {DISPLAY_LANGUAGES}, not {lang!r}")


def call_words(number: str, counter: str, lang: str = "id") -> str:
    """The call as spoken: 'Nomor antrean A dua puluh tiga, silakan ke loket dua'."""
    return ". ".join(_sentence(number, counter, one, False) for one in _languages(lang))


def call_caption(number: str, counter: str, lang: str = "id") -> list[str]:
    """The call as the screen writes it under the number, one line per language:
    the counter as written ('Nomor antrean A dua puluh tiga, silakan ke loket 2.')."""
    return [_sentence(number, counter, one, True) + "." for one in _languages(lang)]


def call_phrases(number: str, counter: str, lang: str = "id") -> list[list[str]]:
    """The clips of the call in phrases (a longer pause falls between two phrases):
    [[opening, letter, number words…], [counter phrase, counter words…]] per language."""
    out: list[list[str]] = []
    for one in _languages(lang):
        (opening, _o), (middle, _m) = _PHRASES[one]
        out.append([f"{one}/{opening}", *_read(number, one)[1]])
        counter_clips = _read(counter, one)[1]
        if counter_clips:
            out.append([f"{one}/{middle}", *counter_clips])
    return out


def call_clips(number: str, counter: str, lang: str = "id") -> list[str]:
    """The voice clips of the call in the order they are played (the chime comes before them)."""
    return [clip for phrase in call_phrases(number, counter, lang) for clip in phrase]


@cache
def clip_texts() -> dict[str, str]:
    """Every clip a call can use: name → the words recorded in it."""
    texts: dict[str, str] = {}
    for lang in SPOKEN_LANGUAGES:
        for name, words in _PHRASES[lang]:
            texts[f"{lang}/{name}"] = words.lower()
        for letter, said in ID_LETTERS.items():
            # English letter names come from the engine itself (it reads "B" as "bee").
            texts[_letter_clip(letter, lang)] = said if lang == "id" else letter
    for word in {w for n in range(_LARGEST + 1) for w in re.split(r"[ -]", number_in_words(n))}:
        texts[f"id/{word}"] = word
    for word in {w for n in range(_LARGEST + 1) for w in re.split(r"[ -]", english_words(n))}:
        texts[f"en/{word}"] = word
    return dict(sorted(texts.items()))
