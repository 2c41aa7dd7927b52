"""The stage table (which step may follow which), application numbers, and random walks over the table."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.desk.stages import (
    FINAL_STAGES,
    NEXT_STAGES,
    NOTE_REQUIRED,
    STAGE_LABELS,
    Stage,
    effective_steps,
    follows_table,
    format_application_number,
    may_advance,
    next_stages,
    parse_application_number,
)
from app.i18n import label

NORMAL_PATH = [
    "berkas",
    "wawancara",
    "pembayaran",
    "verifikasi",
    "pencetakan",
    "siap",
    "penyerahan",
]
ORDER = {stage: i for i, stage in enumerate(NORMAL_PATH)}


def test_every_stage_has_a_row_and_a_label_in_both_languages():
    assert set(NEXT_STAGES) == set(Stage) == set(STAGE_LABELS)
    assert label(STAGE_LABELS, "siap", "en") == "Ready for collection"
    assert label(STAGE_LABELS, "berkas", "id") == "Pemeriksaan berkas"
    assert label(STAGE_LABELS, "batal", "id") == "Batal"
    assert {label(STAGE_LABELS, s, "id") for s in Stage} != {
        label(STAGE_LABELS, s, "en") for s in Stage
    }


def test_the_normal_path_is_one_step_at_a_time():
    for here, there in zip(NORMAL_PATH, NORMAL_PATH[1:], strict=False):
        assert may_advance(here, there, paid=ORDER[here] >= ORDER["pembayaran"]), (here, there)
    # Nothing jumps ahead on the normal path.
    for here in NORMAL_PATH:
        for there in NORMAL_PATH:
            if ORDER[there] > ORDER[here] + 1:
                assert not may_advance(here, there), (here, there)
    assert FINAL_STAGES == {Stage.PENYERAHAN, Stage.BATAL}
    assert next_stages("penyerahan") == () and next_stages("batal") == ()


@pytest.mark.parametrize(
    ("here", "there", "allowed"),
    [
        ("berkas", "wawancara", True),
        ("berkas", "batal", True),
        ("berkas", "ditunda", True),  # a lost passport without its police report yet
        ("berkas", "pembayaran", False),
        ("wawancara", "ditunda", True),
        ("pembayaran", "ditunda", False),  # deferring after payment is verification's call
        ("pembayaran", "batal", True),
        ("verifikasi", "ditunda", True),
        ("pencetakan", "batal", False),
        ("pencetakan", "siap", True),
        ("siap", "penyerahan", True),
        ("siap", "batal", True),
        ("penyerahan", "batal", False),
        ("batal", "berkas", False),
        ("wawancara", "berkas", False),  # back is a correction, never a step
        ("berkas", "nonsense", False),
        ("nonsense", "berkas", False),
    ],
)
def test_the_table(here, there, allowed):
    assert may_advance(here, there) is allowed


def test_a_deferred_case_resumes_by_its_payment():
    assert next_stages("ditunda") == (Stage.WAWANCARA, Stage.VERIFIKASI, Stage.BATAL)
    assert next_stages("ditunda", paid=False) == (Stage.WAWANCARA, Stage.BATAL)
    assert next_stages("ditunda", paid=True) == (Stage.VERIFIKASI, Stage.BATAL)
    assert not may_advance("ditunda", "verifikasi", paid=False)  # would skip the payment
    assert not may_advance("ditunda", "wawancara", paid=True)  # would ask to pay twice
    assert NOTE_REQUIRED == {Stage.BATAL, Stage.DITUNDA}


def test_codes_are_read_as_typed():
    assert may_advance(" Berkas", "WAWANCARA ")
    assert Stage("siap") == "siap" and f"{Stage.SIAP}" == "siap"


def test_follows_table():
    assert follows_table(NORMAL_PATH)
    assert follows_table(["berkas", "ditunda", "wawancara", "pembayaran", "verifikasi", "ditunda",
                          "verifikasi", "pencetakan", "siap", "batal"])  # fmt: skip
    assert not follows_table(["berkas", "ditunda", "verifikasi"])  # unpaid to verification
    assert not follows_table(["berkas", "pembayaran"])
    assert not follows_table(["wawancara"]) and not follows_table([])


def test_effective_steps_drop_what_a_correction_undid():
    rows = [(1, "berkas", None), (2, "wawancara", None), (3, "pembayaran", None),
            (4, "wawancara", 3), (5, "berkas", 2), (6, "wawancara", None)]  # fmt: skip
    assert effective_steps(rows) == [(1, "berkas"), (6, "wawancara")]
    # A correction that names a step not in effect changes nothing (never written by the service).
    assert effective_steps([(1, "berkas", None), (2, "berkas", 9)]) == [(1, "berkas")]


# --- application numbers -------------------------------------------------------


def test_number_format():
    assert format_application_number(1234) == "PMH-0001234"
    assert format_application_number(1) == "PMH-0000001"
    assert format_application_number(12_345_678) == "PMH-12345678"


@pytest.mark.parametrize(
    ("typed", "app_id"),
    [
        ("PMH-0001234", 1234),
        ("pmh-1234", 1234),
        ("1234", 1234),
        ("  PMH-0001234\n", 1234),
        ("PMH 0001234", 1234),
        ("PMH0001234", 1234),
        ("PMH_0001234", 1234),  # a scanner on a keyboard layout without the dash where expected
        ("PMH\u20130001234", 1234),  # an en dash pasted from a document
        ("0000001", 1),
        ("", None),
        ("   ", None),
        (None, None),
        ("PMH-", None),
        ("PMH-0000000", None),
        ("0", None),
        ("A-001", None),
        ("PMH-12a4", None),
        ("-1234", None),
        ("12 34", None),
        ("99999999999", None),  # more than the id column holds
        ("PMH-2147483648", None),
    ],
)
def test_number_parsing(typed, app_id):
    assert parse_application_number(typed) == app_id


@given(st.integers(min_value=1, max_value=2**31 - 1))
def test_number_round_trip(app_id):
    number = format_application_number(app_id)
    assert parse_application_number(number) == app_id
    assert parse_application_number(number.lower()) == app_id
    assert parse_application_number(f" {app_id} ") == app_id


# --- random walks ------------------------------------------------------------------


@given(st.lists(st.integers(min_value=0, max_value=100), max_size=40))
def test_random_walks_over_the_table_never_skip_a_stage(choices):
    """Whatever an officer picks from what the table offers, the history is a valid walk: paid
    before verification, verified before printing, printed before ready, ready before collected."""
    path = ["berkas"]
    paid = False
    for choice in choices:
        offered = next_stages(path[-1], paid=paid)
        if not offered:
            break
        nxt = offered[choice % len(offered)]
        assert may_advance(path[-1], nxt, paid=paid)
        path.append(nxt)
        paid = paid or nxt == Stage.PEMBAYARAN
    assert follows_table(path)
    for stage, must_come_after in (
        ("verifikasi", "pembayaran"),
        ("pencetakan", "verifikasi"),
        ("siap", "pencetakan"),
        ("penyerahan", "siap"),
        ("pembayaran", "wawancara"),
    ):
        if stage in path:
            assert must_come_after in path[: path.index(stage)], path
    assert path.count("pembayaran") <= 1, path  # never paid twice
    assert all(p not in FINAL_STAGES for p in path[:-1]), path


@given(
    st.sampled_from(list(Stage)),
    st.sampled_from(list(Stage)),
    st.one_of(st.none(), st.booleans()),
)
def test_may_advance_is_the_table(here, there, paid):
    assert may_advance(here, there, paid=paid) == (there in next_stages(here, paid=paid))
    if may_advance(here, there, paid=paid):
        assert there in NEXT_STAGES[here]
