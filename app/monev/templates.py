"""Checklist templates in the database: import/export, list, read, edit (a used template gets a new version)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import exists, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.admin.audit import audit
from app.admin.session import require as require_role
from app.changes import NOTHING, Changes
from app.config import resources_dir
from app.db.engine import Database
from app.db.visit_models import ChecklistTemplate, TemplateItem, TemplateSection, Visit
from app.monev.template_file import (
    ItemData,
    SectionData,
    TemplateData,
    check_template,
    parse_template,
    template_to_yaml,
)
from app.problems import InputRejected, Problem

__all__ = [
    "DEFAULT_TEMPLATE_CODE", "DEFAULT_TEMPLATE_FILE", "ItemData", "SectionData", "TemplateData",
    "TemplateInfo", "check_template", "ensure_default_template", "export_template", "get_template",
    "import_template", "latest_template", "list_templates", "parse_template", "save_template_edit",
    "template_data", "template_yaml",
]  # fmt: skip

DEFAULT_TEMPLATE_CODE = "monev-paspor"
DEFAULT_TEMPLATE_FILE = "checklists/monev-paspor-v1.yaml"
_WRITTEN = ("created", "updated", "new_version")


@dataclass(frozen=True)
class TemplateInfo:
    id: int
    uuid: str
    code: str
    version: int
    title: str
    sections: int
    items: int
    in_use: bool
    created_at: datetime
    # What the call did: created | unchanged | updated | new_version ("" when only read).
    outcome: str = ""
    changes: Changes = field(default=NOTHING, compare=False)  # templates, unless read or unchanged


# --- the database -------------------------------------------------------------


def _in_use(s: Session, template_id: int) -> bool:
    return bool(s.scalar(select(exists().where(Visit.template_id == template_id))))


def _info(s: Session, t: ChecklistTemplate, outcome: str = "") -> TemplateInfo:
    in_use = _in_use(s, t.id)
    return TemplateInfo(
        id=t.id, uuid=t.uuid, code=t.code, version=t.version, title=t.title,
        sections=len(t.sections), items=sum(len(sec.items) for sec in t.sections),
        in_use=in_use, created_at=t.created_at, outcome=outcome,
        changes=Changes(templates=True) if outcome in _WRITTEN else NOTHING,
    )  # fmt: skip


def template_data(t: ChecklistTemplate) -> TemplateData:
    return TemplateData(
        code=t.code, title=t.title, version=t.version, id=t.id, uuid=t.uuid,
        sections=[
            SectionData(sec.code, sec.title, id=sec.id, items=[
                ItemData(i.code, i.text, i.answer_set, float(i.weight), bool(i.critical), i.guidance or "", i.id)
                for i in sec.items
            ])
            for sec in t.sections
        ],
    )  # fmt: skip


def _content(data: TemplateData) -> tuple:
    return (data.code, data.title.strip(), tuple(
        (sec.code, sec.title.strip(), tuple(
            (i.code, i.text.strip(), (i.guidance or "").strip(), i.answer_set, float(i.weight), bool(i.critical))
            for i in sec.items
        ))
        for sec in data.sections
    ))  # fmt: skip


def _fill(t: ChecklistTemplate, data: TemplateData) -> None:
    t.title = data.title.strip()
    t.sections = [
        TemplateSection(position=pos, code=sec.code, title=sec.title.strip(), items=[
            TemplateItem(position=ipos, code=i.code, text=i.text.strip(), guidance=(i.guidance or "").strip(),
                         answer_set=i.answer_set, weight=float(i.weight), critical=bool(i.critical))
            for ipos, i in enumerate(sec.items, start=1)
        ])
        for pos, sec in enumerate(data.sections, start=1)
    ]  # fmt: skip


def _load(s: Session, template_id: int) -> ChecklistTemplate:
    t = s.get(ChecklistTemplate, template_id)
    if t is None:
        raise InputRejected([Problem("template.not_found", "template", {"id": template_id})])
    return t


def _next_version(s: Session, code: str) -> int:
    return (
        int(
            s.scalar(
                select(func.max(ChecklistTemplate.version)).where(ChecklistTemplate.code == code)
            )
            or 0
        )
        + 1
    )


def _store_change(
    s: Session, current: ChecklistTemplate | None, data: TemplateData
) -> tuple[ChecklistTemplate, str]:
    """Save *data* over *current*: in place while no visit uses it, else as the next version."""
    if current is not None and _content(template_data(current)) == _content(data):
        return current, "unchanged"
    if current is not None and current.code == data.code and not _in_use(s, current.id):
        s.flush()
        current.sections = []
        s.flush()  # old items go before new ones take their (section, code) slots
        _fill(current, data)
        s.flush()
        return current, "updated"
    if current is not None:
        # Importing the same edited file twice must not make two new versions.
        for other in s.scalars(
            select(ChecklistTemplate).where(ChecklistTemplate.code == data.code)
        ):
            if _content(template_data(other)) == _content(data):
                return other, "unchanged"
    version = data.version if current is None else _next_version(s, data.code)
    t = ChecklistTemplate(code=data.code, version=version, title="")
    _fill(t, data)
    s.add(t)
    s.flush()
    return t, "created" if current is None else "new_version"


def _audit_change(s: Session, action: str, t: ChecklistTemplate, outcome: str) -> None:
    if outcome != "unchanged":
        s.flush()
        audit(s, None, action, "checklist_template", t.id, code=t.code, version=t.version,
              outcome=outcome)  # fmt: skip


def import_template(db: Database, source: Path | str) -> TemplateInfo:
    """Import a template file (Path) or YAML text (str); nothing is written unless all of it is sound.

    The same code and version already stored with the same content: unchanged.
    With other content: updated in place if no visit uses it, else stored as the next version
    (or, when another version of the code already has exactly this content, that one: unchanged).
    """
    require_role("template.write")
    return _import_template(db, source)


def _import_template(db: Database, source: Path | str) -> TemplateInfo:
    data = parse_template(source)
    with db.write() as s:
        current = s.scalar(select(ChecklistTemplate).where(
            ChecklistTemplate.code == data.code, ChecklistTemplate.version == data.version))  # fmt: skip
        t, outcome = _store_change(s, current, data)
        _audit_change(s, "template_import", t, outcome)
        return _info(s, t, outcome)


def template_yaml(db: Database, template_id: int) -> str:
    return template_to_yaml(get_template(db, template_id))


def export_template(db: Database, template_id: int, path: Path) -> None:
    text = template_yaml(db, template_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def list_templates(db: Database) -> list[TemplateInfo]:
    with db.session() as s:
        rows = s.scalars(
            select(ChecklistTemplate).order_by(ChecklistTemplate.code, ChecklistTemplate.version)
        )
        return [_info(s, t) for t in rows]


def latest_template(db: Database, code: str = DEFAULT_TEMPLATE_CODE) -> TemplateInfo | None:
    with db.session() as s:
        t = s.scalar(select(ChecklistTemplate).where(ChecklistTemplate.code == code)
                     .order_by(ChecklistTemplate.version.desc()).limit(1))  # fmt: skip
        return _info(s, t) if t else None


def get_template(db: Database, template_id: int) -> TemplateData:
    with db.session() as s:
        return template_data(_load(s, template_id))


def save_template_edit(db: Database, template_id: int, edited: TemplateData) -> TemplateInfo:
    """Save the editor's version: in place while unused, else as version + 1 (the old one stays)."""
    require_role("template.write")
    problems = check_template(edited)
    if not edited.code:
        problems.insert(
            0, Problem("template.missing", "Template", {"where": "Template", "field": "code"})
        )
    if problems:
        raise InputRejected(problems)
    with db.write() as s:
        t, outcome = _store_change(s, _load(s, template_id), edited)
        _audit_change(s, "template_edit", t, outcome)
        return _info(s, t, outcome)


def ensure_default_template(db: Database) -> TemplateInfo:
    """Import the shipped default checklist unless a template with its code exists."""
    existing = latest_template(db, DEFAULT_TEMPLATE_CODE)
    if existing is not None:
        return existing
    try:
        return _import_template(db, resources_dir() / DEFAULT_TEMPLATE_FILE)
    except IntegrityError:
        # Another counter imported it at the same moment.
        found = latest_template(db, DEFAULT_TEMPLATE_CODE)
        assert found is not None
        return found
