"""The strict check of an incoming visit.json: every key, type, length, date, vocabulary, item code and UUID.

Unknown keys are refused rather than ignored: a later format that adds
fields raises the package's format_version instead.
"""

from __future__ import annotations

import math
import re
import uuid as uuid_module
from datetime import date, datetime
from typing import Any

from app.i18n import N_, register_messages
from app.monev.exchange.document import VisitDocument, content_hash, sorted_findings
from app.monev.findings import FINDING_STATUSES, PRIORITIES
from app.monev.scoring import ANSWER_SETS
from app.monev.template_file import ItemData, SectionData, TemplateData, check_template
from app.monev.visit_identity import NIP_PATTERN, SUPERVISION_TYPES, TEAM_ROLES, VISIT_STATUSES
from app.monev.worded_problem import WordedProblem
from app.problems import InputRejected, Problem

MAX_HISTORY = 500
_SHA = re.compile(r"^[0-9a-f]{64}$")

register_messages({
    "exchange.field_missing": N_("visit.json: '{where}' is required."),
    "exchange.field_type": N_("visit.json: '{where}' must be {expected}."),
    "exchange.field_value": N_("visit.json: the value '{value}' at '{where}' is not valid."),
    "exchange.field_too_long": N_("visit.json: '{where}' is too long (max {max} characters)."),
    "exchange.unknown_field": N_("visit.json: unknown key '{where}'."),
    "exchange.duplicate_uuid": N_("visit.json: UUID {value} is used more than once."),
    "exchange.unknown_item": N_("visit.json: item '{value}' at '{where}' is not in the visit's template."),
    "exchange.missing_photo": N_("visit.json: photo {value} is not in the package."),
    "exchange.unused_photo": N_("The package holds photo {value} that the visit does not use."),
    "exchange.content_hash": N_("The visit's content fingerprint (content_sha256) does not match; the package is damaged or was altered."),
    "exchange.template": N_("The checklist template inside the package is not valid:"),
})  # fmt: skip

# What a value of each kind must be, for exchange.field_type.
_TYPES = {
    "text": N_("text"), "date": N_("a date YYYY-MM-DD"),
    "datetime": N_("a date-time YYYY-MM-DDTHH:MM:SS"),
    "number": N_("a number"), "int": N_("a whole number"), "bool": N_("true/false"),
    "list": N_("a list"), "object": N_("an object"), "uuid": N_("a UUID"),
}  # fmt: skip


class _Checker:
    """Reads typed values out of parsed JSON, collecting problems with the place they were found."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def fail(self, key: str, where: str, **params: object) -> None:
        if len(self.problems) < 20:
            self.problems.append(Problem(key, where, {"where": where, **params}))

    def wrong_type(self, where: str, kind: str) -> None:
        if len(self.problems) < 20:
            self.problems.append(WordedProblem("exchange.field_type", where, {"where": where},
                                               {"expected": _TYPES[kind]}))  # fmt: skip

    def obj(self, raw: Any, where: str, keys: set[str]) -> dict[str, Any]:
        if not isinstance(raw, dict):
            self.wrong_type(where, "object")
            return {}
        for key in raw:
            if key not in keys:
                self.fail("exchange.unknown_field", f"{where}.{key}"[:200])
        for key in keys:
            if key not in raw:
                self.fail("exchange.field_missing", f"{where}.{key}")
        return raw

    def text(self, raw: dict, key: str, where: str, max_len: int, *, empty: bool = True,
             null: bool = False) -> str | None:  # fmt: skip
        value, place = raw.get(key), f"{where}.{key}"
        if value is None and (null or key not in raw):
            return None
        if not isinstance(value, str):
            self.wrong_type(place, "text")
            return None
        if len(value) > max_len:
            self.fail("exchange.field_too_long", place, max=max_len)
        elif not empty and not value.strip():
            self.fail("exchange.field_missing", place)
        return value

    def choice(
        self, raw: dict, key: str, where: str, allowed: Any, null: bool = False
    ) -> str | None:
        value = raw.get(key)
        if value is None and (null or key not in raw):
            return None
        if not isinstance(value, str) or value not in allowed:
            self.fail("exchange.field_value", f"{where}.{key}", value=str(value)[:60])
            return None
        return value

    def uuid(self, raw: dict, key: str, where: str, null: bool = False) -> str | None:
        value = self.text(raw, key, where, 36, null=null)
        if value is not None:
            try:
                if str(uuid_module.UUID(value)) != value:
                    raise ValueError(value)
            except ValueError:
                self.wrong_type(f"{where}.{key}", "uuid")
                return None
        return value

    def day(self, raw: dict, key: str, where: str, null: bool = False) -> date | None:
        value = raw.get(key)
        if value is None and (null or key not in raw):
            return None
        try:
            if not isinstance(value, str) or len(value) != 10:
                raise ValueError(value)
            return date.fromisoformat(value)
        except ValueError:
            self.wrong_type(f"{where}.{key}", "date")
            return None

    def moment(self, raw: dict, key: str, where: str, null: bool = False) -> datetime | None:
        value = raw.get(key)
        if value is None and (null or key not in raw):
            return None
        try:
            if not isinstance(value, str) or not 19 <= len(value) <= 26:
                raise ValueError(value)
            parsed = datetime.fromisoformat(value)
            if parsed.tzinfo is not None:  # stamps are the machines' local time, as stored
                raise ValueError(value)
            return parsed
        except ValueError:
            self.wrong_type(f"{where}.{key}", "datetime")
            return None

    def whole(self, raw: dict, key: str, where: str, low: int, high: int) -> int:
        value = raw.get(key)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            self.fail("exchange.field_value", f"{where}.{key}", value=str(value)[:60])
            return low
        return value

    def strings(
        self, raw: dict, key: str, where: str, max_len: int, max_count: int = 50
    ) -> list[str]:
        value = raw.get(key)
        if not isinstance(value, list) or len(value) > max_count:
            self.wrong_type(f"{where}.{key}", "list")
            return []
        out = []
        for i, x in enumerate(value):
            if not isinstance(x, str) or len(x) > max_len:
                self.fail("exchange.field_value", f"{where}.{key}[{i}]", value=str(x)[:60])
            else:
                out.append(x)
        return out

    def items(self, raw: dict, key: str, where: str, max_count: int) -> list[Any]:
        value = raw.get(key)
        if not isinstance(value, list) or len(value) > max_count:
            self.wrong_type(f"{where}.{key}", "list")
            return []
        return value


def _check_template(c: _Checker, raw: Any) -> dict[str, Any]:
    t = c.obj(raw, "template", {"code", "version", "title", "sections"})
    out: dict[str, Any] = {"code": c.text(t, "code", "template", 40) or "", "version": c.whole(t, "version", "template", 1, 10**6),
           "title": c.text(t, "title", "template", 200) or "", "sections": []}  # fmt: skip
    for i, raw_sec in enumerate(c.items(t, "sections", "template", 50)):
        where = f"template.sections[{i}]"
        sec = c.obj(raw_sec, where, {"code", "title", "items"})
        items = []
        for j, raw_item in enumerate(c.items(sec, "items", where, 500)):
            iw = f"{where}.items[{j}]"
            item = c.obj(
                raw_item, iw, {"code", "text", "guidance", "answer_set", "weight", "critical"}
            )
            weight = item.get("weight")
            if (
                isinstance(weight, bool)
                or not isinstance(weight, int | float)
                or not math.isfinite(weight)
            ):
                c.wrong_type(f"{iw}.weight", "number")
                weight = 1.0
            critical = item.get("critical")
            if not isinstance(critical, bool):
                c.wrong_type(f"{iw}.critical", "bool")
            items.append({"code": c.text(item, "code", iw, 40) or "", "text": c.text(item, "text", iw, 2000) or "",
                          "guidance": c.text(item, "guidance", iw, 4000) or "",
                          "answer_set": c.choice(item, "answer_set", iw, ANSWER_SETS) or "yn",
                          "weight": float(weight), "critical": critical is True})  # fmt: skip
        out["sections"].append({"code": c.text(sec, "code", where, 40) or "", "title": c.text(sec, "title", where, 200) or "",
                                "items": items})  # fmt: skip
    if not c.problems:
        data = TemplateData(out["code"], out["title"], version=out["version"], sections=[
            SectionData(sec["code"], sec["title"], [
                ItemData(i["code"], i["text"], i["answer_set"], i["weight"], i["critical"], i["guidance"])
                for i in sec["items"]]) for sec in out["sections"]])  # fmt: skip
        problems = check_template(data)
        if problems:
            c.problems += [Problem("exchange.template", "template"), *problems]
    return out


def _check_visit(c: _Checker, raw: Any) -> dict[str, Any]:
    keys = {"uuid", "office_code", "office_name", "start_date", "end_date", "supervision_types", "team",
            "office_reps", "basis", "purposes", "place", "status", "origin", "conflict_of", "created_at",
            "updated_at", "finalized_at"}  # fmt: skip
    v = c.obj(raw, "visit", keys)
    w = "visit"
    team: list[dict[str, Any]] = []
    reps: list[dict[str, Any]] = []
    for i, m in enumerate(c.items(v, "team", w, 50)):
        mw = f"visit.team[{i}]"
        m = c.obj(m, mw, {"name", "nip", "position", "role"})
        nip = c.text(m, "nip", mw, 18) or ""
        if nip and not NIP_PATTERN.match(nip):
            c.fail("exchange.field_value", f"{mw}.nip", value=nip)
        team.append({"name": c.text(m, "name", mw, 200, empty=False), "nip": nip,
                     "position": c.text(m, "position", mw, 200) or "", "role": c.choice(m, "role", mw, TEAM_ROLES)})  # fmt: skip
    for i, r in enumerate(c.items(v, "office_reps", w, 50)):
        rw = f"visit.office_reps[{i}]"
        r = c.obj(r, rw, {"name", "position", "nip"})
        nip = c.text(r, "nip", rw, 18) or ""
        if nip and not NIP_PATTERN.match(nip):
            c.fail("exchange.field_value", f"{rw}.nip", value=nip)
        reps.append({"name": c.text(r, "name", rw, 200, empty=False), "position": c.text(r, "position", rw, 200) or "",
                     "nip": nip})  # fmt: skip
    out: dict[str, Any] = {
        "uuid": c.uuid(v, "uuid", w), "office_code": c.text(v, "office_code", w, 32, empty=False),
        "office_name": c.text(v, "office_name", w, 200, empty=False),
        "start_date": c.day(v, "start_date", w), "end_date": c.day(v, "end_date", w),
        "supervision_types": c.strings(v, "supervision_types", w, 40), "team": team, "office_reps": reps,
        "basis": c.text(v, "basis", w, 4000) or "", "purposes": c.strings(v, "purposes", w, 500),
        "place": c.text(v, "place", w, 80) or "", "status": c.choice(v, "status", w, VISIT_STATUSES),
        "origin": c.text(v, "origin", w, 80) or "", "conflict_of": c.uuid(v, "conflict_of", w, null=True),
        "created_at": c.moment(v, "created_at", w), "updated_at": c.moment(v, "updated_at", w),
        "finalized_at": c.moment(v, "finalized_at", w, null=True),
    }  # fmt: skip
    for i, kind in enumerate(out["supervision_types"]):
        if kind not in SUPERVISION_TYPES:
            c.fail("exchange.field_value", f"visit.supervision_types[{i}]", value=kind[:60])
    if out["start_date"] and out["end_date"] and out["end_date"] < out["start_date"]:
        c.fail("exchange.field_value", "visit.end_date", value=out["end_date"].isoformat())
    return out


def _check_answers(c: _Checker, raw: Any, kinds: dict[str, str]) -> dict[str, Any]:
    if not isinstance(raw, dict):
        c.wrong_type("answers", "object")
        return {}
    out = {}
    for code, value in raw.items():
        aw = f"answers.{code}"[:120]
        if code not in kinds:
            c.fail("exchange.unknown_item", "answers", value=str(code)[:60])
            continue
        a = c.obj(value, aw, {"answer", "number", "text", "note", "updated_at"})
        aset = ANSWER_SETS[kinds[code]]
        answer = c.choice(a, "answer", aw, [o.code for o in aset.options], null=True)
        number = a.get("number")
        if number is not None and (isinstance(number, bool) or not isinstance(number, int | float)
                                   or not math.isfinite(number)):  # fmt: skip
            c.wrong_type(f"{aw}.number", "number")
            number = None
        text = c.text(a, "text", aw, 4000, null=True)
        for name, value_, kind in (
            ("answer", answer, "choice"),
            ("number", number, "number"),
            ("text", text, "text"),
        ):
            if value_ is not None and aset.kind != kind:
                c.fail("exchange.field_value", f"{aw}.{name}", value=str(value_)[:60])
        out[code] = {"answer": answer, "number": None if number is None else float(number), "text": text,
                     "note": c.text(a, "note", aw, 4000, null=True), "updated_at": c.moment(a, "updated_at", aw)}  # fmt: skip
    return out


def _check_findings(c: _Checker, raw: list, item_codes: set[str]) -> list[dict[str, Any]]:
    out = []
    for i, raw_f in enumerate(raw):
        w = f"findings[{i}]"
        keys = {"uuid", "item_code", "text", "direction", "priority", "owner", "due_date", "status", "carried_from",
                "carried_status", "raised_on", "created_at", "updated_at", "follow_ups"}  # fmt: skip
        f = c.obj(raw_f, w, keys)
        item_code = c.text(f, "item_code", w, 40, null=True)
        if item_code is not None and item_code not in item_codes:
            c.fail("exchange.unknown_item", f"{w}.item_code", value=item_code)
        follow_ups = []
        for j, raw_x in enumerate(c.items(f, "follow_ups", w, 500)):
            xw = f"{w}.follow_ups[{j}]"
            x = c.obj(raw_x, xw, {"uuid", "at", "status", "note", "by", "created_at", "updated_at"})
            follow_ups.append({"uuid": c.uuid(x, "uuid", xw), "at": c.day(x, "at", xw),
                               "status": c.choice(x, "status", xw, FINDING_STATUSES),
                               "note": c.text(x, "note", xw, 4000) or "", "by": c.text(x, "by", xw, 120) or "",
                               "created_at": c.moment(x, "created_at", xw), "updated_at": c.moment(x, "updated_at", xw)})  # fmt: skip
        out.append({
            "uuid": c.uuid(f, "uuid", w), "item_code": item_code, "text": c.text(f, "text", w, 4000, empty=False),
            "direction": c.text(f, "direction", w, 4000) or "", "priority": c.choice(f, "priority", w, PRIORITIES),
            "owner": c.text(f, "owner", w, 120) or "", "due_date": c.day(f, "due_date", w, null=True),
            "status": c.choice(f, "status", w, FINDING_STATUSES), "carried_from": c.uuid(f, "carried_from", w, null=True),
            "carried_status": c.choice(f, "carried_status", w, FINDING_STATUSES, null=True),
            "raised_on": c.day(f, "raised_on", w, null=True), "created_at": c.moment(f, "created_at", w),
            "updated_at": c.moment(f, "updated_at", w), "follow_ups": follow_ups,
        })  # fmt: skip
    return out


def _check_photos(c: _Checker, raw: list, item_codes: set[str]) -> list[dict[str, Any]]:
    out = []
    for i, raw_p in enumerate(raw):
        w = f"photos[{i}]"
        p = c.obj(
            raw_p,
            w,
            {
                "uuid",
                "sha256",
                "mime",
                "caption",
                "item_code",
                "position",
                "created_at",
                "updated_at",
            },
        )
        sha = c.text(p, "sha256", w, 64) or ""
        if not _SHA.match(sha):
            c.fail("exchange.field_value", f"{w}.sha256", value=sha[:64])
        item_code = c.text(p, "item_code", w, 40, null=True)
        if item_code is not None and item_code not in item_codes:
            c.fail("exchange.unknown_item", f"{w}.item_code", value=item_code)
        out.append({"uuid": c.uuid(p, "uuid", w), "sha256": sha,
                    "mime": c.choice(p, "mime", w, ("image/jpeg", "image/png")),
                    "caption": c.text(p, "caption", w, 2000) or "", "item_code": item_code,
                    "position": c.whole(p, "position", w, 0, 10**6),
                    "created_at": c.moment(p, "created_at", w), "updated_at": c.moment(p, "updated_at", w)})  # fmt: skip
    return out


def parse_document(raw: Any, photo_mimes: dict[str, str]) -> VisitDocument:
    """Check visit.json completely against the schema and the package's photos (sha256 -> mime)."""
    c = _Checker()
    top = c.obj(
        raw, "visit.json", {"visit", "template", "answers", "findings", "photos", "exchange"}
    )
    if c.problems:
        raise InputRejected(c.problems)
    template = _check_template(c, top["template"])
    if c.problems:  # answers and findings are checked against a sound template only
        raise InputRejected(c.problems)
    kinds = {i["code"]: i["answer_set"] for sec in template["sections"] for i in sec["items"]}
    content: dict[str, Any] = {
        "visit": _check_visit(c, top["visit"]), "template": template,
        "answers": _check_answers(c, top["answers"], kinds),
        "findings": _check_findings(c, c.items(top, "findings", "visit.json", 2000), set(kinds)),
        "photos": _check_photos(c, c.items(top, "photos", "visit.json", 500), set(kinds)),
    }  # fmt: skip
    ex = c.obj(top["exchange"], "exchange", {"content_sha256", "history"})
    declared = c.text(ex, "content_sha256", "exchange", 64) or ""
    history = c.strings(ex, "history", "exchange", 64, MAX_HISTORY)
    if any(not _SHA.match(h) for h in [declared, *history]):
        c.fail("exchange.field_value", "exchange", value="sha256")
    seen: set[str] = set()
    records = [content["visit"], *content["findings"], *(x for f in content["findings"] for x in f["follow_ups"]),
               *content["photos"]]  # fmt: skip
    for record in records:
        if record["uuid"] in seen:
            c.fail("exchange.duplicate_uuid", "uuid", value=record["uuid"])
        seen.add(record["uuid"])
    used = set()
    for p in content["photos"]:
        if p["sha256"] in used:
            c.fail("exchange.duplicate_uuid", "photos", value=p["sha256"])
        used.add(p["sha256"])
        if p["sha256"] not in photo_mimes or photo_mimes[p["sha256"]] != p["mime"]:
            c.fail("exchange.missing_photo", "photos", value=p["sha256"][:16])
    for sha in set(photo_mimes) - used:
        c.fail("exchange.unused_photo", "photos", value=sha[:16])
    if c.problems:
        raise InputRejected(c.problems)
    content["findings"] = sorted_findings(content["findings"])
    content["photos"].sort(key=lambda p: (p["position"], p["uuid"]))
    digest = content_hash(content)
    if digest != declared:
        raise InputRejected([Problem("exchange.content_hash", "visit.json")])
    return VisitDocument(content, digest, tuple(dict.fromkeys([*history, digest])))
