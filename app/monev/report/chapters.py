"""The ten chapters of the visit report, I. Identitas kegiatan to X. Penutup, as ReportLab flowables."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportlab.lib.units import cm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from app.monev.findings import FINDING_STATUSES, PRIORITIES
from app.monev.report.data import Signatory
from app.monev.report.figures_chapter import figures
from app.reports.style import FAIL, FAIL_BG, RULE, esc, label_table_style

if TYPE_CHECKING:
    from app.monev.report.renderer import VisitReportRenderer

RED = "#" + FAIL.hexval()[2:]
WIDTH = 17 * cm  # A4 less two 2 cm margins


def chapters(r: VisitReportRenderer) -> list[Flowable]:
    return [
        *identity(r),
        *team(r),
        *method(r),
        *summary(r),
        *checklist(r),
        *findings(r),
        *followup(r),
        *figures(r),
        *photos(r),
        *closing(r),
    ]


def _red(markup: str) -> str:
    return f'<font color="{RED}"><b>{markup}</b></font>'


def identity(r: VisitReportRenderer) -> list[Flowable]:
    d = r.data
    rows: list[tuple[str, Any]] = [
        (r.t("id.office"), r.p(f"<b>{esc(d.visited_office)}</b>")),
        (r.t("id.date"), r.p(r.date_range())),
        (r.t("id.place"), r.p(esc(d.visited_office_address or d.place))),
        (r.t("id.basis"), r.numbered(d.basis)),
        (r.t("id.purpose"), r.numbered(d.purposes)),
        (
            r.t("id.instrument"),
            r.p(
                r.t("id.instrument_value", title=esc(d.template_title), version=d.template_version)
            ),
        ),
    ]
    return [*r.heading("I", "identity"), r.label_rows(rows)]


def team(r: VisitReportRenderer) -> list[Flowable]:
    d = r.data
    out: list[Flowable] = [*r.heading("II", "team"), r.p(r.t("team"), "h2")]
    if d.team:
        rows = [
            [
                r.p(str(i), "cell_c"),
                r.p(esc(m.name), "cell"),
                r.p(esc(m.nip), "cell"),
                r.p(esc(m.position), "cell"),
                r.p(esc(m.role), "cell"),
            ]
            for i, m in enumerate(d.team, 1)
        ]
        heads = [r.t(f"col.{k}") for k in ("no", "name", "nip", "position", "role")]
        out.append(r.grid(heads, rows, [0.8 * cm, 4.4 * cm, 3.6 * cm, 5.4 * cm, 2.8 * cm]))
    else:
        out.append(r.empty("team"))
    out += r.subheading(r.t("reps"))
    if d.office_reps:
        rows = [
            [
                r.p(str(i), "cell_c"),
                r.p(esc(p.name), "cell"),
                r.p(esc(p.nip), "cell"),
                r.p(esc(p.position), "cell"),
            ]
            for i, p in enumerate(d.office_reps, 1)
        ]
        heads = [r.t(f"col.{k}") for k in ("no", "name", "nip", "position")]
        out.append(r.grid(heads, rows, [0.8 * cm, 4.9 * cm, 3.6 * cm, 7.7 * cm]))
    else:
        out.append(r.empty("reps"))
    return out


def method(r: VisitReportRenderer) -> list[Flowable]:
    intro = r.t("method.intro" if r.fonts.unicode else "method.intro_ascii")
    groups = r.supervision_groups()
    cells = [
        [r.p(f"<b>{name}</b>")]
        + [r.p(f"{r.checkbox(on)}&nbsp;&nbsp;{esc(label)}") for label, on in items]
        for name, items in groups
    ]
    table = Table([cells], colWidths=[WIDTH / len(cells)] * len(cells), hAlign="LEFT")
    table.setStyle(label_table_style(r.fonts))
    return [KeepTogether([*r.heading("III", "method"), r.p(intro), Spacer(1, 4), table])]


def summary(r: VisitReportRenderer) -> list[Flowable]:
    d = r.data
    failed = sum(1 for s in d.sections if s.failed)
    big = [
        r.p(r.score(d.total_score), "score_big"),
        r.p(f"<b>{r.t('summary.total')}</b>", "center"),
        r.p(r.t("summary.scale"), "small_muted_c"),
    ]
    facts = [
        (r.t("summary.sections"), str(len(d.sections))),
        (r.t("summary.failed_sections"), _red(str(failed)) if failed else "0"),
        (r.t("summary.items"), str(sum(len(s.items) for s in d.sections))),
        (r.t("summary.findings"), str(len(d.findings))),
        (r.t("summary.followup"), str(len(d.previous_findings))),
    ]
    fact_table = Table(
        [[r.p(k), r.p(":"), r.p(v)] for k, v in facts],
        colWidths=[6.2 * cm, 0.4 * cm, 4.4 * cm],
        hAlign="LEFT",
    )
    fact_table.setStyle(label_table_style(r.fonts))
    top = Table([[big, fact_table]], colWidths=[5.5 * cm, 11.5 * cm], hAlign="LEFT")
    top.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (0, 0), 1, RULE),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (1, 0), (1, 0), 14),
                ("TOPPADDING", (0, 0), (0, 0), 6),
                ("BOTTOMPADDING", (0, 0), (0, 0), 8),
            ]
        )
    )
    out: list[Flowable] = [*r.heading("IV", "summary", room=8 * cm), top, Spacer(1, 8)]
    if not d.sections:
        return out + [r.empty("sections")]
    rows, extra = [], []
    for i, s in enumerate(d.sections, 1):
        if s.failed:
            remark = _red(r.t("failed_critical"))
            extra.append(("BACKGROUND", (0, i), (-1, i), FAIL_BG))
        else:
            remark = r.grade(s.score) if s.score is not None else r.t("unscored")
        rows.append(
            [
                r.p(esc(s.code), "cell_c"),
                r.p(esc(s.title), "cell"),
                r.p(str(len(s.items)), "cell_c"),
                r.p(f"<b>{r.score(s.score)}</b>", "cell_r"),
                r.p(remark, "cell"),
            ]
        )
    heads = [r.t(f"col.{k}") for k in ("code", "section", "items", "score", "remark")]
    table = r.grid(heads, rows, [1.2 * cm, 8.8 * cm, 1.5 * cm, 1.7 * cm, 3.8 * cm], extra)
    return out + [
        table,
        Spacer(1, 2),
        r.p(r.t("grade_note"), "small_muted"),
        Spacer(1, 8),
        KeepTogether([r.section_chart()]),
    ]


def checklist(r: VisitReportRenderer) -> list[Flowable]:
    out: list[Flowable] = r.heading("V", "checklist")
    if not r.data.sections:
        return out + [r.empty("sections")]
    mark = r.t("critical" if r.fonts.unicode else "critical_ascii")
    heads = [r.t(f"col.{k}") for k in ("no", "item", "answer", "note")]
    for s in r.data.sections:
        title = f"{esc(s.code)}. {esc(s.title)} — {r.t('section_score', score=r.score(s.score))}"
        if s.failed:
            title += " " + _red(r.t("failed_critical"))
        if not s.items:
            out += [*r.subheading(title), r.empty("section_items")]
            continue
        rows: list[list[Any]] = []
        # The section name is a header row: a page that continues the table still says whose rows these are.
        extra: list[tuple] = [("SPAN", (0, 0), (-1, 0)), ("ALIGN", (0, 0), (-1, 0), "LEFT")]
        for i, item in enumerate(s.items, 2):
            markup = esc(item.text)
            if item.critical:
                tag = mark + (" " + r.t("critical_failed") if item.failed else "")
                markup += f'<br/><font size="7" color="{RED}"><b>{tag}</b></font>'
            if item.failed:
                extra.append(("BACKGROUND", (0, i), (-1, i), FAIL_BG))
            rows.append(
                [
                    r.p(esc(item.code), "cell_c"),
                    r.p(markup, "cell"),
                    r.p(esc(item.answer_label) or "–", "cell"),
                    r.p(esc(item.note), "cell"),
                ]
            )
        head = [[r.p(title, "cell_band"), "", "", ""], [r.p(h, "cell_head") for h in heads]]
        out += [CondPageBreak(3.5 * cm), Spacer(1, 6)]
        out.append(r.grid(heads, rows, [1.7 * cm, 7.2 * cm, 2.8 * cm, 5.3 * cm], extra, head=head))
    return out


def findings(r: VisitReportRenderer) -> list[Flowable]:
    out: list[Flowable] = r.heading("VI", "findings")
    if not r.data.findings:
        return out + [r.empty("findings")]
    rows = []
    for f in r.data.findings:
        ref = r.t("ref", ref=esc(f.ref)) if f.ref else r.t("general")
        priority = r.code_label(PRIORITIES, f.priority)
        if f.priority.strip().lower() in ("tinggi", "kritis"):
            priority = _red(priority)
        rows.append(
            [
                r.p(str(f.number), "cell_c"),
                [r.p(ref, "small_muted"), r.p(esc(f.text), "cell")],
                r.p(esc(f.direction), "cell"),
                r.p(priority, "cell"),
                r.p(esc(f.owner), "cell"),
                r.p(r.plain_date(f.due_date), "cell"),
                r.p(r.code_label(FINDING_STATUSES, f.status), "cell"),
            ]
        )
    heads = [
        r.t(f"col.{k}")
        for k in ("no", "finding", "direction", "priority", "owner", "due", "status")
    ]
    # The status column holds "Outstanding" on one line (English has no shorter word for it).
    widths = [0.8 * cm, 4.1 * cm, 4.1 * cm, 1.7 * cm, 2.4 * cm, 1.9 * cm, 2.0 * cm]
    return out + [r.grid(heads, rows, widths)]


def followup(r: VisitReportRenderer) -> list[Flowable]:
    out: list[Flowable] = r.heading("VII", "followup")
    if not r.data.previous_findings:
        return out + [r.empty("followup")]
    rows = []
    for i, f in enumerate(r.data.previous_findings, 1):
        what = [r.p(esc(f.text), "cell")]
        who = " · ".join(
            x for x in (esc(f.owner), r.plain_date(f.due_date) if f.due_date else "") if x
        )
        if who:
            what.append(r.p(who, "small_muted"))
        rows.append(
            [
                r.p(str(i), "cell_c"),
                what,
                r.p(r.plain_date(f.original_visit_date), "cell"),
                r.p(r.code_label(FINDING_STATUSES, f.original_status), "cell"),
                r.p(f"<b>{r.code_label(FINDING_STATUSES, f.current_status)}</b>", "cell"),
                r.p(esc(f.last_note) or "–", "cell"),
            ]
        )
    heads = [
        r.t(f"col.{k}") for k in ("no", "finding", "visit_date", "original", "current", "last_note")
    ]
    widths = [
        0.8 * cm,
        4.9 * cm,
        2.2 * cm,
        2.0 * cm,
        2.3 * cm,
        4.8 * cm,
    ]  # statuses on one line, as above
    return out + [r.grid(heads, rows, widths)]


def photos(r: VisitReportRenderer) -> list[Flowable]:
    # Room for the heading and one row of photos, so the heading never ends a page alone.
    out: list[Flowable] = r.heading("IX", "photos", room=8 * cm)
    if not r.data.photos:
        return out + [r.empty("photos")]
    cells: list[Any] = r.photo_cells()
    rows = [cells[i : i + 2] for i in range(0, len(cells), 2)]
    if len(rows[-1]) == 1:
        rows[-1].append("")
    table = Table(rows, colWidths=[WIDTH / 2] * 2, hAlign="CENTER")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    return out + [table]


def _signature_column(r: VisitReportRenderer, role_key: str, who: Signatory) -> list[Any]:
    # A blank name or NIP prints dots to fill in by hand, as on a paper form.
    name = esc(who.name) if who.name.strip() else "(" + "." * 40 + ")"
    nip = esc(who.nip) if who.nip.strip() else "." * 30
    return [
        r.p(f"<b>{r.t(role_key)}</b>", "sign"),
        r.p(esc(who.position), "sign"),
        "",
        r.p(f"<u>{name}</u>", "sign_name"),
        r.p(r.t("sign.nip", nip=nip), "sign"),
    ]


def closing(r: VisitReportRenderer) -> list[Flowable]:
    d = r.data
    body = (
        esc(d.closing_text)
        if d.closing_text.strip()
        else r.t("closing", office=esc(d.visited_office))
    )
    left = _signature_column(r, "sign.leader", d.leader)
    right = _signature_column(r, "sign.head", d.office_head)
    # One row per line of the block, so both names sit on the same line whatever the positions' length.
    rows = [[r.p(f"{esc(d.place)}, {r.plain_date(d.signed_on)}", "sign"), ""]] + [
        [a, b] for a, b in zip(left, right, strict=True)
    ]
    table = Table(
        rows, colWidths=[WIDTH / 2] * 2, rowHeights=[None, None, None, 2.0 * cm, None, None]
    )
    table.setStyle(
        TableStyle(
            [
                ("SPAN", (0, 0), (1, 0)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BOTTOMPADDING", (0, 0), (-1, 0), 10),
                ("TOPPADDING", (0, 1), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 1), (-1, -1), 1),
            ]
        )
    )
    return [
        KeepTogether(
            [*r.heading("X", "closing"), Paragraph(body, r.styles["body_j"]), Spacer(1, 14), table]
        )
    ]
