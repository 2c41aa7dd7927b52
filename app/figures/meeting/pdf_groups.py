"""The meeting report's later sections: applications and tickets by group, foreign nationals'
services, tickets by service and the open findings of supervision visits."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, Flowable, Spacer, Table, TableStyle

from app.desk.passport import KIND_LABELS, PRODUCT_LABELS
from app.desk.stay_permits import PERMIT_KINDS
from app.figures.meeting.data import OpenFinding
from app.figures.meeting.pdf import BODY_W, DASH
from app.figures.statistics_model import AGE_GROUP_LABELS, CHANNEL_LABELS, NORMAL_PRIORITY
from app.i18n import _
from app.monev.findings import FINDING_STATUSES, PRIORITIES
from app.queue.numbering import PRIORITIES as TICKET_PRIORITIES
from app.reports.style import RULE, esc

if TYPE_CHECKING:
    from app.figures.meeting.pdf import MeetingReportRenderer

GAP = 0.5 * cm  # between the two columns of small tables
PAGE_LENGTH = 100 * cm  # room to measure a paragraph's height in


def _share_table(
    r: MeetingReportRenderer, title_key: str, counts: Mapping[str, int], names: Mapping[str, str],
    width: float, known: bool = True,
) -> list[Flowable]:  # fmt: skip
    """A small 'group | number | share' table with its total; dashes when nothing is known."""
    whole = sum(counts.values())
    rows: list[list[object]] = [
        [r.p(esc(names.get(code, code)), "cell"),
         r.count(n) if known else DASH, r.share_of(n, whole) if known else DASH]
        for code, n in counts.items()
    ]  # fmt: skip
    rows.append(
        [
            r.t("col.total"),
            r.count(whole) if known else DASH,
            r.share_of(whole, whole) if known else DASH,
        ]
    )
    number_w = 2.0 * cm
    table = r.grid(
        [r.t(title_key), r.t("col.count"), r.t("col.share_of")],
        rows,
        [width - 2 * number_w, number_w, number_w],
        [
            ("FONTNAME", (0, -1), (-1, -1), r.fonts.bold),
            ("LINEABOVE", (0, -1), (-1, -1), 0.8, RULE),
        ],
    )
    table.hAlign = "LEFT"
    return [table]


def _pairs(cells: list[list[Flowable]], width: float) -> Table:
    rows = [cells[i : i + 2] + [[]] * (2 - len(cells[i : i + 2])) for i in range(0, len(cells), 2)]
    table = Table(rows, colWidths=[width + GAP, width], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
    ]))  # fmt: skip
    return table


def breakdowns(r: MeetingReportRenderer) -> list[Flowable]:
    s = r.stats
    width = (BODY_W - GAP) / 2
    # Groups are counted from live rows only: a period of imported months alone has none.
    live = any(b.source == "live" for b in s.buckets)
    kinds = {code: _(name, r.lang) for code, name in KIND_LABELS.items()}
    products = {code: _(name, r.lang) for code, name in PRODUCT_LABELS.items()}
    channels = {code: _(name, r.lang) for code, name in CHANNEL_LABELS.items()}
    sexes = {"L": r.t("male"), "P": r.t("female")}
    ages = {code: _(name, r.lang) for code, name in AGE_GROUP_LABELS.items()}
    priorities = {code: _(name, r.lang) for code, name in TICKET_PRIORITIES.items()}
    priorities[NORMAL_PRIORITY] = r.t("normal_priority")
    cells = [
        _share_table(r, "by_kind", s.by_kind, kinds, width, live),
        _share_table(r, "by_product", s.by_product, products, width, live),
        _share_table(r, "by_channel", s.by_channel, channels, width, live),
        _share_table(r, "by_sex", s.by_sex, sexes, width, live),
        _share_table(r, "by_age", s.by_age_group, ages, width, live),
        _share_table(r, "by_priority", s.by_priority, priorities, width, live),
    ]
    out = r.heading("breakdown", room=7 * cm) + [_pairs(cells, width)]
    if live and any(b.source == "import" for b in s.buckets):
        out.append(r.p(esc(r.t("live_only")), "small_muted"))
    return out


def foreign(r: MeetingReportRenderer) -> list[Flowable]:
    s = r.stats
    out = r.heading("foreign", room=5 * cm)
    if not sum(s.foreign_services.values()):
        return out + [r.empty("foreign")]
    names = {code: _(name, r.lang) for code, name in PERMIT_KINDS.items()}
    return out + _share_table(r, "col.permit", s.foreign_services, names, (BODY_W - GAP) / 2)


def services(r: MeetingReportRenderer) -> list[Flowable]:
    rows_in = [row for row in r.stats.services if row.tickets]
    out = r.heading("services", room=5 * cm)
    if not rows_in:
        return out + [r.empty("services")]
    rows: list[list[object]] = [
        [r.p(f"<b>{esc(row.prefix)}</b>&nbsp;&nbsp;{esc(_(row.name, r.lang))}", "cell"),
         r.count(row.tickets), r.count(row.called), r.pct(row.no_show_rate), *r.spread(row.wait),
         r.count(row.sop_minutes), r.pct(row.sop_share)]
        for row in rows_in
    ]  # fmt: skip
    head = [
        "service",
        "tickets",
        "called",
        "no_show",
        "wait_median",
        "wait_p90",
        "sop_target",
        "sop",
    ]
    words = [r.t("col." + h) for h in head]
    emphasis = [("FONTNAME", (7, 1), (7, -1), r.fonts.bold)]
    table = r.grid(words, rows, r.number_widths(words, 4.6 * cm), emphasis)
    return out + [table, Spacer(1, 3), r.p(esc(r.t("services_note")), "small_muted")]


TALLEST_ROW = (
    12 * cm
)  # a table row cannot break over a page; findings taller than this are listed instead


def _finding_status(r: MeetingReportRenderer, f: OpenFinding) -> str:
    priority, status = (
        r.code_label(PRIORITIES, f.priority),
        r.code_label(FINDING_STATUSES, f.status),
    )
    return f"{esc(priority)}<br/><i>{esc(status)}</i>"


def _finding_list(r: MeetingReportRenderer, found: list[OpenFinding]) -> list[Flowable]:
    """Each finding as a short ruled line of its facts with its finding and direction below in
    full: paragraphs break over pages where a table row cannot."""
    out: list[Flowable] = []
    widths = [0.8 * cm, 3.0 * cm, 5.5 * cm, 3.0 * cm]
    widths.append(BODY_W - sum(widths))
    head = [r.t("col.no"), r.t("col.visit_date"), r.t("col.owner"), r.t("col.due"),
            f"{r.t('col.priority')} / {r.t('col.status')}"]  # fmt: skip
    for n, f in enumerate(found, 1):
        facts = [[str(n), r.p(esc(r.plain_date(f.visit_date)), "cell"), r.p(esc(f.owner or DASH), "cell"),
                  r.p(esc(r.plain_date(f.due_date)), "cell"), r.p(_finding_status(r, f), "cell")]]  # fmt: skip
        text = r.p(f"<b>{esc(r.t('col.finding'))}:</b> {esc(f.text)}", "body")
        direction = r.p(f"<b>{esc(r.t('col.direction'))}:</b> {esc(f.direction or DASH)}", "body")
        out += [CondPageBreak(4 * cm), r.grid(head, facts, widths, right_from=None), Spacer(1, 3),
                text, Spacer(1, 2), direction, Spacer(1, 10)]  # fmt: skip
    return out


def findings(r: MeetingReportRenderer) -> list[Flowable]:
    found = r.report.open_findings
    if not found:
        return r.heading("findings", room=5 * cm) + [r.empty("findings")]
    widths = [0.8 * cm, 2.1 * cm, 3.8 * cm, 3.5 * cm, 2.2 * cm, 2.3 * cm]
    widths.append(BODY_W - sum(widths))
    rows: list[list[Any]] = [
        [str(n), r.p(esc(r.plain_date(f.visit_date)), "cell"), r.p(esc(f.text), "cell"),
         r.p(esc(f.direction or DASH), "cell"), r.p(esc(f.owner or DASH), "cell"),
         r.p(esc(r.plain_date(f.due_date)), "cell"), r.p(_finding_status(r, f), "cell")]
        for n, f in enumerate(found, 1)
    ]  # fmt: skip
    tallest = max(
        cell.wrap(w - 7, PAGE_LENGTH)[1]
        for row in rows
        for cell, w in zip(row[2:], widths[2:], strict=False)
    )
    first_row = max(
        cell.wrap(w - 7, PAGE_LENGTH)[1] for cell, w in zip(rows[0][2:], widths[2:], strict=False)
    )
    # The heading, its note, the table's header and its first row go to a page together.
    out = r.heading("findings", room=max(5 * cm, 3.5 * cm + min(first_row, TALLEST_ROW)))
    out.append(r.p(esc(r.t("findings_intro")), "small_muted"))
    out.append(Spacer(1, 3))
    if tallest > TALLEST_ROW:
        return out + _finding_list(r, found)
    head = ["no", "visit_date", "finding", "direction", "owner", "due", "priority"]
    head_text = [r.t("col." + h) for h in head]
    head_text[-1] = f"{r.t('col.priority')} / {r.t('col.status')}"
    return out + [
        r.grid(head_text, rows, widths, [("ALIGN", (0, 1), (0, -1), "RIGHT")], right_from=None)
    ]
