"""Finding any application: a piece of the name anywhere, NIK whole or its first digits, passport,
booking code and number; filters; keyset pages that never repeat or skip; and the name index
kept in step by the database itself when a name is added, changed or removed."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import date, timedelta

import pytest
from sqlalchemy import delete, select, text, update

from app.db.models import Applicant, Application, Office
from app.desk import application_search_plan
from app.desk.application_search import (
    SORTS,
    ApplicationQuery,
    office_query,
    search_applications,
)
from app.desk.application_terms import search_terms, too_short_for_names
from app.problems import InputRejected

DAY = date(2024, 7, 1)
# (name, NIK, passport, booking code): a handful of people a counter meets.
PEOPLE = [
    ("ADITYA ABDULLAH", "1603011205900001", None, "MP-0001"),
    ("FARHAN ADITYA SAPUTRA", "1603011306910002", None, None),
    ("NYIMAS YUSNANI AULIA", "1603015507900003", None, "MP-0003"),
    ("SITI AMINAH", "1671024101850004", None, None),
    ("KGS. RUSLI NUGROHO", "1604031010800005", "C1234567", None),
    ("LI", "1603020202020006", None, None),
    ("ALI IMRON", "1603020303030007", None, None),
    ("AHMAD BIN ISMAIL", None, "A7654321", None),  # a foreign national: passport, no NIK
]


def _add_people(db, per_person: int = 3) -> dict[str, list[int]]:
    """Each person with *per_person* applications over the days after DAY; their ids by name."""
    ids: dict[str, list[int]] = {}
    kinds = itertools.cycle(["baru", "penggantian", "hilang"])
    products = itertools.cycle(["epaspor", "biasa"])
    stages = itertools.cycle(["berkas", "siap", "penyerahan", "pembayaran"])
    with db.write() as s:
        office = s.scalar(select(Office.id))
        for n, (name, nik, passport, booking) in enumerate(PEOPLE):
            person = Applicant(citizenship="WNA" if nik is None else "WNI", nik=nik, name=name,
                               passport_no=passport, nationality="MYS" if passport else None,
                               birth_date=date(1990, 1, 1), sex="L")  # fmt: skip
            s.add(person)
            s.flush()
            for k in range(per_person):
                stage = next(stages)
                app = Application(
                    office_id=office, applicant_id=person.id,
                    application_date=DAY + timedelta(days=(n * 7 + k * 3) % 11),
                    kind=next(kinds), product=next(products), validity_years=10, fee_total=650_000,
                    stage=stage, booking_code=booking if k == 0 else None,
                    collection_date=DAY + timedelta(days=n + k) if stage != "berkas" else None,
                )  # fmt: skip
                s.add(app)
                s.flush()
                ids.setdefault(name, []).append(app.id)
    return ids


def _names(rows) -> set[str]:
    return {r.name for r in rows}


def _all(db, query: ApplicationQuery, page: int = 500):
    rows, after = [], None
    while True:
        got = search_applications(db, query, after=after, limit=page)
        rows += got
        if len(got) < page:
            return rows
        after = got[-1]


def test_a_piece_of_the_name_finds_it_anywhere_in_any_case(db, settings):
    _add_people(db)
    q = office_query(settings)
    for piece, expected in [
        ("aditya", {"ADITYA ABDULLAH", "FARHAN ADITYA SAPUTRA"}),
        ("ya ab", {"ADITYA ABDULLAH"}),  # across the space between two names
        ("DULL", {"ADITYA ABDULLAH"}),
        ("  yusnani   aulia ", {"NYIMAS YUSNANI AULIA"}),  # spaces as people type them
        ("kgs.", {"KGS. RUSLI NUGROHO"}),
        ("ali", {"ALI IMRON"}),
        ("ima", {"NYIMAS YUSNANI AULIA"}),
        ("amin", {"SITI AMINAH"}),
        ("Ahmad bin", {"AHMAD BIN ISMAIL"}),
    ]:
        rows = search_applications(db, replace(q, text=piece))
        assert _names(rows) == expected, piece
        assert len(rows) == 3 * len(expected)
    assert search_applications(db, ApplicationQuery(text="zzz")) == []
    assert search_applications(db, ApplicationQuery(text="a%i")) == []  # no name has a %


def test_one_or_two_letters_find_only_that_whole_name(db):
    _add_people(db)
    assert _names(search_applications(db, ApplicationQuery(text="li"))) == {"LI"}
    assert search_applications(db, ApplicationQuery(text="a")) == []
    assert too_short_for_names("li") and too_short_for_names(" A ")
    assert not too_short_for_names("ali") and not too_short_for_names("1234")


def test_nik_whole_or_its_first_digits_and_the_nik_is_masked(db):
    _add_people(db)
    rows = search_applications(db, ApplicationQuery(text="1603011205900001"))
    assert _names(rows) == {"ADITYA ABDULLAH"}
    assert {r.masked_nik for r in rows} == {"1603••••••••0001"}
    assert "1603011205900001" not in repr(rows)
    assert _names(search_applications(db, ApplicationQuery(text="1603 0112 0590 0001"))) == {
        "ADITYA ABDULLAH"
    }
    prefix = search_applications(db, ApplicationQuery(text="160301"))
    assert _names(prefix) == {"ADITYA ABDULLAH", "FARHAN ADITYA SAPUTRA", "NYIMAS YUSNANI AULIA"}
    assert _names(search_applications(db, ApplicationQuery(text="160302"))) == {"LI", "ALI IMRON"}
    # Five digits are too few for a NIK prefix: an application number only.
    assert search_terms("16030").nik_prefix is None
    foreign = search_applications(db, ApplicationQuery(text="A7654321"))
    assert _names(foreign) == {"AHMAD BIN ISMAIL"} and {r.masked_nik for r in foreign} == {""}


def test_passport_booking_code_and_application_number(db):
    ids = _add_people(db)
    assert _names(search_applications(db, ApplicationQuery(text="c1234567"))) == {
        "KGS. RUSLI NUGROHO"
    }
    booked = search_applications(db, ApplicationQuery(text="mp-0003"))
    assert [r.id for r in booked] == [ids["NYIMAS YUSNANI AULIA"][0]]
    assert booked[0].booking_code == "MP-0003"
    wanted = ids["SITI AMINAH"][1]
    for typed in (f"PMH-{wanted:07d}", f"pmh-{wanted}", f" {wanted} ", f"PMH{wanted:07d}"):
        rows = search_applications(db, ApplicationQuery(text=typed))
        assert [r.id for r in rows] == [wanted], typed
        assert rows[0].number == f"PMH-{wanted:07d}"
    assert search_applications(db, ApplicationQuery(text="PMH-9999999")) == []


def test_filters_stage_dates_kind_product_overdue(db, settings):
    _add_people(db)
    everything = _all(db, office_query(settings))
    assert len(everything) == 3 * len(PEOPLE)

    def check(predicate, **fields):
        rows = _all(db, office_query(settings, **fields))
        assert {r.id for r in rows} == {r.id for r in everything if predicate(r)}, fields
        assert rows, fields

    check(lambda r: r.stage == "siap", stage="siap")
    check(lambda r: r.stage == "siap", stage=" Siap ")
    check(lambda r: r.kind == "hilang", kind="hilang")
    check(lambda r: r.product == "biasa", product="biasa")
    check(
        lambda r: DAY + timedelta(days=3) <= r.application_date, date_from=DAY + timedelta(days=3)
    )
    check(lambda r: r.application_date <= DAY + timedelta(days=2), date_to=DAY + timedelta(days=2))
    check(lambda r: r.kind == "baru" and r.product == "epaspor" and "ADITYA" in r.name,
          kind="baru", product="epaspor", text="aditya")  # fmt: skip
    today = DAY + timedelta(days=settings.uncollected_cancel_days + 5)
    overdue = lambda r: r.stage == "siap" and r.collection_date < DAY + timedelta(days=5)  # noqa: E731
    check(overdue, overdue=True, today=today)
    check(overdue, overdue=True, today=today, stage="siap")


@pytest.mark.parametrize("sort", list(SORTS))
@pytest.mark.parametrize("descending", [True, False], ids=["desc", "asc"])
def test_keyset_pages_neither_repeat_nor_skip(db, settings, sort, descending):
    _add_people(db, per_person=5)
    for text_ in ("", "a", "ad", "ali", "1603"):
        q = office_query(settings, sort=sort, descending=descending, text=text_)
        whole = search_applications(db, q, limit=1000)
        for page in (1, 3, 7):
            assert _all(db, q, page) == whole, (text_, page)
    whole = search_applications(db, office_query(settings, sort=sort, descending=descending))
    key = {
        "number": lambda r: (r.id,),
        "date": lambda r: (r.application_date, r.id),
        "name": lambda r: (r.name, r.id),
        "stage": lambda r: (r.stage, r.id),
        "kind": lambda r: (r.kind, r.id),
        "product": lambda r: (r.product, r.application_date, r.id),
        "collection": lambda r: (r.collection_date or date.max, r.id),
    }[sort]
    assert whole == sorted(whole, key=key, reverse=descending)


@pytest.mark.parametrize("probe_limit", [1, 2, 5, 10_000])
def test_every_plan_finds_the_same_pages(sqlite_db, settings, monkeypatch, probe_limit):
    """Walking the list and driving by the index are two ways to one answer (SQLite chooses
    by counting candidates up to PROBE_LIMIT: a small limit makes it walk)."""
    db = sqlite_db
    _add_people(db, per_person=4)
    queries = [
        office_query(settings, text=t, **f)
        for t in ("aditya", "ali", "160301", "li", "", "mp-0001")
        for f in (
            {},
            {"stage": "siap"},
            {"sort": "date"},
            {"sort": "name", "descending": False},
            {"product": "biasa", "kind": "baru"},
        )  # fmt: skip
    ]
    expected = []
    monkeypatch.setattr(application_search_plan, "PROBE_LIMIT", 10_000)
    for q in queries:
        expected.append(_all(db, q, page=2))
    monkeypatch.setattr(application_search_plan, "PROBE_LIMIT", probe_limit)
    assert [_all(db, q, page=2) for q in queries] == expected


def test_another_offices_applications_are_not_listed(db, settings):
    ids = _add_people(db, per_person=2)
    with db.write() as s:
        other = Office(code="PALEMBANG", name="Kantor Imigrasi Palembang")
        s.add(other)
        s.flush()
        moved = ids["SITI AMINAH"][0]
        s.execute(update(Application).where(Application.id == moved).values(office_id=other.id))
    for sort in ("number", "date"):
        mine = _all(db, office_query(settings, sort=sort))
        assert moved not in {r.id for r in mine} and len(mine) == 2 * len(PEOPLE) - 1
        assert [r.id for r in _all(db, ApplicationQuery(text="aminah", office="PALEMBANG"))] == [
            moved
        ]
    assert search_applications(db, ApplicationQuery(office="NOWHERE")) == []


def _fts_sound(db) -> None:
    if db.is_sqlite:  # FTS5 compares its index with the applicant table itself
        with db.engine.begin() as conn:
            conn.exec_driver_sql(
                "INSERT INTO application_name_fts(application_name_fts, rank) "
                "VALUES('integrity-check', 1)"
            )


def test_the_name_index_follows_every_insert_rename_and_delete(db):
    ids = _add_people(db, per_person=1)
    _fts_sound(db)
    with db.write() as s:
        s.execute(update(Applicant).where(Applicant.name == "SITI AMINAH")
                  .values(name="SITI RAHMAWATI"))  # fmt: skip
    assert search_applications(db, ApplicationQuery(text="aminah")) == []
    assert [r.id for r in search_applications(db, ApplicationQuery(text="rahmaw"))] == ids[
        "SITI AMINAH"
    ]
    with db.write() as s:
        office = s.scalar(select(Office.id))
        newcomer = Applicant(citizenship="WNI", nik="1603012212950009", name="ZULKIFLI HARAHAP",
                             birth_date=date(1995, 12, 22), sex="L")  # fmt: skip
        s.add(newcomer)
        s.flush()
        s.add(Application(office_id=office, applicant_id=newcomer.id, application_date=DAY,
                          kind="baru", product="epaspor", validity_years=10, fee_total=650_000))  # fmt: skip
    assert _names(search_applications(db, ApplicationQuery(text="kifli har"))) == {
        "ZULKIFLI HARAHAP"
    }
    # An application recorded under the wrong person and moved to the right one.
    with db.write() as s:
        budi = s.scalar(select(Applicant.id).where(Applicant.name == "ZULKIFLI HARAHAP"))
        moved = ids["ALI IMRON"][0]
        s.execute(update(Application).where(Application.id == moved).values(applicant_id=budi))
    assert search_applications(db, ApplicationQuery(text="imron")) == []
    assert moved in {r.id for r in search_applications(db, ApplicationQuery(text="zulkifli"))}
    _fts_sound(db)
    with db.write() as s:
        gone = s.scalar(select(Applicant.id).where(Applicant.name == "LI"))
        s.execute(delete(Application).where(Application.applicant_id == gone))
        s.execute(delete(Applicant).where(Applicant.id == gone))
    assert search_applications(db, ApplicationQuery(text="li")) == []
    _fts_sound(db)
    if db.is_sqlite:
        with db.engine.connect() as conn:
            found = conn.execute(text("SELECT rowid FROM application_name_fts "
                                      "WHERE application_name_fts MATCH '\"AMINAH\"'")).all()  # fmt: skip
            assert found == []


def test_unknown_sort_or_stage_is_refused_with_the_choices(db):
    with pytest.raises(InputRejected) as exc:
        search_applications(db, ApplicationQuery(sort="nik"))
    assert "number" in exc.value.message("en") and exc.value.problems[0].key == "search.sort"
    with pytest.raises(InputRejected) as exc:
        search_applications(db, ApplicationQuery(stage="lost"))
    assert exc.value.problems[0].key == "stage.unknown" and "siap" in exc.value.message("en")


def _find(db, settings, capsys, *argv: str) -> tuple[int, str, str]:
    """`kanimdesk application find …` as its handler runs it (the lead wires it into the CLI)."""
    import argparse

    from app.cli.find import add_find_command

    parser = argparse.ArgumentParser()
    add_find_command(parser.add_subparsers())
    args = parser.parse_args(["find", *argv])
    code = args.handler(args, settings, "en", db)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_the_command_line_finds_and_prints_numbers_names_and_masked_niks(db, settings, capsys):
    ids = _add_people(db, per_person=2)
    code, out, err = _find(db, settings, capsys, "aditya")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 4 and err == ""
    newest = max(ids["ADITYA ABDULLAH"] + ids["FARHAN ADITYA SAPUTRA"])
    assert lines[0].startswith(f"PMH-{newest:07d}  2024-07-")
    assert "1603••••••••0001" in out and "1603011205900001" not in out
    code, out, _err = _find(db, settings, capsys, "1603011205900001", "--json")
    import json

    rows = json.loads(out)
    assert [r["name"] for r in rows] == ["ADITYA ABDULLAH"] * 2 and rows[0]["nik"].startswith(
        "1603••"
    )
    code, out, err = _find(db, settings, capsys, "aditya", "--limit", "1")
    assert len(out.splitlines()) == 1 and "--limit" in err
    code, out, err = _find(db, settings, capsys, "nobody here")
    assert code == 0 and out == "" and "No application found" in err
    with pytest.raises(InputRejected) as exc:
        _find(db, settings, capsys, "zq")
    assert exc.value.problems[0].key == "search.short"
