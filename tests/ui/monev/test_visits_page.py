"""Monev area by keyboard: new visit form, checklist answered with number keys, note, photo, finding, report."""

from __future__ import annotations

from datetime import date

import pytest
from PIL import Image

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.i18n import label
from app.monev import visits as V
from app.monev.findings import FINDING_STATUSES

from ui.monev.answer_pane import key_options
from ui.monev.checklist_model import COL_ANSWER
from ui.monev.findings_model import COL_DUE, COL_OWNER
from ui.monev.visit_editor import TAB_CHECKLIST, TAB_FINDINGS
from ui.monev.visit_list_model import COL_SCORE, COL_STATUS, VisitListModel, score_text
from ui.monev.visits_page import VisitsPage

CTRL = Qt.KeyboardModifier.ControlModifier
KEYS = "1121110121"  # the first ten answers, as a supervisor would press them


@pytest.fixture
def page(show_page, ctx):
    return show_page(VisitsPage(ctx), 1180, 820)


def _focused():
    return QApplication.focusWidget()


def _type(qtbot, text: str) -> None:
    qtbot.keyClicks(_focused(), text)


def _key(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(_focused(), key, modifier)


def _png(path, color="#4a7fb5", size=(900, 600)):
    Image.new("RGB", size, color).save(path)
    return path


def _create_by_keyboard(qtbot, page) -> int:
    """Ctrl+N, type the form with Tab between fields, a wrong NIP first, then Ctrl+S."""
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_N, CTRL)
    form = page.form
    assert page.stack.currentWidget() is page.new_panel and form.office_code.hasFocus()
    assert form.office_code.text() == "MUARAENIM"  # this office by default
    _key(qtbot, Qt.Key.Key_Tab)
    assert _focused() is form.office_name
    _key(qtbot, Qt.Key.Key_Tab)
    assert _focused() is form.start_date
    _key(qtbot, Qt.Key.Key_A, CTRL)
    _type(qtbot, "04072024")
    _key(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, "05072024")
    _key(qtbot, Qt.Key.Key_Tab)
    assert _focused() is form.place
    _key(qtbot, Qt.Key.Key_Tab)  # template: the default, latest version
    _key(qtbot, Qt.Key.Key_Tab)
    assert _focused() is form.type_checks["fasilitasi"]
    _key(qtbot, Qt.Key.Key_Space)
    for _ in range(3):
        _key(qtbot, Qt.Key.Key_Tab)
    assert _focused() is form.type_checks["monitoring"]
    _key(qtbot, Qt.Key.Key_Space)
    for _ in range(3):
        _key(qtbot, Qt.Key.Key_Tab)
    assert _focused() is form.basis
    _type(qtbot, "Surat Tugas Nomor W6.IMI-123 Tahun 2024")
    _key(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, "Memastikan pelayanan sesuai SOP")
    _key(qtbot, Qt.Key.Key_Tab)
    assert _focused() is form.team.rows[0].name
    _type(qtbot, "Drs. Ahmad Fauzi")
    _key(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, "19700101199003100")  # 17 digits: refused at the field
    _key(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, "Kepala Bidang Perizinan dan Informasi Keimigrasian")
    _key(qtbot, Qt.Key.Key_S, CTRL)

    row = form.team.rows[0]
    assert page.stack.currentWidget() is page.new_panel
    assert row.error.isVisible() and "18" in row.error.text()
    assert page.new_banner.kind == "error"
    assert V.list_visits(page.ctx.db) == []
    # Nothing typed is lost, and the cursor waits in the field to correct.
    assert form.basis.toPlainText().startswith("Surat Tugas") and row.position.text().startswith(
        "Kepala"
    )
    assert row.nip.hasFocus()
    row.nip.selectAll()
    _type(qtbot, "197001011990031001")
    _key(qtbot, Qt.Key.Key_S, CTRL)
    assert page.stack.currentWidget() is page.editor
    visits = V.list_visits(page.ctx.db)
    assert len(visits) == 1
    info = V.get_visit(page.ctx.db, visits[0].id)
    assert (info.start_date, info.end_date) == (date(2024, 7, 4), date(2024, 7, 5))
    assert info.supervision_types == ("fasilitasi", "monitoring")
    assert info.team[0].nip == "197001011990031001" and info.team[0].role == "ketua"
    assert info.purposes == ("Memastikan pelayanan sesuai SOP",)
    return info.id


def test_a_visit_by_keyboard_from_new_form_to_finding(qtbot, page, ctx, tmp_path):
    visit_id = _create_by_keyboard(qtbot, page)
    editor = page.editor
    checklist = editor.checklist
    assert editor.tabs.currentIndex() == TAB_CHECKLIST and checklist.view.hasFocus()

    # Ten answers by number keys; each is saved at once and the cursor goes on.
    detail = V.visit_detail(ctx.db, visit_id)
    items = [item for _section, item in detail.template.items()]
    expected = {}
    for key, item in zip(KEYS, items, strict=False):
        assert checklist.current_item().id == item.id
        qtbot.keyClick(checklist.view, key)
        expected[item.id] = dict(key_options(item.answer_set))[key].code
    stored = V.visit_detail(ctx.db, visit_id).answers
    assert {i: stored[i].answer for i in expected} == expected
    assert checklist.current_item().id == items[10].id

    # A note: typed, saved after the pause, with no Enter needed.
    qtbot.keyClick(checklist.view, Qt.Key.Key_K)
    qtbot.keyClick(checklist.view, Qt.Key.Key_E)
    assert checklist.pane.note_edit.hasFocus()
    _type(qtbot, "Papan kurang terbaca")
    note_item = items[9].id
    qtbot.waitUntil(
        lambda: (
            (V.visit_detail(ctx.db, visit_id).answers[note_item].note or "")
            == "Papan kurang terbaca"
        ),
        timeout=3000,
    )

    # The scores shown are the service's scores.
    score = V.visit_score(ctx.db, visit_id)
    assert score_text(score.total, "id") in checklist.total_label.text()
    assert score_text(score.total, "id") in editor.score_label.text()
    for row, section in enumerate(score.sections):
        assert checklist.model.index(row, COL_ANSWER).data() == score_text(section.score, "id")

    # A photo from a file, and one that is not an image.
    editor.show_tab(3)
    editor.photos.add_photo(_png(tmp_path / "papan.png"), caption="Papan tarif")
    assert editor.banner.kind == "ok" and editor.photos.view.count() == 1
    assert not editor.photos.view.item(0).icon().isNull()  # thumbnail made from the stored JPEG
    bad = tmp_path / "bukan-foto.jpg"
    bad.write_bytes(b"this is not a photo")
    editor.photos.add_photo(bad)
    assert editor.banner.kind == "error" and "bukan gambar" in editor.banner.text()
    assert len(V.visit_detail(ctx.db, visit_id).attachments) == 1

    # A finding with owner and due date, by keyboard on the findings tab.
    editor.show_tab(TAB_FINDINGS)
    findings = editor.findings
    findings.text.setFocus()
    _type(qtbot, "Papan tarif PNBP belum diperbarui")
    _key(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, "Ganti papan tarif sesuai PP 45/2024")
    findings.owner.setFocus()
    _type(qtbot, "Kasi Lantaskim")
    _key(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, "31082024")
    _key(qtbot, Qt.Key.Key_S, CTRL)
    stored_findings = V.visit_detail(ctx.db, visit_id).findings
    assert [(f.owner, f.due_date) for f in stored_findings] == [
        ("Kasi Lantaskim", date(2024, 8, 31))
    ]
    assert findings.model.index(0, COL_OWNER).data() == "Kasi Lantaskim"
    assert findings.model.index(0, COL_DUE).data() == "31 Agu 2024"

    # Back to the list: the visit shows with its score.
    editor.back_button.click()
    assert page.stack.currentWidget() is page.list_panel
    summary = page.selected_visit()
    assert summary.id == visit_id
    row = page.model.row_of(visit_id)
    assert page.model.index(row, COL_SCORE).data() == score_text(score.total, "id")


def test_finalized_visit_locks_answers_but_takes_follow_up(qtbot, page, ctx):
    d = V.VisitDraft("MUARAENIM", "Kanim Muara Enim", date(2024, 7, 4))
    visit = V.create_visit(ctx.db, d)
    page.open_visit(visit.id)
    editor = page.editor
    qtbot.keyClick(editor.checklist.view, "1")
    first = editor.checklist.model.item_ids()[0]
    editor.show_tab(TAB_FINDINGS)
    editor.findings.text.setPlainText("Sosialisasi e-Paspor belum rutin")
    editor.findings.save_finding()
    editor.finalize(ask=False)
    assert editor.final and editor.status_label.text() == "Final"
    assert editor.identity.office_name.isReadOnly() and not editor.photos.add_button.isEnabled()

    editor.show_tab(TAB_CHECKLIST)
    editor.checklist.select_item(first)
    qtbot.keyClick(editor.checklist.view, "2")
    assert V.visit_detail(ctx.db, visit.id).answers[first].answer == "ya"
    assert editor.banner.kind == "warn"

    editor.show_tab(TAB_FINDINGS)
    findings = editor.findings
    assert not findings.save_button.isEnabled()
    findings.select_finding(findings.model.rows()[0].id)
    follow = findings.follow
    follow.status.setCurrentIndex(follow.status.findData("selesai"))
    follow.note.setPlainText("Siaran radio dijadwalkan tiap bulan")
    follow.button.click()
    f = V.visit_detail(ctx.db, visit.id).findings[0]
    assert f.status == "selesai" and f.follow_ups[0].note == "Siaran radio dijadwalkan tiap bulan"
    assert follow.history.text().endswith(
        "Siaran radio dijadwalkan tiap bulan (" + follow.by.text() + ")"
    )
    assert label(FINDING_STATUSES, "selesai", "id") in findings.model.index(0, 6).data()


def test_report_preview_opens_with_pages(qtbot, page, ctx):
    pytest.importorskip("app.monev.report.builder")
    visit = V.create_visit(ctx.db, V.VisitDraft("MUARAENIM", "Kanim Muara Enim", date(2024, 7, 4)))
    page.open_visit(visit.id)
    editor = page.editor
    for key in KEYS:
        qtbot.keyClick(editor.checklist.view, key)
    qtbot.keyClick(editor.checklist.view, Qt.Key.Key_P, CTRL)
    qtbot.waitUntil(lambda: editor.preview_dialog is not None, timeout=15000)
    dialog = editor.preview_dialog
    assert dialog.page_count() > 1
    dialog.close()
    qtbot.waitUntil(lambda: editor.preview_dialog is None, timeout=3000)


def test_list_model_contract_and_labels(qtmodeltester, ctx):
    qtmodeltester.check(VisitListModel("id"))
    draft = V.VisitDraft("MUARAENIM", "Kanim Muara Enim", date(2024, 7, 4), date(2024, 7, 5))
    first = V.create_visit(ctx.db, draft)
    V.finalize_visit(ctx.db, first.id)
    V.create_visit(
        ctx.db, V.VisitDraft("PALEMBANG", "Kanim Palembang", date(2024, 8, 30), date(2024, 9, 2))
    )
    model = VisitListModel("id")
    model.set_rows(V.list_visits(ctx.db))
    qtmodeltester.check(model)
    assert [model.index(r, 1).data() for r in range(2)] == [
        "30 Agustus 2024 – 2 September 2024",
        "4–5 Juli 2024",
    ]
    assert [model.index(r, COL_STATUS).data() for r in range(2)] == ["Draf", "Final"]
    assert model.index(0, COL_SCORE).data() == "—"


def test_escape_keeps_the_typing_for_the_next_ctrl_n(qtbot, page):
    qtbot.keyClick(page.view, Qt.Key.Key_N, CTRL)
    page.form.basis.setFocus()
    _type(qtbot, "Agenda pembinaan triwulan III")
    _key(qtbot, Qt.Key.Key_Escape)
    assert page.stack.currentWidget() is page.list_panel
    qtbot.keyClick(page.view, Qt.Key.Key_N, CTRL)
    assert page.form.basis.toPlainText() == "Agenda pembinaan triwulan III"
    page.form.end_date.setText(
        "31/02/2024"
    )  # not on the calendar: refused before the service is asked
    page.create()
    assert page.form.errors["end_date"].isVisible() and V.list_visits(page.ctx.db) == []
