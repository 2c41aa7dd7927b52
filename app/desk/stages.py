"""The stages of a passport application, which step may follow which, and application numbers."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date
from enum import StrEnum

from app.i18n import N_, register_messages
from app.queue.workdays import add_working_days, is_working_day


class Stage(StrEnum):
    BERKAS = "berkas"  # arrival, document check (the registration itself)
    WAWANCARA = "wawancara"  # photo, fingerprints, interview (BAP for lost/damaged)
    PEMBAYARAN = "pembayaran"  # PNBP paid: amount and billing code recorded
    VERIFIKASI = "verifikasi"  # adjudication
    PENCETAKAN = "pencetakan"
    SIAP = "siap"  # printed, waiting at the collection counter
    PENYERAHAN = "penyerahan"  # collected
    BATAL = "batal"  # cancelled
    DITUNDA = "ditunda"  # deferred: a case sent for a later decision (lost passports above all)


STAGE_LABELS: dict[str, str] = {
    Stage.BERKAS: N_("Document check"),
    Stage.WAWANCARA: N_("Photo, fingerprints and interview"),
    Stage.PEMBAYARAN: N_("Payment"),
    Stage.VERIFIKASI: N_("Verification"),
    Stage.PENCETAKAN: N_("Printing"),
    Stage.SIAP: N_("Ready for collection"),
    Stage.PENYERAHAN: N_("Collected"),
    Stage.BATAL: N_("Cancelled"),
    Stage.DITUNDA: N_("Deferred"),
}

# The order of the normal path, for lists and timelines (deferred and cancelled at the end).
STAGE_ORDER: tuple[Stage, ...] = tuple(Stage)

S = Stage
# Which stage may follow which. One step at a time: nothing jumps ahead (a passport is never
# printed unpaid or handed over unprinted), and going back is not a step but a correction
# (correct_last_step), so that the history says a mistake was undone, not that it happened.
NEXT_STAGES: dict[Stage, tuple[Stage, ...]] = {
    # A lost-passport case may be deferred right at the document check (no police report
    # yet, BAP needed first); any case may be withdrawn there.
    S.BERKAS: (S.WAWANCARA, S.DITUNDA, S.BATAL),
    S.WAWANCARA: (S.PEMBAYARAN, S.DITUNDA, S.BATAL),
    # Once paid, nothing is deferred before adjudication: verification decides that.
    S.PEMBAYARAN: (S.VERIFIKASI, S.BATAL),
    S.VERIFIKASI: (S.PENCETAKAN, S.DITUNDA, S.BATAL),
    # The later decision: resume, or refuse. Where it resumes depends on the payment, see
    # next_stages(): an unpaid case goes back to the interview, a paid one to verification.
    S.DITUNDA: (S.WAWANCARA, S.VERIFIKASI, S.BATAL),
    # A failed print is reprinted within the stage; a wrong record is corrected, not stepped.
    S.PENCETAKAN: (S.SIAP,),
    # Not collected in time: cancelled (overdue_for_cancellation lists them).
    S.SIAP: (S.PENYERAHAN, S.BATAL),
    S.PENYERAHAN: (),
    S.BATAL: (),
}
FINAL_STAGES = frozenset(s for s, nexts in NEXT_STAGES.items() if not nexts)
# Stages an officer must give a reason for: the history says why a case stopped or waits.
NOTE_REQUIRED = frozenset({S.BATAL, S.DITUNDA})
# Resuming a deferred case: the interview only before payment, verification only after it, so
# that no application reaches verification unpaid and none is asked to pay twice.
_RESUME_UNPAID, _RESUME_PAID = S.WAWANCARA, S.VERIFIKASI


def stage_of(code: str | None) -> Stage | None:
    """The Stage for a code as typed or stored ("Wawancara " too), or None when there is none."""
    try:
        return Stage((code or "").strip().lower())
    except ValueError:
        return None


def next_stages(current: str, *, paid: bool | None = None) -> tuple[Stage, ...]:
    """The stages an application at *current* may go to, in the table's order.

    *paid* (a payment is recorded) narrows a deferred case's resumption; None means not
    known, and gives the table's row as it stands (for help texts, not for deciding).
    """
    stage = stage_of(current)
    if stage is None:
        return ()
    nexts = NEXT_STAGES[stage]
    if stage is S.DITUNDA and paid is not None:
        nexts = tuple(n for n in nexts if n is not (_RESUME_UNPAID if paid else _RESUME_PAID))
    return nexts


def may_advance(current: str, to: str, *, paid: bool | None = None) -> bool:
    """Whether an application at *current* may go to *to* in one step (see next_stages)."""
    target = stage_of(to)
    return target is not None and target in next_stages(current, paid=paid)


def follows_table(path: Sequence[str]) -> bool:
    """Whether a history of stages (first the registration) is a walk the table allows."""
    if not path or path[0] != S.BERKAS:
        return False
    paid = False
    for here, there in zip(path, path[1:], strict=False):
        if not may_advance(here, there, paid=paid):
            return False
        paid = paid or there == S.PEMBAYARAN
    return True


def effective_steps(steps: Iterable[tuple[int, str, int | None]]) -> list[tuple[int, str]]:
    """The steps still in effect, oldest first, from (id, stage, corrects_id) rows in id order.

    A correction undoes the step it names, which is always the last one in effect; the
    correction row itself is not a step of the path.
    """
    path: list[tuple[int, str]] = []
    for step_id, stage, corrects_id in steps:
        if corrects_id is None:
            path.append((step_id, stage))
        elif path and path[-1][0] == corrects_id:
            path.pop()
    return path


def collection_day(
    paid_on: date,
    working_days: int,
    *,
    same_day: bool = False,
    joint_leave: bool = True,
    closed: frozenset[date] = frozenset(),
) -> date:
    """The day the passport can be collected after a payment on *paid_on*.

    Same-day service (percepatan) is ready the day it is paid, or the next open day when
    paid on a closed one; otherwise *working_days* working days after the payment day.
    """
    if same_day:
        if is_working_day(paid_on, joint_leave, closed):
            return paid_on
        return add_working_days(paid_on, 1, joint_leave, closed)
    return add_working_days(paid_on, working_days, joint_leave, closed)


# --- application numbers -----------------------------------------------------

NUMBER_PREFIX = "PMH"  # permohonan
NUMBER_DIGITS = 7
# What people and barcode scanners type: "PMH-0001234", "pmh-1234", "PMH 1234", "PMH0001234",
# "1234"; a scanner on another keyboard layout may send another dash or an underscore.
_NUMBER = re.compile(rf"(?:{NUMBER_PREFIX}[\s\-_\u2010-\u2015]*)?(\d{{1,10}})", re.IGNORECASE)
_LARGEST_ID = 2**31 - 1  # the id column is a 32-bit integer on PostgreSQL


def format_application_number(app_id: int) -> str:
    """'PMH-0001234' for application 1234."""
    return f"{NUMBER_PREFIX}-{app_id:0{NUMBER_DIGITS}d}"


def parse_application_number(text: str | None) -> int | None:
    """The application id in *text* as typed or scanned, or None when it is no application number."""
    m = _NUMBER.fullmatch((text or "").strip())
    if m is None:
        return None
    app_id = int(m[1])
    return app_id if 0 < app_id <= _LARGEST_ID else None


register_messages(
    {
        "application.not_found": N_("Application {number} not found."),
        "application.bad_number": N_("An application number looks like PMH-0001234."),
        "stage.unknown": N_("Unknown stage {value}. The stages are: {stages}."),
        "stage.already": N_("Application {number} is already at the stage {stage}."),
        "stage.final": N_("Application {number} has ended ({stage}); no further step is possible."),
        "stage.not_next": N_(
            "Application {number} is at the stage {stage} and cannot go to {to}. Next: {allowed}."
        ),
        "stage.changed": N_(
            "Application {number} was moved to {stage} meanwhile (at another counter). "
            "Look at it again before the next step."
        ),
        "stage.note_required": N_("Give the reason for the stage {stage}."),
    }
)
