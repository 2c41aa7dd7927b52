"""Checklist answers of a visit, saved item by item, and the scores they give."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime
from typing import Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.admin.audit import audit
from app.admin.session import require as require_role
from app.changes import NOTHING, Changes
from app.db.engine import Database
from app.db.visit_models import VisitAnswer
from app.i18n import N_, register_messages
from app.monev.findings import visit_for_change
from app.monev.scoring import ANSWER_SETS, ScoredItem, ScoredSection, VisitScore, score_visit
from app.monev.templates import TemplateData, template_data
from app.monev.worded_problem import WordedProblem
from app.problems import InputRejected, Problem

register_messages({
    "visit.answer_invalid": N_("Answer '{value}' is not valid for item {item}; choose: {allowed}."),
    "visit.value_kind": N_("Item {item} takes {expected}."),
    "visit.number_invalid": N_("The number for item {item} is not valid."),
})  # fmt: skip


@dataclass(frozen=True)
class AnswerInfo:
    item_id: int
    answer: str | None
    number: float | None
    text: str | None
    note: str | None
    updated_at: datetime


@dataclass(frozen=True)
class SavedAnswer:
    answer: AnswerInfo | None  # None when the item was cleared
    score: VisitScore
    changes: Changes = field(default=NOTHING, compare=False)


class _Unchanged:
    def __repr__(self) -> str:
        return "UNCHANGED"


UNCHANGED: Final = _Unchanged()


def answer_info(a: VisitAnswer) -> AnswerInfo:
    return AnswerInfo(a.item_id, a.answer, a.number_value, a.text_value, a.note, a.updated_at)


def score_for(template: TemplateData, answers: dict[int, AnswerInfo]) -> VisitScore:
    """Scores of *answers* (by item id) on *template*, by the rules in app.monev.scoring."""
    sections = []
    for sec in template.sections:
        items = []
        for i in sec.items:
            a = answers.get(i.id) if i.id is not None else None
            kind = ANSWER_SETS[i.answer_set].kind if i.answer_set in ANSWER_SETS else "choice"
            answered = a is not None and (
                a.answer is not None if kind == "choice" else
                a.number is not None if kind == "number" else bool((a.text or "").strip())
            )  # fmt: skip
            items.append(
                ScoredItem(
                    i.code, i.answer_set, i.weight, i.critical, a.answer if a else None, answered
                )
            )
        sections.append(ScoredSection(sec.code, sec.title, items))
    return score_visit(sections)


def answers_in_session(s: Session, visit_id: int) -> dict[int, AnswerInfo]:
    rows = s.scalars(select(VisitAnswer).where(VisitAnswer.visit_id == visit_id))
    return {a.item_id: answer_info(a) for a in rows}


def _values(row: VisitAnswer) -> dict[str, object]:
    return {"answer": row.answer, "number": row.number_value, "text": row.text_value,
            "note": row.note}  # fmt: skip


def save_answer(
    db: Database,
    visit_id: int,
    item_id: int,
    answer: str | None | _Unchanged = UNCHANGED,
    number: float | None | _Unchanged = UNCHANGED,
    text: str | None | _Unchanged = UNCHANGED,
    note: str | None | _Unchanged = UNCHANGED,
) -> SavedAnswer:
    """Save one item at once (its own short transaction). A value left out keeps what is
    stored; None clears it. Returns the stored answer and the visit's new scores."""
    require_role("visit.write")
    now = datetime.now()
    with db.write() as s:
        v = visit_for_change(s, visit_id)
        template = template_data(v.template)
        item = template.item(item_id)
        if item is None:
            raise InputRejected(
                [Problem("visit.item_not_in_template", "item_id", {"item": item_id})]
            )
        aset = ANSWER_SETS[item.answer_set]
        row = s.scalar(
            select(VisitAnswer).where(VisitAnswer.visit_id == v.id, VisitAnswer.item_id == item_id)
        )
        row = row or VisitAnswer(visit_id=v.id, item_id=item_id)
        before = _values(row)
        problems: list[Problem] = []
        if not isinstance(answer, _Unchanged):
            if answer is not None and aset.kind != "choice":
                problems.append(
                    WordedProblem(
                        "visit.value_kind", "answer", {"item": item.code}, {"expected": aset.name}
                    )
                )
            elif answer is not None and aset.option(answer) is None:
                problems.append(
                    Problem(
                        "visit.answer_invalid",
                        "answer",
                        {
                            "value": answer,
                            "item": item.code,
                            "allowed": ", ".join(o.code for o in aset.options),
                        },
                    )
                )
            row.answer = answer
        if not isinstance(number, _Unchanged):
            if number is not None and aset.kind != "number":
                problems.append(
                    WordedProblem(
                        "visit.value_kind", "number", {"item": item.code}, {"expected": aset.name}
                    )
                )
            elif number is not None and (
                isinstance(number, bool)
                or not isinstance(number, int | float)
                or not math.isfinite(number)
            ):
                problems.append(Problem("visit.number_invalid", "number", {"item": item.code}))
            row.number_value = None if number is None else float(number)
        if not isinstance(text, _Unchanged):
            if text is not None and aset.kind != "text":
                problems.append(
                    WordedProblem(
                        "visit.value_kind", "text", {"item": item.code}, {"expected": aset.name}
                    )
                )
            row.text_value = text.strip() or None if text is not None else None
        if not isinstance(note, _Unchanged):
            row.note = note.strip() or None if note is not None else None
        if problems:
            raise InputRejected(problems)
        empty = (
            row.answer is None
            and row.number_value is None
            and row.text_value is None
            and row.note is None
        )
        saved: AnswerInfo | None = None
        if empty:
            if row.id is not None:
                s.delete(row)
        else:
            row.updated_at = now
            s.add(row)
            s.flush()
            saved = answer_info(row)
        v.updated_at = now
        audit(s, None, "visit_answer", "visit", v.uuid, at=now, item=item.code,
              before=before, after=_values(row) if not empty else {})  # fmt: skip
        s.flush()
        return SavedAnswer(
            saved, score_for(template, answers_in_session(s, v.id)), Changes(visits=True)
        )


def visit_score(db: Database, visit_id: int) -> VisitScore:
    with db.session() as s:
        v = visit_for_change(s, visit_id, allow_final=True)
        return score_for(template_data(v.template), answers_in_session(s, v.id))
