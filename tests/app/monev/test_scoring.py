"""Monev scoring: answer sets, weights, N.A. out of the denominator, critical items (with properties)."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.monev.scoring import (
    ANSWER_SETS,
    NA,
    ScoredItem,
    ScoredSection,
    answer_fraction,
    answer_score,
    answer_words,
    score_visit,
    skm_grade,
)

SCORED = [code for code, s in ANSWER_SETS.items() if s.scored]


def item(code, answer_set, answer, weight=1.0, critical=False, answered=None):
    return ScoredItem(code, answer_set, weight, critical, answer, answered)


def _item_of(aset):
    options = [o.code for o in ANSWER_SETS[aset].options]
    return st.tuples(
        st.just(aset),
        st.sampled_from([*options, None]) if options else st.none(),
        st.one_of(st.integers(1, 10).map(float), st.floats(0.1, 100)),
        st.booleans() if ANSWER_SETS[aset].scored else st.just(False),
    )


ITEM = st.one_of([_item_of(a) for a in ANSWER_SETS])


def _section(i, raw):
    return ScoredSection(f"S{i}", f"Bagian {i}", [item(f"I{n}", *t) for n, t in enumerate(raw)])


visits = lambda: st.lists(st.lists(ITEM, max_size=8), min_size=1, max_size=5).map(  # noqa: E731
    lambda secs: [_section(i, raw) for i, raw in enumerate(secs)]
)


def _same(a, b):
    return (a is None and b is None) or (
        a is not None and b is not None and math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)
    )


def test_answer_sets_map_to_fractions():
    assert answer_score("yn", "ya") == 1.0 and answer_score("yn", "tidak") == 0.0
    assert answer_score("facility", "proses") == 0.5
    assert answer_score("compliance", "cukup_patuh") == 0.5
    assert [answer_score("scale4", c) for c in "1234"] == [0.0, 1 / 3, 2 / 3, 1.0]
    for aset in SCORED:
        assert answer_score(aset, NA) is None
        assert answer_score(aset, None) is None
    assert answer_score("number", "5") is None and answer_score("text", "x") is None
    assert answer_score("yn", "bogus") is None
    assert ANSWER_SETS["facility"].option("tidak_ada").label("id") == "Tidak Ada"
    assert ANSWER_SETS["compliance"].option("patuh").label("en") == "Compliant"


def test_answer_words_and_fraction_are_what_the_checklist_and_report_show():
    from types import SimpleNamespace as Entered

    assert (
        answer_words("compliance", Entered(answer="cukup_patuh", number=None, text=None), "id")
        == "Cukup Patuh"
    )
    assert answer_words("yn", Entered(answer="na", number=None, text=None), "id") == "N.A."
    assert answer_words("yn", Entered(answer="ya", number=None, text=None), "en") == "Yes"
    assert answer_words("number", Entered(answer=None, number=1234.5, text=None), "id") == "1.234,5"
    assert answer_words("text", Entered(answer=None, number=None, text="Baik"), "en") == "Baik"
    assert (
        answer_words("yn", None) == ""
        and answer_words("yn", Entered(answer="odd", number=None, text=None)) == "odd"
    )
    assert answer_fraction("facility", Entered(answer="proses", number=None, text=None)) == 0.5
    assert (
        answer_fraction("yn", None) is None
        and answer_fraction("number", Entered(answer=None, number=5, text=None)) is None
    )


def test_weighted_section_and_total():
    a = ScoredSection("A", "A", [
        item("A1", "yn", "ya"), item("A2", "yn", "tidak"), item("A3", "facility", "proses", weight=2),
        item("A4", "number", None, weight=50, answered=True), item("A5", "yn", NA, weight=9),
        item("A6", "yn", None, weight=9),
    ])  # fmt: skip
    b = ScoredSection("B", "B", [item("B1", "scale4", "3", weight=3)])
    result = score_visit([a, b])
    sa, sb = result.sections
    assert sa.score == pytest.approx(50.0)  # (1 + 0 + 2*0.5) / 4
    assert (sa.answered, sa.total_items, sa.scored_weight) == (5, 6, 4.0)
    assert sb.score == pytest.approx(200 / 3)
    assert result.total == pytest.approx((2 + 2) / 7 * 100)  # item-weighted over both sections
    assert not result.failed


def test_critical_failure_zeroes_its_section_in_the_total():
    a = ScoredSection(
        "A", "A", [item("A1", "yn", "ya", weight=3), item("A2", "yn", "tidak", critical=True)]
    )
    b = ScoredSection("B", "B", [item("B1", "yn", "ya")])
    result = score_visit([a, b])
    sa = result.sections[0]
    assert sa.failed and sa.failed_items == ("A2",)
    assert sa.score == pytest.approx(75.0)  # reported as computed, but flagged
    assert result.total == pytest.approx(1 / 5 * 100)  # A brings 0 over its weight 4
    assert result.failed


def test_nothing_scored_is_none():
    result = score_visit(
        [ScoredSection("A", "A", [item("A1", "yn", NA), item("A2", "text", None)])]
    )
    assert result.sections[0].score is None and result.total is None
    assert score_visit([]).total is None


@settings(max_examples=100, deadline=None)
@given(visits(), st.data())
def test_adding_an_na_item_changes_no_score(sections, data):
    before = score_visit(sections)
    where = data.draw(st.integers(0, len(sections)))  # == len: a new section of its own
    aset = data.draw(st.sampled_from(SCORED))
    na = item("NA", aset, NA, data.draw(st.floats(0.1, 1000)), data.draw(st.booleans()))
    if where == len(sections):
        changed = [*sections, ScoredSection("NEW", "Baru", [na])]
    else:
        pos = data.draw(st.integers(0, len(sections[where].items)))
        its = list(sections[where].items)
        its.insert(pos, na)
        changed = [*sections]
        changed[where] = ScoredSection(sections[where].code, sections[where].title, its)
    after = score_visit(changed)
    assert after.total == before.total
    for old, new in zip(before.sections, after.sections, strict=False):
        assert (new.score, new.failed) == (old.score, old.failed)
    if where == len(sections):
        assert after.sections[-1].score is None and not after.sections[-1].failed


@settings(max_examples=100, deadline=None)
@given(visits(), st.floats(0.01, 100))
def test_scaling_all_weights_changes_no_score(sections, k):
    scaled = [
        ScoredSection(s.code, s.title, [
            ScoredItem(i.code, i.answer_set, i.weight * k, i.critical, i.answer) for i in s.items
        ])
        for s in sections
    ]  # fmt: skip
    before, after = score_visit(sections), score_visit(scaled)
    assert _same(before.total, after.total)
    for old, new in zip(before.sections, after.sections, strict=True):
        assert _same(old.score, new.score) and old.failed == new.failed


@settings(max_examples=100, deadline=None)
@given(visits(), st.data())
def test_failed_critical_item_fails_its_section_whatever_else(sections, data):
    where = data.draw(st.integers(0, len(sections) - 1))
    aset = data.draw(st.sampled_from(SCORED))
    zero = next(o.code for o in ANSWER_SETS[aset].options if o.score == 0.0)
    failing = item("CRIT", aset, zero, data.draw(st.floats(0.1, 100)), critical=True)
    its = list(sections[where].items)
    its.insert(data.draw(st.integers(0, len(its))), failing)
    changed = [*sections]
    changed[where] = ScoredSection(sections[where].code, sections[where].title, its)
    result = score_visit(changed)
    assert result.sections[where].failed and "CRIT" in result.sections[where].failed_items
    # The failed section adds nothing to the numerator, so the total never exceeds the rest.
    others = [s for i, s in enumerate(changed) if i != where]
    rest = score_visit(others)
    if rest.total is not None:
        den_all = sum(s.scored_weight for s in result.sections)
        den_rest = sum(s.scored_weight for s in rest.sections)
        expected = 0.0 if den_rest == 0 else rest.total * den_rest / den_all
        # Failed sections among the others are zeroed in both totals alike.
        assert result.total == pytest.approx(expected, abs=1e-9)


@settings(max_examples=150, deadline=None)
@given(visits())
def test_scores_stay_within_0_and_100(sections):
    result = score_visit(sections)
    for s in result.sections:
        assert s.score is None or 0.0 <= s.score <= 100.0
        assert 0 <= s.answered <= s.total_items
    assert result.total is None or 0.0 <= result.total <= 100.0


@pytest.mark.parametrize(
    ("index", "grade"),
    [(100, "A"), (88.31, "A"), (88.305, "A"), (88.30, "B"), (76.61, "B"), (76.60, "C"),
     (65.0, "C"), (64.99, "D"), (25.0, "D"), (24.99, None), (100.01, None)],
)  # fmt: skip
def test_skm_grade_bands(index, grade):
    result = skm_grade(index)
    assert (result[0] if result else None) == grade
    assert skm_grade(90, "en") == ("A", "Very good")
