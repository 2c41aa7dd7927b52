"""Two finished demo supervision visits to the office (July 2024 and February 2025), so the monev module shows itself.

The July visit is the one the product comes from (DOMAIN.md); the February visit opens
with July's open findings carried forward and scores better. People and numbers of
letters are invented. A marker row in the audit log makes a second run do nothing; a
run interrupted half-way leaves demo visits without the marker, which the next run
removes and makes again.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont
from sqlalchemy import delete, exists, select

from app.config import Settings
from app.db.engine import Database
from app.db.models import AuditLog
from app.db.visit_models import Attachment, Visit, VisitAttachment
from app.i18n import month_name, register_messages, text
from app.monev import findings as F
from app.monev import visits as V
from app.monev.scoring import ANSWER_SETS
from app.monev.templates import ItemData

DEMO_ORIGIN = "demo"
MARKER_ACTION = "demo_visits"

register_messages({
    "demo_visits.present": ("Kunjungan contoh sudah ada; tidak ada yang ditambahkan.",
                            "The demo visits are already there; nothing was added."),
    "demo_visits.real_visits": (
        "Basis data ini sudah berisi kunjungan monev; kunjungan contoh tidak ditambahkan.",
        "This database already holds supervision visits; no demo visits were added."),
})  # fmt: skip

# An unanswered item takes the set's best answer: a realistic office mostly complies.
_DEFAULT_ANSWER = {"yn": "ya", "facility": "ada", "compliance": "patuh", "scale4": "3"}

LEADER = V.TeamMember("Rachmat Hidayat, S.H., M.H.", "197508212000031002",
                      "Kepala Bidang Perizinan dan Informasi Keimigrasian", "ketua")  # fmt: skip
MEMBERS = (
    V.TeamMember("Nurul Aini, S.Sos.", "198811032010122001", "Analis Keimigrasian Ahli Muda", "anggota"),
    V.TeamMember("Dimas Prasetyo, A.Md.Im.", "199507182018011001", "Pemeriksa Keimigrasian Pelaksana", "anggota"),
)
REP_LANTASKIM = V.OfficeRep("Sri Wahyuni, S.H.", "Kepala Seksi Lalu Lintas dan Izin Tinggal Keimigrasian",
                            "198402202006042001")  # fmt: skip
REP_TIKKIM = V.OfficeRep("Andika Putra, S.Kom.", "Kepala Seksi Teknologi Informasi dan Komunikasi Keimigrasian",
                         "198906112012121003")  # fmt: skip
HEAD = ("Ferdinand Siregar, S.H., M.H.", "197903152003121002")
BASIS_LAW = (
    "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik\n"
    "Peraturan Menteri PANRB Nomor 15 Tahun 2014 tentang Pedoman Standar Pelayanan\n"
    "Peraturan Menteri PANRB Nomor 14 Tahun 2017 tentang Pedoman Penyusunan Survei Kepuasan Masyarakat\n"
)
PURPOSES = [
    "Memotivasi petugas agar memberikan pelayanan prima kepada pemohon masyarakat setempat maupun warga negara asing",
    "Memastikan pelaksanaan tugas pelayanan sesuai Standar Operasional Prosedur (SOP)",
    "Melaksanakan pembinaan (fasilitasi, konsultasi) dan pengawasan (monitoring, evaluasi, pemeriksaan langsung) "
    "sesuai agenda yang telah dijadwalkan",
]


@dataclass(frozen=True)
class _Finding:
    item: str  # item code, "" for a general finding
    text: str
    direction: str
    priority: str
    owner: str
    due: date | None
    status: str = "terbuka"
    later: tuple[tuple[date, str, str], ...] = ()  # follow-ups after the visit: (date, status, note)


@dataclass(frozen=True)
class _Plan:
    start: date
    types: list[str]
    basis: str
    answers: dict[str, tuple[str | float, str]]  # item code -> (answer code | number | text, note)
    findings: list[_Finding]
    photos: list[tuple[str, str, str]]  # (scene, caption, item code)
    # Follow-ups recorded at this visit on the carried findings, by their text's start.
    carried_updates: dict[str, tuple[str, str]] = field(default_factory=dict)


def _july(epaspor_trend: str) -> _Plan:
    return _Plan(
        start=date(2024, 7, 4),
        types=["fasilitasi", "konsultasi", "monitoring", "evaluasi", "pemeriksaan_langsung"],
        basis=BASIS_LAW + "Surat Tugas Kepala Kantor Wilayah Nomor W6-UM.01.01-2187 tanggal 1 Juli 2024\n"
        "Agenda supervisi teknis dan monev pelayanan paspor Kantor Wilayah Tahun 2024",
        answers={
            "SP.04": ("ya", "Papan tarif PNBP sesuai PP 28/2019 dipajang di ruang tunggu dan di loket kasir."),
            "SP.07": ("ya", "Kotak saran dan poster SP4N-LAPOR! tersedia; nomor WhatsApp pengaduan aktif."),
            "SP.08": ("cukup_patuh", "Register ada; bukti tindak lanjut dua pengaduan bulan Mei belum dilampirkan."),
            "SP.09": ("ya", "Maklumat Pelayanan dipajang di dinding ruang tunggu (foto terlampir)."),
            "SP.10": ("tidak", "Keputusan standar pelayanan tahun 2023 belum dievaluasi."),
            "SOP.03": ("cukup_patuh", "Formulir wawancara pemohon baru tidak selalu diisi lengkap."),
            "SOP.08": ("patuh", "Sampel 10 permohonan Juni: semua selesai dalam 4 hari kerja setelah pembayaran."),
            "RHAM.01": ("ada", "Loket prioritas tersedia dan diberi penanda (foto terlampir)."),
            "RHAM.03": ("tidak_ada", "Guiding block belum terpasang."),
            "RHAM.05": ("proses", "Ruang laktasi sedang disiapkan di lantai 1."),
            "RHAM.07": ("tidak_ada", "Kursi roda belum tersedia; pengadaan diusulkan."),
            "RHAM.09": ("proses", "Marka parkir prioritas belum dicat."),
            "KL.02": ("cukup_patuh", "Pemohon M-Paspor yang datang di luar jadwal dilayani tanpa dicatat."),
            "KL.10": ("na", "Belum ada permohonan alih status izin tinggal pada semester I 2024."),
            "IP.02": ("proses", "Monitor panggilan antrean berfungsi; running text belum terpasang."),
            "IP.03": ("tidak", "Tidak ada publikasi di media massa dalam 3 bulan terakhir; hanya media sosial."),
            "IP.05": ("tidak", "Laman kantor masih memuat jam layanan tahun 2023."),
            "IP.06": ("tidak", "Sosialisasi e-Paspor belum dilaksanakan di luar kantor."),
            "IP.07": (0, ""),
            "IP.08": ("ya", "Banner e-Paspor di ruang tunggu; petugas menjelaskan bila ditanya."),
            "IP.09": ("tidak", ""),
            "IP.10": ("Unggahan rutin di Instagram kantor tentang alur layanan dan M-Paspor.", ""),
            "SKM.04": ("tidak", "Hasil SKM semester II 2023 belum diumumkan."),
            "SKM.06": (84.12, "Semester II 2023."),
            "SKM.07": ("Semester II 2023; unsur terendah: waktu penyelesaian.", ""),
            "ZI.01": ("2", "Tahap pembangunan; dokumen pengungkit baru sekitar 60% lengkap."),
            "ZI.05": ("tidak", "SPAK belum dilaksanakan tahun 2024."),
            "ZI.06": ("2", ""),
            "ZI.07": ("Sabtu Melayani: layanan paspor satu Sabtu setiap bulan.", ""),
        },
        findings=[
            _Finding("IP.03", "Layanan keimigrasian belum dipublikasikan melalui media massa dalam tiga bulan "
                     "terakhir; publikasi hanya di media sosial kantor.",
                     "Publikasikan layanan keimigrasian melalui media massa (radio, surat kabar lokal, portal "
                     "berita daring) paling sedikit dua kali sebulan.", "tinggi", "Kasi Tikkim", date(2024, 9, 30),
                     later=((date(2024, 9, 12), "dalam_proses",
                             "Kerja sama talkshow bulanan dengan radio lokal dimulai 10 September 2024."),)),
            _Finding("IP.06", "Minat masyarakat terhadap e-Paspor masih rendah namun meningkat" + epaspor_trend + ".",
                     "Sosialisasikan e-Paspor; minat masih rendah namun meningkat. Laksanakan sosialisasi ke "
                     "kecamatan, sekolah dan biro perjalanan umrah; laporkan jadwal dan jumlah peserta setiap bulan.",
                     "tinggi", "Kasi Lantaskim", date(2024, 10, 31),
                     later=((date(2024, 10, 25), "dalam_proses",
                             "Sosialisasi di 4 kecamatan dan 2 SMA; jadwal November–Desember disusun."),)),
            _Finding("RHAM.07", "Kursi roda belum tersedia bagi pemohon yang memerlukan.",
                     "Sediakan paling sedikit satu kursi roda di dekat pintu masuk.", "sedang", "Kasubbag TU",
                     date(2024, 9, 30)),
            _Finding("SP.10", "Standar pelayanan belum dievaluasi sejak penetapan tahun 2023.",
                     "Evaluasi dan tetapkan ulang standar pelayanan dengan keputusan kepala kantor.", "sedang",
                     "Kasubbag TU", date(2024, 12, 31),
                     later=((date(2024, 11, 5), "dalam_proses", "Rapat evaluasi standar pelayanan dijadwalkan."),)),
            _Finding("SKM.04", "Hasil SKM semester II 2023 belum dipublikasikan kepada masyarakat.",
                     "Umumkan hasil SKM di ruang tunggu dan media sosial kantor.", "sedang", "Kasi Lantaskim",
                     date(2024, 8, 31),
                     later=((date(2024, 8, 20), "selesai", "Hasil SKM dipajang di ruang tunggu dan di Instagram."),)),
            _Finding("", "Petugas loket melayani dengan ramah dan alur antrean tertib.",
                     "Pertahankan; jadikan contoh pada apel pagi.", "rendah", "Kepala Kantor", None, "selesai"),
        ],
        photos=[
            ("priority_counter", "Loket prioritas bagi lansia, penyandang disabilitas, ibu hamil dan anak",
             "RHAM.01"),
            ("queue_display", "Layar panggilan antrean di ruang tunggu", "KL.01"),
            ("epaspor_banner", "Banner informasi e-Paspor di ruang tunggu", "IP.08"),
            ("maklumat", "Maklumat Pelayanan di dinding ruang tunggu", "SP.09"),
        ],
    )


def _february() -> _Plan:
    return _Plan(
        start=date(2025, 2, 12),
        types=["konsultasi", "penelaahan_ulang", "monitoring", "evaluasi", "pemeriksaan_langsung"],
        basis=BASIS_LAW + "Surat Tugas Kepala Kantor Wilayah Nomor WIM.6-UM.01.01-0311 tanggal 5 Februari 2025\n"
        "Agenda monev tindak lanjut pelayanan paspor Kantor Wilayah Tahun 2025",
        answers={
            "SP.04": ("ya", "Papan tarif sudah sesuai PP 45/2024 yang berlaku sejak 17 Desember 2024 (foto)."),
            "SP.08": ("patuh", "Register pengaduan lengkap dengan bukti tindak lanjut."),
            "SP.10": ("ya", "Standar pelayanan ditetapkan ulang Januari 2025."),
            "RHAM.03": ("proses", "Guiding block terpasang sampai ruang tunggu; belum sampai loket."),
            "RHAM.05": ("ada", "Ruang laktasi tersedia sejak Oktober 2024."),
            "RHAM.07": ("ada", "Dua kursi roda tersedia di dekat pintu masuk (foto terlampir)."),
            "KL.10": ("patuh", "Dua permohonan alih status ITK ke ITAS diproses sesuai ketentuan."),
            "IP.02": ("proses", "Running text terpasang tetapi mati sejak Januari 2025."),
            "IP.03": ("ya", "Talkshow radio lokal dua kali sebulan; berita di portal daring (kliping diperiksa)."),
            "IP.06": ("ya", "Sosialisasi di 6 kecamatan, 4 SMA dan 3 biro perjalanan umrah (foto terlampir)."),
            "IP.07": (9, "Daftar hadir diperiksa."),
            "IP.09": ("ya", "Layanan jemput bola ke kecamatan, November 2024."),
            "IP.10": ("Talkshow e-Paspor di radio lokal; stan e-Paspor di pameran HUT kabupaten.", ""),
            "SKM.05": ("tidak", "Rencana tindak lanjut SKM 2024 belum disusun."),
            "SKM.06": (87.35, "Tahun 2024."),
            "SKM.07": ("Tahun 2024; unsur terendah: waktu penyelesaian.", ""),
            "ZI.01": ("3", "Dokumen pengungkit lengkap; diusulkan untuk penilaian WBK 2025."),
            "ZI.06": ("3", ""),
            "ZI.07": ("Sabtu Melayani dua kali sebulan; layanan jemput bola ke kecamatan.", ""),
        },
        findings=[
            _Finding("IP.02", "Running text di ruang tunggu mati sejak Januari 2025.",
                     "Perbaiki running text dan tampilkan informasi tarif PP 45/2024.", "rendah", "Kasi Tikkim",
                     date(2025, 3, 14),
                     later=((date(2025, 2, 27), "selesai", "Running text diperbaiki dan menampilkan tarif baru."),)),
            _Finding("SKM.05", "Rencana tindak lanjut SKM 2024 untuk unsur terendah belum disusun.",
                     "Susun rencana tindak lanjut SKM dan laporkan ke Kantor Wilayah.", "sedang", "Kasubbag TU",
                     date(2025, 3, 31)),
            _Finding("RHAM.03", "Guiding block belum sampai ke loket prioritas.",
                     "Lanjutkan pemasangan guiding block sampai loket prioritas.", "sedang", "Kasubbag TU",
                     date(2025, 4, 30)),
            _Finding("", "Publikasi dan sosialisasi e-Paspor meningkat nyata sejak kunjungan Juli 2024.",
                     "Pertahankan publikasi dua kali sebulan; laporkan jumlah peserta sosialisasi setiap bulan.",
                     "rendah", "Kasi Tikkim", None, "selesai"),
        ],
        photos=[
            ("tariff_board", "Papan tarif PNBP sesuai PP 45/2024", "SP.04"),
            ("wheelchair", "Kursi roda di dekat pintu masuk", "RHAM.07"),
            ("socialisation", "Sosialisasi e-Paspor di kantor kecamatan", "IP.06"),
        ],
        carried_updates={
            "Layanan keimigrasian belum": ("diverifikasi", "Kliping dan rekaman talkshow diperiksa: publikasi "
                                           "media massa dua kali sebulan sejak September 2024."),
            "Minat masyarakat": ("dalam_proses", "Pemohon e-Paspor terus naik; lanjutkan sosialisasi ke biro "
                                 "perjalanan umrah dan sekolah."),
            "Kursi roda": ("diverifikasi", "Dua kursi roda tersedia di dekat pintu masuk (foto terlampir)."),
            "Standar pelayanan": ("diverifikasi", "Keputusan Kepala Kantor tentang Standar Pelayanan Januari 2025 "
                                  "diperiksa."),
        },
    )


# --- photo evidence: simple drawn scenes, made on the spot so no picture ships with the program ---

W, H = 1200, 900
NAVY, WHITE, YELLOW, WOOD = (31, 56, 100), (250, 250, 248), (250, 210, 60), (150, 105, 60)


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    try:
        return ImageFont.truetype("DejaVuSans-Bold.ttf", size)
    except OSError:
        return ImageFont.load_default(size)


def _text(d: ImageDraw.ImageDraw, x: int, y: int, s: str, size: int, fill: tuple = WHITE) -> None:
    d.text((x, y), s, font=_font(size), fill=fill, anchor="mm")


def _room(wall: tuple, floor: tuple) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    img = Image.new("RGB", (W, H), wall)
    d = ImageDraw.Draw(img)
    d.polygon([(0, 640), (W, 640), (W, H), (0, H)], fill=floor)
    d.rectangle((0, 628, W, 640), fill=tuple(max(0, c - 60) for c in wall))
    return img, d


def _people(d: ImageDraw.ImageDraw, xs: tuple[int, ...], y: int, scale: float = 1.0) -> None:
    colours = ((70, 90, 140), (160, 60, 70), (60, 120, 90), (120, 100, 70), (90, 90, 90))
    for n, x in enumerate(xs):
        r = int(34 * scale)
        d.rounded_rectangle((x - 2 * r, y, x + 2 * r, y + 6 * r), radius=r, fill=colours[n % len(colours)])
        d.ellipse((x - r, y - 2 * r - 6, x + r, y - 6), fill=(205, 160, 120))


def _wheelchair(d: ImageDraw.ImageDraw, x: int, y: int, k: float, colour: tuple) -> None:
    w = max(3, int(14 * k))
    d.ellipse((x - 100 * k, y - 100 * k, x + 100 * k, y + 100 * k), outline=colour, width=w)
    d.line((x - 40 * k, y - 40 * k, x + 110 * k, y - 40 * k, x + 150 * k, y + 110 * k), fill=colour, width=w)
    d.line((x - 40 * k, y - 40 * k, x - 60 * k, y - 210 * k), fill=colour, width=w)
    d.ellipse((x + 135 * k, y + 95 * k, x + 175 * k, y + 135 * k), fill=colour)


def _scene(name: str) -> Image.Image:
    arrow = "→" if isinstance(_font(10), ImageFont.FreeTypeFont) else "->"
    if name == "priority_counter":
        img, d = _room((226, 222, 210), (150, 150, 145))
        d.rectangle((220, 90, 980, 300), fill=(20, 120, 80))
        _text(d, 600, 165, "LOKET PRIORITAS", 62)
        _text(d, 600, 245, "Lansia · Disabilitas · Ibu Hamil · Anak", 30)
        _wheelchair(d, 1060, 220, 0.45, (20, 120, 80))
        _people(d, (600,), 380)
        d.rectangle((200, 520, 1000, 720), fill=WOOD)
        d.rectangle((520, 560, 680, 610), fill=WHITE)
        _text(d, 600, 585, "LOKET 1", 28, NAVY)
    elif name == "queue_display":
        img, d = _room((70, 75, 85), (110, 105, 100))
        d.rectangle((230, 80, 970, 470), fill=(15, 15, 20), outline=(160, 160, 160), width=10)
        _text(d, 600, 150, "NOMOR ANTREAN", 40)
        _text(d, 600, 270, f"A-023 {arrow} Loket 2", 78, YELLOW)
        _text(d, 600, 390, f"B-007 {arrow} Loket 4", 46, (180, 200, 255))
        for x in range(120, 1100, 190):
            d.rectangle((x, 700, x + 150, 760), fill=(40, 80, 140))
        _people(d, (195, 575, 955), 640, 0.9)
    elif name == "epaspor_banner":
        img, d = _room((232, 230, 224), (160, 150, 140))
        d.rectangle((380, 70, 820, 790), fill=NAVY)
        d.rectangle((470, 380, 730, 720), fill=(130, 20, 40))
        d.rectangle((560, 470, 640, 530), outline=YELLOW, width=6)
        _text(d, 600, 170, "e-Paspor", 72)
        _text(d, 600, 260, "Paspor Elektronik", 34, YELLOW)
        _text(d, 600, 320, "Lebih aman, lebih mudah", 24)
        d.rectangle((360, 790, 840, 820), fill=(120, 120, 120))
    elif name == "maklumat":
        img, d = _room((214, 226, 232), (150, 140, 130))
        d.rectangle((300, 70, 900, 600), fill=WOOD)
        d.rectangle((330, 100, 870, 570), fill=WHITE)
        _text(d, 600, 160, "MAKLUMAT PELAYANAN", 42, NAVY)
        for n, y in enumerate(range(220, 460, 34)):
            d.rectangle((380, y, 820 - (n % 3) * 60, y + 12), fill=(150, 150, 150))
        _text(d, 720, 520, "KEPALA KANTOR", 22, NAVY)
    elif name == "tariff_board":
        img, d = _room((228, 226, 218), (150, 150, 150))
        d.rectangle((180, 70, 1020, 600), fill=WHITE, outline=NAVY, width=8)
        d.rectangle((180, 70, 1020, 170), fill=NAVY)
        _text(d, 600, 120, "TARIF PNBP PASPOR — PP 45/2024", 40)
        rows = (("Paspor biasa 5 tahun", "Rp350.000"), ("Paspor biasa 10 tahun", "Rp650.000"),
                ("e-Paspor 5 tahun", "Rp650.000"), ("e-Paspor 10 tahun", "Rp950.000"),
                ("Layanan percepatan", "Rp1.000.000"))  # fmt: skip
        for n, (what, fee) in enumerate(rows):
            y = 220 + n * 72
            d.text((230, y), what, font=_font(32), fill=NAVY, anchor="lm")
            d.text((970, y), fee, font=_font(32), fill=(130, 20, 40), anchor="rm")
    elif name == "wheelchair":
        img, d = _room((236, 232, 220), (170, 160, 150))
        d.rectangle((420, 90, 780, 180), fill=NAVY)
        _text(d, 600, 135, "KURSI RODA", 44)
        _wheelchair(d, 520, 560, 1.2, (40, 40, 45))
        _wheelchair(d, 880, 600, 0.9, (40, 40, 45))
    elif name == "socialisation":
        img, d = _room((240, 236, 228), (140, 120, 100))
        d.rectangle((90, 60, 1110, 260), fill=(180, 30, 40))
        _text(d, 600, 130, "SOSIALISASI e-PASPOR", 64)
        _text(d, 600, 210, "Kantor Imigrasi — Layanan Paspor Elektronik", 30, YELLOW)
        d.rectangle((520, 400, 680, 640), fill=WOOD)
        _people(d, (600,), 300)
        _people(d, tuple(range(110, 1150, 135)), 760, 0.7)
    else:
        raise KeyError(name)
    return img


def draw_scene(name: str, path: Path) -> Path:
    """One demo photo (PNG) of the named scene."""
    _scene(name).save(path, "PNG")
    return path


SCENES = ("priority_counter", "queue_display", "epaspor_banner", "maklumat", "tariff_board", "wheelchair",
          "socialisation")  # fmt: skip


def _epaspor_trend(db: Database, office_code: str) -> str:
    """' (April 2024: 126, …)' from the office's own figures, or '' when they are not there."""
    months = [(2024, 4), (2024, 5), (2024, 6)]
    figures = V.service_figures(db, office_code, months).months
    if any(m.epaspor is None for m in figures):
        return ""
    return " (" + ", ".join(f"{month_name(m.year, m.month)}: {m.epaspor}" for m in figures) + " pemohon)"


def _answer(db: Database, visit_id: int, item: ItemData, value: str | float, note: str) -> None:
    assert item.id is not None  # read from the database
    kind = ANSWER_SETS[item.answer_set].kind if item.answer_set in ANSWER_SETS else "choice"
    if kind == "number":
        V.save_answer(db, visit_id, item.id, number=float(value), note=note or None)
    elif kind == "text":
        V.save_answer(db, visit_id, item.id, text=str(value), note=note or None)
    else:
        V.save_answer(db, visit_id, item.id, answer=str(value), note=note or None)


def _carry_out(db: Database, settings: Settings, plan: _Plan, folder: Path) -> V.VisitInfo:
    office = settings.office
    reps = [V.OfficeRep(HEAD[0], f"Kepala {office.name}", HEAD[1]), REP_LANTASKIM, REP_TIKKIM]
    visit = V.create_visit(db, V.VisitDraft(
        office_code=office.code, office_name=office.name, start_date=plan.start, end_date=plan.start,
        supervision_types=plan.types, team=[LEADER, *MEMBERS], office_reps=reps, basis=plan.basis,
        purposes=PURPOSES, place=office.city, origin=DEMO_ORIGIN,
    ))  # fmt: skip
    items = {i.code: i for _section, i in V.visit_detail(db, visit.id).template.items()}
    for code, item in items.items():
        value, note = plan.answers.get(code, (_DEFAULT_ANSWER.get(item.answer_set), ""))
        if value is not None:
            _answer(db, visit.id, item, value, note)
    for n, (scene, caption, code) in enumerate(plan.photos):
        path = folder / f"{plan.start:%Y%m%d}-{n}.png"
        draw_scene(scene, path)
        V.attach_photo(db, visit.id, path, caption, items[code].id if code in items else None)
    leader = LEADER.name
    for carried in F.carried_findings(db, visit.id):
        update = next((u for start, u in plan.carried_updates.items() if carried.text.startswith(start)), None)
        if update:
            F.add_follow_up(db, carried.finding_id, F.FollowUp(plan.start, update[0], update[1], leader))
    added = []
    for f in plan.findings:
        item_id = items[f.item].id if f.item in items else None
        added.append((F.add_finding(db, visit.id, F.FindingDraft(
            f.text, f.direction, f.priority, f.owner, f.due, item_id, f.status)), f))  # fmt: skip
    V.finalize_visit(db, visit.id)
    for info, f in added:
        for at, status, note in f.later:
            F.add_follow_up(db, info.id, F.FollowUp(at, status, note, reps[0].name))
    return visit


def _remove_leftovers(db: Database, office_code: str) -> None:
    """Demo visits of an interrupted run (no marker yet) go, with photos no other visit uses."""
    with db.write() as s:
        ids = list(s.scalars(select(Visit.id).where(Visit.office_code == office_code, Visit.origin == DEMO_ORIGIN)))
        if not ids:
            return
        s.execute(delete(Visit).where(Visit.id.in_(ids)))
        s.execute(delete(Attachment).where(~exists().where(VisitAttachment.attachment_id == Attachment.id)))


def generate_demo_visits(db: Database, settings: Settings) -> dict:
    """Create the two finished demo visits to the office; does nothing when they were made before."""
    code = settings.office.code
    lang = settings.language
    with db.session() as s:
        marker = s.scalar(select(AuditLog).where(AuditLog.action == MARKER_ACTION, AuditLog.entity_id == code))
        real = s.scalar(select(exists().where(Visit.office_code == code, Visit.origin != DEMO_ORIGIN)))
    if marker is not None:
        done = json.loads(marker.detail or "{}")
        return {"created": 0, "visits": done.get("visits", []), "skipped": True,
                "reason": text("demo_visits.present", lang)}  # fmt: skip
    if real:
        return {"created": 0, "visits": [], "skipped": True, "reason": text("demo_visits.real_visits", lang)}
    _remove_leftovers(db, code)
    with tempfile.TemporaryDirectory(prefix="kanimdesk-demo-") as tmp:
        july = _carry_out(db, settings, _july(_epaspor_trend(db, code)), Path(tmp))
        february = _carry_out(db, settings, _february(), Path(tmp))
    ids = [july.id, february.id]
    with db.write() as s:
        s.add(AuditLog(at=datetime.now(), actor="demo", action=MARKER_ACTION, entity="visit", entity_id=code,
                       detail=json.dumps({"visits": ids})))  # fmt: skip
    details = [V.visit_detail(db, i) for i in ids]
    return {
        "created": 2, "visits": ids, "skipped": False,
        "findings": sum(len(d.findings) for d in details),
        "carried": sum(len(d.carried) for d in details),
        "photos": sum(len(d.attachments) for d in details),
        "scores": [None if d.score.total is None else round(d.score.total, 1) for d in details],
    }  # fmt: skip

