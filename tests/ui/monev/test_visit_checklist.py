"""Checklist tab: number keys, moving, values, notes saved after a pause or on leaving, live scores; models."""

from __future__ import annotations

from datetime import date

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.monev import findings as F
from app.monev import visits as V

from ui.context import DeskContext
from ui.monev.answer_pane import key_options, parse_number
from ui.monev.checklist_model import COL_ANSWER, COL_NOTE, COL_TEXT, ChecklistModel
from ui.monev.findings_model import C_NOW, C_THEN, CarriedFindingsModel, FindingsModel
from ui.monev.visit_editor import TAB_CHECKLIST, VisitEditor
from ui.monev.visit_list_model import score_text
from ui.workers import TaskRunner

OFFICE = "MUARAENIM"


@pytest.fixture
def visit(ctx):
    return V.create_visit(ctx.db, V.VisitDraft(OFFICE, "Kanim Muara Enim", date(2024, 7, 4)))


@pytest.fixture
def editor(show_page, ctx, visit):
    widget = show_page(VisitEditor(ctx), 1180, 800)
    widget.load(visit.id, TAB_CHECKLIST)
    return widget


def _items(ctx, visit_id):
    return {item.code: item for _s, item in V.visit_detail(ctx.db, visit_id).template.items()}


def _answers(ctx, visit_id):
    return V.visit_detail(ctx.db, visit_id).answers


def test_key_options_and_numbers():
    assert [(k, o.code) for k, o in key_options("yn")] == [("1", "ya"), ("2", "tidak"), ("0", "na")]
    assert [k for k, _o in key_options("scale4")] == ["1", "2", "3", "4", "0"]
    assert [o.code for _k, o in key_options("scale4")][:4] == ["1", "2", "3", "4"]
    assert key_options("number") == [] and key_options("text") == []
    assert parse_number("12") == 12 and parse_number("2,5") == 2.5 and parse_number("2.5") == 2.5
    assert parse_number("1.250") == 1250 and parse_number("1.250,75") == 1250.75
    assert parse_number("") is None and parse_number("dua") is None


def test_keys_answer_move_and_skip_section_rows(qtbot, editor, ctx, visit):
    cl = editor.checklist
    ids = cl.model.item_ids()
    assert cl.view.hasFocus() and cl.current_item().id == ids[0]
    qtbot.keyClick(cl.view, Qt.Key.Key_J)
    qtbot.keyClick(cl.view, Qt.Key.Key_Down)
    assert cl.current_item().id == ids[2]
    qtbot.keyClick(cl.view, Qt.Key.Key_K)
    qtbot.keyClick(cl.view, Qt.Key.Key_Up)
    qtbot.keyClick(cl.view, Qt.Key.Key_Up)  # stays on the first item, not the section row
    assert cl.current_item().id == ids[0]
    first_section = len(cl.model.sections[0].items)
    cl.select_item(ids[first_section - 1])
    qtbot.keyClick(cl.view, Qt.Key.Key_Return)  # Enter goes on, over the next section's title
    assert cl.current_item().id == ids[first_section]

    cl.select_item(ids[0])
    qtbot.keyClick(cl.view, Qt.Key.Key_N)  # N.A.
    qtbot.keyClick(cl.view, Qt.Key.Key_0)  # N.A. too
    assert cl.current_item().id == ids[2]
    qtbot.keyClick(cl.view, Qt.Key.Key_9)  # no ninth option: nothing happens
    assert cl.current_item().id == ids[2] and ids[2] not in _answers(ctx, visit.id)
    stored = _answers(ctx, visit.id)
    assert stored[ids[0]].answer == "na" and stored[ids[1]].answer == "na"
    assert cl.model.index(0, COL_ANSWER, cl.model.index(0, 0)).data() == "N.A."
    assert cl.pane.buttons["ya"].isCheckable()

    cl.select_item(ids[0])
    qtbot.keyClick(cl.view, Qt.Key.Key_Delete)
    assert ids[0] not in _answers(ctx, visit.id)
    assert cl.model.index(0, COL_ANSWER, cl.model.index(0, 0)).data() == ""


def test_buttons_answer_like_keys(qtbot, editor, ctx, visit):
    cl = editor.checklist
    first = cl.model.item_ids()[0]
    qtbot.mouseClick(cl.pane.buttons["tidak"], Qt.MouseButton.LeftButton)
    assert _answers(ctx, visit.id)[first].answer == "tidak"
    assert cl.current_item().id == cl.model.item_ids()[1]


def test_critical_item_fails_its_section_on_screen(qtbot, editor, ctx, visit):
    cl = editor.checklist
    items = _items(ctx, visit.id)
    critical = next(i for i in items.values() if i.critical)
    cl.select_item(critical.id)
    qtbot.keyClick(cl.view, Qt.Key.Key_2)  # Tidak / the zero-scoring answer
    score = V.visit_score(ctx.db, visit.id)
    assert score.failed
    section_row = next(r for r, s in enumerate(score.sections) if s.failed)
    title = cl.model.index(section_row, COL_TEXT).data()
    failed = "GAGAL (butir kritis)"  # tests run in the default language, Indonesian
    assert title.endswith(cl.model.failed_label()) and cl.model.failed_label() == failed
    assert (
        cl.model.index(section_row, COL_TEXT).data(Qt.ItemDataRole.ForegroundRole).name()
        == "#b3261e"
    )
    assert score.sections[section_row].code in cl.failed_label.text()
    assert cl.total_label.text().endswith(score_text(score.total))
    assert editor.score_label.styleSheet().endswith("color: #b3261e;")


def test_number_and_text_items_and_notes_are_kept(qtbot, editor, ctx, visit):
    cl = editor.checklist
    items = list(_items(ctx, visit.id).values())
    number_item = next(i for i in items if i.answer_set == "number")
    text_item = next(i for i in items if i.answer_set == "text")

    cl.select_item(number_item.id)
    qtbot.keyClick(cl.view, Qt.Key.Key_1)  # a digit starts typing the number
    assert cl.pane.number_edit.hasFocus()
    qtbot.keyClicks(cl.pane.number_edit, "2,5")
    qtbot.keyClick(cl.pane.number_edit, Qt.Key.Key_Return)
    assert _answers(ctx, visit.id)[number_item.id].number == 12.5
    assert cl.view.hasFocus() and cl.current_item().id != number_item.id
    assert cl.model.item_index(number_item.id, COL_ANSWER).data() == "12,5"

    cl.select_item(text_item.id)
    qtbot.keyClick(cl.view, Qt.Key.Key_Return)
    assert cl.pane.text_edit.hasFocus()
    qtbot.keyClicks(cl.pane.text_edit, "Inovasi antrean daring")
    qtbot.waitUntil(
        lambda: _text_of(ctx, visit.id, text_item.id) == "Inovasi antrean daring", timeout=3000
    )

    # A note typed and left at once (Esc) is saved without waiting for the pause.
    first = cl.model.item_ids()[0]
    cl.select_item(first)
    qtbot.keyClick(cl.view, Qt.Key.Key_E)
    qtbot.keyClicks(QApplication.focusWidget(), "Papan tarif lama")
    qtbot.keyClick(cl.pane.note_edit, Qt.Key.Key_Escape)
    assert _answers(ctx, visit.id)[first].note == "Papan tarif lama"
    assert cl.model.index(0, COL_NOTE, cl.model.index(0, 0)).data() == "Papan tarif lama"
    # Moving on with the note half typed keeps it too.
    qtbot.keyClick(cl.view, Qt.Key.Key_E)
    qtbot.keyClicks(cl.pane.note_edit, ", diganti Agustus")
    cl.move(+1)
    assert _answers(ctx, visit.id)[first].note == "Papan tarif lama, diganti Agustus"
    assert cl.pane.note_edit.toPlainText() == ""


def test_item_photo_shows_in_the_pane(qtbot, editor, ctx, visit, tmp_path):
    from PIL import Image

    cl = editor.checklist
    first = cl.model.item_ids()[0]
    Image.new("RGB", (640, 480), "#5aa469").save(tmp_path / "ramp.png")
    editor.attach_photo_to_item(first, tmp_path / "ramp.png")
    assert cl.pane.photos.count() == 1 and not cl.pane.photos.item(0).icon().isNull()
    cl.move(+1)
    assert cl.pane.photos.count() == 0


def _text_of(ctx, visit_id, item_id):
    stored = _answers(ctx, visit_id).get(item_id)
    return stored.text if stored else None


def test_models_pass_qt_contract(qtmodeltester, ctx, visit):
    items = _items(ctx, visit.id)
    V.save_answer(ctx.db, visit.id, items["SP.01"].id, answer="ya", note="ok")
    detail = V.visit_detail(ctx.db, visit.id)
    model = ChecklistModel("id")
    qtmodeltester.check(model)
    model.set_visit(detail.template, detail.answers, detail.score)
    qtmodeltester.check(model)
    assert model.rowCount() == len(detail.template.sections)

    earlier = V.create_visit(ctx.db, V.VisitDraft(OFFICE, "Kanim Muara Enim", date(2024, 3, 1)))
    old = F.add_finding(
        ctx.db,
        earlier.id,
        F.FindingDraft("Tarif belum diperbarui", owner="Kasi", due_date=date(2024, 6, 1)),
    )
    F.add_follow_up(ctx.db, old.id, F.FollowUp(date(2024, 5, 2), "dalam_proses", "Dipesan"))
    later = V.create_visit(ctx.db, V.VisitDraft(OFFICE, "Kanim Muara Enim", date(2024, 9, 1)))
    carried = F.carried_findings(ctx.db, later.id)
    F.add_follow_up(
        ctx.db, carried[0].finding_id, F.FollowUp(date(2024, 9, 1), "selesai", "Papan baru")
    )
    findings = FindingsModel("id")
    qtmodeltester.check(findings)
    findings.set_rows(F.findings_of(ctx.db, later.id))
    qtmodeltester.check(findings)
    assert findings.index(0, 0).data() == "1 ↻"
    carried_model = CarriedFindingsModel("id")
    carried_model.set_rows(F.carried_findings(ctx.db, later.id))
    qtmodeltester.check(carried_model)
    assert carried_model.index(0, C_THEN).data() == "Dalam proses"
    assert carried_model.index(0, C_NOW).data() == "Selesai"


def test_fast_keys_with_the_real_worker_thread(qtbot, sqlite_db, settings, visit):
    """As in the program: saves run on the database thread while the supervisor keeps pressing keys."""
    runner = TaskRunner()
    ctx = DeskContext(sqlite_db, settings, runner=runner)
    editor = VisitEditor(ctx)
    qtbot.addWidget(editor)
    editor.show()
    editor.load(visit.id, TAB_CHECKLIST)
    cl = editor.checklist
    qtbot.waitUntil(lambda: cl.current_item() is not None, timeout=10000)
    ids = cl.model.item_ids()
    for key in "12120":
        qtbot.keyClick(cl.view, key)
    assert cl.current_item().id == ids[5]  # moving never waits for the database
    qtbot.waitUntil(lambda: len(_answers(ctx, visit.id)) == 5, timeout=10000)
    runner.wait()
    score = V.visit_score(ctx.db, visit.id)
    qtbot.waitUntil(lambda: cl.total_label.text().endswith(score_text(score.total)), timeout=5000)
    assert [_answers(ctx, visit.id)[i].answer for i in ids[:5]] == [
        dict(key_options(cl.model.item_at(cl.model.item_index(i)).answer_set))[k].code
        for i, k in zip(ids, "12120", strict=False)
    ]
