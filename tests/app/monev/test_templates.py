"""Checklist templates: the default one, YAML import/export, validation, versioned editing."""

import dataclasses
from datetime import date

import pytest
from sqlalchemy import func, select

from app.config import resources_dir
from app.db.engine import Database
from app.db.setup import init_database
from app.db.visit_models import ChecklistTemplate, TemplateItem, TemplateSection
from app.monev import templates as T
from app.monev.visits import VisitDraft, create_visit, get_visit, visit_detail
from app.problems import InputRejected

SMALL = """\
code: uji
version: 1
title: Template uji
sections:
- code: A
  title: Bagian A
  items:
  - code: A.1
    text: Butir satu
    answers: yn
    weight: 2
    critical: true
  - code: A.2
    text: Butir dua
    answers: number
- code: B
  title: Bagian B
  items:
  - code: B.1
    text: Butir tiga
    guidance: "Petunjuk: periksa papan"
    answers: facility
    weight: 1.5
"""


def counts(db):
    with db.session() as s:
        return tuple(
            s.scalar(select(func.count()).select_from(m))
            for m in (ChecklistTemplate, TemplateSection, TemplateItem)
        )


def content(data: T.TemplateData):
    """A template without its database ids, for comparing copies."""
    return (data.code, data.version, data.title, [
        (s.code, s.title, [(i.code, i.text, i.guidance, i.answer_set, i.weight, i.critical) for i in s.items])
        for s in data.sections
    ])  # fmt: skip


def test_default_template_is_imported_once(db):
    # init_database (the fixture) has already imported it; asking again finds it.
    first = T.ensure_default_template(db)
    assert (first.code, first.version) == ("monev-paspor", 1) and first.outcome in ("", "unchanged")
    assert first.sections == 7 and 50 <= first.items <= 70
    assert T.ensure_default_template(db).id == first.id
    assert counts(db)[0] == 1
    data = T.get_template(db, first.id)
    texts = {i.code: i for _, i in data.items()}
    assert texts["SP.04"].critical and "PP 45/2024" in texts["SP.04"].text
    assert texts["SP.05"].critical and "pungutan" in texts["SP.05"].text
    assert all(i.guidance for i in texts.values()), "every item carries guidance for the supervisor"
    assert {i.answer_set for i in texts.values()} == {
        "yn",
        "facility",
        "compliance",
        "scale4",
        "number",
        "text",
    }
    assert [s.code for s in data.sections] == ["SP", "SOP", "RHAM", "KL", "IP", "SKM", "ZI"]


def test_export_import_round_trip(db, tmp_path, settings):
    info = T.import_template(db, SMALL)
    assert (info.outcome, info.sections, info.items) == ("created", 2, 3)
    out = tmp_path / "uji.yaml"
    T.export_template(db, info.id, out)
    assert "Petunjuk: periksa papan" in out.read_text(encoding="utf-8")
    assert content(T.parse_template(out)) == content(T.get_template(db, info.id))
    # The same file again changes nothing.
    again = T.import_template(db, out)
    assert (again.id, again.outcome) == (info.id, "unchanged")
    # Into another database: the same template.
    other = Database(f"sqlite:///{tmp_path / 'other.sqlite'}")
    init_database(other, settings)
    copied = T.import_template(other, out)
    assert content(T.get_template(other, copied.id)) == content(T.get_template(db, info.id))
    other.dispose()
    # The shipped default survives the round trip too.
    default = T.ensure_default_template(db)
    T.export_template(db, default.id, tmp_path / "default.yaml")
    assert content(T.parse_template(tmp_path / "default.yaml")) == content(
        T.parse_template(resources_dir() / T.DEFAULT_TEMPLATE_FILE)
    )


BAD = [
    # (what, text, key of the first problem, words the message must hold)
    ("syntax", SMALL.replace("    text: Butir dua", "    text: Butir: dua: x"), "template.yaml_syntax", ["baris 14"]),
    ("duplicate key", SMALL.replace("    answers: number", "    answers: number\n    text: lagi"),
     "template.duplicate_key", ["Baris 16", "text"]),
    ("duplicate item", SMALL.replace("code: B.1", "code: A.1"), "template.duplicate_item@line", ["B › A.1", "bagian A"]),
    ("duplicate section", SMALL.replace("- code: B\n", "- code: A\n"), "template.duplicate_section@line", ["A"]),
    ("answer set", SMALL.replace("answers: facility", "answers: ya_tidak"), "template.answer_set@line",
     ["B › B.1", "ya_tidak", "Baris 22"]),
    ("zero weight", SMALL.replace("weight: 2", "weight: 0"), "template.weight@line", ["A › A.1", "0"]),
    ("negative weight", SMALL.replace("weight: 1.5", "weight: -1"), "template.weight@line", ["B › B.1"]),
    ("text weight", SMALL.replace("weight: 2", "weight: berat"), "template.weight@line", ["berat"]),
    ("critical number", SMALL.replace("answers: number", "answers: number\n    critical: true"),
     "template.critical_unscored@line", ["A › A.2", "number"]),
    ("typo key", SMALL.replace("    weight: 1.5", "    wieght: 1.5"), "template.unknown_field@line", ["wieght"]),
    ("no title", SMALL.replace("title: Template uji\n", ""), "template.missing@line", ["title"]),
    ("no sections", "code: x\ntitle: y\nsections: []\n", "template.empty@line", ["sections"]),
    ("not a mapping", "- a\n- b\n", "template.not_mapping", ["Template"]),
    ("bad code", SMALL.replace("code: A.2", "code: A 2"), "template.code@line", ["A 2"]),
    ("item without text", SMALL.replace("    text: Butir tiga\n", ""), "template.missing@line", ["B › B.1", "text"]),
    ("version", SMALL.replace("version: 1", "version: satu"), "template.version@line", ["satu"]),
]  # fmt: skip


@pytest.mark.parametrize(("what", "text", "key", "words"), BAD, ids=[b[0] for b in BAD])
def test_bad_template_text_is_refused_with_a_clear_message(what, text, key, words):
    with pytest.raises(InputRejected) as exc:
        T.parse_template(text)
    assert exc.value.problems[0].key == key
    message = exc.value.message("id")
    for word in words:
        assert word in message, message
    assert "\n" not in exc.value.problems[0].message("en") and exc.value.message("en") != message


def test_bad_files_leave_the_database_unchanged(db, tmp_path):
    T.import_template(db, SMALL)
    before = counts(db)
    for _what, text, _key, _words in BAD:
        with pytest.raises(InputRejected):
            T.import_template(db, text)
    latin1 = tmp_path / "latin1.yaml"
    latin1.write_bytes(SMALL.replace("Butir tiga", "Butir tiga \xe9").encode("latin-1"))
    with pytest.raises(InputRejected) as exc:
        T.import_template(db, latin1)
    assert exc.value.problems[0].key == "template.encoding"
    with pytest.raises(InputRejected) as exc:
        T.import_template(db, tmp_path / "missing.yaml")
    assert "missing.yaml" in exc.value.message("en")
    assert counts(db) == before


def test_all_problems_are_reported_at_once():
    text = SMALL.replace("weight: 2", "weight: 0").replace("answers: facility", "answers: x")
    with pytest.raises(InputRejected) as exc:
        T.parse_template(text)
    assert {p.key for p in exc.value.problems} == {
        "template.weight@line",
        "template.answer_set@line",
    }


def _draft(office="MUARAENIM", day=date(2024, 7, 4), template_id=None):
    return VisitDraft(
        office, "Kantor Imigrasi Kelas II Non-TPI Muara Enim", day, template_id=template_id
    )


def test_editing_an_unused_template_updates_it_in_place(db):
    info = T.import_template(db, SMALL)
    data = T.get_template(db, info.id)
    data.sections[0].items[0].text = "Butir satu, diperbaiki"
    saved = T.save_template_edit(db, info.id, data)
    assert (saved.id, saved.version, saved.outcome) == (info.id, 1, "updated")
    assert T.get_template(db, info.id).sections[0].items[0].text == "Butir satu, diperbaiki"
    assert T.save_template_edit(db, info.id, T.get_template(db, info.id)).outcome == "unchanged"
    # A file with the same code and version but other content: the same rule.
    changed = T.import_template(db, SMALL.replace("Butir tiga", "Butir tiga baru"))
    assert (changed.id, changed.outcome) == (info.id, "updated")


def test_editing_a_used_template_makes_a_new_version(db):
    info = T.import_template(db, SMALL)
    old_visit = create_visit(db, _draft(template_id=info.id))
    data = T.get_template(db, info.id)
    data.sections[1].items.append(T.ItemData("B.2", "Butir baru", "compliance"))
    data.sections[0].items[0].text = "Butir satu versi dua"
    v2 = T.save_template_edit(db, info.id, data)
    assert (v2.version, v2.outcome) == (2, "new_version") and v2.id != info.id
    assert T.latest_template(db, "uji").id == v2.id
    assert [(t.version, t.in_use) for t in T.list_templates(db) if t.code == "uji"] == [
        (1, True),
        (2, False),
    ]
    # The old visit still shows the version it was filled with.
    detail = visit_detail(db, old_visit.id)
    assert detail.visit.template_version == 1 and get_visit(db, old_visit.id).template_id == info.id
    assert detail.template.sections[0].items[0].text == "Butir satu"
    assert len(list(detail.template.items())) == 3
    new_visit = create_visit(db, _draft(day=date(2024, 10, 1), template_id=v2.id))
    assert (
        visit_detail(db, new_visit.id).template.sections[0].items[0].text == "Butir satu versi dua"
    )
    # A file of version 1 with other content now also becomes a new version, once.
    edited_file = SMALL.replace("Butir dua", "Butir 2")
    v3 = T.import_template(db, edited_file)
    assert (v3.version, v3.outcome) == (3, "new_version")
    assert (T.import_template(db, edited_file).id, T.import_template(db, edited_file).outcome) == (
        v3.id,
        "unchanged",
    )


def test_edit_is_validated_like_a_file(db):
    info = T.import_template(db, SMALL)
    data = T.get_template(db, info.id)
    bad = dataclasses.replace(data, sections=[*data.sections, T.SectionData("A", "Lagi", [])])
    bad.sections[0].items[0].weight = -2
    with pytest.raises(InputRejected) as exc:
        T.save_template_edit(db, info.id, bad)
    keys = {p.key for p in exc.value.problems}
    assert {"template.weight", "template.duplicate_section", "template.empty"} <= keys
    assert "A › A.1" in exc.value.message("id")
    assert T.get_template(db, info.id).sections[0].items[0].weight == 2.0
    with pytest.raises(InputRejected):
        T.get_template(db, 999)
    with pytest.raises(InputRejected):
        T.save_template_edit(db, 999, data)
