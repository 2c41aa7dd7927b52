"""The key figures of the period as tiles: applications, e-Paspor, growth, waiting time against
the SOP target, SOP compliance, no-shows and foreign nationals' services."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from app.figures.statistics_model import Period, Spread, Statistics
from app.i18n import N_, _, growth, month_name, number, percent, short_month

DASH = "–"  # nothing known: never shown as 0

# Tile code -> its caption (English source).
TILES: dict[str, str] = {
    "applications": N_("Applications"),
    "epaspor": N_("e-Paspor"),
    "growth": N_("Growth"),
    "wait_median": N_("Median wait"),
    "wait_p90": N_("Wait, 90th percentile"),
    "sop": N_("SOP compliance"),
    "no_show": N_("No-show rate"),
    "wna": N_("Foreign nationals' services"),
}


def minutes(value: float | None, lang: str | None = None) -> str:
    """'12,5 menit' ('30 menit' for a whole number of minutes); a dash when nothing is known."""
    if value is None:
        return DASH
    pattern = "#,##0" if isinstance(value, int) else "#,##0.0"
    return _("{0} min", lang).format(number(value, lang, pattern))


def _share(value: float | None, lang: str | None) -> str:
    return DASH if value is None else percent(value, lang)


def _count(value: int | None, lang: str | None) -> str:
    return DASH if value is None else number(value, lang)


def previous_period_words(period: Period, lang: str | None = None) -> str:
    """The period the growth compares with: as many months before, ending the month before."""
    months = period.month_list()
    index = months[0][0] * 12 + months[0][1] - 1 - len(months)
    first = (index // 12, index % 12 + 1)
    last_index = months[0][0] * 12 + months[0][1] - 2
    last = (last_index // 12, last_index % 12 + 1)
    if first == last:
        return month_name(*first, lang)
    return f"{short_month(*first, lang)} – {short_month(*last, lang)}"


def sop_target(stats: Statistics) -> int | None:
    """The SOP target the period's tickets were held to: the busiest service's when they differ."""
    services = [s for s in stats.services if s.called]
    if not services:
        return None
    return max(services, key=lambda s: s.called).sop_minutes


def tile_texts(stats: Statistics, lang: str | None = None) -> dict[str, tuple[str, str]]:
    """Tile code -> (value, the line under it), in the user's language."""
    total = stats.total
    share = total.epaspor_share
    target = sop_target(stats)
    per_service = len({s.sop_minutes for s in stats.services if s.called}) > 1
    target_words = (
        ""
        if target is None
        else (
            _("SOP target {0} (busiest service)", lang)
            if per_service
            else _("SOP target {0}", lang)
        ).format(minutes(target, lang))
    )
    wait: Spread = total.wait
    growth_words = DASH if total.growth is None else growth(total.growth, lang)
    epaspor_growth = (
        "" if total.epaspor_growth is None else
        _("e-Paspor {0}", lang).format(growth(total.epaspor_growth, lang))
    )  # fmt: skip
    against = _("vs {0}", lang).format(previous_period_words(stats.period, lang))
    return {
        "applications": (
            _count(total.applications, lang),
            _("Ordinary {0}", lang).format(_count(total.ordinary, lang)),
        ),
        "epaspor": (
            _count(total.epaspor, lang),
            _("{0} of applications", lang).format(_share(share, lang)),
        ),
        "growth": (growth_words, " · ".join(w for w in (against, epaspor_growth) if w)),
        "wait_median": (
            minutes(wait.median, lang),
            _("{0} called tickets", lang).format(number(wait.count, lang)),
        ),
        "wait_p90": (minutes(wait.p90, lang), target_words),
        "sop": (_share(total.sop_share, lang), _("served within the SOP target", lang)),
        "no_show": (_share(total.no_show_rate, lang), _("of called tickets", lang)),
        "wna": (_count(total.wna_services, lang), _("stay-permit requests", lang)),
    }


class KeyFigureTile(QFrame):
    """A caption, a large value and one line of context."""

    def __init__(self, caption: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("keyFigureTile")
        self.setStyleSheet(
            "#keyFigureTile { background: #f5f7fa; border: 1px solid #d5dae0; border-radius: 4px; }"
        )
        self.caption = QLabel(caption)
        self.caption.setStyleSheet("color: #555555;")
        self.value = QLabel(DASH)
        self.value.setStyleSheet("font-size: 20px; font-weight: bold; color: #1f3864;")
        self.detail = QLabel()
        self.detail.setStyleSheet("color: #555555;")
        self.detail.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(1)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        layout.addWidget(self.detail)
        layout.addStretch(1)

    def set_texts(self, value: str, detail: str) -> None:
        self.value.setText(value)
        self.detail.setText(detail)


class KeyFigureTiles(QWidget):
    """The tiles in one row (eight fit at 1366×768); `tiles[code]` for each."""

    COLUMNS = 8

    def __init__(self, lang: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.lang = lang
        self.tiles: dict[str, KeyFigureTile] = {}
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(8)
        layout.setVerticalSpacing(6)
        for i, (code, caption) in enumerate(TILES.items()):
            tile = KeyFigureTile(_(caption, lang))
            self.tiles[code] = tile
            layout.addWidget(tile, i // self.COLUMNS, i % self.COLUMNS)

    def set_statistics(self, stats: Statistics | None) -> None:
        if stats is None:
            for tile in self.tiles.values():
                tile.set_texts(DASH, "")
            return
        for code, (value, detail) in tile_texts(stats, self.lang).items():
            self.tiles[code].set_texts(value, detail)

    def text_of(self, code: str) -> str:
        return self.tiles[code].value.text()
