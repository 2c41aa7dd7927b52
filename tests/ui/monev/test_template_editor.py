"""Checklist template editor: edit and save in place or as a new version, structure edits, refusals, YAML files."""

from __future__ import annotations

from datetime import date

import pytest

from PySide6.QtWidgets import QMessageBox

from app.monev import templates as T
from app.monev import visits as V

from ui.context import DeskContext
from ui.monev.template_editor import PAGE_ITEM, PAGE_SECTION, TemplateEditorDialog
from ui.monev.template_tree_model import TemplateTreeModel
from ui.workers import TaskRunner


@pytest.fixture
def dialog(qtbot, ctx):
    widget = TemplateEditorDialog(ctx)
    # pytest-qt closes the dialog after the test: leave no "discard?" question waiting.
    qtbot.addWidget(widget, before_close_func=lambda w: setattr(w, "dirty", False))
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _default(ctx) -> T.TemplateInfo:
    info = T.latest_template(ctx.db)
    assert info is not None
    return info


def _select_item(dialog, s_row: int, i_row: int) -> None:
    dialog.tree.setCurrentIndex(dialog.model.item_index(s_row, i_row))
    assert dialog.forms.currentIndex() == PAGE_ITEM


def test_opens_on_the_default_template(dialog, ctx):
    info = _default(ctx)
    assert dialog.current.id == info.id
    assert "monev-paspor" in dialog.combo.currentText() and "1" in dialog.combo.currentText()
    assert dialog.model.rowCount() == info.sections
    assert dialog.title.text() == info.title
    assert dialog.forms.currentIndex() == PAGE_ITEM  # the first item is shown at once
    assert dialog.item_code.text() == "SP.01"


def test_edit_unused_template_updates_the_same_version(dialog, ctx):
    info = _default(ctx)
    _select_item(dialog, 0, 1)
    dialog.item_text.setPlainText("Alur pelayanan dipajang dan diperbarui.")
    dialog.weight.setValue(2.5)
    assert dialog.dirty
    dialog.save()
    saved = T.get_template(ctx.db, info.id)
    item = saved.sections[0].items[1]
    assert (item.text, item.weight) == ("Alur pelayanan dipajang dan diperbarui.", 2.5)
    assert [t.version for t in T.list_templates(ctx.db)] == [1]
    assert "versi" in dialog.banner.text() or "version" in dialog.banner.text()
    assert not dialog.dirty
    assert dialog.item_code.text() == item.code  # the edited item stays selected after the reload


def test_edit_used_template_makes_a_new_version(dialog, ctx):
    info = _default(ctx)
    visit = V.create_visit(ctx.db, V.VisitDraft("MUARAENIM", "Kanim Muara Enim", date(2024, 7, 4)))
    dialog.reload()  # the combo now marks the template as in use
    assert dialog.current.in_use
    _select_item(dialog, 0, 0)
    dialog.critical.setChecked(True)
    dialog.weight.setValue(3)
    dialog.save()
    versions = {t.version: t for t in T.list_templates(ctx.db)}
    assert sorted(versions) == [1, 2]
    assert dialog.current.id == versions[2].id and dialog.combo.currentData() == versions[2].id
    assert "version 2" in dialog.banner.text() or "versi 2" in dialog.banner.text()
    assert "used by visits" in dialog.banner.text() or "dipakai" in dialog.banner.text()
    assert V.get_visit(ctx.db, visit.id).template_version == 1
    old, new = T.get_template(ctx.db, info.id), T.get_template(ctx.db, versions[2].id)
    assert (old.sections[0].items[0].weight, new.sections[0].items[0].weight) == (1.0, 3.0)
    assert new.sections[0].items[0].critical


def test_add_item_and_section_then_save(dialog, ctx):
    info = _default(ctx)
    _select_item(dialog, 0, 0)
    dialog.add_item()  # right after SP.01
    assert dialog.forms.currentIndex() == PAGE_ITEM
    new_code = dialog.item_code.text()
    dialog.item_text.setPlainText("Petugas memakai tanda pengenal.")
    dialog.add_section()  # after the first section
    assert dialog.forms.currentIndex() == PAGE_SECTION
    dialog.section_code.setText("ZX")
    dialog.section_title.setText("Uji coba")
    dialog.add_item()  # into the new section
    dialog.item_code.setText("ZX.01")
    dialog.item_text.setPlainText("Butir uji.")
    dialog.answer_set.setCurrentIndex(dialog.answer_set.findData("number"))
    assert not dialog.critical.isEnabled()  # an unscored answer set cannot be critical
    dialog.save()
    saved = T.get_template(ctx.db, info.id)
    assert saved.sections[0].items[1].code == new_code
    assert saved.sections[0].items[1].text == "Petugas memakai tanda pengenal."
    assert (saved.sections[1].code, saved.sections[1].title) == ("ZX", "Uji coba")
    # A new section starts with one placeholder item; ours was added after it.
    assert [(i.code, i.answer_set) for i in saved.sections[1].items][-1] == ("ZX.01", "number")
    assert len(saved.sections) == info.sections + 1


def test_duplicate_item_code_is_refused_and_nothing_lost(dialog, ctx):
    info = _default(ctx)
    before = T.template_yaml(ctx.db, info.id)
    _select_item(dialog, 0, 0)
    dialog.item_text.setPlainText("Teks yang tidak boleh hilang.")
    _select_item(dialog, 1, 2)
    taken = dialog.model.sections[0].items[0].code
    dialog.item_code.setText(taken)
    dialog.tree.setCurrentIndex(dialog.model.section_index(0))  # look elsewhere before saving
    dialog.save()
    assert dialog.banner.kind == "error"
    assert taken in dialog.banner.text()
    assert T.template_yaml(ctx.db, info.id) == before
    # The item the problem names is selected, with the refused code still in the form.
    assert dialog.forms.currentIndex() == PAGE_ITEM
    assert dialog.model.section_row(dialog.tree.currentIndex()) == 1
    assert dialog.item_code.text() == taken
    assert dialog.model.sections[0].items[0].text == "Teks yang tidak boleh hilang."
    assert dialog.dirty


def test_empty_item_text_is_refused(dialog, ctx):
    _select_item(dialog, 2, 0)
    code = dialog.item_code.text()
    dialog.item_text.setPlainText("   ")
    dialog.tree.setCurrentIndex(dialog.model.section_index(0))
    dialog.save()
    assert dialog.banner.kind == "error" and code in dialog.banner.text()
    assert dialog.item_code.text() == code


def test_move_and_remove(dialog, ctx):
    info = _default(ctx)
    first, second = (i.code for i in dialog.model.sections[0].items[:2])
    _select_item(dialog, 0, 0)
    dialog.move_node(1)
    assert dialog.item_code.text() == first
    assert [i.code for i in dialog.model.sections[0].items[:2]] == [second, first]
    dialog.tree.setCurrentIndex(dialog.model.section_index(0))
    dialog.move_node(1)  # the whole section goes after the second
    assert dialog.model.sections[1].items[0].code == second
    last_section = dialog.model.rowCount() - 1
    dialog.tree.setCurrentIndex(dialog.model.section_index(last_section))
    dialog.remove_node()
    dialog.save()
    saved = T.get_template(ctx.db, info.id)
    assert len(saved.sections) == info.sections - 1
    assert [i.code for i in saved.sections[1].items[:2]] == [second, first]


def test_close_asks_before_discarding(dialog, monkeypatch):
    _select_item(dialog, 0, 0)
    dialog.item_text.setPlainText("Berubah.")
    asked = []

    def answer(reply):
        def question(*_args, **_kwargs):
            asked.append(True)
            return reply

        return question

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    dialog.close_button.click()
    assert asked and dialog.isVisible()
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    dialog.close_button.click()
    assert len(asked) == 2 and not dialog.isVisible()


def test_export_and_import_round_trip(dialog, ctx, tmp_path):
    info = _default(ctx)
    path = tmp_path / "out" / "monev.yaml"
    dialog.export_file(path)
    assert path.read_text(encoding="utf-8") == T.template_yaml(ctx.db, info.id)
    dialog.import_file(path)
    assert "nothing changed" in dialog.banner.text() or "tidak ada" in dialog.banner.text().lower()
    assert len(T.list_templates(ctx.db)) == 1
    edited = path.read_text(encoding="utf-8").replace("code: monev-paspor", "code: monev-uji", 1)
    other = tmp_path / "uji.yaml"
    other.write_text(edited, encoding="utf-8")
    dialog.import_file(other)
    imported = [t for t in T.list_templates(ctx.db) if t.code == "monev-uji"]
    assert len(imported) == 1 and dialog.current.id == imported[0].id
    assert dialog.model.rowCount() == info.sections
    bad = tmp_path / "bad.yaml"
    bad.write_text("code: x\nsections: 3\n", encoding="utf-8")
    dialog.import_file(bad)
    assert dialog.banner.kind == "error" and len(T.list_templates(ctx.db)) == 2


def test_with_the_database_thread(qtbot, sqlite_db, settings):
    """The real runner: loads and saves arrive by queued signal."""
    ctx = DeskContext(sqlite_db, settings, runner=TaskRunner())
    dialog = TemplateEditorDialog(ctx)
    qtbot.addWidget(dialog, before_close_func=lambda w: ctx.runner.wait())
    qtbot.waitUntil(lambda: dialog.forms.currentIndex() == PAGE_ITEM, timeout=10_000)
    dialog.weight.setValue(4)
    dialog.save()
    qtbot.waitUntil(lambda: dialog.banner.kind == "ok" and not dialog.dirty, timeout=10_000)
    assert T.get_template(ctx.db, dialog.current.id).sections[0].items[0].weight == 4.0


def test_tree_model_passes_the_model_tester(qtmodeltester, ctx):
    model = TemplateTreeModel("id")
    model.set_template(T.get_template(ctx.db, _default(ctx).id))
    qtmodeltester.check(model)
    # Structure edits run under the tester's signal checks.
    model.add_section(0)
    model.add_item(1, 0)
    moved = model.move(model.item_index(1, 0), -1)  # across into the end of section 0
    assert model.item_at(moved) is not None and model.section_row(moved) == 0
    model.move(model.section_index(2), -1)
    model.remove(model.item_index(0, 0))
    model.remove(model.section_index(1))
    qtmodeltester.check(model)
