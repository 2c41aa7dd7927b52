"""A realistic visit report of the July 2024 monev at Kanim Muara Enim, for tests, the bench and previews.

The people are made up (names and NIPs); the figures are the ones cited at the visit.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

from app.i18n import label
from app.monev.report.data import (
    CarriedFindingRow,
    FindingRow,
    MonthFigure,
    Person,
    Photo,
    ServiceFigures,
    Signatory,
    TeamMember,
    VisitReportData,
)
from app.monev.report.sample_checklist import sample_photo_jpeg, sample_sections
from app.monev.visits import TEAM_ROLES


def sample_visit_report_data(
    n_items: int = 80,
    n_photos: int = 30,
    lang: str = "id",
    photo_size: tuple[int, int] = (1600, 1200),
) -> VisitReportData:
    """The July 2024 visit with *n_items* checklist items and *n_photos* photos."""
    rnd = random.Random(2024)
    sections = sample_sections(n_items, rnd)
    all_scores = [it.score for s in sections for it in s.items if it.score is not None]
    total = round(sum(all_scores) / len(all_scores), 1) if all_scores else None
    captions = (
        "Ruang tunggu pelayanan paspor",
        "Loket pemeriksaan berkas",
        "Maklumat Pelayanan",
        "Papan informasi tarif PNBP",
        "Jalur landai di pintu masuk",
        "Ruang laktasi",
        "Pengarahan Kepala Bidang kepada petugas loket",
        "Sosialisasi e-Paspor di Kecamatan Lawang Kidul",
    )
    photos = [
        Photo(sample_photo_jpeg(i, *photo_size), captions[i % len(captions)])
        for i in range(n_photos)
    ]
    months = [
        MonthFigure(
            2024,
            1,
            98,
            None,
            {"baru": 402, "penggantian": 311, "hilang": 9, "rusak": 4, "perubahan_data": 6},
            31.5,
            0.094,
        ),
        MonthFigure(
            2024,
            2,
            104,
            6.1,
            {"baru": 377, "penggantian": 296, "hilang": 7, "rusak": 3, "perubahan_data": 5},
            29.0,
            0.088,
        ),
        MonthFigure(
            2024,
            3,
            117,
            12.5,
            {"baru": 455, "penggantian": 330, "hilang": 11, "rusak": 2, "perubahan_data": 8},
            27.2,
            0.081,
        ),
        MonthFigure(
            2024,
            4,
            126,
            7.7,
            {"baru": 318, "penggantian": 244, "hilang": 6, "rusak": 5, "perubahan_data": 4},
            26.4,
            0.077,
        ),
        MonthFigure(
            2024,
            5,
            186,
            47.6,
            {"baru": 509, "penggantian": 362, "hilang": 12, "rusak": 3, "perubahan_data": 7},
            24.9,
            0.072,
        ),
        MonthFigure(
            2024,
            6,
            294,
            58.1,
            {"baru": 611, "penggantian": 398, "hilang": 10, "rusak": 6, "perubahan_data": 9},
            22.8,
            0.065,
        ),
    ]
    kasubsi_info = "Kasubsi Informasi dan Sarana Komunikasi Keimigrasian"
    findings = [
        FindingRow(
            1,
            "D.2",
            "Publikasi layanan keimigrasian melalui media massa belum rutin; dalam tiga bulan "
            "terakhir hanya satu kali tayang di radio lokal.",
            "Publikasikan layanan keimigrasian melalui media massa (radio, surat kabar lokal, portal "
            "berita daring) paling sedikit dua kali sebulan.",
            "tinggi",
            kasubsi_info,
            date(2024, 8, 31),
            "terbuka",
        ),
        FindingRow(
            2,
            "D.4",
            "Minat masyarakat terhadap e-Paspor masih rendah walaupun meningkat "
            "(April 126, Mei 186, Juni 294 pemohon).",
            "Laksanakan sosialisasi e-Paspor ke kecamatan, sekolah dan biro perjalanan umrah; laporkan "
            "jadwal dan jumlah peserta setiap bulan.",
            "tinggi",
            kasubsi_info,
            date(2024, 9, 30),
            "terbuka",
        ),
        FindingRow(
            3,
            "B.1",
            "Belum tersedia loket khusus kelompok rentan.",
            "Sediakan loket prioritas dengan penanda yang jelas.",
            "kritis",
            "Kasubbag Umum",
            date(2024, 8, 15),
            "dalam_proses",
        ),
        FindingRow(
            4,
            "E.2",
            "Hasil SKM semester I belum dipublikasikan.",
            "Umumkan hasil SKM di ruang tunggu dan media sosial.",
            "sedang",
            "Kasubsi Lalintalkim",
            date(2024, 7, 31),
            "terbuka",
        ),
        FindingRow(
            5,
            "",
            "Alur pelayanan sudah baik; pertahankan keramahan petugas loket.",
            "Jadikan praktik baik bahan berbagi pada rapat bulanan.",
            "rendah",
            "Kepala Kantor",
            None,
            "selesai",
        ),
    ]
    previous = [
        CarriedFindingRow(
            "Papan informasi tarif PNBP belum diperbarui.",
            date(2024, 1, 18),
            "terbuka",
            "selesai",
            "Papan baru dipasang 5 Februari 2024.",
            "Kasubbag Umum",
            date(2024, 2, 29),
        ),
        CarriedFindingRow(
            "Kursi roda belum tersedia di ruang tunggu.",
            date(2024, 1, 18),
            "terbuka",
            "dalam_proses",
            "Pengadaan masuk DIPA perubahan; barang diperkirakan tiba Agustus 2024.",
            "Kasubbag Umum",
            date(2024, 3, 31),
        ),
        CarriedFindingRow(
            "SOP tahap verifikasi belum dipajang di ruang kerja.",
            date(2024, 1, 18),
            "terbuka",
            "diverifikasi",
            "Diperiksa langsung pada kunjungan ini.",
            "Kasi Lalintalkim",
            date(2024, 2, 15),
        ),
    ]
    return VisitReportData(
        supervising_office="Kantor Wilayah Direktorat Jenderal Imigrasi Sumatera Selatan",
        supervising_division="Bidang Perizinan dan Informasi Keimigrasian",
        visited_office="Kantor Imigrasi Kelas II Non-TPI Muara Enim",
        visited_office_address="Jl. Jenderal Sudirman, Muara Enim, Sumatera Selatan",
        visit_number="W6.IMI.2-GR.02.01-0412",
        start_date=date(2024, 7, 4),
        end_date=date(2024, 7, 4),
        place="Muara Enim",
        basis=[
            "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik",
            "Peraturan Menteri PANRB Nomor 15 Tahun 2014 tentang Pedoman Standar Pelayanan",
            "Peraturan Menteri PANRB Nomor 14 Tahun 2017 tentang Pedoman Penyusunan Survei Kepuasan Masyarakat",
            "Agenda supervisi teknis dan monev pelayanan paspor Kantor Wilayah Tahun 2024",
        ],
        purposes=[
            "Memotivasi petugas agar memberikan pelayanan prima kepada pemohon WNI dan WNA",
            "Memastikan pelaksanaan tugas sesuai SOP",
            "Memberikan pembinaan dan melakukan pengawasan pelayanan paspor sesuai agenda",
        ],
        supervision_types=[
            "fasilitasi",
            "konsultasi",
            "penelaahan_ulang",
            "monitoring",
            "evaluasi",
            "pemeriksaan_langsung",
        ],
        team=[
            TeamMember(
                "Drs. Hendra Saputra, M.H.",
                "197503122000031001",
                "Kepala Bidang Perizinan dan Informasi Keimigrasian",
                label(TEAM_ROLES, "ketua", lang),
            ),
            TeamMember(
                "Rina Oktaviani, S.H.",
                "198610072009122003",
                "Analis Keimigrasian Ahli Muda",
                label(TEAM_ROLES, "anggota", lang),
            ),
            TeamMember(
                "Agus Salim, A.Md.Im.",
                "199204152014021001",
                "Pemeriksa Keimigrasian",
                label(TEAM_ROLES, "anggota", lang),
            ),
        ],
        office_reps=[
            Person(
                "Bambang Wijaya, S.H., M.Si.",
                "197808202002121001",
                "Kepala Kantor Imigrasi Kelas II Non-TPI Muara Enim",
            ),
            Person(
                "Dewi Lestari, S.Kom.",
                "198801112010122002",
                "Kepala Subseksi Lalu Lintas Keimigrasian",
            ),
            Person("Fajar Nugroho, S.H.", "199003252012121001", kasubsi_info),
        ],
        template_title="Checklist Monev Pelayanan Paspor",
        template_version=3,
        total_score=total,
        sections=sections,
        findings=findings,
        previous_findings=previous,
        figures=ServiceFigures(
            months, "Data aplikasi KanimDesk kantor, diekspor 2 Juli 2024 (agregat, tanpa NIK)"
        ),
        photos=photos,
        leader=Signatory(
            "Drs. Hendra Saputra, M.H.",
            "197503122000031001",
            "Kepala Bidang Perizinan dan Informasi Keimigrasian",
        ),
        office_head=Signatory(
            "Bambang Wijaya, S.H., M.Si.",
            "197808202002121001",
            "Kepala Kantor Imigrasi Kelas II Non-TPI Muara Enim",
        ),
        signed_on=date(2024, 7, 4),
        lang=lang,
    )


def empty_visit_report_data(lang: str = "id") -> VisitReportData:
    """The same visit with nothing found, no photos, no figures and no earlier findings."""
    return replace(
        sample_visit_report_data(n_items=0, n_photos=0, lang=lang),
        sections=[],
        findings=[],
        previous_findings=[],
        figures=ServiceFigures(),
        photos=[],
        office_reps=[],
        total_score=None,
    )
