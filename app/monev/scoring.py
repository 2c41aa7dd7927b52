"""Checklist answer sets and the monev score: weights, N.A. out of the denominator, critical items.

The rules, as inspection tools such as SafetyCulture apply them:

* each choice answer maps to a score fraction 0..1 (``ANSWER_SETS``);
  ``number`` and ``text`` items are recorded but never scored, so their
  weight is ignored;
* N.A., unanswered and unscored items leave the denominator;
* section score = sum(weight × fraction) / sum(weight) × 100, ``None`` when
  nothing in the section is scored;
* a critical item answered with a fraction of 0 (Tidak, Tidak Ada, Kurang
  Patuh, scale 1) fails its section. The section's own score is still
  reported as computed (the supervisor sees how far it got) but flagged
  ``failed``;
* the total is item-weighted over the whole visit: sum(weight × fraction) /
  sum(weight) across all scored items, except that a failed section brings
  0 to the numerator while keeping its weight in the denominator — the
  section is zeroed, as SafetyCulture does, so one critical failure always
  shows in the headline figure.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Protocol

from app.i18n import N_, _, number

NA = "na"


@dataclass(frozen=True)
class AnswerOption:
    code: str
    name: str  # English source (N_), shown with label()
    score: float | None  # None: N.A., leaves the denominator

    def label(self, lang: str | None = None) -> str:
        return _(self.name, lang)


@dataclass(frozen=True)
class AnswerSet:
    code: str
    name: str  # English source (N_), shown with label()
    kind: str  # choice | number | text
    options: tuple[AnswerOption, ...] = ()

    @property
    def scored(self) -> bool:
        return self.kind == "choice"

    def option(self, code: str) -> AnswerOption | None:
        return next((o for o in self.options if o.code == code), None)

    def label(self, lang: str | None = None) -> str:
        return _(self.name, lang)


_NA_OPTION = AnswerOption(NA, N_("N/A"), None)

# Where an English word also means something else in the program ("In progress" of a finding,
# "Number" of a ticket), the option uses another English word: the catalogue has one
# translation per English source.
ANSWER_SETS: dict[str, AnswerSet] = {
    s.code: s
    for s in (
        AnswerSet("yn", N_("Yes / No"), "choice", (
            AnswerOption("ya", N_("Yes"), 1.0),
            AnswerOption("tidak", N_("No"), 0.0),
            _NA_OPTION,
        )),
        AnswerSet("facility", N_("Present / Under way / Absent"), "choice", (
            AnswerOption("ada", N_("Present"), 1.0),
            AnswerOption("proses", N_("Under way"), 0.5),
            AnswerOption("tidak_ada", N_("Absent"), 0.0),
            _NA_OPTION,
        )),
        AnswerSet("compliance", N_("Compliant / Fairly compliant / Poorly compliant"), "choice", (
            AnswerOption("patuh", N_("Compliant"), 1.0),
            AnswerOption("cukup_patuh", N_("Fairly compliant"), 0.5),
            AnswerOption("kurang_patuh", N_("Poorly compliant"), 0.0),
            _NA_OPTION,
        )),
        AnswerSet("scale4", N_("Scale 1–4"), "choice", (
            AnswerOption("1", N_("1 (Poor)"), 0.0),
            AnswerOption("2", N_("2 (Fair)"), 1 / 3),
            AnswerOption("3", N_("3 (Good)"), 2 / 3),
            AnswerOption("4", N_("4 (Very good)"), 1.0),
            _NA_OPTION,
        )),
        AnswerSet("number", N_("Numeric"), "number"),
        AnswerSet("text", N_("Free text"), "text"),
    )
}  # fmt: skip


def answer_score(answer_set: str, answer: str | None) -> float | None:
    """The score fraction 0..1 of *answer*; None for N.A., no answer or an unscored set.

    An answer code that is not in the set counts as no answer (the services
    refuse such codes on the way in; this keeps a report of an odd record readable).
    """
    aset = ANSWER_SETS.get(answer_set)
    if aset is None or not aset.scored or answer is None:
        return None
    option = aset.option(answer)
    return option.score if option else None


def is_valid_answer(answer_set: str, answer: str) -> bool:
    aset = ANSWER_SETS.get(answer_set)
    return bool(aset and aset.option(answer))


class RecordedAnswer(Protocol):
    """What was entered for one item (app.monev.answers.AnswerInfo is one)."""

    @property
    def answer(self) -> str | None: ...
    @property
    def number(self) -> float | None: ...
    @property
    def text(self) -> str | None: ...


def answer_words(answer_set: str, recorded: RecordedAnswer | None, lang: str | None = None) -> str:
    """What the supervisor answered, in words: 'Ya', 'Cukup Patuh', '12,5', or the text as written.

    The one place the checklist, the report and the command line take an answer's words from.
    """
    if recorded is None:
        return ""
    aset = ANSWER_SETS.get(answer_set)
    if aset is None or aset.kind == "choice":
        option = aset.option(recorded.answer) if aset and recorded.answer else None
        return option.label(lang) if option else (recorded.answer or "")
    if aset.kind == "number":
        return "" if recorded.number is None else number(recorded.number, lang, "#,##0.###")
    return recorded.text or ""


def answer_fraction(answer_set: str, recorded: RecordedAnswer | None) -> float | None:
    """The score fraction 0..1 of what was entered; None for N.A., nothing entered or an unscored set."""
    return answer_score(answer_set, recorded.answer if recorded is not None else None)


@dataclass(frozen=True)
class ScoredItem:
    """What scoring needs from one checklist item and its answer."""

    code: str
    answer_set: str
    weight: float
    critical: bool = False
    answer: str | None = None
    answered: bool | None = None  # for number/text items: a value was entered

    @property
    def fraction(self) -> float | None:
        return answer_score(self.answer_set, self.answer)

    @property
    def is_answered(self) -> bool:
        if self.answered is not None:
            return self.answered
        return self.answer is not None

    @property
    def critical_failure(self) -> bool:
        return self.critical and self.fraction == 0.0


@dataclass(frozen=True)
class ScoredSection:
    code: str
    title: str
    items: Sequence[ScoredItem]


@dataclass(frozen=True)
class SectionScore:
    code: str
    title: str
    score: float | None  # 0..100 as computed, even when failed
    failed: bool  # a critical item scored 0: the section counts 0 in the total
    answered: int  # items with an answer (N.A. counts as answered)
    total_items: int
    scored_weight: float = 0.0  # the denominator: weight of items with a score
    failed_items: tuple[str, ...] = ()  # codes of the critical items that failed


@dataclass(frozen=True)
class VisitScore:
    total: float | None  # 0..100, item-weighted, failed sections zeroed
    sections: list[SectionScore]

    @property
    def failed(self) -> bool:
        return any(s.failed for s in self.sections)

    @property
    def answered(self) -> int:
        return sum(s.answered for s in self.sections)

    @property
    def total_items(self) -> int:
        return sum(s.total_items for s in self.sections)


def _percent(numerator: float, denominator: float) -> float | None:
    if denominator <= 0:
        return None
    # Rounding could in theory push a perfect score a hair over 100.
    return min(100.0, max(0.0, numerator / denominator * 100.0))


def score_section(section: ScoredSection) -> tuple[SectionScore, float, float]:
    """The section's score plus its (numerator, denominator) for the total."""
    num = den = 0.0
    failed_items: list[str] = []
    answered = 0
    for item in section.items:
        if item.is_answered:
            answered += 1
        fraction = item.fraction
        if fraction is None:
            continue
        num += item.weight * fraction
        den += item.weight
        if item.critical and fraction == 0.0:
            failed_items.append(item.code)
    result = SectionScore(
        code=section.code,
        title=section.title,
        score=_percent(num, den),
        failed=bool(failed_items),
        answered=answered,
        total_items=len(section.items),
        scored_weight=den,
        failed_items=tuple(failed_items),
    )
    return result, (0.0 if failed_items else num), den


def score_visit(sections: Sequence[ScoredSection]) -> VisitScore:
    results: list[SectionScore] = []
    num = den = 0.0
    for section in sections:
        result, n, d = score_section(section)
        results.append(result)
        num += n
        den += d
    return VisitScore(total=_percent(num, den), sections=results)


# --- SKM (Survei Kepuasan Masyarakat) index bands, PermenPANRB 14/2017 ----

SKM_GRADES: tuple[tuple[str, Decimal, str], ...] = (
    ("A", Decimal("88.31"), N_("Very good")),
    ("B", Decimal("76.61"), N_("Good")),
    ("C", Decimal("65.00"), N_("Poor")),
    ("D", Decimal("25.00"), N_("Very poor")),
)


def skm_grade(index: float, lang: str | None = None) -> tuple[str, str] | None:
    """('B', 'Baik') for an IKM of 80.5; None outside 25–100.

    The index is taken as published, rounded half-up to two decimals, so that
    88.305 is graded as the 88.31 the office prints (A).
    """
    value = Decimal(str(index)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    if value > 100:
        return None
    for grade, floor, name in SKM_GRADES:
        if value >= floor:
            return grade, _(name, lang)
    return None
