"""Documents the clerk ticks off, by application kind, age/marriage and purpose."""

from __future__ import annotations

from datetime import date

from app.desk.passport import is_minor
from app.i18n import N_, label

DOCUMENTS: dict[str, str] = {
    "ektp": N_("e-KTP (identity card)"),
    "kk": N_("Family card (KK)"),
    "civil_status": N_("Birth certificate / marriage book / diploma / baptism letter"),
    "name_change": N_("Name-change decree (if any)"),
    "old_passport": N_("Old passport"),
    "police_report": N_("Police loss report"),
    "bap": N_("Interview record (BAP)"),
    "damaged_passport": N_("The damaged passport"),
    "perdim11": N_("Form Perdim 11"),
    "change_evidence": N_("Evidence for the data change"),
    "parents_ektp": N_("Parents' e-KTP"),
    "kk_child": N_("Family card listing the child"),
    "child_birth_cert": N_("Child's birth certificate"),
    "parents_marriage": N_("Parents' marriage book"),
    "parents_passports": N_("Parents' passports (if any)"),
    "parents_present": N_("Both parents present or power of attorney"),
    "custody": N_("Divorce and custody papers (if divorced)"),
    "umrah_rec": N_("Umrah recommendation"),
    "hajj_letter": N_("Hajj letter"),
    "pmi_rec": N_("Migrant-worker recommendation"),
}

_ADULT_BASE = ["ektp", "kk", "civil_status", "name_change"]
_MINOR_BASE = [
    "parents_ektp",
    "kk_child",
    "child_birth_cert",
    "parents_marriage",
    "parents_passports",
    "parents_present",
    "custody",
]
_BY_KIND = {
    "baru": [],
    "penggantian": ["old_passport"],
    "hilang": ["police_report", "bap"],
    "rusak": ["damaged_passport", "bap"],
    "perubahan_data": ["old_passport", "perdim11", "change_evidence"],
}
_BY_PURPOSE = {"umrah": ["umrah_rec"], "haji": ["hajj_letter"], "pmi": ["pmi_rec"]}


def required_documents(
    kind: str, birth: date, on: date, married: bool = False, purpose: str = "umum"
) -> list[str]:
    """Document codes for the checklist, in the order the clerk checks them."""
    if is_minor(birth, on, married):
        codes = list(_MINOR_BASE)
    elif kind == "penggantian":
        # Replacement of an adult: the old passport and e-KTP; more only where data changed.
        codes = ["ektp"]
    else:
        codes = list(_ADULT_BASE)
    codes += _BY_KIND.get(kind, []) + _BY_PURPOSE.get(purpose, [])
    return list(dict.fromkeys(codes))


def document_label(code: str, lang: str | None = None) -> str:
    return label(DOCUMENTS, code, lang)
