"""Foreign nationals: found again by passport number + nationality, C ticket, clear refusals."""

from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from app.db.models import Applicant, StayPermitRequest, Ticket
from app.desk.foreigners import ForeignerForm, register_foreigner
from app.desk.registration import find_by_passport
from app.problems import InputRejected


def form(**kw):
    base = dict(passport_no="a1234567", nationality="mys", name="Ahmad bin Ismail",
                birth_date=date(1985, 3, 2), sex="L", kind="itas_perpanjangan")  # fmt: skip
    base.update(kw)
    return ForeignerForm(**base)


def test_foreigner_gets_a_c_ticket_and_is_found_again(db, settings):
    first = register_foreigner(db, settings, form(priority="lansia"), now=datetime(2025, 3, 3, 9))
    assert (
        first.ticket.number == "C-001" and not first.returning and first.ticket.priority == "lansia"
    )
    again = register_foreigner(db, settings, form(passport_no="A1234567 ", kind="perubahan_alamat"),
                               now=datetime(2025, 3, 3, 10))  # fmt: skip
    assert (
        again.returning
        and again.applicant_id == first.applicant_id
        and again.ticket.number == "C-002"
    )
    found = find_by_passport(db, "A1234567", "MYS")
    assert found is not None and found.citizenship == "WNA" and found.nik is None
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(StayPermitRequest)) == 2
        assert s.scalar(select(func.count()).select_from(Applicant)) == 1


def test_bad_input_is_refused_field_by_field_and_nothing_saved(db, settings):
    with pytest.raises(InputRejected) as exc:
        register_foreigner(db, settings, form(passport_no="12", nationality="Malaysia", name="", sex="X",
                                              kind="visa", birth_date=None))  # fmt: skip
    fields = exc.value.by_field("en")
    assert set(fields) >= {"passport_no", "nationality", "name", "sex", "kind", "birth_date"}
    with pytest.raises(InputRejected) as exc:
        register_foreigner(db, settings, form(nationality="IDN"))
    assert "NIK" in exc.value.message("id")
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Ticket)) == 0
        assert s.scalar(select(func.count()).select_from(Applicant)) == 0
