"""Passport application rules: kinds, products, validity, age and the fee in force on a date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.i18n import N_
from app.problems import Problem

KINDS = ("baru", "penggantian", "hilang", "rusak", "perubahan_data")
# Kinds whose extra charge (lost / damaged) falls away in force majeure.
FORCE_MAJEURE_KINDS = frozenset({"hilang", "rusak"})
PRODUCTS = ("epaspor", "biasa")
PURPOSES = ("umum", "umrah", "haji", "pmi")

KIND_LABELS: dict[str, str] = {
    "baru": N_("New"),
    "penggantian": N_("Replacement"),
    "hilang": N_("Lost"),
    "rusak": N_("Damaged"),
    "perubahan_data": N_("Data change"),
}
PRODUCT_LABELS: dict[str, str] = {
    "epaspor": N_("e-Passport 48 pages"),
    "biasa": N_("Ordinary passport 48 pages"),
}
PURPOSE_LABELS: dict[str, str] = {
    "umum": N_("General / tourism"),
    "umrah": N_("Umrah"),
    "haji": N_("Hajj"),
    "pmi": N_("Migrant worker (PMI)"),
}
# The lines of a fee, by TariffRow.component: the passport itself (its base fee) and the extras.
FEE_COMPONENTS: dict[str, str] = {
    "passport": N_("Passport"),
    "same_day": N_("Same-day"),
    "lost": N_("Lost charge"),
    "damaged": N_("Damaged charge"),
}


def age_on(birth: date, on: date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def is_minor(birth: date, on: date, married: bool) -> bool:
    """Under 17 and unmarried: a minor for passport purposes."""
    return age_on(birth, on) < 17 and not married


def allowed_validities(birth: date, on: date, married: bool) -> tuple[int, ...]:
    return (5,) if is_minor(birth, on, married) else (5, 10)


def check_validity(validity: int, birth: date, on: date, married: bool) -> Problem | None:
    if validity not in (5, 10):
        return Problem("validity.invalid", "validity_years")
    if validity not in allowed_validities(birth, on, married):
        return Problem("validity.minor", "validity_years")
    return None


@dataclass(frozen=True)
class TariffRow:
    code: str
    component: str  # passport | same_day | lost | damaged
    amount: int
    valid_from: date
    basis: str
    product: str | None = None
    validity_years: int | None = None


@dataclass(frozen=True)
class FeeLine:
    tariff_code: str
    component: str
    amount: int
    basis: str


@dataclass(frozen=True)
class Fee:
    lines: tuple[FeeLine, ...]

    @property
    def total(self) -> int:
        return sum(line.amount for line in self.lines)


def _in_force(rows: list[TariffRow], on: date, component: str, **match: object) -> TariffRow | None:
    best: TariffRow | None = None
    for row in rows:
        if row.component != component or row.valid_from > on:
            continue
        if any(getattr(row, k) != v for k, v in match.items()):
            continue
        if best is None or row.valid_from > best.valid_from:
            best = row
    return best


def compute_fee(
    rows: list[TariffRow],
    on: date,
    kind: str,
    product: str,
    validity_years: int,
    same_day: bool = False,
    force_majeure: bool = False,
) -> Fee:
    """The PNBP fee in force on *on*; raises LookupError when the table has no row."""
    base = _in_force(rows, on, "passport", product=product, validity_years=validity_years)
    if base is None:
        raise LookupError(f"tariff passport/{product}/{validity_years} on {on}")
    lines = [FeeLine(base.code, "passport", base.amount, base.basis)]
    extras: list[str] = []
    if same_day:
        extras.append("same_day")
    if kind == "hilang":
        extras.append("lost")
    elif kind == "rusak":
        extras.append("damaged")
    for component in extras:
        row = _in_force(rows, on, component)
        if row is None:
            raise LookupError(f"tariff {component} on {on}")
        charged = 0 if force_majeure and component in ("lost", "damaged") else row.amount
        lines.append(FeeLine(row.code, component, charged, row.basis))
    return Fee(tuple(lines))
