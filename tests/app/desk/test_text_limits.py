"""Text limits: one table in the rules, equal to the column lengths, refused alike on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

import app.db.admin_models  # noqa: F401 - the accounts belong to the same metadata
import app.db.figure_models  # noqa: F401 - the publicity log belongs to the same metadata
import app.db.visit_models  # noqa: F401 - the visit tables belong to the same metadata
from app.db.models import Applicant, Base
from app.desk.appointments import import_appointments
from app.desk.foreigners import ForeignerForm, register_foreigner
from app.desk.nik import make_nik
from app.desk.registration import RegistrationForm, register
from app.problems import InputRejected
from app.text_limits import TEXT_LIMITS, too_long

from tests.app import test_pure_rules as pure_rules
from tests.app.desk.test_appointments import booking, csv_bytes, put
from tests.app.monev.exchange.visit_samples import row_counts
from tests.pii import assert_no_personal_data

APP = Path(__file__).resolve().parents[3] / "app"
NOW = datetime(2026, 12, 1, 9, 0)
# String columns whose values the program writes itself from its own tables (codes, states,
# UUIDs, hashes) or that a rule of their own fixes exactly (NIK: 16 digits, sex: L/P).
SET_BY_PROGRAM = {
    "applicant.citizenship", "applicant.nik", "applicant.sex", "application.uuid",
    "application.kind", "application.product", "application.purpose", "application.stage",
    "application_fee.component", "application_stage.stage", "appointment.kind",
    "appointment.product", "attachment.sha256", "attachment.mime", "audit_log.action",
    "audit_log.entity", "audit_log.entity_id", "checklist_template.uuid", "finding.uuid",
    "finding.priority", "finding.status", "finding.carried_from", "finding.carried_status",
    "finding_follow_up.uuid", "finding_follow_up.status", "import_batch.kind",
    "import_batch.sha256", "monthly_figure.metric", "monthly_figure.source", "queue_event.event",
    "queue_event.detail", "service.prefix", "service.code", "service.name_id", "service.name_en",
    "service.kind", "stay_permit_request.uuid", "stay_permit_request.kind", "tariff.code",
    "tariff.component", "tariff.product", "template_item.answer_set", "ticket.uuid",
    "socialization_activity.uuid", "socialization_activity.kind",
    "socialization_activity.office_code", "ticket.prefix", "ticket.priority", "ticket.status", "ticket_sequence.prefix", "visit.uuid",
    "visit.status", "visit.conflict_of", "visit_answer.answer", "visit_attachment.uuid",
    "figure_day.key", "figure_month.key", "figure_month_hist.measure",
    "user_account.username", "user_account.role", "user_account.password_hash",
    "audit_log.workstation",
}  # fmt: skip


def _column(key: str):
    table, column = key.split(".")
    return Base.metadata.tables[table].c[column]


def test_text_limits_is_a_pure_rules_module():
    pure_rules.test_rules_module_imports_no_database_and_no_io(APP / "text_limits.py")


@pytest.mark.parametrize("key", sorted(TEXT_LIMITS))
def test_each_limit_is_its_column_length(key):
    length = getattr(_column(key).type, "length", None)
    # Text and JSON columns have no length: the rules' limit is the only one.
    assert length is None or TEXT_LIMITS[key].max == length, (key, length)


def test_every_string_column_a_person_can_fill_has_a_limit():
    unlisted = [
        f"{t.name}.{c.name}"
        for t in Base.metadata.sorted_tables
        for c in t.c
        if getattr(c.type, "length", None)
        and f"{t.name}.{c.name}" not in TEXT_LIMITS
        and f"{t.name}.{c.name}" not in SET_BY_PROGRAM
    ]
    assert unlisted == [], "add these to app/text_limits.py (or SET_BY_PROGRAM if never typed)"


def test_the_reason_names_the_field_and_the_numbers():
    p = too_long("applicant.name", "A" * 130, "name")
    assert p is not None and p.field == "name"
    assert p.message("en") == "The name is too long (130 characters; at most 120)."
    assert p.message("id") == "Nama terlalu panjang (130 karakter; maks. 120)."
    assert too_long("applicant.name", "A" * 120, "name") is None


def _walk_in(**kw: object) -> RegistrationForm:
    values: dict[str, object] = dict(
        nik=make_nik("16", "03", "01", date(1990, 7, 15), "P", 1), name="Siti Aminah",
        birth_date=date(1990, 7, 15), sex="P", kind="baru", product="epaspor", validity_years=10,
    )  # fmt: skip
    values.update(kw)
    return RegistrationForm(**values)  # type: ignore[arg-type]


# Each of these once reached the database: SQLite stored them, PostgreSQL aborted the transaction.
WALK_IN_TOO_LONG = {
    "name": ({"name": "Siti " + "Aminah " * 1500}, "applicant.name.too_long"),
    "birth_place": ({"birth_place": "Muara Enim" * 9}, "applicant.birth_place.too_long"),
    "phone": ({"phone": "0812 - 7344 - 5100 - 12"}, "applicant.phone.too_long"),
    "booking_code": ({"booking_code": "MP-" + "9" * 40}, "application.booking_code.too_long"),
}


@pytest.mark.parametrize("field", WALK_IN_TOO_LONG)
def test_an_over_long_walk_in_value_is_refused_and_nothing_is_written(db, settings, field):
    changes, key = WALK_IN_TOO_LONG[field]
    before = row_counts(db)
    with pytest.raises(InputRejected) as refused:
        register(db, settings, _walk_in(**changes), officer="petugas1", now=NOW)
    assert [(p.key, p.field) for p in refused.value.problems] == [(key, field)]
    assert "too long" in refused.value.message("en") and "terlalu panjang" in refused.value.message(
        "id"
    )
    assert_no_personal_data(refused.value.message("en"), names=("Siti Aminah",))
    assert row_counts(db) == before


def test_an_over_long_officer_or_counter_is_refused(db, settings):
    before = row_counts(db)
    with pytest.raises(InputRejected) as refused:
        register(db, settings, _walk_in(), officer="x" * 61, counter="Loket " * 5, now=NOW)
    assert [p.key for p in refused.value.problems] == [
        "application.officer.too_long",
        "ticket.counter.too_long",
    ]
    assert row_counts(db) == before
    assert register(db, settings, _walk_in(), officer="petugas1", now=NOW).ticket.number


def _foreigner(**kw: object) -> ForeignerForm:
    values: dict[str, object] = dict(
        passport_no="A1234567", nationality="MYS", name="Tan Wei Ming",
        birth_date=date(1980, 5, 5), sex="L", kind="itas_perpanjangan",
    )  # fmt: skip
    values.update(kw)
    return ForeignerForm(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("changes", "key", "field"),
    [
        ({"name": "Tan Wei Ming " * 20}, "applicant.name.too_long", "name"),
        ({"permit_no": "2C21JE" + "0" * 40}, "stay_permit_request.permit_no.too_long", "permit_no"),
        ({"phone": "+60 12 - 345 - 6789 - 01"}, "applicant.phone.too_long", "phone"),
    ],
)
def test_an_over_long_foreigners_desk_value_is_refused_and_nothing_is_written(
    db, settings, changes, key, field
):
    before = row_counts(db)
    with pytest.raises(InputRejected) as refused:
        register_foreigner(db, settings, _foreigner(**changes), now=NOW)
    assert [(p.key, p.field) for p in refused.value.problems] == [(key, field)]
    assert_no_personal_data(refused.value.message("id"), names=("Tan Wei Ming",))
    assert row_counts(db) == before
    assert register_foreigner(db, settings, _foreigner(), now=NOW).ticket.number.startswith("C")


def test_an_appointment_file_with_one_over_long_name_imports_the_other_rows(db, settings, tmp_path):
    long_name = "Pemohon " + "Panjang " * 20  # 167 characters as stored: over the column's 120
    rows = [booking(0), booking(1, name=long_name), booking(2)]
    report = import_appointments(db, settings, put(tmp_path, csv_bytes(rows)), lang="en")
    assert (report.imported, report.skipped) == (2, 0)
    assert [(r.row, r.reason_key) for r in report.rejected] == [(3, "applicant.name.too_long")]
    assert report.rejected[0].message("en") == (
        "name: The name is too long (167 characters; at most 120)."
    )
    assert_no_personal_data(report.summary("en"), names=(long_name, "Pemohon A", "Pemohon C"))
    with db.session() as s:
        names = sorted(s.scalars(select(Applicant.name)))
    assert names == ["PEMOHON A", "PEMOHON C"]
