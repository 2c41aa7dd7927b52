"""Made-up but plausible people of South Sumatra for the demo data: names, home regions, phones."""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from app.desk.nik import make_nik

# Javanese, Malay, Palembang, Minang and Batak given names heard at a South Sumatra counter.
MALE_GIVEN = (
    "Ahmad", "Muhammad", "Rizki", "Agus", "Budi", "Dedi", "Hendra", "Iwan", "Joko", "Slamet",
    "Bambang", "Wahyu", "Andi", "Fajar", "Hadi", "Rudi", "Yusuf", "Ilham", "Fikri", "Arif",
    "Dimas", "Eko", "Gilang", "Hasan", "Irfan", "Jefri", "Lukman", "Mulyadi", "Nanda", "Rahmat",
    "Syahrul", "Taufik", "Wawan", "Yoga", "Zainal", "Rozali", "Herman", "Darmawan", "Suparman",
    "Bayu", "Aditya", "Rendi", "Firdaus", "Amirudin", "Zulkifli", "Syamsul", "Marzuki", "Nasrul",
    "Rusli", "Azhari", "Helmi", "Fadli", "Reza", "Alif", "Farhan", "Haikal", "Raffi", "Akbar",
)  # fmt: skip
FEMALE_GIVEN = (
    "Siti", "Nur", "Dewi", "Sri", "Rina", "Ratna", "Yuliani", "Wulan", "Ayu", "Putri", "Indah",
    "Fitri", "Nurhayati", "Sari", "Mega", "Novi", "Eka", "Desi", "Lina", "Maya", "Anisa",
    "Aisyah", "Fatimah", "Zahra", "Aulia", "Nabila", "Salsabila", "Dian", "Endang", "Sumiati",
    "Suryani", "Kartini", "Juwita", "Melati", "Intan", "Mardiana", "Rosmala", "Hafizah",
    "Zuraida", "Halimah", "Rohani", "Yusnani", "Asmawati", "Nadia", "Keisha", "Alya", "Rara",
)  # fmt: skip
MALE_FAMILY = (
    "Saputra", "Pratama", "Syahputra", "Kurniawan", "Setiawan", "Hidayat", "Wibowo", "Nugroho",
    "Ramadhan", "Firmansyah", "Gunawan", "Maulana", "Alamsyah", "Iskandar", "Effendi", "Siregar",
    "Lubis", "Nasution", "Harahap", "Tanjung", "Chaniago", "Abdullah", "Ibrahim", "Hamid",
    "Kadir", "Rasyid", "Anwar", "Junaidi", "Santoso", "Prasetyo", "Purnomo", "Hakim", "Yahya",
)  # fmt: skip
FEMALE_FAMILY = (
    "Saputri", "Lestari", "Wulandari", "Rahmawati", "Anggraini", "Pertiwi", "Handayani",
    "Puspitasari", "Oktaviani", "Maharani", "Fitriani", "Susanti", "Safitri", "Siregar",
    "Lubis", "Nasution", "Harahap", "Tanjung", "Kurniasih", "Permatasari", "Utami",
)  # fmt: skip
# Older Javanese transmigrants often carry one name only.
SINGLE_MALE = ("Sukirno", "Paijo", "Suparno", "Sutrisno", "Kasmin", "Tukiman", "Ngadimin", "Sarmin")
SINGLE_FEMALE = ("Sumarni", "Tukiyem", "Painem", "Sulastri", "Wagiyem", "Suminah", "Sainem")
# Palembang nobility titles kept in names (Kemas, Masagus, Raden; Nyayu, Masayu).
MALE_TITLES = ("Kgs.", "Mgs.", "R.")
FEMALE_TITLES = ("Nyayu", "Masayu", "Nyimas")


@dataclass(frozen=True)
class Region:
    """Where a NIK was first issued: province and regency/city codes, town names, districts."""

    province: str
    regency: str
    towns: tuple[str, ...]
    districts: int
    weight: float


# Muara Enim (1603) first, then its neighbours and the province's cities, then farther afield.
REGIONS: tuple[Region, ...] = (
    Region("16", "03", ("Muara Enim", "Tanjung Enim", "Gunung Megang", "Gelumbang", "Lawang Kidul", "Semende"), 22, 52.0),
    Region("16", "01", ("Baturaja",), 13, 3.0),
    Region("16", "02", ("Kayu Agung",), 18, 2.5),
    Region("16", "04", ("Lahat",), 24, 6.0),
    Region("16", "05", ("Muara Beliti", "Tugumulyo"), 14, 2.0),
    Region("16", "06", ("Sekayu",), 15, 2.0),
    Region("16", "07", ("Pangkalan Balai", "Banyuasin"), 19, 1.5),
    Region("16", "08", ("Muaradua",), 19, 1.0),
    Region("16", "71", ("Palembang",), 18, 8.0),
    Region("16", "72", ("Prabumulih",), 6, 9.0),
    Region("16", "73", ("Pagar Alam",), 5, 3.0),
    Region("16", "74", ("Lubuk Linggau",), 8, 1.5),
    Region("18", "71", ("Bandar Lampung",), 20, 1.2),
    Region("17", "71", ("Bengkulu",), 9, 1.0),
    Region("15", "71", ("Jambi",), 11, 0.6),
    Region("12", "71", ("Medan",), 21, 0.8),
    Region("13", "71", ("Padang",), 11, 0.8),
    Region("31", "74", ("Jakarta",), 10, 1.0),
    Region("32", "73", ("Bandung",), 30, 0.5),
    Region("33", "74", ("Semarang",), 16, 0.5),
    Region("34", "71", ("Yogyakarta",), 14, 0.4),
    Region("35", "78", ("Surabaya",), 31, 0.4),
)  # fmt: skip
_REGION_CUM = tuple(itertools.accumulate(r.weight for r in REGIONS))
_JAVA_TOWNS = ("Klaten", "Kebumen", "Wonogiri", "Ponorogo", "Sragen", "Banyumas", "Kediri")

# Mobile prefixes of the Indonesian operators (Telkomsel, Indosat, XL, Axis, Tri, Smartfren).
PHONE_PREFIXES = (
    "0811", "0812", "0813", "0821", "0822", "0823", "0852", "0853", "0814", "0815", "0816",
    "0855", "0856", "0857", "0858", "0817", "0818", "0819", "0859", "0877", "0878", "0831",
    "0832", "0838", "0895", "0896", "0897", "0898", "0881", "0882", "0887",
)  # fmt: skip


def pick_region(rng: random.Random) -> Region:
    return rng.choices(REGIONS, cum_weights=_REGION_CUM)[0]


def birth_place(rng: random.Random, region: Region, birth: date) -> str:
    # Older people in transmigration villages were often born on Java.
    if birth.year < 1975 and rng.random() < 0.15:
        return rng.choice(_JAVA_TOWNS)
    return rng.choice(region.towns)


def person_name(rng: random.Random, sex: str, birth: date) -> str:
    """A full name in the upper case the counter types it in."""
    female = sex == "P"
    if birth.year < 1975 and rng.random() < 0.3:
        return rng.choice(SINGLE_FEMALE if female else SINGLE_MALE).upper()
    parts = []
    if rng.random() < 0.03:
        parts.append(rng.choice(FEMALE_TITLES if female else MALE_TITLES))
    given = FEMALE_GIVEN if female else MALE_GIVEN
    parts.append(rng.choice(given))
    if rng.random() < 0.35:
        parts.append(rng.choice(given))
    parts.append(rng.choice(FEMALE_FAMILY if female else MALE_FAMILY))
    return " ".join(parts).upper()


def phone_number(rng: random.Random) -> str | None:
    # random() arithmetic rather than randint/choices: a million of these in the benchmark.
    r = rng.random()
    if r < 0.05:
        return None
    digits = 7 + int(r * 3)
    return (
        PHONE_PREFIXES[int(rng.random() * len(PHONE_PREFIXES))]
        + f"{int(rng.random() * 10**digits):0{digits}d}"
    )


_AGE_BANDS = ((0, 4), (5, 16), (17, 29), (30, 44), (45, 59), (60, 74))
_AGE_CUM = tuple(itertools.accumulate((4, 13, 30, 25, 17, 11)))


def age_at_application(rng: random.Random) -> int:
    """Years of age: mostly working adults, some children, pilgrims over 60."""
    low, high = rng.choices(_AGE_BANDS, cum_weights=_AGE_CUM)[0]
    return low + int(rng.random() * (high - low + 1))


def birth_date_for(rng: random.Random, on: date, age: int) -> date:
    """A birth date giving *age* on *on*, kept within 1950–2024 and before *on*."""
    birth = on - timedelta(days=int(age * 365.25) + 1 + int(rng.random() * 364))
    if birth.year < 1950:
        birth = date(1950, 1, 1) + timedelta(days=int(rng.random() * 365))
    return min(birth, date(2024, 12, 31), on - timedelta(days=30 + int(rng.random() * 170)))


def married_at(rng: random.Random, age: int) -> bool:
    if age < 17:
        return False
    return rng.random() < (0.25 if age < 25 else 0.85)


class NikBook:
    """Hands out NIKs that are not in the database yet: serials continue after the highest seen."""

    def __init__(self, existing: Iterable[str | None] = ()):
        self._last: dict[str, int] = {}
        for nik in existing:
            if nik and len(nik) == 16 and nik.isdigit():
                prefix, serial = nik[:12], int(nik[12:])
                if serial > self._last.get(prefix, 0):
                    self._last[prefix] = serial

    def issue(self, rng: random.Random, region: Region, birth: date, sex: str) -> str:
        for _ in range(100):
            district = f"{1 + int(rng.random() * region.districts):02d}"
            prefix = make_nik(region.province, region.regency, district, birth, sex, 0)[:12]
            serial = self._last.get(prefix, 0) + 1
            if serial <= 9999:
                self._last[prefix] = serial
                return f"{prefix}{serial:04d}"
        raise RuntimeError("no free NIK serial left for this birth date")  # needs ~10^8 people
