"""Messages of the core in Indonesian and English, and Indonesian dates, money and percentages.

The core speaks through message keys so that the UI, the command line and the
reports can show a reason in the user's language; Qt's translation system
covers the UI's own strings.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

# Babel loads at the first formatted date or number, not at start-up.

MESSAGES: dict[str, tuple[str, str]] = {
    # NIK
    "nik.empty": ("NIK wajib diisi.", "NIK is required."),
    "nik.length": (
        "NIK harus 16 angka (sekarang {n} angka).",
        "NIK must be 16 digits (it has {n}).",
    ),
    "nik.digits": ("NIK hanya boleh berisi angka.", "NIK may contain digits only."),
    "nik.province": (
        "Kode provinsi {code} pada NIK tidak dikenal.",
        "Province code {code} in the NIK is unknown.",
    ),
    "nik.regency": ("Kode kabupaten/kota pada NIK tidak boleh 00.", "Regency code in the NIK cannot be 00."),
    "nik.district": ("Kode kecamatan pada NIK tidak boleh 00.", "District code in the NIK cannot be 00."),
    "nik.day": (
        "Tanggal lahir pada NIK ({day}) harus 01–31 (laki-laki) atau 41–71 (perempuan).",
        "Day of birth in the NIK ({day}) must be 01–31 (male) or 41–71 (female).",
    ),
    "nik.month": ("Bulan lahir pada NIK ({month}) harus 01–12.", "Month of birth in the NIK ({month}) must be 01–12."),
    "nik.date": ("Tanggal lahir pada NIK tidak ada di kalender.", "The birth date in the NIK is not a calendar date."),
    "nik.serial": ("Nomor urut NIK tidak boleh 0000.", "The NIK serial cannot be 0000."),
    "nik.warn_birth": (
        "Tanggal lahir di formulir ({form}) berbeda dengan NIK ({nik}). Periksa dokumen.",
        "Birth date on the form ({form}) differs from the NIK ({nik}). Check the documents.",
    ),
    "nik.warn_sex": (
        "Jenis kelamin di formulir berbeda dengan NIK. Periksa dokumen.",
        "Sex on the form differs from the NIK. Check the documents.",
    ),
    # Applicant / application form
    "field.required": ("Wajib diisi.", "Required."),
    "name.short": ("Nama terlalu pendek.", "Name is too short."),
    "name.chars": ("Nama berisi karakter yang tidak diizinkan.", "Name contains characters that are not allowed."),
    "birth.future": ("Tanggal lahir tidak boleh di masa depan.", "Birth date cannot be in the future."),
    "birth.old": ("Tanggal lahir tidak masuk akal.", "Birth date is not plausible."),
    "date.format": ("Tanggal harus berformat YYYY-MM-DD.", "Date must be YYYY-MM-DD."),
    "sex.invalid": ("Jenis kelamin harus L atau P.", "Sex must be L or P."),
    "passport.format": (
        "Nomor paspor harus 6–12 huruf/angka.",
        "Passport number must be 6–12 letters/digits.",
    ),
    "nationality.format": (
        "Kewarganegaraan harus kode negara 3 huruf (mis. MYS).",
        "Nationality must be a 3-letter country code (e.g. MYS).",
    ),
    "phone.format": ("Nomor telepon tidak valid.", "Phone number is not valid."),
    "kind.invalid": ("Jenis permohonan tidak dikenal: {value}.", "Unknown application kind: {value}."),
    "product.invalid": ("Jenis paspor tidak dikenal: {value}.", "Unknown passport product: {value}."),
    "validity.invalid": ("Masa berlaku harus 5 atau 10 tahun.", "Validity must be 5 or 10 years."),
    "validity.minor": (
        "Masa berlaku 10 tahun hanya untuk pemohon berusia 17 tahun ke atas atau sudah menikah.",
        "10-year validity is only for applicants aged 17+ or married.",
    ),
    "tariff.missing": (
        "Tarif untuk {product} pada {date} tidak ditemukan.",
        "No tariff for {product} on {date}.",
    ),
    "tariff.used": (
        "Tarif ini sudah dipakai permohonan; buat baris tarif baru dengan tanggal berlaku.",
        "This tariff is used by applications; add a new dated tariff row instead.",
    ),
    "service.unknown": ("Layanan {code} tidak dikenal.", "Unknown service {code}."),
    "priority.unknown": ("Kategori prioritas tidak dikenal: {value}.", "Unknown priority category: {value}."),
    "ticket.not_found": ("Nomor antrean {number} tidak ditemukan.", "Queue number {number} not found."),
    "ticket.bad_number": (
        "Nomor antrean harus seperti A-001.",
        "Queue number must look like A-001.",
    ),
    "ticket.state": (
        "Nomor {number} berstatus {status}; tindakan ini tidak bisa dilakukan.",
        "Number {number} is {status_en}; this action is not possible.",
    ),
    "queue.empty": ("Tidak ada antrean menunggu.", "No one is waiting."),
    "printer.missing": (
        "Printer slip \"{printer}\" tidak ditemukan. Nomor antrean tersimpan dan dapat dicetak ulang.",
        "Slip printer \"{printer}\" not found. The ticket is saved and can be reprinted.",
    ),
    "printer.unset": (
        "Printer slip belum diatur di Pengaturan. Nomor antrean tersimpan dan dapat dicetak ulang.",
        "No slip printer set in Settings. The ticket is saved and can be reprinted.",
    ),
    "printer.failed": (
        "Gagal mencetak ke \"{printer}\": {reason}. Nomor antrean tersimpan dan dapat dicetak ulang.",
        "Printing to \"{printer}\" failed: {reason}. The ticket is saved and can be reprinted.",
    ),
    # Import
    "import.file_missing": ("Berkas {path} tidak ditemukan.", "File {path} not found."),
    "import.encoding": (
        "Berkas bukan teks UTF-8. Simpan ulang sebagai CSV UTF-8.",
        "The file is not UTF-8 text. Save it again as CSV UTF-8.",
    ),
    "import.header": (
        "Baris judul tidak sesuai. Kolom yang kurang: {missing}.",
        "The header row does not match. Missing columns: {missing}.",
    ),
    "import.empty": ("Berkas kosong.", "The file is empty."),
    "import.columns": (
        "Jumlah kolom {n}, seharusnya {expected}.",
        "{n} columns, expected {expected}.",
    ),
    "import.booking_code": ("Kode booking kosong atau tidak valid.", "Booking code is empty or not valid."),
    "import.duplicate_in_file": (
        "Kode booking {code} sudah ada di baris {row}.",
        "Booking code {code} already appears in row {row}.",
    ),
    "import.conflict": (
        "Kode booking {code} sudah terdaftar dengan data lain.",
        "Booking code {code} is already registered with other data.",
    ),
    # Settings
    "settings.language": ("Bahasa harus id atau en.", "Language must be id or en."),
    "settings.paper": ("Lebar kertas slip harus 58 atau 80 mm.", "Slip paper must be 58 or 80 mm."),
    "settings.office_name": ("Nama kantor wajib diisi.", "Office name is required."),
    "settings.working_days": ("Hari kerja penyerahan harus 1–30.", "Collection working days must be 1–30."),
    # Database
    "db.unreachable": (
        "Basis data tidak dapat dibuka: {reason}",
        "The database cannot be opened: {reason}",
    ),
    "db.not_initialised": (
        "Basis data belum disiapkan. Jalankan: kanimdesk init",
        "The database is not initialised. Run: kanimdesk init",
    ),
    "db.url": ("Alamat basis data tidak valid: {url}", "Database URL is not valid: {url}"),
}


def register_messages(messages: dict[str, tuple[str, str]]) -> None:
    """Add an area's messages (Indonesian, English) to the catalogue; keys must be new."""
    clash = set(messages) & set(MESSAGES)
    if clash and any(MESSAGES[k] != messages[k] for k in clash):
        raise ValueError(f"message keys defined twice: {sorted(clash)}")
    MESSAGES.update(messages)


def text(key: str, lang: str = "id", **params: object) -> str:
    """The message for *key* in *lang* ("id" or "en"), with *params* filled in."""
    pair = MESSAGES.get(key)
    if pair is None:
        return key
    template = pair[1] if lang == "en" else pair[0]
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template


def _locale(lang: str) -> str:
    return "en_GB" if lang == "en" else "id_ID"


def long_date(d: date, lang: str = "id") -> str:
    """'Kamis, 4 Juli 2024'."""
    from babel.dates import format_date

    return format_date(d, "EEEE, d MMMM y", locale=_locale(lang))


def plain_date(d: date, lang: str = "id") -> str:
    """'4 Juli 2024'."""
    from babel.dates import format_date

    return format_date(d, "d MMMM y", locale=_locale(lang))


def month_name(year: int, month: int, lang: str = "id") -> str:
    """'Juli 2024'."""
    from babel.dates import format_date

    return format_date(date(year, month, 1), "MMMM y", locale=_locale(lang))


def short_month(year: int, month: int, lang: str = "id") -> str:
    """'Jul 2024'."""
    from babel.dates import format_date

    return format_date(date(year, month, 1), "MMM y", locale=_locale(lang))


def clock(t: datetime, lang: str = "id") -> str:
    """'14.05' in Indonesian, '14:05' in English."""
    from babel.dates import format_time

    return format_time(t, "HH.mm" if lang == "id" else "HH:mm", locale=_locale(lang))


def date_time(t: datetime, lang: str = "id") -> str:
    from babel.dates import format_datetime

    return format_datetime(t, "d MMM y HH.mm" if lang == "id" else "d MMM y HH:mm", locale=_locale(lang))


def rupiah(amount: int | Decimal) -> str:
    """'Rp650.000' — Indonesian grouping, no decimals, no space."""
    from babel.numbers import format_decimal

    return "Rp" + format_decimal(int(amount), "#,##0", locale="id_ID")


def percent(value: float, lang: str = "id", digits: int = 1) -> str:
    """'47,6%' for 0.476."""
    from babel.numbers import format_percent

    pattern = "#,##0." + "0" * digits + "%" if digits else "#,##0%"
    return format_percent(value, pattern, locale=_locale(lang))


def number(value: int | float, lang: str = "id") -> str:
    from babel.numbers import format_decimal

    return format_decimal(value, locale=_locale(lang))
