"""How a search asks the database: its conditions, and which of them drives the query.

PostgreSQL's planner chooses from its own statistics, so there every condition is given as it
stands. SQLite keeps none here, and the difference matters on a million rows:

- a piece of a name, listed by number (the default), is read from the name index itself in
  number order (application_name_fts has rowid = application.id) until a page is full;
- a condition with few candidates (a stage nobody is at, a rare name piece under another sort)
  is asked of its index first — at most PROBE_LIMIT candidates, counted in a few
  milliseconds — and drives the query, the other conditions tested on its rows;
- when every condition has many, the list is walked in its order and each row tested.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Executable,
    Integer,
    Select,
    and_,
    column,
    false,
    func,
    or_,
    select,
    table,
    union,
)
from sqlalchemy.orm import Session

from app.db.models import Applicant, Application, Office
from app.desk.application_terms import SearchTerms
from app.desk.stages import Stage, stage_of

A, P = Application, Applicant
# Migration 0006's FTS5 table: the applicant's name of every application, rowid = application.id.
NAME_INDEX = "application_name_fts"
FTS = table(NAME_INDEX, column("rowid", Integer), column(NAME_INDEX))
# Fewer candidates than this and a condition drives the query; more, and walking the list in
# its order fills a page sooner (bench/bench_search.py measures both sides).
PROBE_LIMIT = 8000


@dataclass
class Condition:
    """One condition of a search in the two forms a plan uses.

    *indexed* is the form an index answers; *checked* the same condition tested row by row (on
    SQLite its columns are wrapped, so that the planner does not take their index instead of
    the one chosen). *probe* selects the candidates of *indexed*, counted to choose; without
    one a condition is few rows by nature (an exact number: *drives*) or has no index to drive
    by. *walks*: the sorts whose walk goes through this condition's own index. *applicant*:
    the checked form reads the applicant's row. *needless*: true of every row, left out unless
    its index orders the walk.
    """

    indexed: ColumnElement[bool]
    checked: ColumnElement[bool]
    probe: Select[Any] | None = None
    drives: bool = True
    walks: tuple[str, ...] = ()
    applicant: bool = False
    needless: bool = False
    # The text's own: a name piece's FTS phrase, its candidate ids (of *candidates_of*), and the
    # applications its whole keys (number, booking code, NIK, passport) found outright.
    phrase: str | None = None
    candidates: Select[Any] | None = None
    candidates_of: Any = None
    found: tuple[int, ...] = ()


@dataclass
class Plan:
    where: list[ColumnElement[bool]]
    join_applicant: bool
    # Read in number order from the name index with this phrase, *found* merged in.
    name_order: str | None = None
    found: tuple[int, ...] = field(default_factory=tuple)
    driven: bool = False  # a condition with few candidates drives (not a walk in list order)


def hidden(col: Any, sqlite: bool) -> Any:
    # likely(x) is x itself; only SQLite's planner sees the call and no longer offers x's index.
    return func.likely(col, type_=col.type) if sqlite else col


def conditions(s: Session, query: Any, terms: SearchTerms, sqlite: bool) -> list[Condition] | None:
    """The conditions of an ApplicationQuery; None when its office does not exist."""
    out: list[Condition] = []
    office: int | None = None
    if query.office is not None:
        offices = {code: oid for code, oid in s.execute(select(Office.code, Office.id))}
        office = offices.get(query.office)
        if office is None:
            return None
        # Walking in date order goes through the office's date index (office_id, date).
        out.append(Condition(A.office_id == office, hidden(A.office_id, sqlite) == office,
                             drives=False, walks=("date",), needless=len(offices) == 1))  # fmt: skip
    if terms.any:
        out.append(text_condition(s, terms, sqlite))
    if query.stage:
        stage = str(stage_of(query.stage))
        out.append(Condition(A.stage == stage, hidden(A.stage, sqlite) == stage,
                             select(A.id).where(A.stage == stage)))  # fmt: skip
    if query.overdue:
        # The rule of app.desk.application_steps.overdue_for_cancellation, on the (stage,
        # collection_date) index: collection_date + N < today ⇔ collection_date < today - N.
        deadline = (query.today or date.today()) - timedelta(days=query.cancel_after_days)
        indexed = and_(A.stage == Stage.SIAP, A.collection_date < deadline)
        checked = and_(hidden(A.stage, sqlite) == Stage.SIAP,
                       hidden(A.collection_date, sqlite) < deadline)  # fmt: skip
        out.append(Condition(indexed, checked, select(A.id).where(indexed)))
    if query.product:
        product = query.product
        out.append(Condition(A.product == product, hidden(A.product, sqlite) == product,
                             select(A.id).where(A.product == product)))  # fmt: skip
    if query.kind:
        out.append(Condition(A.kind == query.kind, A.kind == query.kind, drives=False))
    if query.date_from is not None or query.date_to is not None:
        out.append(_dates(query.date_from, query.date_to, office, sqlite))
    return out


def _dates(first: date | None, last: date | None, office: int | None, sqlite: bool) -> Condition:
    """Applications from *first* to *last*: a range of the office's date index when the office
    is known (it drives a short range, and is the walk in date order), else a check."""

    def within(day: Any) -> ColumnElement[bool]:
        return and_(*([day >= first] if first else []), *([day <= last] if last else []))

    checked = within(hidden(A.application_date, sqlite))
    if office is None:
        return Condition(checked, checked, drives=False)
    indexed = and_(A.office_id == office, within(A.application_date))
    return Condition(indexed, checked, select(A.id).where(indexed), walks=("date",))


def text_condition(s: Session, terms: SearchTerms, sqlite: bool) -> Condition:
    """The text as every kind of key it may be; any of them matching is a match.

    The whole keys (number, booking code, NIK, passport number, a short whole name) find a
    handful of applications, looked up at once; a name piece or a NIK prefix may find a
    hundred thousand, and is left to the plan.
    """
    whole: list[ColumnElement[bool]] = []
    if terms.number is not None:
        whole.append(A.id == terms.number)
    if terms.booking is not None:
        whole.append(A.booking_code == terms.booking)
    person = [c for c in (P.nik == terms.nik if terms.nik is not None else None,
                          P.passport_no == terms.passport if terms.passport is not None else None,
                          P.name == terms.exact_name if terms.exact_name is not None else None)
              if c is not None]  # fmt: skip
    if person:
        whole.append(A.applicant_id.in_(select(P.id).where(or_(*person))))
    found = tuple(s.scalars(_whole_keys(whole, sqlite))) if whole else ()
    cond = Condition(false(), false(), found=found)
    indexed: list[ColumnElement[bool]] = [A.id.in_(found)] if found else []
    checked = list(indexed)
    if terms.nik_prefix is not None:
        low, high = terms.nik_prefix, terms.nik_prefix + ":"  # ":" sorts right after "9"
        cond.candidates = select(P.id).where(P.nik >= low, P.nik < high)
        cond.candidates_of = A.applicant_id
        indexed.append(A.applicant_id.in_(cond.candidates))
        checked.append(and_(hidden(P.nik, sqlite) >= low, hidden(P.nik, sqlite) < high))
        cond.applicant = True
    if terms.name_piece is not None:
        pattern = f"%{terms.name_piece}%"  # the name alphabet has no % or _
        if sqlite:
            cond.phrase = '"' + terms.name_piece + '"'  # quoted: the piece exactly as it stands
            cond.candidates = select(FTS.c.rowid).where(FTS.c[NAME_INDEX].op("MATCH")(cond.phrase))
            cond.candidates_of = A.id
            indexed.append(A.id.in_(cond.candidates))
            checked.append(P.name.like(pattern))  # names are ASCII: LIKE ignores their case
        else:
            indexed.append(P.name.ilike(pattern))  # the pg_trgm GIN index answers ILIKE
            checked.append(P.name.ilike(pattern))
        cond.applicant = True
    if indexed:
        cond.indexed, cond.checked = or_(*indexed), or_(*checked)
    return cond


def _whole_keys(keys: list[ColumnElement[bool]], sqlite: bool) -> Executable:
    """The applications any of *keys* finds. PostgreSQL asks each key of its own index and
    joins the answers: given them as one OR it scanned every application (250 ms of the 340
    of a name-piece search's p95 on a million); SQLite's planner already splits the OR."""
    if sqlite or len(keys) == 1:
        return select(A.id).where(or_(*keys))
    return union(*(select(A.id).where(key) for key in keys))


def plan(s: Session, conds: list[Condition], sort: str, sqlite: bool) -> Plan:
    """Which condition drives the query (see the module's docstring)."""
    if not sqlite:
        # The office condition stays when its index gives the order (date), filtering nothing.
        return Plan([c.indexed for c in conds if not c.needless or sort in c.walks], True)
    driver: Condition | None = None
    fewest = PROBE_LIMIT
    text = next((c for c in conds if c.phrase is not None or c.candidates is not None), None)
    for cond in conds:
        if cond is text or not cond.drives:
            continue
        n = 0 if cond.probe is None else _count_up_to(s, cond.probe, fewest)
        if n < fewest:
            driver, fewest = cond, n
    if text is not None and driver is None and text.phrase is not None and sort == "number":
        rest = [c.checked for c in conds if c is not text and not c.needless]
        joins = any(c.applicant for c in conds if c is not text)
        return Plan(rest, joins, name_order=text.phrase, found=text.found)
    if text is not None and text.candidates is not None:
        n, listed = _candidates(s, text.candidates, fewest)
        if n < fewest:
            # The index was asked once: the query is driven by the ids it answered.
            text.indexed = text.candidates_of.in_(listed)
            if text.found:
                text.indexed = or_(A.id.in_(text.found), text.indexed)
            driver = text
    where = []
    for c in conds:
        if c is driver or (driver is None and sort in c.walks):
            where.append(c.indexed)
        elif not c.needless:
            where.append(c.checked)
    joins = any(c.applicant for c in conds if c is not driver)
    return Plan(where, joins, driven=driver is not None)


def _candidates(s: Session, ids: Select[Any], cap: int) -> tuple[int, Select[Any]]:
    """How many of *ids* there are (at most *cap*), and a select of them for the main query.

    The ids come back as one comma-separated string and go back in as one JSON array: a
    list of thousands costs no Python object per id.
    """
    inner = ids.limit(cap).subquery()
    joined = s.scalar(select(func.group_concat(inner.c[0])).select_from(inner)) or ""
    n = joined.count(",") + 1 if joined else 0
    values = func.json_each("[" + joined + "]").table_valued("value")
    return n, select(values.c.value)


def _count_up_to(s: Session, probe: Select[Any], cap: int) -> int:
    return int(s.scalar(select(func.count()).select_from(probe.limit(cap).subquery())) or 0)
