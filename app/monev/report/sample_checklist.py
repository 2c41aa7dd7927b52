"""The sample visit report's checklist: sections with answers and notes, and drawn sample photos."""

from __future__ import annotations

import io
import random

from PIL import Image, ImageDraw

from app.monev.report.data import ItemResult, SectionResult

YES_NO = (("Ya", 100.0), ("Tidak", 0.0), ("N.A.", None))
ADA = (("Ada", 100.0), ("Proses", 50.0), ("Tidak Ada", 0.0))
PATUH = (("Patuh", 100.0), ("Cukup Patuh", 60.0), ("Kurang Patuh", 20.0))
SCALE = (("4 – Sangat baik", 100.0), ("3 – Baik", 75.0), ("2 – Cukup", 50.0), ("1 – Kurang", 25.0))

# (code, title, answer set, items); an item text starting with "!" is critical.
SECTIONS: tuple[tuple[str, str, tuple, tuple[str, ...]], ...] = (
    (
        "A",
        "Standar pelayanan dan SOP",
        YES_NO,
        (
            "!Maklumat Pelayanan dipajang di ruang tunggu dan mudah dibaca pemohon",
            "Persyaratan paspor baru, penggantian, hilang dan rusak ditampilkan lengkap",
            "Prosedur (alur) pelayanan ditampilkan dalam bentuk bagan",
            "Jangka waktu penyelesaian (4 hari kerja setelah pembayaran) diumumkan",
            "!Tarif PNBP sesuai PP yang berlaku ditampilkan, tanpa pungutan lain",
            "Produk layanan (paspor biasa, e-Paspor) dijelaskan kepada pemohon",
            "Pengelolaan pengaduan: kanal, petugas dan waktu tanggapan diumumkan",
            "SOP pemeriksaan berkas dijalankan dan dicatat per pemohon",
            "SOP foto, sidik jari dan wawancara dijalankan sesuai urutan",
            "Verifikasi dan adjudikasi dilakukan oleh pejabat yang berwenang",
            "Paspor yang tidak diambil lebih dari 30 hari ditangani sesuai ketentuan",
            "Berita Acara Pemeriksaan (BAP) dibuat untuk paspor hilang dan rusak",
        ),
    ),
    (
        "B",
        "Sarana dan prasarana kelompok rentan (P2HAM)",
        ADA,
        (
            "!Loket khusus bagi lansia, penyandang disabilitas, ibu hamil dan anak",
            "Jalur landai (ramp) di pintu masuk",
            "Guiding block dari pintu masuk sampai loket",
            "Toilet yang dapat diakses penyandang disabilitas",
            "Ruang laktasi",
            "Ruang bermain anak",
            "Kursi roda siap pakai",
            "Papan petunjuk (signage) yang jelas",
            "Parkir prioritas",
            "Helpdesk / petugas pendamping",
            "Musala",
        ),
    ),
    (
        "C",
        "Kepatuhan layanan per jenis layanan",
        PATUH,
        (
            "Layanan antrean: nomor, pemanggilan dan prioritas sesuai ketentuan",
            "Layanan paspor baru: kelengkapan berkas diperiksa sebelum nomor antrean diberikan",
            "Layanan penggantian paspor: paspor lama diperiksa dan dibatalkan",
            "Layanan paspor hilang: laporan kepolisian dan BAP diperiksa",
            "Layanan perpanjangan ITK / ITAS bagi WNA",
            "Kuota walk-in kelompok rentan dijalankan setiap hari",
            "Penyerahan paspor dicatat dengan tanda terima",
        ),
    ),
    (
        "D",
        "Informasi dan publikasi",
        YES_NO,
        (
            "Papan informasi layanan diperbarui",
            "Publikasi layanan keimigrasian melalui media massa (cetak, radio, daring)",
            "Publikasi di media sosial kantor minimal mingguan",
            "Sosialisasi e-Paspor kepada masyarakat dilaksanakan dan didokumentasikan",
            "Informasi M-Paspor dan kode booking tersedia di ruang tunggu",
        ),
    ),
    (
        "E",
        "Survei Kepuasan Masyarakat (SKM)",
        YES_NO,
        (
            "SKM dilaksanakan minimal satu kali dalam setahun",
            "Hasil SKM dipublikasikan",
            "Hasil SKM ditindaklanjuti dengan rencana perbaikan",
        ),
    ),
    (
        "F",
        "Zona integritas (WBK/WBBM) dan inovasi pelayanan",
        SCALE,
        (
            "Kemajuan pembangunan zona integritas menuju WBK",
            "Inovasi pelayanan yang berjalan dan terukur",
            "Pengendalian gratifikasi dan benturan kepentingan",
            "Budaya kerja dan penampilan petugas pelayanan",
        ),
    ),
)

NOTES = (
    "",
    "",
    "Sudah sesuai.",
    "Perlu diperbarui karena tarif berubah.",
    "Dilihat langsung di ruang tunggu lantai 1; papan terpasang tetapi tulisan kecil dan sebagian "
    "tertutup banner promosi layanan, sehingga sulit dibaca dari kursi antrean.",
    "Petugas menjelaskan alur dengan baik.",
    "Dokumen bukti diperlihatkan (foto terlampir).",
    "Belum ada catatan tertulis untuk bulan Juni 2024.",
)


def sample_photo_jpeg(seed: int, width: int = 1600, height: int = 1200) -> bytes:
    """A photo-like JPEG (gradient, shapes, noise) that compresses like a real camera picture."""
    rnd = random.Random(seed)
    top = tuple(rnd.randrange(60, 200) for _ in range(3))
    bottom = tuple(rnd.randrange(20, 120) for _ in range(3))
    gradient = Image.linear_gradient("L").resize((width, height))
    img = Image.composite(
        Image.new("RGB", (width, height), bottom), Image.new("RGB", (width, height), top), gradient
    )
    draw = ImageDraw.Draw(img)
    for _ in range(12):
        x, y = rnd.randrange(width), rnd.randrange(height)
        w, h = rnd.randrange(width // 10, width // 3), rnd.randrange(height // 10, height // 3)
        draw.rectangle((x, y, x + w, y + h), fill=tuple(rnd.randrange(256) for _ in range(3)))
    # Uniform grain from random bytes: Image.effect_noise is ten times slower at this size.
    noise = Image.frombytes("L", (width, height), rnd.randbytes(width * height)).convert("RGB")
    img = Image.blend(img, noise, 0.12)
    out = io.BytesIO()
    img.save(out, "JPEG", quality=85)
    return out.getvalue()


def _shares(n_items: int) -> list[int]:
    """n_items spread over the sections in proportion to their item lists (largest remainder)."""
    pool = sum(len(s[3]) for s in SECTIONS)
    exact = [n_items * len(s[3]) / pool for s in SECTIONS]
    counts = [int(x) for x in exact]
    by_remainder = sorted(range(len(exact)), key=lambda i: counts[i] - exact[i])
    for i in by_remainder[: n_items - sum(counts)]:
        counts[i] += 1
    return counts


def sample_sections(n_items: int, rnd: random.Random) -> list[SectionResult]:
    sections = []
    for (code, title, answers, texts), count in zip(SECTIONS, _shares(n_items), strict=True):
        items = []
        for i in range(count):
            raw = texts[i % len(texts)]
            critical = raw.startswith("!")
            body = raw.lstrip("!") + (
                "" if i < len(texts) else f" (pemeriksaan ulang {i // len(texts) + 1})"
            )
            answer, score = answers[0] if rnd.random() < 0.65 else rnd.choice(answers)
            # The July 2024 story: no separate counter for vulnerable groups yet.
            if code == "B" and i == 0:
                answer, score = "Tidak Ada", 0.0
            failed = critical and score is not None and score < 50
            items.append(
                ItemResult(
                    f"{code}.{i + 1}", body, answer, rnd.choice(NOTES), critical, failed, score
                )
            )
        scored = [it.score for it in items if it.score is not None]
        mean = round(sum(scored) / len(scored), 1) if scored else None
        sections.append(SectionResult(code, title, mean, any(it.failed for it in items), items))
    return sections
