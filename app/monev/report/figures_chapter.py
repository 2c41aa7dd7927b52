"""Chapter VIII of the visit report: the office's service figures (months as columns, figures as rows)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportlab.lib.units import cm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
)

from app.i18n import percent
from app.reports.style import HEAD_BG, esc

if TYPE_CHECKING:
    from app.monev.report.renderer import VisitReportRenderer

WIDTH = 17 * cm  # A4 less two 2 cm margins
KIND_ORDER = ("baru", "penggantian", "hilang", "rusak", "perubahan_data")


def figures(r: VisitReportRenderer) -> list[Flowable]:
    """Months as columns (a handful of them), figures as rows: reads like the meeting's slide."""
    out: list[Flowable] = r.heading("VIII", "figures", room=6 * cm)
    months = r.data.figures.months
    if not months:
        return out + [r.empty("figures")]
    kinds: list[str] = []
    for m in months:
        kinds += [k for k in m.applications_by_kind if k not in kinds]
    kinds.sort(key=lambda k: KIND_ORDER.index(k) if k in KIND_ORDER else len(KIND_ORDER))
    cell = "cell_r" if len(months) <= 8 else "small"

    def num(value: int | str | None) -> Paragraph:
        return r.p(
            "–" if value is None else r.count(value) if isinstance(value, int) else value, cell
        )

    head = [r.p(r.t("col.item_figure"), "cell_head")] + [
        r.p(r.month(m.year, m.month), "cell_head") for m in months
    ]
    rows: list[list[Any]] = [
        [r.p(f"<b>{r.t('col.epaspor')}</b>", "cell")]
        + [
            r.p(f"<b>{r.count(m.epaspor)}</b>" if m.epaspor is not None else "–", cell)
            for m in months
        ],
        [r.p(r.t("col.growth"), "cell")]
        + [r.p(r.growth(m.growth_pct) or "–", cell) for m in months],
    ]
    extra: list[tuple] = []
    if kinds:
        extra += [
            ("SPAN", (0, len(rows) + 1), (-1, len(rows) + 1)),
            ("BACKGROUND", (0, len(rows) + 1), (-1, len(rows) + 1), HEAD_BG),
        ]
        rows.append([r.p(f"<b>{r.t('col.by_kind')}</b>", "cell")] + [""] * len(months))
        for k in kinds:
            rows.append(
                [r.p("&nbsp;&nbsp;&nbsp;" + esc(r.kind_label(k)), "cell")]
                + [num(m.applications_by_kind.get(k)) for m in months]
            )
        rows.append(
            [r.p(f"<b>{r.t('col.total')}</b>", "cell")]
            + [
                num(sum(m.applications_by_kind.values()) if m.applications_by_kind else None)
                for m in months
            ]
        )
    rows.append(
        [r.p(r.t("col.wait"), "cell")]
        + [
            num(r.score(m.avg_wait_minutes) if m.avg_wait_minutes is not None else None)
            for m in months
        ]
    )
    rows.append(
        [r.p(r.t("col.no_show"), "cell")]
        + [
            num(percent(m.no_show_rate, r.lang) if m.no_show_rate is not None else None)
            for m in months
        ]
    )
    label_w = 4.6 * cm
    widths = [label_w] + [(WIDTH - label_w) / len(months)] * len(months)
    table = r.grid([], rows, widths, extra, head=[head])
    # Non-breaking spaces keep "186 (+47,6%)" on one line when the trend wraps.
    trend = " → ".join(
        (r.count(m.epaspor) if m.epaspor is not None else "–")
        + (f"&nbsp;({r.growth(m.growth_pct)})" if m.growth_pct is not None else "")
        for m in months
    )
    chart_block: list[Flowable] = [
        Spacer(1, 10),
        r.p(f"<b>{r.t('figures.chart')}</b>", "center"),
        Spacer(1, 2),
        r.figures_chart(),
        Spacer(1, 2),
        r.p(r.t("figures.trend", trend=trend), "center"),
    ]
    # The table has a dozen rows whatever the period: kept whole with its heading, never two rows overleaf.
    out = [KeepTogether([*out, table]), KeepTogether(chart_block)]
    if r.data.figures.source_note:
        out += [
            Spacer(1, 4),
            r.p(r.t("figures.source", source=esc(r.data.figures.source_note)), "small_muted"),
        ]
    return out
