"""The statistics service on known data: every figure checked exactly, on SQLite and PostgreSQL.

The percentiles are worked out here by hand with the definition's interpolation
(pos = 1 + p·(n − 1) over the sorted whole seconds), independently of the SQL.
"""

from __future__ import annotations

import math
from datetime import date, datetime

import pytest
from sqlalchemy import select

from app.config import Settings
from app.db.models import (
    Applicant,
    Application,
    ApplicationStage,
    Office,
    Service,
    StayPermitRequest,
    Ticket,
)
from app.db.visit_models import MonthlyFigure
from app.figures.statistics import statistics
from app.figures.statistics_model import Difference, Grain, Period, Spread
from app.i18n import set_language
from app.problems import InputRejected
from app.progress import Cancelled

OFFICE = Settings().office.code
OTHER = "LAINNYA"
MARCH = Period.month(2025, 3)


def percentile(values: list[int], p: float) -> float:
    """By hand: linear interpolation between ranks, pos = 1 + p·(n − 1); seconds → minutes."""
    xs = sorted(values)
    pos = 1 + p * (len(xs) - 1)
    lo = math.floor(pos)
    below = xs[lo - 1]
    above = xs[lo] if lo < len(xs) else below
    return (below + (pos - lo) * (above - below)) / 60


def spread(values: list[int]) -> Spread:
    return Spread(len(values), percentile(values, 0.5), percentile(values, 0.9))


def same(a: Spread, b: Spread) -> bool:
    return (
        a.count == b.count
        and a.median == pytest.approx(b.median, abs=1e-9)
        and (a.p90 == pytest.approx(b.p90, abs=1e-9))
    )


def _person(s, name, sex, born, nik):
    p = Applicant(citizenship="WNI", nik=nik, name=name, birth_date=born, sex=sex)
    s.add(p)
    s.flush()
    return p


def _app(s, office, person, day, kind, product, booking=None, stage="berkas", collect=None):
    a = Application(office_id=office, applicant_id=person.id, application_date=day, kind=kind,
                    product=product, validity_years=10, fee_total=650000, booking_code=booking,
                    stage=stage, collection_date=collect)  # fmt: skip
    s.add(a)
    s.flush()
    return a


def _ticket(s, office, prefix, seq, issued, called=None, finished=None, status="done", prio=None):
    service = s.scalar(select(Service).where(Service.prefix == prefix))
    s.add(Ticket(office_id=office, service_id=service.id, ticket_date=issued.date(), prefix=prefix,
                 sequence=seq, priority=prio, status=status, issued_at=issued, called_at=called,
                 finished_at=finished))  # fmt: skip


def _step(s, app, stage, at, corrects=None):
    row = ApplicationStage(application_id=app.id, stage=stage, at=at, corrects_id=corrects)
    s.add(row)
    s.flush()
    return row


def _figure(s, year, month, metric, value):
    s.add(MonthlyFigure(office_code=OFFICE, year=year, month=month, metric=metric, value=value,
                        source="import", updated_at=datetime(2025, 5, 1)))  # fmt: skip


T = datetime  # a ticket's times


@pytest.fixture
def data(db):
    return known_data(db)


def known_data(db):
    """February and March 2025 live, January and April 2025 as stored figures only."""
    with db.write() as s:
        office = s.scalar(select(Office.id).where(Office.code == OFFICE))
        other = Office(code=OTHER, name="Kantor lain")
        s.add(other)
        s.flush()
        p1 = _person(s, "A", "L", date(2000, 3, 15), "1603010000000001")
        p2 = _person(s, "B", "P", date(1960, 6, 1), "1603010000000002")
        p3 = _person(s, "C", "L", date(2010, 1, 1), "1603010000000003")
        p4 = _person(s, "D", "P", date(1985, 3, 10), "1603010000000004")
        wna = Applicant(citizenship="WNA", passport_no="X123", nationality="MYS", name="E",
                        birth_date=date(1990, 1, 1), sex="L")  # fmt: skip
        s.add(wna)
        s.flush()
        # February: two applications, one permit, one ticket.
        _app(s, office, p1, date(2025, 2, 10), "baru", "epaspor", "BK-F1", "penyerahan")
        _app(s, office, p2, date(2025, 2, 20), "penggantian", "biasa", None, "penyerahan")
        # March: five applications.
        a1 = _app(
            s,
            office,
            p1,
            date(2025, 3, 3),
            "baru",
            "epaspor",
            "BK-1",
            "penyerahan",
            date(2025, 3, 10),
        )  # fmt: skip  age 24
        a2 = _app(
            s, office, p1, date(2025, 3, 15), "hilang", "epaspor", None, "siap", date(2025, 3, 22)
        )  # fmt: skip  age 25 that day
        _app(s, office, p2, date(2025, 3, 15), "rusak", "biasa", None, "verifikasi")  # age 64
        _app(s, office, p3, date(2025, 3, 31), "perubahan_data", "epaspor", "BK-2", "batal")  # 15
        a5 = _app(
            s, office, p4, date(2025, 3, 10), "baru", "epaspor", None, "berkas", date(2025, 3, 12)
        )  # fmt: skip  age 40 that day
        _step(s, a1, "siap", T(2025, 3, 8, 10, 0))  # on time
        wrong = _step(s, a2, "siap", T(2025, 3, 20, 9, 0))  # corrected: does not count
        _step(s, a2, "pencetakan", T(2025, 3, 20, 9, 5), corrects=wrong.id)
        _step(s, a2, "siap", T(2025, 3, 25, 9, 0))  # after the promised 22 March: late
        _step(s, a5, "siap", T(2025, 3, 12, 23, 59, 59, 500000))  # the promised day: on time
        # Another office's rows, inside the period: never counted for OFFICE.
        _app(s, other.id, p2, date(2025, 3, 15), "baru", "epaspor", "BK-O")
        s.add(StayPermitRequest(office_id=other.id, applicant_id=wna.id,
                                request_date=date(2025, 3, 5), kind="itk_itas"))  # fmt: skip
        _ticket(s, other.id, "A", 1, T(2025, 3, 3, 8, 0), T(2025, 3, 3, 9, 0), T(2025, 3, 3, 9, 1))
        for day, kind in ((date(2025, 3, 5), "itk_itas"), (date(2025, 3, 5), "itas_perpanjangan"),
                          (date(2025, 3, 20), "itk_itas"), (date(2025, 2, 11), "itas_itap")):  # fmt: skip
            s.add(StayPermitRequest(office_id=office, applicant_id=wna.id, request_date=day,
                                    kind=kind))  # fmt: skip
        # Tickets: waits 600 (599.7 s between the exact times: whole seconds each), 2400,
        # 1800 (exactly the SOP of A: within), 1200, 3600; services 930, 300, 1200, 300.
        _ticket(s, office, "A", 1, T(2025, 3, 3, 8, 0, 0, 400000), T(2025, 3, 3, 8, 10, 0, 100000),
                T(2025, 3, 3, 8, 25, 30))  # fmt: skip
        _ticket(s, office, "A", 2, T(2025, 3, 3, 8, 5), T(2025, 3, 3, 8, 45), T(2025, 3, 3, 8, 50))
        _ticket(s, office, "A", 1, T(2025, 3, 4, 9, 0), T(2025, 3, 4, 9, 30), status="no_show")
        _ticket(s, office, "A", 1, T(2025, 3, 15, 10, 0), status="cancelled")
        _ticket(s, office, "B", 1, T(2025, 3, 15, 10, 0), T(2025, 3, 15, 10, 20),
                T(2025, 3, 15, 10, 40), prio="lansia")  # fmt: skip
        _ticket(s, office, "B", 1, T(2025, 3, 31, 13, 0), T(2025, 3, 31, 14, 0),
                T(2025, 3, 31, 14, 5), prio="disabilitas")  # fmt: skip
        _ticket(s, office, "A", 1, T(2025, 2, 11, 9, 0), T(2025, 2, 11, 9, 5), T(2025, 2, 11, 9, 9))
        # Stored figures: January and April only there; March agrees on one, not the other.
        _figure(s, 2025, 1, "passport_applicants", 8)
        _figure(s, 2025, 1, "epaspor_applicants", 4)
        _figure(s, 2025, 4, "passport_applicants", 12)
        _figure(s, 2025, 4, "epaspor_applications", 10)  # the figures file's code
        _figure(s, 2025, 3, "passport_applicants", 5)
        _figure(s, 2025, 3, "epaspor_applicants", 3)
    return db


WAITS = [600, 2400, 1800, 1200, 3600]
SERVICES = [930, 300, 1200, 300]


def test_march_by_month_every_figure(data):
    calls = []
    st = statistics(data, OFFICE, MARCH, progress=lambda d, n: calls.append((d, n)))
    assert (
        calls
        and calls[-1][0] == calls[-1][1]
        and [d for d, _n in calls] == list(range(1, len(calls) + 1))
    )
    assert st.office_code == OFFICE and st.grain == Grain.MONTH and st.period == MARCH
    (march,) = st.buckets
    assert march.start == date(2025, 3, 1) and march.source == "live"
    assert (march.applications, march.epaspor, march.ordinary) == (5, 4, 1)
    assert (march.walk_in, march.booked, march.wna_services, march.tickets) == (3, 2, 3, 6)
    assert march.epaspor_share == pytest.approx(0.8)
    assert same(march.wait, spread(WAITS)) and same(march.service, spread(SERVICES))
    # By hand: waits 600 1200 1800 2400 3600 -> median rank 3 = 30 min; p90 rank 4.6 = 52 min.
    assert march.wait.median == pytest.approx(30.0) and march.wait.p90 == pytest.approx(52.0)
    assert march.wait.mean == pytest.approx(sum(WAITS) / 5 / 60)  # 32 min
    assert march.service.mean == pytest.approx(sum(SERVICES) / 4 / 60)
    # Services 300 300 930 1200 -> median rank 2.5 = 615 s; p90 rank 3.7 = 1119 s.
    assert march.service.median == pytest.approx(615 / 60)
    assert march.service.p90 == pytest.approx(1119 / 60)
    assert march.no_show_rate == pytest.approx(1 / 5) and march.sop_share == pytest.approx(3 / 5)
    assert march.ready_on_time_share == pytest.approx(2 / 3)
    assert march.growth == pytest.approx((5 - 2) / 2)  # February: 2
    assert march.epaspor_growth == pytest.approx((4 - 1) / 1)
    assert st.total.applications == 5 and st.total.source == "live"
    assert st.total.growth == pytest.approx(1.5) and same(st.total.wait, march.wait)
    assert st.by_kind == {"baru": 2, "penggantian": 0, "hilang": 1, "rusak": 1,
                          "perubahan_data": 1}  # fmt: skip
    assert list(st.by_kind) == ["baru", "penggantian", "hilang", "rusak", "perubahan_data"]
    assert st.by_product == {"epaspor": 4, "biasa": 1}
    assert st.by_channel == {"walk_in": 3, "booked": 2}
    assert st.by_sex == {"L": 3, "P": 2}
    assert st.by_age_group == {"0-16": 1, "17-25": 2, "26-40": 1, "41-60": 0, "61+": 1}
    assert st.by_priority == {"lansia": 1, "disabilitas": 1, "ibu_hamil": 0, "anak": 0,
                              "normal": 4}  # fmt: skip
    assert st.foreign_services == {"itk_itas": 2, "itas_itap": 0, "itas_perpanjangan": 1,
                                   "perubahan_alamat": 0}  # fmt: skip
    assert st.stage_backlog == {"berkas": 1, "wawancara": 0, "pembayaran": 0, "verifikasi": 1,
                                "pencetakan": 0, "siap": 1, "ditunda": 0}  # fmt: skip
    assert st.differences == [Difference(2025, 3, "epaspor_applicants", 4.0, 3.0)]


def test_services_by_prefix(data):
    rows = {r.prefix: r for r in statistics(data, OFFICE, MARCH).services}
    assert list(rows) == ["A", "B", "C", "D"]
    a, b, c = rows["A"], rows["B"], rows["C"]
    assert (a.code, a.name, a.sop_minutes) == ("paspor", "Passport new / replacement", 30)
    assert (a.tickets, a.called, a.no_shows) == (4, 3, 1)
    assert same(a.wait, spread([600, 2400, 1800])) and same(a.service, spread([930, 300]))
    assert a.wait.p90 == pytest.approx(2280 / 60)  # rank 2.8: 1800 + 0.8 · 600
    assert a.sop_share == pytest.approx(2 / 3) and a.no_show_rate == pytest.approx(1 / 3)
    assert (b.tickets, b.called, b.no_shows, b.sop_minutes) == (2, 2, 0, 45)
    assert same(b.wait, spread([1200, 3600])) and same(b.service, spread([1200, 300]))
    assert b.sop_share == pytest.approx(1 / 2) and b.no_show_rate == 0
    assert (c.tickets, c.called, c.wait, c.sop_share, c.no_show_rate) == (
        0,
        0,
        Spread(),
        None,
        None,
    )


def test_months_with_stored_figures_and_growth(data):
    st = statistics(data, OFFICE, Period.months((2025, 2), (2025, 4)), Grain.MONTH)
    feb, mar, apr = st.buckets
    assert [b.start for b in st.buckets] == [date(2025, 2, 1), date(2025, 3, 1), date(2025, 4, 1)]
    assert (feb.applications, feb.epaspor, feb.ordinary, feb.booked, feb.walk_in) == (2, 1, 1, 1, 1)
    assert (feb.wna_services, feb.tickets, feb.source) == (1, 1, "live")
    assert feb.wait == Spread(1, 5.0, 5.0) and feb.service == Spread(1, 4.0, 4.0)
    assert feb.growth == pytest.approx((2 - 8) / 8)  # January: stored 8
    assert feb.epaspor_growth == pytest.approx((1 - 4) / 4)
    assert mar.applications == 5 and mar.source == "live"
    # April: nothing live, so the stored figures, and nothing else is known.
    assert (apr.source, apr.applications, apr.epaspor) == ("import", 12, 10)
    assert (apr.ordinary, apr.walk_in, apr.tickets, apr.wna_services) == (None, None, None, None)
    assert apr.wait == Spread() and apr.no_show_rate is None and apr.epaspor_share == 10 / 12
    assert apr.growth == pytest.approx((12 - 5) / 5) and apr.epaspor_growth == pytest.approx(1.5)
    total = st.total
    assert (total.applications, total.epaspor, total.ordinary, total.tickets) == (19, 15, 2, 7)
    assert total.source == "import"
    # Previous three months (November 2024 – January 2025): only January's stored 8 and 4.
    assert total.growth == pytest.approx((19 - 8) / 8)
    assert total.epaspor_growth == pytest.approx((15 - 4) / 4)
    assert same(total.wait, spread([300, *WAITS])) and same(total.service, spread([240, *SERVICES]))
    assert total.no_show_rate == pytest.approx(1 / 6) and total.sop_share == pytest.approx(4 / 6)
    assert st.differences == [Difference(2025, 3, "epaspor_applicants", 4.0, 3.0)]
    assert st.by_kind["penggantian"] == 1 and st.by_product == {"epaspor": 5, "biasa": 2}


def test_by_day(data):
    st = statistics(data, OFFICE, MARCH, Grain.DAY)
    assert [b.start for b in st.buckets] == [date(2025, 3, d) for d in range(1, 32)]
    day = {b.start.day: b for b in st.buckets}
    assert (day[1].applications, day[1].tickets, day[1].wait, day[1].source) == (
        0,
        0,
        Spread(),
        "live",
    )
    assert day[1].growth is None and day[1].no_show_rate is None
    assert (day[3].applications, day[3].booked, day[3].tickets) == (1, 1, 2)
    assert same(day[3].wait, spread([600, 2400])) and day[3].wait.p90 == pytest.approx(37.0)
    assert day[3].sop_share == pytest.approx(1 / 2) and day[3].ready_on_time_share == 1.0
    assert (day[15].applications, day[15].epaspor, day[15].ordinary) == (2, 1, 1)
    assert day[15].ready_on_time_share == 0.0 and day[15].growth is None  # 14 March: none
    assert (day[5].wna_services, day[20].wna_services) == (2, 1)
    assert day[4].no_show_rate == 1.0 and day[4].service == Spread()
    assert sum(b.applications for b in st.buckets) == 5 and st.total.applications == 5
    assert st.total.growth == pytest.approx((5 - 2) / 2)  # the 31 days before: February's 2
    assert st.differences == []  # stored figures are monthly: compared by month only


def test_by_week(data):
    st = statistics(data, OFFICE, MARCH, Grain.WEEK)
    mondays = [date(2025, 2, 24), date(2025, 3, 3), date(2025, 3, 10), date(2025, 3, 17),
               date(2025, 3, 24), date(2025, 3, 31)]  # fmt: skip
    assert [b.start for b in st.buckets] == mondays
    assert [b.applications for b in st.buckets] == [0, 1, 3, 0, 0, 1]
    assert [b.tickets for b in st.buckets] == [0, 3, 2, 0, 0, 1]
    assert [b.wna_services for b in st.buckets] == [0, 2, 0, 1, 0, 0]
    assert same(st.buckets[1].wait, spread([600, 2400, 1800]))
    assert st.buckets[2].growth == pytest.approx(2.0)
    # The week before: 17–23 February, one application (the 20th); 1–2 March: none.
    assert st.buckets[0].growth == -1.0 and st.buckets[1].growth is None
    assert st.total.applications == 5


def test_empty_period_knows_nothing(data):
    st = statistics(data, OFFICE, Period.months((2030, 1), (2030, 2)))
    assert len(st.buckets) == 2
    for b in [*st.buckets, st.total]:
        assert (b.applications, b.epaspor, b.tickets, b.wna_services, b.source) == (
            None, None, None, None, "")  # fmt: skip
        assert b.wait == Spread() and b.growth is None and b.sop_share is None
    assert st.by_kind == dict.fromkeys(st.by_kind, 0) and st.services[0].tickets == 0
    assert st.differences == []


def test_other_office_counts_only_its_own(data):
    st = statistics(data, OTHER, MARCH)
    assert (st.total.applications, st.total.wna_services, st.total.tickets) == (1, 1, 1)
    assert st.total.wait == Spread(1, 60.0, 60.0) and st.office_name == "Kantor lain"
    assert st.by_sex == {"L": 0, "P": 1} and st.differences == []


def test_cancelled_between_queries(data):
    calls = []
    with pytest.raises(Cancelled):
        statistics(data, OFFICE, MARCH, progress=lambda d, n: calls.append(d),
                   cancelled=lambda: len(calls) >= 2)  # fmt: skip
    assert calls == [1, 2]


def test_bad_input_refused_in_indonesian(db):
    with pytest.raises(InputRejected) as err:
        statistics(db, OFFICE, Period(date(2025, 3, 2), date(2025, 3, 1)))
    assert err.value.by_field() == {
        "period": "Periode dimulai 2025-03-02, sesudah hari terakhirnya 2025-03-01."
    }
    with pytest.raises(InputRejected) as err:
        statistics(db, OFFICE, Period(date(2015, 1, 1), date(2025, 1, 1)))
    assert err.value.by_field()["period"] == "Periode paling panjang 10 tahun."
    assert len(statistics(db, OFFICE, Period(date(2015, 1, 2), date(2025, 1, 1))).buckets) == 121
    with pytest.raises(InputRejected) as err:
        statistics(db, "TIDAKADA", MARCH)
    assert err.value.by_field()["office"] == "Kantor 'TIDAKADA' tidak dikenal."
    with pytest.raises(InputRejected) as err:
        statistics(db, OFFICE, MARCH, "year")  # type: ignore[arg-type]
    assert "day, week" in err.value.by_field("en")["grain"]
    set_language("en")
    with pytest.raises(InputRejected) as err:
        statistics(db, OFFICE, Period(date(2025, 3, 2), date(2025, 3, 1)))
    assert str(err.value) == "The period starts on 2025-03-02, after its last day 2025-03-01."
