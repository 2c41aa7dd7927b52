"""The audit trail: every service that changes data writes a row in the same transaction (this
test finds the services itself, so a new one without a case here fails it); rows name who,
when, which workstation, and mask personal fields; nothing can change or delete a row."""

from __future__ import annotations

import ast
import json
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import func, select, text
from sqlalchemy.exc import DatabaseError

from app.admin import first_start, retention, session, users
from app.admin.audit import audit_rows
from app.config import resources_dir
from app.db import setup
from app.db.models import AuditLog, this_workstation
from app.desk import application_steps as steps
from app.desk import closures, receipt_data
from app.figures import activities, service_figures
from app.monev import findings, photos, visit_identity
from app.queue import tickets

from tests.app.desk.walk_ins import register_walk_ins, walk_in
from tests.app.figures.test_activities import draft as activity_draft
from tests.app.monev.test_visits import draft as visit_draft

APP = Path(__file__).resolve().parents[3] / "app"
NOW = datetime(2026, 11, 30, 9, 0)

# Services that write without an audit row of their own, and why.
EXEMPT = {
    "app/db/setup.py:init_database": "creates the schema and seeds fixed reference rows",
    "app/demo/generator.py:generate_demo": "demo data, made only on a demo database",
    "app/demo/visits.py:generate_demo_visits": "demo data (marked by its own audit action)",
    "app/demo/visits.py:_remove_leftovers": "removes a half-made demo visit",
    "app/figures/statistics_cache.py:refresh": "derived figures, recomputed from audited rows",
    "app/admin/backups.py:_record": "is the backup's audit row",
    "app/admin/restore.py:_after_restore": "is the restore's audit row",
}


def write_services() -> set[str]:
    """Every function in app/ that opens a write (``with db.write()``)."""
    found = set()
    for path in sorted(APP.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.FunctionDef) and ".write() as" in (
                ast.get_source_segment(source, node) or ""
            ):
                found.add(f"{path.relative_to(APP.parent).as_posix()}:{node.name}")
    return found


def _photo(path: Path) -> Path:
    Image.new("RGB", (400, 300), (30, 120, 200)).save(path, "PNG")
    return path


class World:
    """What the services act on, made once per test through the services themselves."""

    def __init__(self, db, settings, tmp_path: Path):
        self.db, self.settings, self.tmp = db, settings, tmp_path

    def app_id(self) -> int:
        if not hasattr(self, "_app"):
            (self._app,) = register_walk_ins(self.db, self.settings, 1, NOW, start=500)
        return self._app

    def ready_app(self) -> int:
        """An application walked to 'siap', its collection date long past."""
        from app.desk.application_steps import advance

        (app_id,) = register_walk_ins(self.db, self.settings, 1, NOW, start=600)
        for to, extra in (("wawancara", {}), ("pembayaran", {"paid_amount": 650000,
                          "billing_code": "820261130000001"}), ("verifikasi", {}),
                          ("pencetakan", {}), ("siap", {})):  # fmt: skip
            advance(self.db, self.settings, app_id, to, officer="desk", now=NOW, **extra)
        return app_id

    def visit(self) -> int:
        from app.monev.visit_identity import create_visit

        if not hasattr(self, "_visit"):
            self._visit = create_visit(self.db, visit_draft()).id
        return self._visit

    def finding(self) -> int:
        from app.monev.findings import FindingDraft, add_finding

        if not hasattr(self, "_finding"):
            self._finding = add_finding(self.db, self.visit(), FindingDraft("Papan tarif lama")).id
        return self._finding

    def photo_link(self) -> int:
        from app.monev.photos import attach_photo

        if not hasattr(self, "_link"):
            self._link = attach_photo(self.db, self.visit(), _photo(self.tmp / "p.png"), "Loket").id
        return self._link

    def activity(self) -> int:
        if not hasattr(self, "_activity"):
            self._activity = activities.add_activity(self.db, activity_draft()).id
        return self._activity

    def ticket(self) -> int:
        if not hasattr(self, "_ticket"):
            self._ticket = tickets.issue_ticket(self.db, self.settings.office.code, "D").id
        return self._ticket

    def called(self) -> int:
        if not hasattr(self, "_called"):
            self.ticket()
            found = tickets.call_next(self.db, self.settings.office.code, "1")
            assert found is not None
            self._called = found.id
        return self._called


def _answer(w: World) -> None:
    from app.monev.answers import save_answer
    from app.monev.visits import visit_detail

    template = visit_detail(w.db, w.visit()).template
    for _, item in template.items():
        from app.monev.scoring import ANSWER_SETS

        aset = ANSWER_SETS[item.answer_set]
        if aset.kind == "choice":
            save_answer(w.db, w.visit(), item.id, answer=aset.options[0].code)
            return
    raise AssertionError("the default template has no choice item")


def _foreigner(w: World) -> None:
    from app.desk.foreigners import ForeignerForm, register_foreigner

    form = ForeignerForm(passport_no="X1234567", nationality="MYS", name="Tan Ah Kow",
                         birth_date=date(1980, 1, 1), sex="L", kind="itas_perpanjangan")  # fmt: skip
    register_foreigner(w.db, w.settings, form, officer="desk", now=NOW)


def _appointments(w: World) -> None:
    from app.desk.appointment_import import import_appointments

    import_appointments(w.db, w.settings, resources_dir() / "samples" / "appointments-sample.csv")


def _check_in(w: World) -> None:
    from app.desk.appointments import check_in

    check_in(w.db, w.settings, "MP-2611-7Q4K9", officer="desk", now=NOW)


def _template_file(w: World) -> None:
    from app.monev.templates import export_template, latest_template

    t = latest_template(w.db)
    assert t is not None
    export_template(w.db, t.id, w.tmp / "t.yaml")
    body = (w.tmp / "t.yaml").read_text(encoding="utf-8")
    assert "code: monev-paspor" in body
    (w.tmp / "t2.yaml").write_text(body.replace("code: monev-paspor", "code: monev-uji", 1),
                                   encoding="utf-8")  # fmt: skip


def _template_import(w: World) -> None:
    from app.monev.templates import import_template

    import_template(w.db, w.tmp / "t2.yaml")


def _template_edit(w: World) -> None:
    import dataclasses

    from app.monev.templates import get_template, latest_template, save_template_edit

    t = latest_template(w.db)
    assert t is not None
    data = get_template(w.db, t.id)
    save_template_edit(w.db, t.id, dataclasses.replace(data, title=data.title + " (uji)"))


def _visit_export(w: World) -> None:
    from app.monev.exchange.visit_packages import export_visit

    export_visit(w.db, w.visit(), w.tmp / "v.kanimvisit")


def _visit_package(w: World) -> None:
    """A package exported from another laptop's database."""
    from app.db.engine import Database
    from app.db.setup import init_database
    from app.monev.exchange.visit_packages import export_visit
    from app.monev.visit_identity import create_visit

    other = Database(f"sqlite:///{w.tmp / 'laptop.sqlite'}")
    init_database(other, w.settings)
    export_visit(other, create_visit(other, visit_draft()).id, w.tmp / "v.kanimvisit")
    other.dispose()


def _visit_import(w: World) -> None:
    from app.monev.exchange.visit_packages import import_visit

    import_visit(w.db, w.tmp / "v.kanimvisit")


def _figures_out(w: World) -> None:
    from app.figures.figures_file import export_figures

    w.app_id()  # a month with service data
    export_figures(w.db, w.settings.office.code, (2026, 11), (2026, 11), w.tmp / "f.json")


def _figures_in(w: World) -> None:
    from app.figures.figures_file import import_figures_file

    import_figures_file(w.db, w.tmp / "f.json")


def _history(w: World) -> None:
    from app.figures.history_import import import_history_csv

    import_history_csv(w.db, w.settings.office.code, resources_dir() / "samples" /
                       "figures-history.csv", today=date(2026, 12, 1))  # fmt: skip


def _closure_remove(w: World) -> None:
    from app.desk.closures import add_closure, remove_closure

    add_closure(w.db, w.settings, date(2026, 12, 24), "Cuti bersama", "admin")
    remove_closure(w.db, w.settings, date(2026, 12, 24), "admin")


def _user(w: World) -> None:
    users.add_user(w.db, "admin", "Admin", "administrator", "rahasia-panjang-1", actor="uji")


def _two_users(w: World) -> None:
    _user(w)
    users.add_user(w.db, "loket1", "Loket", "petugas_loket", "rahasia-panjang-2", actor="uji")


# Each write service, done once for real (a private one through the public call that uses
# it): (what it needs made first, the call). What is made first is not counted.
Case = tuple[Callable[[World], object] | None, Callable[[World], object]]
CASES: dict[str, Case] = {
    "app/desk/registration.py:register": (None, lambda w: w.app_id()),
    "app/desk/foreigners.py:register_foreigner": (None, _foreigner),
    "app/desk/appointment_import.py:import_appointments": (None, _appointments),
    "app/desk/appointments.py:_mark_checked_in": (_appointments, _check_in),
    "app/desk/application_steps.py:advance": (lambda w: w.app_id(), lambda w: steps.advance(
        w.db, w.settings, w.app_id(), "wawancara", officer="desk", now=NOW)),
    "app/desk/application_steps.py:correct_last_step": (lambda w: w.ready_app(),
        lambda w: steps.correct_last_step(w.db, w.settings, w.ready_app(), officer="desk",
                                          note="Salah tekan", now=NOW)),
    "app/desk/application_steps.py:cancel_overdue": (lambda w: w.ready_app(),
        lambda w: steps.cancel_overdue(w.db, w.settings, [w.ready_app()], "Tidak diambil",
                                       officer="kasi", now=NOW + timedelta(days=120))),
    "app/desk/closures.py:add_closure": (None, lambda w: closures.add_closure(
        w.db, w.settings, date(2026, 12, 31), "Cuti bersama", "admin")),
    "app/desk/closures.py:remove_closure": (lambda w: closures.add_closure(
        w.db, w.settings, date(2026, 12, 24), "Cuti bersama", "admin"),
        lambda w: closures.remove_closure(w.db, w.settings, date(2026, 12, 24), "admin")),
    "app/desk/receipt_data.py:record_receipt": (lambda w: w.app_id(),
        lambda w: receipt_data.record_receipt(w.db, w.app_id(), receipt_data.PRINTED, "desk")),
    "app/queue/tickets.py:issue_ticket": (None, lambda w: w.ticket()),
    "app/queue/tickets.py:mark_printed": (lambda w: w.ticket(),
        lambda w: tickets.mark_printed(w.db, w.ticket(), "1", "desk")),
    "app/queue/tickets.py:call_next": (lambda w: w.ticket(),
        lambda w: tickets.call_next(w.db, w.settings.office.code, "1")),
    "app/queue/tickets.py:act": (lambda w: w.called(),
        lambda w: tickets.act(w.db, w.called(), "finish")),
    "app/queue/tickets.py:transfer": (lambda w: w.ticket(),
        lambda w: tickets.transfer(w.db, w.ticket(), "A")),
    "app/figures/activities.py:add_activity": (None, lambda w: w.activity()),
    "app/figures/activities.py:update_activity": (lambda w: w.activity(),
        lambda w: activities.update_activity(w.db, w.activity(), activity_draft(audience=50))),
    "app/figures/activities.py:delete_activity": (lambda w: w.activity(),
        lambda w: activities.delete_activity(w.db, w.activity())),
    "app/figures/activities.py:set_activity_photo": (lambda w: w.activity(),
        lambda w: activities.set_activity_photo(w.db, w.activity(), _photo(w.tmp / "a.png"))),
    "app/figures/activities.py:remove_activity_photo": (lambda w: activities.set_activity_photo(
        w.db, w.activity(), _photo(w.tmp / "a.png")),
        lambda w: activities.remove_activity_photo(w.db, w.activity())),
    "app/figures/figures_file.py:import_figures_file": (_figures_out, _figures_in),
    "app/figures/history_import.py:import_history_csv": (None, _history),
    "app/figures/service_figures.py:record_monthly_figure": (None,
        lambda w: service_figures.record_monthly_figure(
            w.db, w.settings.office.code, 2026, 10, "applications_total", 120)),
    "app/monev/visit_identity.py:create_visit": (None, lambda w: w.visit()),
    "app/monev/visit_identity.py:update_visit": (lambda w: w.visit(),
        lambda w: visit_identity.update_visit(w.db, w.visit(), visit_draft(place="Palembang"))),
    "app/monev/visit_identity.py:_set_status": (lambda w: w.visit(),
        lambda w: visit_identity.finalize_visit(w.db, w.visit())),
    "app/monev/answers.py:save_answer": (lambda w: w.visit(), _answer),
    "app/monev/findings.py:add_finding": (lambda w: w.visit(), lambda w: w.finding()),
    "app/monev/findings.py:update_finding": (lambda w: w.finding(),
        lambda w: findings.update_finding(
            w.db, w.finding(), findings.FindingDraft("Papan tarif lama", "Ganti papan"))),
    "app/monev/findings.py:delete_finding": (lambda w: w.finding(),
        lambda w: findings.delete_finding(w.db, w.finding())),
    "app/monev/findings.py:add_follow_up": (lambda w: w.finding(),
        lambda w: findings.add_follow_up(w.db, w.finding(), findings.FollowUp(
            date(2026, 12, 1), "selesai", "Sudah diganti", "Kasubsi"))),
    "app/monev/photos.py:attach_photo": (lambda w: w.visit(), lambda w: w.photo_link()),
    "app/monev/photos.py:update_photo": (lambda w: w.photo_link(),
        lambda w: photos.update_photo(w.db, w.photo_link(), "Ruang tunggu")),
    "app/monev/photos.py:remove_photo": (lambda w: w.photo_link(),
        lambda w: photos.remove_photo(w.db, w.photo_link())),
    "app/monev/templates.py:_import_template": (_template_file, _template_import),
    "app/monev/templates.py:save_template_edit": (None, _template_edit),
    "app/monev/exchange/visit_packages.py:export_visit": (lambda w: w.visit(), _visit_export),
    "app/monev/exchange/visit_packages.py:import_visit": (_visit_package, _visit_import),
    "app/db/setup.py:apply_office": (None, lambda w: setup.apply_office(w.db, w.settings)),
    "app/admin/retention.py:purge": (lambda w: w.app_id(), lambda w: retention.purge(
        w.db, 1, dry_run=False, today=date(2040, 1, 1))),
    "app/admin/first_start.py:skip_accounts": (None, lambda w: first_start.skip_accounts(w.db)),
    "app/admin/users.py:add_user": (None, _user),
    "app/admin/users.py:disable_user": (_two_users,
        lambda w: users.disable_user(w.db, "loket1")),
    "app/admin/users.py:set_password": (_user,
        lambda w: users.set_password(w.db, "admin", "rahasia-panjang-3")),
    "app/admin/users.py:authenticate": (_user,
        lambda w: users.authenticate(w.db, "admin", "rahasia-panjang-1")),
}  # fmt: skip


def test_every_write_service_has_a_case_here():
    found = write_services()
    assert not set(EXEMPT) - found, "an exemption names a service that is gone"
    assert sorted(found - set(EXEMPT) - set(CASES)) == [], "a write service without a case"
    assert sorted(set(CASES) - found) == [], "a case for a service that is gone"


def _last_id(db) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.coalesce(func.max(AuditLog.id), 0))))


@pytest.mark.parametrize("service", sorted(CASES))
def test_each_write_service_writes_the_audit_trail(service, sqlite_db, settings, tmp_path):
    w = World(sqlite_db, settings, tmp_path)
    prepare, run = CASES[service]
    if prepare is not None:
        prepare(w)
    start = _last_id(sqlite_db)
    run(w)
    with sqlite_db.session() as s:
        rows = s.scalars(select(AuditLog).where(AuditLog.id > start)).all()
    assert rows, f"{service} changed data without an audit row"
    for r in rows:
        assert r.actor and r.action and r.entity and r.at
        assert r.workstation == this_workstation()


def test_edits_keep_before_and_after_with_personal_fields_masked(sqlite_db, settings):
    from app.desk.registration import register

    register(sqlite_db, settings, walk_in(1, phone="081234567890"), officer="desk", now=NOW)
    changed = walk_in(1, name="Pemohon Baru", phone="089999999912")
    register(sqlite_db, settings, changed, officer="desk", now=NOW + timedelta(days=40))
    row = audit_rows(sqlite_db, action="register")[0]
    before, after = row.detail["changes"]["name"]
    assert (before, after) == ("P•••••• U•• B", "P•••••• B•••")
    assert row.detail["changes"]["phone"] == ["••••••••••90", "••••••••••12"]
    raw = json.dumps(row.detail)
    assert "081234567890" not in raw and "PEMOHON" not in raw.upper()


def test_the_session_names_who_did_it(sqlite_db, settings):
    from app.queue.tickets import issue_ticket

    session.sign_in(session.Actor("rina", "Rina Oktaviani", "petugas_loket"))
    try:
        issue_ticket(sqlite_db, settings.office.code, "A")
    finally:
        session.run_open()
    assert audit_rows(sqlite_db, action="ticket_issue")[0].actor == "rina"


def test_audit_rows_cannot_be_changed_or_deleted(db, settings):
    register_walk_ins(db, settings, 1, NOW)
    for sql in ("UPDATE audit_log SET actor = 'x'", "DELETE FROM audit_log"):
        with pytest.raises(DatabaseError, match="append-only"):
            with db.write() as s:
                s.execute(text(sql))
    if not db.is_sqlite:
        with pytest.raises(DatabaseError, match="append-only"):
            with db.write() as s:
                s.execute(text("TRUNCATE audit_log"))
    assert audit_rows(db, action="register")[0].actor == "desk"


def test_filters(sqlite_db, settings):
    register_walk_ins(sqlite_db, settings, 2, NOW)
    register_walk_ins(sqlite_db, settings, 1, NOW + timedelta(days=3), start=9)
    assert len(audit_rows(sqlite_db, action="register")) == 3
    assert len(audit_rows(sqlite_db, since=(NOW + timedelta(days=1)).date(),
                          action="register")) == 1  # fmt: skip
    assert len(audit_rows(sqlite_db, until=NOW.date(), action="register")) == 2
    assert audit_rows(sqlite_db, actor="nobody") == []
