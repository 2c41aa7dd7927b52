"""Cancelling the passports ready and never collected: the overdue filter, one button, one reason,
every overdue application cancelled with it; one ready but still within its time is left alone."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select

from PySide6.QtWidgets import QLabel

from app.db.models import Application, ApplicationStage
from app.desk.application_steps import advance

from tests.app.desk.walk_ins import register_walk_ins
from ui.desk.applications_page import ApplicationsPage

PAST = datetime(2024, 7, 8, 9, 0)  # ready long before today: far past the 30 days
STEPS = ("wawancara", "pembayaran", "verifikasi", "pencetakan", "siap")
REASON = "Tidak diambil lebih dari 30 hari"


def _make_ready(ctx, app_id: int, now: datetime) -> None:
    for stage in STEPS:
        advance(ctx.db, ctx.settings, app_id, stage, officer="rina", counter="2", now=now,
                paid_amount=650_000 if stage == "pembayaran" else None,
                billing_code="820240708000001" if stage == "pembayaran" else None)  # fmt: skip


@pytest.fixture
def ready(ctx):
    """Two applications ready since July 2024 and one ready today: (overdue ids, recent id)."""
    overdue = register_walk_ins(ctx.db, ctx.settings, 2, PAST)
    recent = register_walk_ins(ctx.db, ctx.settings, 1, datetime.now(), start=5)[0]
    for app_id in overdue:
        _make_ready(ctx, app_id, PAST)
    _make_ready(ctx, recent, datetime.now())
    return overdue, recent


def _stages(ctx) -> dict[int, str]:
    with ctx.db.session() as s:
        return dict(s.execute(select(Application.id, Application.stage)).all())


def _open_dialog(qtbot, page):
    assert page.cancel_overdue.isHidden()  # not beside the full list
    page.overdue.setChecked(True)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    assert page.cancel_overdue.isVisible() and page.cancel_overdue.isEnabled()
    page.cancel_overdue.click()
    qtbot.waitUntil(lambda: page.cancel_dialog is not None and page.cancel_dialog.isVisible())
    return page.cancel_dialog


def test_one_action_cancels_every_overdue_application_with_the_reason(ctx, ready, show_page, qtbot):
    overdue, recent = ready
    page = ApplicationsPage(ctx)
    show_page(page, 1176, 640)
    dialog = _open_dialog(qtbot, page)
    words = [w.text() for w in dialog.findChildren(QLabel)]
    assert any("2" in w and "30" in w for w in words)  # how many will go, and after how long
    qtbot.keyClicks(dialog.note, REASON)
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: page.cancel_dialog is None)
    stages = _stages(ctx)
    assert [stages[i] for i in overdue] == ["batal", "batal"]
    assert stages[recent] == "siap"
    with ctx.db.session() as s:
        notes = s.scalars(
            select(ApplicationStage.note).where(
                ApplicationStage.stage == "batal", ApplicationStage.application_id.in_(overdue)
            )
        ).all()
    assert notes == [REASON, REASON]
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    assert "2" in page.status.text() and page.status.text().startswith(
        ("2 applications cancelled", "2 permohonan dibatalkan")
    )


def test_a_cancellation_without_a_reason_is_refused_in_the_dialog(ctx, ready, show_page, qtbot):
    overdue, _recent = ready
    page = ApplicationsPage(ctx)
    show_page(page, 1176, 640)
    dialog = _open_dialog(qtbot, page)
    dialog.buttons.accepted.emit()  # no reason typed
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled())
    assert dialog.isVisible() and dialog.errors["reason"].text()
    assert {_stages(ctx)[i] for i in overdue} == {"siap"}
    dialog.reject()
    page.overdue.setChecked(False)
    assert page.cancel_overdue.isHidden()
