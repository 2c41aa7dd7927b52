"""What the two demo supervision visits hold: team, answers, findings, photos and follow-ups.

The July 2024 visit is the one the product comes from (DOMAIN.md); the February 2025
visit records follow-ups on July's carried findings. People and letter numbers are invented;
the content is in Indonesian, as the office writes it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from app.monev import visits as V

# An unanswered item takes the set's best answer: a realistic office mostly complies.
DEFAULT_ANSWER = {"yn": "ya", "facility": "ada", "compliance": "patuh", "scale4": "3"}

LEADER = V.TeamMember("Rachmat Hidayat, S.H., M.H.", "197508212000031002",
                      "Kepala Bidang Perizinan dan Informasi Keimigrasian", "ketua")  # fmt: skip
MEMBERS = (
    V.TeamMember(
        "Nurul Aini, S.Sos.", "198811032010122001", "Analis Keimigrasian Ahli Muda", "anggota"
    ),
    V.TeamMember(
        "Dimas Prasetyo, A.Md.Im.",
        "199507182018011001",
        "Pemeriksa Keimigrasian Pelaksana",
        "anggota",
    ),
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
class PlannedFinding:
    item: str  # item code, "" for a general finding
    text: str
    direction: str
    priority: str
    owner: str
    due: date | None
    status: str = "terbuka"
    later: tuple[
        tuple[date, str, str], ...
    ] = ()  # follow-ups after the visit: (date, status, note)


@dataclass(frozen=True)
class VisitPlan:
    start: date
    types: list[str]
    basis: str
    answers: dict[str, tuple[str | float, str]]  # item code -> (answer code | number | text, note)
    findings: list[PlannedFinding]
    photos: list[tuple[str, str, str]]  # (scene, caption, item code)
    # Follow-ups recorded at this visit on the carried findings, by their text's start.
    carried_updates: dict[str, tuple[str, str]] = field(default_factory=dict)


def july_visit(epaspor_trend: str) -> VisitPlan:
    return VisitPlan(
        start=date(2024, 7, 4),
        types=["fasilitasi", "konsultasi", "monitoring", "evaluasi", "pemeriksaan_langsung"],
        basis=BASIS_LAW
        + "Surat Tugas Kepala Kantor Wilayah Nomor W6-UM.01.01-2187 tanggal 1 Juli 2024\n"
        "Agenda supervisi teknis dan monev pelayanan paspor Kantor Wilayah Tahun 2024",
        answers={
            "SP.04": (
                "ya",
                "Papan tarif PNBP sesuai PP 28/2019 dipajang di ruang tunggu dan di loket kasir.",
            ),
            "SP.07": (
                "ya",
                "Kotak saran dan poster SP4N-LAPOR! tersedia; nomor WhatsApp pengaduan aktif.",
            ),
            "SP.08": (
                "cukup_patuh",
                "Register ada; bukti tindak lanjut dua pengaduan bulan Mei belum dilampirkan.",
            ),
            "SP.09": (
                "ya",
                "Maklumat Pelayanan dipajang di dinding ruang tunggu (foto terlampir).",
            ),
            "SP.10": ("tidak", "Keputusan standar pelayanan tahun 2023 belum dievaluasi."),
            "SOP.03": (
                "cukup_patuh",
                "Formulir wawancara pemohon baru tidak selalu diisi lengkap.",
            ),
            "SOP.08": (
                "patuh",
                "Sampel 10 permohonan Juni: semua selesai dalam 4 hari kerja setelah pembayaran.",
            ),
            "RHAM.01": ("ada", "Loket prioritas tersedia dan diberi penanda (foto terlampir)."),
            "RHAM.03": ("tidak_ada", "Guiding block belum terpasang."),
            "RHAM.05": ("proses", "Ruang laktasi sedang disiapkan di lantai 1."),
            "RHAM.07": ("tidak_ada", "Kursi roda belum tersedia; pengadaan diusulkan."),
            "RHAM.09": ("proses", "Marka parkir prioritas belum dicat."),
            "KL.02": (
                "cukup_patuh",
                "Pemohon M-Paspor yang datang di luar jadwal dilayani tanpa dicatat.",
            ),
            "KL.10": ("na", "Belum ada permohonan alih status izin tinggal pada semester I 2024."),
            "IP.02": (
                "proses",
                "Monitor panggilan antrean berfungsi; running text belum terpasang.",
            ),
            "IP.03": (
                "tidak",
                "Tidak ada publikasi di media massa dalam 3 bulan terakhir; hanya media sosial.",
            ),
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
            PlannedFinding(
                "IP.03",
                "Layanan keimigrasian belum dipublikasikan melalui media massa dalam tiga bulan "
                "terakhir; publikasi hanya di media sosial kantor.",
                "Publikasikan layanan keimigrasian melalui media massa (radio, surat kabar lokal, portal "
                "berita daring) paling sedikit dua kali sebulan.",
                "tinggi",
                "Kasi Tikkim",
                date(2024, 9, 30),
                later=(
                    (
                        date(2024, 9, 12),
                        "dalam_proses",
                        "Kerja sama talkshow bulanan dengan radio lokal dimulai 10 September 2024.",
                    ),
                ),
            ),
            PlannedFinding(
                "IP.06",
                "Minat masyarakat terhadap e-Paspor masih rendah namun meningkat"
                + epaspor_trend
                + ".",
                "Sosialisasikan e-Paspor; minat masih rendah namun meningkat. Laksanakan sosialisasi ke "
                "kecamatan, sekolah dan biro perjalanan umrah; laporkan jadwal dan jumlah peserta setiap bulan.",
                "tinggi",
                "Kasi Lantaskim",
                date(2024, 10, 31),
                later=(
                    (
                        date(2024, 10, 25),
                        "dalam_proses",
                        "Sosialisasi di 4 kecamatan dan 2 SMA; jadwal November–Desember disusun.",
                    ),
                ),
            ),
            PlannedFinding(
                "RHAM.07",
                "Kursi roda belum tersedia bagi pemohon yang memerlukan.",
                "Sediakan paling sedikit satu kursi roda di dekat pintu masuk.",
                "sedang",
                "Kasubbag TU",
                date(2024, 9, 30),
            ),
            PlannedFinding(
                "SP.10",
                "Standar pelayanan belum dievaluasi sejak penetapan tahun 2023.",
                "Evaluasi dan tetapkan ulang standar pelayanan dengan keputusan kepala kantor.",
                "sedang",
                "Kasubbag TU",
                date(2024, 12, 31),
                later=(
                    (
                        date(2024, 11, 5),
                        "dalam_proses",
                        "Rapat evaluasi standar pelayanan dijadwalkan.",
                    ),
                ),
            ),
            PlannedFinding(
                "SKM.04",
                "Hasil SKM semester II 2023 belum dipublikasikan kepada masyarakat.",
                "Umumkan hasil SKM di ruang tunggu dan media sosial kantor.",
                "sedang",
                "Kasi Lantaskim",
                date(2024, 8, 31),
                later=(
                    (
                        date(2024, 8, 20),
                        "selesai",
                        "Hasil SKM dipajang di ruang tunggu dan di Instagram.",
                    ),
                ),
            ),
            PlannedFinding(
                "",
                "Petugas loket melayani dengan ramah dan alur antrean tertib.",
                "Pertahankan; jadikan contoh pada apel pagi.",
                "rendah",
                "Kepala Kantor",
                None,
                "selesai",
            ),
        ],
        photos=[
            (
                "priority_counter",
                "Loket prioritas bagi lansia, penyandang disabilitas, ibu hamil dan anak",
                "RHAM.01",
            ),
            ("queue_display", "Layar panggilan antrean di ruang tunggu", "KL.01"),
            ("epaspor_banner", "Banner informasi e-Paspor di ruang tunggu", "IP.08"),
            ("maklumat", "Maklumat Pelayanan di dinding ruang tunggu", "SP.09"),
        ],
    )


def february_visit() -> VisitPlan:
    return VisitPlan(
        start=date(2025, 2, 12),
        types=["konsultasi", "penelaahan_ulang", "monitoring", "evaluasi", "pemeriksaan_langsung"],
        basis=BASIS_LAW
        + "Surat Tugas Kepala Kantor Wilayah Nomor WIM.6-UM.01.01-0311 tanggal 5 Februari 2025\n"
        "Agenda monev tindak lanjut pelayanan paspor Kantor Wilayah Tahun 2025",
        answers={
            "SP.04": (
                "ya",
                "Papan tarif sudah sesuai PP 45/2024 yang berlaku sejak 17 Desember 2024 (foto).",
            ),
            "SP.08": ("patuh", "Register pengaduan lengkap dengan bukti tindak lanjut."),
            "SP.10": ("ya", "Standar pelayanan ditetapkan ulang Januari 2025."),
            "RHAM.03": (
                "proses",
                "Guiding block terpasang sampai ruang tunggu; belum sampai loket.",
            ),
            "RHAM.05": ("ada", "Ruang laktasi tersedia sejak Oktober 2024."),
            "RHAM.07": ("ada", "Dua kursi roda tersedia di dekat pintu masuk (foto terlampir)."),
            "KL.10": ("patuh", "Dua permohonan alih status ITK ke ITAS diproses sesuai ketentuan."),
            "IP.02": ("proses", "Running text terpasang tetapi mati sejak Januari 2025."),
            "IP.03": (
                "ya",
                "Talkshow radio lokal dua kali sebulan; berita di portal daring (kliping diperiksa).",
            ),
            "IP.06": (
                "ya",
                "Sosialisasi di 6 kecamatan, 4 SMA dan 3 biro perjalanan umrah (foto terlampir).",
            ),
            "IP.07": (9, "Daftar hadir diperiksa."),
            "IP.09": ("ya", "Layanan jemput bola ke kecamatan, November 2024."),
            "IP.10": (
                "Talkshow e-Paspor di radio lokal; stan e-Paspor di pameran HUT kabupaten.",
                "",
            ),
            "SKM.05": ("tidak", "Rencana tindak lanjut SKM 2024 belum disusun."),
            "SKM.06": (87.35, "Tahun 2024."),
            "SKM.07": ("Tahun 2024; unsur terendah: waktu penyelesaian.", ""),
            "ZI.01": ("3", "Dokumen pengungkit lengkap; diusulkan untuk penilaian WBK 2025."),
            "ZI.06": ("3", ""),
            "ZI.07": ("Sabtu Melayani dua kali sebulan; layanan jemput bola ke kecamatan.", ""),
        },
        findings=[
            PlannedFinding(
                "IP.02",
                "Running text di ruang tunggu mati sejak Januari 2025.",
                "Perbaiki running text dan tampilkan informasi tarif PP 45/2024.",
                "rendah",
                "Kasi Tikkim",
                date(2025, 3, 14),
                later=(
                    (
                        date(2025, 2, 27),
                        "selesai",
                        "Running text diperbaiki dan menampilkan tarif baru.",
                    ),
                ),
            ),
            PlannedFinding(
                "SKM.05",
                "Rencana tindak lanjut SKM 2024 untuk unsur terendah belum disusun.",
                "Susun rencana tindak lanjut SKM dan laporkan ke Kantor Wilayah.",
                "sedang",
                "Kasubbag TU",
                date(2025, 3, 31),
            ),
            PlannedFinding(
                "RHAM.03",
                "Guiding block belum sampai ke loket prioritas.",
                "Lanjutkan pemasangan guiding block sampai loket prioritas.",
                "sedang",
                "Kasubbag TU",
                date(2025, 4, 30),
            ),
            PlannedFinding(
                "",
                "Publikasi dan sosialisasi e-Paspor meningkat nyata sejak kunjungan Juli 2024.",
                "Pertahankan publikasi dua kali sebulan; laporkan jumlah peserta sosialisasi setiap bulan.",
                "rendah",
                "Kasi Tikkim",
                None,
                "selesai",
            ),
        ],
        photos=[
            ("tariff_board", "Papan tarif PNBP sesuai PP 45/2024", "SP.04"),
            ("wheelchair", "Kursi roda di dekat pintu masuk", "RHAM.07"),
            ("socialisation", "Sosialisasi e-Paspor di kantor kecamatan", "IP.06"),
        ],
        carried_updates={
            "Layanan keimigrasian belum": (
                "diverifikasi",
                "Kliping dan rekaman talkshow diperiksa: publikasi "
                "media massa dua kali sebulan sejak September 2024.",
            ),
            "Minat masyarakat": (
                "dalam_proses",
                "Pemohon e-Paspor terus naik; lanjutkan sosialisasi ke biro "
                "perjalanan umrah dan sekolah.",
            ),
            "Kursi roda": (
                "diverifikasi",
                "Dua kursi roda tersedia di dekat pintu masuk (foto terlampir).",
            ),
            "Standar pelayanan": (
                "diverifikasi",
                "Keputusan Kepala Kantor tentang Standar Pelayanan Januari 2025 diperiksa.",
            ),
        },
    )
