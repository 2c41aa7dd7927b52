"""Finding any application: by number, NIK, passport, booking code or a piece of the name, filtered,
sorted and read a page at a time (keyset pagination), fast over a million applications.

Name search uses the trigram index of migration 0006 (FTS5 on SQLite, pg_trgm on PostgreSQL);
how each search asks the database is app.desk.application_search_plan.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select, tuple_
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.selectable import Join

from app.admin.session import require as require_role
from app.config import Settings
from app.db.engine import Database
from app.db.models import Applicant, Application
from app.desk.application_search_plan import FTS, Plan, conditions, plan
from app.desk.application_terms import search_terms
from app.desk.masking import mask_nik
from app.desk.stages import Stage, format_application_number, stage_of
from app.i18n import N_, register_messages
from app.problems import InputRejected, Problem

__all__ = [
    "SORTS",
    "ApplicationQuery",
    "ApplicationRow",
    "office_query",
    "search_applications",
]

A, P = Application, Applicant
PAGE = 200
_FAR = date(9999, 12, 31)  # where an application without a collection date sorts

SORTS: dict[str, str] = {
    "number": N_("Number"),
    "date": N_("Date"),
    "name": N_("Name"),
    "stage": N_("Stage"),
    "kind": N_("Kind"),
    "product": N_("Product"),
    "collection": N_("Collection date"),
}

register_messages({"search.sort": N_("Unknown sort order {value}. Sort by: {sorts}.")})


@dataclass(frozen=True)
class ApplicationQuery:
    """What the clerk asked for. Empty fields filter nothing; *text* is matched as a number,
    NIK (16 digits, or a prefix of 6 or more), passport number, booking code or name piece."""

    text: str = ""
    stage: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    kind: str | None = None
    product: str | None = None
    overdue: bool = (
        False  # ready, and not collected within cancel_after_days of the collection date
    )
    sort: str = "number"  # a key of SORTS; "number" is registration order
    descending: bool = True
    office: str | None = None  # the office code; None: every office in the database
    today: date | None = None  # for *overdue*; None: today
    cancel_after_days: int = 30  # Settings.uncollected_cancel_days


@dataclass(frozen=True)
class ApplicationRow:
    id: int
    number: str
    application_date: date
    name: str
    masked_nik: str  # "1603••••••••0001"; "" for a foreign national
    kind: str
    product: str
    stage: str
    collection_date: date | None
    booking_code: str | None


def office_query(settings: Settings, **fields: Any) -> ApplicationQuery:
    """A query over this office's applications, with the overdue rule of *settings*."""
    return ApplicationQuery(
        office=settings.office.code, cancel_after_days=settings.uncollected_cancel_days, **fields
    )


def search_applications(
    db: Database,
    query: ApplicationQuery,
    *,
    after: ApplicationRow | None = None,
    limit: int = PAGE,
) -> list[ApplicationRow]:
    """One page of the applications *query* finds, in its order, starting after the row *after*
    (the last row of the previous page; None: the first page). A page shorter than *limit* is
    the last one."""
    require_role("applicant.read_masked")
    _check(query)
    terms = search_terms(query.text)
    if terms.nothing:
        return []
    with db.session() as s:
        sqlite = s.get_bind().dialect.name == "sqlite"
        conds = conditions(s, query, terms, sqlite)
        if conds is None:
            return []
        rows = _page(s, query, plan(s, conds, query.sort, sqlite), after, limit)
    return [
        ApplicationRow(app_id, format_application_number(app_id), day, name,
                       mask_nik(nik) if nik else "", kind, product, stage, collection, booking)
        for app_id, day, name, nik, kind, product, stage, collection, booking in rows
    ]  # fmt: skip


def _check(query: ApplicationQuery) -> None:
    if query.sort not in SORTS:
        params: dict[str, object] = {"value": query.sort, "sorts": ", ".join(SORTS)}
        raise InputRejected([Problem("search.sort", "sort", params)])
    if query.stage and stage_of(query.stage) is None:
        params = {"value": query.stage, "stages": ", ".join(Stage)}
        raise InputRejected([Problem("stage.unknown", "stage", params)])


# --- order and pages --------------------------------------------------------------


def _sort_keys(sort: str) -> list[Any]:
    """The ORDER BY of a sort, the application id last: a total order, so pages never overlap.

    Each is an index's own order where there is one: (office, date), (name), (stage, …),
    (product, date). Kind and collection date have none of their own: over a million rows
    without a filter they are sorted whole (about a second), so the list's headers do not
    offer them (ui.desk.application_table).
    """
    first: dict[str, list[Any]] = {
        "date": [A.application_date],
        "name": [P.name],
        "stage": [A.stage],
        "kind": [A.kind],
        "product": [A.product, A.application_date],
        "collection": [func.coalesce(A.collection_date, _FAR)],
    }
    return first.get(sort, []) + [A.id]


def _key_values(sort: str, row: ApplicationRow) -> list[Any]:
    first: dict[str, list[Any]] = {
        "date": [row.application_date],
        "name": [row.name],
        "stage": [row.stage],
        "kind": [row.kind],
        "product": [row.product, row.application_date],
        "collection": [row.collection_date or _FAR],
    }
    return first.get(sort, []) + [row.id]


class _ApplicantFirst(Join):
    """applicant ⋈ application with applicant as the outer loop (SQLite: CROSS JOIN, which its
    planner never reorders): walking the name index in order finds a page by name at once,
    where the planner's own choice sorted all million applications first (0.3 ms vs 450 ms)."""

    inherit_cache = True


@compiles(_ApplicantFirst, "sqlite")
def _cross_join(element: _ApplicantFirst, compiler: Any, **kw: Any) -> str:
    return str(compiler.visit_join(element, **kw)).replace(" JOIN ", " CROSS JOIN ", 1)


# What a page shows of each application, in ApplicationRow's order.
_SHOWN = (A.id, A.application_date, P.name, P.nik, A.kind, A.product, A.stage,
          A.collection_date, A.booking_code)  # fmt: skip


def _page(
    s: Session, query: ApplicationQuery, how: Plan, after: ApplicationRow | None, limit: int
) -> Sequence[Any]:
    if how.name_order is not None:
        return _page_in_name_index(s, query, how, after, limit)
    keys = _sort_keys(query.sort)
    # Driven by a few candidates: their ids are sorted first and only the page's rows are
    # read in full. Walking in order: the rows are read as they are tested anyway.
    q = select(*((A.id,) if how.driven else _SHOWN))
    if query.sort == "name" and not how.driven:
        q = q.select_from(_ApplicantFirst(P.__table__, A.__table__, A.applicant_id == P.id))
    elif how.join_applicant or query.sort == "name" or not how.driven:
        q = q.select_from(A).join(P, P.id == A.applicant_id)
    else:
        q = q.select_from(A)
    q = q.where(*how.where)
    if after is not None:
        row, values = tuple_(*keys), tuple_(*_key_values(query.sort, after))
        q = q.where(row < values if query.descending else row > values)
    q = q.order_by(*(k.desc() if query.descending else k.asc() for k in keys)).limit(limit)
    if not how.driven:
        return s.execute(q).all()
    ids = list(s.scalars(q))
    return _in_order(ids, s.execute(_rows_of(ids)).all()) if ids else []


def _rows_of(ids: Sequence[int]) -> Any:
    return select(*_SHOWN).join(P, P.id == A.applicant_id).where(A.id.in_(ids))


def _in_order(ids: Sequence[int], rows: Sequence[Any]) -> list[Any]:
    by_id = {row[0]: row for row in rows}
    return [by_id[i] for i in ids if i in by_id]


def _page_in_name_index(
    s: Session, query: ApplicationQuery, how: Plan, after: ApplicationRow | None, limit: int
) -> Sequence[Any]:
    """A name piece listed by number: the index is read in number order until a page is full
    (FTS5 walks its rowids backwards as cheaply as forwards), the whole-key finds merged in."""
    rowid = FTS.c.rowid
    q = (
        select(*_SHOWN)
        .select_from(FTS)
        .join(A, A.id == rowid)
        .join(P, P.id == A.applicant_id)
        .where(FTS.c[FTS.name].op("MATCH")(how.name_order), *how.where)
    )
    if after is not None:
        q = q.where(rowid < after.id if query.descending else rowid > after.id)
    rows = s.execute(
        q.order_by(rowid.desc() if query.descending else rowid.asc()).limit(limit)
    ).all()
    if not how.found:
        return rows
    more = _rows_of(how.found).where(*how.where)
    if after is not None:
        more = more.where(A.id < after.id if query.descending else A.id > after.id)
    merged = {row[0]: row for row in [*rows, *s.execute(more)]}
    return [merged[i] for i in sorted(merged, reverse=query.descending)[:limit]]
