"""Checklist template files: the template as plain data, YAML in and out, and the checks every template obeys."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from app.i18n import N_, register_messages
from app.monev.scoring import ANSWER_SETS
from app.problems import InputRejected, Problem

MAX_FILE_BYTES = 1_000_000
MAX_SECTIONS, MAX_ITEMS = 50, 500
_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$")

# Problems about one place in the file: "{where}: ..." or, when the line is known,
# "Line {line}, {where}: ..." (the key with "@line").
register_messages({
    "template.not_mapping": N_("{where}: must be a set of key: value pairs."),
    "template.not_list": N_("{where}: '{field}' must be a list (lines starting with '- ')."),
    "template.missing": N_("{where}: '{field}' is required."),
    "template.unknown_field": N_("{where}: unknown key '{field}' (a typo?)."),
    "template.not_text": N_("{where}: '{field}' must be text; put it in quotes if needed."),
    "template.too_long": N_("{where}: '{field}' is too long (max {max} characters)."),
    "template.code": N_("{where}: code '{code}' may only hold letters, digits, dots, underscores and hyphens (max 40)."),
    "template.version": N_("{where}: version must be a whole number of 1 or more (now: {value})."),
    "template.empty": N_("{where}: '{field}' cannot be empty."),
    "template.too_many": N_("{where}: too many {field} (max {max})."),
    "template.duplicate_section": N_("{where}: section code '{code}' is used by another section."),
    "template.duplicate_item": N_("{where}: item code '{code}' is already used in section {other}."),
    "template.answer_set": N_("{where}: unknown answer set '{value}'; choose one of: {allowed}."),
    "template.weight": N_("{where}: weight must be a number above 0 and at most 1000 (now: {value})."),
    "template.critical": N_("{where}: 'critical' must be true or false (now: {value})."),
    "template.critical_unscored": N_("{where}: a critical item needs a scored answer set, not '{value}'."),
    "template.not_mapping@line": N_("Line {line}, {where}: must be a set of key: value pairs."),
    "template.not_list@line": N_("Line {line}, {where}: '{field}' must be a list (lines starting with '- ')."),
    "template.missing@line": N_("Line {line}, {where}: '{field}' is required."),
    "template.unknown_field@line": N_("Line {line}, {where}: unknown key '{field}' (a typo?)."),
    "template.not_text@line": N_("Line {line}, {where}: '{field}' must be text; put it in quotes if needed."),
    "template.too_long@line": N_("Line {line}, {where}: '{field}' is too long (max {max} characters)."),
    "template.code@line": N_("Line {line}, {where}: code '{code}' may only hold letters, digits, dots, underscores and hyphens (max 40)."),
    "template.version@line": N_("Line {line}, {where}: version must be a whole number of 1 or more (now: {value})."),
    "template.empty@line": N_("Line {line}, {where}: '{field}' cannot be empty."),
    "template.too_many@line": N_("Line {line}, {where}: too many {field} (max {max})."),
    "template.duplicate_section@line": N_("Line {line}, {where}: section code '{code}' is used by another section."),
    "template.duplicate_item@line": N_("Line {line}, {where}: item code '{code}' is already used in section {other}."),
    "template.answer_set@line": N_("Line {line}, {where}: unknown answer set '{value}'; choose one of: {allowed}."),
    "template.weight@line": N_("Line {line}, {where}: weight must be a number above 0 and at most 1000 (now: {value})."),
    "template.critical@line": N_("Line {line}, {where}: 'critical' must be true or false (now: {value})."),
    "template.critical_unscored@line": N_("Line {line}, {where}: a critical item needs a scored answer set, not '{value}'."),
    "template.yaml_syntax": N_("The template file is not valid YAML (line {line}, column {column}): {reason}."),
    "template.duplicate_key": N_("Line {line}: key '{name}' is written twice."),
    "template.encoding": N_("The template file is not UTF-8 text."),
    "template.too_large": N_("The template file is too large ({size} bytes; max {max})."),
    "template.not_found": N_("Template {id} not found."),
})  # fmt: skip


@dataclass
class ItemData:
    code: str
    text: str
    answer_set: str = "yn"
    weight: float = 1.0
    critical: bool = False
    guidance: str = ""
    id: int | None = None


@dataclass
class SectionData:
    code: str
    title: str
    items: list[ItemData] = field(default_factory=list)
    id: int | None = None


@dataclass
class TemplateData:
    """A whole template as plain data: what the editor edits and the visit pages show."""

    code: str
    title: str
    sections: list[SectionData] = field(default_factory=list)
    version: int = 1
    id: int | None = None
    uuid: str | None = None

    def items(self) -> Iterator[tuple[SectionData, ItemData]]:
        for section in self.sections:
            for item in section.items:
                yield section, item

    def item(self, item_id: int) -> ItemData | None:
        return next((i for _, i in self.items() if i.id == item_id), None)


# --- reading the YAML -------------------------------------------------------


class _LineDict(dict):
    """A YAML mapping that knows its own line and the line of each of its keys."""

    line = 0
    key_lines: dict[object, int]


class _DuplicateKey(Exception):
    def __init__(self, key: object, line: int):
        super().__init__(key, line)
        self.key, self.line = key, line


class _Loader(yaml.SafeLoader):
    """Safe loader that remembers each mapping's line and refuses repeated keys."""


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> _LineDict:
    loader.flatten_mapping(node)
    data = _LineDict()
    data.line = node.start_mark.line + 1
    data.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str | int | float | bool) or key in data:
            raise _DuplicateKey(key, key_node.start_mark.line + 1)
        data[key] = loader.construct_object(value_node, deep=True)
        data.key_lines[key] = key_node.start_mark.line + 1
    return data


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)


def _load_yaml(text: str) -> Any:
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except _DuplicateKey as exc:
        raise InputRejected(
            [Problem("template.duplicate_key", "template", {"line": exc.line, "name": exc.key})]
        ) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        params = {
            "line": mark.line + 1 if mark else "?",
            "column": mark.column + 1 if mark else "?",
            "reason": getattr(exc, "problem", None) or str(exc),
        }
        raise InputRejected([Problem("template.yaml_syntax", "template", params)]) from exc


def _read_source(source: Path | str) -> str:
    """A Path is read as a file; a str is the YAML text itself."""
    if isinstance(source, str):
        return source
    try:
        raw = source.read_bytes()
    except OSError as exc:
        raise InputRejected(
            [Problem("import.file_missing", "file", {"path": str(source)})]
        ) from exc
    if len(raw) > MAX_FILE_BYTES:
        raise InputRejected(
            [Problem("template.too_large", "file", {"size": len(raw), "max": MAX_FILE_BYTES})]
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputRejected([Problem("template.encoding", "file")]) from exc


Lines = dict[tuple[object, ...], int]


def _key_line(raw: object, key: object, default: int | None) -> int | None:
    return getattr(raw, "key_lines", {}).get(key, default)


def _remember(lines: Lines, place: tuple[int, ...], raw: dict) -> int:
    for key, line in getattr(raw, "key_lines", {}).items():
        lines[(*place, key)] = line
    lines[place] = getattr(raw, "line", 0)
    return lines[place]


def _line(lines: Lines, place: tuple[int, ...], key: str) -> int | None:
    return lines.get((*place, key)) or lines.get(place)


class _Checker:
    """Collects every problem of a template (not only the first), each naming its place."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, key: str, where: str, line: int | None, **params: object) -> None:
        params.update(where=where, line=line or "")
        self.problems.append(Problem(key + "@line" if line else key, where, params))

    def text(self, raw: dict, name: str, where: str, line: int | None, *, required: bool = True,
             max_len: int = 200) -> str:  # fmt: skip
        value = raw.get(name)
        line = _key_line(raw, name, line)
        if value is None or value == "":
            if required:
                self.add("template.missing", where, line, field=name)
            return ""
        if not isinstance(value, str):
            self.add("template.not_text", where, line, field=name)
            return ""
        value = value.strip()
        if len(value) > max_len:
            self.add("template.too_long", where, line, field=name, max=max_len)
        return value

    def keys(self, raw: dict, allowed: set[str], where: str, line: int | None) -> None:
        for key in raw:
            if key not in allowed:
                self.add("template.unknown_field", where, _key_line(raw, key, line), field=key)

    def items_list(self, raw: dict, name: str, where: str, line: int | None) -> list:
        value = raw.get(name)
        line = _key_line(raw, name, line)
        if value is None:
            self.add("template.missing", where, line, field=name)
            return []
        if not isinstance(value, list):
            self.add("template.not_list", where, line, field=name)
            return []
        if not value:
            self.add("template.empty", where, line, field=name)
        return value


def _parse(raw: Any) -> tuple[TemplateData, Lines, list[Problem]]:
    """Turn loaded YAML into TemplateData; returns the lines of each section/item for messages."""
    c = _Checker()
    lines: Lines = {}
    if not isinstance(raw, dict):
        c.add("template.not_mapping", "Template", None)
        return TemplateData("", ""), lines, c.problems
    top_line = getattr(raw, "line", None)
    c.keys(raw, {"code", "version", "title", "sections"}, "Template", top_line)
    data = TemplateData(
        code=c.text(raw, "code", "Template", top_line, max_len=40),
        title=c.text(raw, "title", "Template", top_line),
    )
    version = raw.get("version", 1)
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        c.add("template.version", "Template", _key_line(raw, "version", top_line), value=version)
    else:
        data.version = version
    for i, raw_section in enumerate(c.items_list(raw, "sections", "Template", top_line)):
        where = f"#{i + 1}"
        if not isinstance(raw_section, dict):
            c.add("template.not_mapping", where, top_line)
            continue
        line = _remember(lines, (i,), raw_section)
        c.keys(raw_section, {"code", "title", "items"}, where, line)
        section = SectionData(c.text(raw_section, "code", where, line, max_len=40), "")
        where = section.code or where
        section.title = c.text(raw_section, "title", where, line)
        for j, raw_item in enumerate(c.items_list(raw_section, "items", where, line)):
            item_where = f"{where} › #{j + 1}"
            if not isinstance(raw_item, dict):
                c.add("template.not_mapping", item_where, line)
                continue
            item_line = _remember(lines, (i, j), raw_item)
            c.keys(
                raw_item,
                {"code", "text", "guidance", "answers", "weight", "critical"},
                item_where,
                item_line,
            )
            code = c.text(raw_item, "code", item_where, item_line, max_len=40)
            item_where = f"{where} › {code}" if code else item_where
            item = ItemData(
                code=code,
                text=c.text(raw_item, "text", item_where, item_line, max_len=2000),
                guidance=c.text(
                    raw_item, "guidance", item_where, item_line, required=False, max_len=4000
                ),
                answer_set=raw_item.get("answers", "yn"),
                weight=raw_item.get("weight", 1),
                critical=raw_item.get("critical", False),
            )
            section.items.append(item)
        data.sections.append(section)
    c.problems += check_template(data, lines)
    return data, lines, c.problems


def check_template(data: TemplateData, lines: Lines | None = None) -> list[Problem]:
    """The rules every template obeys, whether it comes from a file or from the editor."""
    c = _Checker()
    lines = lines or {}
    if data.code and not _CODE.match(data.code):
        c.add("template.code", "Template", None, code=data.code)
    if not data.title.strip():
        c.add("template.missing", "Template", None, field="title")
    if not data.sections:
        c.add("template.empty", "Template", None, field="sections")
    if len(data.sections) > MAX_SECTIONS:
        c.add("template.too_many", "Template", None, field="sections", max=MAX_SECTIONS)
    if sum(len(s.items) for s in data.sections) > MAX_ITEMS:
        c.add("template.too_many", "Template", None, field="items", max=MAX_ITEMS)
    section_codes: set[str] = set()
    item_codes: dict[str, str] = {}
    for i, section in enumerate(data.sections):
        where, line = section.code or f"#{i + 1}", lines.get((i,))
        if section.code and not _CODE.match(section.code):
            c.add("template.code", where, _line(lines, (i,), "code"), code=section.code)
        if section.code in section_codes:
            c.add(
                "template.duplicate_section", where, _line(lines, (i,), "code"), code=section.code
            )
        section_codes.add(section.code)
        if not section.items:
            c.add("template.empty", where, line, field="items")
        for j, item in enumerate(section.items):
            item_where, place = f"{where} › {item.code or '#' + str(j + 1)}", (i, j)
            if item.code and not _CODE.match(item.code):
                c.add("template.code", item_where, _line(lines, place, "code"), code=item.code)
            if item.code in item_codes:
                c.add("template.duplicate_item", item_where, _line(lines, place, "code"), code=item.code,
                      other=item_codes[item.code])  # fmt: skip
            elif item.code:
                item_codes[item.code] = where
            if not (isinstance(item.text, str) and item.text.strip()):
                c.add("template.missing", item_where, lines.get(place), field="text")
            aset = ANSWER_SETS.get(item.answer_set) if isinstance(item.answer_set, str) else None
            if aset is None:
                c.add("template.answer_set", item_where, _line(lines, place, "answers"), value=item.answer_set,
                      allowed=", ".join(ANSWER_SETS))  # fmt: skip
            w = item.weight
            if (
                isinstance(w, bool)
                or not isinstance(w, int | float)
                or not math.isfinite(w)
                or not 0 < w <= 1000
            ):
                c.add("template.weight", item_where, _line(lines, place, "weight"), value=w)
            if not isinstance(item.critical, bool):
                c.add(
                    "template.critical",
                    item_where,
                    _line(lines, place, "critical"),
                    value=item.critical,
                )
            elif item.critical and aset is not None and not aset.scored:
                c.add("template.critical_unscored", item_where, _line(lines, place, "critical"),
                      value=item.answer_set)  # fmt: skip
    return c.problems


def parse_template(source: Path | str) -> TemplateData:
    """Read and check a template file (Path) or YAML text (str) without touching the database."""
    data, _lines, problems = _parse(_load_yaml(_read_source(source)))
    if problems:
        raise InputRejected(problems)
    for _, item in data.items():
        item.weight = float(item.weight)
    return data


def template_to_yaml(data: TemplateData) -> str:
    """The readable file form of a template (what parse_template reads back)."""
    doc = {
        "code": data.code,
        "version": data.version,
        "title": data.title,
        "sections": [
            {"code": sec.code, "title": sec.title, "items": [
                {"code": i.code, "text": i.text, "guidance": i.guidance, "answers": i.answer_set,
                 "weight": int(i.weight) if float(i.weight).is_integer() else i.weight,
                 "critical": i.critical}
                for i in sec.items
            ]}
            for sec in data.sections
        ],
    }  # fmt: skip
    header = (
        "# KanimDesk checklist template (monev).\n"
        "# answers: "
        + ", ".join(ANSWER_SETS)
        + "; weight > 0; critical: true fails the section when scored 0.\n"
    )
    return header + yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=100)
