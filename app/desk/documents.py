"""Documents the clerk ticks off, by application kind, age/marriage and purpose."""

from __future__ import annotations

from datetime import date

from app.desk.passport import is_minor

DOCUMENTS: dict[str, tuple[str, str]] = {
    "ektp": ("e-KTP", "e-KTP (identity card)"),
    "kk": ("Kartu Keluarga", "Family card (KK)"),
    "civil_status": (
        "Akta kelahiran / buku nikah / ijazah / surat baptis",
        "Birth certificate / marriage book / diploma / baptism letter",
    ),
    "name_change": ("Penetapan ganti nama (jika ada)", "Name-change decree (if any)"),
    "old_passport": ("Paspor lama", "Old passport"),
    "police_report": ("Surat keterangan hilang dari kepolisian", "Police loss report"),
    "bap": ("Berita Acara Pemeriksaan (BAP)", "Interview record (BAP)"),
    "damaged_passport": ("Paspor yang rusak", "The damaged passport"),
    "perdim11": ("Formulir Perdim 11", "Form Perdim 11"),
    "change_evidence": ("Dokumen dasar perubahan data", "Evidence for the data change"),
    "parents_ektp": ("e-KTP ayah dan ibu", "Parents' e-KTP"),
    "kk_child": ("Kartu Keluarga yang memuat nama anak", "Family card listing the child"),
    "child_birth_cert": ("Akta kelahiran anak", "Child's birth certificate"),
    "parents_marriage": ("Buku nikah / akta perkawinan orang tua", "Parents' marriage book"),
    "parents_passports": ("Paspor orang tua (jika ada)", "Parents' passports (if any)"),
    "parents_present": (
        "Kedua orang tua hadir atau surat kuasa",
        "Both parents present or power of attorney",
    ),
    "custody": ("Akta cerai dan penetapan hak asuh (jika bercerai)", "Divorce and custody papers (if divorced)"),
    "umrah_rec": ("Rekomendasi Umrah", "Umrah recommendation"),
    "hajj_letter": ("Surat keterangan Haji", "Hajj letter"),
    "pmi_rec": ("Rekomendasi pekerja migran (PMI)", "Migrant-worker recommendation"),
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


def document_label(code: str, lang: str = "id") -> str:
    pair = DOCUMENTS.get(code, (code, code))
    return pair[1] if lang == "en" else pair[0]
